/* minimal: the seeds' smallest kernel.  Built bare,
 *     x86_64-none-gcc -O2 -o minimal.elf minimal.c
 * it is an ELF64 image entering at _start in the higher half (for a boot
 * loader of your own).  Built with a boot stub,
 *     x86_64-none-gcc --specs=pvh.specs -O2 -o minimal-pvh.elf minimal.c
 * QEMU boots it (x86_64-none-run k-pvh.elf) and it spins forever: the
 * runner's timeout ends it. */
void _start(void)
{
    for (;;)
        ;
}
