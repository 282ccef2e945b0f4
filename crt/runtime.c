/* The x86_64-none runtime: panic (abort() and the stack protector are
 * objects of their own, abort.c and stack-protector.c, so that newlib's
 * can take their place).
 * Built under the target rules and linked into every program (-lnone). */
#include <x86_64-none/panic.h>


/* The default panic handler: interrupts off, halt forever.  Weak, so that
 * a program's own handler replaces it. */
__attribute__((weak)) _Noreturn void
none_panic_handler(const struct none_panic_info *info)
{
    (void)info;
    for (;;)
        __asm__ volatile("cli; hlt");
}

_Noreturn void none_panic_at(const char *message, const char *file,
                             unsigned line, const char *function)
{
    struct none_panic_info info = {
        .message = message ? message : "panic",
        .file = file,
        .line = line,
        .function = function,
    };
    none_panic_handler(&info);
    /* A handler that returns breaks the contract: stop here anyway. */
    for (;;)
        __asm__ volatile("cli; hlt");
}
