/* Exact decimal conversion of doubles for the board's printf (%f %e %g).
 *
 * A finite double is m * 2^e exactly.  Its full decimal expansion is an
 * integer times a power of ten: m * 2^e for e >= 0, and m * 5^-e * 10^e
 * for e < 0.  That integer is computed in base 10^9 (at most 767 digits),
 * so rounding to the requested precision sees every digit and is exact,
 * round-half-even as glibc does, with no floating-point arithmetic at all.
 */
#include <stdbool.h>
#include <stdint.h>
#include "decimal.h"

#define LIMB_BASE 1000000000u
/* 2^1024 has 309 digits, 2^53 * 5^1074 has 767: 86 limbs of 9. */
#define MAX_LIMBS 90

struct big {
    uint32_t limb[MAX_LIMBS]; /* little-endian, base 10^9 */
    int count;
};

static void big_multiply(struct big *b, uint32_t factor)
{
    uint64_t carry = 0;
    for (int i = 0; i < b->count; i++) {
        uint64_t t = (uint64_t)b->limb[i] * factor + carry;
        b->limb[i] = (uint32_t)(t % LIMB_BASE);
        carry = t / LIMB_BASE;
    }
    while (carry) {
        b->limb[b->count++] = (uint32_t)(carry % LIMB_BASE);
        carry /= LIMB_BASE;
    }
}

/* b = m * base^n, with base^chunk_power = chunk fitting 32 bits. */
static void big_power(struct big *b, int n, uint32_t base, int chunk_power, uint32_t chunk)
{
    for (; n >= chunk_power; n -= chunk_power)
        big_multiply(b, chunk);
    uint32_t rest = 1;
    while (n-- > 0)
        rest *= base;
    big_multiply(b, rest);
}

static int write_limb(char *out, uint32_t limb, bool pad)
{
    char tmp[9];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + limb % 10);
        limb /= 10;
    } while (limb || (pad && n < 9));
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

void decimal_from_double(struct decimal *d, uint64_t bits)
{
    uint64_t mantissa = bits & 0x000fffffffffffffu;
    int exponent = (int)(bits >> 52 & 0x7ff);
    if (exponent)
        mantissa |= 1ull << 52;
    else
        exponent = 1;
    exponent -= 1075; /* value = mantissa * 2^exponent */
    d->count = 0;
    d->point = 0;
    if (!mantissa)
        return;

    struct big b = {.limb = {(uint32_t)(mantissa % LIMB_BASE),
                             (uint32_t)(mantissa / LIMB_BASE % LIMB_BASE),
                             (uint32_t)(mantissa / LIMB_BASE / LIMB_BASE)},
                    .count = 3};
    while (b.count > 1 && !b.limb[b.count - 1])
        b.count--;
    int shift = 0; /* value = b * 10^-shift */
    if (exponent >= 0) {
        big_power(&b, exponent, 2, 29, 1u << 29);
    } else {
        big_power(&b, -exponent, 5, 13, 1220703125u);
        shift = -exponent;
    }

    int top = write_limb(d->digits, b.limb[b.count - 1], false);
    int n = top;
    for (int i = b.count - 2; i >= 0; i--)
        n += write_limb(d->digits + n, b.limb[i], true);
    d->point = top + 9 * (b.count - 1) - shift;
    while (n > 1 && d->digits[n - 1] == '0') /* trailing zeros carry nothing */
        n--;
    d->count = n;
}

void decimal_round(struct decimal *d, int keep)
{
    if (keep >= d->count)
        return;
    if (keep < 0) {
        d->count = 0; /* below half of the last place kept: zero */
        return;
    }
    /* The first dropped digit decides, and a 5 with nothing after it is a
     * tie, which goes to the even neighbour. */
    char first = d->digits[keep];
    bool rest = d->count > keep + 1; /* trailing zeros were stripped */
    bool odd = keep > 0 && (d->digits[keep - 1] - '0') % 2;
    bool up = first > '5' || (first == '5' && (rest || odd));
    d->count = keep;
    if (!up) {
        while (d->count > 0 && d->digits[d->count - 1] == '0')
            d->count--;
        return;
    }
    int i = keep - 1;
    while (i >= 0 && d->digits[i] == '9')
        i--;
    if (i < 0) { /* 999 -> 1000: one digit more before the point */
        d->digits[0] = '1';
        d->count = 1;
        d->point++;
        return;
    }
    d->digits[i]++;
    d->count = i + 1;
}

/* The digit at decimal position k (0 = first significant). */
static char digit_at(const struct decimal *d, int k)
{
    return k >= 0 && k < d->count ? d->digits[k] : '0';
}

int decimal_fixed(const struct decimal *d, int precision, bool point, char *out)
{
    int n = 0;
    if (d->point <= 0 || d->count == 0)
        out[n++] = '0';
    else
        for (int k = 0; k < d->point; k++)
            out[n++] = digit_at(d, k);
    if (precision > 0 || point)
        out[n++] = '.';
    for (int k = 0; k < precision; k++)
        out[n++] = digit_at(d, d->point + k);
    return n;
}

int decimal_exponent(const struct decimal *d, int precision, bool point, char upper,
                     char *out)
{
    int n = 0;
    out[n++] = digit_at(d, 0);
    if (precision > 0 || point)
        out[n++] = '.';
    for (int k = 1; k <= precision; k++)
        out[n++] = digit_at(d, k);
    int e = d->count ? d->point - 1 : 0;
    out[n++] = upper ? 'E' : 'e';
    out[n++] = e < 0 ? '-' : '+';
    if (e < 0)
        e = -e;
    if (e < 10)
        out[n++] = '0';
    n += write_limb(out + n, (uint32_t)e, false);
    return n;
}
