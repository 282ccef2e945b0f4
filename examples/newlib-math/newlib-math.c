/* newlib-math: newlib's libm under the soft-float ABI.  sqrt, sin, cos,
 * exp, log, pow, fmod, atan2, floor and the float versions against
 * correctly rounded values: each result must be within 1 ulp (a failure
 * prints the value with every bit, %.17g).  long double is double under
 * the soft-float ABI. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int failures;

static int64_t ulps_apart(double a, double b)
{
    int64_t x, y;
    memcpy(&x, &a, sizeof x);
    memcpy(&y, &b, sizeof y);
    if (x < 0)
        x = INT64_MIN - x;
    if (y < 0)
        y = INT64_MIN - y;
    return x > y ? x - y : y - x;
}

static void check(const char *what, double got, double want)
{
    int ok = ulps_apart(got, want) <= 1;
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (!ok)
        printf("     got %.17g, want %.17g\n", got, want);
    failures += !ok;
}

int main(void)
{
    volatile double two = 2.0, half = 0.5, ten = 10.0; /* no constant folding */
    check("sqrt(2)", sqrt(two), 1.4142135623730951);
    check("sin(0.5)", sin(half), 0.479425538604203);
    check("cos(0.5)", cos(half), 0.8775825618903728);
    check("exp(1)", exp(half * two), 2.718281828459045);
    check("log(10)", log(ten), 2.302585092994046);
    check("pow(2, 0.5)", pow(two, half), 1.4142135623730951);
    check("pow(10, -2)", pow(ten, -two), 0.01);
    check("fmod(10, 2.5)", fmod(ten, two + half), 0.0);
    check("fmod(10, 3)", fmod(ten, two + 1), 1.0);
    check("atan2(1, 1)", atan2(half, half), 0.7853981633974483);
    check("floor(-2.5)", floor(-two - half), -3.0);
    check("sqrtf(2)", sqrtf((float)two), 1.41421353816986083984375);
    check("sinf(0.5)", sinf((float)half), 0.4794255495071411);
    check("expf(1)", expf((float)(half * two)), 2.71828174591064453125);
    check("powf(2, 10)", powf((float)two, (float)ten), 1024.0);
    check("hypot(3, 4)", hypot(3 * half * two, 4 * half * two), 5.0);
    check("ldexp(1, -1074)", ldexp(half * two, -1074), 4.9406564584124654e-324);
    printf("isnan(sqrt(-1)) %d, isinf(1/0) %d, LDBL_MANT_DIG %d\n", isnan(sqrt(-two)) != 0,
           isinf(two / (two - two)) != 0, LDBL_MANT_DIG);
    printf("%d failures\n", failures);
    return failures;
}
