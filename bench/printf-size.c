/* The program of bench/libc-size.sh: one printf of integers and a string,
 * and with -DWITH_FLOAT one of a double, built against each C library the
 * kit offers (the board's printf, newlib, newlib-nano). */
#if __has_include(<newlib.h>)
#include <stdio.h>
#else
#include <x86_64-none/qemu.h>
#endif

int main(int argc, char **argv)
{
    (void)argv;
    printf("hello %d %s %x\n", argc, "world", 255u);
#ifdef WITH_FLOAT
    printf("%f\n", argc * 1.5);
#endif
    return 0;
}
