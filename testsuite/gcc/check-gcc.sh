#!/bin/sh
# make check-gcc: GCC's own test suite against the installed kit, in QEMU,
# the way GCC's "make check" tests an installed compiler: DejaGnu's
# runtest with GCC's testsuite folder as srcdir, a site.exp naming the
# compilers, and the board testsuite/gcc/x86_64-none-qemu.exp.
#
#   check-gcc.sh BINDIR GCC-TESTSUITE KIT-SRCDIR WORKDIR JOBS SUBSET [RUNTESTFLAGS]
#
# BINDIR: the installed kit's bin folder.  GCC-TESTSUITE: GCC's
# gcc/testsuite, unpacked from the verified source tarball.  SUBSET:
#   full  gcc.c-torture/execute (and its ieee and builtins folders) with
#         GCC's torture options, the execute tests of gcc.dg and
#         gcc.dg/torture, and those of g++.dg;
#   ci    gcc.c-torture/execute's dated tests ([0-9]*.c, 761 of its 1681)
#         with -O2 and GCC's two LTO option sets (no ieee/builtins
#         folders, no gcc.dg), and all of g++.dg's execute tests (3 min):
#         the part CI runs.
# RUNTESTFLAGS (one word list) narrows either further, as in GCC:
# "execute.exp=pr1*" and the like; with it, only the tools it names run
# (gcc for .exp files of gcc.*, g++ for g++.*).  CHECK_GCC_TOOLS (the
# environment; "gcc g++" unless set) runs only the tools it names, like
# GCC's make check-gcc and check-g++.
#
# JOBS runtest processes share each tool's tests (GCC's own parallel
# scheme, GCC_RUNTEST_PARALLELIZE_DIR); their results are merged with
# GCC's contrib/dg-extract-results.sh into WORKDIR/gcc.sum, gcc.log,
# g++.sum and g++.log.  Then compare-results.sh holds them against
# testsuite/gcc/expected-failures: the exit status is 0 only when no
# result is unexpected.
set -eu
bin=$1 suite=$2 kit=$3 work=$4 jobs=$5 subset=$6
shift 6
flags=${1:-}
me=check-gcc

die() { echo "$me: $*" >&2; exit 2; }
[ -x "$bin/x86_64-none-gcc" ] || die "$bin/x86_64-none-gcc not found: install the kit first"
[ -f "$("$bin/x86_64-none-gcc" -print-file-name=libc.a)" ] ||
    die "the kit has no newlib (GCC's execute tests need a C library): configure --enable-newlib"
command -v runtest > /dev/null 2>&1 ||
    die "runtest not found (Debian: apt-get install dejagnu; toolchain/install-deps.sh installs it)"
[ -f "$suite/lib/gcc-dg.exp" ] || die "$suite is not GCC's testsuite folder"
case $subset in full|ci) ;; *) die "SUBSET is full or ci, not '$subset'" ;; esac
case $jobs in ''|*[!0-9]*|0) die "JOBS is a positive number, not '$jobs'" ;; esac

# The kit's wrappers and library go into GCC's tree (an unpacked copy
# of the kit's own): runtest only runs .exp files under its srcdir.
cp "$kit/testsuite/gcc/gcc.dg-run.exp" "$suite/gcc.dg/x86_64-none-run.exp"
cp "$kit/testsuite/gcc/g++.dg-run.exp" "$suite/g++.dg/x86_64-none-run.exp"
cp "$kit/testsuite/gcc/x86_64-none.exp" "$suite/lib/x86_64-none.exp"

# tool_exps TOOL: the .exp files TOOL runs in this subset.
tool_exps() {
    case $1/$subset in
    gcc/full) echo "execute.exp ieee.exp builtins.exp x86_64-none-run.exp" ;;
    gcc/ci) echo "execute.exp=[0-9]*.c" ;;
    g++/full) echo "x86_64-none-run.exp" ;;
    g++/ci) echo "x86_64-none-run.exp" ;;
    esac
}

# The timeout of one program's run, in seconds (the runner's --timeout).
X86_64_NONE_TEST_TIMEOUT=${X86_64_NONE_TEST_TIMEOUT:-30}
# The command that runs one test program: a setting, so a farm can run
# them elsewhere (a wrapper that copies the ELF to another machine and runs
# x86_64-none-run there, with the same arguments and exit status).
X86_64_NONE_RUN=${X86_64_NONE_RUN:-$bin/x86_64-none-run}
export X86_64_NONE_TEST_TIMEOUT X86_64_NONE_RUN
# The testsuite runs the target's binutils by name (x86_64-elf-objdump for
# the object format, -nm, -readelf): the kit's, first.
PATH=$bin:$PATH
export PATH

# site_exp TOOL DIR: DejaGnu's settings for one runtest process.  The
# compilers carry -Wno-return-type before the test's own options: the
# QEMU board turns the warning on for freestanding main, GCC's C tests
# expect the compiler's default (off).
site_exp() {
    cat <<EOF
set srcdir "$suite"
set tool "$1"
set host_triplet $host
set build_triplet $host
set target_triplet x86_64-unknown-elf
set target_alias x86_64-elf
set GCC_UNDER_TEST "$bin/x86_64-none-gcc -Wno-return-type"
set GXX_UNDER_TEST "$bin/x86_64-none-g++"
set tmpdir "$2"
set rootme "$2"
lappend boards_dir "$kit/testsuite/gcc"
EOF
    [ "$subset" = ci ] && echo 'set TORTURE_OPTIONS [list { -O2 }]'
    return 0
}

# run_tool TOOL EXPS: JOBS runtest processes, then the merged .sum/.log.
run_tool() {
    tool=$1 exps=$2
    dir=$work/$tool
    rm -rf "$dir"
    mkdir -p "$dir/parallel"
    i=1
    while [ $i -le "$jobs" ]; do
        mkdir -p "$dir/$i"
        site_exp "$tool" "$dir/$i" > "$dir/$i/site.exp"
        # $exps splits into words, but its patterns are runtest's (set -f).
        # shellcheck disable=SC2086
        (set -f && cd "$dir/$i" && GCC_RUNTEST_PARALLELIZE_DIR=$dir/parallel \
            runtest --tool "$tool" --target_board=x86_64-none-qemu $exps \
            > "$dir/$i/runtest.out" 2>&1 < /dev/null) &
        i=$((i + 1))
    done
    wait
    sh "$suite/../../contrib/dg-extract-results.sh" "$dir"/*/"$tool.sum" > "$work/$tool.sum"
    sh "$suite/../../contrib/dg-extract-results.sh" -L "$dir"/*/"$tool.log" > "$work/$tool.log"
}

# RUNTESTFLAGS: a NAME.exp[=...] word goes to the tool whose folders hold
# NAME.exp (g++.* for g++, gcc.* for gcc; both for the kit's
# x86_64-none-run.exp); other words (-v, --debug) go to every tool.
exp_words() { # exp_words TOOL
    for word in $flags; do
        name=${word%%=*}
        case $name in *.exp) ;; *) continue ;; esac
        pattern="$suite/gcc.*"
        [ "$1" = g++ ] && pattern="$suite/g++.*"
        [ -n "$(find "$suite" -path "$pattern" -name "$name" -print | head -n 1)" ] &&
            printf '%s ' "$word"
    done
    return 0
}
other_words() {
    for word in $flags; do
        case ${word%%=*} in *.exp) ;; *) printf '%s ' "$word" ;; esac
    done
    return 0
}
has_exp_words() {
    for word in $flags; do
        case ${word%%=*} in *.exp) return 0 ;; esac
    done
    return 1
}

host=$(${CC:-cc} -dumpmachine 2> /dev/null || echo x86_64-pc-linux-gnu)
mkdir -p "$work"
start=$(date +%s)
tools_run=
tools=${CHECK_GCC_TOOLS:-gcc g++}
for tool in $tools; do
    case $tool in gcc|g++) ;; *) die "CHECK_GCC_TOOLS names gcc and g++, not '$tool'" ;; esac
done
for tool in $tools; do
    if has_exp_words; then
        exps=$(exp_words "$tool")
    else
        exps=$(tool_exps "$tool")
    fi
    [ -n "$exps" ] || continue
    exps="$exps $(other_words)"
    echo "$me: $tool: runtest $exps ($jobs jobs, subset $subset)"
    run_tool "$tool" "$exps"
    tools_run="$tools_run $tool"
done
[ -n "$tools_run" ] || die "RUNTESTFLAGS '$flags' names no .exp file of gcc.* or g++.dg"
echo "$me: wall time $(( $(date +%s) - start )) s"
status=0
for tool in $tools_run; do
    sh "$kit/testsuite/gcc/compare-results.sh" "$work/$tool.sum" \
        "$kit/testsuite/gcc/expected-failures" || status=1
done
exit $status
