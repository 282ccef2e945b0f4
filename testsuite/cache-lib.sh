# Helpers of the compiler-cache tests (compiler-cache.test for ccache,
# sccache-cache.test), sourced after lib.sh.
LIB="$TOOLROOT/$TARGET/lib"

# make_copy DIR: a kit at DIR sharing the toolchain with the real one: the
# driver and the library folder's own files (spec files, linker script,
# identity manifest) copied, the rest linked.
make_copy() {
    mkdir -p "$1/bin" "$1/$TARGET/lib" || fail "mkdir $1"
    cp "$BIN/x86_64-none-gcc" "$1/bin/" || fail "copying the driver"
    for f in "$BIN/$TARGET"-*; do ln -s "$f" "$1/bin/"; done
    for f in "$LIB"/*; do
        case $f in
        *.specs | *.ld | *.id) cp "$f" "$1/$TARGET/lib/" ;;
        *) ln -s "$f" "$1/$TARGET/lib/" ;;
        esac
    done
}

# Five sources, for which the spec edit below changes the code but not the
# preprocessed text (sccache and ccache's preprocessor mode hash that).
cache_sources() {
    for i in 1 2 3 4 5; do
        printf 'int g%d(int);\nint f%d(int x) { return g%d(x * %d) + 7; }\n' $i $i $i $i > "$WORK/s$i.c"
    done
}

# cache_build CACHE NAME: compiles the five sources with the copy's driver
# through the cache program CACHE into $WORK/NAME.
cache_build() {
    mkdir -p "$WORK/$2"
    for i in 1 2 3 4 5; do
        "$1" "$WORK/kit/bin/x86_64-none-gcc" -O2 -c -o "$WORK/$2/s$i.o" "$WORK/s$i.c" || fail "$1 build $2"
    done
}

# edit_spec: a rule change in the copy (cc1 omits the frame pointer).
edit_spec() {
    printf '\n*cc1:\n+ -fomit-frame-pointer\n' >> "$WORK/kit/$TARGET/lib/x86_64-none.specs"
}

# stale_objects NAME: how many of NAME's objects are not what the copy's
# driver compiles now, without a cache (they are first's, built before
# the edit, when the cache served them).
stale_objects() {
    n=0
    for i in 1 2 3 4 5; do
        "$WORK/kit/bin/x86_64-none-gcc" -O2 -c -o "$WORK/now.o" "$WORK/s$i.c" || fail "compiling s$i.c"
        cmp -s "$WORK/now.o" "$WORK/$1/s$i.o" || n=$((n + 1))
    done
    echo $n
}
