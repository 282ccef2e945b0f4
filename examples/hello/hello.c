/* hello: the smallest QEMU board program.
 *
 *   x86_64-none-gcc --specs=qemu.specs -O2 -o hello.elf hello.c
 *   x86_64-none-run hello.elf
 *
 * The board runtime boots it (PVH), sets up the console on COM1 and calls
 * main; main's return value becomes x86_64-none-run's exit status. */
#include <x86_64-none/qemu.h>

int main(void)
{
    puts("Hello from x86_64-none!");
    printf("%s is %d-bit, %-6s|%05d|%x|%X|%o|%c|%%\n", "long", (int)sizeof(long) * 8,
           "left", 42, 0xbeefu, 0xbeefu, 8u, 'k');
    printf("cmdline: \"%s\"\n", none_qemu_cmdline());
    return 0;
}
