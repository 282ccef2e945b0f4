/* <stdbit.h> on the target: every per-type function and its generic name
 * against a bit-by-bit reference, for edge values and 2,000 random ones
 * per type (built by freestanding-c23.test, run in QEMU). */
#include <stdbit.h>
#include <stdint.h>
#include <x86_64-none/qemu.h>
#include "../hostlib/xorshift.h"

static unsigned long differences, checks;

/* Bit i of v, for a value of the given width. */
static int bit(uint64_t v, int i)
{
    return (int)(v >> i & 1);
}

static unsigned ref_leading(uint64_t v, int width, int value)
{
    unsigned n = 0;
    for (int i = width - 1; i >= 0 && bit(v, i) == value; i--)
        n++;
    return n;
}

static unsigned ref_trailing(uint64_t v, int width, int value)
{
    unsigned n = 0;
    for (int i = 0; i < width && bit(v, i) == value; i++)
        n++;
    return n;
}

/* 1-based position (from the top for leading) of the first bit equal to
 * value, 0 if none. */
static unsigned ref_first_leading(uint64_t v, int width, int value)
{
    for (int i = width - 1; i >= 0; i--)
        if (bit(v, i) == value)
            return (unsigned)(width - i);
    return 0;
}

static unsigned ref_first_trailing(uint64_t v, int width, int value)
{
    for (int i = 0; i < width; i++)
        if (bit(v, i) == value)
            return (unsigned)(i + 1);
    return 0;
}

static unsigned ref_count(uint64_t v, int width, int value)
{
    unsigned n = 0;
    for (int i = 0; i < width; i++)
        n += bit(v, i) == value;
    return n;
}

static uint64_t ref_width(uint64_t v, int width)
{
    return width - ref_leading(v, width, 0);
}

static uint64_t ref_floor(uint64_t v, int width)
{
    return v ? (uint64_t)1 << (ref_width(v, width) - 1) : 0;
}

/* The smallest power of two not below v; 0 when it does not fit (C23
 * leaves that case undefined, so it is not checked). */
static uint64_t ref_ceil(uint64_t v, int width)
{
    for (int i = 0; i < width; i++)
        if (((uint64_t)1 << i) >= v)
            return (uint64_t)1 << i;
    return 0;
}

static void expect(uint64_t got, uint64_t want, const char *what, uint64_t v)
{
    checks++;
    if (got != want && differences++ < 10)
        printf("%s(%#llx): %llu, want %llu\n", what, (unsigned long long)v,
               (unsigned long long)got, (unsigned long long)want);
}

#define CHECK_TYPE(suffix, type)                                                      \
    static void check##suffix(uint64_t raw)                                           \
    {                                                                                 \
        type v = (type)raw;                                                           \
        int w = (int)(sizeof(type) * 8);                                              \
        uint64_t u = v;                                                               \
        expect(stdc_leading_zeros##suffix(v), ref_leading(u, w, 0), "leading_zeros" #suffix, u); \
        expect(stdc_leading_zeros(v), ref_leading(u, w, 0), "leading_zeros", u);      \
        expect(stdc_leading_ones##suffix(v), ref_leading(u, w, 1), "leading_ones" #suffix, u); \
        expect(stdc_trailing_zeros##suffix(v), ref_trailing(u, w, 0), "trailing_zeros" #suffix, u); \
        expect(stdc_trailing_ones##suffix(v), ref_trailing(u, w, 1), "trailing_ones" #suffix, u); \
        expect(stdc_trailing_ones(v), ref_trailing(u, w, 1), "trailing_ones", u);     \
        expect(stdc_first_leading_zero##suffix(v), ref_first_leading(u, w, 0), "first_leading_zero" #suffix, u); \
        expect(stdc_first_leading_one##suffix(v), ref_first_leading(u, w, 1), "first_leading_one" #suffix, u); \
        expect(stdc_first_trailing_zero##suffix(v), ref_first_trailing(u, w, 0), "first_trailing_zero" #suffix, u); \
        expect(stdc_first_trailing_one##suffix(v), ref_first_trailing(u, w, 1), "first_trailing_one" #suffix, u); \
        expect(stdc_count_zeros##suffix(v), ref_count(u, w, 0), "count_zeros" #suffix, u); \
        expect(stdc_count_ones##suffix(v), ref_count(u, w, 1), "count_ones" #suffix, u); \
        expect(stdc_count_ones(v), ref_count(u, w, 1), "count_ones", u);              \
        expect(stdc_has_single_bit##suffix(v), ref_count(u, w, 1) == 1, "has_single_bit" #suffix, u); \
        expect(stdc_bit_width##suffix(v), ref_width(u, w), "bit_width" #suffix, u);   \
        expect(stdc_bit_width(v), ref_width(u, w), "bit_width", u);                   \
        expect(stdc_bit_floor##suffix(v), ref_floor(u, w), "bit_floor" #suffix, u);  \
        expect(stdc_bit_floor(v), ref_floor(u, w), "bit_floor", u);                   \
        if (ref_ceil(u, w) || !u) {                                                   \
            expect(stdc_bit_ceil##suffix(v), u ? ref_ceil(u, w) : 1, "bit_ceil" #suffix, u); \
            expect(stdc_bit_ceil(v), u ? ref_ceil(u, w) : 1, "bit_ceil", u);          \
        }                                                                             \
    }
CHECK_TYPE(_uc, unsigned char)
CHECK_TYPE(_us, unsigned short)
CHECK_TYPE(_ui, unsigned int)
CHECK_TYPE(_ul, unsigned long)
CHECK_TYPE(_ull, unsigned long long)

static void check_all(uint64_t v)
{
    check_uc(v);
    check_us(v);
    check_ui(v);
    check_ul(v);
    check_ull(v);
}

int main(void)
{
    for (int i = 0; i < 64; i++) {
        uint64_t p = (uint64_t)1 << i;
        check_all(p);
        check_all(p - 1);
        check_all(p + 1);
        check_all(~p);
    }
    check_all(0);
    check_all(~(uint64_t)0);
    uint64_t state = 0x0ddba11cafe5eedu;
    for (int i = 0; i < 2000; i++) {
        uint64_t r = xorshift64star(&state);
        check_all(r >> (r % 64));
    }
    printf("stdbit: %lu checks, %lu differences\n", checks, differences);
    printf("endian little: %d\n", __STDC_ENDIAN_NATIVE__ == __STDC_ENDIAN_LITTLE__);
    return differences != 0;
}
