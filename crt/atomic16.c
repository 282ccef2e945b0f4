/* 16-byte atomics for x86_64-none.
 *
 * GCC 12 does not inline 16-byte atomic operations; it calls the
 * libatomic entry points __atomic_*_16.  Bare metal has no libatomic, so
 * the runtime provides them with "lock cmpxchg16b" (every x86-64 CPU since
 * 2008 and QEMU's default CPU have it).  The object must be 16-byte
 * aligned, as _Atomic __int128 is; all orders are sequentially consistent,
 * which is correct for any requested order.
 */
#include <stdbool.h>
#include <stdint.h>

typedef unsigned __int128 u128;

/* One compare-and-swap: returns true on success; *expected gets the value
 * that was found in memory. */
static inline bool cas16(volatile void *ptr, u128 *expected, u128 desired)
{
    uint64_t lo = (uint64_t)*expected, hi = (uint64_t)(*expected >> 64);
    bool ok;
    __asm__ volatile("lock cmpxchg16b %1"
                     : "=@ccz"(ok), "+m"(*(volatile u128 *)ptr), "+a"(lo), "+d"(hi)
                     : "b"((uint64_t)desired), "c"((uint64_t)(desired >> 64))
                     : "memory");
    *expected = ((u128)hi << 64) | lo;
    return ok;
}

u128 __atomic_load_16(const volatile void *ptr, int order)
{
    (void)order;
    u128 v = 0;
    /* A CAS of 0 with 0 either changes nothing or fails: both read. */
    cas16((volatile void *)ptr, &v, v);
    return v;
}

void __atomic_store_16(volatile void *ptr, u128 value, int order)
{
    (void)order;
    u128 old = 0;
    while (!cas16(ptr, &old, value))
        ;
}

u128 __atomic_exchange_16(volatile void *ptr, u128 value, int order)
{
    (void)order;
    u128 old = 0;
    while (!cas16(ptr, &old, value))
        ;
    return old;
}

bool __atomic_compare_exchange_16(volatile void *ptr, void *expected,
                                  u128 desired, bool weak, int success,
                                  int failure)
{
    (void)weak;
    (void)success;
    (void)failure;
    u128 e;
    __builtin_memcpy(&e, expected, sizeof e);
    bool ok = cas16(ptr, &e, desired);
    if (!ok)
        __builtin_memcpy(expected, &e, sizeof e);
    return ok;
}

/* fetch_OP returns the old value, OP_fetch the new one (computed from the
 * old value the CAS loop saw). */
#define ATOMIC16_OP(name, expr)                                            \
    u128 __atomic_fetch_##name##_16(volatile void *ptr, u128 v, int order) \
    {                                                                      \
        (void)order;                                                       \
        u128 old = 0;                                                      \
        while (!cas16(ptr, &old, (expr)))                                  \
            ;                                                              \
        return old;                                                        \
    }                                                                      \
    u128 __atomic_##name##_fetch_16(volatile void *ptr, u128 v, int order) \
    {                                                                      \
        u128 old = __atomic_fetch_##name##_16(ptr, v, order);              \
        return (expr);                                                     \
    }

ATOMIC16_OP(add, old + v)
ATOMIC16_OP(sub, old - v)
ATOMIC16_OP(and, old & v)
ATOMIC16_OP(or, old | v)
ATOMIC16_OP(xor, old ^ v)
ATOMIC16_OP(nand, ~(old & v))

/* Sizes 1, 2, 4, 8 are native; 16 uses cmpxchg16b, which needs 16-byte
 * alignment. */
bool __atomic_is_lock_free(unsigned long size, const volatile void *ptr)
{
    uintptr_t a = (uintptr_t)ptr;
    switch (size) {
    case 1: return true;
    case 2: case 4: case 8: case 16: return (a & (size - 1)) == 0;
    default: return false;
    }
}
