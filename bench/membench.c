/* make bench: the runtime's memcpy, memmove and memset against the host
 * glibc's, in one process, on the same buffers.  Both are plain x86-64
 * code; the kit's uses only general registers and string instructions.
 * Prints, per size and alignment, each one's time per call (best of
 * several runs) and the ratio glibc time / kit time (>= 1: kit as fast or
 * faster).  Goals: ratio >= 0.9 at 4 KiB and above, time ratio <= 1.5
 * (ratio >= 0.67) below 64 bytes. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../testsuite/kit-string.h"

typedef void *(*copy_fn)(void *, const void *, size_t);
typedef void *(*set_fn)(void *, int, size_t);

static unsigned char *src_buf, *dst_buf;
#define BUF_SIZE ((1 << 20) + 4096)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Nanoseconds per call, best of 7 runs of enough calls for ~2 ms. */
static double time_copy(copy_fn fn, size_t n, size_t sa, size_t da)
{
    size_t reps = 2000000 / (n + 32) + 1;
    double best = 1e30;
    for (int run = 0; run < 7; run++) {
        double t0 = now();
        for (size_t r = 0; r < reps; r++)
            fn(dst_buf + da, src_buf + sa, n);
        double t = (now() - t0) / (double)reps * 1e9;
        if (t < best)
            best = t;
    }
    return best;
}

static double time_set(set_fn fn, size_t n, size_t da)
{
    size_t reps = 2000000 / (n + 32) + 1;
    double best = 1e30;
    for (int run = 0; run < 7; run++) {
        double t0 = now();
        for (size_t r = 0; r < reps; r++)
            fn(dst_buf + da, (int)r, n);
        double t = (now() - t0) / (double)reps * 1e9;
        if (t < best)
            best = t;
    }
    return best;
}

static void row(const char *name, size_t n, const char *align, double glibc, double kit)
{
    double ratio = glibc / kit;
    const char *verdict = "";
    if (n >= 4096)
        verdict = ratio >= 0.9 ? "ok (>= 0.9)" : "BELOW GOAL (< 0.9)";
    else if (n < 64)
        verdict = ratio >= 1 / 1.5 ? "ok (time <= 1.5x)" : "BELOW GOAL (time > 1.5x)";
    printf("%-8s %8zu %-9s %10.1f %10.1f %7.2f  %s\n", name, n, align, glibc, kit, ratio,
           verdict);
}

int main(void)
{
    static const size_t sizes[] = {8, 16, 32, 48, 63, 64, 128, 256, 512, 1024,
                                   4096, 16384, 65536, 262144, 1048576};
    src_buf = aligned_alloc(4096, BUF_SIZE);
    dst_buf = aligned_alloc(4096, BUF_SIZE);
    if (!src_buf || !dst_buf)
        return 1;
    memset(src_buf, 0x5a, BUF_SIZE);
    memset(dst_buf, 0xa5, BUF_SIZE);
    /* Calls through volatile pointers: the compiler may not inline glibc's. */
    copy_fn volatile glibc_memcpy = memcpy, glibc_memmove = memmove;
    set_fn volatile glibc_memset = memset;
    printf("%-8s %8s %-9s %10s %10s %7s\n", "function", "bytes", "alignment",
           "glibc ns", "kit ns", "ratio");
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t n = sizes[i];
        for (int unaligned = 0; unaligned < 2; unaligned++) {
            size_t sa = unaligned ? 1 : 0, da = unaligned ? 3 : 0;
            const char *al = unaligned ? "unaligned" : "aligned";
            row("memcpy", n, al, time_copy(glibc_memcpy, n, sa, da),
                time_copy(kit_memcpy, n, sa, da));
            row("memmove", n, al, time_copy(glibc_memmove, n, sa, da),
                time_copy(kit_memmove, n, sa, da));
            row("memset", n, al, time_set(glibc_memset, n, da), time_set(kit_memset, n, da));
        }
    }
    free(src_buf);
    free(dst_buf);
    return 0;
}
