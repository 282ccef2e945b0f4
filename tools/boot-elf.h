/* What x86_64-none-run and x86_64-none-mkimage check of a kernel's ELF
 * layout before they hand it to QEMU or GRUB, which would otherwise fail
 * later with messages of their own (or load garbage): every segment they
 * load is in the file, the entry points lie in loaded executable code,
 * and the boot note is complete. */
#ifndef X86_64_NONE_BOOT_ELF_H
#define X86_64_NONE_BOOT_ELF_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <x86_64-none/boot.h>

/* PVH's ELF note: name "Xen", type XEN_ELFNOTE_PHYS32_ENTRY, a 32-bit
 * physical entry address. */
#define PVH_NOTE_NAME "Xen"
#define PVH_NOTE_TYPE NONE_PVH_NOTE_TYPE

struct boot_elf {
    bool has_pvh_note;
    uint32_t pvh_entry; /* physical, when has_pvh_note */
};

/* NULL when ELF (an ELF64 executable read from IMAGE, SIZE bytes) is
 * whole, with *out filled in; else what is wrong, written into WHY. */
const char *boot_elf_problem(Elf *elf, const unsigned char *image, size_t size,
                             struct boot_elf *out, char *why, size_t len);

#endif
