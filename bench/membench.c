/* make bench: the runtime's memcpy, memmove and memset against the host
 * glibc's and against a reference general-register loop kept here, in one
 * process, on the same buffers.  glibc may use SSE/AVX; the kit and the
 * reference use general registers (and, for the kit, string
 * instructions) only.
 *
 * Each row: the function, the size, the source/destination case, the time
 * per call of glibc, the reference loop and the kit (best of 7 runs), the
 * kit's time over the best of the other two, and over the reference's.  Goals (the verdict
 * column): at most 1.1 times the best of glibc and the reference loop
 * from 64 bytes on, at most 1.5 times glibc below 64 bytes.  The summary
 * counts the rows that meet their goal and names the worst row.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../hostlib/kit-string.h"

/* ------------------------------------------------ the reference loops */
/* What a plain general-register copy does: 8-byte unaligned loads,
 * aligned 8-byte stores, 32 bytes per round, head and tail as overlapping
 * words.  Built without SSE, like the runtime. */
#pragma GCC push_options
#pragma GCC target("general-regs-only")
#pragma GCC optimize("no-tree-loop-distribute-patterns")

static inline uint64_t ld64(const unsigned char *p)
{
    uint64_t v;
    __builtin_memcpy(&v, p, 8);
    return v;
}

static inline void st64(unsigned char *p, uint64_t v)
{
    __builtin_memcpy(p, &v, 8);
}

/* Copies n < 64 bytes: what both loops do at the ends. */
static void ref_small(unsigned char *d, const unsigned char *s, size_t n)
{
    if (n >= 32) {
        uint64_t a = ld64(s), b = ld64(s + 8), c = ld64(s + 16), e = ld64(s + 24);
        uint64_t w = ld64(s + n - 32), x = ld64(s + n - 24);
        uint64_t y = ld64(s + n - 16), z = ld64(s + n - 8);
        st64(d, a), st64(d + 8, b), st64(d + 16, c), st64(d + 24, e);
        st64(d + n - 32, w), st64(d + n - 24, x), st64(d + n - 16, y), st64(d + n - 8, z);
    } else if (n >= 8) {
        uint64_t a = ld64(s), b = ld64(s + n - 8);
        for (size_t i = 8; i + 8 < n; i += 8)
            st64(d + i, ld64(s + i));
        st64(d, a), st64(d + n - 8, b);
    } else {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    }
}

static void *ref_copy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (n < 64) {
        ref_small(d, s, n);
        return dst;
    }
    uint64_t head = ld64(s), tail = ld64(s + n - 8);
    size_t i = 8 - ((uintptr_t)d & 7);
    for (; i + 32 <= n - 8; i += 32) {
        uint64_t a = ld64(s + i), b = ld64(s + i + 8), c = ld64(s + i + 16), e = ld64(s + i + 24);
        st64(d + i, a), st64(d + i + 8, b), st64(d + i + 16, c), st64(d + i + 24, e);
    }
    for (; i < n - 8; i += 8)
        st64(d + i, ld64(s + i));
    st64(d, head), st64(d + n - 8, tail);
    return dst;
}

/* Backward, for a destination above an overlapping source. */
static void *ref_move(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if ((uintptr_t)d - (uintptr_t)s >= n || n < 64) {
        if (n < 64) {
            unsigned char tmp[64];
            ref_small(tmp, s, n);
            ref_small(d, tmp, n);
            return dst;
        }
        return ref_copy(dst, src, n);
    }
    uint64_t head = ld64(s), tail = ld64(s + n - 8);
    size_t i = n - 8 + ((8 - ((uintptr_t)(d + n - 8) & 7)) & 7);
    for (; i >= 40; i -= 32) {
        uint64_t a = ld64(s + i - 32), b = ld64(s + i - 24), c = ld64(s + i - 16), e = ld64(s + i - 8);
        st64(d + i - 8, e), st64(d + i - 16, c), st64(d + i - 24, b), st64(d + i - 32, a);
    }
    for (; i > 8; i -= 8)
        st64(d + i - 8, ld64(s + i - 8));
    st64(d + n - 8, tail), st64(d, head);
    return dst;
}

static void *ref_set(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    uint64_t v = 0x0101010101010101ULL * (unsigned char)c;
    if (n < 8) {
        for (size_t i = 0; i < n; i++)
            d[i] = (unsigned char)c;
        return dst;
    }
    st64(d, v);
    size_t i = 8 - ((uintptr_t)d & 7);
    for (; i + 32 <= n; i += 32)
        st64(d + i, v), st64(d + i + 8, v), st64(d + i + 16, v), st64(d + i + 24, v);
    for (; i + 8 <= n; i += 8)
        st64(d + i, v);
    st64(d + n - 8, v);
    return dst;
}
#pragma GCC pop_options

/* ------------------------------------------------------------ timing */
typedef void *(*copy_fn)(void *, const void *, size_t);
typedef void *(*set_fn)(void *, int, size_t);

#define MAX_SIZE (4u << 20)
#define BUF_SIZE (2 * MAX_SIZE + 3 * 8192)
static unsigned char *buf;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Nanoseconds per call, best of 7 runs of about 20 MB copied or 20 ms. */
static double time_copy(copy_fn fn, unsigned char *d, const unsigned char *s, size_t n)
{
    size_t reps = 20000000 / (n + 32) + 1;
    double best = 1e30;
    for (int run = 0; run < 7; run++) {
        double t0 = now();
        for (size_t r = 0; r < reps; r++)
            fn(d, s, n);
        double t = (now() - t0) / (double)reps * 1e9;
        if (t < best)
            best = t;
    }
    return best;
}

static double time_set(set_fn fn, unsigned char *d, size_t n)
{
    size_t reps = 20000000 / (n + 32) + 1;
    double best = 1e30;
    for (int run = 0; run < 7; run++) {
        double t0 = now();
        for (size_t r = 0; r < reps; r++)
            fn(d, (int)r, n);
        double t = (now() - t0) / (double)reps * 1e9;
        if (t < best)
            best = t;
    }
    return best;
}

/* ----------------------------------------------------------- the grid */
static const size_t sizes[] = {1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 48, 63, 64, 100, 128,
                               256, 512, 1024, 2048, 4096, 16384, 65536, 262144,
                               1048576, 4194304};

/* Where source and destination are, relative to 4 KiB-aligned bases. */
enum layout { APART, ALIAS_4K, OVERLAP_FWD, OVERLAP_BWD };
struct place {
    const char *name;
    enum layout layout;
    size_t src_off, dst_off;
};
static const struct place copy_places[] = {
    {"0/0", APART, 0, 0},   {"1/3", APART, 1, 3},   {"0/1", APART, 0, 1},
    {"8/0", APART, 8, 0},   {"32/0", APART, 32, 0}, {"3/3", APART, 3, 3},
    {"63/5", APART, 63, 5},
    /* dst - src = 8 KiB - 3: loads and stores alias in the 4 KiB window */
    {"alias4k", ALIAS_4K, 0, 0},
};
static const struct place move_places[] = {
    {"ovl-fwd", OVERLAP_FWD, 0, 35},   /* dst = src - 35: forward copy */
    {"ovl-bwd", OVERLAP_BWD, 0, 35},   /* dst = src + 35: backward copy */
    {"ovl-bwd4k", OVERLAP_BWD, 0, 4099}, /* dst = src + 4099 */
};
static const size_t set_offsets[] = {0, 1, 3, 8, 32};

struct summary {
    int rows, met, small_rows, small_met, ref_rows, ref_met;
    double worst;
    char worst_row[96];
    double ratios[4096];
};

/* Sets *d and *s for a place and size; false when it does not fit. */
static bool place_buffers(const struct place *p, size_t n, unsigned char **d, unsigned char **s)
{
    unsigned char *base = buf + 4096;
    switch (p->layout) {
    case APART:
        *s = base + p->src_off;
        *d = base + MAX_SIZE + 8192 + p->dst_off;
        return true;
    case ALIAS_4K:
        *s = base;
        *d = base + 8192 - 3;
        return n <= 8192 - 3;
    case OVERLAP_FWD:
        *s = base + p->dst_off;
        *d = base;
        return n > p->dst_off;
    case OVERLAP_BWD:
        *s = base;
        *d = base + p->dst_off;
        return n > p->dst_off;
    }
    return false;
}

static void row(struct summary *sum, const char *fn, size_t n, const char *place,
                double glibc, double ref, double kit)
{
    double best = n >= 64 && ref < glibc ? ref : glibc;
    double ratio = kit / best;
    double goal = n >= 64 ? 1.1 : 1.5;
    bool met = ratio <= goal;
    printf("%-8s %8zu %-9s %10.1f %10.1f %10.1f %8.2f %7.2f  %s\n", fn, n, place, glibc, ref,
           kit, ratio, kit / ref, met ? "ok" : n >= 64 ? "OVER 1.1x best" : "OVER 1.5x glibc");
    if (n >= 64) {
        sum->ref_rows++;
        sum->ref_met += kit <= 1.1 * ref;
    }
    if (sum->rows < (int)(sizeof sum->ratios / sizeof sum->ratios[0]))
        sum->ratios[sum->rows] = ratio;
    sum->rows++;
    sum->met += met;
    if (n < 64) {
        sum->small_rows++;
        sum->small_met += met;
    }
    if (ratio / goal > sum->worst) {
        sum->worst = ratio / goal;
        snprintf(sum->worst_row, sizeof sum->worst_row, "%s %zu B %s: %.2fx (goal %.1fx)", fn,
                 n, place, ratio, goal);
    }
}

/* The reference loops must be right to be a reference: checked against
 * glibc on every size up to 1 KiB, every alignment 0..7, overlaps both
 * ways. */
static bool reference_is_right(void)
{
    static unsigned char a[8192], b[8192];
    for (size_t n = 0; n <= 1024; n++)
        for (size_t sa = 0; sa < 8; sa++)
            for (size_t da = 0; da < 8; da++)
                for (int shift = -40; shift <= 40; shift += 40) {
                    for (size_t i = 0; i < sizeof a; i++)
                        a[i] = b[i] = (unsigned char)(i * 131 + n);
                    unsigned char *s1 = a + 1200 + sa, *s2 = b + 1200 + sa;
                    size_t to = (size_t)(1200 + (long)da + (shift ? shift : 2000));
                    ref_move(a + to, s1, n);
                    memmove(b + to, s2, n);
                    ref_set(a + 6000 + da, (int)n, n);
                    memset(b + 6000 + da, (int)n, n);
                    if (memcmp(a, b, sizeof a))
                        return false;
                }
    return true;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    static struct summary sum;
    buf = aligned_alloc(4096, BUF_SIZE);
    if (!buf)
        return 1;
    memset(buf, 0x5a, BUF_SIZE);
    if (!reference_is_right()) {
        fprintf(stderr, "membench: the reference loops are wrong\n");
        return 1;
    }
    /* Calls through volatile pointers: the compiler may not inline glibc's. */
    copy_fn volatile glibc_memcpy = memcpy, glibc_memmove = memmove;
    set_fn volatile glibc_memset = memset;
    printf("%-8s %8s %-9s %10s %10s %10s %8s %7s  %s\n", "function", "bytes", "src/dst",
           "glibc ns", "ref ns", "kit ns", "kit/best", "kit/ref", "verdict");
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t n = sizes[i];
        unsigned char *d, *s;
        for (size_t p = 0; p < sizeof copy_places / sizeof copy_places[0]; p++) {
            if (!place_buffers(&copy_places[p], n, &d, &s))
                continue;
            row(&sum, "memcpy", n, copy_places[p].name, time_copy(glibc_memcpy, d, s, n),
                time_copy(ref_copy, d, s, n), time_copy(kit_memcpy, d, s, n));
            row(&sum, "memmove", n, copy_places[p].name, time_copy(glibc_memmove, d, s, n),
                time_copy(ref_move, d, s, n), time_copy(kit_memmove, d, s, n));
        }
        for (size_t p = 0; p < sizeof move_places / sizeof move_places[0]; p++) {
            if (!place_buffers(&move_places[p], n, &d, &s))
                continue;
            row(&sum, "memmove", n, move_places[p].name, time_copy(glibc_memmove, d, s, n),
                time_copy(ref_move, d, s, n), time_copy(kit_memmove, d, s, n));
        }
        for (size_t k = 0; k < sizeof set_offsets / sizeof set_offsets[0]; k++) {
            char name[16];
            snprintf(name, sizeof name, "+%zu", set_offsets[k]);
            d = buf + 4096 + set_offsets[k];
            row(&sum, "memset", n, name, time_set(glibc_memset, d, n), time_set(ref_set, d, n),
                time_set(kit_memset, d, n));
        }
    }
    int counted = sum.rows < 4096 ? sum.rows : 4096;
    qsort(sum.ratios, (size_t)counted, sizeof sum.ratios[0], by_value);
    printf("\nsummary: %d of %d rows meet their goal (>= 64 B: %d of %d; < 64 B: %d of %d)\n",
           sum.met, sum.rows, sum.met - sum.small_met, sum.rows - sum.small_rows,
           sum.small_met, sum.small_rows);
    printf("median kit/best %.2f; worst row: %s\n", sum.ratios[counted / 2], sum.worst_row);
    printf(">= 64 B, against the general-register reference alone: %d of %d rows at most 1.1x\n",
           sum.ref_met, sum.ref_rows);
    free(buf);
    return 0;
}
