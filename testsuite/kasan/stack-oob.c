/* KASAN case: a read past the end of an array on the stack. */
#include "kasan-case.h"

NOINLINE static int sum_to(size_t n)
{
    volatile char buf[16];
    int sum = 0;
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (char)i;
    for (size_t i = 0; i <= n; i++)
        sum += buf[i]; /* KASAN: stack-out-of-bounds Read 1 sum_to */
    /* KASAN-WHERE: 0 bytes to the right of stack variable 'buf:6' of size 16 */
    return sum;
}

int main(void)
{
    return sum_to(hidden(15)) + sum_to(hidden(16));
}
