/* Guards for C++ function-local statics (Itanium C++ ABI 3.3.2), with
 * atomics, so that the first use from two CPUs initializes once.
 *
 * The guard is 64 bits: byte 0 is "initialized" (the compiler's inline
 * fast path tests it), byte 1 is "initialization in progress".  A CPU
 * that finds another one initializing spins until it finishes or aborts.
 * A recursive initialization (the constructor reaching its own static
 * again) would spin forever; the C++ standard leaves it undefined. */
#include <stdbool.h>
#include <stdint.h>

int __cxa_guard_acquire(uint64_t *guard);
void __cxa_guard_release(uint64_t *guard);
void __cxa_guard_abort(uint64_t *guard);

static uint8_t *done(uint64_t *guard) { return (uint8_t *)guard; }
static uint8_t *busy(uint64_t *guard) { return (uint8_t *)guard + 1; }

__attribute__((weak)) int __cxa_guard_acquire(uint64_t *guard)
{
    for (;;) {
        if (__atomic_load_n(done(guard), __ATOMIC_ACQUIRE))
            return 0;
        uint8_t expected = 0;
        if (__atomic_compare_exchange_n(busy(guard), &expected, 1, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED)) {
            if (!__atomic_load_n(done(guard), __ATOMIC_ACQUIRE))
                return 1; /* ours to initialize */
            __atomic_store_n(busy(guard), 0, __ATOMIC_RELEASE);
            return 0;
        }
        /* No pause: it is an SSE2 instruction (Rust's spin_loop() is empty
         * on x86_64-unknown-none for the same reason). */
        __asm__ volatile("" ::: "memory");
    }
}

__attribute__((weak)) void __cxa_guard_release(uint64_t *guard)
{
    __atomic_store_n(done(guard), 1, __ATOMIC_RELEASE);
    __atomic_store_n(busy(guard), 0, __ATOMIC_RELEASE);
}

__attribute__((weak)) void __cxa_guard_abort(uint64_t *guard)
{
    __atomic_store_n(busy(guard), 0, __ATOMIC_RELEASE);
}
