/* make bench: the runtime's memcpy, memmove and memset against the peers
 * that obey the same rule (bench/mem-peers.h: Linux's, Rust's
 * compiler-builtins' and musl's strategies, each CPU-feature choice a
 * peer), with glibc's (SSE/AVX, outside the rule) for information, in one
 * process on the same buffers.
 *
 *   membench [--cpu=native|no-fsrm|no-erms]
 *
 * --cpu forces the runtime's choice as on a CPU without FSRM, or without
 * ERMS (and so FSRM), and leaves out the peers that need the feature.
 * Each cell: the time per call of every implementation (best of 15
 * rounds, taken in turn, in each of PASSES passes over the grid), the
 * best peer and kit / best peer.  It runs on one CPU, the one where a
 * sample of cells runs fastest for all the implementations together
 * (quietest_cpu).  The summary: the CPU, the worst cell, the geometric
 * mean of kit / best peer, and each implementation's geometric mean
 * against the per-cell best of all the rule-abiding ones (the kit's
 * included). */
#define _GNU_SOURCE /* sched_setaffinity */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __linux__
#include <sched.h>
#endif
#include "../hostlib/kit-string.h"
#include "mem-peers.h"

enum op { OP_MEMCPY, OP_MEMMOVE, OP_MEMSET };
static const char *const op_names[] = {"memcpy", "memmove", "memset"};

/* The implementations of a run: [0] the kit, then the peers allowed on
 * the forced CPU, then glibc (not counted in the best). */
#define MAX_IMPLS 8
struct impls {
    int count; /* kit + peers */
    const char *name[MAX_IMPLS];
    const struct peer *peer[MAX_IMPLS]; /* NULL for the kit */
};

/* ------------------------------------------------------------ the grid */
static size_t sizes[80];
static size_t size_count;

static void make_sizes(void)
{
    static const size_t large[] = {96,    128,    200,     256,      512,      1024, 2048,
                                   4096,  16384,  65536,   1048576,  4194304};
    for (size_t n = 1; n <= 64; n++)
        sizes[size_count++] = n;
    for (size_t i = 0; i < sizeof large / sizeof large[0]; i++)
        sizes[size_count++] = large[i];
}

/* memcpy: source and destination offsets from 4 KiB-aligned bases in two
 * regions; (5, 4091) puts loads and stores 4 KiB apart in the low bits. */
static const size_t copy_pairs[][2] = {{0, 0}, {1, 3}, {0, 1}, {8, 0}, {0, 32}, {7, 7}, {5, 4091}};
/* memmove: overlapping, destination below the source (a forward copy) or
 * above it (backward), by half the size plus 3, or by 64 bytes. */
enum { MOVE_FWD_HALF, MOVE_BWD_HALF, MOVE_FWD_64, MOVE_BWD_64, MOVE_PLACES };
static const char *const move_names[] = {"fwd n/2+3", "bwd n/2+3", "fwd 64", "bwd 64"};
static const size_t set_offsets[] = {0, 3};

#define MAX_SIZE (4u << 20)
#define REGION (MAX_SIZE + 3 * 8192)
static unsigned char *buf; /* two regions, 4 KiB-aligned */

/* The start of region K (0: sources and memmove, 1: destinations). */
static unsigned char *region(int k)
{
    return buf + (size_t)k * REGION + 4096;
}

struct cell {
    enum op op;
    size_t n;
    char place[24];
    unsigned char *d;
    const unsigned char *s;
};

/* ------------------------------------------------------------ timing */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Calls made through volatile pointers, so nothing is inlined. */
struct call {
    copy_fn volatile copy;
    set_fn volatile set;
};

static double time_once(const struct call *f, const struct cell *c, size_t reps)
{
    /* The arguments in locals, which stay in registers across the calls:
     * read from the cell each time, they were loads right after the
     * copy's stores, which stall when the cell lies a multiple of 4 KiB
     * from the destination (4 KiB aliasing) -- on the stack, that is a
     * matter of the process's address-space layout, and it had made the
     * shortest copies' times differ by half between runs. */
    unsigned char *d = c->d;
    const unsigned char *s = c->s;
    size_t n = c->n;
    double t0 = now();
    if (f->set)
        for (size_t r = 0; r < reps; r++)
            f->set(d, (int)r, n);
    else
        for (size_t r = 0; r < reps; r++)
            f->copy(d, s, n);
    return (now() - t0) / (double)reps * 1e9;
}

static struct call call_of(const struct impls *im, int i, enum op op)
{
    struct call f = {0, 0};
    const struct peer *p = i < im->count ? im->peer[i] : NULL;
    bool glibc = i == im->count;
    if (op == OP_MEMSET)
        f.set = glibc ? memset : p ? p->memset : kit_memset;
    else if (op == OP_MEMCPY)
        f.copy = glibc ? memcpy : p ? p->memcpy : kit_memcpy;
    else
        f.copy = glibc ? memmove : p ? p->memmove : kit_memmove;
    return f;
}

/* ns per call of each implementation (and glibc last): the best of
 * ROUNDS rounds, each timing every implementation once, in turn (on a
 * shared machine the best of many short rounds is what is steady).  A
 * round times one call from 1 MiB on: there, a round more for each
 * 64 KiB, as the neighbours' traffic through the shared cache comes and
 * goes (4 MiB fills had ranged from 37 to 100 us across 45 rounds). */
#define ROUNDS 15
static void time_cell(const struct impls *im, const struct cell *c, double *ns)
{
    size_t reps = 1500000 / (c->n + 32) + 1;
    int rounds = ROUNDS + (int)(c->n >> 16);
    for (int i = 0; i <= im->count; i++)
        ns[i] = 1e30;
    for (int round = 0; round < rounds; round++)
        for (int i = 0; i <= im->count; i++) {
            struct call f = call_of(im, i, c->op);
            double t = time_once(&f, c, reps);
            if (t < ns[i])
                ns[i] = t;
        }
}

/* ----------------------------------------------------------- results */
struct summary {
    int cells, over;
    double log_kit_vs_peer;
    double log_vs_best[MAX_IMPLS];
    double worst;
    char worst_cell[96];
};

static void account(struct summary *sum, const struct impls *im, const struct cell *c,
                    const double *ns)
{
    int best_peer = 1;
    for (int i = 2; i < im->count; i++)
        if (ns[i] < ns[best_peer])
            best_peer = i;
    double best_all = ns[0] < ns[best_peer] ? ns[0] : ns[best_peer];
    double ratio = ns[0] / ns[best_peer];
    printf("%-7s %7zu %-9s", op_names[c->op], c->n, c->place);
    for (int i = 0; i <= im->count; i++)
        printf(" %8.1f", ns[i]);
    printf("  %-10s %5.2f%s\n", im->name[best_peer], ratio, ratio > 1.3 ? " OVER 1.3" : "");
    sum->cells++;
    sum->over += ratio > 1.3;
    sum->log_kit_vs_peer += log(ratio);
    for (int i = 0; i < im->count; i++)
        sum->log_vs_best[i] += log(ns[i] / best_all);
    if (ratio > sum->worst) {
        sum->worst = ratio;
        snprintf(sum->worst_cell, sizeof sum->worst_cell, "%s %zu B %s: kit %.1f ns, %s %.1f ns",
                 op_names[c->op], c->n, c->place, ns[0], im->name[best_peer], ns[best_peer]);
    }
}

/* Every cell is timed in PASSES passes over the whole grid, and each
 * implementation keeps its best: on a shared machine the neighbours'
 * load comes and goes over seconds, and it slows register loops more
 * than rep strings, so a single pass had put 0 to 29 cells over 1.3
 * from one run to the next. */
#define PASSES 3
#define MAX_CELLS 1024
static struct cell cells[MAX_CELLS];
static double cell_ns[MAX_CELLS][MAX_IMPLS + 1];
static size_t cell_count;

static void add_cell(const struct cell *c)
{
    if (cell_count == MAX_CELLS) {
        fprintf(stderr, "membench: more than %d cells; raise MAX_CELLS\n", MAX_CELLS);
        exit(2);
    }
    cells[cell_count++] = *c;
}

static void time_grid(const struct impls *im)
{
    for (size_t k = 0; k < cell_count; k++)
        for (int i = 0; i <= im->count; i++)
            cell_ns[k][i] = 1e30;
    for (int pass = 0; pass < PASSES; pass++)
        for (size_t k = 0; k < cell_count; k++) {
            double ns[MAX_IMPLS + 1];
            time_cell(im, &cells[k], ns);
            for (int i = 0; i <= im->count; i++)
                if (ns[i] < cell_ns[k][i])
                    cell_ns[k][i] = ns[i];
        }
}

/* ------------------------------------------------------- the CPU used */
#ifdef __linux__
/* The time of a sample of cells (short and long copies, a move, a fill)
 * summed over every implementation, on the CPU the process runs on. */
static double sample_ns(const struct impls *im)
{
    unsigned char *a = region(0), *b = region(1);
    const struct cell sample[] = {
        {.op = OP_MEMCPY, .n = 24, .d = b, .s = a},
        {.op = OP_MEMCPY, .n = 4096, .d = b + 3, .s = a + 1},
        {.op = OP_MEMMOVE, .n = 96, .d = a, .s = a + 64},
        {.op = OP_MEMSET, .n = 48, .d = b},
    };
    double total = 0, ns[MAX_IMPLS + 1];
    for (size_t k = 0; k < sizeof sample / sizeof sample[0]; k++) {
        time_cell(im, &sample[k], ns);
        for (int i = 0; i <= im->count; i++)
            total += ns[i];
    }
    return total;
}

/* Pins the process to the allowed CPU where the sample runs fastest and
 * returns it (-1: left unpinned).  On a shared virtual machine one vCPU
 * can share its core with the host's work: on AMD Zen 5 with 2 vCPUs, one
 * ran a 24-byte memmove through registers at 3.5 ns and the other at 2.3
 * while rep movsb took 3.2 on both, so the ratios depended on where the
 * scheduler had put the run.  Whole-sample time, every implementation
 * counted alike: the choice favours none of them. */
static int quietest_cpu(const struct impls *im)
{
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed))
        return -1;
    int best = -1;
    double best_ns = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(cpu, &one);
        if (!CPU_ISSET(cpu, &allowed) || sched_setaffinity(0, sizeof one, &one))
            continue;
        double ns = sample_ns(im);
        if (best < 0 || ns < best_ns) {
            best = cpu;
            best_ns = ns;
        }
    }
    if (best < 0) /* no CPU took: the affinity is as it was */
        return -1;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(best, &one);
    if (sched_setaffinity(0, sizeof one, &one)) {
        sched_setaffinity(0, sizeof allowed, &allowed);
        return -1;
    }
    return best;
}
#else
static int quietest_cpu(const struct impls *im)
{
    (void)im;
    return -1;
}
#endif

/* Every cell of one function, added to the grid. */
static void add_op(enum op op)
{
    unsigned char *a = region(0), *b = region(1);
    for (size_t k = 0; k < size_count; k++) {
        struct cell c = {.op = op, .n = sizes[k]};
        if (op == OP_MEMCPY) {
            for (size_t p = 0; p < sizeof copy_pairs / sizeof copy_pairs[0]; p++) {
                c.s = a + copy_pairs[p][0];
                c.d = b + copy_pairs[p][1];
                snprintf(c.place, sizeof c.place, "%zu,%zu", copy_pairs[p][0], copy_pairs[p][1]);
                add_cell(&c);
            }
        } else if (op == OP_MEMMOVE) {
            for (int p = 0; p < MOVE_PLACES; p++) {
                size_t dist = p == MOVE_FWD_HALF || p == MOVE_BWD_HALF ? c.n / 2 + 3 : 64;
                bool fwd = p == MOVE_FWD_HALF || p == MOVE_FWD_64;
                c.d = fwd ? a : a + dist;
                c.s = fwd ? a + dist : a;
                snprintf(c.place, sizeof c.place, "%s", move_names[p]);
                add_cell(&c);
            }
        } else {
            for (size_t p = 0; p < sizeof set_offsets / sizeof set_offsets[0]; p++) {
                c.d = b + set_offsets[p];
                snprintf(c.place, sizeof c.place, "+%zu", set_offsets[p]);
                add_cell(&c);
            }
        }
    }
}

/* A peer must be right to be a peer: each is checked against glibc on
 * every size up to 1100, source and destination offsets 0..7, apart and
 * overlapping both ways; returns the first wrong one's name, or NULL. */
static const char *wrong_peer(void)
{
    static unsigned char want[8192], got[8192];
    for (size_t i = 0; i < peer_count; i++)
        for (size_t n = 0; n <= 1100; n++)
            for (size_t sa = 0; sa < 8; sa++)
                for (size_t da = 0; da < 8; da++)
                    for (int shift = -1; shift <= 1; shift++) {
                        for (size_t k = 0; k < sizeof want; k++)
                            want[k] = got[k] = (unsigned char)(k * 131 + n);
                        size_t from = 2400 + sa, to = 2400 + da + (size_t)(shift * 37 + 3000 * !shift);
                        memmove(want + to, want + from, n);
                        peers[i].memmove(got + to, got + from, n);
                        if (!shift) {
                            memcpy(want + to + 1100, want + from, n);
                            peers[i].memcpy(got + to + 1100, got + from, n);
                        }
                        memset(want + 6800 + da, (int)n, n);
                        peers[i].memset(got + 6800 + da, (int)n, n);
                        if (memcmp(want, got, sizeof want))
                            return peers[i].name;
                    }
    return NULL;
}

/* ------------------------------------------------------------- setup */
static const char *cpu_name(void)
{
    static char name[49];
    unsigned r[12];
    for (unsigned leaf = 0; leaf < 3; leaf++)
        __asm__ volatile("cpuid"
                         : "=a"(r[leaf * 4]), "=b"(r[leaf * 4 + 1]), "=c"(r[leaf * 4 + 2]),
                           "=d"(r[leaf * 4 + 3])
                         : "a"(0x80000002u + leaf), "c"(0));
    memcpy(name, r, 48);
    return name;
}

/* The peers a CPU with FLAGS (copy-cpu.h) runs. */
static void choose_impls(struct impls *im, unsigned flags)
{
    im->count = 0;
    im->name[im->count] = "kit";
    im->peer[im->count++] = NULL;
    for (size_t i = 0; i < peer_count; i++) {
        unsigned needs = peers[i].needs;
        if (((needs & NEEDS_ERMS) && !(flags & CPU_ERMS)) ||
            ((needs & NEEDS_FSRM) && !(flags & CPU_FSRM)))
            continue;
        im->name[im->count] = peers[i].name;
        im->peer[im->count++] = &peers[i];
    }
}

/* The runtime's CPU flags for --cpu=MODE; false for an unknown mode. */
static bool forced_flags(const char *mode, unsigned *flags)
{
    unsigned detected = kit_get_cpu_copy_flags();
    if (!strcmp(mode, "native"))
        *flags = detected;
    else if (!strcmp(mode, "no-fsrm"))
        *flags = detected & ~(unsigned)CPU_FSRM;
    else if (!strcmp(mode, "no-erms"))
        *flags = detected & ~(unsigned)(CPU_FSRM | CPU_ERMS);
    else
        return false;
    return true;
}

static void print_summary(const struct summary *sum, const struct impls *im)
{
    printf("\nworst cell: %s (%.2f)\n", sum->worst_cell, sum->worst);
    printf("geometric mean of kit / best peer over %d cells: %.3f; cells over 1.3: %d\n",
           sum->cells, exp(sum->log_kit_vs_peer / sum->cells), sum->over);
    printf("geometric mean against the per-cell best of the kit and the peers:\n");
    for (int i = 0; i < im->count; i++)
        printf("  %-10s %.3f\n", im->name[i], exp(sum->log_vs_best[i] / sum->cells));
}

int main(int argc, char **argv)
{
    const char *mode = "native";
    if (argc == 2 && !strncmp(argv[1], "--cpu=", 6))
        mode = argv[1] + 6;
    unsigned flags;
    if (argc > 2 || (argc == 2 && strncmp(argv[1], "--cpu=", 6)) || !forced_flags(mode, &flags)) {
        fprintf(stderr, "usage: membench [--cpu=native|no-fsrm|no-erms]\n");
        return 2;
    }
    buf = aligned_alloc(4096, 2 * REGION);
    if (!buf)
        return 1;
    memset(buf, 0x5a, 2 * REGION);
    const char *wrong = wrong_peer();
    if (wrong) {
        fprintf(stderr, "membench: the peer %s copies or sets wrongly\n", wrong);
        return 1;
    }
    kit_set_cpu_copy_flags(flags);
    struct impls im;
    choose_impls(&im, flags);
    im.name[im.count] = "glibc";
    make_sizes();
    int on = quietest_cpu(&im);
    printf("CPU: %s; ERMS %s, FSRM %s; the kit runs as --cpu=%s\n", cpu_name(),
           flags & CPU_ERMS ? "yes" : "no", flags & CPU_FSRM ? "yes" : "no", mode);
    if (on >= 0)
        printf("run on CPU %d, where a sample of cells ran fastest\n", on);
    printf("%-7s %7s %-9s", "func", "bytes", "place");
    for (int i = 0; i <= im.count; i++)
        printf(" %8.8s", im.name[i]);
    printf("  %-10s %5s\n", "best peer", "kit/best");
    for (int op = OP_MEMCPY; op <= OP_MEMSET; op++)
        add_op((enum op)op);
    fflush(stdout);
    time_grid(&im);
    static struct summary sum;
    for (size_t k = 0; k < cell_count; k++)
        account(&sum, &im, &cells[k], cell_ns[k]);
    print_summary(&sum, &im);
    free(buf);
    return 0;
}
