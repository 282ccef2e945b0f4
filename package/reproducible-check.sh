#!/bin/sh
# Are make package and make deb reproducible?  Builds both in BUILT (a
# configured and built kit checkout), then clones the same commit into
# another folder, configures and builds the kit there with the same
# options, at another time, builds both again and compares the pairs
# (package/compare-packages.sh: the first differing file, when they
# differ).  The toolchain itself comes from the toolchain cache when it
# holds these inputs, as in CI.  With --cold the second build compiles
# its own toolchain, without the toolchain cache or ccache: given a BUILT
# that was itself built cold (configure --with-toolchain-cache=no
# --disable-ccache, or an empty cache), this checks the whole toolchain
# (a cold toolchain build: bench/build-time.sh measures how long).
#   reproducible-check.sh [--cold] BUILT [WORKDIR]
# Status: 0 both pairs identical, 1 a pair differs, 2 a step failed.
set -u
me=reproducible-check.sh
die() { echo "$me: $*" >&2; exit 2; }
cold_options=
if [ "${1:-}" = --cold ]; then
    cold_options=" '--with-toolchain-cache=no' '--disable-ccache'"
    shift
fi
[ $# -ge 1 ] || die "usage: $me [--cold] BUILT-CHECKOUT [WORKDIR]"
built=$(cd "$1" && pwd) || die "$1: no such folder"
work=${2:-$(mktemp -d "${TMPDIR:-/tmp}/x86_64-none-repro.XXXXXX")} || die "mktemp failed"
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$built/config.status" ] || die "$built is not configured: run configure and make there first"
git -C "$built" rev-parse HEAD > /dev/null 2>&1 || die "$built is not a git checkout"

# The configure options of the first build, for the second.
options=$(sed -n "s/^ac_cs_config='\\(.*\\)'\$/\\1/p" "$built/config.status")$cold_options
mkdir -p "$work/one" || die "cannot create $work"
(cd "$built" && make package deb PACKAGE_OUT="$work/one" > "$work/one.log" 2>&1) ||
    { tail -n 20 "$work/one.log"; die "make package deb in $built failed"; }

git clone -q "$built" "$work/src" || die "git clone failed"
(cd "$work/src" && git checkout -q "$(git -C "$built" rev-parse HEAD)") || die "git checkout failed"
echo "$me: second build in $work/src ($options)"
(
    cd "$work/src" &&
        autoreconf -fi > "$work/two.log" 2>&1 &&
        eval "./configure $options" >> "$work/two.log" 2>&1 &&
        make -j2 >> "$work/two.log" 2>&1 &&
        make package deb PACKAGE_OUT="$work/two" >> "$work/two.log" 2>&1
) || { tail -n 30 "$work/two.log"; die "the second build failed (log: $work/two.log)"; }

status=0
for one in "$work"/one/*.tar.gz "$work"/one/*.deb; do
    [ -f "$one" ] || die "make package deb wrote no $one"
    sh "$here/compare-packages.sh" "$one" "$work/two/${one##*/}" || status=1
done
[ $status -ne 0 ] || rm -rf "$work"
exit $status
