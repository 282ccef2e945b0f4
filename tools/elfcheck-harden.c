/* x86_64-none-elfcheck's hardening checks, each off unless asked for:
 *
 *   --ibt        every function whose address is taken (or, in an object
 *                file, that is global, so another file may take it) starts
 *                with endbr64, and no notrack indirect call or jump except a
 *                switch table's jump;
 *   --retpoline  no indirect call or jump through a register or memory:
 *                only through the __x86_indirect_thunk_* thunks;
 *   --rethunk    no ret outside the thunks: functions return through
 *                __x86_return_thunk.
 *
 * What a reviewer cannot do by eye over a linked kernel.  Each finding
 * names the function and the address, as the other rules do. */
#define _POSIX_C_SOURCE 200809L
#include "elfcheck.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The addresses an indirect branch may reach: sorted, with duplicates. */
struct targets {
    GElf_Addr *v;
    size_t n, cap;
};

static void add_target(struct targets *t, GElf_Addr a)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 64;
        t->v = elfcheck_memory(realloc(t->v, t->cap * sizeof *t->v));
    }
    t->v[t->n++] = a;
}

static int compare_addr(const void *a, const void *b)
{
    GElf_Addr x = *(const GElf_Addr *)a, y = *(const GElf_Addr *)b;
    return (x > y) - (x < y);
}

static bool has_target(const struct targets *t, GElf_Addr a)
{
    return t->n && bsearch(&a, t->v, t->n, sizeof *t->v, compare_addr) != NULL;
}

/* The function of section scn that holds addr, or NULL (a binary search
 * for the last one starting at or before it). */
static const struct func *func_at(const struct funcs *f, size_t scn, GElf_Addr addr)
{
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct func *m = &f->v[mid];
        if (m->section < scn || (m->section == scn && m->start <= addr))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const struct func *fn = &f->v[lo - 1];
    if (fn->section != scn || (addr >= fn->end && fn->end != fn->start))
        return NULL;
    return fn;
}

/* The thunks themselves branch and return as they must. */
static bool is_thunk(const struct func *fn)
{
    return fn && (!strncmp(fn->name, "__x86_indirect_thunk", 20) ||
                  !strncmp(fn->name, "__x86_return_thunk", 18) ||
                  !strncmp(fn->name, "__x86_indirect_call_thunk", 25) ||
                  !strncmp(fn->name, "__x86_indirect_jump_thunk", 25));
}

static void finding(struct unit *u, const struct func *fn, GElf_Addr addr,
                    const char *what, const char *why)
{
    if (!count_finding(u))
        return;
    printf("%s: %s+0x%llx (0x%llx): %s: %s\n", u->name, fn ? fn->name : "?",
           (unsigned long long)(fn ? addr - fn->start : 0), (unsigned long long)addr,
           what, why);
}

static bool indirect_branch(const cs_insn *insn)
{
    switch (insn->id) {
    case X86_INS_CALL:
    case X86_INS_JMP:
    case X86_INS_LCALL:
    case X86_INS_LJMP: {
        const cs_x86 *x = &insn->detail->x86;
        return x->op_count >= 1 &&
               (x->operands[0].type == X86_OP_REG || x->operands[0].type == X86_OP_MEM);
    }
    default:
        return false;
    }
}

/* A switch table's load: movslq (table,index,4) or mov (table,index,8),
 * or the jump through the table itself, jmp *table(,index,8) (GCC's form
 * in the kernel code model). */
static bool table_load(const cs_insn *insn)
{
    const cs_x86 *x = &insn->detail->x86;
    if (insn->id != X86_INS_MOVSXD && insn->id != X86_INS_MOV && insn->id != X86_INS_JMP)
        return false;
    for (int i = 0; i < x->op_count; i++)
        if (x->operands[i].type == X86_OP_MEM && x->operands[i].mem.index != X86_REG_INVALID &&
            x->operands[i].mem.scale >= 4)
            return true;
    return false;
}

/* What one instruction breaks of the asked-for checks, or NULL. */
static const char *branch_violation(const struct unit *u, const cs_insn *insn,
                                    const struct func *fn, int since_table_load)
{
    const struct elfcheck_options *o = u->opt;
    if (is_thunk(fn))
        return NULL;
    bool indirect = indirect_branch(insn);
    if (o->retpoline && indirect)
        return "indirect branch not through a retpoline thunk (__x86_indirect_thunk_*)";
    if (o->ibt && indirect && insn->detail->x86.prefix[1] == X86_PREFIX_DS &&
        !(insn->id == X86_INS_JMP && (table_load(insn) || since_table_load <= 4)))
        return "notrack indirect branch outside a switch table (IBT does not check its target)";
    if (o->rethunk && (insn->id == X86_INS_RET || insn->id == X86_INS_RETF ||
                       insn->id == X86_INS_RETFQ))
        return "bare ret (return through __x86_return_thunk)";
    return NULL;
}

/* The address an instruction takes: lea d(%rip), or in a linked image
 * an immediate (mov $f); else 0.  In an object file an immediate is the
 * relocation's (scan_relocs), but a lea to the same section is resolved
 * by the assembler and has none. */
static GElf_Addr taken_address(const cs_insn *insn, bool object)
{
    const cs_x86 *x = &insn->detail->x86;
    for (int i = 0; i < x->op_count; i++) {
        const cs_x86_op *op = &x->operands[i];
        if (insn->id == X86_INS_LEA && op->type == X86_OP_MEM && op->mem.base == X86_REG_RIP)
            return insn->address + insn->size + (GElf_Addr)op->mem.disp;
        if (!object && insn->id == X86_INS_MOV && op->type == X86_OP_IMM)
            return (GElf_Addr)op->imm;
    }
    return 0;
}

/* An object file's targets are section:offset pairs, folded into one
 * number: section << 40 | offset. */
static GElf_Addr reloc_key(size_t section, GElf_Addr offset)
{
    return ((GElf_Addr)section << 40) | (offset & (((GElf_Addr)1 << 40) - 1));
}

/* Disassembles one code section: branch and return findings, and the
 * function addresses its code takes. */
static void scan_code(struct unit *u, csh cs, Elf_Scn *scn, const GElf_Shdr *sh,
                      const struct funcs *f, struct targets *t, bool object)
{
    Elf_Data *data = section_data(u, scn, sh);
    if (!data || !data->d_buf)
        return;
    const uint8_t *code = data->d_buf;
    size_t size = data->d_size, index = elf_ndxscn(scn);
    uint64_t addr = sh->sh_addr;
    cs_insn *insn = cs_malloc(cs);
    int since_table_load = 100;
    while (size > 0) {
        const uint8_t *p = code;
        if (!cs_disasm_iter(cs, &code, &size, &addr, insn)) {
            code = p + 1, size--, addr++;
            continue;
        }
        since_table_load = table_load(insn) ? 0 : since_table_load + 1;
        const struct func *fn = func_at(f, index, insn->address);
        const char *why = branch_violation(u, insn, fn, since_table_load);
        if (why) {
            char text[256];
            snprintf(text, sizeof text, "%s%s%s", insn->mnemonic, *insn->op_str ? " " : "",
                     insn->op_str);
            finding(u, fn, insn->address, text, why);
        }
        GElf_Addr taken = taken_address(insn, object);
        if (taken)
            add_target(t, object ? reloc_key(index, taken) : taken);
    }
    cs_free(insn, 1);
}

/* Function addresses stored in a linked image's data: aligned 64-bit words. */
static void scan_data(struct unit *u, Elf_Scn *scn, const GElf_Shdr *sh, struct targets *t)
{
    Elf_Data *data = section_data(u, scn, sh);
    if (!data || !data->d_buf)
        return;
    for (size_t off = 0; off + 8 <= data->d_size; off += 8) {
        uint64_t word;
        memcpy(&word, (const uint8_t *)data->d_buf + off, 8);
        add_target(t, word);
    }
}

/* Is the 32-bit field at off of a code section a direct call's or
 * jump's displacement (e8, e9, 0f 80-8f)?  gas gives a call to a local
 * function in another section R_X86_64_PC32, not PLT32. */
static bool direct_branch_field(struct unit *u, Elf_Scn *target, const GElf_Shdr *tsh,
                                GElf_Addr off)
{
    if (!(tsh->sh_flags & SHF_EXECINSTR) || off < 1)
        return false;
    const uint8_t *p = data_bytes(section_data(u, target, tsh), off, 4);
    if (!p)
        return false;
    return p[-1] == 0xe8 || p[-1] == 0xe9 ||
           (off >= 2 && p[-2] == 0x0f && (p[-1] & 0xf0) == 0x80);
}

/* An object file's address-taking relocations: all but direct calls and
 * jumps, and the unwinder's tables. */
static void scan_relocs(struct unit *u, Elf_Scn *scn, const GElf_Shdr *sh, struct targets *t)
{
    Elf_Scn *target = sh->sh_info ? elf_getscn(u->elf, sh->sh_info) : NULL;
    Elf_Scn *symscn = elf_getscn(u->elf, sh->sh_link);
    GElf_Shdr tsh;
    Elf_Data *rel = section_data(u, scn, sh);
    Elf_Data *syms = symscn ? elf_getdata(symscn, NULL) : NULL;
    if (!target || !gelf_getshdr(target, &tsh) || !(tsh.sh_flags & SHF_ALLOC) || !rel ||
        !syms || sh->sh_type != SHT_RELA || !strncmp(section_name(u, &tsh), ".eh_frame", 9))
        return;
    for (size_t i = 0; i < entry_count(sh); i++) {
        GElf_Rela r;
        GElf_Sym s;
        if (!gelf_getrela(rel, (int)i, &r) ||
            !gelf_getsym(syms, (int)GELF_R_SYM(r.r_info), &s))
            continue;
        unsigned type = GELF_R_TYPE(r.r_info);
        if (type == R_X86_64_PLT32 || s.st_shndx == SHN_UNDEF || s.st_shndx >= SHN_LORESERVE ||
            (type == R_X86_64_PC32 && direct_branch_field(u, target, &tsh, r.r_offset)))
            continue;
        /* PC-relative: the field ends 4 bytes before the next byte.  In
         * unsigned arithmetic: the addend is the file's, any value. */
        GElf_Addr adjust = type == R_X86_64_PC32 ? 4 : 0;
        add_target(t, reloc_key(s.st_shndx, s.st_value + (GElf_Addr)r.r_addend + adjust));
    }
}

static bool starts_with_endbr64(struct unit *u, const struct func *fn)
{
    Elf_Scn *scn = elf_getscn(u->elf, fn->section);
    GElf_Shdr sh;
    if (!scn || !gelf_getshdr(scn, &sh) || sh.sh_type != SHT_PROGBITS)
        return true; /* nothing to look at (a NOBITS section is no code) */
    static const uint8_t endbr64[4] = {0xf3, 0x0f, 0x1e, 0xfa};
    /* A symbol before its section's start wraps off past the end. */
    const uint8_t *p = data_bytes(section_data(u, scn, &sh), fn->start - sh.sh_addr, 4);
    return p && !memcmp(p, endbr64, 4);
}

/* --ibt: the functions an indirect branch may reach start with endbr64. */
static void check_endbr(struct unit *u, const struct funcs *f, struct targets *t, bool object)
{
    if (t->n) /* (qsort's array may not be NULL, even empty) */
        qsort(t->v, t->n, sizeof *t->v, compare_addr);
    for (size_t i = 0; i < f->n; i++) {
        const struct func *fn = &f->v[i];
        bool reached = object ? fn->global || has_target(t, reloc_key(fn->section, fn->start))
                              : has_target(t, fn->start);
        if (!reached || is_thunk(fn) || starts_with_endbr64(u, fn))
            continue;
        finding(u, fn, fn->start, object && fn->global ? "global function" : "address taken",
                "does not start with endbr64 (IBT stops an indirect branch to it)");
    }
}

void check_hardening(struct unit *u, csh cs, const struct funcs *funcs)
{
    if (!u->opt->ibt && !u->opt->retpoline && !u->opt->rethunk)
        return;
    GElf_Ehdr eh;
    bool object = gelf_getehdr(u->elf, &eh) && eh.e_type == ET_REL;
    struct targets t = {NULL, 0, 0};
    for (size_t i = 1; i < u->shnum && !u->unreadable; i++) {
        Elf_Scn *scn = elf_getscn(u->elf, i);
        GElf_Shdr sh;
        if (!scn || !gelf_getshdr(scn, &sh) || !(sh.sh_flags & SHF_ALLOC || sh.sh_type == SHT_RELA))
            continue;
        if (sh.sh_type == SHT_PROGBITS && (sh.sh_flags & SHF_EXECINSTR) &&
            strncmp(section_name(u, &sh), ".boot32", 7))
            scan_code(u, cs, scn, &sh, funcs, &t, object);
        else if (!object && sh.sh_type == SHT_PROGBITS && !(sh.sh_flags & SHF_EXECINSTR))
            scan_data(u, scn, &sh, &t);
        else if (object && sh.sh_type == SHT_RELA)
            scan_relocs(u, scn, &sh, &t);
    }
    if (u->opt->ibt)
        check_endbr(u, funcs, &t, object);
    free(t.v);
}
