#!/bin/sh
# Find, verify and unpack the source tarballs listed in toolchain/manifest.
#
#   source.sh fetch  NAME DOWNLOADS   -> DOWNLOADS/NAME.source ("file sha256")
#   source.sh unpack NAME DOWNLOADS SRCDIR [PATH...]
#                                     (PATHs: only those parts of the tree)
#   source.sh locate NAME             -> where fetch would look first
#   source.sh version NAME            -> NAME's version (the manifest is the
#                                        one place a version is written)
#
# Where a tarball comes from, first hit wins: $SOURCE_DIR (configure
# --with-source-dir), the download cache $SOURCE_CACHE, an installed Debian
# source package, Debian's archive ($DEBIAN_ARCHIVE, see debian-archive.sh),
# then a GNU mirror ($MIRROR, configure --with-mirror).  Every candidate is
# checked against the manifest's sha256 before use, and nothing is unpacked
# that has not passed the check.
set -eu

me=x86_64-none-source
here=$(cd "$(dirname "$0")" && pwd)
: "${MANIFEST:=$here/manifest}"
: "${SOURCE_DIR:=}"
: "${SOURCE_CACHE:=}"
: "${MIRROR:=}"
: "${DEBIAN_ARCHIVE:=}"

die() { echo "$me: $*" >&2; exit 1; }

# manifest_row NAME: sets the row's fields, or dies.
manifest_row() {
    row=$(awk -v n="$1" '$1 == n && !/^#/ { print; exit }' "$MANIFEST")
    [ -n "$row" ] || die "package '$1' is not in $MANIFEST"
    # shellcheck disable=SC2086
    set -- $row
    [ $# -eq 8 ] || die "$MANIFEST: the row of '$1' needs 8 columns, has $#"
    version=$2 up_file=$3 up_sha=$4 mirror_path=$5
    deb_package=$6 deb_path=$7 deb_sha=$8
    deb_file=$(basename "$deb_path") deb_dir=$(dirname "$deb_path")
}

sha256_of() {
    sha256sum "$1" | cut -d' ' -f1
}

# mismatch WHAT WANT GOT NOTE: dies with the checksum message.
mismatch() {
    die "checksum mismatch for $1
  expected sha256 $2
  got      sha256 $3
  $4"
}

stale_file_note="The file is corrupt or not the release the manifest names; it was not
  used. Delete it and fetch it again."

# verify FILE SHA: dies, naming both sums, when FILE does not match.
verify() {
    got=$(sha256_of "$1")
    [ "$got" = "$2" ] || mismatch "$1" "$2" "$got" "$stale_file_note"
}

# verify_release FILE: dies unless FILE's sha256 is one the manifest gives
# for a tarball of that name (upstream and Debian may share a name);
# prints the sum.
verify_release() {
    base=$(basename "$1")
    got=$(sha256_of "$1")
    want=
    [ "$base" = "$up_file" ] && want="$up_sha"
    [ "$base" = "$deb_file" ] && want="$want${want:+ or }$deb_sha"
    case " $want " in
    *" $got "*) echo "$got"; return 0 ;;
    esac
    mismatch "$1" "$want" "$got" "$stale_file_note"
}

# find_local: prints the first existing candidate tarball, if any.
# Tarballs taken from Debian's archive are kept in a folder of their own
# in the download cache: their names (gdb.tar.xz) need not say the version.
archive_keep_dir() {
    echo "${SOURCE_CACHE:-$1}/$name-$version-debian"
}

find_local() {
    for dir in "$SOURCE_DIR" "$SOURCE_CACHE" \
        ${SOURCE_CACHE:+"$(archive_keep_dir "")"} "$deb_dir"; do
        [ -n "$dir" ] || continue
        for file in "$up_file" "$deb_file"; do
            if [ -f "$dir/$file" ]; then
                echo "$dir/$file"
                return 0
            fi
        done
    done
    return 1
}

mirror_url() {
    case $mirror_path in
    *://*) echo "$mirror_path/$up_file" ;;
    *) echo "${MIRROR%/}/$mirror_path/$up_file" ;;
    esac
}

download() {
    url=$1 out=$2
    if command -v curl >/dev/null 2>&1; then
        curl -fsSL --retry 2 -o "$out" "$url"
    elif command -v wget >/dev/null 2>&1; then
        wget -q -O "$out" "$url"
    else
        die "neither curl nor wget is installed (Debian: apt-get install curl)"
    fi
}

# keep_verified PART SHA WHAT NOTE DEST: moves a fetched file into the
# cache as DEST and prints DEST if its sha256 is SHA; otherwise deletes it
# and dies naming WHAT, with NOTE.
keep_verified() {
    got=$(sha256_of "$1")
    if [ "$got" != "$2" ]; then
        rm -f "$1"
        mismatch "$3" "$2" "$got" "$4"
    fi
    mv "$1" "$5"
    echo "$5"
}

# fetch_from_mirror DEST-DIR: downloads, verifies, keeps it in the cache.
fetch_from_mirror() {
    keep=${SOURCE_CACHE:-$1}
    mkdir -p "$keep"
    part="$keep/$up_file.part.$$"
    url=$(mirror_url)
    echo "$me: downloading $url" >&2
    if ! download "$url" "$part"; then
        rm -f "$part"
        die "download of $url failed"
    fi
    keep_verified "$part" "$up_sha" "$url" "The download was discarded." "$keep/$up_file"
}

not_found() {
    die "no source tarball for $name $version.
  Looked for $up_file or $deb_file in:${SOURCE_DIR:+
    $SOURCE_DIR (--with-source-dir)}${SOURCE_CACHE:+
    $SOURCE_CACHE (download cache)}
    $deb_dir (Debian source package)${DEBIAN_ARCHIVE:+
    $deb_package $version-* in the Debian archive $DEBIAN_ARCHIVE}
  Get it with one of:
    apt-get install $deb_package (where the machine's Debian release has $version)
    ./configure --with-debian-archive=URL (a Debian archive or mirror)
    ./configure --with-mirror=https://ftpmirror.gnu.org/gnu (needs network)
    ./configure --with-source-dir=DIR, with $up_file in DIR"
}

# fetch_from_archive DEST-DIR: downloads the Debian source package, takes
# the tarball out of it, verifies it and keeps it in the cache.
fetch_from_archive() {
    keep=$(archive_keep_dir "$1")
    mkdir -p "$keep"
    part="$keep/$deb_file.part.$$"
    # apt state of its own per package: the toolchain build fetches several
    # packages at once, and two apt-get runs must not share lists.
    if ! sh "$here/debian-archive.sh" extract "$1/apt-$name" "$deb_package" "$version" \
        "$deb_path" "$part"; then
        rm -f "$part"
        return 1
    fi
    keep_verified "$part" "$deb_sha" "$deb_file from $deb_package in $DEBIAN_ARCHIVE" \
        "The package's tarball was discarded." "$keep/$deb_file"
}

cmd_fetch() {
    downloads=$1
    mkdir -p "$downloads"
    if found=$(find_local); then
        :
    elif [ -n "$DEBIAN_ARCHIVE" ] && found=$(fetch_from_archive "$downloads"); then
        :
    elif [ -n "$MIRROR" ]; then
        found=$(fetch_from_mirror "$downloads")
    else
        not_found
    fi
    file=$(basename "$found")
    sha=$(verify_release "$found")
    echo "$me: $name $version: $found (sha256 ok)"
    printf '%s %s %s\n' "$found" "$sha" "$file" > "$downloads/$name.source.tmp"
    mv "$downloads/$name.source.tmp" "$downloads/$name.source"
}

# Only says where the tarball would come from (configure's early check).
cmd_locate() {
    if found=$(find_local); then
        echo "$found"
    elif [ -n "$DEBIAN_ARCHIVE" ]; then
        echo "$deb_package $version-* from $DEBIAN_ARCHIVE"
    elif [ -n "$MIRROR" ]; then
        mirror_url
    else
        not_found
    fi
}

cmd_unpack() {
    downloads=$1 srcdir=$2
    shift 2
    record="$downloads/$name.source"
    [ -f "$record" ] || die "$record is missing: run the fetch step first"
    read -r tarball sha file < "$record" || die "$record is unreadable"
    verify "$tarball" "$sha"
    tmp="$srcdir.unpack.$$"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    # PATHs are below the tarball's top folder, whatever its name.
    members=
    for path in "$@"; do members="$members */$path"; done
    set -f # the patterns are tar's, not the shell's
    # shellcheck disable=SC2086
    if ! tar -xf "$tarball" -C "$tmp" --strip-components=1 ${members:+--wildcards $members}; then
        set +f
        rm -rf "$tmp"
        die "could not unpack $tarball"
    fi
    set +f
    rm -rf "$srcdir"
    mv "$tmp" "$srcdir"
    echo "$me: unpacked $file into $srcdir"
}

[ $# -ge 2 ] || die "usage: source.sh fetch NAME DOWNLOADS | unpack NAME DOWNLOADS SRCDIR [PATH...] | locate NAME | version NAME"
cmd=$1 name=$2
shift 2
manifest_row "$name"
case $cmd in
fetch) [ $# -eq 1 ] || die "usage: source.sh fetch NAME DOWNLOADS"
    cmd_fetch "$@" ;;
locate) cmd_locate ;;
version) echo "$version" ;;
unpack) [ $# -ge 2 ] || die "usage: source.sh unpack NAME DOWNLOADS SRCDIR [PATH...]"
    cmd_unpack "$@" ;;
*) die "unknown command '$cmd'" ;;
esac
