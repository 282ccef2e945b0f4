/* libFuzzer target: x86_64-none-mkimage's reader of the kernel
 * (tools/mkimage-kernel.c, tools/boot-elf.c). */
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"
#include "mkimage-kernel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *image = fuzz_input(data, size);
    if (!image)
        return 0;
    char why[256];
    kernel_image_problem(image, size, why, sizeof why);
    free(image);
    return 0;
}
