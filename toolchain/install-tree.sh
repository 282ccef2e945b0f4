#!/bin/sh
# Copy a staged tree into DEST, all or nothing.
#   install-tree.sh STAGE DEST            install (but no empty man page)
#   install-tree.sh --uninstall STAGE DEST remove what STAGE would install
#   install-tree.sh --prune STAGE DEST [FOLDER...]
#                                         remove the folders STAGE would
#       create in DEST, the FOLDERs and the parents of each below DEST,
#       wherever they are empty (after an uninstall: make uninstall
#       leaves the prefix as it was before make install; DEST stays)
# If any copy fails, every file this run created is removed again, so a
# failed install never leaves half a toolchain behind.
set -u
me=x86_64-none-install
die() { echo "$me: $*" >&2; exit 1; }

# prune STAGE DEST FOLDER...: rmdir, deepest first, each empty folder
# among them and their parents below DEST.
prune() {
    stage=$1 dest=${2%/}
    shift 2
    {
        [ ! -d "$stage" ] || (cd "$stage" && find . -mindepth 1 -type d) |
            sed "s|^\.|$dest|"
        for d in "$@"; do
            while [ "${d#"$dest"/}" != "$d" ]; do
                echo "$d"
                d=$(dirname "$d")
            done
        done
    } | sort -u | awk -F/ '{ print NF "\t" $0 }' | sort -k1,1rn | cut -f2- |
        while read -r d; do rmdir "$d" 2> /dev/null || true; done
}

uninstall=no
case ${1:-} in
--uninstall) uninstall=yes; shift ;;
--prune) shift; [ $# -ge 2 ] || die "usage: install-tree.sh --prune STAGE DEST [FOLDER...]"; prune "$@"; exit 0 ;;
esac
[ $# -eq 2 ] || die "usage: install-tree.sh [--uninstall] STAGE DEST"
stage=$1 dest=$2
[ -d "$stage" ] || die "$stage does not exist: run make first"

list=$(mktemp) || exit 1
created=$(mktemp) || exit 1
trap 'rm -f "$list" "$created"' EXIT
# The staged files, less the man pages that are none: GCC's, built from
# Debian's source, whose texinfo manuals Debian leaves out (GFDL), are
# empty or a build stamp (the kit's own pages cover its x86_64-none-*
# names of GCC's tools).
(cd "$stage" && find . ! -type d) | LC_ALL=C sort | while read -r f; do
    case $f in
    ./share/man/*) [ -L "$stage/$f" ] || grep -q '^\.TH' "$stage/$f" || continue ;;
    esac
    echo "$f"
done > "$list"

if [ $uninstall = yes ]; then
    while read -r f; do rm -f "$dest/$f"; done < "$list"
    exit 0
fi

mkdir -p "$dest" 2>/dev/null || die "cannot create $dest"
[ -w "$dest" ] || die "cannot write to $dest (choose another prefix, or use DESTDIR)"

# What did not exist before is what a rollback removes.
while read -r f; do
    [ -e "$dest/$f" ] || [ -L "$dest/$f" ] || echo "$f"
done < "$list" > "$created"

rollback() {
    echo "$me: $1; removing the files this install created" >&2
    while read -r f; do rm -f "$dest/$f"; done < "$created"
    exit 1
}

# File by file: a path component that is not a folder, a full disk or an
# unwritable folder stops the install at once (nothing of the user's is
# replaced by a folder).
while read -r f; do
    dir=$(dirname "$dest/$f")
    mkdir -p "$dir" 2>/dev/null || rollback "cannot create $dir"
    cp -Pp "$stage/$f" "$dest/$f.tmp.$$" 2>/dev/null && mv -f "$dest/$f.tmp.$$" "$dest/$f" ||
        { rm -f "$dest/$f.tmp.$$"; rollback "cannot install $dest/$f"; }
done < "$list"
