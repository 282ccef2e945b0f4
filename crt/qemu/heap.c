/* The QEMU board's heap: the largest piece of RAM above the program
 * image that the boot memory map reports, within the first 4 GiB (which
 * the boot stub maps 1:1), and clear of the boot information (a loader
 * such as GRUB leaves its information structure, command line and
 * modules in RAM the map calls free).  none_sbrk() hands it out from the
 * bottom up; newlib's _sbrk (the system layer) and the board allocator
 * below both take from it, so the two can be used in one program.
 *
 * none_alloc()/none_free() are what the C++ runtime's operator new and
 * delete use (<x86_64-none/heap.h>): a first-fit free list with
 * coalescing of neighbours, any power-of-two alignment. */
#include <stdint.h>
#include <string.h>
#include <x86_64-none/boot.h>
#include <x86_64-none/heap.h>
#include <x86_64-none/panic.h>
#include "board.h"

extern char __image_end_phys[]; /* from the kit's linker script */

#define IDENTITY_MAPPED_END (4ULL << 30)
#define PAGE 4096ULL
#define RESERVED_MAX 64

static uintptr_t heap_start, heap_break, heap_end;
static int heap_ready;

/* The boot information's ranges, page-rounded, sorted by address. */
static struct none_mem_range reserved[RESERVED_MAX];
static int reserved_count;

static void add_reserved(const struct none_mem_range *r, void *arg)
{
    (void)arg;
    if (reserved_count == RESERVED_MAX)
        none_panic("the boot information has over 64 pieces (too many modules) for the heap to avoid");
    struct none_mem_range page = {r->addr & ~(PAGE - 1), 0};
    page.size = ((r->addr + r->size + PAGE - 1) & ~(PAGE - 1)) - page.addr;
    int i = reserved_count++;
    for (; i > 0 && reserved[i - 1].addr > page.addr; i--)
        reserved[i] = reserved[i - 1];
    reserved[i] = page;
}

static void consider(struct none_mem_range *best, uint64_t start, uint64_t end)
{
    if (end > start && end - start > best->size) {
        best->addr = start;
        best->size = end - start;
    }
}

/* The gaps between reserved ranges within one RAM range. */
static void keep_largest(const struct none_mem_range *r, void *arg)
{
    struct none_mem_range *best = arg;
    uint64_t floor = ((uint64_t)(uintptr_t)__image_end_phys + PAGE - 1) & ~(PAGE - 1);
    uint64_t start = r->addr < floor ? floor : r->addr;
    uint64_t end = r->addr + r->size;
    if (end > IDENTITY_MAPPED_END)
        end = IDENTITY_MAPPED_END;
    for (int i = 0; i < reserved_count && start < end; i++) {
        uint64_t lo = reserved[i].addr, hi = lo + reserved[i].size;
        if (hi <= start || lo >= end)
            continue;
        consider(best, start, lo);
        start = hi;
    }
    consider(best, start, end);
}

static void heap_init(void)
{
    struct none_mem_range best = {0, 0};
    none_boot_reserved(add_reserved, 0);
    none_boot_memory_map(keep_largest, &best);
    /* Address 0 is never handed out: NULL must stay distinct. */
    if (best.addr == 0 && best.size >= PAGE) {
        best.addr += PAGE;
        best.size -= PAGE;
    }
    heap_start = heap_break = (uintptr_t)best.addr;
    heap_end = (uintptr_t)(best.addr + best.size);
    heap_ready = 1;
}

void *none_sbrk(intptr_t increment)
{
    if (!heap_ready)
        heap_init();
    uintptr_t old = heap_break;
    if (increment > 0 ? (uintptr_t)increment > heap_end - old
                      : (uintptr_t)-increment > old - heap_start)
        return (void *)-1;
    heap_break = old + (uintptr_t)increment;
    return (void *)old;
}

void none_heap_limit(uintptr_t end)
{
    if (!heap_ready)
        heap_init();
    if (heap_end > end)
        heap_end = end > heap_start ? end : heap_start;
    if (heap_break > heap_end)
        heap_break = heap_end;
}

uintptr_t none_heap_take_top(size_t size, size_t align)
{
    if (!heap_ready)
        heap_init();
    if (heap_break != heap_start || size > heap_end - heap_start)
        return 0;
    uintptr_t top = (heap_end - size) & ~(uintptr_t)(align - 1);
    if (top < heap_start)
        return 0;
    heap_end = top;
    return top;
}

size_t none_heap_size(void)
{
    if (!heap_ready)
        heap_init();
    return heap_end - heap_start;
}

/* A block: its header sits right before the payload.  Free blocks are
 * kept sorted by address so neighbours merge. */
struct block {
    size_t size;        /* whole block, header included */
    struct block *next; /* next free block (free blocks only) */
};

#define HEADER sizeof(struct block)
#define GRAIN 16
#define MORECORE_MIN (64 * 1024)

static struct block *free_list;

/* Put [b, b+size) on the free list, merging with the neighbours. */
static void release(struct block *b)
{
    struct block **p = &free_list;
    while (*p && *p < b)
        p = &(*p)->next;
    b->next = *p;
    *p = b;
    if (b->next && (char *)b + b->size == (char *)b->next) {
        b->size += b->next->size;
        b->next = b->next->next;
    }
    if (p != &free_list) {
        struct block *prev = (struct block *)((char *)p - offsetof(struct block, next));
        if ((char *)prev + prev->size == (char *)b) {
            prev->size += b->size;
            prev->next = b->next;
        }
    }
}

static int grow(size_t need)
{
    size_t bytes = round_up(need + 2 * GRAIN > MORECORE_MIN ? need + 2 * GRAIN : MORECORE_MIN,
                            PAGE);
    char *p = none_sbrk((intptr_t)bytes);
    if (p == (char *)-1)
        return 0;
    /* Keep blocks GRAIN-aligned whatever newlib's sbrk calls left. */
    char *aligned = (char *)round_up((uintptr_t)p, GRAIN);
    struct block *b = (struct block *)aligned;
    b->size = bytes - (size_t)(aligned - p);
    b->size &= ~(size_t)(GRAIN - 1);
    release(b);
    return 1;
}

/* Carve an aligned payload of n bytes out of free block *p, or fail. */
static void *carve(struct block **p, size_t n, size_t align)
{
    struct block *b = *p;
    uintptr_t payload = round_up((uintptr_t)b + HEADER, align);
    /* A gap before the payload must hold a free block of its own. */
    while (payload - HEADER != (uintptr_t)b && payload - HEADER - (uintptr_t)b < HEADER + GRAIN)
        payload += align;
    uintptr_t end = payload + n;
    if (end > (uintptr_t)b + b->size)
        return NULL;
    struct block *next = b->next;
    size_t total = b->size;
    *p = next;
    if (payload - HEADER != (uintptr_t)b) {
        b->size = payload - HEADER - (uintptr_t)b;
        release(b);
    }
    struct block *used = (struct block *)(payload - HEADER);
    uintptr_t block_end = (uintptr_t)b + total;
    used->size = end - (uintptr_t)used;
    if (block_end - end >= HEADER + GRAIN) {
        struct block *rest = (struct block *)end;
        rest->size = block_end - end;
        release(rest);
    } else {
        used->size = block_end - (uintptr_t)used;
    }
    return (void *)payload;
}

void *none_alloc(size_t size, size_t align)
{
    if (align < GRAIN)
        align = GRAIN;
    if (align & (align - 1) || size > SIZE_MAX / 2)
        return NULL;
    size_t n = round_up(size ? size : 1, GRAIN);
    for (int attempt = 0; attempt < 2; attempt++) {
        for (struct block **p = &free_list; *p; p = &(*p)->next) {
            void *r = carve(p, n, align);
            if (r)
                return r;
        }
        if (!grow(n + align + HEADER))
            return NULL;
    }
    return NULL;
}

void none_free(void *ptr)
{
    if (ptr)
        release((struct block *)((char *)ptr - HEADER));
}
