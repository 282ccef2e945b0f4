#!/bin/sh
# The size table of issue 11: a printf program built with each C library
# the kit offers, as x86_64-none-size reports (bytes), and run in QEMU to
# show that each build works.
#   libc-size.sh BINDIR SRCDIR WORKDIR
set -eu
bin=$1 src=$2 work=$3
mkdir -p "$work"
row() { # row NAME SPECS FLAGS...
    name=$1 specs=$2
    shift 2
    opts=
    for s in $specs; do opts="$opts --specs=$s"; done
    # shellcheck disable=SC2086
    "$bin/x86_64-none-gcc" $opts -O2 "$@" -o "$work/p.elf" "$src/bench/printf-size.c"
    out=$("$bin/x86_64-none-run" "$work/p.elf" | tr '\n' ' ')
    "$bin/x86_64-none-size" "$work/p.elf" | awk -v n="$name" -v o="$out" \
        'NR == 2 { printf "| %-34s | %7d | %6d | %6d | %7d | %s|\n", n, $1, $2, $3, $4, o }'
}
echo "| program (printf of ints and a string; + a double) | text | data | bss | total | output |"
echo "|---|---:|---:|---:|---:|---|"
row "board printf (qemu.specs)" qemu.specs
row "board printf, + %f" qemu.specs -DWITH_FLOAT
if [ -f "$("$bin/x86_64-none-gcc" -print-file-name=libc_nano.a)" ]; then
    row "newlib (newlib.specs)" "qemu.specs newlib.specs"
    row "newlib, + %f" "qemu.specs newlib.specs" -DWITH_FLOAT
    row "newlib-nano (nano.specs)" "qemu.specs nano.specs"
    row "newlib-nano, + %f (-u _printf_float)" "qemu.specs nano.specs" -DWITH_FLOAT -u _printf_float
else
    echo "(the kit has no newlib: configure --enable-newlib for its rows)"
fi
