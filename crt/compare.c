/* memcmp and bcmp for x86_64-none: 8 bytes a step, general registers
 * only. */
#include <stddef.h>
#include <stdint.h>
#include "unaligned.h"

#ifndef RT_NAME
#define RT_NAME(name) name
#endif

/* Sign of the first differing byte of two unequal 8-byte words. */
static inline int diff64(uint64_t a, uint64_t b)
{
    a = __builtin_bswap64(a);
    b = __builtin_bswap64(b);
    return a < b ? -1 : 1;
}

int RT_NAME(memcmp)(const void *p, const void *q, size_t n)
{
    const unsigned char *a = p, *b = q;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x = load64(a + i), y = load64(b + i);
        if (x != y)
            return diff64(x, y);
    }
    for (; i < n; i++) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

int RT_NAME(bcmp)(const void *p, const void *q, size_t n)
{
    const unsigned char *a = p, *b = q;
    size_t i = 0;
    uint64_t acc = 0;
    for (; i + 8 <= n; i += 8) {
        acc |= load64(a + i) ^ load64(b + i);
        if (acc)
            return 1;
    }
    for (; i < n; i++)
        acc |= (uint64_t)(a[i] ^ b[i]);
    return acc != 0;
}
