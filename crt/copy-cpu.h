/* What the runtime's copies know of the CPU (crt/string.c), shared with
 * the host tests that set it to reach every strategy on one machine. */
#ifndef X86_64_NONE_COPY_CPU_H
#define X86_64_NONE_COPY_CPU_H
enum {
    CPU_KNOWN = 1,          /* the bits below are set */
    CPU_ERMS = 2,           /* CPUID.7.0:EBX[9], enhanced rep movsb/stosb */
    CPU_REP_MISALIGNED = 4, /* long rep strings (movsb with ERMS, movsq
                               without) measured fast on misaligned buffers */
    CPU_CALIBRATED = 8,     /* CPU_REP_MISALIGNED has been measured */
    CPU_FSRM = 16,          /* CPUID.7.0:EDX[4], fast short rep movsb */
    CPU_REP_NEAR = 32,      /* ... and at a near distance */
    CPU_NEAR_CALIBRATED = 64, /* CPU_REP_NEAR has been measured */
};
#endif
