/* Exact decimal conversion of doubles for the board's printf. */
#ifndef X86_64_NONE_DECIMAL_H
#define X86_64_NONE_DECIMAL_H

#include <stdbool.h>
#include <stdint.h>

/* A non-negative value 0.DIGITS * 10^POINT (COUNT digits, no trailing
 * zeros; COUNT 0 is zero).  767 digits hold any double exactly. */
struct decimal {
    char digits[780];
    int count;
    int point;
};

/* D = the exact value of the double with bit pattern BITS (sign ignored;
 * finite). */
void decimal_from_double(struct decimal *d, uint64_t bits);
/* Round D to its first KEEP significant digits (KEEP may be <= 0),
 * half to even. */
void decimal_round(struct decimal *d, int keep);
/* D as %f with PRECISION digits after the point (POINT: '#', keep the
 * point even without them) into OUT; returns the length. */
int decimal_fixed(const struct decimal *d, int precision, bool point, char *out);
/* D as %e (UPPER: %E); D already rounded to PRECISION + 1 digits. */
int decimal_exponent(const struct decimal *d, int precision, bool point, char upper,
                     char *out);

#endif
