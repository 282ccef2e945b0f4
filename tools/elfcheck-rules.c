/* x86_64-none-elfcheck's rules: what it reports in a unit whose layout
 * elfcheck-read.c has validated.
 *
 * Every instruction that uses an SSE/AVX/MMX/x87 register or an x87
 * opcode (fences, pause and cache control are not SSE state, whatever
 * group capstone files them in), every memory access below %rsp (red zone), every relocation the
 * kernel code model cannot satisfy, and every writable+executable segment
 * or section.  Code is disassembled with capstone, a maintained x86
 * decoder, rather than a hand-written one. */
#define _POSIX_C_SOURCE 200809L
#include "elfcheck.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool count_finding(struct unit *u)
{
    u->findings++;
    return !u->opt->quiet && !(u->opt->max_per_file && u->findings > u->opt->max_per_file);
}

static void report(struct unit *u, const char *where, const char *what,
                   const char *why)
{
    if (!count_finding(u))
        return;
    printf("%s: %s: %s%s%s\n", u->name, where, what, *why ? ": " : "", why);
}

/* "section+0xOFF <symbol+0xOFF>" for an address inside section scn_index.
 * For relocatable files addresses are section offsets. */
static void describe_place(struct unit *u, size_t scn_index, const char *sec,
                           GElf_Addr sec_addr, GElf_Addr addr, char *buf,
                           size_t len)
{
    const char *best = NULL;
    GElf_Addr best_value = 0;
    Elf_Data *data = u->symtab ? elf_getdata(u->symtab, NULL) : NULL;
    GElf_Shdr symsh;
    if (data && gelf_getshdr(u->symtab, &symsh)) {
        size_t count = entry_count(&symsh);
        for (size_t i = 1; i < count; i++) {
            GElf_Sym s;
            if (!gelf_getsym(data, (int)i, &s) || s.st_shndx != scn_index)
                continue;
            int type = GELF_ST_TYPE(s.st_info);
            if (type != STT_FUNC && type != STT_NOTYPE && type != STT_OBJECT)
                continue;
            const char *n = elf_strptr(u->elf, symsh.sh_link, s.st_name);
            if (!n || !*n || s.st_value > addr)
                continue;
            if (!best || s.st_value > best_value) {
                best = n;
                best_value = s.st_value;
            }
        }
    }
    if (best)
        snprintf(buf, len, "%s+0x%llx <%s+0x%llx>", sec,
                 (unsigned long long)(addr - sec_addr), best,
                 (unsigned long long)(addr - best_value));
    else
        snprintf(buf, len, "%s+0x%llx", sec, (unsigned long long)(addr - sec_addr));
}

static bool is_fp_vector_reg(csh cs, uint16_t reg)
{
    const char *n = cs_reg_name(cs, reg);
    if (!n)
        return false;
    if (!strncmp(n, "xmm", 3) || !strncmp(n, "ymm", 3) || !strncmp(n, "zmm", 3))
        return true;
    if (n[0] == 'm' && n[1] == 'm' && n[2] >= '0' && n[2] <= '7')
        return true;
    if (!strncmp(n, "st", 2) || !strcmp(n, "fpsw") || !strcmp(n, "fpcw"))
        return true;
    return n[0] == 'k' && n[1] >= '0' && n[1] <= '7' && n[2] == '\0';
}

static const uint8_t fp_groups[] = {
    X86_GRP_SSE1, X86_GRP_SSE2, X86_GRP_SSE3, X86_GRP_SSE41, X86_GRP_SSE42,
    X86_GRP_SSE4A, X86_GRP_SSSE3, X86_GRP_AVX, X86_GRP_AVX2, X86_GRP_AVX512,
    X86_GRP_MMX, X86_GRP_3DNOW, X86_GRP_F16C, X86_GRP_FMA, X86_GRP_FMA4,
    X86_GRP_XOP, X86_GRP_AES, X86_GRP_PCLMUL, X86_GRP_SHA,
};

/* Instructions capstone files under SSE/SSE2 that touch no SSE, MMX or
 * x87 state: spin-wait hints, fences, cache control and the general-
 * register non-temporal store.  Kernels use them (a retpoline's pause and
 * lfence among them), and the rules allow them. */
static bool general_register_sse_insn(unsigned id)
{
    switch (id) {
    case X86_INS_PAUSE:
    case X86_INS_LFENCE:
    case X86_INS_MFENCE:
    case X86_INS_SFENCE:
    case X86_INS_CLFLUSH:
    case X86_INS_CLFLUSHOPT:
    case X86_INS_MOVNTI:
    case X86_INS_PREFETCHNTA:
    case X86_INS_PREFETCHT0:
    case X86_INS_PREFETCHT1:
    case X86_INS_PREFETCHT2:
        return true;
    default:
        return false;
    }
}

/* Why insn breaks the no-SSE/MMX/x87 rule, or NULL. */
static const char *fp_violation(csh cs, const cs_insn *insn)
{
    const cs_detail *d = insn->detail;
    if (general_register_sse_insn(insn->id))
        return NULL;
    for (int i = 0; i < d->groups_count; i++) {
        if (d->groups[i] == X86_GRP_FPU)
            return "x87 instruction";
        for (size_t g = 0; g < sizeof fp_groups; g++)
            if (d->groups[i] == fp_groups[g])
                return "SSE/AVX/MMX instruction";
    }
    cs_regs rd, wr;
    uint8_t nrd = 0, nwr = 0;
    if (cs_regs_access(cs, insn, rd, &nrd, wr, &nwr) == CS_ERR_OK) {
        for (int i = 0; i < nrd; i++)
            if (is_fp_vector_reg(cs, rd[i]))
                return "uses an SSE/AVX/MMX/x87 register";
        for (int i = 0; i < nwr; i++)
            if (is_fp_vector_reg(cs, wr[i]))
                return "uses an SSE/AVX/MMX/x87 register";
    }
    return NULL;
}

/* What the checker knows about the stack inside one function: whether
 * %rbp holds a frame pointer and how far %rsp is below it.  Tracked
 * linearly from the function's start, which is how compilers lay out
 * prologues; that is enough to see red-zone use through %rbp. */
struct stack_state {
    bool rbp_frame;  /* %rbp was set from %rsp */
    int64_t rsp_off; /* %rsp - %rbp (<= 0) */
    /* -fstack-clash-protection's probe loop for a large frame: "lea
     * -N(%rsp), REG", then "sub $4096, %rsp; or $0, (%rsp); cmp REG, %rsp;
     * jne" until %rsp reaches REG: the register and the %rsp it holds. */
    x86_reg probe_reg;
    int64_t probe_off;
};

static bool is_reg(const cs_x86_op *op, x86_reg reg)
{
    return op->type == X86_OP_REG && op->reg == reg;
}

static void track_stack(const cs_insn *insn, struct stack_state *st)
{
    const cs_x86 *x = &insn->detail->x86;
    const cs_x86_op *dst = &x->operands[0], *src = &x->operands[1];
    switch (insn->id) {
    case X86_INS_MOV:
        if (x->op_count == 2 && is_reg(dst, X86_REG_RBP) && is_reg(src, X86_REG_RSP))
            *st = (struct stack_state){true, 0, X86_REG_INVALID, 0};
        else if (x->op_count == 2 && is_reg(dst, X86_REG_RSP) && is_reg(src, X86_REG_RBP))
            st->rsp_off = 0;
        break;
    case X86_INS_SUB:
    case X86_INS_ADD:
        if (x->op_count == 2 && is_reg(dst, X86_REG_RSP) && src->type == X86_OP_IMM)
            st->rsp_off += insn->id == X86_INS_SUB ? -src->imm : src->imm;
        break;
    case X86_INS_LEA:
        /* lea D(%rbp), %rsp sets it; lea D(%rsp), %rsp (a frame GCC
         * allocates without touching the flags) moves it. */
        if (x->op_count == 2 && is_reg(dst, X86_REG_RSP) && src->mem.base == X86_REG_RBP &&
            src->mem.index == X86_REG_INVALID)
            st->rsp_off = src->mem.disp;
        else if (x->op_count == 2 && is_reg(dst, X86_REG_RSP) &&
                 src->mem.base == X86_REG_RSP && src->mem.index == X86_REG_INVALID)
            st->rsp_off += src->mem.disp;
        else if (x->op_count == 2 && dst->type == X86_OP_REG && src->mem.base == X86_REG_RSP &&
                 src->mem.index == X86_REG_INVALID) {
            st->probe_reg = dst->reg;
            st->probe_off = st->rsp_off + src->mem.disp;
        }
        break;
    case X86_INS_CMP:
        /* The probe loop's end: past it, %rsp is where the lea said. */
        if (x->op_count == 2 && st->probe_reg != X86_REG_INVALID &&
            ((is_reg(dst, X86_REG_RSP) && is_reg(src, st->probe_reg)) ||
             (is_reg(src, X86_REG_RSP) && is_reg(dst, st->probe_reg))))
            st->rsp_off = st->probe_off;
        break;
    case X86_INS_PUSH:
        st->rsp_off -= 8;
        break;
    case X86_INS_POP:
        if (x->op_count == 1 && is_reg(dst, X86_REG_RBP))
            st->rbp_frame = false;
        st->rsp_off += 8;
        break;
    case X86_INS_LEAVE:
        st->rbp_frame = false;
        break;
    default:
        break;
    }
}

/* True when insn reads or writes memory below the stack pointer, directly
 * (a negative offset from %rsp) or through the frame pointer (an offset
 * from %rbp below where %rsp is; an index register is taken as >= 0). */
static bool uses_red_zone(const cs_insn *insn, const struct stack_state *st)
{
    if (insn->id == X86_INS_LEA || insn->id == X86_INS_NOP)
        return false;
    const cs_x86 *x = &insn->detail->x86;
    for (int i = 0; i < x->op_count; i++) {
        const cs_x86_op *op = &x->operands[i];
        if (op->type != X86_OP_MEM)
            continue;
        if (op->mem.base == X86_REG_RSP && op->mem.index == X86_REG_INVALID &&
            op->mem.disp < 0)
            return true;
        if (op->mem.base == X86_REG_RBP && st->rbp_frame && op->mem.disp < st->rsp_off)
            return true;
    }
    return false;
}

/* The boot stubs' 32-bit code and data (".boot32*") run before long mode,
 * outside the 64-bit rules; notes hold data, not code addresses to fit. */
static bool exempt_section(struct unit *u, const GElf_Shdr *sh)
{
    return sh->sh_type == SHT_NOTE || !strncmp(section_name(u, sh), ".boot32", 7);
}

static void check_code(struct unit *u, csh cs, Elf_Scn *scn, const GElf_Shdr *sh,
                       const struct funcs *funcs)
{
    Elf_Data *data = section_data(u, scn, sh);
    if (!data || !data->d_buf) /* unreadable (reported), or empty */
        return;
    const char *sec = section_name(u, sh);
    const uint8_t *code = data->d_buf;
    size_t size = data->d_size;
    uint64_t addr = sh->sh_addr;
    cs_insn *insn = cs_malloc(cs);
    struct stack_state stack = {false, 0, X86_REG_INVALID, 0};
    size_t index = elf_ndxscn(scn), next = first_func_in(funcs, index);
    while (size > 0) {
        const uint8_t *p = code;
        if (!cs_disasm_iter(cs, &code, &size, &addr, insn)) {
            /* Not an instruction (data in code, padding): skip a byte. */
            code = p + 1;
            size--;
            addr++;
            continue;
        }
        /* A new function: forget the previous one's frame. */
        while (next < funcs->n && funcs->v[next].section == index &&
               funcs->v[next].start <= insn->address) {
            if (funcs->v[next].start == insn->address)
                stack = (struct stack_state){false, 0, X86_REG_INVALID, 0};
            next++;
        }
        const char *why = fp_violation(cs, insn);
        if (!why && uses_red_zone(insn, &stack))
            why = "memory access below %rsp (red zone)";
        track_stack(insn, &stack);
        if (why) {
            char where[512], text[256];
            describe_place(u, index, sec, sh->sh_addr, insn->address,
                           where, sizeof where);
            snprintf(text, sizeof text, "%s %s", insn->mnemonic, insn->op_str);
            report(u, where, text, why);
        }
    }
    cs_free(insn, 1);
}

static const char *bad_reloc_name(unsigned type)
{
    switch (type) {
    case R_X86_64_32: return "R_X86_64_32";
    case R_X86_64_16: return "R_X86_64_16";
    case R_X86_64_8: return "R_X86_64_8";
    default: return NULL;
    }
}

static const char *reloc_symbol(struct unit *u, const GElf_Shdr *relsh, unsigned symi)
{
    Elf_Scn *symscn = elf_getscn(u->elf, relsh->sh_link);
    GElf_Shdr symsh;
    GElf_Sym s;
    Elf_Data *d = symscn ? elf_getdata(symscn, NULL) : NULL;
    if (!d || !gelf_getshdr(symscn, &symsh) || !gelf_getsym(d, (int)symi, &s))
        return "?";
    if (GELF_ST_TYPE(s.st_info) == STT_SECTION) {
        GElf_Shdr t;
        Elf_Scn *ts = elf_getscn(u->elf, s.st_shndx);
        return ts && gelf_getshdr(ts, &t) ? section_name(u, &t) : "?";
    }
    const char *n = elf_strptr(u->elf, symsh.sh_link, s.st_name);
    return n && *n ? n : "?";
}

/* Type and place of relocation I of a SHT_RELA or SHT_REL table. */
static bool get_reloc(struct unit *u, Elf_Data *data, const GElf_Shdr *sh, size_t i,
                      GElf_Rela *r)
{
    GElf_Rel rel;
    bool ok;
    if (sh->sh_type == SHT_RELA) {
        ok = gelf_getrela(data, (int)i, r) != NULL;
    } else {
        ok = gelf_getrel(data, (int)i, &rel) != NULL;
        *r = (GElf_Rela){.r_offset = rel.r_offset, .r_info = rel.r_info};
    }
    if (!ok) {
        char where[300];
        snprintf(where, sizeof where, "section %s", section_name(u, sh));
        unit_unreadable(u, where, "relocation %zu: %s", i, elf_errmsg(-1));
    }
    return ok;
}

static void check_relocs(struct unit *u, Elf_Scn *scn, const GElf_Shdr *sh)
{
    /* sh_info 0: dynamic relocations, which name no section. */
    Elf_Scn *target = sh->sh_info ? elf_getscn(u->elf, sh->sh_info) : NULL;
    GElf_Shdr tsh;
    /* Debug sections legitimately hold 32-bit offsets: only loaded
     * sections have to fit the code model. */
    if (!target || !gelf_getshdr(target, &tsh) || !(tsh.sh_flags & SHF_ALLOC) ||
        exempt_section(u, &tsh))
        return;
    Elf_Data *data = section_data(u, scn, sh);
    size_t count = entry_count(sh);
    for (size_t i = 0; data && i < count; i++) {
        GElf_Rela r;
        if (!get_reloc(u, data, sh, i, &r))
            return;
        const char *name = bad_reloc_name(GELF_R_TYPE(r.r_info));
        if (!name)
            continue;
        char where[512], text[300];
        describe_place(u, sh->sh_info, section_name(u, &tsh), 0, r.r_offset,
                       where, sizeof where);
        snprintf(text, sizeof text, "%s against %s", name,
                 reloc_symbol(u, sh, GELF_R_SYM(r.r_info)));
        report(u, where, text,
               "absolute address zero-extended from 32 bits; the kernel code "
               "model (top 2 GiB) needs R_X86_64_32S or R_X86_64_64");
    }
}

static void check_segments(struct unit *u)
{
    size_t n;
    if (elf_getphdrnum(u->elf, &n) != 0) {
        unit_unreadable(u, "program header table", "%s", elf_errmsg(-1));
        return;
    }
    for (size_t i = 0; i < n; i++) {
        GElf_Phdr ph;
        char where[64], text[128];
        snprintf(where, sizeof where, "program header %zu", i);
        if (!gelf_getphdr(u->elf, (int)i, &ph)) {
            unit_unreadable(u, where, "%s", elf_errmsg(-1));
            return;
        }
        if (ph.p_type == PT_LOAD && (ph.p_flags & PF_W) && (ph.p_flags & PF_X)) {
            snprintf(text, sizeof text, "LOAD at 0x%llx, 0x%llx bytes, flags RWX",
                     (unsigned long long)ph.p_vaddr, (unsigned long long)ph.p_memsz);
            report(u, where, text, "segment is both writable and executable");
        }
        if (ph.p_type == PT_GNU_STACK && (ph.p_flags & PF_X))
            report(u, where, "GNU_STACK flags RWX", "executable stack");
    }
}

/* Every section by index (validate_layout read them all before). */
static void check_sections(struct unit *u, csh cs, const struct funcs *funcs)
{
    for (size_t i = 1; i < u->shnum && !u->unreadable; i++) {
        Elf_Scn *scn = elf_getscn(u->elf, i);
        GElf_Shdr sh;
        if (!scn || !gelf_getshdr(scn, &sh)) {
            unit_unreadable(u, "section header table", "section %zu: %s", i, elf_errmsg(-1));
            return;
        }
        if ((sh.sh_flags & SHF_ALLOC) && (sh.sh_flags & SHF_WRITE) &&
            (sh.sh_flags & SHF_EXECINSTR))
            report(u, section_name(u, &sh), "section flags WAX",
                   "section is both writable and executable");
        if ((sh.sh_flags & SHF_EXECINSTR) && sh.sh_type == SHT_PROGBITS &&
            !exempt_section(u, &sh))
            check_code(u, cs, scn, &sh, funcs);
        else if (sh.sh_type == SHT_RELA || sh.sh_type == SHT_REL)
            check_relocs(u, scn, &sh);
    }
}

void check_unit(struct unit *u, csh cs)
{
    struct funcs funcs = read_funcs(u);
    check_segments(u);
    check_sections(u, cs, &funcs);
    check_hardening(u, cs, &funcs);
    free(funcs.v);
}
