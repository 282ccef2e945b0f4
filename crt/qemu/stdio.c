/* The QEMU board's console output functions, declared in
 * <x86_64-none/qemu.h>.  A program linked with newlib gets newlib's
 * <stdio.h> functions instead (its libc comes first), so this object is
 * never linked there. */
#include <stdarg.h>
#include <string.h>
#include <x86_64-none/qemu.h>
#include "board.h"

int putchar(int c)
{
    char ch = (char)c;
    none_console_write(&ch, 1);
    return (unsigned char)c;
}

int puts(const char *s)
{
    none_console_write(s, strlen(s));
    none_console_write("\n", 1);
    return 1;
}

int vprintf(const char *format, va_list ap)
{
    return none_qemu_vprintf(format, ap);
}

int printf(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = none_qemu_vprintf(format, ap);
    va_end(ap);
    return n;
}
