#!/bin/sh
# A file as the regression corpus writes it: lowercase hex, 32 bytes a
# line, after '#' comment lines that say what the input found.
#   tohex.sh FILE "what it found" > testsuite/fuzz/regress/NAME.hex
# Then add, as the first line, the statuses the three programs must give
# it now: "# expect elfcheck=N run=N mkimage=N" (fuzz-regress.test).
set -eu
[ $# -eq 2 ] || { echo "usage: tohex.sh FILE 'what it found'" >&2; exit 2; }
[ -r "$1" ] || { echo "tohex.sh: cannot read $1" >&2; exit 1; }
printf '# %s\n' "$2"
od -An -v -tx1 "$1" | tr -d ' \n' | fold -w 64
echo
