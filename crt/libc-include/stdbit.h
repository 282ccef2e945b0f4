/* <stdbit.h> for x86_64-none: C23's bit utilities, which C23 requires of
 * freestanding implementations (GCC 16 does not ship the header; it has
 * the type-generic __builtin_stdc_* functions the header is made of).
 * The generic names are macros over those builtins; the per-type
 * functions (stdc_leading_zeros_ui, ...) are real functions in libnone.a.
 * A C library built for the target (newlib) comes first and replaces it.
 */
#ifndef X86_64_NONE_STDBIT_H
#define X86_64_NONE_STDBIT_H

#define __STDC_VERSION_STDBIT_H__ 202311L
#define __STDC_ENDIAN_LITTLE__ __ORDER_LITTLE_ENDIAN__
#define __STDC_ENDIAN_BIG__ __ORDER_BIG_ENDIAN__
#define __STDC_ENDIAN_NATIVE__ __BYTE_ORDER__

#ifdef __cplusplus
extern "C" {
#endif

/* X86_64_NONE_STDBIT_EACH(F, ...) applies F to each function's name,
 * result type and the builtin it is; the types are expanded below. */
#define X86_64_NONE_STDBIT_COUNTS(F, suffix, type)                            \
    F(stdc_leading_zeros##suffix, unsigned int, type, leading_zeros)          \
    F(stdc_leading_ones##suffix, unsigned int, type, leading_ones)            \
    F(stdc_trailing_zeros##suffix, unsigned int, type, trailing_zeros)        \
    F(stdc_trailing_ones##suffix, unsigned int, type, trailing_ones)          \
    F(stdc_first_leading_zero##suffix, unsigned int, type, first_leading_zero) \
    F(stdc_first_leading_one##suffix, unsigned int, type, first_leading_one)  \
    F(stdc_first_trailing_zero##suffix, unsigned int, type, first_trailing_zero) \
    F(stdc_first_trailing_one##suffix, unsigned int, type, first_trailing_one) \
    F(stdc_count_zeros##suffix, unsigned int, type, count_zeros)              \
    F(stdc_count_ones##suffix, unsigned int, type, count_ones)                \
    F(stdc_has_single_bit##suffix, _Bool, type, has_single_bit)               \
    F(stdc_bit_width##suffix, unsigned int, type, bit_width)                  \
    F(stdc_bit_floor##suffix, type, type, bit_floor)                          \
    F(stdc_bit_ceil##suffix, type, type, bit_ceil)
#define X86_64_NONE_STDBIT_EACH(F)                                            \
    X86_64_NONE_STDBIT_COUNTS(F, _uc, unsigned char)                          \
    X86_64_NONE_STDBIT_COUNTS(F, _us, unsigned short)                         \
    X86_64_NONE_STDBIT_COUNTS(F, _ui, unsigned int)                           \
    X86_64_NONE_STDBIT_COUNTS(F, _ul, unsigned long)                          \
    X86_64_NONE_STDBIT_COUNTS(F, _ull, unsigned long long)

#define X86_64_NONE_STDBIT_DECLARE(name, result, type, builtin) result name(type value);
X86_64_NONE_STDBIT_EACH(X86_64_NONE_STDBIT_DECLARE)
#undef X86_64_NONE_STDBIT_DECLARE

#ifdef __cplusplus
}
#endif

/* The type-generic forms are C's (GCC's __builtin_stdc_* exist in C
 * only); C++ has <bit> for them, and the typed functions above. */
#ifndef __cplusplus
#define stdc_leading_zeros(value) __builtin_stdc_leading_zeros(value)
#define stdc_leading_ones(value) __builtin_stdc_leading_ones(value)
#define stdc_trailing_zeros(value) __builtin_stdc_trailing_zeros(value)
#define stdc_trailing_ones(value) __builtin_stdc_trailing_ones(value)
#define stdc_first_leading_zero(value) __builtin_stdc_first_leading_zero(value)
#define stdc_first_leading_one(value) __builtin_stdc_first_leading_one(value)
#define stdc_first_trailing_zero(value) __builtin_stdc_first_trailing_zero(value)
#define stdc_first_trailing_one(value) __builtin_stdc_first_trailing_one(value)
#define stdc_count_zeros(value) __builtin_stdc_count_zeros(value)
#define stdc_count_ones(value) __builtin_stdc_count_ones(value)
#define stdc_has_single_bit(value) __builtin_stdc_has_single_bit(value)
#define stdc_bit_width(value) __builtin_stdc_bit_width(value)
#define stdc_bit_floor(value) __builtin_stdc_bit_floor(value)
#define stdc_bit_ceil(value) __builtin_stdc_bit_ceil(value)
#endif

#endif
