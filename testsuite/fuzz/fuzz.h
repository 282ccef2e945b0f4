/* What the three libFuzzer targets share. */
#ifndef X86_64_NONE_FUZZ_H
#define X86_64_NONE_FUZZ_H

#include <libelf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input in a buffer of its own (libelf gets a writable image, as
 * from a file, and libFuzzer's stays untouched), with libelf ready; NULL
 * when out of memory.  The caller frees it. */
static inline unsigned char *fuzz_input(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready && elf_version(EV_CURRENT) == EV_NONE)
        abort();
    ready = 1;
    unsigned char *image = malloc(size ? size : 1);
    if (image)
        memcpy(image, data, size);
    return image;
}

#endif
