/* A kernel ELF's layout, checked before booting it (see boot-elf.h).
 * The program header table is read from the ELF header's own fields:
 * elfutils quietly reports no segments when the table lies past the end
 * of a truncated file. */
#define _POSIX_C_SOURCE 200809L
#include "boot-elf.h"

#include <stdio.h>
#include <string.h>

#define DAMAGED "; the file is truncated or damaged (link it again)"

static bool in_image(size_t size, uint64_t offset, uint64_t len)
{
    return offset <= size && len <= size - offset;
}

/* True when ADDR lies in the file-backed part of an executable PT_LOAD,
 * by virtual address or (PHYSICAL) by load address. */
static bool in_loaded_code(Elf *elf, size_t phnum, uint64_t addr, bool physical)
{
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD || !(ph.p_flags & PF_X))
            continue;
        uint64_t start = physical ? ph.p_paddr : ph.p_vaddr;
        if (addr >= start && addr - start < ph.p_filesz)
            return true;
    }
    return false;
}

/* Walks the notes of one PT_NOTE segment (inside the file); NULL when
 * every note is complete. */
static const char *read_notes(const unsigned char *image, const GElf_Phdr *ph,
                              struct boot_elf *out, char *why, size_t len)
{
    Elf_Data data = {.d_buf = (void *)(image + ph->p_offset), .d_size = ph->p_filesz,
                     .d_type = ELF_T_NHDR, .d_version = EV_CURRENT};
    size_t off = 0, next, name_off, desc_off;
    GElf_Nhdr nh;
    while (off < ph->p_filesz &&
           (next = gelf_getnote(&data, off, &nh, &name_off, &desc_off)) > 0) {
        const char *name = (const char *)data.d_buf + name_off;
        if (nh.n_type == PVH_NOTE_TYPE && nh.n_namesz == sizeof PVH_NOTE_NAME &&
            !memcmp(name, PVH_NOTE_NAME, sizeof PVH_NOTE_NAME)) {
            if (nh.n_descsz < 4) {
                snprintf(why, len, "its PVH boot note holds %u bytes, not a 32-bit entry "
                         "address" DAMAGED, (unsigned)nh.n_descsz);
                return why;
            }
            uint32_t entry;
            memcpy(&entry, (const char *)data.d_buf + desc_off, sizeof entry);
            out->has_pvh_note = true;
            out->pvh_entry = entry;
        }
        off = next;
    }
    /* gelf_getnote says 0 both at the end and at a note cut short. */
    if (off < ph->p_filesz) {
        snprintf(why, len, "a note at offset 0x%llx is cut short" DAMAGED,
                 (unsigned long long)(ph->p_offset + off));
        return why;
    }
    return NULL;
}

static const char *check_segment(Elf *elf, const unsigned char *image, size_t size,
                                 size_t i, struct boot_elf *out, char *why, size_t len)
{
    GElf_Phdr ph;
    if (!gelf_getphdr(elf, (int)i, &ph)) {
        snprintf(why, len, "program header %zu cannot be read: %s" DAMAGED, i,
                 elf_errmsg(-1));
        return why;
    }
    if (ph.p_type != PT_LOAD && ph.p_type != PT_NOTE)
        return NULL;
    if (!in_image(size, ph.p_offset, ph.p_filesz)) {
        snprintf(why, len, "segment %zu (bytes 0x%llx+0x%llx) lies outside the file "
                 "(0x%zx bytes)" DAMAGED, i, (unsigned long long)ph.p_offset,
                 (unsigned long long)ph.p_filesz, size);
        return why;
    }
    if (ph.p_type == PT_LOAD && ph.p_filesz > ph.p_memsz) {
        snprintf(why, len, "segment %zu has more bytes in the file than in memory" DAMAGED,
                 i);
        return why;
    }
    return ph.p_type == PT_NOTE ? read_notes(image, &ph, out, why, len) : NULL;
}

static const char *check_entries(Elf *elf, const GElf_Ehdr *eh, size_t phnum,
                                 const struct boot_elf *out, char *why, size_t len)
{
    if (!in_loaded_code(elf, phnum, eh->e_entry, false)) {
        snprintf(why, len, "its entry point 0x%llx is not in a loaded executable "
                 "segment" DAMAGED, (unsigned long long)eh->e_entry);
        return why;
    }
    if (out->has_pvh_note && !in_loaded_code(elf, phnum, out->pvh_entry, true)) {
        snprintf(why, len, "its PVH entry 0x%x is not in a loaded executable segment"
                 DAMAGED, (unsigned)out->pvh_entry);
        return why;
    }
    return NULL;
}

const char *boot_elf_problem(Elf *elf, const unsigned char *image, size_t size,
                             struct boot_elf *out, char *why, size_t len)
{
    *out = (struct boot_elf){0};
    GElf_Ehdr eh;
    size_t phnum;
    if (!gelf_getehdr(elf, &eh) || eh.e_phnum == PN_XNUM) {
        snprintf(why, len, "its ELF header cannot be read" DAMAGED);
        return why;
    }
    phnum = eh.e_phnum;
    if (phnum == 0 || eh.e_phentsize != sizeof(Elf64_Phdr) ||
        !in_image(size, eh.e_phoff, (uint64_t)phnum * sizeof(Elf64_Phdr))) {
        snprintf(why, len, "its program header table (%zu entries at 0x%llx) is not in "
                 "the file (0x%zx bytes)" DAMAGED, phnum, (unsigned long long)eh.e_phoff,
                 size);
        return why;
    }
    for (size_t i = 0; i < phnum; i++) {
        const char *problem = check_segment(elf, image, size, i, out, why, len);
        if (problem)
            return problem;
    }
    return check_entries(elf, &eh, phnum, out, why, len);
}
