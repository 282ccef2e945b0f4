/* The x86_64-none runtime: panic, abort and the stack protector.
 * Built under the target rules and linked into every program (-lnone). */
#include <stdint.h>
#include <x86_64-none/panic.h>

_Noreturn void abort(void);
_Noreturn void __stack_chk_fail(void);

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

_Noreturn void abort(void)
{
    none_panic_at("abort() called", 0, 0, 0);
}

/* -fstack-protector reads the canary from here.  Bare metal has no early
 * entropy, so it starts as a fixed value with a zero low byte (stops
 * string overflows); a program may store a random value at boot, before
 * any protected function returns. */
uintptr_t __stack_chk_guard = 0x595e9fbd94fda700ULL;

_Noreturn void __stack_chk_fail(void)
{
    none_panic_at("stack smashing detected", 0, 0, 0);
}
