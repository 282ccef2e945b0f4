/* The runtime's string functions as built for the host (kit-string.c). */
#ifndef KIT_STRING_H
#define KIT_STRING_H
#include <stddef.h>
void *kit_memcpy(void *restrict dst, const void *restrict src, size_t n);
void *kit_memmove(void *dst, const void *src, size_t n);
void *kit_memset(void *dst, int c, size_t n);
int kit_memcmp(const void *a, const void *b, size_t n);
int kit_bcmp(const void *a, const void *b, size_t n);
/* The rest of C23's freestanding <string.h>, and memalignment (cstring.c). */
void *kit_memccpy(void *restrict dst, const void *restrict src, int c, size_t n);
void *kit_memchr(const void *s, int c, size_t n);
void *kit_memset_explicit(void *dst, int c, size_t n);
size_t kit_strlen(const char *s);
char *kit_strcpy(char *restrict dst, const char *restrict src);
char *kit_strncpy(char *restrict dst, const char *restrict src, size_t n);
char *kit_strcat(char *restrict dst, const char *restrict src);
char *kit_strncat(char *restrict dst, const char *restrict src, size_t n);
int kit_strcmp(const char *a, const char *b);
int kit_strncmp(const char *a, const char *b, size_t n);
char *kit_strchr(const char *s, int c);
char *kit_strrchr(const char *s, int c);
size_t kit_strspn(const char *s, const char *accept);
size_t kit_strcspn(const char *s, const char *reject);
char *kit_strpbrk(const char *s, const char *accept);
char *kit_strstr(const char *haystack, const char *needle);
size_t kit_memalignment(const void *p);
/* Test hook: what the runtime believes of the CPU (the CPU_* bits of
 * crt/copy-cpu.h; 0 means "ask CPUID again"). */
#include "../crt/copy-cpu.h"
void kit_set_cpu_copy_flags(unsigned flags);
/* What it believes now (asking CPUID first if it has not yet). */
unsigned kit_get_cpu_copy_flags(void);
#endif
