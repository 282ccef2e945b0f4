/* /init for make check-kernels: the first Linux process, compiled by
 * x86_64-none-gcc under the kit's rules and linked by the kit's ld at a
 * user address.  It says that it runs, then restarts the machine, which
 * ends QEMU (-no-reboot).  No C library: two system calls. */
enum { SYS_WRITE = 1, SYS_REBOOT = 169 };
enum { REBOOT_MAGIC1 = 0xfee1dead, REBOOT_MAGIC2 = 672274793, REBOOT_CMD_RESTART = 0x01234567 };

static long system_call(long number, long a, long b, long c, long d)
{
    register long r10 __asm__("r10") = d;
    long result;
    __asm__ volatile("syscall"
                     : "=a"(result)
                     : "a"(number), "D"(a), "S"(b), "d"(c), "r"(r10)
                     : "rcx", "r11", "memory");
    return result;
}

void _start(void);

void _start(void)
{
    static const char message[] = "x86_64-none: /init (built by the kit) is running\n";
    system_call(SYS_WRITE, 1, (long)message, sizeof message - 1, 0);
    system_call(SYS_REBOOT, REBOOT_MAGIC1, REBOOT_MAGIC2, REBOOT_CMD_RESTART, 0);
    for (;;)
        ;
}
