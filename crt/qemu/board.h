/* The QEMU board's internal interfaces, shared by its files.  The public
 * names (printf, puts, putchar, exit) are thin wrappers in their own
 * objects, so that a program linked with newlib takes newlib's and the
 * board's reports and system layer still work underneath. */
#ifndef X86_64_NONE_QEMU_BOARD_H
#define X86_64_NONE_QEMU_BOARD_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* x86 port I/O, for the UART, the CMOS clock, the PIT and QEMU's
 * isa-debug-exit device. */
static inline void outb(unsigned short port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(unsigned short port, uint32_t v)
{
    __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(unsigned short port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

/* n rounded up to a multiple of to, a power of two (the heaps' sizes
 * and alignments). */
static inline size_t round_up(size_t n, size_t to)
{
    return (n + to - 1) & ~(to - 1);
}

/* COM1: write n bytes; read up to n bytes, blocking for the first one,
 * returning the count (0 at end of input). */
void none_console_write(const char *s, size_t n);
size_t none_console_read(char *s, size_t n);

int none_qemu_vprintf(const char *format, va_list ap)
    __attribute__((format(__printf__, 1, 0)));
int none_qemu_printf(const char *format, ...) __attribute__((format(__printf__, 1, 2)));

/* Microseconds since the first clock use (TSC), and since 1970 (CMOS
 * real-time clock at the first use, advanced by the TSC). */
#include <stdint.h>
uint64_t none_qemu_uptime_us(void);
int64_t none_qemu_time_us(void);

/* Sends the gcov data of a --coverage build on the console (gcov.c). */
void none_gcov_stream(void);

/* Backtraces (start.c), for x86_64-none-run to name: up to max return
 * addresses up the frame-pointer chain from fp (complete for code built
 * with -fno-omit-frame-pointer; the walk stops at the first link that does
 * not lead up the program's stack to a return address in its code), and
 * the line "backtrace: 0x... 0x..." or, with a label, "backtrace (LABEL):
 * ..." (a second trace of one report, such as where memory was freed). */
#define NONE_BACKTRACE_MAX 32
int none_qemu_walk_frames(uint64_t fp, uint64_t *out, int max);
void none_qemu_print_trace(const char *label, const uint64_t *addresses, int count);

/* The heap (heap.c) under KASAN: keep it below end (physical), then take
 * size bytes, aligned to align, off its top for the shadow; returns their
 * physical address, or 0 if the heap is too small or already in use. */
void none_heap_limit(uintptr_t end);
uintptr_t none_heap_take_top(size_t size, size_t align);

/* Ends the program with status (exit protocol), no clean-up. */
_Noreturn void none_qemu_exit(int status);

#endif
