#!/bin/sh
# Install the Debian packages the kit needs to build and test: every
# package named in toolchain/host-deps.  As root it runs apt-get itself;
# as another user it re-runs itself through sudo.
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
    command -v sudo >/dev/null 2>&1 ||
        { echo "$me: needs root: run it as root (there is no sudo here)" >&2; exit 1; }
    exec sudo sh "$0" "$@"
fi
command -v apt-get >/dev/null 2>&1 ||
    { echo "$me: no apt-get; install the equivalents of: $packages" >&2; exit 1; }
[ $update = no ] || apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages
