#!/bin/sh
# make fuzz: builds the libFuzzer targets of the kit's three ELF readers
# (x86_64-none-elfcheck's, -run's and -mkimage's), makes a seed corpus
# from the kit's own outputs, and runs each target SECONDS seconds, one
# after the other.  Prints, per target, the executions, the coverage
# reached and whether anything crashed; a crash's input is kept and the
# line says how to add it to the regression corpus that make check
# replays (testsuite/fuzz/regress/).
#   fuzz.sh SRCDIR TOOLROOT RUNTIME-DIR WORK SECONDS
# From the environment (Makefile.am's fuzz rule): FUZZ_CC, FUZZ_CFLAGS,
# FUZZ_LIBS, ELFCHECK_READER, RUN_READER, MKIMAGE_READER, and LLVM_PROFDATA
# and LLVM_COV for the line coverage of each reader (left out without them).
set -eu
me=make-fuzz
die() { echo "$me: $*" >&2; exit 1; }
[ $# -eq 5 ] || die "usage: fuzz.sh SRCDIR TOOLROOT RUNTIME-DIR WORK SECONDS"
src=$1 root=$2 runtime=$3 work=$4 seconds=$5
case $seconds in
''|*[!0-9]*|0) die "FUZZ_SECONDS=$seconds: give a whole number of seconds, e.g. make fuzz FUZZ_SECONDS=600" ;;
esac
targets="elfcheck run mkimage"

reader_of() {
    case $1 in
    elfcheck) echo "$ELFCHECK_READER" ;;
    run) echo "$RUN_READER" ;;
    mkimage) echo "$MKIMAGE_READER" ;;
    esac
}

# build_target NAME OUTPUT FLAGS...: the target NAME with FLAGS.
build_target() {
    name=$1 output=$2
    shift 2
    # shellcheck disable=SC2046,SC2086
    "$FUZZ_CC" -g -O1 "$@" $FUZZ_CFLAGS -o "$output" "$src/testsuite/fuzz/fuzz-$name.c" \
        $(reader_of "$name") $FUZZ_LIBS > "$work/build-$name.log" 2>&1 ||
        { cat "$work/build-$name.log" >&2; die "cannot build $output"; }
}

# line_coverage NAME: the share of its reader's lines the corpus runs,
# from a build with clang's source coverage replaying the corpus.
line_coverage() {
    [ -n "${LLVM_PROFDATA:-}" ] && [ -n "${LLVM_COV:-}" ] || { echo "no llvm-profdata/llvm-cov"; return; }
    build_target "$1" "$work/cov-$1" -fsanitize=fuzzer -fprofile-instr-generate -fcoverage-mapping
    LLVM_PROFILE_FILE="$work/cov-$1.profraw" "$work/cov-$1" -runs=0 "$work/corpus-$1" \
        "$work/seeds" > /dev/null 2>&1
    "$LLVM_PROFDATA" merge -sparse -o "$work/cov-$1.profdata" "$work/cov-$1.profraw" &&
    # shellcheck disable=SC2046
    "$LLVM_COV" report "$work/cov-$1" -instr-profile="$work/cov-$1.profdata" $(reader_of "$1") |
        awk '$1 == "TOTAL" { printf "lines %s, branches %s of its reader", $10, $13 }'
}

# The seeds: what the kit makes (the runtime's objects and archives for
# every multilib, programs linked for each boot protocol, with and
# without debug information) and the regression corpus.
make_seeds() {
    seeds=$work/seeds
    rm -rf "$seeds" && mkdir -p "$seeds"
    for f in "$runtime"/*/*.o "$runtime"/*/libnone.a; do
        [ -f "$f" ] && cp "$f" "$seeds/$(echo "${f#"$runtime"/}" | tr / _)"
    done
    gcc=$root/bin/x86_64-none-gcc
    # minimal.c has its own _start, for the boot stubs; the QEMU board
    # (which brings _start and calls main) gets hello.c.
    for specs in pvh multiboot multiboot2; do
        for g in "" -g; do
            "$gcc" --specs=$specs.specs -O2 $g -o "$seeds/minimal-$specs$g.elf" \
                "$src/examples/minimal/minimal.c" || die "cannot link a seed with $gcc"
        done
    done
    for g in "" -g; do
        "$gcc" --specs=qemu.specs -O2 $g -o "$seeds/hello-qemu$g.elf" "$src/examples/hello/hello.c" ||
            die "cannot link a seed with $gcc"
    done
    "$gcc" -O2 -c -o "$seeds/hello.o" "$src/examples/hello/hello.c" || die "cannot compile a seed"
    for h in "$src"/testsuite/fuzz/regress/*.hex; do
        [ -f "$h" ] && sh "$src/testsuite/fuzz/unhex.sh" "$h" "$seeds/$(basename "$h" .hex)"
    done
    echo "$me: $(ls "$seeds" | wc -l) seeds in $seeds"
}

# run_target NAME: fuzzes it; prints its summary line; false on a crash.
run_target() {
    corpus=$work/corpus-$1 log=$work/fuzz-$1.log
    mkdir -p "$corpus"
    status=0
    "$work/fuzz-$1" -max_total_time="$seconds" -print_final_stats=1 -max_len=65536 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/crash-$1-" \
        "$corpus" "$work/seeds" > "$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1)
    inputs=$(ls "$corpus" | wc -l)
    if [ "$status" -eq 0 ]; then
        echo "fuzz: $1: ${runs:-?} executions in $seconds s, $cov (edges, features), $(line_coverage "$1"), $inputs inputs in its corpus, no crash"
        return 0
    fi
    crash=$(ls "$work"/crash-"$1"-* 2>/dev/null | head -n 1)
    echo "fuzz: $1: FOUND A BUG after ${runs:-?} executions (log: $log; input: ${crash:-none kept})"
    echo "  fix it, then keep the input for make check:"
    echo "  sh testsuite/fuzz/tohex.sh $crash 'what it found' > testsuite/fuzz/regress/$1-NAME.hex"
    return 1
}

mkdir -p "$work"
for t in $targets; do
    build_target "$t" "$work/fuzz-$t" -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
done
make_seeds
failed=0
for t in $targets; do run_target "$t" || failed=$((failed + 1)); done
[ "$failed" -eq 0 ] || die "$failed of 3 targets found a bug"
