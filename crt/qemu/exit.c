/* exit() of the QEMU board without newlib: run the C++ static
 * destructors (when the program has any, __cxa_finalize is linked), then
 * end with the exit protocol.  With newlib, newlib's exit() runs its
 * atexit handlers and calls _exit (the system layer) instead. */
#include <x86_64-none/qemu.h>
#include "board.h"

extern void __cxa_finalize(void *dso) __attribute__((weak));

_Noreturn void exit(int status)
{
    if (__cxa_finalize)
        __cxa_finalize(0);
    none_qemu_exit(status);
}
