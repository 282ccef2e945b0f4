/* x86_64-none-run's check of the file it is to boot: an ELF64 x86-64
 * executable with a whole layout and a boot note or Multiboot header, or
 * an ISO 9660 or MBR disk image (see run-file.h). */
#define _POSIX_C_SOURCE 200809L
#include "run-file.h"

#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <string.h>
#include "boot-elf.h"

/* A Multiboot v1 header: 4-aligned magic in the first 8 KiB whose
 * checksum matches. */
static bool has_multiboot_header(const unsigned char *image, size_t size)
{
    size_t limit = size < 8192 ? size : 8192;
    for (size_t off = 0; off + 12 <= limit; off += 4) {
        unsigned magic, flags, sum;
        memcpy(&magic, image + off, 4);
        memcpy(&flags, image + off + 4, 4);
        memcpy(&sum, image + off + 8, 4);
        if (magic == NONE_MULTIBOOT_HEADER_MAGIC && magic + flags + sum == 0)
            return true;
    }
    return false;
}

/* An ISO 9660 file system ("CD001" in the first volume descriptor, at
 * 32 KiB + 1), what x86_64-none-mkimage and grub-mkrescue write. */
static bool is_iso9660(const unsigned char *image, size_t size)
{
    return size >= 0x8006 && !memcmp(image + 0x8001, "CD001", 5);
}

/* A disk image: the MBR's boot signature. */
static bool is_disk_image(const unsigned char *image, size_t size)
{
    return size >= 512 && image[510] == 0x55 && image[511] == 0xaa;
}

const char *bootable_problem(const unsigned char *image, size_t size, enum file_kind *kind,
                             char *why, size_t len)
{
    const char *problem = NULL;
    Elf *elf = elf_memory((char *)image, size);
    GElf_Ehdr eh;
    struct boot_elf boot;
    *kind = FILE_ELF;
    if (!elf || elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh)) {
        if (is_iso9660(image, size))
            *kind = FILE_ISO;
        else if (is_disk_image(image, size))
            *kind = FILE_DISK;
        else
            problem = "neither an ELF file nor a bootable image (ISO 9660 or MBR disk)";
    } else if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64) {
        snprintf(why, len, "not an ELF64 x86-64 file (it is %s, machine %d)",
                 eh.e_ident[EI_CLASS] == ELFCLASS32 ? "ELF32" : "another ELF class",
                 eh.e_machine);
        problem = why;
    } else if (eh.e_type != ET_EXEC) {
        problem = "not an executable (an object file or shared library?)";
    } else if ((problem = boot_elf_problem(elf, image, size, &boot, why, len)) != NULL) {
        /* a segment outside the file, an entry outside the code, ... */
    } else if (!boot.has_pvh_note && !has_multiboot_header(image, size)) {
        problem = "no PVH boot note (Xen ELF note 18) or Multiboot header: link it "
                  "with --specs=qemu.specs or --specs=pvh.specs";
    }
    if (elf)
        elf_end(elf);
    return problem;
}

