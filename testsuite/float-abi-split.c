/* Where rustc splits an argument between %r9 and the stack and GCC does
 * not: soft-float-abi.test expects a -Wpsabi warning on exactly the lines
 * marked "split" (the definitions and the calls), and on no other.
 * noipa keeps the calls calls at -O2. */
#define NOIPA __attribute__((noipa))
typedef struct { double a, b; } D2;
typedef struct { long a, b; } L2;
typedef struct { float a; int b; double c; } Mix;
typedef struct { double a, b, c; } D3;

void sink(void *);

/* Two eightbytes with only %r9 left, and rustc counting them as fitting. */
NOIPA void d2_after_5(long a, long b, long c, long d, long e, D2 p, long q) /* split */
{ sink(&p); sink(&q); (void)a; (void)b; (void)c; (void)d; (void)e; }
NOIPA void mix_after_5(long a, long b, long c, long d, long e, Mix p) /* split */
{ sink(&p); (void)a; (void)b; (void)c; (void)d; (void)e; }
NOIPA void q_after_5(long a, long b, long c, long d, long e, __float128 p) /* split */
{ sink(&p); (void)a; (void)b; (void)c; (void)d; (void)e; }
NOIPA void cd_after_5(long a, long b, long c, long d, long e, _Complex double p) /* split */
{ sink(&p); (void)a; (void)b; (void)c; (void)d; (void)e; }
/* Integers only: rustc's count of general registers is right. */
NOIPA void l2_after_5(long a, long b, long c, long d, long e, L2 p)
{ sink(&p); (void)a; (void)b; (void)c; (void)d; (void)e; }
/* Two doubles took general registers rustc counts as SSE ones. */
NOIPA void l2_after_floats(long a, long b, long c, double x, double y, L2 p) /* split */
{ sink(&p); (void)a; (void)b; (void)c; (void)x; (void)y; }
/* Passed the same way by both. */
NOIPA void ti_after_5(long a, long b, long c, long d, long e, __int128 p)
{ sink(&p); (void)a; (void)b; (void)c; (void)d; (void)e; }
NOIPA void d2_after_4(long a, long b, long c, long d, D2 p)
{ sink(&p); (void)a; (void)b; (void)c; (void)d; }
NOIPA void d2_after_6(long a, long b, long c, long d, long e, long f, D2 p)
{ sink(&p); (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; }
NOIPA void d3_after_5(long a, long b, long c, long d, long e, D3 p)
{ sink(&p); (void)a; (void)b; (void)c; (void)d; (void)e; }
NOIPA void double_after_5(long a, long b, long c, long d, long e, double p, double q)
{ sink(&p); sink(&q); (void)a; (void)b; (void)c; (void)d; (void)e; }

/* A returned struct over 16 bytes takes %rdi for its address, for both. */
NOIPA D3 sret_after_4(long a, long b, long c, long d, D2 p) /* split */
{ sink(&p); (void)a; (void)b; (void)c; (void)d; return (D3){0, 0, 0}; }
NOIPA D3 sret_after_3(long a, long b, long c, D2 p)
{ sink(&p); (void)a; (void)b; (void)c; return (D3){0, 0, 0}; }

void calls(D2 d2, L2 l2, Mix mix, D3 d3, __float128 q, _Complex double cd, __int128 ti)
{
    sink((void *)0);
    D3 r1 = sret_after_4(1, 2, 3, 4, d2); /* split */
    D3 r2 = sret_after_3(1, 2, 3, d2);
    sink(&r1);
    sink(&r2);
    d2_after_5(1, 2, 3, 4, 5, d2, 7); /* split */
    mix_after_5(1, 2, 3, 4, 5, mix); /* split */
    q_after_5(1, 2, 3, 4, 5, q); /* split */
    cd_after_5(1, 2, 3, 4, 5, cd); /* split */
    l2_after_5(1, 2, 3, 4, 5, l2);
    l2_after_floats(1, 2, 3, 1.0, 2.0, l2); /* split */
    ti_after_5(1, 2, 3, 4, 5, ti);
    d2_after_4(1, 2, 3, 4, d2);
    d2_after_6(1, 2, 3, 4, 5, 6, d2);
    d3_after_5(1, 2, 3, 4, 5, d3);
    double_after_5(1, 2, 3, 4, 5, 1.0, 2.0);
}
