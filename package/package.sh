#!/bin/sh
# make package / make deb: the installed kit as a binary tarball or a
# Debian package, bit for bit the same from the same inputs.
#
#   package.sh tar ROOT PREFIX NAME OUTDIR
#   package.sh deb ROOT PREFIX PACKAGE OUTDIR VERSION
#
# ROOT is a DESTDIR install of the kit with --prefix PREFIX.  tar writes
# OUTDIR/NAME.tar.gz, whose one top folder NAME holds the PREFIX tree (the
# kit is relocatable: unpacked anywhere, its programs find their files
# relative to themselves).  deb writes OUTDIR/PACKAGE_VERSION_ARCH.deb,
# the Debian package PACKAGE: the PREFIX tree where it is
# (/opt/x86_64-none), its x86_64-none-* programs linked into
# /usr/bin, their man pages in /usr/share/man/man1; the control file's
# Depends come from the libraries the programs load (dpkg -S) and the
# install-deps table's QEMU row, its Recommends from the table's GRUB
# and OVMF rows.  For a kit built for another host, DEB_ARCH,
# HOST_TRIPLET and HOST_SYSROOT (from configure) name that host, its
# architecture and the folder of its libraries.  Each output gets an OUTPUT.sha256 in sha256sum's
# format.
#
# Reproducible (https://reproducible-builds.org): every time stamp is
# SOURCE_DATE_EPOCH (the environment's, else the last git commit's, else
# configure.ac's), members are sorted by name, owned by root, with modes
# free of the builder's umask, and gzip stores no name or time.  Neither
# holds libtool's .la files (static target libraries need none).  The
# output is written as OUTPUT.partial and renamed only when complete.
set -eu
me=package.sh
die() { echo "$me: $*" >&2; exit 1; }

[ $# -ge 5 ] || die "usage: package.sh tar|deb ROOT PREFIX NAME OUTDIR [VERSION]"
kind=$1 root=$2 prefix=$3 name=$4 outdir=$5
tree=$root$prefix
[ -x "$tree/bin/x86_64-none-gcc" ] ||
    die "$tree/bin/x86_64-none-gcc missing: install the kit into $root first"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/portable.sh"

: "${SOURCE_DATE_EPOCH:=$(git -C "$here/.." log -1 --format=%ct 2> /dev/null ||
    file_mtime "$here/../configure.ac")}"
export SOURCE_DATE_EPOCH
case $SOURCE_DATE_EPOCH in
'' | *[!0-9]*) die "SOURCE_DATE_EPOCH is not a number of seconds: '$SOURCE_DATE_EPOCH'" ;;
esac

out=
cleanup() { [ -z "$out" ] || rm -rf "$out.partial" "$out.work"; }
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# deterministic_tar DIR TAR-ARGUMENT...: tar -c in DIR, every member with
# the same owner and time stamp and umask-free modes, in name order.
deterministic_tar() {
    dir=$1
    shift
    gnu_tar -C "$dir" --sort=name --format=gnu --owner=0 --group=0 --numeric-owner \
        --mtime="@$SOURCE_DATE_EPOCH" --mode='u+rwX,go+rX,go-w' -c "$@"
}

make_tarball() {
    out=$outdir/$name.tar.gz
    rel=${prefix#/}
    # The PREFIX folder becomes the top folder NAME (members and hard
    # links renamed; symbolic links inside the kit are relative).
    deterministic_tar "$root" --exclude='*.la' --transform="flags=rh;s|^$rel|$name|" \
        -I 'gzip -n' -f "$out.partial" "$rel" || die "tar of $tree into $out.partial failed"
}

# The Debian packages of the shared libraries the kit's programs load.
# (A loop in this shell, not in a pipeline: a missing library must stop
# the package, not leave it with a short Depends line.)
library_packages() {
    libs=$(find "$tree/bin" "$tree/libexec" -type f -perm -u+x -exec objdump -p {} + 2> /dev/null |
        awk '$1 == "NEEDED" { print $2 }' | sort -u)
    [ -n "$libs" ] || die "objdump found no shared library the kit's programs load"
    for lib in $libs; do
        if [ -n "${HOST_SYSROOT:-}" ]; then
            host_library_package "$lib"
            continue
        fi
        path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ { print $NF; exit }')
        [ -n "$path" ] || die "$lib, which the kit's programs load, is not installed here"
        owner=$(dpkg -S "$(readlink -f "$path")" 2> /dev/null || dpkg -S "$path" 2> /dev/null) ||
            die "no Debian package owns $path ($lib)"
        echo "${owner%%:*}"
    done
}

# host_library_package LIB: for a kit built for another host, the Debian
# package of that host that gives LIB: one of the sysroot's (its
# .owners list, host-libs.sh), or the C and C++ runtime of Debian's
# cross packages (libc6-arm64-cross gives the host's libc6).
host_library_package() {
    owner=$(awk -v l="$1" '{ n = split($2, p, "/") } p[n] == l { print $1; exit }' \
        "$HOST_SYSROOT/.owners")
    if [ -z "$owner" ]; then
        owner=$(dpkg -S "/usr/$HOST_TRIPLET/lib/$1" 2> /dev/null | head -n 1) ||
            die "$1, which the kit's programs load, is neither in $HOST_SYSROOT nor in /usr/$HOST_TRIPLET/lib"
        owner=${owner%%:*}
        owner=${owner%-"$arch"-cross}
    fi
    echo "$owner"
}

# table_package PROGRAM-OR-FOLDER: its Debian package in the install-deps table.
table_package() {
    pkg_of=$(sh "$here/../toolchain/install-deps.sh" --table | awk -v n="$1" '$2 == n { print $3; exit }')
    [ -n "$pkg_of" ] || die "$1 is not in toolchain/install-deps.sh's table"
    echo "$pkg_of"
}

comma_list() { sort -u | paste -sd, - | sed 's/,/, /g'; }

maintainer='x86_64-none kit developers <kit@x86-64-none.example>'

# deb_man_page PROGRAM: PROGRAM's man page where man looks for a program
# in /usr/bin (/usr/share/man; it finds none under /opt), compressed as
# Debian's policy wants; a page that is another program's (the driver's
# and gcov's aliases) stays a link.
deb_man_page() {
    page=$tree/share/man/man1/$1.1
    [ -f "$page" ] || die "$1 has no man page: $page is missing; make install installs one"
    target=$(readlink "$page" || true)
    case $target in
    x86_64-none-*.1) ln -s "$target.gz" "$pkg/usr/share/man/man1/$1.1.gz" ;;
    *) gzip -9n < "$page" > "$pkg/usr/share/man/man1/$1.1.gz" ;;
    esac
}

make_deb() {
    version=$1
    # DEB_ARCH: the host the kit is built for (configure), else this machine.
    arch=${DEB_ARCH:-$(dpkg --print-architecture)}
    out=${outdir}/${name}_${version}_$arch.deb
    pkg=$out.work
    rm -rf "$pkg" && mkdir -p "$pkg/DEBIAN" "$pkg$(dirname "$prefix")" "$pkg/usr/bin" \
        "$pkg/usr/share/man/man1" \
        "$pkg/usr/share/doc/$name" "$pkg/usr/share/lintian/overrides"
    libraries=$(library_packages) || exit 1
    qemu_package=$(table_package qemu-system-x86_64) || exit 1
    depends=$( (echo "$libraries" && echo "$qemu_package") | comma_list)
    recommended=
    for p in grub-mkrescue /usr/lib/grub/i386-pc /usr/lib/grub/x86_64-efi xorriso mformat \
        /usr/share/OVMF; do
        recommended="$recommended $(table_package "$p")" || exit 1
    done
    recommends=$(echo "$recommended" | tr ' ' '\n' | grep . | comma_list)
    # The PREFIX tree where it is (no .la files; plugins are not
    # programs), its programs in /usr/bin as links (absolute, as Debian's
    # policy wants them between top-level folders).
    cp -a "$tree" "$pkg$prefix"
    find "$pkg$prefix" -name '*.la' -delete
    find "$pkg$prefix" -name '*.so' -type f -exec chmod a-x {} +
    for p in "$tree"/bin/x86_64-none-*; do
        ln -s "$prefix/bin/${p##*/}" "$pkg/usr/bin/${p##*/}"
        deb_man_page "${p##*/}"
    done
    cat > "$pkg/usr/share/doc/$name/copyright" << EOF
The x86_64-none kit $version: GNU binutils, GCC and GDB (Copyright the
Free Software Foundation, Inc.; GPL-3.0-or-later, GCC's runtime library
exception covers libgcc and libstdc++), newlib (Copyright its authors;
BSD-like and other free licences: newlib's COPYING.NEWLIB), and the
kit's own programs, runtime and specs.

On Debian systems, the complete text of the GNU General Public License
version 3 can be found in "/usr/share/common-licenses/GPL-3".
EOF
    # A changelog in Debian's format, dated SOURCE_DATE_EPOCH.
    cat << EOF | gzip -9n > "$pkg/usr/share/doc/$name/changelog.gz"
$name ($version) unstable; urgency=medium

  * The x86_64-none kit $version, built from its source tree with
    make deb.

 -- $maintainer  $(utc_date_rfc2822 "$SOURCE_DATE_EPOCH")
EOF
    # What lintian says of any cross toolchain in /opt, and why it stays,
    # is in docs/building.md ("From the Debian package").
    grep -v '^#' "$here/lintian-overrides" | sed "s/^/$name: /" \
        > "$pkg/usr/share/lintian/overrides/$name"
    cat > "$pkg/DEBIAN/control" << EOF
Package: $name
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk "$pkg" | cut -f1)
Depends: $depends
Recommends: $recommends
Section: devel
Priority: optional
Description: bare-metal x86-64 C and C++ toolchain (Rust x86_64-unknown-none rules)
 GCC, binutils and GDB for x86_64-elf with the x86_64-none-gcc driver,
 which applies the rules of Rust's x86_64-unknown-none target (no red
 zone, no SSE/x87/MMX with a soft-float ABI, kernel code model, panic =
 abort), runtimes for every multilib, boot stubs, newlib, a QEMU board
 and x86_64-none-run, which boots programs in QEMU.
EOF
    chmod -R u+rwX,go+rX,go-w "$pkg"
    # shellcheck disable=SC2046
    TZ=UTC0 find "$pkg" -exec touch $(touch_epoch_options "$SOURCE_DATE_EPOCH") {} +
    dpkg-deb --root-owner-group -Zgzip -z6 --build "$pkg" "$out.partial" > /dev/null ||
        die "dpkg-deb failed"
}

mkdir -p "$outdir" || die "cannot create $outdir"
case $kind in
tar) make_tarball ;;
deb)
    [ $# -ge 6 ] || die "usage: package.sh deb ROOT PREFIX NAME OUTDIR VERSION"
    make_deb "$6"
    ;;
*) die "the kind is tar or deb, not '$kind'" ;;
esac
mv -f "$out.partial" "$out"
(cd "$outdir" && sha256_line "${out##*/}") > "$out.sha256.partial" &&
    mv -f "$out.sha256.partial" "$out.sha256"
rm -rf "$out.work"
echo "$me: $out ($(du -k "$out" | cut -f1) KiB)"
out=
