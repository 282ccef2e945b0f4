/* memcpy and memmove for x86_64-none (memset is in memset.c, memcmp and
 * bcmp in compare.c).
 *
 * GCC emits calls to these even in freestanding code (struct copies,
 * large initialisers), so every kernel needs them.  They use general
 * registers and string instructions only: no SSE, no red zone.
 *
 * Small sizes use overlapping 8-byte moves (no loop, no branch per byte),
 * split at a page boundary they would straddle, and run without a stack
 * frame.  Above 64 bytes the CPU's features decide, read once with CPUID:
 * with FSRM, rep movsb below 128 bytes and from 512 on and rep movsq from
 * 128 to about 256, where the distance between source and destination
 * lets rep strings run at full speed (copy-strategy.h); otherwise a
 * 32-byte register loop, and from 1 KiB, when source and destination
 * agree in their alignment, rep movsb with ERMS and rep movsq without.
 * Long rep strings start at an aligned destination.  Where the CPU
 * decides and CPUID does not say (misaligned buffers, and a near
 * distance), some CPUs still run those rep strings fast and others many
 * times slower than the loop: the first large such copy times both
 * strategies on its own buffers (a copy is idempotent, so copying twice
 * is harmless) and the faster one is kept.
 * Backward copies (memmove with the destination above the source) never
 * use "std; rep movsb", which is slow on most CPUs: they copy forward in
 * chunks as long as the distance when rep movsb would copy those, and run
 * a backward loop otherwise.  make bench measures all of it against
 * Linux's, Rust's and musl's strategies.  RT_NAME lets the host build
 * these under other names next to glibc's.
 */
#include <stddef.h>
#include <stdint.h>
#include "copy-cpu.h"
#include "unaligned.h"

#ifndef RT_NAME
#define RT_NAME(name) name
#endif

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
        /* The stores in address order, as set_upto64's. */
        uint64_t c = load64(s + 16), e = load64(s + 24);
        uint64_t w = load64(s + n - 32), x = load64(s + n - 24);
        store64(d, a);
        store64(d + 8, b);
        store64(d + 16, c);
        store64(d + 24, e);
        store64(d + n - 32, w);
        store64(d + n - 24, x);
    } else {
        store64(d, a);
        store64(d + 8, b);
    }
    store64(d + n - 16, y);
    store64(d + n - 8, z);
}

/* Copies 16 < n <= 64 bytes between buffers that do not overlap: the
 * first and the last 32 (or 16) bytes, each half loaded then stored.  At
 * most four values are live, so memcpy's small path needs none of the
 * callee-saved registers, which it used to push and pop on every call
 * (make bench, 48 bytes: 2.8 ns with them, 2.5 without). */
static inline void copy_upto64_apart(unsigned char *d, const unsigned char *s, size_t n)
{
    if (n > 32) {
        uint64_t a = load64(s), b = load64(s + 8), c = load64(s + 16), e = load64(s + 24);
        store64(d, a);
        store64(d + 8, b);
        store64(d + 16, c);
        store64(d + 24, e);
        s += n - 32;
        d += n - 32;
        a = load64(s), b = load64(s + 8), c = load64(s + 16), e = load64(s + 24);
        store64(d, a);
        store64(d + 8, b);
        store64(d + 16, c);
        store64(d + 24, e);
    } else {
        uint64_t a = load64(s), b = load64(s + 8);
        uint64_t y = load64(s + n - 16), z = load64(s + n - 8);
        store64(d, a);
        store64(d + 8, b);
        store64(d + n - 16, y);
        store64(d + n - 8, z);
    }
}

/* Copies n <= 64 bytes between buffers that do not overlap. */
static inline void copy_small_apart(unsigned char *d, const unsigned char *s, size_t n)
{
    if (n <= 16)
        copy_upto16(d, s, n);
    else
        copy_upto64_apart(d, s, n);
}

/* Forward copy of n > 64 bytes (d below an overlapping s, or apart):
 * 32-byte blocks, each loaded before it is stored, then the 0-31 bytes
 * left with the small copies.  Unaligned stores: measured as fast as
 * aligned ones here, and the alignment bookkeeping is not free. */
static void copy_forward_loop(unsigned char *d, const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (; n - i >= 32; i += 32) {
        uint64_t a = load64(s + i), b = load64(s + i + 8);
        uint64_t c = load64(s + i + 16), e = load64(s + i + 24);
        store64(d + i, a);
        store64(d + i + 8, b);
        store64(d + i + 16, c);
        store64(d + i + 24, e);
    }
    if (n - i > 16)
        copy_upto64(d + i, s + i, n - i);
    else
        copy_upto16(d + i, s + i, n - i);
}

/* Backward copy of n > 64 bytes (dst above an overlapping src, or
 * apart): 32-byte blocks from the top down, each loaded before it is
 * stored, then the 0-31 bytes at the bottom with the small copies, which
 * also load before they store (Linux's memcpy_orig runs the same way). */
static void copy_backward_loop(unsigned char *d, const unsigned char *s, size_t n)
{
    for (; n >= 32; n -= 32) {
        uint64_t a = load64(s + n - 8), b = load64(s + n - 16);
        uint64_t c = load64(s + n - 24), e = load64(s + n - 32);
        store64(d + n - 8, a);
        store64(d + n - 16, b);
        store64(d + n - 24, c);
        store64(d + n - 32, e);
    }
    if (n > 16)
        copy_upto64(d, s, n);
    else
        copy_upto16(d, s, n);
}

static inline void rep_movsb(unsigned char *d, const unsigned char *s, size_t n)
{
    __asm__ volatile("rep movsb"
                     : "+D"(d), "+S"(s), "+c"(n)
                     :
                     : "memory");
}

/* From this size on, rep movsb and rep stosb start at a 64-byte-aligned
 * destination, the bytes below it by registers: on AMD Zen 5 a
 * misaligned destination costs a 4 MiB copy or fill a fifth to a half
 * (memcpy at +3: 104-109 us against 84-85; memset at +3: 85-94 against
 * 48-55), and 512 bytes at (7,7) took 17.1 ns against 15.9 in make
 * bench; the head costs about a nanosecond. */
#define REP_ALIGN_MIN 512

/* rep movsb of n > 64 bytes, from an aligned destination when n is
 * large.  The head is loaded before it is stored, so d may lie below an
 * overlapping s (memmove's forward copies). */
static inline void rep_movsb_long(unsigned char *d, const unsigned char *s, size_t n)
{
    size_t head = (size_t)(-(uintptr_t)d & 63);
    if (n >= REP_ALIGN_MIN && head) {
        if (head <= 16)
            copy_upto16(d, s, head);
        else
            copy_upto64(d, s, head);
        d += head;
        s += head;
        n -= head;
    }
    rep_movsb(d, s, n);
}

/* Copies n > 64 bytes with one rep movsq over the destination's
 * 8-byte-aligned middle, the bytes below it and the last 8 by registers:
 * short copies on FSRM CPUs (up to 31 quadwords run in a few nanoseconds,
 * faster than the loop), long ones on CPUs without ERMS.  The buffers
 * are disjoint, or d is at least 8 bytes below s (the first store then
 * clobbers no byte still to be read). */
static inline __attribute__((always_inline)) void copy_movsq(unsigned char *d,
                                                             const unsigned char *s, size_t n)
{
    size_t skip = (size_t)(-(uintptr_t)d & 7), rest = (n - skip) & 7;
    if (skip)
        store64(d, load64(s));
    unsigned char *dd = d + skip;
    const unsigned char *ss = s + skip;
    size_t q = (n - skip) >> 3;
    __asm__ volatile("rep movsq" : "+D"(dd), "+S"(ss), "+c"(q) : : "memory");
    /* The last bytes, when the quadwords left some: their source is
     * intact (disjoint, or d at least 8 below s), and a load and store
     * right after rep movsq cost: only when needed. */
    if (rest)
        store64(d + n - 8, load64(s + n - 8));
}

/* ------------------------------------------------------- the strategy */
#include "copy-strategy.h"

unsigned cpu_copy_flags; /* copy-strategy.h */

/* The long copy by rep strings: rep movsb with ERMS; rep movsq without,
 * as Linux's REP_GOOD paths did before 6.4 (its copy_page still does),
 * musl, and Rust without ermsb (forced to this choice on AMD Zen 5, 2-3
 * times faster than the loop from 2 KiB).  d at least 8 below an
 * overlapping s (large_copy_strategy), for copy_movsq's head. */
static void rep_copy_long(unsigned char *d, const unsigned char *s, size_t n)
{
    if (cpu_copy_flags & CPU_ERMS)
        rep_movsb_long(d, s, n);
    else
        copy_movsq(d, s, n);
}

/* Times rep_copy_long against the loop on the caller's own copy, each
 * the best of four runs (the first warms the cache; near 2 KiB the two
 * can be within a third of each other, and one interrupted run must not
 * decide), and records which is faster: MEASURED, and FAST when the rep
 * string won.  The copy is done by the end, either way. */
static void calibrate_rep(unsigned char *d, const unsigned char *s, size_t n, unsigned measured,
                          unsigned fast)
{
    uint64_t rep = UINT64_MAX, loop = UINT64_MAX;
    for (int round = 0; round < 4; round++) {
        uint64_t t0 = cycles();
        rep_copy_long(d, s, n);
        uint64_t t1 = cycles();
        copy_forward_loop(d, s, n);
        uint64_t t2 = cycles();
        if (t1 - t0 < rep)
            rep = t1 - t0;
        if (t2 - t1 < loop)
            loop = t2 - t1;
    }
    cpu_copy_flags |= measured | (rep < loop ? fast : 0);
}

/* How copy_forward_large copies n >= REP_ALIGNED_MIN bytes whose
 * destination is DIST bytes from the source. */
enum large_copy { LARGE_LOOP, LARGE_REP, LARGE_CALIBRATE, LARGE_CALIBRATE_NEAR };

static inline enum large_copy large_copy_strategy(size_t dist, size_t n)
{
    unsigned flags = cpu_flags();
    if (!(flags & CPU_ERMS) && -dist < 8)
        return LARGE_LOOP; /* rep movsq's head would clobber the source */
    if (!rep_fast_at(dist)) {
        /* Near: a few times slower than the loop on some CPUs, a few
         * times faster on others, for long copies (copy-strategy.h). */
        if (n < REP_NEAR_MIN)
            return LARGE_LOOP;
        if (flags & CPU_NEAR_CALIBRATED)
            return flags & CPU_REP_NEAR ? LARGE_REP : LARGE_LOOP;
        return LARGE_CALIBRATE_NEAR;
    }
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
    enum large_copy how = large_copy_strategy((uintptr_t)d - (uintptr_t)s, n);
    if (how == LARGE_REP)
        rep_copy_long(d, s, n);
    else if (how == LARGE_CALIBRATE && may_time)
        calibrate_rep(d, s, n, CPU_CALIBRATED, CPU_REP_MISALIGNED);
    else if (how == LARGE_CALIBRATE_NEAR && may_time)
        calibrate_rep(d, s, n, CPU_NEAR_CALIBRATED, CPU_REP_NEAR);
    else
        copy_forward_loop(d, s, n);
}

/* ------------------------------------------- FSRM: short rep strings */

/* Do the quadwords of copy_movsq stay under 32, where rep movsq is fast? */
static inline int movsq_fits(const unsigned char *d, size_t n)
{
    return n - (size_t)(-(uintptr_t)d & 7) < 256;
}

/* Forward copy of n > 64 bytes (d below s when they overlap; DISJOINT:
 * they do not).  With FSRM and a distance rep strings like: rep movsb
 * below 128 bytes and from 512 on, rep movsq from 128 bytes while it moves
 * fewer than 32 quadwords (each measured fastest there); otherwise the
 * loop, or rep movsb for large copies as ERMS allows. */
static inline __attribute__((always_inline)) void copy_above64(unsigned char *d,
                                                               const unsigned char *s, size_t n,
                                                               int disjoint)
{
    cpu_flags(); /* read once, for short_rep_fast */
    if (short_rep_fast((uintptr_t)d - (uintptr_t)s)) {
        if (n < 128 || n >= 512) {
            rep_movsb_long(d, s, n);
            return;
        }
        /* (s - d wraps to a large number when d is above s: then the
         * buffers are disjoint, as forward copies require.) */
        if (movsq_fits(d, n) && (uintptr_t)s - (uintptr_t)d >= 8) {
            copy_movsq(d, s, n);
            return;
        }
    }
    size_t dist = (uintptr_t)d - (uintptr_t)s;
    if (n >= REP_ALIGNED_MIN && large_copy_strategy(dist, n) != LARGE_LOOP) {
        copy_forward_large(d, s, n, disjoint);
    } else if (disjoint && dist % 4096 - 1 < 255) {
        /* d a little above s modulo 4 KiB: a forward loop's loads would
         * wait on the stores just made to the same low address bits (4 KiB
         * aliasing); from the top down they do not (Linux's memcpy_orig
         * chooses its direction for the same reason). */
        copy_backward_loop(d, s, n);
    } else {
        copy_forward_loop(d, s, n);
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
    else
        copy_above64(d, s, n, disjoint);
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

/* The copies of more than 64 bytes, and memmove's overlapping and
 * backward ones, are functions of their own, reached by a jump: the
 * small copies then run without a frame (copy_upto64_apart).  Each
 * returns d, memcpy's and memmove's result. */
static __attribute__((noinline)) void *copy_apart_above64(unsigned char *d,
                                                          const unsigned char *s, size_t n)
{
    copy_above64(d, s, n, 1);
    return d;
}

/* 8 to 64 bytes across a page boundary, BELOW of them before it: the
 * overlapping 8-byte stores would each be split across the two pages,
 * which costs as much as the copy (about 9 ns a store on AMD Zen); a part
 * each side instead.  Out of line: inline, its registers had made
 * memcpy push one on every call. */
static __attribute__((noinline)) void *copy_across_page(unsigned char *d, const unsigned char *s,
                                                        size_t n, size_t below)
{
    copy_small_apart(d, s, below);
    copy_small_apart(d + below, s + below, n - below);
    return d;
}

void *RT_NAME(memcpy)(void *restrict dst, const void *restrict src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    size_t below = 4096 - ((uintptr_t)d & 4095); /* bytes before the next page */
    if (n > 64) {
        /* The short rep strings here, inline: through the jump they lose
         * a third (movsq_fits: the buffers are apart, by at least n). */
        if (n < 264 && short_rep_fast((uintptr_t)d - (uintptr_t)s)) {
            if (n < 128) {
                rep_movsb(d, s, n);
                return dst;
            }
            if (movsq_fits(d, n)) {
                copy_movsq(d, s, n);
                return dst;
            }
        }
        return copy_apart_above64(d, s, n);
    }
    if (__builtin_expect(n >= 8 && below < n, 0))
        return copy_across_page(d, s, n, below);
    copy_small_apart(d, s, n);
    return dst;
}

static __attribute__((noinline)) void *move_forward_above64(unsigned char *d,
                                                            const unsigned char *s, size_t n)
{
    copy_above64(d, s, n, (uintptr_t)s - (uintptr_t)d >= n);
    return d;
}

/* 16 < n <= 64 bytes that overlap: all loaded before any is stored. */
static __attribute__((noinline)) void *move_overlap_upto64(unsigned char *d,
                                                           const unsigned char *s, size_t n)
{
    cpu_flags(); /* read once: memmove's rep movsb asks short_rep_fast */
    copy_upto64(d, s, n);
    return d;
}

/* d above an overlapping s, n > 64. */
static __attribute__((noinline)) void *move_backward(unsigned char *d, const unsigned char *s,
                                                     size_t n)
{
    size_t dist = (uintptr_t)d - (uintptr_t)s;
    if (n >= REP_MISALIGNED_MIN && dist >= REP_MISALIGNED_MIN &&
        large_copy_strategy(dist, dist) == LARGE_REP) {
        /* Forward chunks as long as the distance pay only when rep movsb
         * copies them: through the loop, chunks a page apart run into
         * 4 KiB store-to-load aliasing, and the backward loop is faster. */
        copy_backward_chunks(d, s, n);
    } else {
        copy_backward_loop(d, s, n);
    }
    return d;
}

void *RT_NAME(memmove)(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    size_t dist = (uintptr_t)d - (uintptr_t)s; /* huge when d is below s */
    if (n <= 16) {
        copy_upto16(d, s, n);
    } else if (n <= 64) {
        if (dist >= n && (uintptr_t)s - (uintptr_t)d >= n)
            copy_upto64_apart(d, s, n);
        else if (dist >= n && short_rep_fast(dist))
            rep_movsb(d, s, n); /* forward, as rep movsb runs */
        else
            return move_overlap_upto64(d, s, n);
    } else if (dist >= n) {
        /* dst below src, or no overlap: a forward copy is safe (but
         * copying twice to time it is not, when they overlap).  The short
         * rep strings first, here: through one more call they lose a
         * third. */
        if (n >= 264 || !short_rep_fast(dist))
            return move_forward_above64(d, s, n);
        else if (n < 128)
            rep_movsb(d, s, n);
        else if (movsq_fits(d, n) && (uintptr_t)s - (uintptr_t)d >= 8)
            copy_movsq(d, s, n);
        else
            return move_forward_above64(d, s, n);
    } else {
        return move_backward(d, s, n);
    }
    return dst;
}
