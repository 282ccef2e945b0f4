/* KASAN overhead, plain computing: an insertion sort of an array on the
 * stack, a matrix product over global arrays, and string copies, for a
 * fixed amount of work (kasan-bench.sh builds it with and without
 * -fsanitize=kernel-address).  Prints its own time, from the board clock. */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#define N 48

static int a[N][N], b[N][N], c[N][N];

static unsigned long long now_us(void)
{
    struct timeval tv;
    gettimeofday(&tv, 0);
    return (unsigned long long)tv.tv_sec * 1000000 + (unsigned long long)tv.tv_usec;
}

__attribute__((noinline)) static long sort_round(unsigned seed)
{
    int v[600];
    for (int i = 0; i < 600; i++) {
        seed = seed * 1103515245u + 12345u;
        v[i] = (int)(seed >> 12);
    }
    for (int i = 1; i < 600; i++) {
        int key = v[i], j = i - 1;
        while (j >= 0 && v[j] > key) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = key;
    }
    return v[0] + v[599];
}

__attribute__((noinline)) static long matrix_round(int k)
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = i + j + k;
            b[i][j] = i - j;
        }
    long trace = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int s = 0;
            for (int m = 0; m < N; m++)
                s += a[i][m] * b[m][j];
            c[i][j] = s;
        }
    for (int i = 0; i < N; i++)
        trace += c[i][i];
    return trace;
}

__attribute__((noinline)) static long string_round(int k)
{
    char text[256], copy[256];
    for (int i = 0; i < 255; i++)
        text[i] = (char)('a' + (i + k) % 26);
    text[255] = 0;
    long n = 0;
    for (int i = 0; i < 20; i++) {
        strcpy(copy, text + i);
        n += (long)strlen(copy);
        memcpy(copy, text, 200);
        n += copy[i];
    }
    return n;
}

int main(void)
{
    long sum = 0;
    unsigned long long start = now_us();
    for (int k = 0; k < 40; k++) {
        sum += sort_round((unsigned)k);
        sum += matrix_round(k);
        sum += string_round(k);
    }
    unsigned long long elapsed = now_us() - start;
    printf("checksum %ld\nwork_us %llu\n", sum, elapsed);
    return 0;
}
