#!/bin/sh
# Take a source tarball out of a Debian source package (gcc-16-source,
# binutils-source, ...) downloaded from Debian's archive, without touching
# the machine's apt setup: apt runs with a sources list, package lists and
# cache of its own, and nothing is installed.
#
#   debian-archive.sh url
#       print the archive the machine's own apt sources use (for configure)
#   debian-archive.sh extract STATE PACKAGE VERSION PATH OUT
#       download the newest PACKAGE whose version is VERSION-* from any of
#       $DEBIAN_SUITES of $DEBIAN_ARCHIVE, and write the file PATH inside it
#       to OUT.  STATE is a folder for apt's private lists and cache.
#
# The caller verifies OUT against the manifest's sha256: that pin, not the
# archive's signature, is what makes the tarball trusted.
set -eu
me=x86_64-none-debian-archive
die() { echo "$me: $*" >&2; exit 1; }

: "${DEBIAN_ARCHIVE:=}"
# The suites that carry newer releases than the machine's own.
: "${DEBIAN_SUITES:=trixie trixie-backports forky sid}"
: "${DEBIAN_ARCHIVE_OPTIONS:=signed-by=/usr/share/keyrings/debian-archive-keyring.gpg}"

# The archive of the machine's own release: the URI of the apt source whose
# suites include the release's code name (deb822 .sources or one-line
# sources.list format).
machine_archive() {
    codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
    [ -n "$codename" ] || return 1
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk -v c="$codename" '
            /^[ \t]*$/ { if (uri != "" && hit) { print uri; exit } uri = ""; hit = 0; next }
            tolower($1) == "uris:" { uri = $2 }
            tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == c) hit = 1 }
            END { if (uri != "" && hit) print uri }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk -v c="$codename" '$1 == "deb" {
            i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
            if ($(i + 1) == c) print $i }' "$f"
    done
}

cmd_url() {
    url=$(machine_archive | head -n 1)
    [ -n "$url" ] || die "no Debian archive in the machine's apt sources"
    echo "${url%/}"
}

apt_options() {
    echo "-o Dir::Etc::sourcelist=$state/sources.list -o Dir::Etc::sourceparts=-" \
        "-o Dir::State::lists=$state/lists -o Dir::Cache=$state/cache" \
        "-o APT::Sandbox::User=root -o Debug::NoLocking=1"
}

cmd_extract() {
    [ $# -eq 5 ] || die "usage: debian-archive.sh extract STATE PACKAGE VERSION PATH OUT"
    state=$1 package=$2 version=$3 path=$4 out=$5
    [ -n "$DEBIAN_ARCHIVE" ] || die "no archive given (DEBIAN_ARCHIVE)"
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found (Debian: apt-get install apt)"
    command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb not found (Debian: apt-get install dpkg)"
    mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/deb"
    state=$(cd "$state" && pwd)
    for suite in $DEBIAN_SUITES; do
        echo "deb [$DEBIAN_ARCHIVE_OPTIONS] $DEBIAN_ARCHIVE $suite main"
    done > "$state/sources.list"
    opts=$(apt_options)
    echo "$me: looking for $package $version-* in $DEBIAN_ARCHIVE ($DEBIAN_SUITES)" >&2
    # shellcheck disable=SC2086
    apt-get -q $opts update > "$state/update.log" 2>&1 ||
        die "apt-get update of $DEBIAN_ARCHIVE failed (log: $state/update.log)"
    # shellcheck disable=SC2086
    best=$(apt-cache $opts show "$package" 2>/dev/null |
        awk -v v="$version-" '/^Version: / && index($2, v) == 1 { print $2 }' |
        sort -V | tail -n 1)
    [ -n "$best" ] ||
        die "$DEBIAN_ARCHIVE has no $package $version-* in $DEBIAN_SUITES"
    rm -f "$state/deb"/*.deb
    # shellcheck disable=SC2086
    (cd "$state/deb" && apt-get -q $opts download "$package=$best") \
        > "$state/download.log" 2>&1 ||
        die "download of $package $best failed (log: $state/download.log)"
    deb=$(ls "$state/deb"/*.deb)
    dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ".$path" > "$out" ||
        die "$package $best has no $path"
    rm -f "$deb"
    echo "$me: took $path from $package $best" >&2
}

[ $# -ge 1 ] || die "usage: debian-archive.sh url | extract STATE PACKAGE VERSION PATH OUT"
cmd=$1
shift
case $cmd in
url) cmd_url ;;
extract) cmd_extract "$@" ;;
*) die "unknown command '$cmd'" ;;
esac
