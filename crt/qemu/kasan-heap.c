/* KASAN's heap: a block of the board's allocator or of newlib's malloc,
 * taken with room for a redzone either side and handed out in the
 * checked window (the same physical memory, at its address in the top
 * 2 GiB), so that every access to it is checked:
 *
 *   [left redzone: padding, struct block][payload: size bytes][right redzone]
 *
 * The redzones are poisoned, the payload open; a freed block is poisoned
 * and waits in a quarantine (first in, first out, up to a 32nd of the
 * heap) before its memory goes back to its allocator, so that a use after
 * free finds it poisoned.  Every block not yet given back is on a list,
 * for the report to say where an address lies and where its block was
 * allocated and freed.
 *
 * Blocks that uninstrumented code got from the allocators directly (newlib's
 * own _malloc_r for stdio and strdup, say) keep their low addresses:
 * they are not checked, and freeing one goes straight to its allocator. */
#include <stdint.h>
#include <x86_64-none/heap.h>
#include <x86_64-none/panic.h>
#include "board.h"
#include "kasan-impl.h"

/* The runtime's memset, under qemu.specs' --wrap=memset for KASAN. */
void *__real_memset(void *p, int c, size_t n);

#define LEFT_REDZONE 128
#define RIGHT_REDZONE 32
#define BLOCK_LIVE 0x6b6173616e4c4956ULL  /* "VILnasak" */
#define BLOCK_FREED 0x6b6173616e465245ULL /* "ERFnasak" */

struct block {
    uint64_t magic; /* BLOCK_LIVE, BLOCK_FREED (in quarantine) */
    size_t size;    /* the payload's, as requested */
    const struct kasan_heap *heap;
    struct block *prev, *next;   /* every block not given back */
    struct block *quarantined;   /* the next younger in quarantine */
    uint32_t left;  /* bytes from the allocator's block to the payload */
    uint32_t total; /* bytes taken from the allocator */
    uint64_t allocated[KASAN_TRACE_DEPTH], freed[KASAN_TRACE_DEPTH];
};
_Static_assert(sizeof(struct block) <= LEFT_REDZONE, "the header fits the left redzone");

static struct block *blocks;
static struct block *quarantine_oldest, *quarantine_youngest;
static size_t quarantine_bytes, quarantine_limit;

static uintptr_t payload_of(const struct block *b)
{
    return (uintptr_t)(b + 1);
}

int none_kasan_trace(uint64_t fp, uint64_t *out)
{
    int n = none_qemu_walk_frames(fp, out, KASAN_TRACE_DEPTH);
    for (int i = n; i < KASAN_TRACE_DEPTH; i++)
        out[i] = 0;
    return n;
}

static int trace_length(const uint64_t *trace)
{
    int n = 0;
    while (n < KASAN_TRACE_DEPTH && trace[n])
        n++;
    return n;
}

static void link_block(struct block *b)
{
    b->prev = 0;
    b->next = blocks;
    if (blocks)
        blocks->prev = b;
    blocks = b;
}

static void unlink_block(struct block *b)
{
    if (b->prev)
        b->prev->next = b->next;
    else
        blocks = b->next;
    if (b->next)
        b->next->prev = b->prev;
}

/* Gives the oldest blocks in quarantine back until it is within its
 * limit.  Their memory stays poisoned (freed, the header's unowned) until
 * a new block takes it. */
static void shrink_quarantine(void)
{
    while (quarantine_bytes > quarantine_limit && quarantine_oldest) {
        struct block *b = quarantine_oldest;
        quarantine_oldest = b->quarantined;
        if (!quarantine_oldest)
            quarantine_youngest = 0;
        quarantine_bytes -= b->total;
        unlink_block(b);
        uintptr_t start = payload_of(b) - b->left;
        none_kasan_fill(start, b->left, KASAN_HEAP_UNOWNED);
        b->magic = 0;
        b->heap->release((void *)(start - NONE_KASAN_WINDOW));
    }
}

void *none_kasan_alloc(const struct kasan_heap *heap, size_t size, size_t align, uint64_t fp)
{
    if (!none_kasan_ready)
        none_kasan_init();
    if (align < 16)
        align = 16;
    if (align & (align - 1) || size > NONE_KASAN_WINDOW_SIZE || align > NONE_KASAN_WINDOW_SIZE)
        return 0;
    size_t left = align > LEFT_REDZONE ? align : LEFT_REDZONE;
    size_t total = left + round_up(size, 16) + RIGHT_REDZONE;
    char *raw = heap->acquire(total, align);
    if (!raw)
        return 0;
    uintptr_t start = (uintptr_t)raw + NONE_KASAN_WINDOW;
    if (!none_kasan_covered(start, total))
        none_panic("KASAN: the allocator gave a block outside the checked window");
    /* Field by field: a structure assignment may become a call of
     * memset, which KASAN checks, on memory not yet open. */
    struct block *b = (struct block *)(start + left) - 1;
    b->magic = BLOCK_LIVE;
    b->size = size;
    b->heap = heap;
    b->quarantined = 0;
    b->left = (uint32_t)left;
    b->total = (uint32_t)total;
    none_kasan_trace(fp, b->allocated);
    for (int i = 0; i < KASAN_TRACE_DEPTH; i++)
        b->freed[i] = 0;
    link_block(b);
    uintptr_t payload = payload_of(b), payload_end = round_up(payload + size, KASAN_GRANULE);
    none_kasan_fill(start, left, KASAN_HEAP_REDZONE);
    none_kasan_open(payload, size);
    none_kasan_fill(payload_end, start + total - payload_end, KASAN_HEAP_REDZONE);
    return (void *)payload;
}

/* The block whose payload starts at p, or 0: its header's magic, behind
 * a poisoned left redzone. */
static struct block *block_at(uintptr_t p)
{
    if (p & 15 || !none_kasan_covered(p - LEFT_REDZONE, LEFT_REDZONE))
        return 0;
    struct block *b = (struct block *)p - 1;
    if (b->magic != BLOCK_LIVE && b->magic != BLOCK_FREED)
        return 0;
    return b->left >= LEFT_REDZONE && b->total > b->left ? b : 0;
}

/* Is p a block that uninstrumented code took from an allocator itself
 * (a low address, in the heap)? */
static int unchecked_block(uintptr_t p)
{
    return p >= none_kasan_heap_start && p < (uintptr_t)none_sbrk(0);
}

/* The block p names, for free and realloc; reports a bad one. */
static struct block *block_to_free(const struct kasan_heap *heap, uintptr_t p, uint64_t fp)
{
    struct block *b = block_at(p);
    if (!b)
        none_kasan_report_free("invalid-free", p, fp);
    if (b->magic == BLOCK_FREED)
        none_kasan_report_free("double-free", p, fp);
    if (b->heap != heap)
        none_kasan_report_free("invalid-free (the block is another allocator's)", p, fp);
    return b;
}

static void quarantine(struct block *b, uint64_t fp)
{
    b->magic = BLOCK_FREED;
    none_kasan_trace(fp, b->freed);
    uintptr_t payload = payload_of(b);
    none_kasan_fill(payload, b->total - b->left, KASAN_HEAP_FREED);
    b->quarantined = 0;
    if (quarantine_youngest)
        quarantine_youngest->quarantined = b;
    else
        quarantine_oldest = b;
    quarantine_youngest = b;
    quarantine_bytes += b->total;
    if (!quarantine_limit)
        quarantine_limit = none_heap_size() / 32;
    shrink_quarantine();
}

void none_kasan_free(const struct kasan_heap *heap, void *p, uint64_t fp)
{
    if (!p)
        return;
    if (unchecked_block((uintptr_t)p)) {
        heap->release(p);
        return;
    }
    quarantine(block_to_free(heap, (uintptr_t)p, fp), fp);
}

/* Copies n bytes between payloads (not checked: both are open). */
static void copy(char *to, const char *from, size_t n)
{
    while (n--)
        *to++ = *from++;
}

void *none_kasan_realloc(const struct kasan_heap *heap, void *p, size_t size, uint64_t fp)
{
    if (!p)
        return none_kasan_alloc(heap, size, 16, fp);
    if (unchecked_block((uintptr_t)p))
        return heap->resize ? heap->resize(p, size) : 0;
    struct block *b = block_to_free(heap, (uintptr_t)p, fp);
    if (!size) {
        quarantine(b, fp);
        return 0;
    }
    void *q = none_kasan_alloc(heap, size, 16, fp);
    if (!q)
        return 0;
    copy(q, p, size < b->size ? size : b->size);
    quarantine(b, fp);
    return q;
}

void *none_kasan_calloc(const struct kasan_heap *heap, size_t count, size_t size, uint64_t fp)
{
    if (size && count > SIZE_MAX / size)
        return 0;
    void *p = none_kasan_alloc(heap, count * size, 16, fp);
    /* The runtime's memset itself: the block is fresh, nothing to check. */
    return p ? __real_memset(p, 0, count * size) : p;
}

size_t none_kasan_usable_size(const struct kasan_heap *heap, void *p, uint64_t fp)
{
    if (!p)
        return 0;
    if (unchecked_block((uintptr_t)p))
        return heap->usable ? heap->usable(p) : 0;
    struct block *b = block_at((uintptr_t)p);
    if (!b || b->magic != BLOCK_LIVE)
        none_kasan_report_free("invalid-pointer (not a live block)", (uintptr_t)p, fp);
    return b->size;
}

int none_kasan_describe_heap(uintptr_t address)
{
    for (struct block *b = blocks; b; b = b->next) {
        uintptr_t payload = payload_of(b), start = payload - b->left;
        if (address < start || address >= start + b->total)
            continue;
        const char *where = "inside";
        size_t distance = address - payload;
        if (address < payload) {
            where = "to the left of";
            distance = payload - address;
        } else if (address >= payload + b->size) {
            where = "to the right of";
            distance = address - payload - b->size;
        }
        none_qemu_printf("The buggy address is located %zu bytes %s the %s%zu-byte region "
                         "[0x%llx, 0x%llx) of the %s\n",
                         distance, where, b->magic == BLOCK_FREED ? "freed " : "", b->size,
                         (unsigned long long)payload, (unsigned long long)(payload + b->size),
                         b->heap->name);
        none_qemu_print_trace("allocated", b->allocated, trace_length(b->allocated));
        if (b->magic == BLOCK_FREED)
            none_qemu_print_trace("freed", b->freed, trace_length(b->freed));
        return 1;
    }
    return 0;
}

/* ---- The board's allocator (none_alloc/none_free, which operator new
 * and delete use): the linker sends callers here (--wrap). */
void *__real_none_alloc(size_t size, size_t align);
void __real_none_free(void *p);
void *__wrap_none_alloc(size_t size, size_t align);
void __wrap_none_free(void *p);

static void *board_acquire(size_t size, size_t align)
{
    return __real_none_alloc(size, align);
}

static const struct kasan_heap board_heap = {"board heap", board_acquire, __real_none_free, 0, 0};

void *__wrap_none_alloc(size_t size, size_t align)
{
    return none_kasan_alloc(&board_heap, size, align, KASAN_ENTRY_FRAME());
}

void __wrap_none_free(void *p)
{
    none_kasan_free(&board_heap, p, KASAN_ENTRY_FRAME());
}
