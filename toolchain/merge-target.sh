#!/bin/sh
# Give a toolchain tree built for another host the target files of the
# native one: what a target's folders (lib/gcc/TARGET and TARGET/) hold in
# NATIVE and not in HOST-TREE (libgcc, libstdc++, newlib, start files) is
# copied in.  These files do not depend on the host the compiler runs
# on, so they are built once, by the native build.
#   merge-target.sh NATIVE HOST-TREE TARGET
# Then no file of HOST-TREE may be a program or shared object for this
# machine (x86-64): one would be a native program carried into a kit for
# another host.
set -eu
me=x86_64-none-merge-target
die() { echo "$me: $*" >&2; exit 1; }
[ $# -eq 3 ] || die "usage: merge-target.sh NATIVE HOST-TREE TARGET"
native=$1 tree=$2 target=$3
for d in "lib/gcc/$target" "$target"; do
    [ -d "$native/$d" ] || die "$native/$d is missing: is $native a native kit's folder?"
    (cd "$native" && find "$d" ! -type d) | while read -r f; do
        [ -e "$tree/$f" ] || [ -L "$tree/$f" ] || {
            mkdir -p "$(dirname "$tree/$f")" && cp -Pp "$native/$f" "$tree/$f"
        } || die "cannot copy $f into $tree"
    done
done

# e_type (bytes 16-17) and e_machine (18-19) of an ELF file, little-endian.
elf_kind() {
    od -An -tu2 -j16 -N4 "$1" 2> /dev/null | awk '{ print $1, $2 }'
}
find "$tree" -type f | while read -r f; do
    [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
    case $(elf_kind "$f") in
    "2 62" | "3 62") die "$f is a program for this machine (x86-64), not for the tree's host" ;;
    esac
done
echo "$me: target files of $native merged into $tree"
