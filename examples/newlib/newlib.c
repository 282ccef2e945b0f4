/* newlib: the C library on the QEMU board (--specs=newlib.specs with
 * --specs=qemu.specs).  Formatted output of integers and doubles
 * (%d %x %f %e %g %a, widths, precisions, flags), snprintf, strtod and
 * strtol, qsort and bsearch, setjmp/longjmp, errno, time and clock, and
 * atexit handlers that run at exit.  The expected output is what glibc
 * prints for the same program on a Linux host. */
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

static int failures;

static void check(int ok, const char *what)
{
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    failures += !ok;
}

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static jmp_buf jump;

static volatile int frames;

/* Recurses depth frames deep, then jumps back to main's setjmp. */
static int jump_back(int depth)
{
    if (depth == 0) {
        if (frames++ >= 0) /* always: frames is volatile, so not provably */
            longjmp(jump, 42);
        return 0;
    }
    frames++;
    return jump_back(depth - 1) + 1;
}

static void last_handler(void)
{
    printf("atexit: registered first, runs last\n");
}

static void first_handler(void)
{
    printf("atexit: registered last, runs first (failures: %d)\n", failures);
}

int main(void)
{
    printf("[%d] [%5d] [%-5d] [%05d] [%x] [%#X] [%lld]\n", -42, 42, 42, 42, 255, 255,
           -9000000000000000000LL);
    printf("[%f] [%.2f] [%10.3f] [%-10.1f] [%+f]\n", 3.14159265, 2.675, -1.0005, 0.25, 1e6);
    printf("[%e] [%.3E] [%g] [%g] [%g] [%.10g]\n", 123456.789, 0.000123456, 1e-5, 123456789.0,
           0.0001, 1.0 / 3);
    printf("[%a] [%a] [%.3a]\n", 1.0, -0.1, 3.14159265);
    printf("[%s] [%10s] [%-4s|] [%c] [%%]\n", "newlib", "right", "l", 'x');

    char buf[64];
    int n = snprintf(buf, sizeof buf, "%s=%.3f", "pi", 3.14159265);
    check(n == 8 && strcmp(buf, "pi=3.142") == 0, "snprintf");
    volatile size_t small = 5; /* a size the compiler cannot see */
    n = snprintf(buf, small, "%d", 123456789);
    check(n == 9 && strcmp(buf, "1234") == 0, "snprintf truncates, returns the full length");

    char *end;
    double d = strtod("  -12.5e3xyz", &end);
    check(d == -12500.0 && strcmp(end, "xyz") == 0, "strtod");
    check(strtod("0x1.8p1", NULL) == 3.0, "strtod of a hexadecimal float");
    long l = strtol("0x7fz", &end, 16);
    check(l == 0x7f && *end == 'z', "strtol base 16");
    errno = 0;
    l = strtol("99999999999999999999", NULL, 10);
    check(l == LONG_MAX && errno == ERANGE, "strtol overflow sets ERANGE");
    errno = 0;
    check(strtoul("-", &end, 10) == 0 && errno == 0, "errno untouched without a range error");

    int values[] = {42, -7, 19, 0, 1000, 3, -7, 8};
    size_t count = sizeof values / sizeof values[0];
    qsort(values, count, sizeof values[0], compare_ints);
    int sorted = 1;
    for (size_t i = 1; i < count; i++)
        sorted &= values[i - 1] <= values[i];
    check(sorted && values[0] == -7 && values[count - 1] == 1000, "qsort");
    int key = 19;
    int *found = bsearch(&key, values, count, sizeof values[0], compare_ints);
    key = 20;
    check(found && *found == 19 && !bsearch(&key, values, count, sizeof values[0], compare_ints),
          "bsearch");

    volatile int before = 1;
    int r = setjmp(jump);
    if (r == 0) {
        before = 2;
        jump_back(10);
    }
    check(r == 42 && before == 2 && frames == 11, "setjmp/longjmp across 10 frames");

    check(fopen("/no/such/file", "r") == NULL && errno == ENOSYS, "open fails with ENOSYS");

    time_t now = time(NULL);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    check(now > 1577836800 && tv.tv_sec >= now && tv.tv_usec < 1000000,
          "time and gettimeofday after 2020 (CMOS clock)");
    clock_t c0 = clock();
    volatile unsigned long spin = 0;
    while (clock() - c0 < CLOCKS_PER_SEC / 50) /* 20 ms */
        spin++;
    struct timeval tv2;
    gettimeofday(&tv2, NULL);
    long elapsed_us = (tv2.tv_sec - tv.tv_sec) * 1000000L + (tv2.tv_usec - tv.tv_usec);
    check(spin > 0 && elapsed_us >= 15000, "clock advances (TSC calibrated against the PIT)");

    atexit(last_handler);
    atexit(first_handler);
    printf("%d failures\n", failures);
    exit(failures);
}
