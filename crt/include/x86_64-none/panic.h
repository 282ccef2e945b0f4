/* x86_64-none: the panic hook, the C counterpart of Rust's #[panic_handler].
 *
 * Everything that cannot continue (assert, abort, a smashed stack) ends in
 * none_panic_at() (the none_panic() macro adds the place), which calls
 * none_panic_handler().  The kit's default
 * handler disables interrupts and halts the CPU forever; a program
 * provides its own by defining
 *
 *     void none_panic_handler(const struct none_panic_info *info) { ... }
 *
 * (the default is a weak symbol).  A handler must not return.
 */
#ifndef X86_64_NONE_PANIC_H
#define X86_64_NONE_PANIC_H

#ifdef __cplusplus
extern "C" {
#endif

struct none_panic_info {
    const char *message;  /* what went wrong, never NULL */
    const char *file;     /* source file, or NULL when unknown */
    unsigned line;        /* source line, 0 when unknown */
    const char *function; /* function name, or NULL when unknown */
};

/* Override this to report a panic; it must not return. */
__attribute__((__noreturn__)) void none_panic_handler(const struct none_panic_info *info);

/* Panic with a message and where it happened. */
__attribute__((__noreturn__)) void none_panic_at(const char *message, const char *file,
                             unsigned line, const char *function);

#define none_panic(message) none_panic_at((message), __FILE__, __LINE__, __func__)

#ifdef __cplusplus
}
#endif

#endif
