/* What crt/string.c's copies know of the CPU and of rep strings: the
 * feature bits (read once with CPUID), the test hooks that set them, the
 * cycle counter and the distance rule.  Included by string.c and
 * memset.c. */
#ifndef X86_64_NONE_COPY_STRATEGY_H
#define X86_64_NONE_COPY_STRATEGY_H
#include <stddef.h>
#include <stdint.h>
#include "copy-cpu.h"

/* From these sizes on, rep movsb (with ERMS) beats the loop when source
 * and destination agree modulo 8 ... */
#define REP_ALIGNED_MIN 1024
/* ... and, on CPUs where it copies misaligned buffers fast, when they
 * do not. */
#define REP_MISALIGNED_MIN 2048
/* ... and at a near distance (rep_fast_at), on CPUs where it copies
 * those fast (AMD Zen 5: 34 ns for 2 KiB against the loop's 47; at 1 KiB
 * the loop wins). */
#define REP_NEAR_MIN 2048

/* CPU_* of copy-cpu.h; 0: not asked yet.  One word for string.c's
 * copies and memset.c (defined in string.c), so CPUID is asked, and the
 * copies calibrated, once a program; hidden: no kernel sees the name. */
#define cpu_copy_flags RT_NAME(__none_copy_flags)
extern unsigned cpu_copy_flags __attribute__((visibility("hidden")));

/* Out of line: cpuid clobbers %rbx, which the copies' fast paths would
 * otherwise have to save on every call. */
static __attribute__((noinline, cold)) unsigned read_cpu_flags(void)
{
    unsigned a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0), "c"(0));
    unsigned flags = CPU_KNOWN;
    if (a >= 7) {
        __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(7), "c"(0));
        if (b & (1u << 9))
            flags |= CPU_ERMS;
        if (d & (1u << 4))
            flags |= CPU_FSRM;
    }
    return flags;
}

static inline unsigned cpu_flags(void)
{
    if (__builtin_expect(!cpu_copy_flags, 0))
        cpu_copy_flags = read_cpu_flags();
    return cpu_copy_flags;
}

#ifdef RT_TEST_HOOKS
/* The host tests and the bench set the CPU's answers, to check and time
 * every strategy on one machine. */
void RT_NAME(set_cpu_copy_flags)(unsigned flags)
{
    cpu_copy_flags = flags;
}

unsigned RT_NAME(get_cpu_copy_flags)(void)
{
    return cpu_flags();
}
#endif

/* Plain rdtsc (no lfence: that is an SSE2 instruction, and the copies
 * timed are long enough for the skew not to matter). */
static inline uint64_t cycles(void)
{
    unsigned lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
    return ((uint64_t)hi << 32) | lo;
}

/* rep movsb and rep movsq slow down when the destination lies a little
 * above the source modulo 4 KiB (the fast-string path's distance
 * condition), by how much depends on the CPU: on AMD Zen 3/4, 3 to 30
 * times below 256 bytes unless by a multiple of 32; on Zen 5 ("Turin"),
 * 2 to 3 times for short copies below 64 bytes, multiples of 32
 * included, and a quarter for long ones.  Fast on both: 0, from 256, and
 * the multiples of 32 from 64.  Other distances are "near": the loop,
 * or rep movsb for long copies where it was measured fast there. */
static inline int rep_fast_at(size_t dist)
{
    size_t m = dist & 4095;
    return m == 0 || m >= 256 || ((m & 31) == 0 && m >= 64);
}

/* Do short rep strings (FSRM) run fast for this distance?  The flags
 * word as it is, not read here: memcpy's and memmove's inline paths ask,
 * and a call would give them a frame.  Before it is read (0) the answer
 * is no, and the paths out of line read it (copy_above64). */
static inline int short_rep_fast(size_t dist)
{
    return (cpu_copy_flags & CPU_FSRM) && rep_fast_at(dist);
}

#endif
