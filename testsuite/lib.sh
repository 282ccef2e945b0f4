# Helpers shared by the kit's tests (sourced, POSIX sh).
# Environment from Makefile.am: TOOLROOT (the scratch install), TARGET,
# top_srcdir, top_builddir, QEMU.
set -u

BIN="$TOOLROOT/bin"
XGCC="$BIN/$TARGET-gcc"
OBJDUMP="$BIN/$TARGET-objdump"
READELF="$BIN/$TARGET-readelf"

# A private scratch folder per test, removed on success.
test_name=${TEST_NAME:-$(basename "$0" .test)}
WORK="$top_builddir/testsuite/work/$test_name"
rm -rf "$WORK"
mkdir -p "$WORK"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

pass() {
    rm -rf "$WORK"
    exit 0
}

# The flags that keep the kit's rules (tools/rules.def, through gen-rules):
# with them, plain x86_64-elf-gcc selects the bare-metal libgcc.
RULE_FLAGS=$("$top_builddir/tools/gen-rules" keep-flags) ||
    fail "tools/gen-rules keep-flags (run make first)"

# no_fp_or_abs32 FILE: FILE's code uses no SSE/AVX/MMX/x87 register or
# x87 instruction, and its loaded sections have no R_X86_64_32 relocation.
no_fp_or_abs32() {
    "$OBJDUMP" -d "$1" > "$WORK/dis" || fail "objdump -d $1"
    if grep -E '%([xyz]mm[0-9]|mm[0-7]|st\b|st\()' "$WORK/dis" > "$WORK/bad"; then
        head -5 "$WORK/bad" >&2
        fail "$1 uses SSE/MMX/x87 registers"
    fi
    # x87 mnemonics all start with f (fld, fstp, fnstcw, ...).
    if grep -E '^ +[0-9a-f]+:	([0-9a-f]{2} )+ *	f[a-z0-9]+ ' "$WORK/dis" > "$WORK/bad"; then
        head -5 "$WORK/bad" >&2
        fail "$1 has x87 instructions"
    fi
    # Relocations of loaded sections only: debug sections legitimately hold
    # 32-bit offsets into each other (DWARF32), as the rule checker says.
    "$OBJDUMP" -r "$1" | awk '/^RELOCATION RECORDS FOR \[/ { debug = ($4 ~ /^\[\.(rela?\.)?debug/) }
        !debug' > "$WORK/rel" || fail "objdump -r $1"
    if grep -E 'R_X86_64_32([^S]|$)' "$WORK/rel" > "$WORK/bad"; then
        head -5 "$WORK/bad" >&2
        fail "$1 has R_X86_64_32 relocations (not valid in the kernel code model)"
    fi
}

# need_rustc: SKIP (77) unless configure found a rustc that runs.
need_rustc() {
    [ -n "${RUSTC:-}" ] && [ -x "$RUSTC" ] ||
        { echo "SKIP: no rustc (configure looks on PATH and in ~/.cargo/bin)"; exit 77; }
}

# abi_fixed_set MODE...: the generated ABI suite's fixed set (seeds 1 and
# 2, 300 signatures each; testsuite/abi/) in each MODE of abi-suite.sh,
# failing at the first run that is not clean; every run's summary line
# goes to $WORK/totals.
abi_fixed_set() {
    count=300
    for seed in 1 2; do
        for mode in "$@"; do
            sh "$top_srcdir/testsuite/abi/abi-suite.sh" "$mode" $seed $count "$WORK/$mode-$seed" \
                > "$WORK/out" 2>&1
            status=$?
            grep -v '^abi: category' "$WORK/out"
            [ $status -eq 0 ] || fail "$mode, seed $seed: status $status"
            grep "^abi: $count signatures, [0-9]* values, 0 mismatches (seed $seed)\$" "$WORK/out" \
                >> "$WORK/totals" || fail "$mode, seed $seed: no clean summary line"
        done
    done
}

# rust_interop_object OUT: rust-interop.rs, the #![no_core] crate, built
# by rustc for x86_64-unknown-none into the object OUT.  no_core is
# unstable: RUSTC_BOOTSTRAP lets a stable rustc build it, with no
# rust-std for the target installed.
rust_interop_object() {
    RUSTC_BOOTSTRAP=1 "$RUSTC" --target x86_64-unknown-none --crate-type staticlib --emit=obj \
        -C panic=abort -C opt-level=2 -C relocation-model=static \
        -o "$1" "$top_srcdir/testsuite/rust-interop.rs" 2> "$WORK/rustc.err" ||
        { cat "$WORK/rustc.err"; fail "rustc"; }
}

# need_host_deps: SKIP (exit 77) unless every program and folder that
# install-deps.sh's table lists for this test ("check:...") is here.
need_host_deps() {
    sh "$top_srcdir/toolchain/install-deps.sh" --table | while read -r kind name pkg use rest; do
        case ",${use#check:}," in *",testsuite/$test_name.test,"*) ;; *) continue ;; esac
        case $kind in
        prog) command -v "$name" > /dev/null 2>&1 ;;
        dir) [ -d "$name" ] ;;
        esac || { echo "SKIP: $name not found (Debian: $pkg; toolchain/install-deps.sh installs it)"; exit 77; }
    done || exit 77
}

# expect STATUS PATTERN COMMAND...: the status, and one stderr line
# matching PATTERN.
expect() {
    want=$1 pattern=$2
    shift 2
    "$@" > "$WORK/out" 2> "$WORK/err" < /dev/null
    got=$?
    [ "$got" = "$want" ] || { cat "$WORK/err" >&2; fail "$*: status $got, want $want"; }
    [ "$(wc -l < "$WORK/err")" -ge 1 ] || fail "$*: no message"
    grep -q -- "$pattern" "$WORK/err" || { cat "$WORK/err" >&2; fail "$*: message"; }
}

# poke FILE OFFSET SIZE VALUE: writes VALUE, little-endian, into the SIZE
# bytes of FILE at OFFSET (to damage a file on purpose).
poke() {
    bytes= i=0
    while [ "$i" -lt "$3" ]; do
        bytes="$bytes$(printf '\\%03o' $(( ($4 >> (8 * i)) & 255 )))"
        i=$((i + 1))
    done
    printf "$bytes" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null ||
        fail "cannot write $1 at $2"
}

# section_header_offset FILE NAME: where NAME's section header starts in
# FILE (its sh_offset field is 24 bytes in, sh_size 32).
section_header_offset() {
    shoff=$("$READELF" -h "$1" | sed -n 's/.*Start of section headers: *\([0-9]*\).*/\1/p')
    index=$("$READELF" -S -W "$1" | sed -n "s/^ *\[ *\([0-9]*\)\] $2 .*/\1/p" | head -n 1)
    [ -n "$shoff" ] && [ -n "$index" ] || fail "no section $2 in $1"
    echo $((shoff + index * 64))
}

NONE_GCC="$BIN/x86_64-none-gcc"
NONE_GXX="$BIN/x86_64-none-g++"
ELFCHECK="$BIN/x86_64-none-elfcheck"
NONE_RUN="$BIN/x86_64-none-run"
NONE_MKIMAGE="$BIN/x86_64-none-mkimage"
# The multilib folder the rules select, where the kit's target objects live.
KIT_MULTI="$TOOLROOT/$TARGET/lib/$("$NONE_GCC" -print-multi-directory 2>/dev/null)"

# exit_protocol NAME: the value of NAME in <x86_64-none/exit-protocol.h>
# (a number evaluated, a string with its escapes turned into bytes).
exit_protocol() {
    v=$(printf '#include <x86_64-none/exit-protocol.h>\n%s\n' "$1" |
        ${CC:-cc} -E -P -I"$top_srcdir/crt/include" - | tail -n 1)
    case $v in
    \"*) printf "$(echo "$v" | sed 's/" *"//g; s/^"//; s/"$//')" ;;
    *) echo $(( $v )) ;;
    esac
}
