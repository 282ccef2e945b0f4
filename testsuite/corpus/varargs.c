/* Variadic functions: the default ABI saves %xmm0-7 in the prologue. */
#include <stdarg.h>

long sum_longs(int count, ...)
{
    va_list ap;
    va_start(ap, count);
    long s = 0;
    for (int i = 0; i < count; i++)
        s += va_arg(ap, long);
    va_end(ap);
    return s;
}

long call_it(void)
{
    return sum_longs(3, 1L, 2L, 3L);
}
