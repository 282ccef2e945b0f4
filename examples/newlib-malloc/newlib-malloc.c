/* newlib-malloc: newlib's malloc, realloc and free on the board's heap
 * (the system layer's sbrk over the boot memory map), under a stress
 * loop: blocks of random sizes are allocated, filled with a pattern,
 * grown or shrunk with realloc (keeping their contents) and freed in
 * random order; every block is checked before it goes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 64
#define ROUNDS 20000

static uint64_t state = 0x9e3779b97f4a7c15ULL;

static uint64_t next_random(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

struct slot {
    unsigned char *p;
    size_t size;
    unsigned char tag;
};

static int intact(const struct slot *s)
{
    for (size_t i = 0; i < s->size; i++)
        if (s->p[i] != (unsigned char)(s->tag + i))
            return 0;
    return 1;
}

static void fill(struct slot *s, size_t from)
{
    for (size_t i = from; i < s->size; i++)
        s->p[i] = (unsigned char)(s->tag + i);
}

int main(void)
{
    static struct slot slots[SLOTS];
    unsigned long allocs = 0, reallocs = 0, frees = 0, corrupt = 0, failed = 0;
    size_t peak = 0, live = 0;
    for (int round = 0; round < ROUNDS; round++) {
        struct slot *s = &slots[next_random() % SLOTS];
        /* Sizes from 1 byte to 64 KiB, small ones most often. */
        size_t size = 1 + next_random() % (next_random() % 8 == 0 ? 65536 : 256);
        if (!s->p) {
            s->p = malloc(size);
            if (!s->p) {
                failed++;
                continue;
            }
            s->size = size;
            s->tag = (unsigned char)next_random();
            fill(s, 0);
            allocs++;
            live += size;
        } else if (next_random() % 3 == 0) {
            corrupt += !intact(s);
            unsigned char *p = realloc(s->p, size);
            if (!p) {
                failed++;
                continue;
            }
            size_t kept = s->size < size ? s->size : size;
            s->p = p;
            for (size_t i = 0; i < kept; i++)
                corrupt += p[i] != (unsigned char)(s->tag + i);
            live += size - s->size;
            s->size = size;
            fill(s, kept);
            reallocs++;
        } else {
            corrupt += !intact(s);
            free(s->p);
            live -= s->size;
            s->p = NULL;
            frees++;
        }
        if (live > peak)
            peak = live;
    }
    for (int i = 0; i < SLOTS; i++) {
        if (slots[i].p) {
            corrupt += !intact(&slots[i]);
            free(slots[i].p);
        }
    }
    void *big = malloc(8 << 20); /* 8 MiB: the heap is the board's RAM */
    printf("%lu malloc, %lu realloc, %lu free, peak over 100 KiB: %s\n", allocs, reallocs,
           frees, peak > 100 * 1024 ? "yes" : "no");
    printf("corrupted blocks: %lu, failed allocations: %lu, 8 MiB block: %s\n", corrupt, failed,
           big ? "yes" : "no");
    free(big);
    return corrupt || failed || !big;
}
