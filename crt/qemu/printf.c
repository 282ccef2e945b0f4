/* A small printf for the QEMU board: %d %i %u %x %X %o %p %s %c %%,
 * lengths l, ll, z, a field width, flags '-' and '0'.  No floating point
 * (the target has no FPU registers). */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <x86_64-none/qemu.h>

void none_console_write(const char *s, size_t n);

struct spec {
    bool left;  /* '-' */
    bool zero;  /* '0' */
    int width;
    int length; /* 0, 'l', 'L' (ll), 'z' */
    char conv;
};

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
    int plen = 0;
    while (prefix[plen])
        plen++;
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

static int convert(const struct spec *sp, va_list *ap)
{
    switch (sp->conv) {
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
        int len = 0;
        while (s[len])
            len++;
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

/* Parses the spec after '%'; returns the first character after it. */
static const char *parse_spec(const char *f, struct spec *sp)
{
    *sp = (struct spec){0};
    for (;; f++) {
        if (*f == '-')
            sp->left = true;
        else if (*f == '0')
            sp->zero = true;
        else
            break;
    }
    while (*f >= '0' && *f <= '9')
        sp->width = sp->width * 10 + (*f++ - '0');
    if (*f == 'l') {
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

int vprintf(const char *format, va_list ap)
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
        f = parse_spec(f + 1, &sp);
        if (sp.conv)
            n += convert(&sp, &args);
    }
    va_end(args);
    return n;
}

int printf(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = vprintf(format, ap);
    va_end(ap);
    return n;
}
