/* x86_64-none-elfcheck: check ELF objects, archives and executables
 * against the x86_64-none target rules.
 *
 * Reports every instruction that uses an SSE/AVX/MMX/x87 register or an x87
 * opcode, every memory access below %rsp (red zone), every relocation the
 * kernel code model cannot satisfy, and every writable+executable segment
 * or section.  ELF files and archives are read with libelf; code is
 * disassembled with capstone, a maintained x86 decoder, rather than a
 * hand-written one.
 *
 * Exit status: 0 clean, 1 rule violations found, 2 unusable input.
 */
#define _POSIX_C_SOURCE 200809L
#include <capstone/capstone.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <getopt.h>
#include <libelf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROGRAM "x86_64-none-elfcheck"

struct options {
    bool quiet;  /* only the exit status and a count */
    int max_per_file; /* 0 = no limit */
};

/* One file or archive member being checked. */
struct unit {
    const char *name;  /* "file" or "archive(member)" */
    Elf *elf;
    size_t shstrndx;
    Elf_Scn *symtab;
    int findings;
    const struct options *opt;
};

static int usage(FILE *out, int status)
{
    fprintf(out,
            "Usage: " PROGRAM " [OPTION]... FILE...\n"
            "Check x86-64 ELF objects, archives and executables against the\n"
            "x86_64-none target rules and report each violation with its\n"
            "section, symbol+offset and instruction:\n"
            "  - SSE/AVX/MMX/x87 registers or x87 instructions\n"
            "  - memory accesses below %%rsp (use of the red zone)\n"
            "  - relocations the kernel code model cannot satisfy\n"
            "    (R_X86_64_32, R_X86_64_16, R_X86_64_8 in loaded sections)\n"
            "  - segments or sections that are both writable and executable,\n"
            "    and an executable stack\n"
            "\n"
            "Options:\n"
            "  -q, --quiet        print only a count per file\n"
            "  -m, --max=N        report at most N violations per file\n"
            "  -h, --help         show this help and exit\n"
            "  -V, --version      show the version and exit\n"
            "\n"
            "Exit status: 0 no violation, 1 violations found, 2 a file could\n"
            "not be read or is not an x86-64 ELF64 file or archive.\n");
    return status;
}

static void report(struct unit *u, const char *where, const char *what,
                   const char *why)
{
    u->findings++;
    if (u->opt->quiet)
        return;
    if (u->opt->max_per_file && u->findings > u->opt->max_per_file)
        return;
    printf("%s: %s: %s%s%s\n", u->name, where, what, *why ? ": " : "", why);
}

static const char *section_name(struct unit *u, const GElf_Shdr *sh)
{
    const char *n = elf_strptr(u->elf, u->shstrndx, sh->sh_name);
    return n ? n : "?";
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
        size_t count = symsh.sh_entsize ? symsh.sh_size / symsh.sh_entsize : 0;
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

/* Why insn breaks the no-SSE/MMX/x87 rule, or NULL. */
static const char *fp_violation(csh cs, const cs_insn *insn)
{
    const cs_detail *d = insn->detail;
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
            *st = (struct stack_state){true, 0};
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

static int compare_addr(const void *a, const void *b)
{
    GElf_Addr x = *(const GElf_Addr *)a, y = *(const GElf_Addr *)b;
    return (x > y) - (x < y);
}

/* The sorted start addresses of the functions in section scn_index; the
 * caller frees them. */
static GElf_Addr *function_starts(struct unit *u, size_t scn_index, size_t *count)
{
    *count = 0;
    Elf_Data *data = u->symtab ? elf_getdata(u->symtab, NULL) : NULL;
    GElf_Shdr symsh;
    if (!data || !gelf_getshdr(u->symtab, &symsh) || !symsh.sh_entsize)
        return NULL;
    size_t nsyms = symsh.sh_size / symsh.sh_entsize;
    GElf_Addr *starts = malloc((nsyms + 1) * sizeof *starts);
    if (!starts)
        return NULL;
    for (size_t i = 1; i < nsyms; i++) {
        GElf_Sym s;
        if (gelf_getsym(data, (int)i, &s) && s.st_shndx == scn_index &&
            GELF_ST_TYPE(s.st_info) == STT_FUNC)
            starts[(*count)++] = s.st_value;
    }
    qsort(starts, *count, sizeof *starts, compare_addr);
    return starts;
}

/* The boot stubs' 32-bit code and data (".boot32*") run before long mode,
 * outside the 64-bit rules; notes hold data, not code addresses to fit. */
static bool exempt_section(struct unit *u, const GElf_Shdr *sh)
{
    return sh->sh_type == SHT_NOTE || !strncmp(section_name(u, sh), ".boot32", 7);
}

static void check_code(struct unit *u, csh cs, Elf_Scn *scn, const GElf_Shdr *sh)
{
    Elf_Data *data = elf_getdata(scn, NULL);
    if (!data || !data->d_buf || sh->sh_type == SHT_NOBITS)
        return;
    const char *sec = section_name(u, sh);
    const uint8_t *code = data->d_buf;
    size_t size = data->d_size;
    uint64_t addr = sh->sh_addr;
    cs_insn *insn = cs_malloc(cs);
    struct stack_state stack = {false, 0};
    size_t nstarts, next_start = 0;
    GElf_Addr *starts = function_starts(u, elf_ndxscn(scn), &nstarts);
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
        while (next_start < nstarts && starts[next_start] <= insn->address) {
            if (starts[next_start] == insn->address)
                stack = (struct stack_state){false, 0};
            next_start++;
        }
        const char *why = fp_violation(cs, insn);
        if (!why && uses_red_zone(insn, &stack))
            why = "memory access below %rsp (red zone)";
        track_stack(insn, &stack);
        if (why) {
            char where[512], text[256];
            describe_place(u, elf_ndxscn(scn), sec, sh->sh_addr, insn->address,
                           where, sizeof where);
            snprintf(text, sizeof text, "%s %s", insn->mnemonic, insn->op_str);
            report(u, where, text, why);
        }
    }
    cs_free(insn, 1);
    free(starts);
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

static void check_relocs(struct unit *u, Elf_Scn *scn, const GElf_Shdr *sh)
{
    Elf_Scn *target = elf_getscn(u->elf, sh->sh_info);
    GElf_Shdr tsh;
    /* Debug sections legitimately hold 32-bit offsets: only loaded
     * sections have to fit the code model. */
    if (!target || !gelf_getshdr(target, &tsh) || !(tsh.sh_flags & SHF_ALLOC) ||
        exempt_section(u, &tsh))
        return;
    Elf_Data *data = elf_getdata(scn, NULL);
    size_t count = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;
    for (size_t i = 0; data && i < count; i++) {
        GElf_Rela r;
        if (!gelf_getrela(data, (int)i, &r))
            continue;
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
    if (elf_getphdrnum(u->elf, &n) != 0)
        return;
    for (size_t i = 0; i < n; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(u->elf, (int)i, &ph))
            continue;
        char where[64], text[128];
        snprintf(where, sizeof where, "program header %zu", i);
        if (ph.p_type == PT_LOAD && (ph.p_flags & PF_W) && (ph.p_flags & PF_X)) {
            snprintf(text, sizeof text, "LOAD at 0x%llx, 0x%llx bytes, flags RWX",
                     (unsigned long long)ph.p_vaddr, (unsigned long long)ph.p_memsz);
            report(u, where, text, "segment is both writable and executable");
        }
        if (ph.p_type == PT_GNU_STACK && (ph.p_flags & PF_X))
            report(u, where, "GNU_STACK flags RWX", "executable stack");
    }
}

static void check_sections(struct unit *u, csh cs)
{
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(u->elf, scn)) != NULL) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh))
            continue;
        if ((sh.sh_flags & SHF_ALLOC) && (sh.sh_flags & SHF_WRITE) &&
            (sh.sh_flags & SHF_EXECINSTR))
            report(u, section_name(u, &sh), "section flags WAX",
                   "section is both writable and executable");
        if ((sh.sh_flags & SHF_EXECINSTR) && sh.sh_type == SHT_PROGBITS &&
            !exempt_section(u, &sh))
            check_code(u, cs, scn, &sh);
        else if (sh.sh_type == SHT_RELA)
            check_relocs(u, scn, &sh);
    }
}

/* Checks one ELF image; returns 2 when it is not one this tool checks. */
static int check_elf(const char *name, Elf *elf, csh cs, const struct options *opt,
                     int *findings)
{
    GElf_Ehdr eh;
    if (elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh)) {
        fprintf(stderr, PROGRAM ": %s: not an ELF file\n", name);
        return 2;
    }
    if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64) {
        fprintf(stderr, PROGRAM ": %s: not an x86-64 ELF64 file (class %d, machine %d)\n",
                name, eh.e_ident[EI_CLASS], eh.e_machine);
        return 2;
    }
    struct unit u = {.name = name, .elf = elf, .opt = opt};
    if (elf_getshdrstrndx(elf, &u.shstrndx) != 0) {
        fprintf(stderr, PROGRAM ": %s: no section name table: %s\n", name, elf_errmsg(-1));
        return 2;
    }
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(elf, scn)) != NULL) {
        GElf_Shdr sh;
        if (gelf_getshdr(scn, &sh) && sh.sh_type == SHT_SYMTAB)
            u.symtab = scn;
    }
    check_segments(&u);
    check_sections(&u, cs);
    if (opt->max_per_file && u.findings > opt->max_per_file && !opt->quiet)
        printf("%s: ... %d more not shown\n", name, u.findings - opt->max_per_file);
    if (opt->quiet && u.findings)
        printf("%s: %d violations\n", name, u.findings);
    *findings += u.findings;
    return 0;
}

static int check_archive(const char *path, int fd, Elf *ar, csh cs,
                         const struct options *opt, int *findings)
{
    int status = 0;
    Elf *member;
    Elf_Cmd cmd = ELF_C_READ;
    while ((member = elf_begin(fd, cmd, ar)) != NULL) {
        Elf_Arhdr *h = elf_getarhdr(member);
        if (h && h->ar_name[0] != '/') {
            size_t len = strlen(path) + strlen(h->ar_name) + 3;
            char *name = malloc(len);
            if (!name) {
                fprintf(stderr, PROGRAM ": out of memory\n");
                exit(2);
            }
            snprintf(name, len, "%s(%s)", path, h->ar_name);
            if (check_elf(name, member, cs, opt, findings) != 0)
                status = 2;
            free(name);
        }
        cmd = elf_next(member);
        elf_end(member);
    }
    return status;
}

static int check_file(const char *path, csh cs, const struct options *opt,
                      int *findings)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, PROGRAM ": %s: %s\n", path, strerror(errno));
        return 2;
    }
    Elf *elf = elf_begin(fd, ELF_C_READ, NULL);
    int status;
    if (!elf) {
        fprintf(stderr, PROGRAM ": %s: cannot read: %s\n", path, elf_errmsg(-1));
        status = 2;
    } else if (elf_kind(elf) == ELF_K_AR) {
        status = check_archive(path, fd, elf, cs, opt, findings);
    } else {
        status = check_elf(path, elf, cs, opt, findings);
    }
    if (elf)
        elf_end(elf);
    close(fd);
    return status;
}

static int parse_args(int argc, char **argv, struct options *opt, int *first)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"quiet", no_argument, NULL, 'q'},
        {"max", required_argument, NULL, 'm'},
        {NULL, 0, NULL, 0},
    };
    int c;
    opterr = 0; /* our own one-line messages */
    while ((c = getopt_long(argc, argv, "hVqm:", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            exit(usage(stdout, 0));
        case 'V':
            printf(PROGRAM " (x86_64-none kit) " PACKAGE_VERSION "\n");
            exit(0);
        case 'q':
            opt->quiet = true;
            break;
        case 'm': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 0 || end == optarg) {
                fprintf(stderr, PROGRAM ": --max needs a number, not '%s'\n", optarg);
                return 2;
            }
            opt->max_per_file = (int)n;
            break;
        }
        default:
            fprintf(stderr, PROGRAM ": unknown or incomplete option '%s' (try --help)\n",
                    argv[optind - 1]);
            return 2;
        }
    }
    int i = optind;
    if (i >= argc) {
        fprintf(stderr, PROGRAM ": no input files (try --help)\n");
        return 2;
    }
    *first = i;
    return 0;
}

int main(int argc, char **argv)
{
    struct options opt = {0};
    int first;
    int status = parse_args(argc, argv, &opt, &first);
    if (status)
        return status;
    if (elf_version(EV_CURRENT) == EV_NONE) {
        fprintf(stderr, PROGRAM ": libelf is out of date\n");
        return 2;
    }
    csh cs;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK) {
        fprintf(stderr, PROGRAM ": cannot start the capstone disassembler\n");
        return 2;
    }
    cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
    int findings = 0;
    for (int i = first; i < argc; i++)
        if (check_file(argv[i], cs, &opt, &findings) != 0)
            status = 2;
    cs_close(&cs);
    if (status)
        return status;
    return findings ? 1 : 0;
}
