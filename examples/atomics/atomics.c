/* atomics: C11 <stdatomic.h> on x86_64-none.  8-byte and smaller
 * operations are inline lock-prefixed instructions; 16-byte ones call the
 * runtime's __atomic_*_16, which use cmpxchg16b. */
#include <stdatomic.h>
#include <stdint.h>
#include <x86_64-none/qemu.h>

typedef unsigned __int128 u128;

static atomic_int counter;
static atomic_flag lock = ATOMIC_FLAG_INIT;
static _Atomic u128 wide;

static void print_hex128(const char *label, u128 v)
{
    printf("%s0x%016llx%016llx\n", label, (unsigned long long)(v >> 64),
           (unsigned long long)v);
}

int main(void)
{
    for (int i = 0; i < 1000; i++)
        atomic_fetch_add_explicit(&counter, 3, memory_order_relaxed);
    int expected = 3000;
    int swapped = atomic_compare_exchange_strong(&counter, &expected, 7);
    printf("counter: swapped %d, now %d\n", swapped, atomic_load(&counter));

    int first = atomic_flag_test_and_set(&lock);
    int second = atomic_flag_test_and_set(&lock);
    atomic_flag_clear(&lock);
    printf("flag: first %d, second %d\n", first, second);

    printf("16-byte lock free: %d\n", (int)atomic_is_lock_free(&wide));
    u128 one = ((u128)1 << 64) | 1;
    atomic_store(&wide, one);
    atomic_fetch_add(&wide, ~(u128)0); /* + (2^128 - 1): minus one */
    print_hex128("wide after add: ", atomic_load(&wide));
    u128 want = (u128)1 << 64, next = ((u128)0xfeedULL << 64) | 0xbeefULL;
    int ok = atomic_compare_exchange_strong(&wide, &want, next);
    u128 stale = 5;
    int bad = atomic_compare_exchange_strong(&wide, &stale, 0);
    printf("wide cas: %d then %d\n", ok, bad);
    print_hex128("wide seen by failed cas: ", stale);
    print_hex128("wide exchange returned: ", atomic_exchange(&wide, 0));
    return ok && !bad ? 0 : 1;
}
