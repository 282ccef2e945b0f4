#!/bin/sh
# The host libraries of a kit built for another host (a Canadian cross,
# configure --host=aarch64-linux-gnu): Debian's binary packages of that
# architecture, each pinned by version and sha256 in host-libs.manifest,
# unpacked into a private sysroot in the build folder.  Nothing on the
# machine changes: apt runs with lists and a cache of its own (the
# machine's own apt sources, another architecture), dpkg installs nothing.
#
#   host-libs.sh fetch ARCH DEBCACHE SYSROOT
#       the manifest's ARCH packages: from DEBCACHE when a file there has
#       the pinned sum, else downloaded (and kept in DEBCACHE); each checked
#       against its sum, then all unpacked into SYSROOT (all or nothing)
#   host-libs.sh pin ARCH
#       print manifest rows for the versions the archive has now (for a
#       maintainer whose pinned versions left the archive)
#
# The pin, not the archive's signature, is what makes a package trusted,
# as for the toolchain's sources.
set -eu
me=x86_64-none-host-libs
here=$(cd "$(dirname "$0")" && pwd)
die() { echo "$me: $*" >&2; exit 1; }
. "$here/../package/portable.sh"
: "${HOST_LIBS_MANIFEST:=$here/host-libs.manifest}"

# rows ARCH: "package version sha256" of each manifest row for ARCH.
rows() {
    awk -v a="$1" '!/^#/ && NF == 4 && $1 == a { print $2, $3, $4 }' "$HOST_LIBS_MANIFEST"
}

# apt with a private state folder $state, for architecture $arch.
private_apt() {
    tool=$1
    shift
    "$tool" -q -o Dir::State::lists="$state/lists" -o Dir::Cache="$state/cache" \
        -o Dir::State::status=/dev/null -o APT::Architecture="$arch" \
        -o APT::Architectures::="$arch" -o APT::Sandbox::User=root \
        -o Debug::NoLocking=1 "$@"
}

apt_update() {
    mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
    private_apt apt-get update > "$state/update.log" 2>&1 ||
        die "apt-get update for $arch failed (log: $state/update.log)"
}

# deb_name PACKAGE VERSION: the name of the package's file in DEBCACHE
# (the epoch, "N:", left out).
deb_name() { echo "${1}_${2#*:}_$arch.deb"; }

# download PACKAGE VERSION SUM DEBCACHE
download() {
    [ -n "${state:-}" ] || { state=$(mktemp -d) && apt_update; }
    rm -rf "$state/deb" && mkdir -p "$state/deb"
    (cd "$state/deb" && private_apt apt-get download "$1:$arch=$2") \
        > "$state/download.log" 2>&1 ||
        die "$1 $2 ($arch) is not in the archive (any more): run 'sh toolchain/host-libs.sh pin $arch' and update toolchain/host-libs.manifest (docs/maintainers.md)"
    got_deb=$(ls "$state/deb"/*.deb)
    got=$(sha256_stdin < "$got_deb")
    [ "$got" = "$3" ] || die "$1 $2 ($arch) has sha256 $got, the manifest pins $3: the archive's file is not the pinned one"
    mv "$got_deb" "$4/$(deb_name "$1" "$2")"
}

cmd_fetch() {
    [ $# -eq 3 ] || die "usage: host-libs.sh fetch ARCH DEBCACHE SYSROOT"
    arch=$1 debcache=$2 sysroot=$3
    [ -n "$(rows "$arch")" ] || die "host-libs.manifest has no packages for $arch: add them (host-libs.sh pin $arch)"
    command -v dpkg-deb > /dev/null 2>&1 || die "dpkg-deb not found (Debian: apt-get install dpkg)"
    mkdir -p "$debcache" || die "cannot create $debcache"
    state=
    tmp="$sysroot.tmp.$$"
    trap 'rm -rf "$tmp" ${state:+"$state"}' EXIT
    rm -rf "$tmp" && mkdir -p "$tmp"
    rows "$arch" | {
        while read -r package version sum; do
            deb="$debcache/$(deb_name "$package" "$version")"
            if [ ! -f "$deb" ] || [ "$(sha256_stdin < "$deb")" != "$sum" ]; then
                echo "$me: downloading $package $version ($arch)"
                download "$package" "$version" "$sum" "$debcache"
            fi
            dpkg-deb -x "$deb" "$tmp" || die "cannot unpack $deb"
            # Which package gave each file (make deb's Depends).
            dpkg-deb --fsys-tarfile "$deb" | tar -tf - | sed "s|^\./|$package /|" >> "$tmp/.owners"
        done
        # Absolute links name the host's root: make them relative to
        # the sysroot.
        find "$tmp" -type l | while read -r link; do
            target=$(readlink "$link")
            case $target in
            /*) ln -sf "$(relative_to "$(dirname "${link#"$tmp"}")" "$target")" "$link" ;;
            esac
        done
        [ -z "$state" ] || rm -rf "$state"
    }
    # What the build's stamps wait for: written last.
    rows "$arch" > "$tmp/.complete"
    rm -rf "$sysroot"
    mv "$tmp" "$sysroot"
    echo "$me: $(rows "$arch" | wc -l | tr -d ' ') packages for $arch in $sysroot"
}

# relative_to FROM-DIR TARGET: TARGET (absolute) as seen from FROM-DIR
# (absolute), both inside one root.
relative_to() {
    up=$(echo "$1" | sed 's|/[^/]*|../|g')
    echo "${up%/}${2}" | sed 's|^/||'
}

cmd_pin() {
    [ $# -eq 1 ] || die "usage: host-libs.sh pin ARCH"
    arch=$1
    state=$(mktemp -d)
    trap 'rm -rf "$state"' EXIT
    apt_update
    mkdir -p "$state/deb"
    awk -v a="$arch" '!/^#/ && NF == 4 && $1 == a { print $2 }' "$HOST_LIBS_MANIFEST" |
        while read -r package; do
            (cd "$state/deb" && private_apt apt-get download "$package:$arch") \
                > "$state/download.log" 2>&1 || die "no $package for $arch in the archive"
            deb=$(ls "$state/deb"/*.deb)
            version=$(dpkg-deb -f "$deb" Version)
            echo "$arch $package $version $(sha256_stdin < "$deb")"
            rm -f "$deb"
        done
}

[ $# -ge 1 ] || die "usage: host-libs.sh fetch ARCH DEBCACHE SYSROOT | pin ARCH"
cmd=$1
shift
case $cmd in
fetch) cmd_fetch "$@" ;;
pin) cmd_pin "$@" ;;
*) die "unknown command '$cmd' (fetch or pin)" ;;
esac
