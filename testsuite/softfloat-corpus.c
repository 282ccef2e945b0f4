/* The soft-float corpus: every float and double operation C has, over
 * special values (zeros, subnormals, infinities, NaNs, halfway cases)
 * crossed with each other and over RANDOM_COUNT random operands, folded
 * into one digest per operation.
 *
 * The same file is built twice: by the host's compiler (hardware SSE) and
 * by x86_64-none-gcc for the QEMU board (the soft-float ABI, libgcc's
 * soft-fp).  softfloat-corpus.test compares the two outputs line by line,
 * so every result must agree bit for bit, NaN payloads included.
 *
 * Only defined behaviour is exercised: a float-to-integer conversion is
 * counted only for values in the target type's range.  Rounding is the
 * default, to nearest even (the soft-float ABI has no rounding modes). */
#include <stdint.h>
#include <string.h>
#ifdef __SOFT_FLOAT_ABI__
#include <x86_64-none/qemu.h>
#else
#include <stdio.h>
#endif
#include "../hostlib/xorshift.h"

#define RANDOM_COUNT 100000

/* Each operation's results go through one digest: FNV-1a over 64-bit
 * words, and a count. */
struct digest {
    uint64_t hash;
    unsigned long count;
};

static void digest_start(struct digest *d)
{
    d->hash = 0xcbf29ce484222325u;
    d->count = 0;
}

static void digest_add(struct digest *d, uint64_t word)
{
    for (int i = 0; i < 8; i++, word >>= 8)
        d->hash = (d->hash ^ (word & 0xff)) * 0x100000001b3u;
    d->count++;
}

static void digest_print(const char *op, const char *set, const struct digest *d)
{
    printf("%s.%s %lu %016lx\n", op, set, d->count, (unsigned long)d->hash);
}


/* Bit patterns, without the compiler's help: NAME(x) reinterprets x. */
#define BIT_CAST(name, to, from)                                      \
    static to name(from x)                                            \
    {                                                                 \
        to y;                                                         \
        memcpy(&y, &x, sizeof y);                                     \
        return y;                                                     \
    }
BIT_CAST(dbits, uint64_t, double)
BIT_CAST(fbits, uint32_t, float)
BIT_CAST(dfrom, double, uint64_t)
BIT_CAST(ffrom, float, uint32_t)

/* The special values, as bit patterns. */
static const uint64_t double_specials[] = {
    0x0000000000000000, 0x8000000000000000, /* +-0 */
    0x0000000000000001, 0x8000000000000001, /* smallest subnormal */
    0x000fffffffffffff, 0x800fffffffffffff, /* largest subnormal */
    0x0008000000000000, 0x0000000000000003, /* subnormals */
    0x0010000000000000, 0x8010000000000000, /* smallest normal */
    0x0010000000000001, 0x001fffffffffffff,
    0x3ff0000000000000, 0xbff0000000000000, /* +-1 */
    0x3ff0000000000001, 0x3fefffffffffffff, /* 1 +- ulp */
    0x3ca0000000000000, 0x3ca0000000000001, /* 2^-53: 1 + it is a tie */
    0x3c90000000000000, 0x4340000000000000, /* 2^-54, 2^53 */
    0x4340000000000001, 0x4330000000000000, /* 2^53 + 2, 2^52 */
    0x3fe0000000000000, 0x4008000000000000, /* 0.5, 3 */
    0x3fd5555555555555, 0x3fb999999999999a, /* 1/3, 0.1 */
    0x7fefffffffffffff, 0xffefffffffffffff, /* +-max */
    0x7fe0000000000000, 0x7fdfffffffffffff,
    0x7ff0000000000000, 0xfff0000000000000, /* +-inf */
    0x7ff8000000000000, 0xfff8000000000000, /* quiet NaNs */
    0x7ff0000000000001, 0xfff4000000000000, /* signalling NaNs */
    0x7ff8000000012345, 0x7ff00000deadbeef, /* payloads */
    0x41dfffffffc00000, 0xc1e0000000000000, /* INT32_MAX, INT32_MIN */
    0x43dfffffffffffff, 0xc3e0000000000000, /* near INT64 limits */
    0x43efffffffffffff, 0x41efffffffe00000, /* near UINT64/UINT32 max */
    0x3ff8000000000000, 0xc004000000000000, /* 1.5, -2.5 */
    0x4060000000000000, 0xc05fc00000000000, /* 128, -127 */
};

static const uint64_t float_specials[] = {
    0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff,
    0x00400000, 0x00800000, 0x80800000, 0x00800001, 0x3f800000, 0xbf800000,
    0x3f800001, 0x3f7fffff, 0x33800000, 0x33800001, 0x33000000, 0x4b800000,
    0x4b800001, 0x3f000000, 0x40400000, 0x3eaaaaab, 0x3dcccccd, 0x7f7fffff,
    0xff7fffff, 0x7f000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
    0x7f800001, 0xffa00000, 0x7fc12345, 0x7f80beef, 0x4effffff, 0xcf000000,
    0x5effffff, 0xdf000000, 0x5f7fffff, 0x3fc00000, 0xc0200000, 0x43000000,
    0xc2fe0000,
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static uint64_t random_state;

static uint64_t random64(void)
{
    return xorshift64star(&random_state);
}

/* A random double: raw bits, or a value whose exponent lies within 64 of
 * 1.0 (where sums cancel and round), or a special value. */
static double random_double(void)
{
    uint64_t r = random64();
    switch (r & 3) {
    case 0: return dfrom(random64());
    case 3:
        if ((r >> 2) % 8 == 0)
            return dfrom(double_specials[(r >> 5) % COUNT(double_specials)]);
        /* fall through */
    default: {
        uint64_t u = random64();
        uint64_t exponent = 1023 - 64 + (u >> 52) % 128;
        return dfrom((u & 0x800fffffffffffffu) | exponent << 52);
    }
    }
}

static float random_float(void)
{
    uint64_t r = random64();
    switch (r & 3) {
    case 0: return ffrom((uint32_t)random64());
    case 3:
        if ((r >> 2) % 8 == 0)
            return ffrom(float_specials[(r >> 5) % COUNT(float_specials)]);
        /* fall through */
    default: {
        uint32_t u = (uint32_t)random64();
        uint32_t exponent = 127 - 32 + (u >> 23) % 64;
        return ffrom((u & 0x807fffffu) | exponent << 23);
    }
    }
}

/* The operations.  noinline keeps the host's compiler from folding them
 * over the constant specials. */
#define NOINLINE __attribute__((noinline))
enum { ADD, SUB, MUL, DIV, BINARY_OPS };

/* + - * / for one type (float, double and __float128 below). */
#define ARITHMETIC(name, type)                                        \
    static NOINLINE type name(int op, type a, type b)                 \
    {                                                                 \
        switch (op) {                                                 \
        case ADD: return a + b;                                       \
        case SUB: return a - b;                                       \
        case MUL: return a * b;                                       \
        default: return a / b;                                        \
        }                                                             \
    }
ARITHMETIC(double_binary, double)
ARITHMETIC(float_binary, float)
ARITHMETIC(quad_binary, __float128)

/* All six comparisons and "unordered", one bit each. */
#define COMPARISONS(name, type)                                                         \
    static NOINLINE uint64_t name(type a, type b)                                       \
    {                                                                                   \
        return (uint64_t)(a < b) | (uint64_t)(a <= b) << 1 | (uint64_t)(a == b) << 2 |   \
               (uint64_t)(a != b) << 3 | (uint64_t)(a > b) << 4 |                       \
               (uint64_t)(a >= b) << 5 | (uint64_t)__builtin_isunordered(a, b) << 6;    \
    }
COMPARISONS(double_compare, double)
COMPARISONS(float_compare, float)

/* Negation, fabs and copysign: sign-bit operations. */
static NOINLINE uint64_t double_signs(double a, double b)
{
    return dbits(-a) ^ dbits(__builtin_fabs(a)) * 3 ^ dbits(__builtin_copysign(a, b)) * 5;
}

static NOINLINE uint64_t float_signs(float a, float b)
{
    return fbits(-a) ^ (uint64_t)fbits(__builtin_fabsf(a)) << 16 ^
           (uint64_t)fbits(__builtin_copysignf(a, b)) << 32;
}

/* Conversions to every integer width, for values in range.  The result
 * word records whether the value was in range, so both builds must agree
 * on that too.  Operands and results are raw bit patterns. */
#define TO_INT(name, from, type, lo, hi)                              \
    static NOINLINE uint64_t name(uint64_t bits)                      \
    {                                                                 \
        __typeof__(lo) x = from(bits);                                \
        if (!(x > (lo) && x < (hi)))                                  \
            return 0xdeadu;                                           \
        return (uint64_t)(type)x;                                     \
    }
#define ffrom64(bits) ffrom((uint32_t)(bits))
TO_INT(double_to_i8, dfrom, int8_t, -129.0, 128.0)
TO_INT(double_to_u8, dfrom, uint8_t, -1.0, 256.0)
TO_INT(double_to_i16, dfrom, int16_t, -32769.0, 32768.0)
TO_INT(double_to_u16, dfrom, uint16_t, -1.0, 65536.0)
TO_INT(double_to_i32, dfrom, int32_t, -2147483649.0, 2147483648.0)
TO_INT(double_to_u32, dfrom, uint32_t, -1.0, 4294967296.0)
TO_INT(double_to_u64, dfrom, uint64_t, -1.0, 18446744073709551616.0)
TO_INT(float_to_i8, ffrom64, int8_t, -129.0f, 128.0f)
TO_INT(float_to_u8, ffrom64, uint8_t, -1.0f, 256.0f)
TO_INT(float_to_i16, ffrom64, int16_t, -32769.0f, 32768.0f)
TO_INT(float_to_u16, ffrom64, uint16_t, -1.0f, 65536.0f)
TO_INT(float_to_i32, ffrom64, int32_t, -2147483904.0f, 2147483648.0f)
TO_INT(float_to_u32, ffrom64, uint32_t, -1.0f, 4294967296.0f)
TO_INT(float_to_i64, ffrom64, int64_t, -9223373136366403584.0f, 9223372036854775808.0f)
TO_INT(float_to_u64, ffrom64, uint64_t, -1.0f, 18446744073709551616.0f)

/* -2^63 itself is in range (the bound above is exclusive). */
static NOINLINE uint64_t double_to_i64(uint64_t bits)
{
    double x = dfrom(bits);
    if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0))
        return 0xdeadu;
    return (uint64_t)(int64_t)x;
}

static NOINLINE uint64_t double_to_float(uint64_t bits) { return fbits((float)dfrom(bits)); }
static NOINLINE uint64_t float_to_double(uint64_t bits) { return dbits((double)ffrom64(bits)); }

/* From every integer width; the random word is cut to the width first. */
static NOINLINE uint64_t int_to_double(uint64_t r)
{
    return dbits((double)(int8_t)r) ^ dbits((double)(uint8_t)(r >> 8)) * 3 ^
           dbits((double)(int16_t)r) * 5 ^ dbits((double)(uint16_t)(r >> 16)) * 7 ^
           dbits((double)(int32_t)r) * 11 ^ dbits((double)(uint32_t)(r >> 8)) * 13 ^
           dbits((double)(int64_t)r) * 17 ^ dbits((double)r) * 19;
}

static NOINLINE uint64_t int_to_float(uint64_t r)
{
    return (uint64_t)fbits((float)(int8_t)r) ^ (uint64_t)fbits((float)(uint8_t)(r >> 8)) * 3 ^
           (uint64_t)fbits((float)(int16_t)r) * 5 ^
           (uint64_t)fbits((float)(uint16_t)(r >> 16)) * 7 ^
           (uint64_t)fbits((float)(int32_t)r) * 11 ^
           (uint64_t)fbits((float)(uint32_t)(r >> 8)) * 13 ^
           (uint64_t)fbits((float)(int64_t)r) * 17 ^ (uint64_t)fbits((float)r) * 19;
}

/* Random integers with every magnitude, not just 64-bit ones. */
static uint64_t random_integer(void)
{
    uint64_t r = random64();
    return r >> (random64() % 64);
}

/* Values whose integer part fits the narrow types as often as not: the
 * exponent spans 2^-8 .. 2^64. */
static double random_for_conversion(void)
{
    uint64_t u = random64();
    uint64_t exponent = 1023 - 8 + (u >> 52) % 72;
    return dfrom((u & 0x800fffffffffffffu) | exponent << 52);
}

/* The binary operations of one precision, on bit patterns: + - * /, then
 * the comparisons, then the sign operations. */
enum { CMP = BINARY_OPS, SIGN, ALL_BINARY };

static uint64_t double_operation(int op, uint64_t a, uint64_t b)
{
    double x = dfrom(a), y = dfrom(b);
    return op < BINARY_OPS ? dbits(double_binary(op, x, y))
           : op == CMP     ? double_compare(x, y)
                           : double_signs(x, y);
}

static uint64_t float_operation(int op, uint64_t a, uint64_t b)
{
    float x = ffrom64(a), y = ffrom64(b);
    return op < BINARY_OPS ? fbits(float_binary(op, x, y))
           : op == CMP     ? float_compare(x, y)
                           : float_signs(x, y);
}

static uint64_t random_double_bits(void) { return dbits(random_double()); }
static uint64_t random_float_bits(void) { return fbits(random_float()); }
static uint64_t double_for_conversion(void) { return dbits(random_for_conversion()); }
static uint64_t float_for_conversion(void) { return fbits((float)random_for_conversion()); }

struct unary {
    const char *name;
    uint64_t (*fn)(uint64_t);
};

static const struct unary double_unaries[] = {
    {"f64_to_i8", double_to_i8}, {"f64_to_u8", double_to_u8},
    {"f64_to_i16", double_to_i16}, {"f64_to_u16", double_to_u16},
    {"f64_to_i32", double_to_i32}, {"f64_to_u32", double_to_u32},
    {"f64_to_i64", double_to_i64}, {"f64_to_u64", double_to_u64},
    {"f64_to_f32", double_to_float},
};

static const struct unary float_unaries[] = {
    {"f32_to_i8", float_to_i8}, {"f32_to_u8", float_to_u8},
    {"f32_to_i16", float_to_i16}, {"f32_to_u16", float_to_u16},
    {"f32_to_i32", float_to_i32}, {"f32_to_u32", float_to_u32},
    {"f32_to_i64", float_to_i64}, {"f32_to_u64", float_to_u64},
    {"f32_to_f64", float_to_double},
};

/* Everything the corpus runs for one precision. */
struct precision {
    const char *suffix;
    const uint64_t *specials;
    size_t special_count;
    uint64_t (*operation)(int op, uint64_t a, uint64_t b);
    uint64_t (*random)(void);
    uint64_t (*for_conversion)(void);
    const struct unary *unaries;
    size_t unary_count;
    uint64_t seed;
};

static const struct precision precisions[] = {
    {".f64", double_specials, COUNT(double_specials), double_operation, random_double_bits,
     double_for_conversion, double_unaries, COUNT(double_unaries), 0x9e3779b97f4a7c15u},
    {".f32", float_specials, COUNT(float_specials), float_operation, random_float_bits,
     float_for_conversion, float_unaries, COUNT(float_unaries), 0x7f4a7c159e3779b9u},
};

static const char *const operation_names[] = {"add", "sub", "mul", "div", "cmp", "sign"};

static void run_binaries(const struct precision *p)
{
    char name[16];
    for (int op = 0; op < ALL_BINARY; op++) {
        struct digest specials, randoms;
        digest_start(&specials);
        digest_start(&randoms);
        for (size_t i = 0; i < p->special_count; i++)
            for (size_t j = 0; j < p->special_count; j++)
                digest_add(&specials, p->operation(op, p->specials[i], p->specials[j]));
        random_state = p->seed + (uint64_t)op;
        for (int i = 0; i < RANDOM_COUNT; i++) {
            uint64_t a = p->random(), b = p->random();
            digest_add(&randoms, p->operation(op, a, b));
        }
        strcat(strcpy(name, operation_names[op]), p->suffix);
        digest_print(name, "specials", &specials);
        digest_print(name, "random", &randoms);
    }
}

static void run_unaries(const struct precision *p)
{
    for (size_t k = 0; k < p->unary_count; k++) {
        struct digest specials, randoms;
        digest_start(&specials);
        digest_start(&randoms);
        for (size_t i = 0; i < p->special_count; i++)
            digest_add(&specials, p->unaries[k].fn(p->specials[i]));
        random_state = p->seed ^ (0x1234567887654321u + k);
        for (int i = 0; i < RANDOM_COUNT; i++)
            digest_add(&randoms, p->unaries[k].fn(i & 1 ? p->random() : p->for_conversion()));
        digest_print(p->unaries[k].name, "specials", &specials);
        digest_print(p->unaries[k].name, "random", &randoms);
    }
}

static void run_from_integers(void)
{
    struct digest to_double, to_float;
    digest_start(&to_double);
    digest_start(&to_float);
    random_state = 0x0123456789abcdefu;
    for (int i = 0; i < RANDOM_COUNT; i++) {
        uint64_t r = random_integer();
        digest_add(&to_double, int_to_double(r));
        digest_add(&to_float, int_to_float(r));
    }
    digest_print("int_to_f64", "random", &to_double);
    digest_print("int_to_f32", "random", &to_float);
}

/* __float128: + - * / and conversions to and from double, over random
 * operands made from two random doubles (high part and a small low part).
 * The host computes these with libgcc's soft-fp too, behind the SSE
 * calling convention: this checks the soft-float ABI's two-register
 * passing and returning more than the arithmetic. */
static void digest_quad(struct digest *d, __float128 q)
{
    uint64_t w[2];
    memcpy(w, &q, sizeof w);
    digest_add(d, w[0]);
    digest_add(d, w[1]);
}

static void run_quad(void)
{
    struct digest binaries, conversions;
    digest_start(&binaries);
    digest_start(&conversions);
    random_state = 0x51f15eed00c0ffeeu;
    for (int i = 0; i < RANDOM_COUNT; i++) {
        __float128 a = (__float128)random_for_conversion() + (__float128)random_double() * 1e-20Q;
        __float128 b = (__float128)random_for_conversion() - (__float128)random_double() * 1e-25Q;
        for (int op = 0; op < BINARY_OPS; op++)
            digest_quad(&binaries, quad_binary(op, a, b));
        digest_add(&conversions, dbits((double)(a * b)));
        digest_add(&conversions, (uint64_t)(a < b) | (uint64_t)(a == b) << 1);
    }
    digest_print("f128", "random", &binaries);
    digest_print("f128_to_f64", "random", &conversions);
}

int main(void)
{
    for (size_t i = 0; i < COUNT(precisions); i++)
        run_binaries(&precisions[i]);
    for (size_t i = 0; i < COUNT(precisions); i++)
        run_unaries(&precisions[i]);
    run_from_integers();
    run_quad();
    return 0;
}
