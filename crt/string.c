/* memcpy, memmove, memset, memcmp, bcmp for x86_64-none.
 *
 * GCC emits calls to these even in freestanding code (struct copies,
 * large initialisers), so every kernel needs them.  They use general
 * registers and string instructions only: no SSE, no red zone.
 *
 * Small sizes use overlapping 8-byte moves (no loop, no branch per byte);
 * large ones use "rep movsb"/"rep stosb", which CPUs with ERMS/FSRM run at
 * full cache-line speed.  RT_NAME lets the host benchmark build these under
 * other names next to glibc's.
 */
#include <stddef.h>
#include <stdint.h>

#ifndef RT_NAME
#define RT_NAME(name) name
#endif

/* Below this, rep-string start-up costs more than plain moves. */
#define REP_THRESHOLD 512

static inline uint64_t load64(const unsigned char *p)
{
    uint64_t v;
    __builtin_memcpy(&v, p, 8);
    return v;
}

static inline void store64(unsigned char *p, uint64_t v)
{
    __builtin_memcpy(p, &v, 8);
}

static inline uint32_t load32(const unsigned char *p)
{
    uint32_t v;
    __builtin_memcpy(&v, p, 4);
    return v;
}

static inline void store32(unsigned char *p, uint32_t v)
{
    __builtin_memcpy(p, &v, 4);
}

static inline uint16_t load16(const unsigned char *p)
{
    uint16_t v;
    __builtin_memcpy(&v, p, 2);
    return v;
}

static inline void store16(unsigned char *p, uint16_t v)
{
    __builtin_memcpy(p, &v, 2);
}

/* Copies n <= 16 bytes; all loads happen before any store, so it is also
 * correct for overlapping buffers. */
static inline void copy_upto16(unsigned char *d, const unsigned char *s, size_t n)
{
    if (n >= 8) {
        uint64_t a = load64(s), b = load64(s + n - 8);
        store64(d, a);
        store64(d + n - 8, b);
    } else if (n >= 4) {
        uint32_t a = load32(s), b = load32(s + n - 4);
        store32(d, a);
        store32(d + n - 4, b);
    } else if (n >= 2) {
        uint16_t a = load16(s), b = load16(s + n - 2);
        store16(d, a);
        store16(d + n - 2, b);
    } else if (n == 1) {
        *d = *s;
    }
}

/* Copies 16 < n <= 64 bytes, loads before stores (overlap-safe). */
static inline void copy_upto64(unsigned char *d, const unsigned char *s, size_t n)
{
    uint64_t a = load64(s), b = load64(s + 8);
    uint64_t y = load64(s + n - 16), z = load64(s + n - 8);
    if (n > 32) {
        uint64_t c = load64(s + 16), e = load64(s + 24);
        uint64_t w = load64(s + n - 32), x = load64(s + n - 24);
        store64(d + 16, c);
        store64(d + 24, e);
        store64(d + n - 32, w);
        store64(d + n - 24, x);
    }
    store64(d, a);
    store64(d + 8, b);
    store64(d + n - 16, y);
    store64(d + n - 8, z);
}

/* Forward copy of n >= 64 bytes in 32-byte steps; the tail overlaps. */
static void copy_forward_loop(unsigned char *d, const unsigned char *s, size_t n)
{
    uint64_t ty = load64(s + n - 32), tz = load64(s + n - 24);
    uint64_t tw = load64(s + n - 16), tx = load64(s + n - 8);
    size_t i;
    for (i = 0; i + 32 <= n; i += 32) {
        uint64_t a = load64(s + i), b = load64(s + i + 8);
        uint64_t c = load64(s + i + 16), e = load64(s + i + 24);
        store64(d + i, a);
        store64(d + i + 8, b);
        store64(d + i + 16, c);
        store64(d + i + 24, e);
    }
    store64(d + n - 32, ty);
    store64(d + n - 24, tz);
    store64(d + n - 16, tw);
    store64(d + n - 8, tx);
}

/* Backward copy of n >= 64 bytes (dst above an overlapping src). */
static void copy_backward_loop(unsigned char *d, const unsigned char *s, size_t n)
{
    uint64_t ha = load64(s), hb = load64(s + 8);
    uint64_t hc = load64(s + 16), he = load64(s + 24);
    size_t i = n;
    while (i >= 32) {
        i -= 32;
        uint64_t a = load64(s + i), b = load64(s + i + 8);
        uint64_t c = load64(s + i + 16), e = load64(s + i + 24);
        store64(d + i + 24, e);
        store64(d + i + 16, c);
        store64(d + i + 8, b);
        store64(d + i, a);
    }
    store64(d, ha);
    store64(d + 8, hb);
    store64(d + 16, hc);
    store64(d + 24, he);
}

static inline void rep_movsb(unsigned char *d, const unsigned char *s, size_t n)
{
    __asm__ volatile("rep movsb"
                     : "+D"(d), "+S"(s), "+c"(n)
                     :
                     : "memory");
}

void *RT_NAME(memcpy)(void *restrict dst, const void *restrict src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (n <= 16)
        copy_upto16(d, s, n);
    else if (n <= 64)
        copy_upto64(d, s, n);
    else if (n < REP_THRESHOLD)
        copy_forward_loop(d, s, n);
    else
        rep_movsb(d, s, n);
    return dst;
}

void *RT_NAME(memmove)(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (n <= 16)
        copy_upto16(d, s, n);
    else if (n <= 64)
        copy_upto64(d, s, n);
    else if ((uintptr_t)d - (uintptr_t)s >= n) {
        /* dst below src, or no overlap: a forward copy is safe. */
        if (n < REP_THRESHOLD)
            copy_forward_loop(d, s, n);
        else
            rep_movsb(d, s, n);
    } else {
        copy_backward_loop(d, s, n);
    }
    return dst;
}

/* Stores v to d[0..n) for 16 <= n <= 64 with overlapping 8-byte stores. */
static inline void set_upto64(unsigned char *d, uint64_t v, size_t n)
{
    store64(d, v);
    store64(d + 8, v);
    store64(d + n - 16, v);
    store64(d + n - 8, v);
    if (n > 32) {
        store64(d + 16, v);
        store64(d + 24, v);
        store64(d + n - 32, v);
        store64(d + n - 24, v);
    }
}

static void set_loop(unsigned char *d, uint64_t v, size_t n)
{
    size_t i;
    for (i = 0; i + 32 <= n; i += 32) {
        store64(d + i, v);
        store64(d + i + 8, v);
        store64(d + i + 16, v);
        store64(d + i + 24, v);
    }
    set_upto64(d + n - 32, v, 32);
}

void *RT_NAME(memset)(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    uint64_t v = 0x0101010101010101ULL * (unsigned char)c;
    if (n >= REP_THRESHOLD) {
        __asm__ volatile("rep stosb"
                         : "+D"(d), "+c"(n)
                         : "a"(c)
                         : "memory");
    } else if (n > 64) {
        set_loop(d, v, n);
    } else if (n >= 16) {
        set_upto64(d, v, n);
    } else if (n >= 8) {
        store64(d, v);
        store64(d + n - 8, v);
    } else if (n >= 4) {
        store32(d, (uint32_t)v);
        store32(d + n - 4, (uint32_t)v);
    } else if (n >= 2) {
        store16(d, (uint16_t)v);
        store16(d + n - 2, (uint16_t)v);
    } else if (n == 1) {
        *d = (unsigned char)c;
    }
    return dst;
}

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
