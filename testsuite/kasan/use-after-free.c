/* KASAN case: a read of a block after it was freed. */
#include "kasan-case.h"

NOINLINE static int read_at(const int *p, size_t i)
{
    return p[i]; /* KASAN: use-after-free Read 4 read_at */
    /* KASAN-WHERE: 12 bytes inside the freed 64-byte region */
}

int main(void)
{
    int *p = case_alloc(hidden(16 * sizeof(int))); /* KASAN-ALLOC */
    p[3] = 42;
    int before = read_at(p, 3);
    case_free(p); /* KASAN-FREE */
    return before + read_at(p, 3);
}
