/* make bench: the kit's soft-float routines (libgcc's soft-fp, built for
 * the kernel multilib under the soft-float ABI) against the host's
 * hardware SSE and LLVM compiler-rt's soft-float builtins, timed natively
 * in one process.
 *
 * The kit's objects are kernel-model and non-PIC, so they link into this
 * non-PIE program; bench/softfloat-objects.sh renames their symbols kit_*
 * (compiler-rt's crt_*).  Under the soft-float ABI a float or double
 * travels as an integer of its size, so the kit_ routines are declared
 * with integer types; compiler-rt's use the SSE calling convention.
 *
 * Each routine is first checked against the hardware on every operand,
 * then timed over 4096 operands, the best of 15 rounds in which the three
 * implementations take turns.  Every figure includes a call: the hardware
 * operation sits in a function of its own too.  The verdict column holds
 * the goal: no routine slower than compiler-rt's. */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "../hostlib/xorshift.h"

#define OPERANDS 4096
#define ROUNDS 15

uint32_t kit___addsf3(uint32_t, uint32_t), kit___mulsf3(uint32_t, uint32_t),
    kit___divsf3(uint32_t, uint32_t);
uint64_t kit___adddf3(uint64_t, uint64_t), kit___subdf3(uint64_t, uint64_t),
    kit___muldf3(uint64_t, uint64_t), kit___divdf3(uint64_t, uint64_t);
int64_t kit___ltdf2(uint64_t, uint64_t), kit___ltsf2(uint32_t, uint32_t);
uint64_t kit___floatsidf(int32_t), kit___floatdidf(int64_t), kit___extendsfdf2(uint32_t);
int32_t kit___fixdfsi(uint64_t);
int64_t kit___fixdfdi(uint64_t);
uint32_t kit___truncdfsf2(uint64_t);

float crt___addsf3(float, float), crt___mulsf3(float, float), crt___divsf3(float, float);
double crt___adddf3(double, double), crt___subdf3(double, double),
    crt___muldf3(double, double), crt___divdf3(double, double);
int crt___ltdf2(double, double), crt___ltsf2(float, float);
double crt___floatsidf(int32_t), crt___floatdidf(int64_t), crt___extendsfdf2(float);
int32_t crt___fixdfsi(double);
int64_t crt___fixdfdi(double);
float crt___truncdfsf2(double);

/* Operands and results as raw 64-bit words: a float in the low half. */
static uint64_t a_ops[OPERANDS], b_ops[OPERANDS];

static uint64_t of_double(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static double to_double(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
static uint64_t of_float(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static float to_float(uint64_t u) { float f; uint32_t w = (uint32_t)u; memcpy(&f, &w, 4); return f; }

#define NOIPA __attribute__((noipa))
typedef uint64_t operation(uint64_t, uint64_t);

/* Hardware (SSE), compiler-rt and the kit, one triple an operation. */
#define FLOAT_BINARY(NAME, OP, ROUTINE)                                                     \
    static NOIPA uint64_t hw_##NAME(uint64_t a, uint64_t b) { return of_float(to_float(a) OP to_float(b)); } \
    static NOIPA uint64_t crt_##NAME(uint64_t a, uint64_t b) { return of_float(crt_##ROUTINE(to_float(a), to_float(b))); } \
    static NOIPA uint64_t kit_##NAME(uint64_t a, uint64_t b) { return kit_##ROUTINE((uint32_t)a, (uint32_t)b); }
#define DOUBLE_BINARY(NAME, OP, ROUTINE)                                                    \
    static NOIPA uint64_t hw_##NAME(uint64_t a, uint64_t b) { return of_double(to_double(a) OP to_double(b)); } \
    static NOIPA uint64_t crt_##NAME(uint64_t a, uint64_t b) { return of_double(crt_##ROUTINE(to_double(a), to_double(b))); } \
    static NOIPA uint64_t kit_##NAME(uint64_t a, uint64_t b) { return kit_##ROUTINE(a, b); }
FLOAT_BINARY(add_f32, +, __addsf3)
FLOAT_BINARY(mul_f32, *, __mulsf3)
FLOAT_BINARY(div_f32, /, __divsf3)
DOUBLE_BINARY(add_f64, +, __adddf3)
DOUBLE_BINARY(sub_f64, -, __subdf3)
DOUBLE_BINARY(mul_f64, *, __muldf3)
DOUBLE_BINARY(div_f64, /, __divdf3)

static NOIPA uint64_t hw_lt_f64(uint64_t a, uint64_t b) { return to_double(a) < to_double(b); }
static NOIPA uint64_t crt_lt_f64(uint64_t a, uint64_t b) { return crt___ltdf2(to_double(a), to_double(b)) < 0; }
static NOIPA uint64_t kit_lt_f64(uint64_t a, uint64_t b) { return kit___ltdf2(a, b) < 0; }
static NOIPA uint64_t hw_lt_f32(uint64_t a, uint64_t b) { return to_float(a) < to_float(b); }
static NOIPA uint64_t crt_lt_f32(uint64_t a, uint64_t b) { return crt___ltsf2(to_float(a), to_float(b)) < 0; }
static NOIPA uint64_t kit_lt_f32(uint64_t a, uint64_t b) { return kit___ltsf2((uint32_t)a, (uint32_t)b) < 0; }
static NOIPA uint64_t hw_i32_f64(uint64_t a, uint64_t b) { (void)b; return of_double((int32_t)a); }
static NOIPA uint64_t crt_i32_f64(uint64_t a, uint64_t b) { (void)b; return of_double(crt___floatsidf((int32_t)a)); }
static NOIPA uint64_t kit_i32_f64(uint64_t a, uint64_t b) { (void)b; return kit___floatsidf((int32_t)a); }
static NOIPA uint64_t hw_i64_f64(uint64_t a, uint64_t b) { (void)b; return of_double((double)(int64_t)a); }
static NOIPA uint64_t crt_i64_f64(uint64_t a, uint64_t b) { (void)b; return of_double(crt___floatdidf((int64_t)a)); }
static NOIPA uint64_t kit_i64_f64(uint64_t a, uint64_t b) { (void)b; return kit___floatdidf((int64_t)a); }
static NOIPA uint64_t hw_f64_i32(uint64_t a, uint64_t b) { (void)b; return (uint64_t)(int32_t)to_double(a); }
static NOIPA uint64_t crt_f64_i32(uint64_t a, uint64_t b) { (void)b; return (uint64_t)crt___fixdfsi(to_double(a)); }
static NOIPA uint64_t kit_f64_i32(uint64_t a, uint64_t b) { (void)b; return (uint64_t)kit___fixdfsi(a); }
static NOIPA uint64_t hw_f64_i64(uint64_t a, uint64_t b) { (void)b; return (uint64_t)(int64_t)to_double(a); }
static NOIPA uint64_t crt_f64_i64(uint64_t a, uint64_t b) { (void)b; return (uint64_t)crt___fixdfdi(to_double(a)); }
static NOIPA uint64_t kit_f64_i64(uint64_t a, uint64_t b) { (void)b; return (uint64_t)kit___fixdfdi(a); }
static NOIPA uint64_t hw_f32_f64(uint64_t a, uint64_t b) { (void)b; return of_double(to_float(a)); }
static NOIPA uint64_t crt_f32_f64(uint64_t a, uint64_t b) { (void)b; return of_double(crt___extendsfdf2(to_float(a))); }
static NOIPA uint64_t kit_f32_f64(uint64_t a, uint64_t b) { (void)b; return kit___extendsfdf2((uint32_t)a); }
static NOIPA uint64_t hw_f64_f32(uint64_t a, uint64_t b) { (void)b; return of_float((float)to_double(a)); }
static NOIPA uint64_t crt_f64_f32(uint64_t a, uint64_t b) { (void)b; return of_float(crt___truncdfsf2(to_double(a))); }
static NOIPA uint64_t kit_f64_f32(uint64_t a, uint64_t b) { (void)b; return kit___truncdfsf2(a); }

enum operands { FLOATS, DOUBLES, INT32S, INT64S, IN_RANGE_DOUBLES };

static const struct {
    const char *name;
    enum operands operands;
    operation *hw, *crt, *kit;
} operations[] = {
#define ROW(NAME, KIND) {#NAME, KIND, hw_##NAME, crt_##NAME, kit_##NAME}
    ROW(add_f32, FLOATS), ROW(mul_f32, FLOATS), ROW(div_f32, FLOATS),
    ROW(lt_f32, FLOATS), ROW(add_f64, DOUBLES), ROW(sub_f64, DOUBLES),
    ROW(mul_f64, DOUBLES), ROW(div_f64, DOUBLES), ROW(lt_f64, DOUBLES),
    ROW(i32_f64, INT32S), ROW(i64_f64, INT64S), ROW(f64_i32, IN_RANGE_DOUBLES),
    ROW(f64_i64, IN_RANGE_DOUBLES), ROW(f32_f64, FLOATS), ROW(f64_f32, DOUBLES),
};

static uint64_t random_state = 0x9e3779b97f4a7c15u;
static uint64_t random64(void)
{
    return xorshift64star(&random_state);
}

/* Normal numbers of moderate magnitude, as real code mostly has. */
static uint64_t random_operand(enum operands kind)
{
    uint64_t r = random64();
    switch (kind) {
    case FLOATS: return of_float(to_float(((r & 0x807fffff) | (uint64_t)(127 - 20 + (r >> 40) % 40) << 23)));
    case DOUBLES: return (r & 0x800fffffffffffffu) | (uint64_t)(1023 - 60 + (r >> 52) % 120) << 52;
    case INT32S: return (uint64_t)(int64_t)(int32_t)(r >> (r % 32));
    case INT64S: return r >> (r % 64);
    default: return (r & 0x800fffffffffffffu) | (uint64_t)(1023 - 4 + (r >> 52) % 34) << 52;
    }
}

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static volatile uint64_t sink;

/* Time per call of one pass over the operands, in nanoseconds. */
static double time_pass(operation *fn)
{
    uint64_t acc = 0;
    double start = seconds();
    for (int rep = 0; rep < 16; rep++)
        for (int i = 0; i < OPERANDS; i++)
            acc ^= fn(a_ops[i], b_ops[i]);
    sink = acc;
    return (seconds() - start) * 1e9 / (16.0 * OPERANDS);
}

/* The best of ROUNDS passes for each of the three implementations, taken
 * in turn within every round, so that a change in the machine's speed
 * during the run weighs on all three alike. */
static void time_three(operation *const fns[3], double best[3])
{
    for (int j = 0; j < 3; j++)
        best[j] = 1e30;
    for (int round = 0; round < ROUNDS; round++)
        for (int j = 0; j < 3; j++) {
            double ns = time_pass(fns[j]);
            if (ns < best[j])
                best[j] = ns;
        }
}

int main(void)
{
    int faster = 0, rows = 0, wrong = 0;
    printf("%-9s %9s %9s %9s %8s %8s  %s\n", "routine", "SSE ns", "crt ns", "kit ns",
           "kit/SSE", "kit/crt", "verdict (goal: kit <= compiler-rt)");
    for (size_t k = 0; k < sizeof operations / sizeof operations[0]; k++) {
        for (int i = 0; i < OPERANDS; i++) {
            a_ops[i] = random_operand(operations[k].operands);
            b_ops[i] = random_operand(operations[k].operands);
        }
        for (int i = 0; i < OPERANDS; i++) {
            uint64_t want = operations[k].hw(a_ops[i], b_ops[i]);
            if (operations[k].kit(a_ops[i], b_ops[i]) != want ||
                operations[k].crt(a_ops[i], b_ops[i]) != want) {
                printf("%s: results differ from the hardware's for %#lx, %#lx\n",
                       operations[k].name, (unsigned long)a_ops[i], (unsigned long)b_ops[i]);
                wrong++;
                break;
            }
        }
        operation *const fns[3] = {operations[k].hw, operations[k].crt, operations[k].kit};
        double best[3];
        time_three(fns, best);
        double hw = best[0], crt = best[1], kit = best[2];
        bool ok = kit <= crt;
        faster += ok;
        rows++;
        printf("%-9s %9.2f %9.2f %9.2f %8.2f %8.2f  %s\n", operations[k].name, hw, crt, kit,
               kit / hw, kit / crt, ok ? "meets" : "SLOWER than compiler-rt");
    }
    printf("%d of %d routines no slower than compiler-rt's%s\n", faster, rows,
           wrong ? "; SOME RESULTS WRONG" : "");
    return wrong != 0;
}
