#!/bin/sh
# KASAN's overhead: programs built with and without -fsanitize=kernel-address
# (newlib on the QEMU board), each run RUNS times; the work's own time
# (the program prints it, from the board clock) and the image's loaded
# size (text + data, from size: not bss, which holds the 1 MiB stack), as
# ratios KASAN / plain, measured in this run.  The two builds must print
# the same checksum.  Under TCG (no KVM) a call and its return cost far
# more than on hardware, and outline KASAN makes a call per access: the
# time ratio is TCG's, not a real CPU's.
#   kasan-bench.sh BINDIR SRCDIR WORKDIR [RUNS]
set -eu
bin=$1 src=$2 work=$3 runs=${4:-3}
mkdir -p "$work"
if [ ! -f "$("$bin/x86_64-none-gcc" -print-file-name=newlib.specs)" ]; then
    echo "(no KASAN rows: the programs use newlib; configure --enable-newlib)"
    exit 0
fi

# median_us ELF: the median of RUNS runs' work_us; the checksum to $work/sum.
median_us() {
    i=0
    while [ $i -lt "$runs" ]; do
        "$bin/x86_64-none-run" --timeout=600 "$1" > "$work/out" 2> "$work/err" < /dev/null ||
            { cat "$work/out" "$work/err" >&2; echo "kasan-bench.sh: $1 failed" >&2; exit 1; }
        sed -n 's/^work_us //p' "$work/out"
        i=$((i + 1))
    done | sort -n > "$work/times"
    sed -n 's/^checksum //p' "$work/out" > "$work/sum"
    awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }' "$work/times"
}

image_size() {
    "$bin/x86_64-elf-size" "$1" | awk 'NR == 2 { print $1 + $2 }'
}

echo "| program | plain ms | KASAN ms | time ratio | plain text+data | KASAN text+data | size ratio | runs |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for prog in kasan-heap kasan-compute; do
    for mode in plain kasan; do
        flag=
        [ $mode = kasan ] && flag=-fsanitize=kernel-address
        # shellcheck disable=SC2086
        "$bin/x86_64-none-gcc" --specs=qemu.specs --specs=newlib.specs -O2 $flag \
            -o "$work/$prog-$mode.elf" "$src/bench/$prog.c"
        eval "${mode}_us=\$(median_us \"\$work/\$prog-\$mode.elf\")"
        eval "${mode}_sum=\$(cat \"\$work/sum\")"
        eval "${mode}_size=\$(image_size \"\$work/\$prog-\$mode.elf\")"
    done
    # shellcheck disable=SC2154
    [ "$plain_sum" = "$kasan_sum" ] ||
        { echo "kasan-bench.sh: $prog: checksum $plain_sum plain, $kasan_sum with KASAN" >&2; exit 1; }
    # shellcheck disable=SC2154
    awk -v p="$prog" -v pu="$plain_us" -v ku="$kasan_us" -v ps="$plain_size" -v ks="$kasan_size" \
        -v runs="$runs" 'BEGIN { printf "| %s | %.1f | %.1f | %.2f | %d | %d | %.2f | %d |\n",
            p, pu / 1000, ku / 1000, ku / pu, ps, ks, ks / ps, runs }'
done
