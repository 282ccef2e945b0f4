/* Every shape the soft-float ABI classifies: scalars, complex values,
 * __float128, aggregates holding floats, more arguments than registers,
 * variadic calls and va_arg, libcall-only operations.  soft-float-abi.test
 * compiles it under -msoft-float-abi at each optimisation level (no SSE,
 * MMX or x87 instruction may appear) and default-abi.test compiles it with
 * the plain cross compiler (whose output must not change). */
#include <stdarg.h>
#include <stdint.h>

typedef struct { float a, b; } F2;
typedef struct { double a, b; } D2;
typedef struct { float a; int32_t b; double c; } Mix;
typedef struct { double a, b, c; } D3;
typedef struct { float a, b, c; } F3;
typedef union { double d; uint64_t u; } DU;

float add_f(float a, float b) { return a + b; }
double mul_d(double a, double b) { return a * b; }
long double div_ld(long double a, long double b) { return a / b; }
double mixed(int a, float b, long c, double d, char e, float f, double g,
             int h, double i, long j) { return a + b + c + d + e + f + g + h + i + j; }
F2 swap_f2(F2 x) { return (F2){x.b, x.a}; }
D2 swap_d2(D2 x) { return (D2){x.b, x.a}; }
Mix scale_mix(Mix x, float k) { return (Mix){x.a * k, x.b, x.c * k}; }
D3 rotate_d3(D3 x) { return (D3){x.c, x.a, x.b}; }
F3 rotate_f3(F3 x) { return (F3){x.c, x.a, x.b}; }
DU pass_union(DU x) { return x; }
_Complex float cmul_f(_Complex float a, _Complex float b) { return a * b; }
_Complex double cdiv_d(_Complex double a, _Complex double b) { return a / b; }
__float128 add_q(__float128 a, __float128 b) { return a + b; }
double from_q(__float128 a) { return (double)a; }

int64_t to_i64(double x) { return (int64_t)x; }
uint32_t to_u32(float x) { return (uint32_t)x; }
double from_u64(uint64_t x) { return (double)x; }
float from_i16(int16_t x) { return (float)x; }
double widen(float x) { return x; }
float narrow(double x) { return (float)x; }
int less(double a, double b) { return a < b; }
int unordered(float a, float b) { return __builtin_isunordered(a, b); }
double negate(double a) { return -a; }
double magnitude(double a) { return __builtin_fabs(a); }
float sign_of(float a, float b) { return __builtin_copysignf(a, b); }
double power(double a, int n) { return __builtin_powi(a, n); }

double sum_va(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, double);
    va_end(ap);
    return s;
}

double call_va(double x) { return sum_va(3, x, 1.0, (double)2.0f); }

extern double callee(double, float, D2, F2);
double call_callee(double x) { return callee(x, 1.0f, (D2){x, x}, (F2){2.0f, 3.0f}) * 2; }
