/* The KASAN cases (kasan.test): each program does one bad access, marked
 * on its line by a comment "KASAN: KIND ACCESS SIZE FUNCTION" (ACCESS is
 * Read, Write or Free); lines marked "KASAN-ALLOC" and "KASAN-FREE" are
 * where the block was allocated and freed, and "KASAN-WHERE: TEXT" says
 * where the report puts the address ("0 bytes to the right of the
 * 10-byte region").  The heap cases use the
 * board's allocator, or newlib's malloc when built with -DCASE_NEWLIB. */
#ifndef KASAN_CASE_H
#define KASAN_CASE_H

#include <stddef.h>
#include <x86_64-none/heap.h>

#ifdef CASE_NEWLIB
#include <stdlib.h>
#define case_alloc(n) malloc(n)
#define case_free(p) free(p)
#else
#define case_alloc(n) none_alloc((n), 16)
#define case_free(p) none_free(p)
#endif

#define NOINLINE __attribute__((noipa)) /* not inlined, not cloned */

/* Sizes and indexes the compiler cannot see through. */
static inline size_t hidden(size_t n)
{
    volatile size_t v = n;
    return v;
}

#endif
