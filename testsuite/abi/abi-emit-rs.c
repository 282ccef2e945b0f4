/* abi-emit-rs.c: the Rust side of a generated ABI suite, a #![no_core]
 * crate (as rust-interop.rs, so no rust-std is needed for the target).
 * Per signature N: the same types as #[repr(C)]; rs_fnN, which C calls
 * and which stores every leaf it received into abi_gotN and returns the
 * wanted value; rs_callN, which calls C's c_fnN with the wanted values
 * and stores the leaves of its result.  Values are read and written one
 * leaf at a time, through Rust's own view of each type, so a layout the
 * two compilers disagree on shows as well as a register they do. */
#include "abi-gen.h"

static void rust_type(FILE *out, const struct abi_type *t)
{
    switch (t->kind) {
    case ABI_SCALAR: fputs(abi_scalars[t->scalar].rust_name, out); return;
    case ABI_STRUCT: fprintf(out, "S%d", t->id); return;
    case ABI_UNION: fprintf(out, "U%d", t->id); return;
    case ABI_ARRAY:
        fputc('[', out);
        rust_type(out, t->elem);
        fprintf(out, "; %d]", t->count);
        return;
    }
}

/* PLANTED (abi-planted.test) has its first two members' names swapped. */
static void rust_definition(FILE *out, const struct abi_type *t, const struct abi_type *planted)
{
    fputs("#[repr(C", out);
    if (t->packed)
        fputs(", packed", out);
    if (t->align_attr)
        fprintf(out, ", align(%d)", t->align_attr);
    fprintf(out, ")] pub %s ", t->kind == ABI_UNION ? "union" : "struct");
    rust_type(out, t);
    fputs(" {", out);
    for (int i = 0; i < t->nmember; i++) {
        int name = t == planted && i < 2 ? 1 - i : i;
        fprintf(out, " pub %c%d: ", t->kind == ABI_UNION ? 'm' : 'f', name);
        rust_type(out, t->member[i]);
        fputc(',', out);
    }
    fputs(" } impl Copy for ", out);
    rust_type(out, t);
    fputs(" {}\n", out);
}

/* A value of type T built from abi_wantN's leaves from *LEAF on. */
static void rust_value(FILE *out, const struct abi_sig *sig, const struct abi_type *t, int *leaf)
{
    if (t->kind == ABI_SCALAR) {
        fprintf(out, "abi_want%d.l%d", sig->index, (*leaf)++);
        return;
    }
    if (t->kind == ABI_ARRAY) {
        fputc('[', out);
        for (int i = 0; i < t->count; i++) {
            fputs(i ? ", " : "", out);
            rust_value(out, sig, t->elem, leaf);
        }
        fputc(']', out);
        return;
    }
    rust_type(out, t);
    fputs(" {", out);
    int active = t->kind == ABI_UNION ? abi_union_active(t) : -1;
    for (int i = 0; i < t->nmember; i++) {
        if (t->kind == ABI_UNION && i != active)
            continue;
        fprintf(out, " %c%d: ", t->kind == ABI_UNION ? 'm' : 'f', i);
        rust_value(out, sig, t->member[i], leaf);
        fputc(',', out);
    }
    fputs(" }", out);
}

/* Statements storing the leaves of EXPR (of type T) into abi_gotN from
 * *LEAF on.  Arrays are taken apart by a pattern, not indexed: indexing
 * would need the bounds-check lang items that no_core lacks. */
static void rust_store(FILE *out, const struct abi_sig *sig, const struct abi_type *t,
                       const char *expr, int *leaf, int *temp)
{
    char sub[160];
    if (t->kind == ABI_SCALAR) {
        fprintf(out, "    abi_got%d.l%d = %s;\n", sig->index, (*leaf)++, expr);
    } else if (t->kind == ABI_ARRAY) {
        int first = *temp;
        *temp += t->count;
        fputs("    let [", out);
        for (int i = 0; i < t->count; i++)
            fprintf(out, "%st%d", i ? ", " : "", first + i);
        fprintf(out, "] = %s;\n", expr);
        for (int i = 0; i < t->count; i++) {
            snprintf(sub, sizeof sub, "t%d", first + i);
            rust_store(out, sig, t->elem, sub, leaf, temp);
        }
    } else if (t->kind == ABI_UNION) {
        snprintf(sub, sizeof sub, "%s.m%d", expr, abi_union_active(t));
        rust_store(out, sig, t->member[abi_union_active(t)], sub, leaf, temp);
    } else {
        for (int i = 0; i < t->nmember; i++) {
            snprintf(sub, sizeof sub, "%s.f%d", expr, i);
            rust_store(out, sig, t->member[i], sub, leaf, temp);
        }
    }
}

static void rust_externs(FILE *out, const struct abi_sig *sig)
{
    fprintf(out, "extern \"C\" {\n    static abi_want%d: L%d;\n    static mut abi_got%d: L%d;\n"
            "    fn c_fn%d(", sig->index, sig->index, sig->index, sig->index, sig->index);
    for (int i = 0; i < sig->nfixed; i++) {
        fprintf(out, "%sa%d: ", i ? ", " : "", i);
        rust_type(out, sig->arg[i]);
    }
    if (abi_is_variadic(sig))
        fputs(", ...", out);
    fputc(')', out);
    if (sig->ret) {
        fputs(" -> ", out);
        rust_type(out, sig->ret);
    }
    fputs(";\n}\n", out);
}

/* rs_fnN: C calls it; it keeps what arrived and returns the wanted value. */
static void rust_callee(FILE *out, const struct abi_sig *sig)
{
    int leaf = 0, temp = 0;
    char name[16];
    fprintf(out, "#[no_mangle] pub unsafe extern \"C\" fn rs_fn%d(", sig->index);
    for (int i = 0; i < sig->nargs; i++) {
        fprintf(out, "%sa%d: ", i ? ", " : "", i);
        rust_type(out, sig->arg[i]);
    }
    fputc(')', out);
    if (sig->ret) {
        fputs(" -> ", out);
        rust_type(out, sig->ret);
    }
    fputs(" {\n", out);
    for (int i = 0; i < sig->nargs; i++) {
        snprintf(name, sizeof name, "a%d", i);
        rust_store(out, sig, sig->arg[i], name, &leaf, &temp);
    }
    if (sig->ret) {
        fputs("    ", out);
        rust_value(out, sig, sig->ret, &leaf);
        fputc('\n', out);
    }
    fputs("}\n", out);
}

/* rs_callN: calls C's c_fnN with the wanted values, keeps its result. */
static void rust_caller(FILE *out, const struct abi_sig *sig)
{
    int leaf = 0, temp = 0;
    fprintf(out, "#[no_mangle] pub unsafe extern \"C\" fn rs_call%d() {\n    let r = c_fn%d(",
            sig->index, sig->index);
    for (int i = 0; i < sig->nargs; i++) {
        fputs(i ? ",\n        " : "", out);
        rust_value(out, sig, sig->arg[i], &leaf);
    }
    fputs(");\n", out);
    if (sig->ret)
        rust_store(out, sig, sig->ret, "r", &leaf, &temp);
    else
        fputs("    let () = r;\n", out);
    fputs("}\n", out);
}

void abi_emit_rust(FILE *out, const struct abi_sig *sig, const struct abi_type *planted)
{
    fprintf(out, "\n// signature %d\n", sig->index);
    for (int i = 0; i < sig->ntypes; i++)
        rust_definition(out, sig->type[i], planted);
    fprintf(out, "#[repr(C)] pub struct L%d {", sig->index);
    for (int i = 0; i < sig->nleaves; i++)
        fprintf(out, " pub l%d: %s,", i, abi_scalars[sig->leaf[i].scalar].rust_name);
    fprintf(out, " pub end: u8, }\n");
    rust_externs(out, sig);
    if (!abi_is_variadic(sig))
        rust_callee(out, sig);
    rust_caller(out, sig);
}

void abi_emit_rust_prologue(FILE *out)
{
    fputs("// Generated by abi-gen (testsuite/abi/): do not edit.\n"
          "#![feature(no_core, lang_items)]\n#![no_core]\n#![no_std]\n"
          "#![allow(internal_features, improper_ctypes, improper_ctypes_definitions)]\n"
          "#![allow(non_snake_case, non_upper_case_globals, dead_code, unused_unsafe, unused_variables)]\n"
          "#![crate_type = \"staticlib\"]\n\n"
          "#[lang = \"pointee_sized\"] pub trait PointeeSized {}\n"
          "#[lang = \"meta_sized\"] pub trait MetaSized: PointeeSized {}\n"
          "#[lang = \"sized\"] pub trait Sized: MetaSized {}\n"
          "#[lang = \"copy\"] pub trait Copy {}\n", out);
    for (int i = 0; i < SC_COUNT; i++)
        fprintf(out, "impl Copy for %s {}\n", abi_scalars[i].rust_name);
    fputs("impl<T: Copy, const N: usize> Copy for [T; N] {}\n", out);
}
