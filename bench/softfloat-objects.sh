#!/bin/sh
# softfloat-objects.sh LD OBJCOPY ARCHIVE PREFIX OUT SYMBOL...
# Links the members of ARCHIVE that define SYMBOL... into one relocatable
# object OUT, every symbol renamed PREFIX<name>, so that two libraries'
# routines of the same names (libgcc's and compiler-rt's __adddf3) can be
# linked into one program.
set -eu
ld=$1 objcopy=$2 archive=$3 prefix=$4 out=$5
shift 5
[ -f "$archive" ] || { echo "softfloat-objects.sh: $archive not found" >&2; exit 1; }
undefined=
for sym in "$@"; do undefined="$undefined -u $sym"; done
# shellcheck disable=SC2086
"$ld" -r $undefined -o "$out.tmp" "$archive"
"$objcopy" --prefix-symbols="$prefix" "$out.tmp" "$out"
rm -f "$out.tmp"
