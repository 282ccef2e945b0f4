# Helpers of the build-farm tests (distcc-farm.test, icecream-farm.test),
# sourced after lib.sh.

# farm_sample_kernel DIR: a sample kernel of 22 C files, two C++ files
# and main.c, with a Makefile ($(CC), $(CXX) and $(LD_CC) from make's
# command line; FLAGS the compile flags).
farm_sample_kernel() {
    mkdir -p "$1" && chmod 755 "$1"
    i=1
    while [ $i -le 22 ]; do
        printf 'int f%d(int x)\n{\n    int s = 0;\n    for (int k = 0; k < x; k++)\n        s += k * %d;\n    return s;\n}\n' $i $i > "$1/f$i.c"
        i=$((i + 1))
    done
    # Leaf functions with local arrays and a double: code the rules change
    # (no red zone, soft float), so a compile without them differs.
    printf 'double scale(double v) { return v * 2.5 + 1.0; }\nint leaf(int i) { volatile int a[8] = {1, 2, 3, 4, 5, 6, 7, 8}; return a[i & 7]; }\n' >> "$1/f1.c"
    printf 'struct Shape { virtual int area() const = 0; virtual ~Shape() {} };\nstruct Sq : Shape { int s; Sq(int v) : s(v) {} int area() const override { return s * s; } };\nextern "C" int g1(int v) { Sq q(v); const Shape &r = q; return r.area(); }\n' > "$1/g1.cc"
    printf 'template <typename T> T twice(T v) { return v + v; }\nextern "C" int g2(int v) { return twice(v) + twice<long>(v); }\n' > "$1/g2.cc"
    {
        echo '#include <x86_64-none/qemu.h>'
        i=1; while [ $i -le 22 ]; do echo "int f$i(int);"; i=$((i + 1)); done
        echo 'int g1(int); int g2(int); int leaf(int);'
        echo 'int main(void) { long s = 0;'
        i=1; while [ $i -le 22 ]; do echo "    s += f$i(10);"; i=$((i + 1)); done
        printf '%s\n' '    s += g1(7) + g2(5) + leaf(3); printf("kernel sum %ld\n", s); return 0; }'
    } > "$1/main.c"
    # shellcheck disable=SC2016
    printf 'OBJ = main.o %s g1.o g2.o\nall: kernel.elf\nkernel.elf: $(OBJ)\n\t$(LD_CC) --specs=qemu.specs -o $@ $(OBJ)\n%%.o: %%.c\n\t$(CC) $(FLAGS) --specs=qemu.specs -c -o $@ $<\n%%.o: %%.cc\n\t$(CXX) $(FLAGS) --specs=qemu.specs -c -o $@ $<\n' \
        "$(i=1; while [ $i -le 22 ]; do printf 'f%d.o ' $i; i=$((i + 1)); done)" > "$1/Makefile"
}
FARM_SOURCES=25

# farm_build NAME CC CXX FLAGS: the sample kernel of $WORK/src, built in
# one folder for every build (a -g object records it), then moved to
# $WORK/NAME.
farm_build() {
    rm -rf "$WORK/tree" "$WORK/$1" && cp -r "$WORK/src" "$WORK/tree"
    (cd "$WORK/tree" && PATH="$BIN:$PATH" timeout 600 make -s -j6 CC="$2" CXX="$3" \
        LD_CC=x86_64-none-g++ FLAGS="$4") > "$WORK/$1.log" 2>&1 ||
        { cat "$WORK/$1.log"; fail "building $1"; }
    mv "$WORK/tree" "$WORK/$1"
}

# farm_compare FARM LOCAL WHAT: every object and the ELF of the two builds
# are the same bytes.
farm_compare() {
    for f in "$WORK/$2"/*.o "$WORK/$2/kernel.elf"; do
        cmp -s "$f" "$WORK/$1/${f##*/}" || fail "$3: ${f##*/} differs from the local build"
    done
}

# farm_rules_matter BUILD: the negative control of farm_compare: f1.c
# compiled by the bare x86_64-elf-gcc (no rules) differs from BUILD's.
farm_rules_matter() {
    "$XGCC" -O2 -c -o "$WORK/bare-f1.o" "$WORK/src/f1.c" || fail "$XGCC -c f1.c"
    if cmp -s "$WORK/bare-f1.o" "$WORK/$1/f1.o"; then
        fail "negative control: f1.o without the rules is the same as with them"
    fi
}

# farm_boot BUILD: the kernel passes elfcheck and prints its sum in QEMU.
farm_boot() {
    "$ELFCHECK" "$WORK/$1/kernel.elf" > "$WORK/check" 2>&1 || { cat "$WORK/check"; fail "elfcheck"; }
    "$NONE_RUN" "$WORK/$1/kernel.elf" > "$WORK/run" 2>&1 || { cat "$WORK/run"; fail "booting the farm's kernel"; }
    cat "$WORK/run"
    grep -q '^kernel sum ' "$WORK/run" || fail "the kernel printed no sum"
}
