/* float and double in kernel code: the soft-float ABI at work.
 *
 * A damped spring integrated step by step, statistics over a generated
 * sample, and a series summed in float and in double.  Every value travels
 * in general registers and every operation is a libgcc soft-fp call or
 * integer code, so nothing here touches SSE or x87 state: the code may run
 * in an interrupt handler without saving the FPU.  The results are bit for
 * bit those of hardware floating point (this program, built for a Linux
 * host, prints the same lines).
 *
 *   x86_64-none-gcc --specs=qemu.specs -O2 -o float.elf float.c
 *   x86_64-none-run float.elf
 */
#include <stdint.h>
#include <x86_64-none/qemu.h>

/* A spring (k = 4 N/m) with a 0.5 kg mass and light damping, released at
 * x = 1 m, integrated with semi-implicit Euler in steps of 1/256 s. */
static void spring(void)
{
    const double k = 4.0, mass = 0.5, damping = 0.1, dt = 1.0 / 256;
    double x = 1.0, v = 0.0;
    printf("   t        x              v           energy\n");
    for (int step = 0; step <= 10 * 256; step++) {
        if (step % 256 == 0) {
            double energy = 0.5 * mass * v * v + 0.5 * k * x * x;
            printf("%4.1f  %+.6e  %+.6e  %.9g\n", step * dt, x, v, energy);
        }
        double force = -k * x - damping * v;
        v += force / mass * dt;
        x += v * dt;
    }
}

/* Square root by Newton's method: a handful of divisions and additions. */
static double square_root(double a)
{
    if (a <= 0)
        return 0;
    double r = a > 1 ? a : 1;
    for (int i = 0; i < 60; i++)
        r = 0.5 * (r + a / r);
    return r;
}

/* Welford's running mean and variance over 10,000 values from a linear
 * congruential generator, scaled to [-50, 150). */
static void statistics(void)
{
    uint32_t seed = 12345;
    double mean = 0, m2 = 0, low = 1e300, high = -1e300;
    int n = 0;
    for (int i = 0; i < 10000; i++) {
        seed = seed * 1664525u + 1013904223u;
        double value = (double)seed / 4294967296.0 * 200.0 - 50.0;
        n++;
        double delta = value - mean;
        mean += delta / n;
        m2 += delta * (value - mean);
        low = value < low ? value : low;
        high = value > high ? value : high;
    }
    double variance = m2 / (n - 1);
    printf("n=%d mean=%.10f variance=%.6f stddev=%g\n", n, mean, variance,
           square_root(variance));
    printf("min=%f max=%f range as int=%d\n", low, high, (int)(high - low));
}

/* The Basel series, 1/1 + 1/4 + 1/9 + ... = pi^2/6, in both precisions. */
static void series(void)
{
    float sum_f = 0;
    double sum_d = 0;
    for (int i = 100000; i >= 1; i--) {
        sum_f += 1.0f / ((float)i * (float)i);
        sum_d += 1.0 / ((double)i * (double)i);
    }
    printf("basel float=%.9g double=%.17g\n", sum_f, sum_d);
    printf("pi from double=%.15f from float=%.7f\n", square_root(6 * sum_d),
           (double)(float)square_root(6 * (double)sum_f));
    printf("1e300*1e10=%g -1/0=%G 0/0 is nan: %d\n", 1e300 * (sum_d + 1e10),
           -1.0 / (sum_d - sum_d), (sum_d - sum_d) / (sum_d - sum_d) != 0);
}

int main(void)
{
    spring();
    statistics();
    series();
    return 0;
}
