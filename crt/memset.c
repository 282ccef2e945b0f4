/* memset for x86_64-none, under the same rule as crt/string.c's copies
 * (general registers and string instructions only): overlapping stores
 * up to 64 bytes, in address order and without a branch on the size;
 * above, rep stosb where the CPU runs it fast (FSRM to 127 bytes, ERMS
 * from REP_SET_MIN, from an aligned destination), rep stosq from
 * REP_SET_MIN without ERMS, else a 64-byte store loop.  RT_NAME as in
 * string.c. */
#include <stddef.h>
#include <stdint.h>
#include "copy-cpu.h"
#include "unaligned.h"

#ifndef RT_NAME
#define RT_NAME(name) name
#endif

#include "copy-strategy.h"

/* Stores v to d[0..n) for 16 <= n <= 64 without a branch: eight
 * overlapping 8-byte stores, in address order, the middle four at k = 16
 * apart from the ends when n > 32 and on top of the outer ones when not.
 * On AMD Zen 5 the branches had cost more than the stores: 3.1 ns a call
 * with a branch for n > 32 and two jumps on the way, 2.3 without; and
 * the stores out of address order had taken 3.4 ns. */
static inline void set_16_to_64(unsigned char *d, uint64_t v, size_t n)
{
    size_t k = n > 32 ? 16 : 0;
    store64(d, v);
    store64(d + 8, v);
    store64(d + k, v);
    store64(d + k + 8, v);
    store64(d + n - 16 - k, v);
    store64(d + n - 8 - k, v);
    store64(d + n - 16, v);
    store64(d + n - 8, v);
}

/* The same for 4 <= n <= 15 with 4-byte stores, k = 4 when n >= 8. */
static inline void set_4_to_15(unsigned char *d, uint32_t v, size_t n)
{
    size_t k = (n >> 3) << 2;
    store32(d, v);
    store32(d + k, v);
    store32(d + n - 4 - k, v);
    store32(d + n - 4, v);
}

/* Stores v to d[0..32). */
static inline void set_32(unsigned char *d, uint64_t v)
{
    store64(d, v);
    store64(d + 8, v);
    store64(d + 16, v);
    store64(d + 24, v);
}

/* n > 64: the bytes up to the first 8-byte boundary, aligned 64-byte
 * rounds, then aligned 8-byte stores and one last store overlapping
 * them: in address order, as set_16_to_64's. */
static void set_loop(unsigned char *d, uint64_t v, size_t n)
{
    size_t i = (size_t)(-(uintptr_t)d & 7);
    if (i)
        store64(d, v);
    for (; i + 64 <= n; i += 64) {
        set_32(d + i, v);
        set_32(d + i + 32, v);
    }
    for (; i + 8 <= n; i += 8)
        store64(d + i, v);
    if (n > i)
        store64(d + n - 8, v);
}

/* rep stosb only has a destination to be misaligned: from this size on
 * it beats the store loop (with ERMS; rep stosq without): on AMD Zen 5
 * from 640 bytes at an aligned destination and 768 at a misaligned one
 * (at 960: 12.3 and 14.5 ns against the loop's 17.6 and 18.1).  With FSRM
 * (on AMD it implies fast short rep stosb) also from 65 to 127 bytes. */
#define REP_SET_MIN 768

/* 64 < n < REP_SET_MIN, with the CPU's FLAGS read: rep stosb below 128
 * bytes with FSRM, else 16 straight stores up to 128, else the loop. */
static inline void set_below_rep(unsigned char *d, int c, uint64_t v, size_t n, unsigned flags)
{
    if (n < 128 && (flags & CPU_FSRM)) {
        __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
    } else if (n <= 128) {
        set_16_to_64(d, v, 64);
        set_16_to_64(d + n - 64, v, 64);
    } else {
        set_loop(d, v, n);
    }
}

/* n > 64, when the flags are not read yet or n >= REP_SET_MIN.  Out of
 * line, reached by a jump: memset's short paths stay straight and
 * frameless.  Returns d. */
static __attribute__((noinline)) void *set_above64(unsigned char *d, int c, size_t n)
{
    uint64_t v = 0x0101010101010101ULL * (unsigned char)c;
    unsigned flags = cpu_flags();
    unsigned char *p = d;
    if (n < REP_SET_MIN) {
        set_below_rep(p, c, v, n, flags);
    } else if (flags & CPU_ERMS) {
        /* From an aligned destination, as string.c's long rep movsb;
         * the head's stores only when there is one (8 stores before
         * rep stosb cost an aligned 960-byte fill 2 ns on AMD Zen 5). */
        size_t head = (size_t)(-(uintptr_t)p & 63);
        if (head) {
            set_16_to_64(p, v, 64);
            p += head;
            n -= head;
        }
        __asm__ volatile("rep stosb" : "+D"(p), "+c"(n) : "a"(c) : "memory");
    } else {
        /* Without ERMS, rep stosq (Linux's REP_GOOD memset before 6.4,
         * musl, Rust without ermsb) over the destination's aligned
         * middle, the ends, where there are any, by a store each before
         * it (on AMD Zen 5 the fastest order, at every size and offset
         * measured: stores next to rep stosq, or unneeded ones, cost up to
         * a third). */
        size_t skip = (size_t)(-(uintptr_t)p & 7), q = (n - skip) >> 3;
        unsigned char *middle = p + skip;
        if (skip)
            store64(p, v);
        if ((n - skip) & 7)
            store64(p + n - 8, v);
        __asm__ volatile("rep stosq" : "+D"(middle), "+c"(q) : "a"(v) : "memory");
    }
    return d;
}

void *RT_NAME(memset)(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    uint64_t v = 0x0101010101010101ULL * (unsigned char)c;
    if (n >= 16) {
        if (__builtin_expect(n > 64, 0)) {
            /* Below REP_SET_MIN here, not behind the jump: on AMD Zen 5
             * that had taken a third of the time of a 96-byte rep stosb
             * and a fourth of a 200-byte store loop.  Flags not read yet
             * (0) go the long way, which reads them. */
            unsigned flags = cpu_copy_flags;
            if (n >= REP_SET_MIN || !flags)
                return set_above64(d, c, n);
            set_below_rep(d, c, v, n, flags);
            return dst;
        }
        set_16_to_64(d, v, n);
    } else if (n >= 4) {
        set_4_to_15(d, (uint32_t)v, n);
    } else if (n) {
        /* Three byte stores cover 1 to 3 bytes. */
        d[0] = (unsigned char)c;
        d[n - 1] = (unsigned char)c;
        d[n >> 1] = (unsigned char)c;
    }
    return dst;
}
