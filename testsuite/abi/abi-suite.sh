#!/bin/sh
# abi-suite.sh MODE SEED COUNT WORK [abi-gen option...]
#
# Generates the ABI suite of SEED (COUNT signatures, abi-gen), builds its C
# side and its Rust side for MODE, links them into one program, runs it and
# prints its report.  Exit status: 0 when every value arrived bit for bit,
# 1 when one did not, 2 when something could not be built or run.
#
#   kit-O0, kit-O2    C by x86_64-none-gcc at that level, Rust by rustc for
#                     x86_64-unknown-none at the same opt-level, run in QEMU
#   host-O0, host-O2  the host pair: CC against rustc for the host's
#                     x86_64-unknown-linux-gnu (SysV, floats in SSE): proves
#                     the generator and harness without the kit's patch
#   clang-O2          the C side by CLANG -mgeneral-regs-only instead
#                     (expected to disagree: docs/using.md), run in QEMU
#
# Environment: top_srcdir, TOOLROOT (an install of the kit), ABI_GEN, RUSTC,
# and CC or CLANG for their modes.
set -u
[ $# -ge 4 ] || { echo "usage: abi-suite.sh MODE SEED COUNT WORK [abi-gen option...]" >&2; exit 2; }
mode=$1 seed=$2 count=$3 work=$4
shift 4
src="$top_srcdir/testsuite/abi"
none_gcc="$TOOLROOT/bin/x86_64-none-gcc"
none_run="$TOOLROOT/bin/x86_64-none-run"

die() {
    echo "abi-suite: $mode: $*" >&2
    exit 2
}

# build WHAT LOG COMMAND...: runs COMMAND, showing LOG and naming WHAT if it fails.
build() {
    what=$1 log=$2
    shift 2
    "$@" > "$log" 2>&1 || { cat "$log" >&2; die "$what failed (seed $seed, $count signatures)"; }
}

level=${mode##*-O}
case $mode in
kit-O0 | kit-O2 | clang-O2)
    rust_target=x86_64-unknown-none rust_model="-C relocation-model=static" ;;
host-O0 | host-O2)
    [ "$(uname -m)" = x86_64 ] || die "the host pair is x86-64 SysV; this host is $(uname -m)"
    rust_target=x86_64-unknown-linux-gnu rust_model= ;;
*) die "unknown mode (kit-O0, kit-O2, host-O0, host-O2 or clang-O2)" ;;
esac

mkdir -p "$work" || die "cannot create $work"
"$ABI_GEN" --seed "$seed" --count "$count" --c "$work/abi.c" --rust "$work/abi.rs" "$@" ||
    die "abi-gen failed"

# The C side; GCC's -Wpsabi split warning (docs/using.md) must not fire:
# the generator keeps such arguments out.
case $mode in
kit-*) build "x86_64-none-gcc" "$work/cc.log" "$none_gcc" --specs=qemu.specs -O"$level" \
           -Wall -Wextra -I"$src" -c -o "$work/abi-c.o" "$work/abi.c" ;;
host-*) build "${CC:-cc}" "$work/cc.log" ${CC:-cc} -O"$level" -Wall -Wextra -I"$src" \
           -c -o "$work/abi-c.o" "$work/abi.c" ;;
clang-*) build "clang" "$work/cc.log" "$CLANG" --target=x86_64-unknown-none-elf -ffreestanding \
           -mgeneral-regs-only -mno-red-zone -mcmodel=kernel -fno-pic -O"$level" -w -I"$src" \
           -c -o "$work/abi-c.o" "$work/abi.c" ;;
esac
if grep -q 'rustc passes an argument' "$work/cc.log"; then
    grep 'rustc passes an argument' "$work/cc.log" | head -3 >&2
    die "the generator let a split argument through (a bug in abi-gen)"
fi

# The Rust side: a #![no_core] crate, so no rust-std for the target.
# shellcheck disable=SC2086
build "rustc" "$work/rustc.log" env RUSTC_BOOTSTRAP=1 "$RUSTC" --target "$rust_target" \
    --crate-type staticlib --emit=obj -C panic=abort -C opt-level="$level" $rust_model \
    -o "$work/abi-rs.o" "$work/abi.rs"

case $mode in
host-*)
    build "$CC (harness)" "$work/harness.log" ${CC:-cc} -O2 -Wall -Wextra -c \
        -o "$work/harness.o" "$src/abi-harness.c"
    build "linking" "$work/link.log" ${CC:-cc} -o "$work/abi" "$work/abi-c.o" "$work/harness.o" \
        "$work/abi-rs.o"
    "$work/abi"
    ;;
*)
    build "x86_64-none-gcc (harness)" "$work/harness.log" "$none_gcc" --specs=qemu.specs -O2 \
        -Wall -Wextra -c -o "$work/harness.o" "$src/abi-harness.c"
    build "linking" "$work/link.log" "$none_gcc" --specs=qemu.specs -o "$work/abi.elf" \
        "$work/abi-c.o" "$work/harness.o" "$work/abi-rs.o"
    "$none_run" "$work/abi.elf"
    ;;
esac
status=$?
[ $status -le 1 ] || die "the program ended with status $status (crashed?)"
exit $status
