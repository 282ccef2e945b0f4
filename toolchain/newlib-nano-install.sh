#!/bin/sh
# Move newlib-nano's libraries and its newlib.h from the side install into
# the staging tree, under nano's names, next to newlib's:
#   LIB/MULTILIB/libc.a  -> libc_nano.a     LIB/MULTILIB/libg.a -> libg_nano.a
#   include/newlib.h     -> lib/newlib-include/newlib-nano/newlib.h
# (libm is newlib's own: its objects reach the C library's state only
# through functions, so one serves both.)
#   newlib-nano-install.sh ASIDE-TOOLDIR STAGE-TOOLDIR
set -eu
aside=$1 stage=$2
[ -f "$aside/include/newlib.h" ] || { echo "newlib-nano-install: no $aside/include/newlib.h" >&2; exit 1; }
[ -d "$stage/lib/newlib-include" ] || { echo "newlib-nano-install: newlib is not installed in $stage" >&2; exit 1; }
moved=0
for lib in $(cd "$aside/lib" && find . -name libc.a -o -name libg.a | sort); do
    dir=$(dirname "$lib") base=$(basename "$lib" .a)
    mkdir -p "$stage/lib/$dir"
    cp "$aside/lib/$lib" "$stage/lib/$dir/${base}_nano.a"
    moved=$((moved + 1))
done
[ "$moved" -gt 0 ] || { echo "newlib-nano-install: no libraries in $aside/lib" >&2; exit 1; }
mkdir -p "$stage/lib/newlib-include/newlib-nano"
cp "$aside/include/newlib.h" "$stage/lib/newlib-include/newlib-nano/newlib.h"
echo "newlib-nano-install: $moved libraries and newlib.h"
