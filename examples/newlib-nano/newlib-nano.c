/* newlib-nano: newlib's small configuration (--specs=nano.specs) on the
 * QEMU board.  Formatted output of integers and strings, floating point
 * because the program links it (-u _printf_float), sscanf, the small
 * malloc, and exit with atexit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void goodbye(void)
{
    puts("atexit handler");
}

int main(void)
{
    printf("[%d] [%5d] [%-4s|] [%x] [%c] [%ld]\n", -7, 42, "ab", 0xbeef, 'z', 1234567890L);
    printf("[%.3f] [%e] [%g]\n", 3.14159265, 12345.678, 0.0001);
    int a = 0, b = 0;
    char word[8];
    int n = sscanf("12 30 nano", "%d %d %7s", &a, &b, word);
    printf("sscanf: %d fields, %d + %d = %d, %s\n", n, a, b, a + b, word);
    char *p = malloc(100);
    char *q = realloc(p, 5000);
    strcpy(q, "small malloc");
    printf("%s: %s\n", q, q != NULL ? "ok" : "failed");
    free(q);
    atexit(goodbye);
    return 0;
}
