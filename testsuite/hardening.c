/* A QEMU board program with what the hardening flags change: indirect
 * calls through a table, a switch that becomes a jump table, a function
 * whose address is taken, an array on the stack (stack protector) and
 * many callee-saved registers in use.  hardening.test builds it with each
 * flag a kernel build uses; it prints the same line every time. */
#include <x86_64-none/qemu.h>

typedef unsigned (*step_fn)(unsigned);

static unsigned add3(unsigned x) { return x + 3; }
static unsigned mul5(unsigned x) { return x * 5; }
static unsigned rot(unsigned x) { return x << 7 | x >> 25; }

static step_fn volatile steps[] = {add3, mul5, rot};

__attribute__((noinline)) static unsigned pick(unsigned k, unsigned x)
{
    switch (k % 9) {
    case 0: return x + 11;
    case 1: return x * 23;
    case 2: return x ^ 0x5a5a;
    case 3: return x - 71;
    case 4: return x >> 2;
    case 5: return x * x;
    case 6: return ~x;
    case 7: return x << 3;
    default: return x | 7;
    }
}

__attribute__((noinline)) static unsigned buffer_sum(unsigned n)
{
    char buf[32];
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = (char)(n + i);
    unsigned sum = 0;
    for (unsigned i = 0; i < sizeof buf; i++)
        sum = sum * 31 + (unsigned char)buf[i];
    return sum;
}

int main(void)
{
    unsigned v = 1;
    for (unsigned i = 0; i < 30; i++)
        v = steps[i % 3](v) ^ pick(v + i, i);
    v += buffer_sum(v);
    printf("hardening: %u\n", v);
    return 0;
}
