/* KASAN case: a heap read 1 byte past the end of a block. */
#include "kasan-case.h"

NOINLINE static int read_at(const char *p, size_t i)
{
    return p[i]; /* KASAN: heap-out-of-bounds Read 1 read_at */
    /* KASAN-WHERE: 0 bytes to the right of the 10-byte region */
}

int main(void)
{
    char *p = case_alloc(hidden(10)); /* KASAN-ALLOC */
    for (int i = 0; i < 10; i++)
        p[i] = (char)i;
    return read_at(p, hidden(10));
}
