/* The kernel x86_64-none-mkimage puts into an image: an ELF64 x86-64
 * executable with a whole layout and a Multiboot2 header (shared with
 * the fuzz target). */
#ifndef X86_64_NONE_MKIMAGE_KERNEL_H
#define X86_64_NONE_MKIMAGE_KERNEL_H

#include <stddef.h>

/* NULL when IMAGE (SIZE bytes) is a kernel GRUB's multiboot2 command
 * loads; else why not, perhaps written into WHY.  libelf must be
 * initialised (elf_version). */
const char *kernel_image_problem(const unsigned char *image, size_t size, char *why,
                                 size_t len);

#endif
