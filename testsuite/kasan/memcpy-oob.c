/* KASAN case: memcpy reading past the end of a heap block.  The call goes
 * through a pointer, so the compiler does not see a memcpy and checks
 * nothing itself: the runtime's memcpy checks its range. */
#include <string.h>
#include "kasan-case.h"

static void *(*volatile copy)(void *, const void *, size_t) = memcpy;
static volatile int copies;

NOINLINE static void duplicate(char *to, const char *from, size_t n)
{
    copy(to, from, n); /* KASAN: heap-out-of-bounds Read 12 duplicate */
    /* KASAN-WHERE: 0 bytes to the right of the 10-byte region */
    copies++; /* (no tail call: the report names duplicate) */
}

int main(void)
{
    char *from = case_alloc(hidden(10)); /* KASAN-ALLOC */
    char *to = case_alloc(hidden(32));
    for (int i = 0; i < 10; i++)
        from[i] = (char)i;
    duplicate(to, from, hidden(10));
    duplicate(to, from, hidden(12));
    return to[0];
}
