/* x86_64-none-mkimage's check of the kernel (see mkimage-kernel.h). */
#define _POSIX_C_SOURCE 200809L
#include "mkimage-kernel.h"

#include <gelf.h>
#include <libelf.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "boot-elf.h"

/* The Multiboot2 specification: a header, 8-aligned within the first
 * 32 KiB of the file, whose magic, architecture, length and checksum add
 * up to zero. */
#define MB2_HEADER_MAGIC NONE_MULTIBOOT2_HEADER_MAGIC
#define MB2_SEARCH_LIMIT 32768
#define MB2_ARCH_I386 0

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static bool has_multiboot2_header(const unsigned char *image, size_t size)
{
    size_t limit = size < MB2_SEARCH_LIMIT ? size : MB2_SEARCH_LIMIT;
    for (size_t off = 0; off + 16 <= limit; off += 8) {
        const unsigned char *h = image + off;
        if (rd32(h) == MB2_HEADER_MAGIC && rd32(h + 4) == MB2_ARCH_I386 && rd32(h + 8) >= 16 &&
            (uint32_t)(rd32(h) + rd32(h + 4) + rd32(h + 8) + rd32(h + 12)) == 0)
            return true;
    }
    return false;
}

const char *kernel_image_problem(const unsigned char *image, size_t size, char *why,
                                 size_t len)
{
    const char *problem = NULL;
    Elf *elf = elf_memory((char *)image, size);
    GElf_Ehdr eh;
    struct boot_elf boot;
    if (!elf || elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh))
        problem = "not an ELF file; give the kernel as x86_64-none-gcc links it";
    else if (eh.e_ident[EI_CLASS] == ELFCLASS32)
        problem = "a 32-bit ELF file; x86_64-none-mkimage takes x86-64 kernels (ELF64) "
                  "linked by x86_64-none-gcc";
    else if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64)
        problem = "an ELF file for another machine; x86_64-none-mkimage takes x86-64 kernels";
    else if (eh.e_type != ET_EXEC)
        problem = "not an executable (an object file or a shared library?); link it with "
                  "x86_64-none-gcc";
    else if ((problem = boot_elf_problem(elf, image, size, &boot, why, len)) != NULL)
        ; /* a segment outside the file, an entry outside the code, ... */
    else if (!has_multiboot2_header(image, size))
        problem = "no Multiboot2 header in its first 32 KiB; link it with "
                  "--specs=qemu.specs, --specs=pvh.specs or --specs=multiboot2.specs";
    if (elf)
        elf_end(elf);
    return problem;
}

