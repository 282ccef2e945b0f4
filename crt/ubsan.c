/* The UBSan runtime of the x86_64-none kit (<x86_64-none/ubsan.h>),
 * installed as libubsan.a in each multilib folder, which GCC's driver
 * links for -fsanitize=undefined.  The entry points and their data follow
 * GCC's ubsan.cc: every data block starts with the source location (but
 * nonnull_return's, whose location comes as the second argument), most
 * have a type descriptor next. */
#include <stddef.h>
#include <stdint.h>
#include <x86_64-none/panic.h>
#include <x86_64-none/ubsan.h>

struct source_location {
    const char *file;
    uint32_t line, column;
};

struct type_descriptor {
    uint16_t kind, info;
    char name[];
};

/* The common head: location, then (for most checks) a type. */
struct located_type {
    struct source_location loc;
    const struct type_descriptor *type;
};

struct type_mismatch {
    struct source_location loc;
    const struct type_descriptor *type;
    unsigned char log_alignment;
    unsigned char check_kind;
};

/* Writes "KIND (TYPE), column N" into buf (the panic message). */
static void describe(char *buf, size_t size, const struct none_ubsan_info *info)
{
    size_t n = 0;
    const char *parts[] = {"undefined behaviour: ", info->kind, info->type ? " (" : "",
                           info->type ? info->type : "", info->type ? ")" : "", ", column "};
    for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++)
        for (const char *c = parts[p]; *c && n + 1 < size; c++)
            buf[n++] = *c;
    char digits[10];
    int d = 0;
    unsigned v = info->column;
    do
        digits[d++] = (char)('0' + v % 10);
    while ((v /= 10) && d < 10);
    while (d > 0 && n + 1 < size)
        buf[n++] = digits[--d];
    buf[n] = '\0';
}

/* The default: a panic naming the place. */
__attribute__((weak)) void none_ubsan_handler(const struct none_ubsan_info *info)
{
    static char message[160];
    describe(message, sizeof message, info);
    none_panic_at(message, info->file, info->line, 0);
}

static void report(const struct source_location *loc, const struct type_descriptor *type,
                   const char *kind)
{
    struct none_ubsan_info info = {
        .kind = kind,
        .type = type ? type->name : 0,
        .file = loc ? loc->file : 0,
        .line = loc ? loc->line : 0,
        .column = loc ? loc->column : 0,
    };
    none_ubsan_handler(&info);
}

static _Noreturn void report_and_stop(const struct source_location *loc,
                                      const struct type_descriptor *type, const char *kind)
{
    report(loc, type, kind);
    none_panic_at("undefined behaviour (not recoverable: -fno-sanitize-recover)",
                  loc ? loc->file : 0, loc ? loc->line : 0, 0);
}

/* A handler and its _abort twin for checks whose data is a located type.
 * GCC also passes the operands (as values or pointers, after the data);
 * the reports do not print them, so the definitions leave them out, which
 * the calling convention allows (the caller owns its arguments). */
#define TYPED_CHECK(name, kind)                                                 \
    void __ubsan_handle_##name(const struct located_type *d);                  \
    void __ubsan_handle_##name##_abort(const struct located_type *d);          \
    void __ubsan_handle_##name(const struct located_type *d)                   \
    {                                                                           \
        report(&d->loc, d->type, kind);                                         \
    }                                                                           \
    void __ubsan_handle_##name##_abort(const struct located_type *d)           \
    {                                                                           \
        report_and_stop(&d->loc, d->type, kind);                                \
    }

/* The same for checks whose data has no type after the location. */
#define PLACE_CHECK(name, kind)                                                 \
    void __ubsan_handle_##name(const struct source_location *d);               \
    void __ubsan_handle_##name##_abort(const struct source_location *d);       \
    void __ubsan_handle_##name(const struct source_location *d)                \
    {                                                                           \
        report(d, 0, kind);                                                     \
    }                                                                           \
    void __ubsan_handle_##name##_abort(const struct source_location *d)        \
    {                                                                           \
        report_and_stop(d, 0, kind);                                            \
    }

TYPED_CHECK(add_overflow, "signed integer overflow in +")
TYPED_CHECK(sub_overflow, "signed integer overflow in -")
TYPED_CHECK(mul_overflow, "signed integer overflow in *")
TYPED_CHECK(negate_overflow, "signed integer overflow in unary -")
TYPED_CHECK(divrem_overflow, "division by zero or overflow in / or %")
TYPED_CHECK(shift_out_of_bounds, "shift out of bounds")
TYPED_CHECK(out_of_bounds, "array index out of bounds")
TYPED_CHECK(vla_bound_not_positive, "variable-length array bound not positive")
TYPED_CHECK(load_invalid_value, "load of a value invalid for its type")
TYPED_CHECK(float_cast_overflow, "floating-point value out of range in a conversion")
PLACE_CHECK(pointer_overflow, "pointer arithmetic overflow")
PLACE_CHECK(nonnull_arg, "null passed as an argument declared nonnull")
PLACE_CHECK(invalid_builtin, "invalid argument to a builtin (0 to ctz/clz)")
TYPED_CHECK(dynamic_type_cache_miss, "C++ object of the wrong dynamic type")

/* null, misaligned or too-small object accesses (type_mismatch_v1). */
static const char *mismatch_kind(const struct type_mismatch *d, uintptr_t pointer)
{
    if (!pointer)
        return "null pointer access";
    if (pointer & ((1UL << d->log_alignment) - 1))
        return "misaligned access";
    return "access to an object too small for its type";
}

void __ubsan_handle_type_mismatch_v1(const struct type_mismatch *d, void *pointer);
void __ubsan_handle_type_mismatch_v1_abort(const struct type_mismatch *d, void *pointer);

void __ubsan_handle_type_mismatch_v1(const struct type_mismatch *d, void *pointer)
{
    report(&d->loc, d->type, mismatch_kind(d, (uintptr_t)pointer));
}

void __ubsan_handle_type_mismatch_v1_abort(const struct type_mismatch *d, void *pointer)
{
    report_and_stop(&d->loc, d->type, mismatch_kind(d, (uintptr_t)pointer));
}

/* nonnull_return_v1: the data is the attribute's place, the second
 * argument the return statement's. */
void __ubsan_handle_nonnull_return_v1(const void *d, const struct source_location *loc);
void __ubsan_handle_nonnull_return_v1_abort(const void *d, const struct source_location *loc);

void __ubsan_handle_nonnull_return_v1(const void *d, const struct source_location *loc)
{
    (void)d;
    report(loc, 0, "null returned from a function declared returns_nonnull");
}

void __ubsan_handle_nonnull_return_v1_abort(const void *d, const struct source_location *loc)
{
    (void)d;
    report_and_stop(loc, 0, "null returned from a function declared returns_nonnull");
}

/* Reaching __builtin_unreachable() or the end of a C++ value-returning
 * function never continues. */
void __ubsan_handle_builtin_unreachable(const struct source_location *loc);
void __ubsan_handle_missing_return(const struct source_location *loc);

void __ubsan_handle_builtin_unreachable(const struct source_location *loc)
{
    report_and_stop(loc, 0, "__builtin_unreachable() reached");
}

void __ubsan_handle_missing_return(const struct source_location *loc)
{
    report_and_stop(loc, 0, "end of a value-returning function reached");
}
