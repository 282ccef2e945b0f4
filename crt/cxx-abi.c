/* The C++ ABI's error entry points for x86_64-none-g++: a call through a
 * pure virtual or deleted virtual function slot is a bug, so it panics
 * (panic = abort; libsupc++'s versions would go through std::terminate).
 * Weak: a program may bring its own. */
#include <x86_64-none/panic.h>

__attribute__((weak)) _Noreturn void __cxa_pure_virtual(void);
__attribute__((weak)) _Noreturn void __cxa_deleted_virtual(void);

_Noreturn void __cxa_pure_virtual(void)
{
    none_panic_at("pure virtual function called", 0, 0, 0);
}

_Noreturn void __cxa_deleted_virtual(void)
{
    none_panic_at("deleted virtual function called", 0, 0, 0);
}
