/* builtins: code that needs libgcc and the runtime, linked at the top of
 * the address space.
 *   - __int128 division and modulo: __udivti3/__umodti3 from libgcc
 *   - popcount without the POPCNT instruction: __popcountdi2
 *   - struct copies and zeroing: GCC inlines small ones ("rep movsq")
 *     and calls memcpy and memset (the kit's runtime) for large ones
 *   - constructors, run by the boot stub before main (crti/crtbegin) */
#include <stdint.h>
#include <x86_64-none/qemu.h>

static int constructed;

__attribute__((constructor)) static void early(void)
{
    constructed = 42;
}

/* 16 KiB: above GCC's inline limit for block moves (8 KiB). */
#define WORDS 2048
struct big {
    uint64_t words[WORDS];
};

static struct big make_big(uint64_t seed)
{
    struct big b;
    for (int i = 0; i < WORDS; i++)
        b.words[i] = seed * (uint64_t)(i + 1);
    return b;
}

__attribute__((noinline)) static void copy_big(struct big *dst, const struct big *src)
{
    *dst = *src; /* a call to memcpy */
}

__attribute__((noinline)) static void clear_big(struct big *b)
{
    *b = (struct big){0}; /* a call to memset */
}

static struct big a, b; /* 16 KiB each: not on the stack */

static void print_u128(unsigned __int128 v)
{
    char digits[40];
    int n = 0;
    do {
        digits[n++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    while (n)
        putchar(digits[--n]);
}

int main(void)
{
    volatile uint64_t hi = 0x0123456789abcdefULL, lo = 0xfedcba9876543210ULL;
    unsigned __int128 n = ((unsigned __int128)hi << 64) | lo;
    volatile uint64_t d = 1000000007ULL;
    printf("int128: ");
    print_u128(n);
    printf(" / %llu = ", (unsigned long long)d);
    print_u128(n / d);
    printf(" rem %llu\n", (unsigned long long)(n % d));

    volatile uint64_t bits = 0xf0f0f0f0f0f0f0f1ULL;
    printf("popcount(0x%llx) = %d\n", (unsigned long long)bits, __builtin_popcountll(bits));

    a = make_big(3);
    copy_big(&b, &a);
    int same = 1;
    for (int i = 0; i < WORDS; i++)
        same &= b.words[i] == (uint64_t)3 * (uint64_t)(i + 1);
    clear_big(&a);
    int zero = 1;
    for (int i = 0; i < WORDS; i++)
        zero &= a.words[i] == 0;
    printf("struct copy %s, struct clear %s\n", same ? "ok" : "WRONG", zero ? "ok" : "WRONG");
    printf("constructor ran: %s\n", constructed == 42 ? "yes" : "NO");
    return same && zero && constructed == 42 ? 0 : 1;
}
