#!/bin/sh
# Print the toolchain cache key: a sha256 over every file the toolchain
# build reads from the kit (each named relative to the kit's top, so two
# checkouts agree) and the host compiler's version.
#   cache-key.sh KIT-SRCDIR HOST-CC FILE...
# toolchain.mk derives FILEs (make print-cache-inputs); a script among
# them that runs another toolchain script ("$here/NAME.sh") brings it in.
set -eu
# sha256sum, or BSD's shasum: written once in portable.sh.
. "$(dirname "$0")/../package/portable.sh"
top=$1 cc=$2
shift 2
with_callees() {
    for f in "$@"; do
        echo "$f"
        case $f in
        *.sh) grep -o '\$here/[A-Za-z0-9_-]*\.sh' "$f" | sed "s|^\\\$here|$(dirname "$f")|" ;;
        esac
    done
}
{
    echo "x86_64-none toolchain cache format 2"
    with_callees "$@" | LC_ALL=C sort -u | while read -r f; do
        [ -f "$f" ] || { echo "cache-key: $f is missing" >&2; exit 1; }
        echo "${f#"$top"/}"
        cat "$f"
    done
    $cc --version 2>&1 | head -n 1
} | sha256_stdin | cut -c1-16
