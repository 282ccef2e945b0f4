/* COM1 console of the QEMU board: putchar, puts. */
#include <string.h>
#include <x86_64-none/qemu.h>

#define COM1 0x3f8

static inline void outb(unsigned short port, unsigned char v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline unsigned char inb(unsigned short port)
{
    unsigned char v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static int console_ready;

static void console_init(void)
{
    outb(COM1 + 1, 0x00); /* no interrupts */
    outb(COM1 + 3, 0x80); /* DLAB: set the divisor */
    outb(COM1 + 0, 0x01); /* 115200 baud */
    outb(COM1 + 1, 0x00);
    outb(COM1 + 3, 0x03); /* 8N1 */
    outb(COM1 + 2, 0xc7); /* FIFO on, cleared */
    console_ready = 1;
}

void none_console_write(const char *s, size_t n);

void none_console_write(const char *s, size_t n)
{
    if (!console_ready)
        console_init();
    for (size_t i = 0; i < n; i++) {
        while (!(inb(COM1 + 5) & 0x20)) /* transmit holding register empty */
            ;
        outb(COM1, (unsigned char)s[i]);
    }
}

int putchar(int c)
{
    char ch = (char)c;
    none_console_write(&ch, 1);
    return (unsigned char)c;
}

int puts(const char *s)
{
    none_console_write(s, strlen(s));
    none_console_write("\n", 1);
    return 1;
}
