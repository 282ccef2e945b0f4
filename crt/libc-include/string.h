/* <string.h> for x86_64-none: what C23 requires of a freestanding
 * implementation (all of <string.h> except strcoll, strdup, strerror,
 * strndup, strtok and strxfrm), implemented in libnone.a under the
 * target rules.  The kit installs it after GCC's own headers; a C library
 * built for the target (newlib) comes first and replaces it.
 */
#ifndef X86_64_NONE_STRING_H
#define X86_64_NONE_STRING_H

#define __need_size_t
#define __need_NULL
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#define X86_64_NONE_RESTRICT __restrict
#else
#define X86_64_NONE_RESTRICT restrict
#endif

void *memcpy(void *X86_64_NONE_RESTRICT dst, const void *X86_64_NONE_RESTRICT src, size_t n);
void *memccpy(void *X86_64_NONE_RESTRICT dst, const void *X86_64_NONE_RESTRICT src, int c,
              size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
void *memset_explicit(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
char *strcpy(char *X86_64_NONE_RESTRICT dst, const char *X86_64_NONE_RESTRICT src);
char *strncpy(char *X86_64_NONE_RESTRICT dst, const char *X86_64_NONE_RESTRICT src, size_t n);
char *strcat(char *X86_64_NONE_RESTRICT dst, const char *X86_64_NONE_RESTRICT src);
char *strncat(char *X86_64_NONE_RESTRICT dst, const char *X86_64_NONE_RESTRICT src, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strstr(const char *haystack, const char *needle);

#ifdef __cplusplus
}
#elif defined __STDC_VERSION__ && __STDC_VERSION__ > 201710L
/* C23's generic search functions: the result is const when the searched
 * argument is.  The conditional expression is const void * exactly when
 * PTR points to const. */
#define X86_64_NONE_CONST_GENERIC(ptr, const_type, call) \
    _Generic(0 ? (ptr) : (void *)1, const void *: (const_type)(call), default: (call))
#define memchr(s, c, n) X86_64_NONE_CONST_GENERIC(s, const void *, memchr(s, c, n))
#define strchr(s, c) X86_64_NONE_CONST_GENERIC(s, const char *, strchr(s, c))
#define strrchr(s, c) X86_64_NONE_CONST_GENERIC(s, const char *, strrchr(s, c))
#define strpbrk(s, a) X86_64_NONE_CONST_GENERIC(s, const char *, strpbrk(s, a))
#define strstr(s, n) X86_64_NONE_CONST_GENERIC(s, const char *, strstr(s, n))
#endif

#endif
