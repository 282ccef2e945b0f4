/* KASAN overhead, the heap: a pool of blocks of mixed sizes, each one
 * freed and allocated again, filled and summed, for a fixed number of
 * rounds (newlib's malloc; kasan-bench.sh builds it with and without
 * -fsanitize=kernel-address).  Prints its own time, from the board clock. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#define SLOTS 256
#define ROUNDS 40000

static unsigned long long now_us(void)
{
    struct timeval tv;
    gettimeofday(&tv, 0);
    return (unsigned long long)tv.tv_sec * 1000000 + (unsigned long long)tv.tv_usec;
}

int main(void)
{
    static unsigned char *slot[SLOTS];
    static size_t size[SLOTS];
    unsigned x = 12345;
    unsigned long sum = 0;
    unsigned long long start = now_us();
    for (int r = 0; r < ROUNDS; r++) {
        x = x * 1103515245u + 12345u;
        int i = (int)((x >> 8) % SLOTS);
        free(slot[i]);
        size[i] = 16 + (x >> 20) % 480;
        slot[i] = malloc(size[i]);
        if (!slot[i])
            return 1;
        memset(slot[i], (int)r, size[i]);
        for (size_t j = 0; j < size[i]; j += 8)
            sum += slot[i][j];
    }
    unsigned long long elapsed = now_us() - start;
    printf("checksum %lu\nwork_us %llu\n", sum, elapsed);
    return 0;
}
