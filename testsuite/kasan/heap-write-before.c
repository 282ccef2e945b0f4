/* KASAN case: a heap write 1 byte before the start of a block. */
#include "kasan-case.h"

NOINLINE static void write_at(char *p, ptrdiff_t i)
{
    p[i] = 1; /* KASAN: heap-out-of-bounds Write 1 write_at */
    /* KASAN-WHERE: 1 bytes to the left of the 10-byte region */
}

int main(void)
{
    char *p = case_alloc(hidden(10)); /* KASAN-ALLOC */
    write_at(p, 0);
    write_at(p, -(ptrdiff_t)hidden(1));
    return 0;
}
