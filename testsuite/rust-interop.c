/* The C half of rust-interop.test (see rust-interop.rs): built by
 * x86_64-none-gcc, linked with the Rust object, run in QEMU on the board.
 * Every check compares bit patterns, and prints one line.  cxx-rust.test
 * builds the same file as C++ (x86_64-none-g++): the functions Rust and
 * this file share have C linkage. */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <x86_64-none/qemu.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct { float a, b; } F2;
typedef struct { double a, b; } D2;
typedef struct { float a; int32_t b; double c; } Mix;
typedef struct { double a, b, c; } D3;

double rs_scalars(float a, double b, int32_t c, float d);
float rs_ret_f32(int64_t a, float b);
F2 rs_f2(F2 x);
D2 rs_d2(D2 x);
Mix rs_mix(Mix x);
D3 rs_d3(D3 x);
double rs_many(int32_t a, float x, int64_t b, double y, uint8_t c, float z,
               int64_t d, double w, int32_t e, double v, int64_t f, float u,
               int16_t g, double t);
typedef double callback(double, float, int32_t);
double rs_apply(callback *f, double x, float y, int32_t n);
callback *rs_get_callback(void);
double rs_variadic(double x);
int64_t rs_convert(double x, int64_t n, uint64_t m, float f);
/* Defined below, called by Rust. */
F2 c_f2(F2 x);
D2 c_d2(D2 x);
Mix c_mix(Mix x);
D3 c_d3(D3 x);
double c_many(int32_t a, float x, int64_t b, double y, uint8_t c, float z,
              int64_t d, double w, int32_t e, double v, int64_t f, float u,
              int16_t g, double t);
double c_sum_doubles(int n, ...);

#ifdef __cplusplus
}
#endif

static int failures;

static uint64_t bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static void check(const char *what, double got, double want)
{
    bool ok = bits(got) == bits(want);
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok) {
        printf("     got %lx want %lx\n", bits(got), bits(want));
        failures++;
    }
}

/* The C functions Rust calls: each checks nothing itself but answers with
 * a rearrangement Rust and the checks below can predict. */
F2 c_f2(F2 x) { return (F2){x.a * 4.0f, x.b - 3.0f}; }
D2 c_d2(D2 x) { return (D2){x.b, x.a * 8.0}; }
Mix c_mix(Mix x) { return (Mix){x.a + 1.0f, x.b * 3, x.c / 2.0}; }
D3 c_d3(D3 x) { return (D3){x.a, x.b * 2.0, x.c + 1.0}; }

double c_many(int32_t a, float x, int64_t b, double y, uint8_t c, float z,
              int64_t d, double w, int32_t e, double v, int64_t f, float u,
              int16_t g, double t)
{
    /* Weighted so that any two arguments swapped change the result. */
    return a + 2.0 * x + 3.0 * b + 5.0 * y + 7.0 * c + 11.0 * z + 13.0 * d +
           17.0 * w + 19.0 * e + 23.0 * v + 29.0 * f + 31.0 * u + 37.0 * g +
           41.0 * t;
}

double c_sum_doubles(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    double sum = 0, weight = 1;
    for (int i = 0; i < n; i++, weight *= 10)
        sum += weight * va_arg(ap, double);
    va_end(ap);
    return sum;
}

static double c_callback(double x, float y, int32_t n)
{
    return x - y * n;
}

int main(void)
{
    check("scalars", rs_scalars(1.5f, 0.25, 10, -3.0f),
          1500.0 + 0.25 + 2.5 + 3.0);
    check("f32 return", rs_ret_f32(7, 2.25f), 11.5f);

    F2 f2 = rs_f2((F2){1.0f, 2.0f});          /* c_f2 sees {2, 1} */
    check("{f32,f32} a", f2.a, 2.0f * 4.0f + 0.5f);
    check("{f32,f32} b", f2.b, (1.0f - 3.0f) * 2.0f);

    D2 d2 = rs_d2((D2){3.0, 5.0});            /* c_d2 sees {5, 3} */
    check("{f64,f64} a", d2.a, 3.0 - 1.0);
    check("{f64,f64} b", d2.b, 5.0 * 8.0 / 4.0);

    Mix mix = rs_mix((Mix){1.5f, 20, 9.0});   /* c_mix sees {4.5, 21, 9} */
    check("{f32,i32,f64} a", mix.a, 5.5f);
    check("{f32,i32,f64} b", mix.b, 126);
    check("{f32,i32,f64} c", mix.c, 4.5 + 0.25);

    D3 d3 = rs_d3((D3){1.0, 2.0, 3.0});       /* c_d3 sees {3, 1, 2} */
    check("{f64,f64,f64} a", d3.a, 3.0 + 2.0);
    check("{f64,f64,f64} b", d3.b, 2.0);
    check("{f64,f64,f64} c", d3.c, 9.0);

    check("14 arguments", rs_many(1, 2.0f, 3, 4.0, 5, 6.0f, 7, 8.0, 9, 10.0, 11,
                                  12.0f, 13, 14.0),
          c_many(1, 2.0f, 3, 4.0, 5, 6.0f, 7, 8.0, 9, 10.0, 11, 12.0f, 13,
                 14.0));

    check("C callback called by Rust", rs_apply(c_callback, 10.0, 0.5f, 3),
          (10.0 - 0.5 * 3) + (0.5 - 10.0 * 4));
    callback *rust = rs_get_callback();
    check("Rust callback called by C", rust(2.5, 0.75f, 4), 2.5 * 4 + 0.75);

    check("Rust-to-C variadic call", rs_variadic(1.25),
          1.25 + 10 * 2.5 + 100 * -1.25 + 1000 * 1e300);

    check("conversions in Rust", (double)rs_convert(-7.9, -5, 1000, 2.75f),
          -7 + -5 + 1000 + 5);

    printf("%d failures\n", failures);
    return failures ? 1 : 0;
}
