/* The stack protector's canary and failure path (-fstack-protector*).
 * An object of its own: newlib has both too, and a program linked with
 * newlib takes newlib's. */
#include <stdint.h>
#include <x86_64-none/panic.h>

_Noreturn void __stack_chk_fail(void);

/* -fstack-protector reads the canary from here.  Bare metal has no early
 * entropy, so it starts as a fixed value with a zero low byte (stops
 * string overflows); a program may store a random value at boot, before
 * any protected function returns. */
uintptr_t __stack_chk_guard = 0x595e9fbd94fda700ULL;

_Noreturn void __stack_chk_fail(void)
{
    none_panic_at("stack smashing detected", 0, 0, 0);
}
