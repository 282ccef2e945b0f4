/* The QEMU board's printf engine (printf and vprintf are in stdio.c): %d %i %u %x %X %o %p %s %c %%,
 * %f %F %e %E %g %G (doubles, exact, see decimal.c), lengths l, ll, z, L,
 * a field width and precision (either may be *), flags '-' '0' '+' ' '
 * '#'.  Integer conversions ignore the precision. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "board.h"
#include "decimal.h"

struct spec {
    bool left;  /* '-' */
    bool zero;  /* '0' */
    bool plus;  /* '+' */
    bool space; /* ' ' */
    bool alt;   /* '#' */
    int width;
    int precision; /* -1: none given */
    int length; /* 0, 'l', 'L' (ll), 'z', 'D' (long double) */
    char conv;
};

/* Digits after the point beyond this print as if this were given. */
#define MAX_PRECISION 400

static int pad(char c, int n)
{
    for (int i = 0; i < n; i++)
        none_console_write(&c, 1);
    return n > 0 ? n : 0;
}

/* Writes body (with an optional sign/prefix) padded to the width. */
static int emit_field(const struct spec *sp, const char *prefix, const char *body,
                      int len)
{
    int plen = (int)strlen(prefix);
    int fill = sp->width - len - plen;
    int n = 0;
    if (!sp->left && !sp->zero)
        n += pad(' ', fill);
    none_console_write(prefix, (size_t)plen);
    if (!sp->left && sp->zero)
        n += pad('0', fill);
    none_console_write(body, (size_t)len);
    if (sp->left)
        n += pad(' ', fill);
    return n + plen + len;
}

static int emit_unsigned(const struct spec *sp, const char *prefix, uint64_t v,
                         unsigned base)
{
    const char *digits = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[24];
    int i = sizeof buf;
    do {
        buf[--i] = digits[v % base];
        v /= base;
    } while (v);
    return emit_field(sp, prefix, buf + i, (int)sizeof buf - i);
}

static uint64_t arg_unsigned(const struct spec *sp, va_list *ap)
{
    switch (sp->length) {
    case 'l': return va_arg(*ap, unsigned long);
    case 'L': return va_arg(*ap, unsigned long long);
    case 'z': return va_arg(*ap, size_t);
    default: return va_arg(*ap, unsigned int);
    }
}

static int64_t arg_signed(const struct spec *sp, va_list *ap)
{
    switch (sp->length) {
    case 'l': return va_arg(*ap, long);
    case 'L': return va_arg(*ap, long long);
    case 'z': return (int64_t)va_arg(*ap, size_t);
    default: return va_arg(*ap, int);
    }
}

/* Drops the zeros ending the fraction of a %g result (and a bare point),
 * keeping any exponent after them. */
static int strip_fraction_zeros(char *s, int n)
{
    int end = 0; /* where the exponent (or the end) starts */
    bool point = false;
    while (end < n && s[end] != 'e' && s[end] != 'E')
        point |= s[end++] == '.';
    if (!point)
        return n;
    int cut = end;
    while (s[cut - 1] == '0')
        cut--;
    if (s[cut - 1] == '.')
        cut--;
    for (int i = end; i < n; i++)
        s[cut + i - end] = s[i];
    return n - (end - cut);
}

static int convert_double(const struct spec *sp, double value)
{
    uint64_t bits;
    __builtin_memcpy(&bits, &value, sizeof bits);
    bool upper = sp->conv == 'F' || sp->conv == 'E' || sp->conv == 'G';
    const char *sign = bits >> 63 ? "-" : sp->plus ? "+" : sp->space ? " " : "";
    bits &= ~(1ull << 63);
    if (bits >= 0x7ff0000000000000u) {
        struct spec plain = *sp;
        plain.zero = false;
        const char *word = bits > 0x7ff0000000000000u ? (upper ? "NAN" : "nan")
                                                      : (upper ? "INF" : "inf");
        return emit_field(&plain, sign, word, 3);
    }
    int precision = sp->precision < 0 ? 6 : sp->precision;
    if (precision > MAX_PRECISION)
        precision = MAX_PRECISION;
    struct decimal d;
    decimal_from_double(&d, bits);
    char out[320 + MAX_PRECISION + 8];
    int n;
    switch (sp->conv | 0x20) {
    case 'f':
        decimal_round(&d, d.point + precision);
        n = decimal_fixed(&d, precision, sp->alt, out);
        break;
    case 'e':
        decimal_round(&d, precision + 1);
        n = decimal_exponent(&d, precision, sp->alt, upper, out);
        break;
    default: { /* 'g': %e's exponent after rounding picks the style */
        int significant = precision ? precision : 1;
        decimal_round(&d, significant);
        int exponent = d.count ? d.point - 1 : 0;
        if (exponent < significant && exponent >= -4)
            n = decimal_fixed(&d, significant - 1 - exponent, sp->alt, out);
        else
            n = decimal_exponent(&d, significant - 1, sp->alt, upper, out);
        if (!sp->alt)
            n = strip_fraction_zeros(out, n);
    }
    }
    return emit_field(sp, sign, out, n);
}

static int convert(const struct spec *sp, va_list *ap)
{
    switch (sp->conv) {
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
        /* Under the soft-float ABI long double is double. */
        return convert_double(sp, sp->length == 'D' ? (double)va_arg(*ap, long double)
                                                    : va_arg(*ap, double));
    case 'd':
    case 'i': {
        int64_t v = arg_signed(sp, ap);
        uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
        return emit_unsigned(sp, v < 0 ? "-" : "", mag, 10);
    }
    case 'u': return emit_unsigned(sp, "", arg_unsigned(sp, ap), 10);
    case 'x':
    case 'X': return emit_unsigned(sp, "", arg_unsigned(sp, ap), 16);
    case 'o': return emit_unsigned(sp, "", arg_unsigned(sp, ap), 8);
    case 'p': return emit_unsigned(sp, "0x", (uintptr_t)va_arg(*ap, void *), 16);
    case 'c': {
        char c = (char)va_arg(*ap, int);
        return emit_field(sp, "", &c, 1);
    }
    case 's': {
        const char *s = va_arg(*ap, const char *);
        if (!s)
            s = "(null)";
        int len = (int)strlen(s);
        struct spec plain = *sp;
        plain.zero = false;
        return emit_field(&plain, "", s, len);
    }
    case '%': return emit_field(sp, "", "%", 1);
    default: {
        /* Unknown conversion: print it as written. */
        char bad[2] = {'%', sp->conv};
        none_console_write(bad, 2);
        return 2;
    }
    }
}

/* A field width or precision: digits, or '*' taking an int argument. */
static const char *parse_count(const char *f, int *count, va_list *ap)
{
    if (*f == '*') {
        *count = va_arg(*ap, int);
        return f + 1;
    }
    *count = 0;
    while (*f >= '0' && *f <= '9')
        *count = *count * 10 + (*f++ - '0');
    return f;
}

/* Parses the spec after '%'; returns the first character after it. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
    *sp = (struct spec){.precision = -1};
    for (;; f++) {
        if (*f == '-')
            sp->left = true;
        else if (*f == '0')
            sp->zero = true;
        else if (*f == '+')
            sp->plus = true;
        else if (*f == ' ')
            sp->space = true;
        else if (*f == '#')
            sp->alt = true;
        else
            break;
    }
    f = parse_count(f, &sp->width, ap);
    if (sp->width < 0) { /* a negative '*' width means '-' */
        sp->left = true;
        sp->width = -sp->width;
    }
    if (*f == '.') {
        f = parse_count(f + 1, &sp->precision, ap);
        if (sp->precision < 0)
            sp->precision = -1;
    }
    if (*f == 'L') {
        sp->length = 'D';
        f++;
    } else if (*f == 'l') {
        sp->length = 'l';
        if (*++f == 'l') {
            sp->length = 'L';
            f++;
        }
    } else if (*f == 'z') {
        sp->length = 'z';
        f++;
    }
    sp->conv = *f;
    return *f ? f + 1 : f;
}

int none_qemu_vprintf(const char *format, va_list ap)
{
    va_list args;
    va_copy(args, ap);
    int n = 0;
    const char *f = format;
    while (*f) {
        const char *run = f;
        while (*f && *f != '%')
            f++;
        none_console_write(run, (size_t)(f - run));
        n += (int)(f - run);
        if (!*f)
            break;
        struct spec sp;
        f = parse_spec(f + 1, &sp, &args);
        if (sp.conv)
            n += convert(&sp, &args);
    }
    va_end(args);
    return n;
}

int none_qemu_printf(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = none_qemu_vprintf(format, ap);
    va_end(ap);
    return n;
}
