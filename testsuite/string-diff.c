/* Differential test of the runtime's memcpy, memmove, memset, memcmp and
 * bcmp against the host C library: sizes 0..4096, every source and
 * destination alignment 0..15, overlaps in both directions for memmove,
 * under every CPU-feature choice the runtime can make.  Also checks
 * nothing outside the destination range is touched. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../hostlib/kit-string.h"

#define MAX_SIZE 4096
#define SLACK 64
#define BUF (MAX_SIZE + 2 * SLACK)

static unsigned char src[BUF], got[BUF], want[BUF];
static uint64_t rng = 0x9e3779b97f4a7c15u;
static long failures;

static unsigned rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)rng;
}

/* Random bytes come from a pool at a random offset: cheap to refill. */
static unsigned char pool[1 << 16];

static void fill(unsigned char *p, size_t n)
{
    memcpy(p, pool + rnd() % (sizeof pool - n), n);
}

static void fail(const char *fn, size_t n, size_t sa, size_t da)
{
    if (failures++ < 10)
        fprintf(stderr, "%s: wrong result for size %zu, src align %zu, dst align %zu\n",
                fn, n, sa, da);
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static void test_copy_set(size_t n, size_t sa, size_t da)
{
    fill(src, BUF);
    fill(got, BUF);
    memcpy(want, got, BUF);
    kit_memcpy(got + SLACK + da, src + SLACK + sa, n);
    memcpy(want + SLACK + da, src + SLACK + sa, n);
    if (memcmp(got, want, BUF))
        fail("memcpy", n, sa, da);

    int c = (int)(rnd() & 0xff);
    kit_memset(got + SLACK + da, c, n);
    memset(want + SLACK + da, c, n);
    if (memcmp(got, want, BUF))
        fail("memset", n, sa, da);
}

/* Overlapping moves inside one buffer, dst before and after src, by
 * distances from 1 byte to more than the loops' 32-byte step. */
#define MOVE_SLACK 2560
#define MOVE_BUF (MAX_SIZE + 2 * MOVE_SLACK)
static unsigned char move_got[MOVE_BUF], move_want[MOVE_BUF];

static void test_move(size_t n, size_t sa, size_t da)
{
    /* 2500: far enough for the chunked backward move (sampled: it is the
     * slowest case to check). */
    size_t shifts[] = {1, 7, 8, 33, 100, 257, n / 2 + 1, 2500};
    size_t count = sizeof shifts / sizeof shifts[0] - (n > 2048 && (sa + da) % 4 == 0 ? 0 : 1);
    for (size_t k = 0; k < count; k++) {
        size_t s = shifts[k] % (MOVE_SLACK - 16);
        for (int dir = 0; dir < 2; dir++) {
            size_t from = MOVE_SLACK + sa;
            size_t to = dir ? MOVE_SLACK + da + s : MOVE_SLACK + da - s;
            /* Only the bytes a move can touch, and a margin, are compared. */
            size_t lo = (from < to ? from : to) - 8, hi = (from > to ? from : to) + n + 8;
            fill(move_got + lo, hi - lo);
            memcpy(move_want + lo, move_got + lo, hi - lo);
            kit_memmove(move_got + to, move_got + from, n);
            memmove(move_want + to, move_want + from, n);
            if (memcmp(move_got + lo, move_want + lo, hi - lo))
                fail(dir ? "memmove (dst above src)" : "memmove (dst below src)", n, sa, da);
        }
    }
}

static void test_compare(size_t n, size_t sa, size_t da)
{
    fill(src, BUF);
    memcpy(got + SLACK + da, src + SLACK + sa, n);
    const unsigned char *a = src + SLACK + sa, *b = got + SLACK + da;
    if (kit_memcmp(a, b, n) != 0 || kit_bcmp(a, b, n) != 0)
        fail("memcmp/bcmp (equal)", n, sa, da);
    if (n == 0)
        return;
    size_t at = rnd() % n;
    got[SLACK + da + at] ^= (unsigned char)(1u << (rnd() % 8));
    if (sign(kit_memcmp(a, b, n)) != sign(memcmp(a, b, n)) || kit_bcmp(a, b, n) == 0)
        fail("memcmp/bcmp (differ)", n, sa, da);
}

/* Every copy strategy, whatever this CPU's answers (copy-cpu.h): as
 * CPUID says, no ERMS (loops and rep movsq, rep stosq), ERMS (rep movsb),
 * each with the long rep strings judged slow or fast on misaligned
 * buffers or at a near distance (copy-strategy.h), and FSRM (short rep
 * movsb and rep movsq) with each of those judgements; a set without one
 * calibrates on its first long copy.  A CPU
 * without FSRM still runs its rep strings correctly, only slower, so
 * every set is checked on any host. */
static const unsigned forced[] = {
    0,
    CPU_KNOWN,
    CPU_KNOWN | CPU_CALIBRATED | CPU_NEAR_CALIBRATED,
    CPU_KNOWN | CPU_CALIBRATED | CPU_REP_MISALIGNED | CPU_NEAR_CALIBRATED | CPU_REP_NEAR,
    CPU_KNOWN | CPU_ERMS | CPU_CALIBRATED,
    CPU_KNOWN | CPU_ERMS | CPU_CALIBRATED | CPU_REP_MISALIGNED,
    CPU_KNOWN | CPU_ERMS | CPU_FSRM | CPU_CALIBRATED,
    CPU_KNOWN | CPU_ERMS | CPU_FSRM | CPU_CALIBRATED | CPU_REP_MISALIGNED,
    CPU_KNOWN | CPU_ERMS | CPU_CALIBRATED | CPU_NEAR_CALIBRATED | CPU_REP_NEAR,
    CPU_KNOWN | CPU_ERMS | CPU_FSRM | CPU_NEAR_CALIBRATED | CPU_REP_NEAR,
    CPU_KNOWN | CPU_ERMS | CPU_FSRM | CPU_NEAR_CALIBRATED,
};

int main(void)
{
    long cases = 0;
    for (size_t i = 0; i < sizeof pool; i++)
        pool[i] = (unsigned char)rnd();
    for (size_t f = 0; f < sizeof forced / sizeof forced[0]; f++) {
        kit_set_cpu_copy_flags(forced[f]);
        for (size_t n = 0; n <= MAX_SIZE; n++)
            for (size_t sa = 0; sa < 16; sa++)
                for (size_t da = 0; da < 16; da++) {
                    test_copy_set(n, sa, da);
                    if (f == 0)
                        test_compare(n, sa, da);
                    test_move(n, sa, da);
                    cases++;
                }
    }
    kit_set_cpu_copy_flags(0);
    printf("string-diff: %ld size/alignment/strategy cases, %ld failures\n", cases, failures);
    return failures ? 1 : 0;
}
