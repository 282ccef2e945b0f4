#!/bin/sh
# Install the Debian packages the kit needs to build and test: every
# package named in toolchain/host-deps (run as root, or through sudo).
#   install-deps.sh [--no-update] [--print]
#     --no-update  skip "apt-get update"
#     --print      only print the package list
set -eu
me=install-deps.sh
deps="$(dirname "$0")/host-deps"
[ -r "$deps" ] || { echo "$me: $deps is missing" >&2; exit 1; }
packages=$(awk '!/^#/ && NF >= 4 { print $3 }' "$deps" | sort -u | tr '\n' ' ')

update=yes
for arg in "$@"; do
    case $arg in
    --no-update) update=no ;;
    --print) echo "$packages"; exit 0 ;;
    *) echo "$me: unknown option '$arg' (try --no-update or --print)" >&2; exit 2 ;;
    esac
done

if [ "$(id -u)" != 0 ]; then
    echo "$me: needs root: run it as root, or as 'sudo sh toolchain/install-deps.sh'" >&2
    exit 1
fi
command -v apt-get >/dev/null 2>&1 ||
    { echo "$me: no apt-get; install the equivalents of: $packages" >&2; exit 1; }
[ $update = no ] || apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages
