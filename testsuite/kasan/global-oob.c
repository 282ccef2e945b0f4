/* KASAN case: a write past the end of a global array. */
#include "kasan-case.h"

int table[10] = {1, 2, 3};

NOINLINE static void set(size_t i, int v)
{
    table[i] = v; /* KASAN: global-out-of-bounds Write 4 set */
    /* KASAN-WHERE: 0 bytes to the right of global variable 'table' */
}

int main(void)
{
    set(hidden(9), 9);
    set(hidden(10), 10);
    return table[0];
}
