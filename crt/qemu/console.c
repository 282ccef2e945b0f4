/* COM1 console of the QEMU board: the byte-level write and read under
 * the board's printf and newlib's system layer. */
#include <stddef.h>
#include <x86_64-none/exit-protocol.h>
#include "board.h"

#define COM1 0x3f8

static int console_ready;

/* The FIFOs stay off: turning them on clears the receive FIFO (QEMU's
 * 16550 as the real one), which would drop input that arrived before
 * this ran; with them off QEMU hands over one byte at a time and never
 * drops one. */
static void console_init(void)
{
    outb(COM1 + 1, 0x00); /* no interrupts */
    outb(COM1 + 3, 0x80); /* DLAB: set the divisor */
    outb(COM1 + 0, 0x01); /* 115200 baud */
    outb(COM1 + 1, 0x00);
    outb(COM1 + 3, 0x03); /* 8N1 */
    console_ready = 1;
}

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

/* QEMU's serial backend delivers x86_64-none-run's standard input to the
 * receive buffer, then the end-of-input byte, which reads as end of file
 * (<x86_64-none/exit-protocol.h>). */

static int input_ended;

size_t none_console_read(char *s, size_t n)
{
    if (!console_ready)
        console_init();
    size_t got = 0;
    while (got < n && !input_ended) {
        if (!(inb(COM1 + 5) & 0x01)) { /* no data ready */
            if (got > 0)
                break; /* return what there is, like a terminal read */
            continue; /* (no pause: an SSE2 instruction, as Rust's target
                       * also leaves spin_loop() empty without SSE2) */
        }
        char c = (char)inb(COM1);
        if (c == NONE_CONSOLE_END_OF_INPUT) {
            input_ended = 1;
            break;
        }
        s[got++] = c;
        if (c == '\n')
            break; /* line at a time, as a terminal delivers it */
    }
    return got;
}
