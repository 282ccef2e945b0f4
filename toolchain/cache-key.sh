#!/bin/sh
# Print the toolchain cache key: a sha256 over everything that feeds the
# toolchain build (manifest, patches, package fragments, the shared step
# rules, the host compiler).
#   cache-key.sh KIT-SRCDIR HOST-CC [PACKAGE...]
set -eu
top=$1 cc=$2
shift 2
{
    echo "x86_64-none toolchain cache format 1"
    cat "$top/toolchain/manifest" "$top/toolchain/steps.mk"
    for pkg in "$@"; do
        cat "$top/toolchain/$pkg.mk"
    done
    find "$top/toolchain/patches" -type f -name '*.patch' | LC_ALL=C sort |
        while read -r f; do echo "${f#"$top"/}"; cat "$f"; done
    $cc --version 2>&1 | head -n 1
} | sha256sum | cut -c1-16
