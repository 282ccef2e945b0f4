/* What the boot stubs call between the switch to 64-bit mode and the
 * program's _start: the boot information record and the constructors. */
#include <stdint.h>
#include <x86_64-none/boot.h>

struct none_boot_info none_boot_info;

typedef void (*none_init_fn)(void);
extern none_init_fn __preinit_array_start[], __preinit_array_end[];
extern none_init_fn __init_array_start[], __init_array_end[];
void _init(void);

void none_run_constructors(void);

/* Order as in the System V ABI: .preinit_array, _init (crti/crtbegin/
 * crtn), then .init_array. */
void none_run_constructors(void)
{
    for (none_init_fn *f = __preinit_array_start; f < __preinit_array_end; f++)
        (*f)();
    _init();
    for (none_init_fn *f = __init_array_start; f < __init_array_end; f++)
        (*f)();
}
