#!/bin/sh
# Time per boot, from starting x86_64-none-run to its exit, of one small
# program (hello) booted the three ways: as an ELF file through PVH, and
# from an x86_64-none-mkimage image under SeaBIOS and under OVMF (CD and
# USB stick).  The median of RUNS runs each (wall time, TCG), with the
# fastest and slowest; every run must end with the program's status.
#   boot-time.sh BINDIR SRCDIR WORKDIR [RUNS]
set -eu
bin=$1 src=$2 work=$3 runs=${4:-7}
mkdir -p "$work"
"$bin/x86_64-none-gcc" --specs=qemu.specs -O2 -o "$work/hello.elf" "$src/examples/hello/hello.c"
if ! "$bin/x86_64-none-mkimage" -o "$work/hello.iso" --cmdline='one two' "$work/hello.elf"; then
    echo "(no image rows: x86_64-none-mkimage needs GRUB; toolchain/install-deps.sh installs it)"
    exit 0
fi

now() { date +%s.%N; }
# row NAME RUNNER-ARGS...: RUNS timed boots, sorted; median, min, max.
row() {
    name=$1
    shift
    i=0
    while [ $i -lt "$runs" ]; do
        start=$(now)
        status=0
        "$bin/x86_64-none-run" "$@" > /dev/null 2> "$work/err" < /dev/null || status=$?
        end=$(now)
        [ $status -eq 0 ] || { cat "$work/err" >&2; echo "boot-time.sh: $name: status $status" >&2; exit 1; }
        echo "$start $end" | awk '{ printf "%.3f\n", $2 - $1 }'
        i=$((i + 1))
    done | sort -n > "$work/times"
    awk -v n="$name" -v runs="$runs" '{ t[NR] = $1 }
        END { printf "| %-32s | %6.2f | %6.2f | %6.2f | %d |\n", n, t[int((NR + 1) / 2)], t[1], t[NR], runs }' \
        "$work/times"
}
echo "| boot of examples/hello (TCG) | median s | min s | max s | runs |"
echo "|---|---:|---:|---:|---:|"
row "ELF file, PVH (qemu -kernel)" "$work/hello.elf" one two
row "image, BIOS (SeaBIOS + GRUB), CD" --firmware=bios "$work/hello.iso"
row "image, BIOS, USB stick" --firmware=bios --media=usb "$work/hello.iso"
row "image, UEFI (OVMF + GRUB), CD" --firmware=uefi "$work/hello.iso"
row "image, UEFI, USB stick" --firmware=uefi --media=usb "$work/hello.iso"
