/* The runtime's string functions as built for the host (kit-string.c). */
#ifndef KIT_STRING_H
#define KIT_STRING_H
#include <stddef.h>
void *kit_memcpy(void *restrict dst, const void *restrict src, size_t n);
void *kit_memmove(void *dst, const void *src, size_t n);
void *kit_memset(void *dst, int c, size_t n);
int kit_memcmp(const void *a, const void *b, size_t n);
int kit_bcmp(const void *a, const void *b, size_t n);
/* Test hook: what the runtime believes of the CPU (the CPU_* bits of
 * crt/copy-cpu.h; 0 means "ask CPUID again"). */
#include "../crt/copy-cpu.h"
void kit_set_cpu_copy_flags(unsigned flags);
#endif
