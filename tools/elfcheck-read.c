/* x86_64-none-elfcheck's reader: fail closed.
 *
 * A rule checker that says "clean" about bytes it never read is worse
 * than none, so before any rule is checked the whole layout is validated
 * against the image's real size (section and program header tables, every
 * section's and segment's bytes, the string and symbol tables, every
 * relocation), and every later libelf call that fails is an error too.
 * libelf's own checks are not enough: with a truncated file it hands
 * back fewer sections, or none, without saying so on every path. */
#define _POSIX_C_SOURCE 200809L
#include "elfcheck.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

FILE *elfcheck_errors;

static FILE *errors(void)
{
    return elfcheck_errors ? elfcheck_errors : stderr;
}

/* One line for a unit that cannot be checked whole: the place, the
 * problem and what to do (SUFFIX); it is never called clean. */
static bool unit_fails(struct unit *u, const char *where, const char *suffix,
                       const char *fmt, va_list ap)
{
    if (u->unreadable) /* one line a unit: the first problem */
        return false;
    u->unreadable = true;
    char problem[256];
    vsnprintf(problem, sizeof problem, fmt, ap);
    fprintf(errors(), ELFCHECK_PROGRAM ": %s: %s: %s%s\n", u->name, where, problem, suffix);
    return false;
}

bool unit_unreadable(struct unit *u, const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    unit_fails(u, where, "; the file is truncated or damaged (rebuild it)", fmt, ap);
    va_end(ap);
    return false;
}

/* A whole file whose code cannot be found (no section headers). */
static bool unit_uncheckable(struct unit *u, const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    unit_fails(u, where, "", fmt, ap);
    va_end(ap);
    return false;
}

/* True when [offset, offset + len) lies inside the image. */
static bool in_image(const struct unit *u, uint64_t offset, uint64_t len)
{
    return offset <= u->size && len <= u->size - offset;
}

const char *section_name(struct unit *u, const GElf_Shdr *sh)
{
    const char *n = elf_strptr(u->elf, u->shstrndx, sh->sh_name);
    return n ? n : "?"; /* validate_layout refused a file where this fails */
}

size_t entry_count(const GElf_Shdr *sh)
{
    return sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;
}

const uint8_t *data_bytes(const Elf_Data *d, GElf_Addr off, size_t len)
{
    /* off comes from the file (a symbol's value less its section's
     * address, a relocation's offset): it may lie anywhere, so compare
     * without adding to it, which could wrap. */
    if (!d || !d->d_buf || off > d->d_size || d->d_size - off < len)
        return NULL;
    return (const uint8_t *)d->d_buf + off;
}

/* The section's bytes, all of them, or NULL after an error line. */
Elf_Data *section_data(struct unit *u, Elf_Scn *scn, const GElf_Shdr *sh)
{
    Elf_Data *data = elf_getdata(scn, NULL);
    char where[300];
    snprintf(where, sizeof where, "section %s", section_name(u, sh));
    if (!data && sh->sh_size && sh->sh_type != SHT_NOBITS) {
        unit_unreadable(u, where, "libelf cannot read it: %s", elf_errmsg(-1));
        return NULL;
    }
    if (data && sh->sh_type != SHT_NOBITS && data->d_size != sh->sh_size) {
        unit_unreadable(u, where, "libelf read 0x%zx of its 0x%llx bytes", data->d_size,
                        (unsigned long long)sh->sh_size);
        return NULL;
    }
    return data;
}

/* The section and program header counts the ELF header gives (through
 * section 0 for the extended numbering of large files), read from the
 * bytes: elfutils quietly says 0 sections when their table lies past the
 * end of the image, which would make a truncated file look empty. */
static bool header_counts(struct unit *u, const GElf_Ehdr *eh, size_t *shnum, size_t *phnum)
{
    *shnum = eh->e_shoff ? eh->e_shnum : 0;
    *phnum = eh->e_phnum;
    if (eh->e_shoff && (eh->e_shnum == 0 || eh->e_phnum == PN_XNUM)) {
        Elf64_Shdr first;
        const char *image = elf_rawfile(u->elf, NULL);
        if (!image || !in_image(u, eh->e_shoff, sizeof first))
            return unit_unreadable(u, "section header table", "its first entry at 0x%llx "
                                   "lies outside the file (0x%zx bytes)",
                                   (unsigned long long)eh->e_shoff, u->size);
        memcpy(&first, image + eh->e_shoff, sizeof first);
        if (eh->e_shnum == 0)
            *shnum = first.sh_size;
        if (eh->e_phnum == PN_XNUM)
            *phnum = first.sh_info;
    }
    return true;
}

/* TABLE of COUNT entries of ENTSIZE bytes (the ELF64 size WANT) at OFF
 * lies inside the file. */
static bool table_fits(struct unit *u, const char *table, size_t count, unsigned entsize,
                       size_t want, uint64_t off)
{
    if (count && (entsize != want || !in_image(u, off, (uint64_t)count * entsize)))
        return unit_unreadable(u, table, "%zu entries of %u bytes at 0x%llx do not fit the "
                               "file (0x%zx bytes)", count, entsize,
                               (unsigned long long)off, u->size);
    return true;
}

static bool validate_segments(struct unit *u, size_t phnum)
{
    bool code = false;
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        char where[64];
        snprintf(where, sizeof where, "program header %zu", i);
        if (!gelf_getphdr(u->elf, (int)i, &ph))
            return unit_unreadable(u, where, "%s", elf_errmsg(-1));
        if (!in_image(u, ph.p_offset, ph.p_filesz))
            return unit_unreadable(u, where, "bytes 0x%llx+0x%llx lie outside the file "
                                   "(0x%zx bytes)", (unsigned long long)ph.p_offset,
                                   (unsigned long long)ph.p_filesz, u->size);
        code |= ph.p_type == PT_LOAD && (ph.p_flags & PF_X) && ph.p_filesz;
    }
    /* The rules are checked section by section: without the sections, the
     * loaded code would go unread, and so cannot be called clean. */
    if (code && u->shnum == 0)
        return unit_uncheckable(u, "section header table", "there is none, so its loaded "
                                "code cannot be told from data and is not checked; check "
                                "the file before its section headers were stripped");
    return true;
}

static bool validate_headers(struct unit *u, const GElf_Ehdr *eh)
{
    size_t shnum, phnum, libelf_count;
    if (!header_counts(u, eh, &shnum, &phnum) ||
        !table_fits(u, "section header table", shnum, eh->e_shentsize, sizeof(Elf64_Shdr),
                    eh->e_shoff) ||
        !table_fits(u, "program header table", phnum, eh->e_phentsize, sizeof(Elf64_Phdr),
                    eh->e_phoff))
        return false;
    if (elf_getshdrnum(u->elf, &libelf_count) != 0 || libelf_count != shnum)
        return unit_unreadable(u, "section header table", "libelf reads %zu of its %zu "
                               "sections", libelf_count, shnum);
    if (elf_getphdrnum(u->elf, &libelf_count) != 0 || libelf_count != phnum)
        return unit_unreadable(u, "program header table", "libelf reads %zu of its %zu "
                               "entries", libelf_count, phnum);
    u->shnum = shnum;
    if (!validate_segments(u, phnum))
        return false;
    if (shnum && elf_getshdrstrndx(u->elf, &u->shstrndx) != 0)
        return unit_unreadable(u, "section name table", "%s", elf_errmsg(-1));
    if (shnum && (u->shstrndx == 0 || u->shstrndx >= shnum))
        return unit_unreadable(u, "section name table", "index %zu of %zu sections",
                               u->shstrndx, shnum);
    return true;
}

/* A section index a table names: inside the table (0 means none, which
 * only a relocation table may say: dynamic relocations name no section
 * and may have no symbols). */
static bool validate_link(struct unit *u, const char *where, size_t index, const char *what,
                          bool none_allowed)
{
    if ((index == 0 && !none_allowed) || index >= u->shnum)
        return unit_unreadable(u, where, "its %s is section %zu of %zu", what, index,
                               u->shnum);
    return true;
}

static size_t entry_size_of(Elf64_Word type)
{
    switch (type) {
    case SHT_SYMTAB:
    case SHT_DYNSYM: return sizeof(Elf64_Sym);
    case SHT_RELA: return sizeof(Elf64_Rela);
    case SHT_REL: return sizeof(Elf64_Rel);
    default: return 0;
    }
}

/* Every entry of a table section decodes (and a symbol's name is there). */
static bool validate_entries(struct unit *u, Elf_Scn *scn, const GElf_Shdr *sh,
                             const char *where)
{
    Elf_Data *data = section_data(u, scn, sh);
    if (!data)
        return !u->unreadable;
    size_t n = entry_count(sh), nsyms = 0;
    GElf_Shdr symsh;
    Elf_Scn *symscn = sh->sh_link ? elf_getscn(u->elf, sh->sh_link) : NULL;
    bool relocations = sh->sh_type == SHT_RELA || sh->sh_type == SHT_REL;
    if (relocations && symscn && gelf_getshdr(symscn, &symsh))
        nsyms = entry_count(&symsh);
    for (size_t i = 0; i < n; i++) {
        GElf_Sym s;
        GElf_Rela ra;
        GElf_Rel r;
        bool ok = sh->sh_type == SHT_RELA  ? gelf_getrela(data, (int)i, &ra) != NULL
                  : sh->sh_type == SHT_REL ? gelf_getrel(data, (int)i, &r) != NULL
                                           : gelf_getsym(data, (int)i, &s) != NULL;
        if (ok && (sh->sh_type == SHT_SYMTAB || sh->sh_type == SHT_DYNSYM) && s.st_name &&
            !elf_strptr(u->elf, sh->sh_link, s.st_name))
            return unit_unreadable(u, where, "symbol %zu's name is outside its string table",
                                   i);
        if (!ok)
            return unit_unreadable(u, where, "entry %zu: %s", i, elf_errmsg(-1));
        GElf_Xword info = sh->sh_type == SHT_RELA ? ra.r_info : r.r_info;
        if (relocations && symscn && GELF_R_SYM(info) >= nsyms)
            return unit_unreadable(u, where, "relocation %zu names symbol %llu of %zu", i,
                                   (unsigned long long)GELF_R_SYM(info), nsyms);
    }
    return true;
}

static bool validate_section(struct unit *u, size_t i)
{
    char where[300];
    snprintf(where, sizeof where, "section %zu", i);
    Elf_Scn *scn = elf_getscn(u->elf, i);
    GElf_Shdr sh;
    if (!scn || !gelf_getshdr(scn, &sh))
        return unit_unreadable(u, where, "%s", elf_errmsg(-1));
    const char *name = elf_strptr(u->elf, u->shstrndx, sh.sh_name);
    if (!name)
        return unit_unreadable(u, where, "its name is outside the section name table");
    snprintf(where, sizeof where, "section %s", name);
    if (sh.sh_type != SHT_NOBITS && !in_image(u, sh.sh_offset, sh.sh_size))
        return unit_unreadable(u, where, "bytes 0x%llx+0x%llx lie outside the file (0x%zx "
                               "bytes)", (unsigned long long)sh.sh_offset,
                               (unsigned long long)sh.sh_size, u->size);
    size_t entsize = entry_size_of(sh.sh_type);
    if (!entsize)
        return true;
    if (sh.sh_entsize != entsize || sh.sh_size % entsize)
        return unit_unreadable(u, where, "entry size %llu for 0x%llx bytes, want %zu",
                               (unsigned long long)sh.sh_entsize,
                               (unsigned long long)sh.sh_size, entsize);
    bool relocations = sh.sh_type == SHT_RELA || sh.sh_type == SHT_REL;
    if (!validate_link(u, where, sh.sh_link, "linked table", relocations))
        return false;
    if (relocations && !validate_link(u, where, sh.sh_info, "target section", true))
        return false;
    return validate_entries(u, scn, &sh, where);
}

bool validate_layout(struct unit *u)
{
    GElf_Ehdr eh;
    if (!gelf_getehdr(u->elf, &eh))
        return unit_unreadable(u, "ELF header", "%s", elf_errmsg(-1));
    if (!validate_headers(u, &eh))
        return false;
    for (size_t i = 1; i < u->shnum; i++) {
        if (!validate_section(u, i))
            return false;
        GElf_Shdr sh;
        Elf_Scn *scn = elf_getscn(u->elf, i);
        if (gelf_getshdr(scn, &sh) && sh.sh_type == SHT_SYMTAB)
            u->symtab = scn;
    }
    return true;
}

/* ------------------------------------------------------------ files */

static int check_elf(const char *name, Elf *elf, csh cs, const struct elfcheck_options *opt,
                     int *findings)
{
    GElf_Ehdr eh;
    if (elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh)) {
        fprintf(errors(), ELFCHECK_PROGRAM ": %s: not an ELF file\n", name);
        return ELFCHECK_UNREADABLE;
    }
    if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64) {
        fprintf(errors(), ELFCHECK_PROGRAM ": %s: not an x86-64 ELF64 file (class %d, "
                "machine %d)\n", name, eh.e_ident[EI_CLASS], eh.e_machine);
        return ELFCHECK_UNREADABLE;
    }
    struct unit u = {.name = name, .elf = elf, .opt = opt};
    if (!elf_rawfile(elf, &u.size))
        unit_unreadable(&u, "file", "libelf has no image of it: %s", elf_errmsg(-1));
    else if (validate_layout(&u))
        check_unit(&u, cs);
    if (opt->max_per_file && u.findings > opt->max_per_file && !opt->quiet)
        printf("%s: ... %d more not shown\n", name, u.findings - opt->max_per_file);
    if (opt->quiet && u.findings)
        printf("%s: %d violations\n", name, u.findings);
    *findings += u.findings;
    return u.unreadable ? ELFCHECK_UNREADABLE : 0;
}

void *elfcheck_memory(void *p)
{
    if (!p) {
        fprintf(errors(), ELFCHECK_PROGRAM ": out of memory\n");
        exit(ELFCHECK_UNREADABLE);
    }
    return p;
}

/* "archive(member)", to be freed. */
static char *member_name(const char *path, const char *member)
{
    size_t len = strlen(path) + strlen(member) + 3;
    char *name = elfcheck_memory(malloc(len));
    snprintf(name, len, "%s(%s)", path, member);
    return name;
}

/* One line for a damaged archive; returns ELFCHECK_UNREADABLE. */
static int archive_damaged(const char *path, const char *problem)
{
    fprintf(errors(), ELFCHECK_PROGRAM ": %s: %s; the archive is truncated or damaged "
            "(rebuild it)\n", path, problem);
    return ELFCHECK_UNREADABLE;
}

enum { AR_HEADER_SIZE = 60, AR_SIZE_FIELD = 48, AR_SIZE_WIDTH = 10 };

/* The size a member's header at OFF gives, from its own decimal field:
 * elfutils cuts ar_size down to the bytes there are, which would hide a
 * truncated member. */
static uint64_t raw_member_size(const char *archive, int64_t off)
{
    uint64_t size = 0;
    const char *field = archive + off + AR_SIZE_FIELD;
    for (int i = 0; i < AR_SIZE_WIDTH && field[i] >= '0' && field[i] <= '9'; i++)
        size = size * 10 + (uint64_t)(field[i] - '0');
    return size;
}

/* Checks one member of the archive ARCHIVE (AR_SIZE bytes); returns its
 * status, or a damaged archive's, and moves *end past it. */
static int check_member(const char *path, const char *archive, Elf *member, size_t ar_size,
                        uint64_t *end, bool *broken, csh cs,
                        const struct elfcheck_options *opt, int *findings)
{
    char problem[160];
    Elf_Arhdr *h = elf_getarhdr(member);
    int64_t off = elf_getaroff(member);
    *broken = true;
    if (!h || off < 0 || (uint64_t)off + AR_HEADER_SIZE > ar_size) {
        snprintf(problem, sizeof problem, "the member after offset 0x%llx has no readable "
                 "header", (unsigned long long)*end);
        return archive_damaged(path, problem);
    }
    uint64_t size = raw_member_size(archive, off);
    if (size != (uint64_t)h->ar_size || (uint64_t)off + AR_HEADER_SIZE + size > ar_size) {
        snprintf(problem, sizeof problem, "member %s at offset 0x%llx has %llu bytes, "
                 "runs past the end (0x%zx bytes)", h->ar_name, (unsigned long long)off,
                 (unsigned long long)size, ar_size);
        return archive_damaged(path, problem);
    }
    *broken = false;
    *end = (uint64_t)off + AR_HEADER_SIZE + size;
    *end += *end & 1; /* members are 2-aligned */
    if (h->ar_name[0] == '/') /* the symbol and long-name tables */
        return 0;
    char *name = member_name(path, h->ar_name);
    int status = check_elf(name, member, cs, opt, findings);
    free(name);
    return status;
}

/* Every member the archive's symbol index names is inside it (a member
 * cut away with its symbols still indexed is a damaged archive). */
static bool symbol_index_ok(const char *path, Elf *ar, size_t ar_size)
{
    size_t count = 0;
    Elf_Arsym *syms = elf_getarsym(ar, &count);
    for (size_t i = 0; syms && i < count; i++) {
        if (!syms[i].as_name || (uint64_t)syms[i].as_off + AR_HEADER_SIZE <= ar_size)
            continue;
        char problem[200];
        /* By number, not name: libelf's names may lack their NUL in a
         * damaged index (make fuzz found %s reading past one). */
        snprintf(problem, sizeof problem, "entry %zu of its symbol index puts a member at "
                 "0x%llx, past the end (0x%zx bytes)", i + 1,
                 (unsigned long long)syms[i].as_off, ar_size);
        archive_damaged(path, problem);
        return false;
    }
    return true;
}

/* Every member is checked, and the members account for every byte of
 * the archive: libelf's walk stops at a damaged header as it stops at
 * the end, so the end is checked by arithmetic, not by its word. */
static int check_archive(const char *path, Elf *ar, csh cs,
                         const struct elfcheck_options *opt, int *findings)
{
    enum { AR_MAGIC_SIZE = 8 };
    size_t ar_size = 0;
    const char *archive = elf_rawfile(ar, &ar_size);
    if (!archive)
        return archive_damaged(path, "libelf has no image of it");
    uint64_t end = AR_MAGIC_SIZE;
    int status = 0;
    bool broken = false;
    if (!symbol_index_ok(path, ar, ar_size))
        return ELFCHECK_UNREADABLE;
    Elf *member;
    /* elf_memory opened the archive for mapped reading; its members
     * must be asked for the same way (ELF_C_READ says "invalid file
     * descriptor", and so no member at all). */
    Elf_Cmd cmd = ELF_C_READ_MMAP;
    while (!broken && (member = elf_begin(-1, cmd, ar)) != NULL) {
        status |= check_member(path, archive, member, ar_size, &end, &broken, cs, opt,
                               findings);
        cmd = elf_next(member);
        elf_end(member);
    }
    if (!broken && end < ar_size) {
        char problem[160];
        snprintf(problem, sizeof problem, "its members end at 0x%llx of 0x%zx bytes",
                 (unsigned long long)end, ar_size);
        status = archive_damaged(path, problem);
    }
    return status;
}

int elfcheck_image(const char *name, const void *image, size_t size, csh cs,
                   const struct elfcheck_options *opt, int *findings)
{
    /* libelf does not write through the pointer in ELF_C_READ mode. */
    Elf *elf = elf_memory((char *)(uintptr_t)image, size);
    int status;
    if (!elf) {
        fprintf(errors(), ELFCHECK_PROGRAM ": %s: cannot read: %s\n", name, elf_errmsg(-1));
        status = ELFCHECK_UNREADABLE;
    } else if (elf_kind(elf) == ELF_K_AR) {
        status = check_archive(name, elf, cs, opt, findings);
    } else {
        status = check_elf(name, elf, cs, opt, findings);
    }
    if (elf)
        elf_end(elf);
    return status;
}
