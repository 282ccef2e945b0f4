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
# FUZZ_LIBS, ELFCHECK_READER, RUN_READER, MKIMAGE_READER.
set -eu
me=make-fuzz
die() { echo "$me: $*" >&2; exit 1; }
[ $# -eq 5 ] || die "usage: fuzz.sh SRCDIR TOOLROOT RUNTIME-DIR WORK SECONDS"
src=$1 root=$2 runtime=$3 work=$4 seconds=$5
case $seconds in
''|*[!0-9]*|0) die "FUZZ_SECONDS=$seconds: give a whole number of seconds, e.g. make fuzz FUZZ_SECONDS=600" ;;
esac
targets="elfcheck run mkimage"

build_target() {
    case $1 in
    elfcheck) reader=$ELFCHECK_READER ;;
    run) reader=$RUN_READER ;;
    mkimage) reader=$MKIMAGE_READER ;;
    esac
    # shellcheck disable=SC2086
    "$FUZZ_CC" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
        $FUZZ_CFLAGS -o "$work/fuzz-$1" "$src/testsuite/fuzz/fuzz-$1.c" $reader $FUZZ_LIBS \
        > "$work/build-$1.log" 2>&1 || { cat "$work/build-$1.log" >&2; die "cannot build fuzz-$1"; }
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
    for specs in qemu pvh multiboot multiboot2; do
        for g in "" -g; do
            "$gcc" --specs=$specs.specs -O2 $g -o "$seeds/hello-$specs$g.elf" \
                "$src/examples/minimal/minimal.c" || die "cannot link a seed with $gcc"
        done
    done
    "$gcc" --specs=qemu.specs -O2 -o "$seeds/hello-board.elf" "$src/examples/hello/hello.c" ||
        die "cannot link a seed with $gcc"
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
        echo "fuzz: $1: ${runs:-?} executions in $seconds s, $cov (coverage: edges, features), $inputs inputs in its corpus, no crash"
        return 0
    fi
    crash=$(ls "$work"/crash-"$1"-* 2>/dev/null | head -n 1)
    echo "fuzz: $1: FOUND A BUG after ${runs:-?} executions (log: $log; input: ${crash:-none kept})"
    echo "  fix it, then keep the input for make check:"
    echo "  sh testsuite/fuzz/tohex.sh $crash 'what it found' > testsuite/fuzz/regress/$1-NAME.hex"
    return 1
}

mkdir -p "$work"
for t in $targets; do build_target "$t"; done
make_seeds
failed=0
for t in $targets; do run_target "$t" || failed=$((failed + 1)); done
[ "$failed" -eq 0 ] || die "$failed of 3 targets found a bug"
