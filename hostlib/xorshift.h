/* xorshift64*: a small generator whose stream is the same wherever it
 * runs, so that a test built for the host and for the target draws the
 * same operands.  Not for anything that needs real randomness. */
#ifndef X86_64_NONE_XORSHIFT_H
#define X86_64_NONE_XORSHIFT_H

#include <stdint.h>

static inline uint64_t xorshift64star(uint64_t *state)
{
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return *state * 0x2545f4914f6cdd1du;
}

#endif
