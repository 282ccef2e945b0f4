/* KASAN case: a heap write 1 byte past the end of a block. */
#include "kasan-case.h"

NOINLINE static void write_at(char *p, size_t i)
{
    p[i] = 1; /* KASAN: heap-out-of-bounds Write 1 write_at */
    /* KASAN-WHERE: 0 bytes to the right of the 10-byte region */
}

int main(void)
{
    char *p = case_alloc(hidden(10)); /* KASAN-ALLOC */
    write_at(p, hidden(9));
    write_at(p, hidden(10));
    return 0;
}
