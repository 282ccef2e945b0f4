/* x86_64-none-elfcheck's table of a unit's functions (STT_FUNC symbols
 * with a section), which the rules (where a function starts, to forget
 * the previous one's frame) and the hardening checks (which function an
 * address lies in) share. */
#define _POSIX_C_SOURCE 200809L
#include "elfcheck.h"

#include <stdlib.h>

static int compare_func(const void *a, const void *b)
{
    const struct func *x = a, *y = b;
    if (x->section != y->section)
        return (x->section > y->section) - (x->section < y->section);
    return (x->start > y->start) - (x->start < y->start);
}

struct funcs read_funcs(struct unit *u)
{
    struct funcs f = {NULL, 0};
    Elf_Data *data = u->symtab ? elf_getdata(u->symtab, NULL) : NULL;
    GElf_Shdr symsh;
    if (!data || !gelf_getshdr(u->symtab, &symsh) || !symsh.sh_entsize)
        return f;
    size_t count = entry_count(&symsh);
    f.v = elfcheck_memory(malloc((count + 1) * sizeof *f.v));
    for (size_t i = 1; i < count; i++) {
        GElf_Sym s;
        if (!gelf_getsym(data, (int)i, &s) || GELF_ST_TYPE(s.st_info) != STT_FUNC ||
            s.st_shndx == SHN_UNDEF || s.st_shndx >= SHN_LORESERVE)
            continue;
        const char *name = elf_strptr(u->elf, symsh.sh_link, s.st_name);
        f.v[f.n++] = (struct func){s.st_value, s.st_value + s.st_size, s.st_shndx,
                                   name ? name : "?", GELF_ST_BIND(s.st_info) != STB_LOCAL};
    }
    if (f.n)
        qsort(f.v, f.n, sizeof *f.v, compare_func);
    return f;
}

size_t first_func_in(const struct funcs *f, size_t scn)
{
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->v[mid].section < scn)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
