/* The rest of C23's freestanding <string.h> (string.c has memcpy, memmove,
 * memset, memcmp; c23-new.c memset_explicit and memalignment): memccpy,
 * memchr and the str* functions C23 requires of a freestanding
 * implementation (all but strcoll, strdup, strerror, strndup, strtok and
 * strxfrm).  Plain byte loops: these are for
 * correctness in kernels, not speed.  Built with -fno-builtin and
 * -fno-tree-loop-distribute-patterns, so GCC does not turn a loop here
 * back into a call of the function it implements.  RT_NAME lets the host
 * test build them under other names next to glibc's.
 */
#include <stddef.h>

#ifndef RT_NAME
#define RT_NAME(name) name
#endif

void *RT_NAME(memset)(void *dst, int c, size_t n);

void *RT_NAME(memccpy)(void *restrict dst, const void *restrict src, int c, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    for (size_t i = 0; i < n; i++) {
        d[i] = s[i];
        if (s[i] == (unsigned char)c)
            return d + i + 1;
    }
    return NULL;
}

void *RT_NAME(memchr)(const void *p, int c, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        if (s[i] == (unsigned char)c)
            return (void *)(s + i);
    return NULL;
}

size_t RT_NAME(strlen)(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

char *RT_NAME(strcpy)(char *restrict dst, const char *restrict src)
{
    char *d = dst;
    while ((*d++ = *src++))
        ;
    return dst;
}

/* Copies at most n bytes and pads with NULs to n (which strncpy must). */
char *RT_NAME(strncpy)(char *restrict dst, const char *restrict src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i]; i++)
        dst[i] = src[i];
    for (; i < n; i++)
        dst[i] = 0;
    return dst;
}

char *RT_NAME(strcat)(char *restrict dst, const char *restrict src)
{
    RT_NAME(strcpy)(dst + RT_NAME(strlen)(dst), src);
    return dst;
}

char *RT_NAME(strncat)(char *restrict dst, const char *restrict src, size_t n)
{
    char *d = dst + RT_NAME(strlen)(dst);
    size_t i = 0;
    for (; i < n && src[i]; i++)
        d[i] = src[i];
    d[i] = 0;
    return dst;
}

/* The comparisons look at the bytes as unsigned char, as C requires. */
int RT_NAME(strcmp)(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    while (*p && *p == *q)
        p++, q++;
    return *p - *q;
}

int RT_NAME(strncmp)(const char *a, const char *b, size_t n)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    for (size_t i = 0; i < n; i++) {
        if (p[i] != q[i] || !p[i])
            return p[i] - q[i];
    }
    return 0;
}

/* strchr finds the terminating NUL too when c is 0. */
char *RT_NAME(strchr)(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

char *RT_NAME(strrchr)(const char *s, int c)
{
    const char *found = NULL;
    for (;; s++) {
        if (*s == (char)c)
            found = s;
        if (!*s)
            return (char *)found;
    }
}

/* Whether byte c occurs in the NUL-terminated set. */
static int in_set(unsigned char c, const char *set)
{
    for (; *set; set++)
        if ((unsigned char)*set == c)
            return 1;
    return 0;
}

size_t RT_NAME(strspn)(const char *s, const char *accept)
{
    size_t n = 0;
    while (s[n] && in_set((unsigned char)s[n], accept))
        n++;
    return n;
}

size_t RT_NAME(strcspn)(const char *s, const char *reject)
{
    size_t n = 0;
    while (s[n] && !in_set((unsigned char)s[n], reject))
        n++;
    return n;
}

char *RT_NAME(strpbrk)(const char *s, const char *accept)
{
    s += RT_NAME(strcspn)(s, accept);
    return *s ? (char *)s : NULL;
}

char *RT_NAME(strstr)(const char *haystack, const char *needle)
{
    size_t n = RT_NAME(strlen)(needle);
    for (; *haystack; haystack++)
        if (!RT_NAME(strncmp)(haystack, needle, n))
            return (char *)haystack;
    return n ? NULL : (char *)haystack;
}
