/* KASAN case: a free of a pointer into the middle of a block. */
#include "kasan-case.h"

static volatile int released;

NOINLINE static void release(void *p)
{
    case_free(p); /* KASAN: invalid-free Free 0 release */
    released++; /* (no tail call: the report names release) */
}

int main(void)
{
    char *p = case_alloc(hidden(64));
    p[0] = 1;
    release(p + hidden(16));
    return 0;
}
