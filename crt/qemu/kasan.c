/* KASAN on the QEMU board: the shadow memory, the checks GCC's
 * -fsanitize=kernel-address calls (outline mode: x86_64-none.specs asks
 * for it), and the report (kasan-globals.c, kasan-stack.c and
 * kasan-heap.c do the rest).
 *
 * The shadow (<x86_64-none/kasan.h>) covers the checked window, physical
 * 0-1 GiB as the boot stub maps it at 0xffffffff80000000: the image, and
 * the heap, whose blocks the checked allocators hand out there
 * (kasan-heap.c).  The shadow's own memory, an eighth of what it covers
 * rounded up to 2 MiB pages, comes off the top of the heap, and 2 MiB
 * pages map it where the compiler looks (Linux's offset).
 *
 * Outline mode, and not inline: the compiler's inline checks read the
 * shadow of every address, which would need shadow for the whole address
 * space (Linux maps a zero page over it); a call can first ask whether an
 * address is in the window, so low memory, MMIO and a program's own page
 * tables stay unchecked and cost no shadow, and the code grows less.
 * The stack's redzones are still written inline by the compiler, on the
 * image's stack, which the window covers. */
#include <stdint.h>
#include <x86_64-none/heap.h>
#include <x86_64-none/kasan.h>
#include <x86_64-none/panic.h>
#include <x86_64-none/qemu.h>
#include "board.h"
#include "kasan-impl.h"

extern char __image_end_phys[];

#define LARGE_PAGE (2ULL << 20)
/* Memory that one 2 MiB page of shadow covers. */
#define SHADOW_PAGE_SPAN (LARGE_PAGE * KASAN_GRANULE)
#define PTE_PRESENT 0x1ULL
#define PTE_WRITE 0x2ULL
#define PTE_LARGE 0x80ULL

#define WINDOW_SHADOW KASAN_SHADOW_ADDR(NONE_KASAN_WINDOW)
_Static_assert((WINDOW_SHADOW & (LARGE_PAGE - 1)) == 0, "the shadow starts on a 2 MiB page");
_Static_assert(((WINDOW_SHADOW >> 21) & 511) + NONE_KASAN_WINDOW_SIZE / KASAN_GRANULE / LARGE_PAGE <=
                   512,
               "the window's shadow fits one page directory");

int none_kasan_ready;
uintptr_t none_kasan_heap_start;
/* Bytes of the window (from its start) that have shadow; 0 until ready,
 * and again while a report is printed (the report's own accesses are not
 * checked). */
static uint64_t covered;

int none_kasan_covered(uintptr_t p, size_t size)
{
    uint64_t offset = p - NONE_KASAN_WINDOW;
    return offset < covered && size <= covered - offset;
}

void none_kasan_fill(uintptr_t p, size_t size, uint8_t value)
{
    if (!none_kasan_covered(p, size))
        return;
    uint8_t *s = kasan_shadow(p), *end = kasan_shadow(p + size);
    uint64_t word = value * 0x0101010101010101ULL;
    for (; s < end && (uintptr_t)s & 7; s++)
        *s = value;
    for (; s + 8 <= end; s += 8)
        *(uint64_t *)s = word;
    for (; s < end; s++)
        *s = value;
}

void none_kasan_open(uintptr_t p, size_t size)
{
    size_t whole = size & ~(size_t)(KASAN_GRANULE - 1);
    none_kasan_fill(p, whole, 0);
    if (size & (KASAN_GRANULE - 1) && none_kasan_covered(p + whole, 1))
        *kasan_shadow(p + whole) = (uint8_t)(size & (KASAN_GRANULE - 1));
}

/* ---- Setting up the shadow. */

static uint64_t shadow_pdpt[512] __attribute__((aligned(4096)));
static uint64_t shadow_pd[512] __attribute__((aligned(4096)));

/* The physical address of an object of the image (or of low memory). */
static uint64_t physical(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    return a >= NONE_KASAN_WINDOW ? a - NONE_KASAN_WINDOW : a;
}

/* Maps the window's shadow (size bytes) to physical memory at phys. */
static void map_shadow(uint64_t phys, uint64_t size)
{
    uint64_t cr3;
    __asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
    /* The boot stub's tables are below 4 GiB, which it maps 1:1. */
    uint64_t *pml4 = (uint64_t *)(uintptr_t)(cr3 & ~0xfffULL);
    unsigned top = (WINDOW_SHADOW >> 39) & 511, middle = (WINDOW_SHADOW >> 30) & 511,
             first = (WINDOW_SHADOW >> 21) & 511;
    if (pml4[top] & PTE_PRESENT)
        none_panic("KASAN: the shadow's addresses are mapped already (a page table of the "
                   "program's own?); KASAN needs the board's");
    for (uint64_t offset = 0; offset < size; offset += LARGE_PAGE)
        shadow_pd[first + offset / LARGE_PAGE] = (phys + offset) | PTE_PRESENT | PTE_WRITE | PTE_LARGE;
    shadow_pdpt[middle] = physical(shadow_pd) | PTE_PRESENT | PTE_WRITE;
    pml4[top] = physical(shadow_pdpt) | PTE_PRESENT | PTE_WRITE;
    __asm__ volatile("mov %0, %%cr3" : : "r"(cr3) : "memory");
}

/* Called by the board's start-up (qemu-start.o, first in .preinit_array)
 * when KASAN is linked, and by the allocators if something allocates
 * before that. */
void none_kasan_init(void)
{
    if (none_kasan_ready)
        return;
    none_heap_limit(NONE_KASAN_WINDOW_SIZE);
    uintptr_t heap = (uintptr_t)none_sbrk(0);
    none_kasan_heap_start = heap;
    uint64_t top = heap + none_heap_size();
    if (top < (uintptr_t)__image_end_phys)
        top = (uintptr_t)__image_end_phys;
    top = (top + SHADOW_PAGE_SPAN - 1) & ~(SHADOW_PAGE_SPAN - 1);
    uint64_t shadow_size = top / KASAN_GRANULE;
    uintptr_t shadow_phys = none_heap_take_top(shadow_size, LARGE_PAGE);
    if (!shadow_phys)
        none_panic("KASAN: the heap cannot hold the shadow memory (an eighth of the RAM below "
                   "1 GiB); give x86_64-none-run a larger --memory");
    map_shadow(shadow_phys, shadow_size);
    covered = top;
    none_kasan_fill(NONE_KASAN_WINDOW, top, 0);
    /* The heap's memory belongs to no block yet. */
    uintptr_t heap_start = (heap + KASAN_GRANULE - 1) & ~(uintptr_t)(KASAN_GRANULE - 1);
    none_kasan_fill(NONE_KASAN_WINDOW + heap_start, (shadow_phys - heap_start) & ~7ULL,
                    KASAN_HEAP_UNOWNED);
    none_kasan_ready = 1;
}

/* ---- The checks. */

/* The first poisoned byte of [p, end), or 0. */
static uintptr_t first_bad_byte(uintptr_t p, uintptr_t end)
{
    while (p < end) {
        if (!(p & 63) && end - p >= 64 && *(const uint64_t *)kasan_shadow(p) == 0) {
            p += 64;
            continue;
        }
        int8_t s = (int8_t)*kasan_shadow(p);
        if (s == 0) {
            p = (p | 7) + 1;
            continue;
        }
        if (s < 0 || (int8_t)(p & 7) >= s)
            return p;
        p++;
    }
    return 0;
}

/* The kind of a bad access, from the poisoned byte's shadow. */
static const char *kind_of(uintptr_t bad)
{
    uint8_t s = *kasan_shadow(bad);
    if (s < 0x80) /* a granule's inaccessible tail: the next granule says why */
        s = *kasan_shadow(bad + KASAN_GRANULE);
    switch (s) {
    case KASAN_HEAP_REDZONE:
        return "heap-out-of-bounds";
    case KASAN_HEAP_FREED:
        return "use-after-free";
    case KASAN_HEAP_UNOWNED:
        return "wild-heap-access";
    case KASAN_PROGRAM_POISON:
        return "use-of-poisoned-memory";
    case KASAN_GLOBAL_REDZONE:
        return "global-out-of-bounds";
    case KASAN_STACK_LEFT:
    case KASAN_STACK_MID:
    case KASAN_STACK_RIGHT:
        return "stack-out-of-bounds";
    case KASAN_STACK_AFTER_RETURN:
        return "stack-use-after-return";
    case KASAN_STACK_AFTER_SCOPE:
        return "stack-use-after-scope";
    case KASAN_ALLOCA_LEFT:
    case KASAN_ALLOCA_RIGHT:
        return "alloca-out-of-bounds";
    default:
        return "out-of-bounds";
    }
}


static void report_start(const char *kind)
{
    covered = 0; /* nothing more is checked: the report's own accesses */
    none_qemu_printf("==================================================================\n"
                     "BUG: KASAN: %s\n",
                     kind);
}

static _Noreturn void report_end(void)
{
    none_qemu_printf("==================================================================\n");
    none_qemu_exit(NONE_EXIT_KASAN);
}

/* The place: the access's return address, then the chain above it. */
static void print_place(uint64_t fp)
{
    uint64_t trace[NONE_BACKTRACE_MAX];
    none_qemu_print_trace(0, trace, none_qemu_walk_frames(fp, trace, NONE_BACKTRACE_MAX));
}

static _Noreturn void report_access(uintptr_t p, size_t size, int is_write, uintptr_t bad,
                                    uint64_t fp)
{
    report_start(kind_of(bad));
    none_qemu_printf("%s of size %zu at addr 0x%llx\n", is_write ? "Write" : "Read", size,
                     (unsigned long long)p);
    print_place(fp);
    if (!none_kasan_describe_heap(bad)) {
        none_kasan_describe_global(bad);
        none_kasan_describe_stack(bad);
    }
    report_end();
}

_Noreturn void none_kasan_report_free(const char *kind, uintptr_t p, uint64_t fp)
{
    report_start(kind);
    none_qemu_printf("Free of addr 0x%llx\n", (unsigned long long)p);
    print_place(fp);
    if (!none_kasan_describe_heap(p))
        none_qemu_printf("The address is not the start of a block of a checked heap\n");
    report_end();
}

void none_kasan_check(uintptr_t p, size_t size, int is_write, uint64_t fp)
{
    if (!size || !covered || p - NONE_KASAN_WINDOW >= covered)
        return;
    uintptr_t end = p + size;
    if (end < p || end - NONE_KASAN_WINDOW > covered)
        end = NONE_KASAN_WINDOW + covered;
    uintptr_t bad = first_bad_byte(p, end);
    if (bad)
        report_access(p, size, is_write, bad, fp);
}

/* One access of 1-16 bytes: one shadow byte to read in the usual case. */
static inline __attribute__((always_inline)) void check_small(uintptr_t p, size_t size,
                                                              int is_write, uint64_t fp)
{
    if (p - NONE_KASAN_WINDOW >= covered)
        return;
    if ((p & 7) + size <= 8 && *kasan_shadow(p) == 0)
        return;
    if (size == 16 && !(p & 7) && *(const uint16_t *)kasan_shadow(p) == 0)
        return;
    none_kasan_check(p, size, is_write, fp);
}

/* __asan_{load,store}N_noabort (GCC's KASAN is recoverable) and the
 * plain names (-fno-sanitize-recover): a report ends the program either
 * way. */
#define SIZED_CHECKS(n)                                                              \
    void __asan_load##n##_noabort(uintptr_t p);                                      \
    void __asan_store##n##_noabort(uintptr_t p);                                     \
    void __asan_load##n##_noabort(uintptr_t p)                                       \
    {                                                                                \
        check_small(p, n, 0, KASAN_ENTRY_FRAME());                                   \
    }                                                                                \
    void __asan_store##n##_noabort(uintptr_t p)                                      \
    {                                                                                \
        check_small(p, n, 1, KASAN_ENTRY_FRAME());                                   \
    }                                                                                \
    void __asan_load##n(uintptr_t p) __attribute__((alias("__asan_load" #n "_noabort")));   \
    void __asan_store##n(uintptr_t p) __attribute__((alias("__asan_store" #n "_noabort")));

SIZED_CHECKS(1)
SIZED_CHECKS(2)
SIZED_CHECKS(4)
SIZED_CHECKS(8)
SIZED_CHECKS(16)

void __asan_loadN_noabort(uintptr_t p, size_t size);
void __asan_storeN_noabort(uintptr_t p, size_t size);
void __asan_loadN_noabort(uintptr_t p, size_t size)
{
    none_kasan_check(p, size, 0, KASAN_ENTRY_FRAME());
}
void __asan_storeN_noabort(uintptr_t p, size_t size)
{
    none_kasan_check(p, size, 1, KASAN_ENTRY_FRAME());
}
void __asan_loadN(uintptr_t p, size_t size) __attribute__((alias("__asan_loadN_noabort")));
void __asan_storeN(uintptr_t p, size_t size) __attribute__((alias("__asan_storeN_noabort")));

void none_kasan_check_read(const volatile void *p, size_t size)
{
    none_kasan_check((uintptr_t)p, size, 0, KASAN_ENTRY_FRAME());
}

void none_kasan_check_write(const volatile void *p, size_t size)
{
    none_kasan_check((uintptr_t)p, size, 1, KASAN_ENTRY_FRAME());
}

void none_kasan_poison(const volatile void *p, size_t size)
{
    uintptr_t start = ((uintptr_t)p + 7) & ~(uintptr_t)7;
    uintptr_t end = ((uintptr_t)p + size) & ~(uintptr_t)7;
    if (end > start)
        none_kasan_fill(start, end - start, KASAN_PROGRAM_POISON);
}

void none_kasan_unpoison(const volatile void *p, size_t size)
{
    uintptr_t start = (uintptr_t)p & ~(uintptr_t)7;
    none_kasan_open(start, size + ((uintptr_t)p - start));
}
