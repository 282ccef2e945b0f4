/* x86_64-none QEMU board runtime (link with --specs=qemu.specs).
 *
 * An ordinary "int main(void)" program boots under QEMU (PVH, -kernel):
 * the console is COM1, exit() ends QEMU with the program's status (read
 * back by x86_64-none-run), returning from main exits with its value, a
 * panic or an unhandled CPU exception prints a report and exits with
 * status 101 or 102; a KASAN report (-fsanitize=kernel-address,
 * <x86_64-none/kasan.h>) exits with 103.
 */
#ifndef X86_64_NONE_QEMU_H
#define X86_64_NONE_QEMU_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Exit statuses the board uses for failures. */
#define NONE_EXIT_PANIC 101
#define NONE_EXIT_EXCEPTION 102
#define NONE_EXIT_KASAN 103

/* Console on COM1 (115200 8N1).  A program linked with newlib
 * (--specs=newlib.specs) uses newlib's <stdio.h> and <stdlib.h> instead:
 * these declarations are the board's own functions, which such a program
 * never links, so they are left out there. */
#if !__has_include(<newlib.h>)
int putchar(int c);
int puts(const char *s);
/* printf subset: %d %i %u %x %X %o %p %s %c %%, and for double %f %F %e
 * %E %g %G exactly as glibc prints them (round half to even on the exact
 * value; digits beyond 400 after the point print as zeros); lengths l ll
 * z L, a width and a precision (digits or *; integers ignore the
 * precision), flags '-' '0' '+' ' ' '#'.  Returns the number of
 * characters written. */
int printf(const char *format, ...) __attribute__((format(__printf__, 1, 2)));
int vprintf(const char *format, va_list ap) __attribute__((format(__printf__, 1, 0)));

/* End the program: QEMU exits and x86_64-none-run returns status & 0xff. */
__attribute__((__noreturn__)) void exit(int status);
__attribute__((__noreturn__)) void abort(void);
#endif

/* main may be int main(void) or int main(int argc, char **argv): argv
 * holds x86_64-none-run's FILE and ARGs (argv[0] is FILE as given,
 * argv[argc] is NULL), unquoted as <x86_64-none/cmdline.h> says.
 * none_qemu_cmdline() is the raw command line after FILE. */
const char *none_qemu_cmdline(void);

#ifdef __cplusplus
}
#endif

#endif
