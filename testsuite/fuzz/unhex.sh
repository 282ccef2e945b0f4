#!/bin/sh
# The bytes of a regression corpus file (tohex.sh's format: '#' comment
# lines, then hex digits; other whitespace ignored).  POSIX printf's octal
# escapes write every byte, NUL included.
#   unhex.sh IN.hex OUT
set -eu
[ $# -eq 2 ] || { echo "usage: unhex.sh IN.hex OUT" >&2; exit 2; }
escapes=$(sed '/^#/d' "$1" | tr -d ' \t\n' | awk '
    BEGIN { hex = "0123456789abcdef" }
    {
        if (length($0) % 2) { print "odd number of hex digits" > "/dev/stderr"; exit 1 }
        for (i = 1; i <= length($0); i += 2) {
            hi = index(hex, substr($0, i, 1)) - 1; lo = index(hex, substr($0, i + 1, 1)) - 1
            if (hi < 0 || lo < 0) { print "not a hex digit near " i > "/dev/stderr"; exit 1 }
            printf "\\%03o", hi * 16 + lo
        }
    }') || { echo "unhex.sh: $1 is not tohex.sh's format" >&2; exit 1; }
# shellcheck disable=SC2059
printf "$escapes" > "$2"
