/* KASAN's heap for newlib (--specs=newlib.specs or nano.specs): the
 * program's calls of malloc and its family come here (newlib.specs and
 * nano.specs name them for the linker's --wrap), and get checked blocks
 * (kasan-heap.c) made of newlib's own: _memalign_r and _free_r, which
 * are not wrapped, so newlib's allocator works as it always does.
 * newlib's calls of its reentrant forms (_malloc_r for stdio's buffers,
 * strdup, ...) are not wrapped either: those blocks are not checked, and
 * a free() of one goes straight to newlib. */
#include <errno.h>
#include <malloc.h>
#include <reent.h>
#include <stdint.h>
#include <stdlib.h>
#include "kasan-impl.h"

static void *newlib_acquire(size_t size, size_t align)
{
    return _memalign_r(_REENT, align, size);
}

static void newlib_release(void *block)
{
    _free_r(_REENT, block);
}

static void *newlib_resize(void *block, size_t size)
{
    return _realloc_r(_REENT, block, size);
}

static size_t newlib_usable(void *block)
{
    return _malloc_usable_size_r(_REENT, block);
}

static const struct kasan_heap newlib_heap = {"newlib malloc heap", newlib_acquire,
                                              newlib_release, newlib_resize, newlib_usable};

/* newlib's malloc sets errno when it fails; so do these. */
static void *or_enomem(void *p, size_t size)
{
    if (!p && size)
        errno = ENOMEM;
    return p;
}

void *__wrap_malloc(size_t size);
void __wrap_free(void *p);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *p, size_t size);
void *__wrap_reallocf(void *p, size_t size);
void *__wrap_memalign(size_t align, size_t size);
void *__wrap_aligned_alloc(size_t align, size_t size);
int __wrap_posix_memalign(void **out, size_t align, size_t size);
void *__wrap_valloc(size_t size);
void *__wrap_pvalloc(size_t size);
size_t __wrap_malloc_usable_size(void *p);

void *__wrap_malloc(size_t size)
{
    return or_enomem(none_kasan_alloc(&newlib_heap, size, 16, KASAN_ENTRY_FRAME()), 1);
}

void __wrap_free(void *p)
{
    none_kasan_free(&newlib_heap, p, KASAN_ENTRY_FRAME());
}

void *__wrap_calloc(size_t count, size_t size)
{
    return or_enomem(none_kasan_calloc(&newlib_heap, count, size, KASAN_ENTRY_FRAME()), 1);
}

void *__wrap_realloc(void *p, size_t size)
{
    return or_enomem(none_kasan_realloc(&newlib_heap, p, size, KASAN_ENTRY_FRAME()), size);
}

void *__wrap_reallocf(void *p, size_t size)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    void *q = none_kasan_realloc(&newlib_heap, p, size, fp);
    if (!q && size)
        none_kasan_free(&newlib_heap, p, fp);
    return or_enomem(q, size);
}

void *__wrap_memalign(size_t align, size_t size)
{
    return or_enomem(none_kasan_alloc(&newlib_heap, size, align, KASAN_ENTRY_FRAME()), 1);
}

void *__wrap_aligned_alloc(size_t align, size_t size)
{
    return or_enomem(none_kasan_alloc(&newlib_heap, size, align, KASAN_ENTRY_FRAME()), 1);
}

int __wrap_posix_memalign(void **out, size_t align, size_t size)
{
    if (align < sizeof(void *) || align & (align - 1))
        return EINVAL;
    void *p = none_kasan_alloc(&newlib_heap, size, align, KASAN_ENTRY_FRAME());
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

void *__wrap_valloc(size_t size)
{
    return or_enomem(none_kasan_alloc(&newlib_heap, size, 4096, KASAN_ENTRY_FRAME()), 1);
}

void *__wrap_pvalloc(size_t size)
{
    size_t pages = (size + 4095) & ~(size_t)4095;
    return or_enomem(none_kasan_alloc(&newlib_heap, pages, 4096, KASAN_ENTRY_FRAME()), 1);
}

size_t __wrap_malloc_usable_size(void *p)
{
    return none_kasan_usable_size(&newlib_heap, p, KASAN_ENTRY_FRAME());
}
