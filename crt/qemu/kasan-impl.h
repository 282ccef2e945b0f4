/* The QEMU board's KASAN runtime (libnone-kasan.a), shared by its files:
 * kasan.c (shadow memory, the checks the compiler calls, reports),
 * kasan-globals.c and kasan-stack.c (what the compiler calls for them),
 * kasan-heap.c (the allocators' redzones and quarantine), kasan-newlib.c
 * (newlib's malloc family), kasan-string.c (the C library's mem* and str*
 * functions).  Built without instrumentation, with frame pointers. */
#ifndef X86_64_NONE_KASAN_IMPL_H
#define X86_64_NONE_KASAN_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <x86_64-none/kasan.h>

#define KASAN_GRANULE 8

/* Shadow byte values for poisoned memory (0x80-0xff): Linux's generic
 * KASAN's where it has one; the compiler's own for the stack. */
#define KASAN_HEAP_UNOWNED 0xff   /* heap memory no block owns */
#define KASAN_PROGRAM_POISON 0xfe /* none_kasan_poison() */
#define KASAN_HEAP_REDZONE 0xfc   /* before and after a heap block */
#define KASAN_HEAP_FREED 0xfb     /* a freed block (in quarantine) */
#define KASAN_GLOBAL_REDZONE 0xf9 /* after a global */
#define KASAN_STACK_LEFT 0xf1     /* GCC's stack redzones */
#define KASAN_STACK_MID 0xf2
#define KASAN_STACK_RIGHT 0xf3
#define KASAN_STACK_AFTER_RETURN 0xf5
#define KASAN_STACK_AFTER_SCOPE 0xf8
#define KASAN_ALLOCA_LEFT 0xca
#define KASAN_ALLOCA_RIGHT 0xcb

/* Return addresses kept of where a block was allocated and freed. */
#define KASAN_TRACE_DEPTH 4

/* Has the shadow been set up?  Until then no access is checked.  Sets
 * it up (idempotent). */
extern int none_kasan_ready;
void none_kasan_init(void);
/* Where the heap started (physical, the low address) at set-up. */
extern uintptr_t none_kasan_heap_start;

/* The shadow byte's address of address a (<x86_64-none/kasan.h>'s
 * formula); a macro too, for kasan.c's constant expressions. */
#define KASAN_SHADOW_ADDR(a) (((a) >> 3) + NONE_KASAN_SHADOW_OFFSET)
static inline uint8_t *kasan_shadow(uintptr_t a)
{
    return (uint8_t *)(uintptr_t)KASAN_SHADOW_ADDR(a);
}

/* Is [p, p + size) in the checked window (with shadow behind it)? */
int none_kasan_covered(uintptr_t p, size_t size);
/* Sets the shadow of [p, p + size) to value (p and size multiples of 8). */
void none_kasan_fill(uintptr_t p, size_t size, uint8_t value);
/* Marks [p, p + size) accessible, p a multiple of 8: the last granule
 * partly if size is not a multiple of 8. */
void none_kasan_open(uintptr_t p, size_t size);

/* Checks [p, p + size) for an access of the program; reports (and ends
 * the program) if a byte of it is poisoned.  fp: the frame pointer of the
 * runtime function the program called (its return address is the
 * access's place). */
void none_kasan_check(uintptr_t p, size_t size, int is_write, uint64_t fp);

/* Collects the caller's trace: return addresses from frame fp up. */
int none_kasan_trace(uint64_t fp, uint64_t *out);

/* A heap block's report details (kasan-heap.c): prints where the address
 * lies relative to the block that holds it, with the block's traces;
 * false if no block holds it. */
int none_kasan_describe_heap(uintptr_t address);

/* A report's line on the global or the stack variable (of the stack's
 * instrumented frames) that address is part of, if it is one
 * (kasan-globals.c, kasan-stack.c). */
void none_kasan_describe_global(uintptr_t address);
void none_kasan_describe_stack(uintptr_t address);

/* Reports a bad free (kind: "double-free", "invalid-free") of p and ends
 * the program. */
_Noreturn void none_kasan_report_free(const char *kind, uintptr_t p, uint64_t fp);

/* The frame pointer of the function that calls this macro: a runtime
 * entry point, built with frame pointers. */
#define KASAN_ENTRY_FRAME() ((uint64_t)(uintptr_t)__builtin_frame_address(0))

/* The two allocators under the checked heap: the board's none_alloc and
 * newlib's malloc.  acquire returns a block of at least size bytes
 * aligned to align (a power of two), or 0; release gives it back. */
struct kasan_heap {
    const char *name;
    void *(*acquire)(size_t size, size_t align);
    void (*release)(void *block);
    /* For blocks uninstrumented code took itself (low addresses):
     * realloc and the usable size, or 0. */
    void *(*resize)(void *block, size_t size);
    size_t (*usable)(void *block);
};

void *none_kasan_alloc(const struct kasan_heap *heap, size_t size, size_t align, uint64_t fp);
/* 0 for NULL; else frees p (reports a double or invalid free). */
void none_kasan_free(const struct kasan_heap *heap, void *p, uint64_t fp);
void *none_kasan_realloc(const struct kasan_heap *heap, void *p, size_t size, uint64_t fp);
void *none_kasan_calloc(const struct kasan_heap *heap, size_t count, size_t size, uint64_t fp);
/* The requested size of block p (0 for NULL); reports an invalid pointer. */
size_t none_kasan_usable_size(const struct kasan_heap *heap, void *p, uint64_t fp);

#endif
