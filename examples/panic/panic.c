/* panic: a failed assert() reports the expression, file, line and
 * function through the panic hook; under the QEMU board that prints the
 * message and exits with status 101 (NONE_EXIT_PANIC).
 *
 * A kernel replaces the hook by defining none_panic_handler()
 * (see <x86_64-none/panic.h>), as a Rust kernel defines #[panic_handler]. */
#include <assert.h>
#include <x86_64-none/qemu.h>

static int checked_div(int a, int b)
{
    assert(b != 0);
    return a / b;
}

int main(void)
{
    volatile int zero = 0;
    printf("10 / 2 = %d\n", checked_div(10, 2));
    printf("10 / 0 = %d\n", checked_div(10, zero));
    puts("not reached");
    return 0;
}
