/* abi-harness.c: the fixed half of a generated ABI suite's C side.  Each
 * leaf compared counts; a mismatch prints the seed, the signature and the
 * first differing leaf of that call; the end prints the totals, and when
 * anything differed, per category of value the values compared and the
 * calls whose first difference was one of them.  main's status: 1 when a
 * value differed (the board runtime hands it to x86_64-none-run). */
#include "abi-harness.h"

static int signature;
static const char *signature_text, *direction;
static int reported;
static unsigned long values, mismatches;

void abi_begin(int index, const char *text)
{
    signature = index;
    signature_text = text;
}

void abi_direction(const char *name)
{
    direction = name;
    reported = 0;
}

/* A pattern no leaf was sent with, so a value never stored shows. */
void abi_clear(void *record, size_t size)
{
    volatile unsigned char *byte = record;
    while (size--)
        *byte++ = 0xa5;
}

static void print_hex(const unsigned char *bytes, size_t size)
{
    printf("0x");
    while (size--)
        printf("%02x", bytes[size]);
}

void abi_compare(const char *where, int category, const void *got, const void *want, size_t size)
{
    const unsigned char *g = got, *w = want;
    size_t i = 0;
    values++;
    abi_category_values[category]++;
    while (i < size && g[i] == w[i])
        i++;
    if (i == size)
        return;
    mismatches++;
    if (reported++)
        return;
    /* Per category, only a call's first difference: the values after it
     * are often wrong only because it shifted them. */
    abi_category_mismatches[category]++;
    printf("abi: MISMATCH seed %llu signature %d, %s: %s\nabi:   first differing: %s: got ", abi_seed,
           signature, direction, signature_text, where);
    print_hex(g, size);
    printf(" want ");
    print_hex(w, size);
    printf("\n");
}

static void print_categories(void)
{
    for (int s = 0; s < abi_scalar_count; s++) {
        for (int p = 0; p < abi_place_count; p++) {
            int c = s * abi_place_count + p;
            if (abi_category_values[c])
                printf("abi: category %s %s: %lu values, %lu calls first differ here\n",
                       abi_scalar_tags[s], abi_place_names[p], abi_category_values[c],
                       abi_category_mismatches[c]);
        }
    }
}

int main(void)
{
    abi_run_all();
    if (mismatches)
        print_categories();
    printf("abi: %d signatures, %lu values, %lu mismatches (seed %llu)\n", abi_signatures, values,
           mismatches, abi_seed);
    return mismatches != 0;
}
