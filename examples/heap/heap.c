/* heap: a first-fit allocator over the RAM the boot loader reports.
 *
 * The PVH start info (through none_boot_memory_map(), <x86_64-none/boot.h>)
 * lists RAM ranges; the largest one above the program image becomes the
 * heap.  Physical memory below 4 GiB is mapped 1:1 by the boot stub, so
 * heap addresses are physical addresses.  (Booted from an image, GRUB's
 * boot information and modules also lie in such RAM: the QEMU board's own
 * heap keeps clear of none_boot_reserved(); this example is for PVH.) */
#include <stddef.h>
#include <stdint.h>
#include <x86_64-none/boot.h>
#include <x86_64-none/qemu.h>

extern char __image_end_phys[]; /* from the kit's linker script */

struct block {
    size_t size;         /* bytes after this header */
    struct block *next;  /* next free block */
};

static struct block *free_list;
static size_t heap_bytes;
static int ranges;

/* Keeps the largest RAM range above the image. */
static void consider(const struct none_mem_range *r, void *arg)
{
    struct none_mem_range *best = arg;
    uint64_t start = r->addr, end = r->addr + r->size;
    uint64_t floor = ((uint64_t)(uintptr_t)__image_end_phys + 0xfff) & ~0xfffULL;
    ranges++;
    if (end > (4ULL << 30))
        end = 4ULL << 30; /* only the first 4 GiB are mapped */
    if (start < floor)
        start = floor;
    if (end > start && end - start > best->size) {
        best->addr = start;
        best->size = end - start;
    }
}

static void heap_init(void)
{
    struct none_mem_range best = {0, 0};
    none_boot_memory_map(consider, &best);
    if (best.size < 4096)
        return;
    free_list = (struct block *)(uintptr_t)best.addr;
    free_list->size = best.size - sizeof(struct block);
    free_list->next = NULL;
    heap_bytes = best.size;
}

static void *heap_alloc(size_t n)
{
    n = (n + 15) & ~(size_t)15;
    for (struct block **p = &free_list; *p; p = &(*p)->next) {
        struct block *b = *p;
        if (b->size < n)
            continue;
        if (b->size >= n + sizeof(struct block) + 16) {
            struct block *rest = (struct block *)((char *)(b + 1) + n);
            rest->size = b->size - n - sizeof(struct block);
            rest->next = b->next;
            b->size = n;
            *p = rest;
        } else {
            *p = b->next;
        }
        return b + 1;
    }
    return NULL;
}

static void heap_free(void *ptr)
{
    struct block *b = (struct block *)ptr - 1;
    b->next = free_list;
    free_list = b;
}

int main(void)
{
    heap_init();
    if (!heap_bytes) {
        puts("heap: no RAM found in the boot information");
        return 1;
    }
    /* QEMU gets 128 MiB from x86_64-none-run: most of it must be usable. */
    printf("heap: %d RAM ranges, heap of at least 100 MiB: %s\n", ranges,
           heap_bytes >= 100u << 20 ? "yes" : "no");

    uint64_t *blocks[32];
    for (int i = 0; i < 32; i++) {
        blocks[i] = heap_alloc((size_t)(i + 1) * 4096);
        if (!blocks[i]) {
            printf("allocation %d failed\n", i);
            return 1;
        }
        for (size_t w = 0; w < (size_t)(i + 1) * 512; w++)
            blocks[i][w] = (uint64_t)i << 32 | w;
    }
    int intact = 1;
    for (int i = 0; i < 32; i++)
        for (size_t w = 0; w < (size_t)(i + 1) * 512; w++)
            intact &= blocks[i][w] == ((uint64_t)i << 32 | w);
    printf("32 blocks (4 KiB to 128 KiB) written and read back: %s\n", intact ? "ok" : "CORRUPT");
    for (int i = 0; i < 32; i += 2)
        heap_free(blocks[i]);
    void *again = heap_alloc(4096);
    /* The last block freed heads the free list: first fit takes it. */
    printf("freed memory is reused: %s\n", again == (void *)blocks[30] ? "yes" : "no");
    void *huge = heap_alloc((size_t)1 << 31);
    printf("a 2 GiB request fails cleanly: %s\n", huge ? "no" : "yes");
    return intact && !huge && again == (void *)blocks[30] ? 0 : 1;
}
