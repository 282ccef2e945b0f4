/* abi-emit-c.c: the C side of a generated ABI suite.  Per signature N:
 * its types; struct LN, the flat record of every leaf (arguments, then
 * the return value), as abi_wantN (the values) and abi_gotN (what the
 * Rust side received); c_fnN, the C function Rust calls; abi_testN, which
 * calls rs_fnN and rs_callN (abi-emit-rs.c) and compares every leaf. */
#include "abi-gen.h"

#include <string.h>

static void c_type(FILE *out, const struct abi_type *t)
{
    if (!t)
        fputs("void", out);
    else if (t->kind == ABI_SCALAR)
        fputs(abi_scalars[t->scalar].c_name, out);
    else
        fprintf(out, "%s %c%d", t->kind == ABI_UNION ? "union" : "struct",
                t->kind == ABI_UNION ? 'U' : 'S', t->id);
}

static void c_definition(FILE *out, const struct abi_type *t)
{
    c_type(out, t);
    fputs(" {", out);
    for (int i = 0; i < t->nmember; i++) {
        const struct abi_type *m = t->member[i];
        fputc(' ', out);
        c_type(out, m->kind == ABI_ARRAY ? m->elem : m);
        fprintf(out, " %c%d", t->kind == ABI_UNION ? 'm' : 'f', i);
        if (m->kind == ABI_ARRAY)
            fprintf(out, "[%d]", m->count);
        fputc(';', out);
    }
    fputs(" }", out);
    if (t->packed)
        fputs(" __attribute__((packed))", out);
    if (t->align_attr)
        fprintf(out, " __attribute__((aligned(%d)))", t->align_attr);
    fputs(";\n", out);
}

static void c_float_literal(FILE *out, const struct abi_leaf *leaf)
{
    int single = leaf->scalar == SC_F32;
    double d;
    if (single) {
        float f;
        uint32_t bits = (uint32_t)leaf->lo;
        memcpy(&f, &bits, sizeof f);
        d = f;
    } else {
        memcpy(&d, &leaf->lo, sizeof d);
    }
    if (__builtin_isinf(d))
        fprintf(out, "%s__builtin_inf%s()", d < 0 ? "-" : "", single ? "f" : "");
    else
        fprintf(out, "%a%s", d, single ? "f" : "");
}

static void c_literal(FILE *out, const struct abi_leaf *leaf)
{
    const char *type = abi_scalars[leaf->scalar].c_name;
    switch (leaf->scalar) {
    case SC_F32: case SC_F64: c_float_literal(out, leaf); break;
    case SC_BOOL: fprintf(out, "%d", (int)leaf->lo); break;
    case SC_I128: case SC_U128:
        fprintf(out, "(%s)((unsigned __int128)0x%llxull << 64 | 0x%llxull)", type,
                (unsigned long long)leaf->hi, (unsigned long long)leaf->lo);
        break;
    default: fprintf(out, "(%s)0x%llxull", type, (unsigned long long)leaf->lo); break;
    }
}

static int first_leaf(const struct abi_sig *sig, int arg)
{
    int i = 0;
    while (i < sig->nleaves && sig->leaf[i].arg != arg)
        i++;
    return i;
}

/* A value of type T built from abi_wantN's leaves from *LEAF on. */
static void c_value(FILE *out, const struct abi_sig *sig, const struct abi_type *t, int *leaf)
{
    if (t->kind == ABI_SCALAR) {
        fprintf(out, "abi_want%d.l%d", sig->index, (*leaf)++);
        return;
    }
    if (t->kind == ABI_ARRAY) {
        fputc('{', out);
        for (int i = 0; i < t->count; i++) {
            fputs(i ? ", " : " ", out);
            c_value(out, sig, t->elem, leaf);
        }
        fputs(" }", out);
        return;
    }
    fputc('(', out);
    c_type(out, t);
    fputs("){", out);
    int active = t->kind == ABI_UNION ? abi_union_active(t) : -1;
    for (int i = 0; i < t->nmember; i++) {
        if (t->kind == ABI_UNION && i != active)
            continue;
        fprintf(out, " .%c%d = ", t->kind == ABI_UNION ? 'm' : 'f', i);
        c_value(out, sig, t->member[i], leaf);
        fputc(',', out);
    }
    fputs(" }", out);
}

static const char *place_prefix(const struct abi_leaf *leaf, char *buf, size_t size)
{
    if (leaf->arg < 0)
        snprintf(buf, size, "return");
    else
        snprintf(buf, size, "arg %d", leaf->arg);
    return buf;
}

/* ABI_CHECK lines for the leaves of ARG (-1: the return value), the
 * received value being EXPR plus the leaf's path, or abi_gotN's leaf
 * when EXPR is NULL. */
static void c_checks(FILE *out, const struct abi_sig *sig, int arg, const char *expr)
{
    char where[32];
    for (int i = 0; i < sig->nleaves; i++) {
        const struct abi_leaf *leaf = &sig->leaf[i];
        if (leaf->arg != arg)
            continue;
        fprintf(out, "    ABI_CHECK(\"%s %s\", %d, %s, ", place_prefix(leaf, where, sizeof where),
                leaf->path, (int)leaf->scalar * PLACE_COUNT + (int)leaf->place,
                abi_scalars[leaf->scalar].c_name);
        if (expr)
            fprintf(out, "%s%s", expr, leaf->path);
        else
            fprintf(out, "abi_got%d.l%d", sig->index, i);
        fprintf(out, ", abi_want%d.l%d);\n", sig->index, i);
    }
}

static void c_signature_text(FILE *out, const struct abi_sig *sig)
{
    fputc('"', out);
    abi_describe(out, sig->ret);
    fprintf(out, " fn%d(", sig->index);
    for (int i = 0; i < sig->nargs; i++) {
        fputs(i == sig->nfixed ? ", ...: " : i ? ", " : "", out);
        abi_describe(out, sig->arg[i]);
    }
    fputs(")\"", out);
}

static void c_parameters(FILE *out, const struct abi_sig *sig, int names)
{
    fputc('(', out);
    for (int i = 0; i < sig->nfixed; i++) {
        fputs(i ? ", " : "", out);
        c_type(out, sig->arg[i]);
        if (names)
            fprintf(out, " a%d", i);
    }
    if (sig->nargs == 0)
        fputs("void", out);
    else if (abi_is_variadic(sig))
        fputs(", ...", out);
    fputc(')', out);
}

/* The leaf record, its wanted values and the space the Rust side fills. */
static void c_records(FILE *out, const struct abi_sig *sig)
{
    fprintf(out, "struct L%d {", sig->index);
    for (int i = 0; i < sig->nleaves; i++)
        fprintf(out, " %s l%d;", abi_scalars[sig->leaf[i].scalar].c_name, i);
    fprintf(out, " unsigned char end; };\nconst struct L%d abi_want%d = {", sig->index, sig->index);
    for (int i = 0; i < sig->nleaves; i++) {
        c_literal(out, &sig->leaf[i]);
        fputs(", ", out);
    }
    fprintf(out, "0 };\nstruct L%d abi_got%d;\n", sig->index, sig->index);
}

/* c_fnN: what Rust (or, for a variadic one, C) calls; it checks what
 * arrived and returns the wanted value. */
static void c_callee(FILE *out, const struct abi_sig *sig)
{
    c_type(out, sig->ret);
    fprintf(out, " c_fn%d", sig->index);
    c_parameters(out, sig, 1);
    fputs(";\n", out);
    c_type(out, sig->ret);
    fprintf(out, " c_fn%d", sig->index);
    c_parameters(out, sig, 1);
    fputs("\n{\n", out);
    if (abi_is_variadic(sig)) {
        fprintf(out, "    va_list ap;\n    va_start(ap, a%d);\n", sig->nfixed - 1);
        for (int i = sig->nfixed; i < sig->nargs; i++) {
            fputs("    ", out);
            c_type(out, sig->arg[i]);
            fprintf(out, " a%d = va_arg(ap, ", i);
            c_type(out, sig->arg[i]);
            fputs(");\n", out);
        }
        fputs("    va_end(ap);\n", out);
    }
    for (int i = 0; i < sig->nargs; i++) {
        char name[16];
        snprintf(name, sizeof name, "a%d", i);
        fprintf(out, "    (void)a%d;\n", i);   /* an empty one has no leaves */
        c_checks(out, sig, i, name);
    }
    if (sig->ret) {
        int leaf = first_leaf(sig, -1);
        fputs("    return ", out);
        c_value(out, sig, sig->ret, &leaf);
        fputs(";\n", out);
    }
    fputs("}\n", out);
}

/* A call of FN with the wanted arguments, its result in r. */
static void c_call(FILE *out, const struct abi_sig *sig, const char *fn)
{
    int leaf = 0;
    fputs("    ", out);
    if (sig->ret) {
        c_type(out, sig->ret);
        fputs(" r = ", out);
    }
    fprintf(out, "%s%d(", fn, sig->index);
    for (int i = 0; i < sig->nargs; i++) {
        fputs(i ? ",\n        " : "", out);
        c_value(out, sig, sig->arg[i], &leaf);
    }
    fputs(");\n", out);
}

static void c_test(FILE *out, const struct abi_sig *sig)
{
    /* noinline: one abi_run_all with every test inlined takes compilers
     * minutes to optimise. */
    fprintf(out, "static __attribute__((noinline)) void abi_test%d(void)\n{\n    abi_begin(%d, ",
            sig->index, sig->index);
    c_signature_text(out, sig);
    fputs(");\n  {\n", out);
    if (abi_is_variadic(sig)) {
        fputs("    abi_direction(\"C->C\");\n", out);
        c_call(out, sig, "c_fn");
    } else {
        fprintf(out, "    abi_direction(\"C->Rust\");\n    abi_clear(&abi_got%d, sizeof abi_got%d);\n",
                sig->index, sig->index);
        c_call(out, sig, "rs_fn");
        for (int i = 0; i < sig->nargs; i++)
            c_checks(out, sig, i, NULL);
    }
    if (sig->ret)
        c_checks(out, sig, -1, "r");
    fputs("  }\n", out);
    fprintf(out, "    abi_direction(\"Rust->C\");\n    abi_clear(&abi_got%d, sizeof abi_got%d);\n"
            "    rs_call%d();\n", sig->index, sig->index, sig->index);
    c_checks(out, sig, -1, NULL);
    fputs("}\n", out);
}

void abi_emit_c(FILE *out, const struct abi_sig *sig)
{
    fprintf(out, "\n/* signature %d */\n", sig->index);
    for (int i = 0; i < sig->ntypes; i++)
        c_definition(out, sig->type[i]);
    c_records(out, sig);
    if (!abi_is_variadic(sig)) {
        c_type(out, sig->ret);
        fprintf(out, " rs_fn%d", sig->index);
        c_parameters(out, sig, 0);
        fputs(";\n", out);
    }
    fprintf(out, "void rs_call%d(void);\n", sig->index);
    c_callee(out, sig);
    c_test(out, sig);
}

void abi_emit_c_prologue(FILE *out, uint64_t seed, int count)
{
    static const char *const places[PLACE_COUNT] = {
        [PLACE_ARG] = "argument", [PLACE_ARG_AGGREGATE] = "in an aggregate argument",
        [PLACE_VARARG] = "variadic argument", [PLACE_RET] = "return value",
        [PLACE_RET_AGGREGATE] = "in an aggregate return value",
    };
    fprintf(out, "/* Generated by abi-gen --seed %llu --count %d (testsuite/abi/): do not edit. */\n"
            "#include \"abi-harness.h\"\n\nconst unsigned long long abi_seed = %lluull;\n"
            "const char *const abi_scalar_tags[] = {", (unsigned long long)seed, count,
            (unsigned long long)seed);
    for (int i = 0; i < SC_COUNT; i++)
        fprintf(out, " \"%s\",", abi_scalars[i].tag);
    fputs(" };\nconst char *const abi_place_names[] = {", out);
    for (int i = 0; i < PLACE_COUNT; i++)
        fprintf(out, " \"%s\",", places[i]);
    fprintf(out, " };\nconst int abi_scalar_count = %d, abi_place_count = %d;\n"
            "unsigned long abi_category_values[%d], abi_category_mismatches[%d];\n",
            SC_COUNT, PLACE_COUNT, SC_COUNT * PLACE_COUNT, SC_COUNT * PLACE_COUNT);
}

void abi_emit_c_epilogue(FILE *out, int count)
{
    fputs("\nvoid abi_run_all(void)\n{\n", out);
    for (int i = 0; i < count; i++)
        fprintf(out, "    abi_test%d();\n", i);
    fprintf(out, "}\nconst int abi_signatures = %d;\n", count);
}
