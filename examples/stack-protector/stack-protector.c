/* stack-protector: -fstack-protector-strong catches a buffer overflow on
 * return; the runtime's __stack_chk_fail panics ("stack smashing
 * detected"), and the board exits with status 101. */
#include <x86_64-none/qemu.h>

__attribute__((noinline)) static void fill(char *buf, int n)
{
    for (int i = 0; i < n; i++)
        buf[i] = 'A';
}

__attribute__((noinline)) static int greet(int n)
{
    char name[16];
    fill(name, n); /* n > 16 overruns name and the canary behind it */
    return name[0];
}

int main(void)
{
    volatile int ok = 8, bad = 64;
    printf("within bounds: %c\n", greet(ok));
    printf("overflow: %c\n", greet(bad));
    puts("not reached");
    return 0;
}
