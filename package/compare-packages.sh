#!/bin/sh
# Are two builds of a package (make package's .tar.gz, make deb's .deb)
# bit for bit the same?  When they are not, name the first file that
# differs (in name order), and let diffoscope explain the difference
# when it is installed.
#   compare-packages.sh FILE-A FILE-B
# Status: 0 identical, 1 different, 2 bad input.
set -eu
me=compare-packages.sh
. "$(cd "$(dirname "$0")" && pwd)/portable.sh"
[ $# -eq 2 ] || { echo "usage: $me FILE-A FILE-B" >&2; exit 2; }
a=$1 b=$2
for f in "$a" "$b"; do
    [ -f "$f" ] || { echo "$me: $f: no such file" >&2; exit 2; }
done

if cmp -s "$a" "$b"; then
    echo "$me: identical: $(sha256_stdin < "$a") $(basename "$a")"
    exit 0
fi

work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT

# unpack FILE DIR: the package's files, and its member list with owners,
# modes and times (what the bytes of the archive hold besides the files).
unpack() {
    mkdir -p "$2/tree"
    case $1 in
    *.tar.gz)
        tar -C "$2/tree" -xzf "$1"
        tar -tvzf "$1" > "$2/members"
        ;;
    *.deb)
        dpkg-deb -x "$1" "$2/tree"
        dpkg-deb -e "$1" "$2/tree/DEBIAN"
        dpkg-deb -c "$1" > "$2/members"
        ;;
    *) echo "$me: $1: neither a .tar.gz nor a .deb" >&2; exit 2 ;;
    esac
}
unpack "$a" "$work/a"
unpack "$b" "$work/b"

echo "$me: $(basename "$a") and $(basename "$b") differ"
first=$(diff -rq --no-dereference "$work/a/tree" "$work/b/tree" 2> /dev/null | head -n 1 || true)
if [ -n "$first" ]; then
    echo "$me: first differing file: $(echo "$first" | sed "s|$work/[ab]/tree/||g")"
elif ! cmp -s "$work/a/members" "$work/b/members"; then
    echo "$me: same files, different member list (owner, mode or time):"
    diff "$work/a/members" "$work/b/members" | head -n 4
else
    echo "$me: same files and member list: the compression differs"
fi
if command -v diffoscope > /dev/null 2>&1; then
    diffoscope --text - "$a" "$b" | head -n 200 || true
fi
exit 1
