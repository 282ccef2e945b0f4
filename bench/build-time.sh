#!/bin/sh
# Cold build time of the kit's toolchain against the plain recipe, from the
# same sources, on this machine, in one run.
#   bench/build-time.sh [WORKDIR [both|kit|plain]]
#                                   (default: /tmp/x86_64-none-bench both)
# kit:   make -f toolchain/toolchain.mk (binutils, GCC for C and C++ with
#        LTO and the three libgcc multilibs, GDB), no toolchain cache, no
#        ccache
# plain: binutils, then GCC (C, C++) "all-gcc all-target-libgcc", no
#        multilibs (only the dfsg documentation fix applied, without which
#        Debian's GCC tarball does not build at all), then GDB; no ccache
# Prints both wall times and their ratio (with "kit" or "plain", only that
# one's time).  Takes about twice a cold build.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/x86_64-none-bench}
mode=${2:-both}
case $mode in both|kit|plain) ;; *) echo "build-time.sh: mode must be both, kit or plain, not '$mode'" >&2; exit 2 ;; esac
jobs=$(nproc)
rm -rf "$work"
mkdir -p "$work"

seconds() { date +%s; }

# Every package with a fragment (configure's default list: all of them).
packages=$(sed -n 's/^PACKAGES += *//p' "$top"/toolchain/*.mk | tr '\n' ' ')
if [ "$mode" != plain ]; then
t0=$(seconds)
archive=$(sh "$top/toolchain/debian-archive.sh" url 2>/dev/null || true)
make -j"$jobs" -f "$top/toolchain/toolchain.mk" TC_BUILD="$work/kit" TC_CACHE= CCACHE= \
    TC_PACKAGE_NAMES="$packages" DEBIAN_ARCHIVE="$archive" \
    SOURCE_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/x86_64-none/sources" \
    > "$work/kit.log" 2>&1 || { tail -n 30 "$work/kit.log"; exit 1; }
kit=$(( $(seconds) - t0 ))
echo "kit toolchain ($packages; 3 libgcc multilibs): $kit s"
fi
[ "$mode" != kit ] || exit 0

# The plain recipe, from the sources the kit verified.
src="$work/plain/src"
mkdir -p "$src" "$work/plain/obj/binutils" "$work/plain/obj/gcc" "$work/plain/obj/gdb"
for p in $packages; do
    # The kit's own fetch step finds and verifies the tarball (its record is
    # what unpack reads).
    MANIFEST="$top/toolchain/manifest" SOURCE_DIR= MIRROR= \
        SOURCE_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/x86_64-none/sources" \
        DEBIAN_ARCHIVE="$(sh "$top/toolchain/debian-archive.sh" url 2>/dev/null || true)" \
        sh "$top/toolchain/source.sh" fetch $p "$work/plain/sources" > /dev/null
    MANIFEST="$top/toolchain/manifest" sh "$top/toolchain/source.sh" unpack $p \
        "$work/plain/sources" "$src/$p" > /dev/null
done
gcc_version=$(sh "$top/toolchain/source.sh" version gcc)
patch -d "$src/gcc" -p1 < "$top/toolchain/patches/gcc-$gcc_version/0001-dfsg-skip-tm-texi-check.patch" > /dev/null
prefix="$work/plain/install"
t0=$(seconds)
(
    cd "$work/plain/obj/binutils"
    "$src/binutils/configure" --target=x86_64-elf --prefix="$prefix" --with-sysroot \
        --disable-nls --disable-werror
    make -j"$jobs" MAKEINFO=true
    make install MAKEINFO=true
    cd "$work/plain/obj/gcc"
    PATH="$prefix/bin:$PATH" "$src/gcc/configure" --target=x86_64-elf --prefix="$prefix" \
        --disable-nls --enable-languages=c,c++ --without-headers
    PATH="$prefix/bin:$PATH" make -j"$jobs" MAKEINFO=true all-gcc all-target-libgcc
    PATH="$prefix/bin:$PATH" make MAKEINFO=true install-gcc install-target-libgcc
    cd "$work/plain/obj/gdb"
    "$src/gdb/configure" --target=x86_64-elf --prefix="$prefix" --disable-nls \
        --disable-binutils --disable-ld --disable-gas --disable-sim --with-python=no
    make -j"$jobs" MAKEINFO=true all-gdb
    make MAKEINFO=true install-gdb
) > "$work/plain.log" 2>&1 || { tail -n 30 "$work/plain.log"; exit 1; }
plain=$(( $(seconds) - t0 ))
echo "plain recipe (binutils, gcc all-gcc all-target-libgcc, gdb): $plain s"
[ "$mode" = both ] || exit 0
awk -v k="$kit" -v p="$plain" 'BEGIN { printf "kit / plain = %.2f\n", k / p }'
