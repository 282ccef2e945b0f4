/* abi-gen: random function signatures and values for the C/Rust ABI
 * conformance suite (docs/testing.md, "The generated ABI suite").
 *
 * A signature's argument and return types are drawn from a seed; every
 * scalar inside them (a "leaf") gets a random value.  The C side and the
 * Rust side are written from the same model, so the two agree on what was
 * passed and what must arrive. */
#ifndef ABI_GEN_H
#define ABI_GEN_H

#include <stdint.h>
#include <stdio.h>

enum { ABI_MAX_MEMBERS = 6, ABI_MAX_ARGS = 16, ABI_MAX_LEAVES = 512, ABI_MAX_TYPES = 64 };

enum abi_kind { ABI_SCALAR, ABI_STRUCT, ABI_UNION, ABI_ARRAY };

/* The scalars, in the order of abi_scalars[] (abi-types.c). */
enum abi_scalar {
    SC_I8, SC_U8, SC_I16, SC_U16, SC_I32, SC_U32, SC_I64, SC_U64,
    SC_I128, SC_U128, SC_BOOL, SC_F32, SC_F64, SC_PTR, SC_COUNT
};

struct abi_scalar_info {
    const char *c_name, *rust_name, *tag;
    int size;
};
extern const struct abi_scalar_info abi_scalars[SC_COUNT];

struct abi_type {
    enum abi_kind kind;
    enum abi_scalar scalar;                 /* ABI_SCALAR */
    int id;                                 /* ABI_STRUCT, ABI_UNION: named S<id>, U<id> */
    int packed, align_attr;                 /* ABI_STRUCT: packed, or aligned(align_attr) */
    int nmember;
    const struct abi_type *member[ABI_MAX_MEMBERS];
    const struct abi_type *elem;            /* ABI_ARRAY: elem[count], only as a member */
    int count;
    int size, align;                        /* the C layout */
    int has_aligned;                        /* an aligned(N) struct is inside (Rust forbids it in packed) */
};

/* Where a value travels, for the per-category counts of a report. */
enum abi_place { PLACE_ARG, PLACE_ARG_AGGREGATE, PLACE_VARARG, PLACE_RET, PLACE_RET_AGGREGATE, PLACE_COUNT };

struct abi_leaf {
    enum abi_scalar scalar;
    enum abi_place place;
    int arg;                                /* the argument, or -1 for the return value */
    char path[96];                          /* from the argument: ".f1[2].m0" */
    uint64_t lo, hi;                        /* the value's bits (hi: 128-bit integers) */
};

struct abi_sig {
    int index;
    const struct abi_type *ret;             /* NULL: void */
    int nargs, nfixed;                      /* nfixed < nargs: variadic after nfixed */
    const struct abi_type *arg[ABI_MAX_ARGS];
    int nleaves;
    struct abi_leaf leaf[ABI_MAX_LEAVES];
    int ntypes;                             /* the aggregates, each after its members */
    const struct abi_type *type[ABI_MAX_TYPES];
};

/* abi-types.c */
extern int abi_zero_length_arrays;      /* draw [T; 0] members (off: a known divergence) */
void abi_random_signature(struct abi_sig *sig, uint64_t seed, int index);
void abi_describe(FILE *out, const struct abi_type *t);
int abi_is_variadic(const struct abi_sig *sig);
int abi_union_active(const struct abi_type *t);
/* Plant an ABI bug for abi-planted.test: swap, in the Rust side only, the
 * first two members of an argument or return struct of at most 16 bytes
 * that starts with two floats of one size.  Returns whether there is one. */
int abi_plantable(const struct abi_sig *sig, const struct abi_type **which);

/* abi-emit-c.c, abi-emit-rs.c */
void abi_emit_c_prologue(FILE *out, uint64_t seed, int count);
void abi_emit_c(FILE *out, const struct abi_sig *sig);
void abi_emit_c_epilogue(FILE *out, int count);
void abi_emit_rust_prologue(FILE *out);
void abi_emit_rust(FILE *out, const struct abi_sig *sig, const struct abi_type *planted);

#endif
