/* The C half of cxx-c.test (see cxx-c.cc). */
#include "cxx-c.h"

/* Constructors: C's and C++'s run before main, in one order (.ctors,
 * last linked first): this file is linked after cxx-c.cc. */
__attribute__((constructor)) static void c_constructor(void)
{
    constructor_log[constructor_count++] = 'C';
}

double c_weigh(const struct c_point *points, int n, float scale)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += (points[i].x + points[i].y) * points[i].weight * scale;
    return sum;
}

int c_call_back(int (*fn)(int), int value)
{
    return fn(value);
}

int c_calls_cxx(int value)
{
    return cxx_triple(value);
}
