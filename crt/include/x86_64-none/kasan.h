/* x86_64-none KASAN on the QEMU board: x86_64-none-gcc --specs=qemu.specs
 * -fsanitize=kernel-address (docs/debugging.md, "KASAN").
 *
 * The kit's KASAN is Linux's generic KASAN in outline mode: the compiler
 * calls __asan_load<N>/__asan_store<N> before each access, and writes the
 * shadow of stack redzones itself, at
 *
 *     shadow(address) = (address >> 3) + NONE_KASAN_SHADOW_OFFSET
 *
 * one shadow byte for 8 bytes of memory (0: all 8 accessible, 1-7: the
 * first N, 0x80-0xff: none).  The offset is Linux's for x86-64, so the
 * image's shadow (the top 2 GiB) sits where Linux has it.  x86_64-none.specs
 * gives the compiler the offset and the outline mode.
 *
 * What is checked is the checked window: the top 2 GiB's first GiB,
 * NONE_KASAN_WINDOW, where the boot stub maps physical 0-1 GiB, which
 * holds the program image (code, globals, stack) and, under KASAN, the heap:
 * the board's allocator (none_alloc) and newlib's malloc hand out
 * addresses there.  Accesses elsewhere (low identity-mapped memory, MMIO,
 * a program's own mappings) are not checked.
 */
#ifndef X86_64_NONE_KASAN_H
#define X86_64_NONE_KASAN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NONE_KASAN_SHADOW_OFFSET 0xdffffc0000000000ULL
#define NONE_KASAN_WINDOW 0xffffffff80000000ULL
#define NONE_KASAN_WINDOW_SIZE (1ULL << 30)

/* Checks an access the compiler cannot see (assembly, a DMA buffer handed
 * to a device): reports and exits as an instrumented access would. */
void none_kasan_check_read(const volatile void *p, size_t size);
void none_kasan_check_write(const volatile void *p, size_t size);

/* Marks memory a program manages itself (a pool of its own) accessible
 * or not; the range must lie in the checked window (else nothing
 * happens), poison rounds the start up and unpoison the end up to 8. */
void none_kasan_poison(const volatile void *p, size_t size);
void none_kasan_unpoison(const volatile void *p, size_t size);

#ifdef __cplusplus
}
#endif

#endif
