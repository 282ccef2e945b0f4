# The commands whose GNU and BSD (macOS) spellings differ, written once
# (sourced by package.sh and compare-packages.sh, POSIX sh).  GNU's is
# tried first; a tool with neither spelling stops with one line.
#   file_mtime FILE          seconds since the epoch of FILE's last change
#   utc_date_rfc2822 EPOCH   "Thu, 01 Jan 1970 00:00:00 +0000", as date -R
#   touch_epoch_options EPOCH  touch's options that set a time stamp
#                            (of links themselves) to EPOCH
#   sha256_line FILE...      "SUM  FILE" lines, as sha256sum prints them
#   sha256_stdin             the sum of standard input, alone
#   gnu_tar ARG...           GNU tar (tar, else gtar: --sort, --transform,
#                            --mtime and --owner are GNU's)

# Which spelling this machine's tools take, asked once.
if date -u -d @0 > /dev/null 2>&1; then portable_gnu_date=yes; else portable_gnu_date=no; fi

portable_die() { echo "${me:-portable.sh}: $*" >&2; exit 1; }

file_mtime() {
    stat -c %Y "$1" 2> /dev/null || stat -f %m "$1" 2> /dev/null ||
        portable_die "cannot read the time stamp of $1 (neither GNU nor BSD stat)"
}

utc_date_rfc2822() {
    if [ $portable_gnu_date = yes ]; then
        LC_ALL=C date -u -R -d "@$1"
    else
        LC_ALL=C date -u -r "$1" '+%a, %d %b %Y %H:%M:%S +0000'
    fi
}

# (With TZ=UTC0 in touch's environment: BSD touch -t reads local time.)
touch_epoch_options() {
    if [ $portable_gnu_date = yes ]; then
        echo "-h -d @$1"
    else
        echo "-h -t $(date -u -r "$1" +%Y%m%d%H%M.%S)"
    fi
}

sha256_line() {
    if command -v sha256sum > /dev/null 2>&1; then
        sha256sum "$@"
    else
        shasum -a 256 "$@"
    fi
}

sha256_stdin() {
    sha256_line | cut -d' ' -f1
}

gnu_tar() {
    if tar --version 2> /dev/null | grep -q 'GNU tar'; then
        tar "$@"
    elif command -v gtar > /dev/null 2>&1; then
        gtar "$@"
    else
        portable_die "GNU tar is needed (for --sort, --transform, --mtime): install it as gtar"
    fi
}
