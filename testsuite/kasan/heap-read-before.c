/* KASAN case: a heap read 1 byte before the start of a block. */
#include "kasan-case.h"

NOINLINE static int read_at(const char *p, ptrdiff_t i)
{
    return p[i]; /* KASAN: heap-out-of-bounds Read 1 read_at */
    /* KASAN-WHERE: 1 bytes to the left of the 10-byte region */
}

int main(void)
{
    char *p = case_alloc(hidden(10)); /* KASAN-ALLOC */
    p[0] = 1;
    return read_at(p, -(ptrdiff_t)hidden(1));
}
