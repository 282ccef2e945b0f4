#!/bin/sh
# Store a finished staging tree in the toolchain cache, atomically.
#   cache-store.sh STAGE ENTRY
# Only the newest few entries are kept.
set -eu
stage=$1 entry=$2
keep=3
cache=$(dirname "$entry")
mkdir -p "$cache"
tmp="$entry.tmp.$$"
rm -rf "$tmp"
mkdir -p "$tmp"
cp -a "$stage" "$tmp/tree"
date -u '+%Y-%m-%dT%H:%M:%SZ' > "$tmp/complete"
rm -rf "$entry"
mv "$tmp" "$entry"
echo "toolchain cached in $entry"
# Prune: newest first, drop the rest.
ls -1dt "$cache"/*/ 2>/dev/null | tail -n +$((keep + 1)) | while read -r old; do
    case $old in *.tmp.*) ;; *) rm -rf "$old" ;; esac
done
