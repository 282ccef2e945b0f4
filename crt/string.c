/* memcpy, memmove, memset, memcmp, bcmp for x86_64-none.
 *
 * GCC emits calls to these even in freestanding code (struct copies,
 * large initialisers), so every kernel needs them.  They use general
 * registers and string instructions only: no SSE, no red zone.
 *
 * Small sizes use overlapping 8-byte moves (no loop, no branch per byte);
 * middle ones a loop of 8-byte moves with aligned stores; large ones
 * "rep movsb"/"rep stosb", which CPUs with ERMS run at full cache-line
 * speed -- when source and destination agree in their alignment.  When
 * they do not, some CPUs still run rep movsb fast and others 20-30 times
 * slower than a plain loop, with the same CPUID bits: the first large
 * misaligned copy times both strategies on its own buffers (a copy is
 * idempotent, so copying twice is harmless) and the faster one is kept.
 * Backward copies (memmove with the destination above the source) never
 * use "std; rep movsb", which is slow on most CPUs: they copy forward in
 * chunks as long as the distance when rep movsb would copy those, and run
 * a backward loop otherwise.  RT_NAME lets the host
 * benchmark build these under other names next to glibc's.
 */
#include <stddef.h>
#include <stdint.h>
#include "copy-cpu.h"

#ifndef RT_NAME
#define RT_NAME(name) name
#endif

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

/* Forward copy of n >= 64 bytes: the first and last 8 bytes are copied
 * apart (loaded first, so overlap with d below s is safe), the rest in
 * 32-byte steps with the stores aligned to 8 bytes: a misaligned store is
 * what costs, a misaligned load is nearly free. */
static void copy_forward_loop(unsigned char *d, const unsigned char *s, size_t n)
{
    uint64_t head = load64(s), tail = load64(s + n - 8);
    size_t i = 8 - ((uintptr_t)d & 7), end = n - 8;
    for (; i + 32 <= end; i += 32) {
        uint64_t a = load64(s + i), b = load64(s + i + 8);
        uint64_t c = load64(s + i + 16), e = load64(s + i + 24);
        store64(d + i, a);
        store64(d + i + 8, b);
        store64(d + i + 16, c);
        store64(d + i + 24, e);
    }
    for (; i < end; i += 8)
        store64(d + i, load64(s + i));
    store64(d, head);
    store64(d + end, tail);
}

/* Backward copy of n >= 64 bytes (dst above an overlapping src), stores
 * aligned to 8 bytes, from the end down; the first and last 8 bytes are
 * loaded first and stored last. */
static void copy_backward_loop(unsigned char *d, const unsigned char *s, size_t n)
{
    uint64_t head = load64(s), tail = load64(s + n - 8);
    /* The lowest i >= n - 8 with d + i aligned: the last 8 bytes cover
     * [i, n). */
    size_t i = n - 8 + ((8 - ((uintptr_t)(d + n - 8) & 7)) & 7);
    for (; i >= 40; i -= 32) {
        uint64_t a = load64(s + i - 32), b = load64(s + i - 24);
        uint64_t c = load64(s + i - 16), e = load64(s + i - 8);
        store64(d + i - 8, e);
        store64(d + i - 16, c);
        store64(d + i - 24, b);
        store64(d + i - 32, a);
    }
    for (; i > 8; i -= 8) /* the first 8 bytes cover [0, 8) */
        store64(d + i - 8, load64(s + i - 8));
    store64(d + n - 8, tail);
    store64(d, head);
}

static inline void rep_movsb(unsigned char *d, const unsigned char *s, size_t n)
{
    __asm__ volatile("rep movsb"
                     : "+D"(d), "+S"(s), "+c"(n)
                     :
                     : "memory");
}

/* ------------------------------------------------------- the strategy */

/* From these sizes on, rep movsb (with ERMS) beats the loop when source
 * and destination agree modulo 8 ... */
#define REP_ALIGNED_MIN 1024
/* ... and, on CPUs where it copies misaligned buffers fast, when they
 * do not. */
#define REP_MISALIGNED_MIN 2048

static unsigned cpu_copy_flags; /* CPU_* of copy-cpu.h; 0: not asked yet */

static unsigned read_cpu_flags(void)
{
    unsigned a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0), "c"(0));
    unsigned flags = CPU_KNOWN;
    if (a >= 7) {
        __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(7), "c"(0));
        if (b & (1u << 9))
            flags |= CPU_ERMS;
    }
    return flags;
}

#ifdef RT_TEST_HOOKS
/* The host tests set the CPU's answers, to check every strategy on one
 * machine. */
void RT_NAME(set_cpu_copy_flags)(unsigned flags)
{
    cpu_copy_flags = flags;
}
#endif

static inline unsigned cpu_flags(void)
{
    if (__builtin_expect(!cpu_copy_flags, 0))
        cpu_copy_flags = read_cpu_flags();
    return cpu_copy_flags;
}

/* Plain rdtsc (no lfence: that is an SSE2 instruction, and the copies
 * timed are long enough for the skew not to matter). */
static inline uint64_t cycles(void)
{
    unsigned lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
    return ((uint64_t)hi << 32) | lo;
}

/* Times rep movsb against the loop on the caller's own copy (run twice
 * each, best of two: the first run warms the cache for the others) and
 * records which is faster.  The copy is done by the end, either way. */
static void calibrate_misaligned(unsigned char *d, const unsigned char *s, size_t n)
{
    uint64_t rep = UINT64_MAX, loop = UINT64_MAX;
    for (int round = 0; round < 2; round++) {
        uint64_t t0 = cycles();
        rep_movsb(d, s, n);
        uint64_t t1 = cycles();
        copy_forward_loop(d, s, n);
        uint64_t t2 = cycles();
        if (t1 - t0 < rep)
            rep = t1 - t0;
        if (t2 - t1 < loop)
            loop = t2 - t1;
    }
    cpu_copy_flags |= CPU_CALIBRATED | (rep < loop ? CPU_REP_MISALIGNED : 0);
}

/* How copy_forward_large copies n >= REP_ALIGNED_MIN bytes whose
 * destination is DIST bytes from the source. */
enum large_copy { LARGE_LOOP, LARGE_REP, LARGE_CALIBRATE };

static inline enum large_copy large_copy_strategy(size_t dist, size_t n)
{
    unsigned flags = cpu_flags();
    if (!(flags & CPU_ERMS))
        return LARGE_LOOP;
    if ((dist & 7) == 0)
        return LARGE_REP;
    if (n < REP_MISALIGNED_MIN)
        return LARGE_LOOP;
    if (flags & CPU_CALIBRATED)
        return flags & CPU_REP_MISALIGNED ? LARGE_REP : LARGE_LOOP;
    return LARGE_CALIBRATE;
}

/* Forward copy of n >= REP_ALIGNED_MIN bytes (d below s when they
 * overlap); MAY_TIME: copying twice is harmless. */
static void copy_forward_large(unsigned char *d, const unsigned char *s, size_t n,
                               int may_time)
{
    switch (large_copy_strategy((uintptr_t)d - (uintptr_t)s, n)) {
    case LARGE_REP:
        rep_movsb(d, s, n);
        break;
    case LARGE_CALIBRATE:
        if (may_time) {
            calibrate_misaligned(d, s, n);
            break;
        }
        /* fall through */
    case LARGE_LOOP:
        copy_forward_loop(d, s, n);
        break;
    }
}

/* Forward copy of any n, by size.  Safe when d is below an overlapping s,
 * and for any overlap up to 64 bytes (those copies load everything before
 * they store); DISJOINT says the buffers do not overlap (so copying twice,
 * to time a strategy, is harmless).  Always inlined: a call would cost
 * the smallest copies a third of their time. */
static inline __attribute__((always_inline)) void copy_forward(unsigned char *d,
                                                               const unsigned char *s, size_t n,
                                                               int disjoint)
{
    if (n <= 16)
        copy_upto16(d, s, n);
    else if (n <= 64)
        copy_upto64(d, s, n);
    else if (n < REP_ALIGNED_MIN)
        copy_forward_loop(d, s, n);
    else
        copy_forward_large(d, s, n, disjoint);
}

/* Backward move with the destination at least REP_MISALIGNED_MIN bytes
 * above the source: chunks as long as that distance, from the top down,
 * each copied forward.  A chunk's destination is the source of the chunk
 * above it, already copied, so no chunk overlaps its own source, and the
 * forward strategies (rep movsb) apply where "std; rep movsb" would crawl. */
static void copy_backward_chunks(unsigned char *d, const unsigned char *s, size_t n)
{
    size_t chunk = (uintptr_t)d - (uintptr_t)s, off = n;
    while (off > chunk) {
        off -= chunk;
        copy_forward_large(d + off, s + off, chunk, 1);
    }
    copy_forward(d, s, off, 1); /* [d, d + off) is below s + chunk */
}

void *RT_NAME(memcpy)(void *restrict dst, const void *restrict src, size_t n)
{
    copy_forward(dst, src, n, 1);
    return dst;
}

void *RT_NAME(memmove)(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    size_t dist = (uintptr_t)d - (uintptr_t)s; /* huge when d is below s */
    if (n <= 64 || dist >= n) {
        /* Small, dst below src, or no overlap: a forward copy is safe (but
         * copying twice to time it is not, when they overlap). */
        copy_forward(d, s, n, (uintptr_t)s - (uintptr_t)d >= n);
    } else if (n >= REP_MISALIGNED_MIN && dist >= REP_MISALIGNED_MIN &&
               large_copy_strategy(dist, dist) == LARGE_REP) {
        /* Forward chunks as long as the distance pay only when rep movsb
         * copies them: through the loop, chunks a page apart run into
         * 4 KiB store-to-load aliasing, and the backward loop is faster. */
        copy_backward_chunks(d, s, n);
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

/* n > 64: the first 8 bytes, then aligned 32-byte rounds, then the last
 * 32 bytes (which may cover part of the last round again). */
static void set_loop(unsigned char *d, uint64_t v, size_t n)
{
    store64(d, v);
    size_t i = 8 - ((uintptr_t)d & 7);
    for (; i + 32 <= n; i += 32) {
        store64(d + i, v);
        store64(d + i + 8, v);
        store64(d + i + 16, v);
        store64(d + i + 24, v);
    }
    set_upto64(d + n - 32, v, 32);
}

/* rep stosb only has a destination to be misaligned: from this size on it
 * beats the store loop. */
#define REP_SET_MIN 1024

void *RT_NAME(memset)(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    uint64_t v = 0x0101010101010101ULL * (unsigned char)c;
    if (n >= REP_SET_MIN && (cpu_flags() & CPU_ERMS)) {
        __asm__ volatile("rep stosb"
                         : "+D"(d), "+c"(n)
                         : "a"(c)
                         : "memory");
    } else if (n > 128) {
        set_loop(d, v, n);
    } else if (n > 64) {
        set_upto64(d, v, 64);
        set_upto64(d + n - 64, v, 64);
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
