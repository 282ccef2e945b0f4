#!/bin/sh
# check-kernels.sh TOOLROOT WORK CACHE [NAME...]
#
# make check-kernels: each Linux of testsuite/kernels/manifest (or the NAMEs
# given), built unmodified with the kit's x86_64-elf- tools and no extra
# flags (tinyconfig plus linux.config), with a built-in initramfs whose
# /init the kit built (init.c), then booted in QEMU: the banner must name
# the kit's compiler, /init must run and QEMU must end on its restart.
# CACHE keeps the verified tarballs between runs.  Environment: QEMU.
set -u
me=check-kernels
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 3 ] || { echo "usage: check-kernels.sh TOOLROOT WORK CACHE [NAME...]" >&2; exit 2; }
toolroot=$1 work=$2 cache=$3
shift 3
bin="$toolroot/bin"
jobs=$(nproc 2>/dev/null || echo 2)

die() {
    echo "$me: $*" >&2
    exit 1
}

# fetch NAME PACKAGE VERSION PATH SHA: $cache/NAME.tar.xz, verified.
fetch() {
    out="$cache/$1.tar.xz"
    [ -f "$out" ] && [ "$(sha256sum "$out" | cut -d' ' -f1)" = "$5" ] && return 0
    mkdir -p "$cache" "$work/download" || die "cannot create $cache"
    (cd "$work/download" && apt-get download "$2=$3" > download.log 2>&1) ||
        { cat "$work/download/download.log" >&2; die "$1: apt-get download $2=$3 failed (is that revision still in the archive? then update testsuite/kernels/manifest)"; }
    dpkg-deb --fsys-tarfile "$work/download/$2_"*.deb | tar -xO ".$4" > "$out.tmp" ||
        die "$1: $4 is not in the package $2"
    got=$(sha256sum "$out.tmp" | cut -d' ' -f1)
    [ "$got" = "$5" ] || { rm -f "$out.tmp"; die "$1: checksum mismatch for $4 of $2 $3: expected $5, got $got"; }
    mv "$out.tmp" "$out" && rm -rf "$work/download"
}

# build_init DIR: the kit-built /init and the initramfs list naming it.
build_init() {
    "$bin/x86_64-none-gcc" -O2 -Wall -Wextra -c -o "$1/init.o" "$here/init.c" ||
        die "x86_64-none-gcc init.c"
    "$bin/x86_64-elf-ld" -static -e _start -Ttext=0x401000 -o "$1/init" "$1/init.o" ||
        die "linking /init"
    printf 'dir /dev 0755 0 0\nnod /dev/console 0600 0 0 c 5 1\nfile /init %s 0755 0 0\n' \
        "$1/init" > "$1/initramfs.list"
}

# build_kernel NAME: unpack, configure, build bzImage; the log has no Error.
build_kernel() {
    tree="$work/$1"
    rm -rf "$tree" && mkdir -p "$tree" || die "cannot create $tree"
    tar -xf "$cache/$1.tar.xz" -C "$tree" --strip-components=1 || die "$1: unpacking"
    rm -rf "$work/$1-rootfs" && mkdir -p "$work/$1-rootfs" || die "cannot create $work/$1-rootfs"
    build_init "$work/$1-rootfs"
    sed "s|^CONFIG_INITRAMFS_SOURCE=.*|CONFIG_INITRAMFS_SOURCE=\"$work/$1-rootfs/initramfs.list\"|" \
        "$here/linux.config" > "$tree/kit.config"
    start=$(date +%s)
    (cd "$tree" && PATH="$bin:$PATH" &&
        make ARCH=x86_64 CROSS_COMPILE=x86_64-elf- tinyconfig &&
        scripts/kconfig/merge_config.sh -m .config kit.config &&
        make ARCH=x86_64 CROSS_COMPILE=x86_64-elf- olddefconfig &&
        make ARCH=x86_64 CROSS_COMPILE=x86_64-elf- -j"$jobs" bzImage) > "$work/$1.log" 2>&1 ||
        { tail -30 "$work/$1.log" >&2; die "$1: the build failed (log: $work/$1.log)"; }
    if grep -n 'Error' "$work/$1.log" > "$work/$1.errors"; then
        head -5 "$work/$1.errors" >&2
        die "$1: the build log has errors"
    fi
    echo "$1: built in $(($(date +%s) - start)) s (make -j$jobs bzImage, tinyconfig + linux.config)"
}

# boot_kernel NAME: QEMU ends on /init's restart; banner and /init checked.
boot_kernel() {
    timeout 300 "$QEMU" -m 256M -nographic -no-reboot -kernel "$work/$1/arch/x86/boot/bzImage" \
        -append "console=ttyS0 panic=-1" > "$work/$1.boot" 2>&1
    status=$?
    tr -d '\r' < "$work/$1.boot" > "$work/$1.console"
    [ $status -eq 0 ] || { tail -20 "$work/$1.console" >&2; die "$1: QEMU ended with status $status"; }
    banner=$(grep -m1 -o 'Linux version .*' "$work/$1.console")
    [ -n "$banner" ] || die "$1: no Linux banner on the console"
    echo "$banner" | grep -q 'x86_64-elf-gcc (x86_64-none kit)' ||
        die "$1: the banner does not name the kit's compiler: $banner"
    grep -q '^x86_64-none: /init (built by the kit) is running$' "$work/$1.console" ||
        { tail -20 "$work/$1.console" >&2; die "$1: the kit-built /init did not run"; }
    grep -q 'reboot: Restarting system' "$work/$1.console" ||
        die "$1: QEMU did not end on /init's restart"
    echo "$1: booted: $banner"
    echo "$1: /init ran and restarted the machine"
}

mkdir -p "$work" || die "cannot create $work"
names=${*:-$(awk '!/^#/ && NF == 5 { print $1 }' "$here/manifest")}
for name in $names; do
    # shellcheck disable=SC2046
    set -- $(awk -v n="$name" '$1 == n && !/^#/' "$here/manifest")
    [ $# -eq 5 ] || die "$name is not a kernel of $here/manifest"
    fetch "$@"
    build_kernel "$name"
    boot_kernel "$name"
done
