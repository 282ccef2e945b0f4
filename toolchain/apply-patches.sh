#!/bin/sh
# Apply every NNNN-name.patch of PATCHDIR to SRCDIR, in name order.
#   apply-patches.sh SRCDIR PATCHDIR
set -eu
src=$1 dir=$2
[ -d "$dir" ] || { echo "no patches in $dir"; exit 0; }
for p in "$dir"/*.patch; do
    [ -f "$p" ] || continue
    echo "applying $(basename "$p")"
    patch -d "$src" -p1 --forward --batch < "$p" ||
        { echo "x86_64-none: patch $p does not apply to $src" >&2; exit 1; }
done
