#!/bin/sh
# Install the Debian packages the kit needs to build and test (run as root).
#   install-deps.sh [--no-update]
set -eu
packages="
  gcc g++ make autoconf automake pkg-config
  libgmp-dev libmpfr-dev libmpc-dev
  patch xz-utils curl ca-certificates
  binutils-source gcc-12-source
  ccache
  libcapstone-dev libelf-dev
  qemu-system-x86 python3
  grub-pc-bin grub-common xorriso mtools cmake
"
if [ "$(id -u)" != 0 ]; then
    echo "install-deps.sh: run as root (sudo sh toolchain/install-deps.sh)" >&2
    exit 1
fi
command -v apt-get >/dev/null 2>&1 ||
    { echo "install-deps.sh: no apt-get; install the equivalents of:$packages" >&2; exit 1; }
[ "${1:-}" = --no-update ] || apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages
