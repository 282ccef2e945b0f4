/* Leaf functions with locals: with a red zone they live below %rsp. */
int checksum(const unsigned char *data, int n)
{
    volatile int table[8];
    for (int i = 0; i < 8; i++)
        table[i] = i * 31 + n;
    int s = 0;
    for (int i = 0; i < n; i++)
        s += data[i] ^ table[i & 7];
    return s;
}

long mix(long a, long b)
{
    volatile long t[3] = {a, b, a ^ b};
    return t[0] * 7 + t[1] * 13 + t[2];
}
