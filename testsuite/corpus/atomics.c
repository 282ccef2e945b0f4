/* C11 atomics, 8 and 16 bytes. */
#include <stdatomic.h>
#include <stdint.h>

static _Atomic uint64_t counter;
static _Atomic unsigned __int128 wide;

uint64_t bump(void)
{
    return atomic_fetch_add(&counter, 1);
}

int swap_wide(unsigned __int128 expected, unsigned __int128 desired)
{
    return atomic_compare_exchange_strong(&wide, &expected, desired);
}
