#!/bin/sh
# softfloat-objects.sh LD NM OBJCOPY ARCHIVE PREFIX OUT SYMBOL...
# Links the members of ARCHIVE that define SYMBOL... into one relocatable
# object OUT and renames every global symbol it defines to PREFIX<name>,
# so that two libraries' routines of the same names (libgcc's and
# compiler-rt's __adddf3) can be linked into one program.  What they
# need from outside (__stack_chk_fail) keeps its name.
set -eu
ld=$1 nm=$2 objcopy=$3 archive=$4 prefix=$5 out=$6
shift 6
[ -f "$archive" ] || { echo "softfloat-objects.sh: $archive not found" >&2; exit 1; }
undefined=
for sym in "$@"; do undefined="$undefined -u $sym"; done
trap 'rm -f "$out.tmp" "$out.map"' EXIT
# shellcheck disable=SC2086
"$ld" -r $undefined -o "$out.tmp" "$archive"
"$nm" -g --defined-only "$out.tmp" | awk -v p="$prefix" 'NF == 3 { print $3, p $3 }' > "$out.map"
"$objcopy" --redefine-syms="$out.map" "$out.tmp" "$out"
