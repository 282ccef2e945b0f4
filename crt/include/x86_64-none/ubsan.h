/* x86_64-none UBSan runtime: what -fsanitize=undefined code calls.
 *
 * x86_64-none-gcc -fsanitize=undefined makes GCC check signed overflow,
 * shifts, division, array bounds, null, misaligned and too-small object
 * accesses, and more, and call the __ubsan_handle_* functions of the kit's
 * libubsan.a (which the driver links for that option).  Each report
 * reaches none_ubsan_handler(): the default panics (the panic hook prints
 * kind, file and line; the message carries the column), a program's own
 * definition may log and return, and execution continues (except where
 * GCC was told -fno-sanitize-recover, whose _abort entry points panic
 * after the handler returns).  -fsanitize-trap=undefined needs no runtime
 * at all: a check that fails executes ud2 (an invalid-opcode exception).
 */
#ifndef X86_64_NONE_UBSAN_H
#define X86_64_NONE_UBSAN_H

#ifdef __cplusplus
extern "C" {
#endif

struct none_ubsan_info {
    const char *kind;     /* "signed integer overflow", "null pointer access", ... */
    const char *type;     /* the C type involved, or NULL */
    const char *file;     /* where, as GCC recorded it */
    unsigned line, column;
};

void none_ubsan_handler(const struct none_ubsan_info *info);

#ifdef __cplusplus
}
#endif

#endif
