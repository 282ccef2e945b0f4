/* C23's additions that newlib 4.6 does not have: memset_explicit
 * (<string.h>) and memalignment (<stdlib.h>).  An object of their own, so
 * that a program linked with newlib can use them without also linking
 * cstring.o's strlen & co next to newlib's. */
#include <stddef.h>
#include <stdint.h>

#ifndef RT_NAME
#define RT_NAME(name) name
#endif

void *RT_NAME(memset)(void *dst, int c, size_t n);
void *RT_NAME(memset_explicit)(void *dst, int c, size_t n);
size_t RT_NAME(memalignment)(const void *p);

/* memset that is never optimised away (for clearing secrets): the empty
 * asm tells GCC the bytes are read afterwards. */
void *RT_NAME(memset_explicit)(void *dst, int c, size_t n)
{
    RT_NAME(memset)(dst, c, n);
    __asm__ volatile("" : : "r"(dst) : "memory");
    return dst;
}

/* C23 <stdlib.h>: the largest power of two dividing the address (0 for a
 * null pointer). */
size_t RT_NAME(memalignment)(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    return a & -a;
}
