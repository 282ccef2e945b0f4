#!/bin/sh
# Apply every NNNN-name.patch of PATCHDIR to SRCDIR, in name order, then
# copy PATCHDIR/overlay/ (the kit's own files: new files only, never an
# upstream one) into SRCDIR.
#   apply-patches.sh SRCDIR PATCHDIR required|optional
# "required": a missing PATCHDIR is an error (a version bump that forgot
# to rename the patch folder must not build an unpatched compiler).
set -eu
me=x86_64-none-apply-patches
src=$1 dir=$2 need=${3:-optional}
if [ ! -d "$dir" ]; then
    [ "$need" = required ] &&
        { echo "$me: patch folder $dir is missing: rename the previous version's folder to it and check each patch applies (docs/maintainers.md)" >&2; exit 1; }
    echo "no patches in $dir"
    exit 0
fi
for p in "$dir"/*.patch; do
    [ -f "$p" ] || continue
    echo "applying $(basename "$p")"
    patch -d "$src" -p1 --forward --batch < "$p" ||
        { echo "$me: patch $p does not apply to $src" >&2; exit 1; }
done
[ -d "$dir/overlay" ] || exit 0
# Overlay files are new files: one that exists upstream means a patch
# should change it instead.
(cd "$dir/overlay" && find . -type f) | LC_ALL=C sort | while read -r f; do
    [ ! -e "$src/$f" ] ||
        { echo "$me: overlay file ${f#./} exists in $src: change it with a patch instead" >&2; exit 1; }
    mkdir -p "$(dirname "$src/$f")"
    cp "$dir/overlay/$f" "$src/$f"
    echo "added ${f#./}"
done
