/* Loops GCC vectorizes with SSE2 at -O2 when it may. */
void add_arrays(int *restrict out, const int *restrict a, const int *restrict b, int n)
{
    for (int i = 0; i < n; i++)
        out[i] = a[i] + b[i] * 3;
}

unsigned long sum_bytes(const unsigned char *p, unsigned long n)
{
    unsigned long s = 0;
    for (unsigned long i = 0; i < n; i++)
        s += p[i];
    return s;
}
