/* x86_64-none-elfcheck's parts: the fail-closed ELF reader
 * (elfcheck-read.c), the rule checks (elfcheck-rules.c) and the program
 * (elfcheck.c).  The fuzz target links the first two. */
#ifndef X86_64_NONE_ELFCHECK_H
#define X86_64_NONE_ELFCHECK_H

#include <capstone/capstone.h>
#include <gelf.h>
#include <libelf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define ELFCHECK_PROGRAM "x86_64-none-elfcheck"

/* The exit statuses (the man page and --help say the same). */
enum { ELFCHECK_CLEAN = 0, ELFCHECK_VIOLATIONS = 1, ELFCHECK_UNREADABLE = 2 };

struct elfcheck_options {
    bool quiet;       /* only the exit status and a count */
    int max_per_file; /* 0 = no limit */
    bool ibt;         /* --ibt: endbr64 where indirect branches land */
    bool retpoline;   /* --retpoline: indirect branches only through thunks */
    bool rethunk;     /* --rethunk: returns only through the return thunk */
};

/* One file or archive member being checked. */
struct unit {
    const char *name; /* "file" or "archive(member)" */
    Elf *elf;
    size_t size;      /* bytes of the image (the member's, in an archive) */
    size_t shnum;
    size_t shstrndx;
    Elf_Scn *symtab;
    int findings;
    bool unreadable;  /* a part could not be read: never "clean" */
    const struct elfcheck_options *opt;
};

/* Where the one-line errors go: stderr, unless a caller (the fuzz
 * target) sets another stream. */
extern FILE *elfcheck_errors;

/* elfcheck-read.c: every read goes through these; a failure prints one
 * line naming the file, the place and the problem, and marks the unit
 * unreadable. */
bool unit_unreadable(struct unit *u, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
bool validate_layout(struct unit *u);
const char *section_name(struct unit *u, const GElf_Shdr *sh);
Elf_Data *section_data(struct unit *u, Elf_Scn *scn, const GElf_Shdr *sh);
size_t entry_count(const GElf_Shdr *sh);
/* The len bytes at off in d, or NULL when they are not all inside it. */
const uint8_t *data_bytes(const Elf_Data *d, GElf_Addr off, size_t len);

/* A function of the unit: where it starts and ends, and its name. */
struct func {
    GElf_Addr start, end;
    size_t section;
    const char *name;
    bool global;
};

struct funcs {
    struct func *v;
    size_t n;
};

/* Every STT_FUNC symbol with a section, sorted by section and address
 * (the caller frees .v); the rules and the hardening checks share it. */
struct funcs read_funcs(struct unit *u);
/* The index of the first of f's functions in section scn, or of the
 * first in a later section (f->n when there is none). */
size_t first_func_in(const struct funcs *f, size_t scn);

/* Memory or the end: p, or one line and exit status 2 when it is NULL
 * (what malloc and realloc gave). */
void *elfcheck_memory(void *p);

/* elfcheck-rules.c: the checks of one validated unit. */
void check_unit(struct unit *u, csh cs);
/* Counts a finding of u; true when it is to be printed (not --quiet,
 * not over --max). */
bool count_finding(struct unit *u);
/* elfcheck-harden.c: the hardening checks the options ask for. */
void check_hardening(struct unit *u, csh cs, const struct funcs *funcs);

/* Checks one ELF image or archive held in memory; returns the unit's
 * status contribution (ELFCHECK_UNREADABLE or 0) and adds the
 * violations found to *findings. */
int elfcheck_image(const char *name, const void *image, size_t size, csh cs,
                   const struct elfcheck_options *opt, int *findings);

#endif
