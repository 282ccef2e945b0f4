/* KASAN and the C library's memory and string functions: they are not
 * instrumented (the runtime's, newlib's), so the program's calls of them
 * come here first (qemu.specs names them for the linker's --wrap), which
 * checks the bytes each will read and write, as Linux's memcpy & co do
 * under KASAN, then calls the function itself (__real_NAME). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "kasan-impl.h"

#define READ(p, n) none_kasan_check((uintptr_t)(p), (n), 0, fp)
#define WRITE(p, n) none_kasan_check((uintptr_t)(p), (n), 1, fp)

/* The string lengths the checks need, read without checks. */
static size_t length(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static size_t length_within(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

/* Bytes strcmp or strncmp reads of each string: up to the first
 * difference or terminator, at most max. */
static size_t compared(const char *a, const char *b, size_t max)
{
    size_t n = 0;
    while (n < max && a[n] && a[n] == b[n])
        n++;
    return n < max ? n + 1 : max;
}

/* bcmp is not in C's <string.h>; the runtime and newlib have it. */
int bcmp(const void *a, const void *b, size_t n);

/* Each function's own (__real_NAME, the linker's name for it under
 * --wrap=NAME) and the checking one, of the same type. */
#define WRAPPED(name) extern __typeof__(name) __real_##name, __wrap_##name;
WRAPPED(memcpy)
WRAPPED(memmove)
WRAPPED(memset)
WRAPPED(memcmp)
WRAPPED(bcmp)
WRAPPED(memchr)
WRAPPED(strlen)
WRAPPED(strcpy)
WRAPPED(strncpy)
WRAPPED(strcat)
WRAPPED(strncat)
WRAPPED(strcmp)
WRAPPED(strncmp)
WRAPPED(strchr)
WRAPPED(strrchr)

void *__wrap_memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    READ(src, n);
    WRITE(dst, n);
    return __real_memcpy(dst, src, n);
}

void *__wrap_memmove(void *dst, const void *src, size_t n)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    READ(src, n);
    WRITE(dst, n);
    return __real_memmove(dst, src, n);
}

void *__wrap_memset(void *dst, int c, size_t n)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    WRITE(dst, n);
    return __real_memset(dst, c, n);
}

int __wrap_memcmp(const void *a, const void *b, size_t n)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    READ(a, n);
    READ(b, n);
    return __real_memcmp(a, b, n);
}

int __wrap_bcmp(const void *a, const void *b, size_t n)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    READ(a, n);
    READ(b, n);
    return __real_bcmp(a, b, n);
}

void *__wrap_memchr(const void *s, int c, size_t n)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    const char *found = __real_memchr(s, c, n);
    READ(s, found ? (size_t)(found - (const char *)s) + 1 : n);
    return (void *)found;
}

size_t __wrap_strlen(const char *s)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    size_t n = length(s);
    READ(s, n + 1);
    return __real_strlen(s);
}

char *__wrap_strcpy(char *restrict dst, const char *restrict src)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    size_t n = length(src) + 1;
    READ(src, n);
    WRITE(dst, n);
    return __real_strcpy(dst, src);
}

char *__wrap_strncpy(char *restrict dst, const char *restrict src, size_t n)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    size_t read = length_within(src, n);
    READ(src, read < n ? read + 1 : n);
    WRITE(dst, n);
    return __real_strncpy(dst, src, n);
}

char *__wrap_strcat(char *restrict dst, const char *restrict src)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    size_t d = length(dst), s = length(src);
    READ(dst, d + 1);
    READ(src, s + 1);
    WRITE(dst + d, s + 1);
    return __real_strcat(dst, src);
}

char *__wrap_strncat(char *restrict dst, const char *restrict src, size_t n)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    size_t d = length(dst), s = length_within(src, n);
    READ(dst, d + 1);
    READ(src, s < n ? s + 1 : n);
    WRITE(dst + d, s + 1);
    return __real_strncat(dst, src, n);
}

int __wrap_strcmp(const char *a, const char *b)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    size_t n = compared(a, b, SIZE_MAX);
    READ(a, n);
    READ(b, n);
    return __real_strcmp(a, b);
}

int __wrap_strncmp(const char *a, const char *b, size_t max)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    size_t n = compared(a, b, max);
    READ(a, n);
    READ(b, n);
    return __real_strncmp(a, b, max);
}

char *__wrap_strchr(const char *s, int c)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    char *found = __real_strchr(s, c);
    READ(s, found ? (size_t)(found - s) + 1 : length(s) + 1);
    return found;
}

char *__wrap_strrchr(const char *s, int c)
{
    uint64_t fp = KASAN_ENTRY_FRAME();
    READ(s, length(s) + 1);
    return __real_strrchr(s, c);
}
