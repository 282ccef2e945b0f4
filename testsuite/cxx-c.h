/* What the two halves of cxx-c.test share: cxx-c-part.c (C) defines the
 * c_* functions, cxx-c.cc (C++) cxx_triple and the constructor log. */
#ifndef CXX_C_H
#define CXX_C_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct c_point {
    int32_t x, y;
    double weight;
};
double c_weigh(const struct c_point *points, int n, float scale);
int c_call_back(int (*fn)(int), int value);
int c_calls_cxx(int value);
int cxx_triple(int v);

/* Filled by the constructors, C++'s and C's. */
extern char constructor_log[8];
extern int constructor_count;

#ifdef __cplusplus
}
#endif

#endif
