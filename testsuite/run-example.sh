#!/bin/sh
# Test driver for one example: build it with x86_64-none-gcc (NAME.c) or
# x86_64-none-g++ (NAME.cc), check it with x86_64-none-elfcheck, boot it
# with x86_64-none-run, and compare the exit status and the console output
# with the expected ones.
#   run-example.sh examples/NAME/NAME.ex
# NAME.ex holds directives, one a line:
#   status N      expected exit status (required)
#   specs FILE... boot/board/library spec files (default qemu.specs)
#   stdin FILE    the program's standard input, from the example's folder
#                 (default: none, end of file at once)
#   flags ...     extra compiler flags
#   args ...      the program's command line
#   timeout S     x86_64-none-run --timeout (default 60)
#   needs SYM...  symbols the linked program must define
# NAME.out is the expected console output, exactly (but for backtrace
# lines, whose addresses depend on the build).
# With NONE_IMAGE_FIRMWARE=bios or uefi in the environment, the program
# boots from an image instead (x86_64-none-mkimage, the args as its
# command line; x86_64-none-run --firmware): same output, same status.
# With NONE_EXAMPLE_KASAN=1 the example is built with
# -fsanitize=kernel-address (kasan-examples.test): the same output and
# status, unless the example's own bug is one KASAN finds first; then
# NAME.ex says "kasan-status N" and NAME.kasan.out holds the output (with
# addresses as ADDR, which changes with every build).
# Another test that runs an example against another kit (TOOLROOT) names
# itself in NONE_EXAMPLE_VARIANT, which keeps its work folder apart.
ex=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
name=$(basename "$ex" .ex)
dir=$(dirname "$ex")
firmware=${NONE_IMAGE_FIRMWARE:-}
kasan=${NONE_EXAMPLE_KASAN:-}
variant=${NONE_EXAMPLE_VARIANT:-$firmware${kasan:+kasan}}
TEST_NAME="example-$name${variant:+-$variant}"
. "$top_srcdir/testsuite/lib.sh"

directive() {
    sed -n "s/^$1 //p" "$ex" | head -n 1
}
status=$(directive status)
[ -n "$status" ] || fail "$ex has no 'status' line"
specs=$(directive specs)
timeout=$(directive timeout)
stdin=$(directive stdin)
source=$name.c compiler=$NONE_GCC
[ -f "$dir/$name.cc" ] && source=$name.cc compiler=$NONE_GXX
spec_options=
for s in ${specs:-qemu.specs}; do spec_options="$spec_options --specs=$s"; done
expected=$dir/$name.out
if [ -n "$kasan" ]; then
    spec_options="$spec_options -fsanitize=kernel-address"
    kasan_status=$(directive kasan-status)
    status=${kasan_status:-$status}
    [ -f "$dir/$name.kasan.out" ] && expected=$dir/$name.kasan.out
fi

# Built from its own folder, as a user would: __FILE__ is "NAME.c".
# shellcheck disable=SC2046
(cd "$dir" && "$compiler" $spec_options -O2 -Wall -Wextra \
    $(directive flags) -o "$WORK/$name.elf" "$source") 2> "$WORK/cc.err" ||
    { cat "$WORK/cc.err" >&2; fail "$name does not build"; }
[ -s "$WORK/cc.err" ] && { cat "$WORK/cc.err" >&2; fail "$name builds with warnings"; }
"$ELFCHECK" "$WORK/$name.elf" > "$WORK/check" 2>&1 ||
    { cat "$WORK/check" >&2; fail "$name breaks a target rule"; }
for sym in $(directive needs); do
    "$BIN/$TARGET-nm" "$WORK/$name.elf" | grep -q " [TDRBWVtdrb] $sym\$" ||
        fail "$name does not contain $sym"
done

if [ -n "$firmware" ]; then
    "$NONE_MKIMAGE" -o "$WORK/$name.iso" --cmdline="$(directive args)" \
        "$WORK/$name.elf" || fail "$name: x86_64-none-mkimage"
    "$NONE_RUN" --timeout="${timeout:-60}" --firmware="$firmware" "$WORK/$name.iso" \
        < "${stdin:+$dir/}${stdin:-/dev/null}" > "$WORK/out" 2> "$WORK/err"
else
    # shellcheck disable=SC2046
    "$NONE_RUN" --timeout="${timeout:-60}" "$WORK/$name.elf" $(directive args) \
        < "${stdin:+$dir/}${stdin:-/dev/null}" > "$WORK/out" 2> "$WORK/err"
fi
got=$?
# A panic or an exception report ends with "backtrace: ADDRESS...", which
# moves with every change to the code; crash-report.test checks it.
# A KASAN report's backtraces are labelled: "backtrace (allocated): ...".
grep -v '^backtrace[ :]' "$WORK/out" > "$WORK/out.compared"
if [ "$expected" = "$dir/$name.out" ]; then
    mv "$WORK/out.compared" "$WORK/out"
else
    sed 's/0x[0-9a-f]\{8,\}/ADDR/g' "$WORK/out.compared" > "$WORK/out"
fi
if ! cmp -s "$WORK/out" "$expected"; then
    diff -u "$expected" "$WORK/out" >&2
    cat "$WORK/err" >&2
    fail "$name: console output differs from $(basename "$expected")"
fi
[ "$got" = "$status" ] || { cat "$WORK/err" >&2; fail "$name: exit status $got, want $status"; }
pass
