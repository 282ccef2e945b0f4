/* Integer-only code: __int128, switch tables, bit tricks. */
unsigned __int128 mul_div(unsigned __int128 a, unsigned long b, unsigned long c)
{
    return a * b / c;
}

int classify(int x)
{
    switch (x) {
    case 0: return 10;
    case 1: return 27;
    case 2: return 3;
    case 3: return 99;
    case 4: return -5;
    case 5: return 41;
    case 6: return 8;
    default: return __builtin_popcount((unsigned)x) + __builtin_ctz((unsigned)x | 1u);
    }
}

static const char *const names[] = {"zero", "one", "two", "three"};
const char *name_of(unsigned i)
{
    return i < 4 ? names[i] : "many";
}
