/* x86_64-none heap hooks: what the C++ runtime's operator new and delete
 * (and a program) allocate with.
 *
 * The QEMU board (--specs=qemu.specs) provides them over the RAM the boot
 * memory map reports.  A program on its own board defines none_alloc and
 * none_free itself; without them, operator new panics ("no heap") and the
 * nothrow forms return NULL.
 */
#ifndef X86_64_NONE_HEAP_H
#define X86_64_NONE_HEAP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* size bytes aligned to align (a power of two), or NULL. */
void *none_alloc(size_t size, size_t align);
/* Gives back a block from none_alloc; NULL is ignored. */
void none_free(void *ptr);

/* The QEMU board only: move the heap's break by increment bytes and
 * return the old break, or (void *)-1 when the heap is exhausted (what
 * newlib's _sbrk needs); and the heap's whole size. */
void *none_sbrk(intptr_t increment);
size_t none_heap_size(void);

#ifdef __cplusplus
}
#endif

#endif
