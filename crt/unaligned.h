/* Unaligned loads and stores of 2, 4 and 8 bytes (one mov each: GCC
 * turns the fixed-size memcpy into it), shared by the runtime's string
 * functions and the bench's peers. */
#ifndef X86_64_NONE_UNALIGNED_H
#define X86_64_NONE_UNALIGNED_H
#include <stdint.h>

static inline uint64_t load64(const unsigned char *p)
{
    uint64_t v;
    __builtin_memcpy(&v, p, 8);
    return v;
}

static inline void store64(unsigned char *p, uint64_t v)
{
    __builtin_memcpy(p, &v, 8);
}

static inline uint32_t load32(const unsigned char *p)
{
    uint32_t v;
    __builtin_memcpy(&v, p, 4);
    return v;
}

static inline void store32(unsigned char *p, uint32_t v)
{
    __builtin_memcpy(p, &v, 4);
}

static inline uint16_t load16(const unsigned char *p)
{
    uint16_t v;
    __builtin_memcpy(&v, p, 2);
    return v;
}

static inline void store16(unsigned char *p, uint16_t v)
{
    __builtin_memcpy(p, &v, 2);
}

#endif
