/* abi-harness.h: what a generated ABI suite's C side (abi-gen) calls.
 * Freestanding on purpose: the same file builds for the kit's QEMU board
 * (printf from the board runtime), for the host, and with clang. */
#ifndef ABI_HARNESS_H
#define ABI_HARNESS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

int printf(const char *format, ...);

void abi_begin(int signature, const char *text);
void abi_direction(const char *direction);
void abi_clear(void *record, size_t size);
void abi_compare(const char *where, int category, const void *got, const void *want, size_t size);

/* One leaf: the value received against the value sent, bit for bit. */
#define ABI_CHECK(where, category, type, got, want) \
    do { \
        __typeof__(type) abi_got_ = (got), abi_want_ = (want); \
        abi_compare(where, category, &abi_got_, &abi_want_, sizeof abi_got_); \
    } while (0)

/* Written by abi-gen. */
extern const unsigned long long abi_seed;
extern const int abi_signatures, abi_scalar_count, abi_place_count;
extern const char *const abi_scalar_tags[], *const abi_place_names[];
extern unsigned long abi_category_values[], abi_category_mismatches[];
void abi_run_all(void);

#endif
