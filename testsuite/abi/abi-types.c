/* abi-types.c: the random model of abi-gen (abi-gen.h): types, their C
 * layout, signatures, and the values of every leaf. */
#include "abi-gen.h"

#include <string.h>

#include "../../hostlib/xorshift.h"

const struct abi_scalar_info abi_scalars[SC_COUNT] = {
    [SC_I8] = {"int8_t", "i8", "i8", 1},          [SC_U8] = {"uint8_t", "u8", "u8", 1},
    [SC_I16] = {"int16_t", "i16", "i16", 2},      [SC_U16] = {"uint16_t", "u16", "u16", 2},
    [SC_I32] = {"int32_t", "i32", "i32", 4},      [SC_U32] = {"uint32_t", "u32", "u32", 4},
    [SC_I64] = {"int64_t", "i64", "i64", 8},      [SC_U64] = {"uint64_t", "u64", "u64", 8},
    [SC_I128] = {"__int128", "i128", "i128", 16}, [SC_U128] = {"unsigned __int128", "u128", "u128", 16},
    [SC_BOOL] = {"_Bool", "bool", "bool", 1},     [SC_F32] = {"float", "f32", "f32", 4},
    [SC_F64] = {"double", "f64", "f64", 8},       [SC_PTR] = {"const void *", "*const u8", "ptr", 8},
};

int abi_zero_length_arrays;

/* One signature's drawing state: its random stream and its type pool. */
struct gen {
    uint64_t rng;
    struct abi_sig *sig;
    struct abi_type pool[ABI_MAX_TYPES];
    int npool;
};

static uint32_t below(struct gen *g, uint32_t n)
{
    return (uint32_t)(xorshift64star(&g->rng) >> 32) % n;
}

static const struct abi_type *scalar_type(enum abi_scalar s)
{
    static struct abi_type scalars[SC_COUNT];
    struct abi_type *t = &scalars[s];
    t->kind = ABI_SCALAR;
    t->scalar = s;
    t->size = t->align = abi_scalars[s].size;
    return t;
}

/* Floats weigh most: they are what the soft-float ABI moves. */
static enum abi_scalar random_scalar(struct gen *g)
{
    static const enum abi_scalar weighted[] = {
        SC_F32, SC_F32, SC_F32, SC_F32, SC_F64, SC_F64, SC_F64, SC_F64,
        SC_I8, SC_U8, SC_I16, SC_U16, SC_I32, SC_U32, SC_I64, SC_U64,
        SC_I32, SC_I64, SC_I128, SC_U128, SC_BOOL, SC_PTR,
    };
    return weighted[below(g, sizeof weighted / sizeof weighted[0])];
}

static int round_up(int n, int align)
{
    return (n + align - 1) / align * align;
}

/* The C layout (GCC's, and rustc's for #[repr(C)]): members in order,
 * each at its alignment (1 when packed), the whole rounded to the largest
 * alignment or the aligned() attribute. */
static void lay_out(struct abi_type *t)
{
    int size = 0, align = 1;
    t->has_aligned = t->align_attr > 0;
    for (int i = 0; i < t->nmember; i++) {
        const struct abi_type *m = t->member[i];
        int a = t->packed ? 1 : m->align;
        t->has_aligned |= m->has_aligned;
        if (t->kind == ABI_UNION) {
            size = size > m->size ? size : m->size;
        } else {
            size = round_up(size, a) + m->size;
        }
        align = align > a ? align : a;
    }
    if (t->align_attr > align)
        align = t->align_attr;
    t->size = round_up(size, align);
    t->align = align;
}

static struct abi_type *new_type(struct gen *g, enum abi_kind kind)
{
    struct abi_type *t = &g->pool[g->npool];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->id = g->sig->index * ABI_MAX_TYPES + g->npool;
    g->npool++;
    return t;
}

static const struct abi_type *random_type(struct gen *g, int depth);

/* A struct's member: any type, or an array of scalars or structs (C
 * arrays are passed by value only inside a struct). */
static const struct abi_type *random_member(struct gen *g, int depth)
{
    if (below(g, 6) != 0 || g->npool + 2 >= ABI_MAX_TYPES)
        return random_type(g, depth);
    const struct abi_type *elem = below(g, 3) ? scalar_type(random_scalar(g)) : random_type(g, depth);
    struct abi_type *a = new_type(g, ABI_ARRAY);
    a->elem = elem;
    /* A zero-length array (GNU C, Rust [T; 0]) only when asked: GCC
     * classifies its element type, rustc skips it as zero-sized, so the
     * two disagree (docs/using.md, "Known divergences"). */
    a->count = abi_zero_length_arrays ? (int)below(g, 5) : 1 + (int)below(g, 4);
    a->size = elem->size * a->count;
    a->align = elem->align;
    a->has_aligned = elem->has_aligned;
    return a;
}

static void add_members(struct gen *g, struct abi_type *t, int n, int depth)
{
    for (int i = 0; i < n && g->npool + 4 < ABI_MAX_TYPES; i++) {
        const struct abi_type *m = t->kind == ABI_UNION ? random_type(g, depth - 1)
                                                        : random_member(g, depth - 1);
        /* Rust forbids an aligned type inside a packed one; so does the
         * suite, to keep one program for both compilers. */
        /* GCC passes a packed struct holding a zero-length array off its
         * element's alignment in memory, rustc (which skips zero-sized
         * fields) in registers: a known divergence (docs/using.md). */
        if (t->packed && m->kind == ABI_ARRAY && m->count == 0)
            m = m->elem;
        if (t->packed && m->has_aligned)
            m = scalar_type(random_scalar(g));
        t->member[t->nmember++] = m;
    }
}

static const struct abi_type *random_aggregate(struct gen *g, int depth)
{
    struct abi_type *t = new_type(g, below(g, 8) ? ABI_STRUCT : ABI_UNION);
    uint32_t shape = below(g, 20);
    if (t->kind == ABI_STRUCT && shape < 2)
        t->packed = 1;
    else if (t->kind == ABI_STRUCT && shape < 4)
        t->align_attr = 8 << below(g, 3);   /* 8, 16, 32 */
    int n = t->kind == ABI_UNION ? 1 + (int)below(g, 3) : (int)below(g, 6);
    if (t->kind == ABI_STRUCT && n == 0 && below(g, 2))
        n = 1;                              /* empty structs stay rare */
    add_members(g, t, n, depth);
    lay_out(t);
    g->sig->type[g->sig->ntypes++] = t;
    return t;
}

static const struct abi_type *random_type(struct gen *g, int depth)
{
    if (depth <= 0 || g->npool + 8 >= ABI_MAX_TYPES || below(g, 100) < 50)
        return scalar_type(random_scalar(g));
    const struct abi_type *t = random_aggregate(g, depth);
    return t;
}

/* ---- classification: only what the suite needs to avoid the one known
 * divergence (docs/using.md, "rustc's split arguments"). */

/* Whether a member sits off its type's own alignment at absolute offset
 * OFF: SysV (and rustc) then pass the whole argument in memory. */
static int misaligned(const struct abi_type *t, int off)
{
    if (t->size == 0)
        return 0;
    if (off % t->align != 0)
        return 1;
    int at = 0;
    for (int i = 0; t->kind == ABI_STRUCT && i < t->nmember; i++) {
        const struct abi_type *m = t->member[i];
        at = round_up(at, t->packed ? 1 : m->align);
        if (misaligned(m, off + at))
            return 1;
        at += m->size;
    }
    for (int i = 0; t->kind == ABI_ARRAY && i < t->count; i++)
        if (misaligned(t->elem, off + i * t->elem->size))
            return 1;
    for (int i = 0; t->kind == ABI_UNION && i < t->nmember; i++)
        if (misaligned(t->member[i], off))
            return 1;
    return 0;
}

/* General registers an argument takes: 0 (empty), 1 or 2, or -1 (memory). */
static int eightbytes(const struct abi_type *t)
{
    if (t->size == 0)
        return 0;
    if (t->size > 16 || misaligned(t, 0))
        return -1;
    return (t->size + 7) / 8;
}

/* ---- values */

/* Finite floats of every exponent, zeros, infinities and subnormals; no
 * NaN, since a C initializer cannot spell a NaN's payload. */
static uint64_t random_float_bits(struct gen *g, int bits)
{
    int mant = bits == 32 ? 23 : 52, exp_max = bits == 32 ? 255 : 2047;
    uint64_t r = xorshift64star(&g->rng), sign = r >> 63;
    uint64_t exp, frac = r & ((UINT64_C(1) << mant) - 1);
    switch (below(g, 10)) {
    case 0: exp = 0; frac = 0; break;                 /* +-0 */
    case 1: exp = (uint64_t)exp_max; frac = 0; break; /* +-inf */
    case 2: exp = 0; break;                           /* subnormal */
    default: exp = 1 + below(g, (uint32_t)exp_max - 1); break;
    }
    return sign << (bits - 1) | exp << mant | frac;
}

static void random_value(struct gen *g, struct abi_leaf *leaf)
{
    int size = abi_scalars[leaf->scalar].size;
    leaf->lo = xorshift64star(&g->rng);
    leaf->hi = size == 16 ? xorshift64star(&g->rng) : 0;
    if (size < 8)
        leaf->lo &= (UINT64_C(1) << (size * 8)) - 1;
    if (leaf->scalar == SC_BOOL)
        leaf->lo &= 1;
    else if (leaf->scalar == SC_F32)
        leaf->lo = random_float_bits(g, 32);
    else if (leaf->scalar == SC_F64)
        leaf->lo = random_float_bits(g, 64);
}

/* The leaves of T at PATH: a union's are those of its first largest
 * member, the one its value is written through. */
static void collect_leaves(struct gen *g, const struct abi_type *t, int arg, enum abi_place place,
                           const char *path)
{
    struct abi_sig *sig = g->sig;
    char sub[sizeof sig->leaf[0].path];
    if (t->kind == ABI_SCALAR && sig->nleaves < ABI_MAX_LEAVES) {
        struct abi_leaf *leaf = &sig->leaf[sig->nleaves++];
        leaf->scalar = t->scalar;
        leaf->place = place;
        leaf->arg = arg;
        snprintf(leaf->path, sizeof leaf->path, "%s", path);
        random_value(g, leaf);
        return;
    }
    if (place == PLACE_ARG)
        place = PLACE_ARG_AGGREGATE;
    else if (place == PLACE_RET)
        place = PLACE_RET_AGGREGATE;
    for (int i = 0; t->kind == ABI_ARRAY && i < t->count; i++) {
        snprintf(sub, sizeof sub, "%s[%d]", path, i);
        collect_leaves(g, t->elem, arg, place, sub);
    }
    for (int i = 0; t->kind == ABI_STRUCT && i < t->nmember; i++) {
        snprintf(sub, sizeof sub, "%s.f%d", path, i);
        collect_leaves(g, t->member[i], arg, place, sub);
    }
    if (t->kind == ABI_UNION) {
        int active = abi_union_active(t);
        snprintf(sub, sizeof sub, "%s.m%d", path, active);
        collect_leaves(g, t->member[active], arg, place, sub);
    }
}

int abi_union_active(const struct abi_type *t)
{
    int active = 0;
    for (int i = 1; i < t->nmember; i++)
        if (t->member[i]->size > t->member[active]->size)
            active = i;
    return active;
}

/* ---- signatures */

static int argument_count(struct gen *g)
{
    uint32_t r = below(g, 100);
    if (r < 8)
        return (int)below(g, 2);
    if (r < 70)
        return 2 + (int)below(g, 5);
    if (r < 90)
        return 7 + (int)below(g, 4);
    return 11 + (int)below(g, ABI_MAX_ARGS - 10);
}

/* What a variadic call may pass: no type that C's default argument
 * promotions change (rustc refuses those), nothing empty, no 128-bit. */
static int fits_varargs(const struct abi_type *t)
{
    if (t->kind != ABI_SCALAR)
        return t->size > 0;
    switch (t->scalar) {
    case SC_I32: case SC_U32: case SC_I64: case SC_U64: case SC_F64: case SC_PTR: return 1;
    default: return 0;
    }
}

/* An argument for position I, given the general registers already used:
 * never a two-register one when only %r9 is left (rustc would split it). */
static const struct abi_type *random_argument(struct gen *g, int i, int *gprs_used)
{
    const struct abi_type *t = NULL;
    for (int tries = 0; tries < 50; tries++) {
        int saved = g->npool, saved_types = g->sig->ntypes;
        t = random_type(g, 3);
        int eb = eightbytes(t);
        int ok = !(eb == 2 && *gprs_used == 5) && (i < g->sig->nfixed || fits_varargs(t));
        if (ok) {
            if (eb > 0 && *gprs_used + eb <= 6)
                *gprs_used += eb;
            return t;
        }
        g->npool = saved;
        g->sig->ntypes = saved_types;
    }
    if (*gprs_used < 6)
        ++*gprs_used;
    return scalar_type(SC_I64);
}

void abi_random_signature(struct abi_sig *sig, uint64_t seed, int index)
{
    static struct gen g;
    memset(sig, 0, sizeof *sig);
    memset(&g, 0, sizeof g);
    g.sig = sig;
    g.rng = (seed ^ 0x9e3779b97f4a7c15u) * 0xff51afd7ed558ccdu + (uint64_t)index * 0xc4ceb9fe1a85ec53u;
    g.rng |= 1;
    sig->index = index;
    sig->nargs = argument_count(&g);
    sig->nfixed = sig->nargs;
    if (sig->nargs >= 2 && below(&g, 10) == 0)
        sig->nfixed = 1 + (int)below(&g, (uint32_t)(sig->nargs - 1 < 3 ? sig->nargs - 1 : 3));
    uint32_t r = below(&g, 100);
    sig->ret = r < 15 ? NULL : r < 55 ? scalar_type(random_scalar(&g)) : random_aggregate(&g, 3);
    int gprs_used = sig->ret && eightbytes(sig->ret) < 0;   /* the hidden return pointer */
    for (int i = 0; i < sig->nargs; i++)
        sig->arg[i] = random_argument(&g, i, &gprs_used);
    char path[8] = "";
    for (int i = 0; i < sig->nargs; i++)
        collect_leaves(&g, sig->arg[i], i, i < sig->nfixed ? PLACE_ARG : PLACE_VARARG, path);
    if (sig->ret)
        collect_leaves(&g, sig->ret, -1, PLACE_RET, path);
}

int abi_is_variadic(const struct abi_sig *sig)
{
    return sig->nfixed < sig->nargs;
}

/* ---- descriptions, for the report of a mismatch */

void abi_describe(FILE *out, const struct abi_type *t)
{
    if (!t) {
        fputs("void", out);
        return;
    }
    switch (t->kind) {
    case ABI_SCALAR: fputs(abi_scalars[t->scalar].tag, out); return;
    case ABI_ARRAY:
        fputc('[', out);
        abi_describe(out, t->elem);
        fprintf(out, ";%d]", t->count);
        return;
    case ABI_STRUCT: case ABI_UNION: break;
    }
    fprintf(out, "%s%s", t->kind == ABI_UNION ? "union" : "", t->packed ? "packed" : "");
    if (t->align_attr)
        fprintf(out, "align%d", t->align_attr);
    fputc('{', out);
    for (int i = 0; i < t->nmember; i++) {
        if (i)
            fputc(',', out);
        abi_describe(out, t->member[i]);
    }
    fputc('}', out);
}

static int plantable_type(const struct abi_type *t)
{
    return t && t->kind == ABI_STRUCT && t->size <= 16 && t->nmember >= 2 &&
           t->member[0]->kind == ABI_SCALAR &&
           t->member[0] == t->member[1] &&
           (t->member[0]->scalar == SC_F32 || t->member[0]->scalar == SC_F64);
}

/* Only an argument or the return value itself, of two eightbytes at
 * most: the swap then models a soft-float ABI that hands two float
 * eightbytes over in the wrong registers.  (A struct deeper down may sit
 * in a union's other member, where no value goes through it.) */
int abi_plantable(const struct abi_sig *sig, const struct abi_type **which)
{
    for (int i = -1; i < sig->nargs; i++) {
        const struct abi_type *t = i < 0 ? sig->ret : sig->arg[i];
        if (plantable_type(t)) {
            *which = t;
            return 1;
        }
    }
    return 0;
}
