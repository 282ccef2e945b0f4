#!/bin/sh
# Install the Debian packages the kit needs to build and test: every
# package of the table below, which is also what configure checks
# (m4/kit.m4) and what host-deps.test holds against dpkg.  As root it runs
# apt-get itself; as another user it re-runs itself through sudo.
#   install-deps.sh [--no-update] [--print | --table]
#     --no-update  skip "apt-get update"
#     --print      only print the package list
#     --table      only print the table
set -eu
me=install-deps.sh

# One item a line, whitespace-separated columns:
#   kind  name  debian-package  use
# kind:  prog    a program on PATH
#        header  a C header the host compiler must find
#        pc      a pkg-config module
#        dir     a folder a package installs (for tools with no program)
#        pkg     a package installed for its own sake (not checked)
#        binfmt  a binfmt_misc registration (NAME, from the package's
#                /usr/lib/binfmt.d/NAME.conf) made after the install,
#                mounting binfmt_misc first where no init system has;
#                undo with: echo -1 > /proc/sys/fs/binfmt_misc/NAME
# use:   build   configure fails at once without it
#        check:TEST[,TEST...]  only those tests need it: configure says they
#                will be skipped, and they exit 77 (SKIP) without it
#        bench   only make bench needs it: configure says which of its
#                baselines will be missing
#        check-gcc  only make check-gcc (GCC's own test suite) needs it:
#                configure says that it will not run
#        fuzz    only make fuzz needs it (clang's libFuzzer)
#        kernels only make check-kernels needs it (building Linux)
#        host    only a kit for another host (configure --host=aarch64-linux-gnu)
#                and make check-host need it
#
# The host C and C++ compilers are checked by configure's own macros; they
# are listed here so that install-deps.sh installs them.  pkg-config, the
# program, comes from pkgconf (Debian 12's pkg-config package is only a
# transitional one that pulls in pkgconf).
table() {
    cat <<'TABLE'
# The toolchain build (binutils, GCC, GDB) and the kit's own build.
pkg    gcc                 gcc                 build
pkg    g++                 g++                 build
prog   make                make                build
prog   autoreconf          autoconf            build
prog   automake            automake            build
prog   pkg-config          pkgconf             build
prog   m4                  m4                  build
prog   flex                flex                build
prog   bison               bison               build
prog   patch               patch               build
prog   xz                  xz-utils            build
prog   tar                 tar                 build
prog   sha256sum           coreutils           build
prog   apt-get             apt                 build
prog   dpkg-deb            dpkg                build
header gmp.h               libgmp-dev          build
header mpfr.h              libmpfr-dev         build
header mpc.h               libmpc-dev          build
header curses.h            libncurses-dev      build
header expat.h             libexpat1-dev       build
pc     capstone            libcapstone-dev     build
pc     libelf              libelf-dev          build
prog   ccache              ccache              build
pkg    ca-certificates     ca-certificates     build
prog   curl                curl                build

# make check.
prog   qemu-system-x86_64  qemu-system-x86     build
prog   python3             python3             check:testsuite/source-download.test
# GRUB and OVMF: x86_64-none-mkimage and x86_64-none-run --firmware=uefi
# use them at run time; only the tests below need them to build the kit.
prog   grub-mkrescue       grub-common         check:testsuite/boot-protocols.test,testsuite/image-boot.test,testsuite/image-bios.test,testsuite/image-uefi.test,testsuite/fuzz-regress.test
dir    /usr/lib/grub/i386-pc grub-pc-bin       check:testsuite/boot-protocols.test,testsuite/image-boot.test,testsuite/image-bios.test,testsuite/image-uefi.test,testsuite/fuzz-regress.test
dir    /usr/lib/grub/x86_64-efi grub-efi-amd64-bin check:testsuite/boot-protocols.test,testsuite/image-boot.test,testsuite/image-bios.test,testsuite/image-uefi.test,testsuite/fuzz-regress.test
prog   xorriso             xorriso             check:testsuite/boot-protocols.test,testsuite/image-boot.test,testsuite/image-bios.test,testsuite/image-uefi.test,testsuite/fuzz-regress.test
prog   mformat             mtools              check:testsuite/boot-protocols.test,testsuite/image-boot.test,testsuite/image-bios.test,testsuite/image-uefi.test,testsuite/fuzz-regress.test
dir    /usr/share/OVMF     ovmf                check:testsuite/image-boot.test,testsuite/image-uefi.test
prog   cmake               cmake               check:testsuite/cmake-emulator.test
prog   meson               meson               check:testsuite/meson-cross.test
prog   ninja               ninja-build         check:testsuite/meson-cross.test
prog   lintian             lintian             check:testsuite/deb-package.test
prog   man                 man-db              check:testsuite/man-pages.test,testsuite/deb-package.test
prog   distccd             distcc              check:testsuite/distcc-farm.test
prog   iceccd              icecc               check:testsuite/icecream-farm.test
prog   ip                  iproute2            check:testsuite/icecream-farm.test
prog   sccache             sccache             check:testsuite/sccache-cache.test

# make check-gcc: GCC's test suite runs under DejaGnu.
prog   runtest             dejagnu             check-gcc

# make bench: LLVM compiler-rt's soft-float builtins, the soft-float bench's
# baseline.
dir    /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux libclang-rt-14-dev bench,fuzz
prog   clang               clang               fuzz
prog   llvm-profdata       llvm                fuzz
prog   llvm-cov            llvm                fuzz

# make check-kernels: Linux's build runs bc (kernel/time/timeconst.bc).
prog   bc                  bc                  kernels

# The aarch64-hosted kit (docs/building.md, "Hosts"): Debian's cross
# compilers build it; make check-host runs it under user-mode QEMU.  The
# static qemu-aarch64 is the one a binfmt_misc registration can open once
# and keep (flag F), so an emulated GCC driver can start cc1.
prog   aarch64-linux-gnu-gcc gcc-aarch64-linux-gnu host
prog   aarch64-linux-gnu-g++ g++-aarch64-linux-gnu host
prog   qemu-aarch64-static qemu-user-static    host
binfmt qemu-aarch64        qemu-user-static    host
TABLE
}
packages=$(table | awk '!/^#/ && NF >= 4 { print $3 }' | sort -u | tr '\n' ' ')

update=yes
for arg in "$@"; do
    case $arg in
    --no-update) update=no ;;
    --print) echo "$packages"; exit 0 ;;
    --table) table; exit 0 ;;
    *) echo "$me: unknown option '$arg' (try --no-update, --print or --table)" >&2; exit 2 ;;
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

# binfmt_misc registrations: the kernel's, so they last until reboot (or
# "echo -1 > /proc/sys/fs/binfmt_misc/NAME"); systemd-binfmt makes the
# same ones at boot where systemd runs.
binfmt=/proc/sys/fs/binfmt_misc
table | awk '$1 == "binfmt" { print $2 }' | while read -r name; do
    [ -f "$binfmt/$name" ] && continue
    conf=/usr/lib/binfmt.d/$name.conf
    [ -f "$conf" ] || { echo "$me: $conf is missing: cannot register $name" >&2; exit 1; }
    [ -f "$binfmt/register" ] || mount -t binfmt_misc binfmt_misc "$binfmt" ||
        { echo "$me: cannot mount binfmt_misc on $binfmt: register $name by hand (docs/building.md, Hosts)" >&2; exit 1; }
    grep -v '^#' "$conf" > "$binfmt/register" ||
        { echo "$me: the kernel refused $conf: register $name by hand (docs/building.md, Hosts)" >&2; exit 1; }
    echo "$me: registered $name with binfmt_misc (undo: echo -1 > $binfmt/$name)"
done
