#!/bin/sh
# default-abi.sh GCC: one "sha256 file options" line per assembly output
# of the plain cross compiler GCC over a fixed corpus, run from its folder
# (the .file directive holds the name as given).  The corpus,
# testsuite/default-abi-corpus/, is a frozen copy of crt/string.c (with
# crt/copy-cpu.h) and testsuite/float-abi.c as they were when the hashes
# were made: the runtime may change, the compiler's output for this input
# may not.
#
# default-abi.sha256 holds these lines as the compiler built WITHOUT the
# soft-float ABI patch (0004) produced them; default-abi.test checks that
# the patched compiler's lines are the same.  To regenerate after a GCC
# upgrade, build the toolchain with that patch moved away and run
#   sh testsuite/default-abi.sh .../bin/x86_64-elf-gcc > testsuite/default-abi.sha256
set -eu
gcc=$1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cd "$(dirname "$0")/default-abi-corpus"
for opt in -O0 -O1 -O2 -O3 -Os; do
    for flags in "" "-mno-red-zone -mcmodel=kernel" "-mno-sse -mno-mmx"; do
        # -mno-sse alone still has the x87, and SSE returns fail: that
        # variant covers the integer-only corpus.
        case $flags in -mno-sse*) files=crt/string.c ;; *) files="testsuite/float-abi.c crt/string.c" ;; esac
        for f in $files; do
            "$gcc" -ffreestanding $opt $flags -S -o "$out" "$f"
            sum=$(sha256sum < "$out" | cut -d' ' -f1)
            echo "$sum $f $opt $flags"
        done
    done
done
