/* Differential test of the runtime's C23 freestanding string functions
 * (crt/cstring.c, built for the host as kit_*) against the host C
 * library: 200,000 rounds of random strings over a small alphabet (so that
 * searches find things), with bytes above 127 (compared unsigned), at
 * random offsets, every function on each.  Pointer results are compared as
 * offsets, copies over the whole destination buffer. */
#define _GNU_SOURCE /* memccpy in glibc's <string.h> */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "../hostlib/kit-string.h"
#include "../hostlib/xorshift.h"

#define ROUNDS 200000
#define MAX_LEN 48
#define BUF 256

static uint64_t state = 0x2545f4914f6cdd1du;
static long failures;

static unsigned pick(unsigned n)
{
    return (unsigned)(xorshift64star(&state) % n);
}

/* A NUL-terminated string of up to max bytes from "abcd" and two high
 * bytes. */
static void random_string(char *s, unsigned max)
{
    static const char alphabet[] = "abcdab\xe9\x80";
    unsigned n = pick(max + 1);
    for (unsigned i = 0; i < n; i++)
        s[i] = alphabet[pick(sizeof alphabet - 1)];
    s[n] = 0;
}

static void check(int ok, const char *fn, const char *a, const char *b)
{
    if (!ok && failures++ < 10)
        fprintf(stderr, "%s differs for \"%s\", \"%s\"\n", fn, a, b);
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

/* Offsets of two results into their own inputs (-1 for NULL) agree. */
static int same_place(const void *got, const void *got_base, const void *want,
                      const void *want_base)
{
    long g = got ? (const char *)got - (const char *)got_base : -1;
    long w = want ? (const char *)want - (const char *)want_base : -1;
    return g == w;
}

static void round_of_searches(const char *a, const char *b, size_t n, int c)
{
    check(kit_strlen(a) == strlen(a), "strlen", a, b);
    check(sign(kit_strcmp(a, b)) == sign(strcmp(a, b)), "strcmp", a, b);
    check(sign(kit_strncmp(a, b, n)) == sign(strncmp(a, b, n)), "strncmp", a, b);
    check(same_place(kit_strchr(a, c), a, strchr(a, c), a), "strchr", a, b);
    check(same_place(kit_strrchr(a, c), a, strrchr(a, c), a), "strrchr", a, b);
    check(kit_strspn(a, b) == strspn(a, b), "strspn", a, b);
    check(kit_strcspn(a, b) == strcspn(a, b), "strcspn", a, b);
    check(same_place(kit_strpbrk(a, b), a, strpbrk(a, b), a), "strpbrk", a, b);
    check(same_place(kit_strstr(a, b), a, strstr(a, b), a), "strstr", a, b);
    size_t len = strlen(a) + 1;
    size_t m = n < len ? n : len;
    check(same_place(kit_memchr(a, c, m), a, memchr(a, c, m), a), "memchr", a, b);
}

static void round_of_copies(const char *a, const char *b, size_t n, int c)
{
    char got[BUF], want[BUF];
    memset(got, 'x', BUF);
    memset(want, 'x', BUF);
    strcpy(got + 8, b);
    strcpy(want + 8, b);
    check(kit_strcat(got + 8, a) == got + 8 && strcat(want + 8, a) && !memcmp(got, want, BUF),
          "strcat", a, b);
    check(kit_strncat(got + 8, a, n) == got + 8 && strncat(want + 8, a, n) &&
              !memcmp(got, want, BUF), "strncat", a, b);
    check(kit_strcpy(got + 3, a) == got + 3 && strcpy(want + 3, a) && !memcmp(got, want, BUF),
          "strcpy", a, b);
    check(kit_strncpy(got + 5, a, n) == got + 5 && strncpy(want + 5, a, n) &&
              !memcmp(got, want, BUF), "strncpy", a, b);
    size_t m = strlen(a) + 1;
    void *kit_end = kit_memccpy(got + 1, a, c, m), *libc_end = memccpy(want + 1, a, c, m);
    check(same_place(kit_end, got, libc_end, want) && !memcmp(got, want, BUF), "memccpy", a, b);
    check(kit_memset_explicit(got + 2, c, n) == got + 2 && memset(want + 2, c, n) &&
              !memcmp(got, want, BUF), "memset_explicit", a, b);
}

int main(void)
{
    char a[BUF], b[BUF];
    for (long r = 0; r < ROUNDS; r++) {
        char *pa = a + pick(8), *pb = b + pick(8);
        random_string(pa, MAX_LEN);
        random_string(pb, r % 3 ? 4 : MAX_LEN); /* short needles and sets too */
        if (r % 7 == 0) /* b a substring of a now and then */
            strcpy(pb, pa + pick((unsigned)strlen(pa) + 1));
        size_t n = pick(MAX_LEN + 8);
        int c = r % 5 ? (unsigned char)"abcd\xe9"[pick(5)] : pick(2) ? 0 : 'z';
        round_of_searches(pa, pb, n, c);
        round_of_copies(pa, pb, n, c);
    }
    for (uintptr_t p = 0; p < 4096; p++) {
        uintptr_t want = p ? p & -p : 0;
        if (kit_memalignment((const void *)p) != want && failures++ < 10)
            fprintf(stderr, "memalignment(%#lx) is %zu\n", (unsigned long)p,
                    kit_memalignment((const void *)p));
    }
    printf("%d rounds of 16 functions and memalignment: %ld differences\n", ROUNDS, failures);
    return failures != 0;
}
