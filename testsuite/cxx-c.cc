// The C++ half of cxx-c.test: C++ and C objects calling each other in one
// program on the QEMU board, every kit header included from C++.
#include <x86_64-none/boot.h>
#include <x86_64-none/cmdline.h>
#include <x86_64-none/exit-protocol.h>
#include <x86_64-none/heap.h>
#include <x86_64-none/panic.h>
#include <x86_64-none/qemu.h>
#include <cstdint>
#include <string.h>
#include <stdbit.h>
#include "cxx-c.h"

char constructor_log[8];
int constructor_count;

namespace {
int failures;

void check(bool ok, const char *what)
{
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    failures += !ok;
}

class Accumulator {
    int total_ = 0;

public:
    void add(int v) { total_ += v; }
    int total() const { return total_; }
};

Accumulator accumulator;

struct Logged {
    Logged() { constructor_log[constructor_count++] = '+'; }
};
Logged logged;
} // namespace

// Called from C by name: C linkage, a C++ body.
extern "C" int cxx_triple(int v)
{
    accumulator.add(v);
    return v * 3;
}

static int plus_one(int v) { return v + 1; }

int main()
{
    c_point points[] = {{1, 2, 0.5}, {3, 4, 1.5}};
    // x86_64-elf keeps constructors in .ctors, which crtbegin.o's code in
    // _init runs last-linked first: cxx-c-part.o's before this file's.
    check(constructor_count == 2 && constructor_log[0] == 'C' && constructor_log[1] == '+',
          "C and C++ constructors ran before main, in reverse link order");
    check(c_weigh(points, 2, 2.0f) == (1 + 2) * 0.5 * 2 + (3 + 4) * 1.5 * 2, "C++ calls C (floats, a struct array)");
    check(c_call_back(plus_one, 41) == 42, "C calls a C++ function through a pointer");
    check(c_calls_cxx(5) == 15 && accumulator.total() == 5, "C calls C++ by name");
    check(stdc_count_ones_ui(0xf0u) == 4 && strlen("kit") == 3, "<stdbit.h>, <string.h> from C++");
    char word[16];
    const char *cursor = "\"a b\" c";
    check(none_cmdline_word(&cursor, word) && strcmp(word, "a b") == 0, "<x86_64-none/cmdline.h>");
    check(none_boot_cmdline() != nullptr && none_heap_size() > 0, "<x86_64-none/boot.h>, <x86_64-none/heap.h>");
    printf("%d failures\n", failures);
    return failures;
}
