/* KASAN case: a block freed twice. */
#include "kasan-case.h"

static volatile int released;

NOINLINE static void release(void *p)
{
    case_free(p); /* KASAN: double-free Free 0 release */
    /* KASAN-WHERE: 0 bytes inside the freed 24-byte region */
    released++; /* (no tail call: the report names release) */
}

int main(void)
{
    char *p = case_alloc(hidden(24)); /* KASAN-ALLOC */
    p[0] = 1;
    case_free(p); /* KASAN-FREE */
    release(p);
    return 0;
}
