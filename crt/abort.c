/* abort() without newlib: a panic.  An object of its own so that a
 * program linked with newlib (whose abort raises SIGABRT through the
 * system layer) never gets both. */
#include <x86_64-none/panic.h>

_Noreturn void abort(void);

_Noreturn void abort(void)
{
    none_panic_at("abort() called", 0, 0, 0);
}
