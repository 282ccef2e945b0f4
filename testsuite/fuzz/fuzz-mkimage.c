/* libFuzzer target: x86_64-none-mkimage's reader of the kernel
 * (tools/mkimage-kernel.c, tools/boot-elf.c). */
#define _POSIX_C_SOURCE 200809L
#include <libelf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "mkimage-kernel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready && elf_version(EV_CURRENT) == EV_NONE)
        abort();
    ready = 1;
    unsigned char *image = malloc(size ? size : 1);
    if (!image)
        return 0;
    memcpy(image, data, size);
    char why[256];
    kernel_image_problem(image, size, why, sizeof why);
    free(image);
    return 0;
}
