/* The QEMU board's clock: wall time from the CMOS real-time clock, read
 * once, advanced by the TSC, whose rate is measured against the PIT
 * (channel 2, ~10 ms) on first use.  Gives newlib's gettimeofday and
 * times (the system layer) a microsecond clock. */
#include <stdint.h>
#include "board.h"

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return (uint64_t)hi << 32 | lo;
}

/* ---- CMOS real-time clock (MC146818: ports 0x70/0x71). */
static uint8_t cmos(uint8_t reg)
{
    outb(0x70, reg);
    return inb(0x71);
}

struct rtc_time {
    unsigned sec, min, hour, day, month, year;
};

static void read_rtc_once(struct rtc_time *t)
{
    while (cmos(0x0a) & 0x80) /* update in progress */
        ;
    t->sec = cmos(0x00);
    t->min = cmos(0x02);
    t->hour = cmos(0x04);
    t->day = cmos(0x07);
    t->month = cmos(0x08);
    t->year = cmos(0x09);
}

static unsigned from_bcd(unsigned v)
{
    return (v >> 4) * 10 + (v & 0x0f);
}

/* Seconds since 1970-01-01 00:00 UTC, read twice until stable. */
static int64_t rtc_seconds(void)
{
    struct rtc_time a, b;
    read_rtc_once(&b);
    do {
        a = b;
        read_rtc_once(&b);
    } while (a.sec != b.sec || a.min != b.min || a.hour != b.hour || a.day != b.day);
    uint8_t status_b = cmos(0x0b);
    unsigned pm = a.hour & 0x80;
    a.hour &= 0x7f;
    if (!(status_b & 0x04)) { /* BCD */
        a.sec = from_bcd(a.sec), a.min = from_bcd(a.min), a.hour = from_bcd(a.hour);
        a.day = from_bcd(a.day), a.month = from_bcd(a.month), a.year = from_bcd(a.year);
    }
    if (!(status_b & 0x02) && pm) /* 12-hour clock */
        a.hour = (a.hour % 12) + 12;
    else if (!(status_b & 0x02) && a.hour == 12)
        a.hour = 0;
    int64_t y = 2000 + (int64_t)a.year, m = a.month, d = a.day;
    /* Days from the civil date (Howard Hinnant's algorithm). */
    y -= m <= 2;
    int64_t era = y / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    return days * 86400 + a.hour * 3600 + a.min * 60 + a.sec;
}

/* ---- TSC rate against the PIT (1.193182 MHz). */
#define PIT_HZ 1193182ULL
#define CALIBRATION_TICKS 11932 /* ~10 ms */

static uint64_t tsc_hz(void)
{
    uint8_t gate = inb(0x61);
    outb(0x61, (uint8_t)((gate & ~0x02) | 0x01)); /* speaker off, gate on */
    outb(0x43, 0xb0);                            /* channel 2, lo/hi, mode 0 */
    outb(0x42, CALIBRATION_TICKS & 0xff);
    outb(0x42, CALIBRATION_TICKS >> 8);
    uint64_t start = rdtsc();
    while (!(inb(0x61) & 0x20)) /* OUT2 rises when the count ends */
        ;
    uint64_t cycles = rdtsc() - start;
    outb(0x61, gate);
    return cycles * PIT_HZ / CALIBRATION_TICKS;
}

static int clock_ready;
static int64_t boot_seconds;
static uint64_t boot_tsc, hz;

static void clock_init(void)
{
    boot_seconds = rtc_seconds();
    hz = tsc_hz();
    boot_tsc = rdtsc();
    if (hz == 0)
        hz = 1;
    clock_ready = 1;
}

uint64_t none_qemu_uptime_us(void)
{
    if (!clock_ready)
        clock_init();
    uint64_t d = rdtsc() - boot_tsc;
    return d / hz * 1000000 + d % hz * 1000000 / hz;
}

int64_t none_qemu_time_us(void)
{
    uint64_t up = none_qemu_uptime_us();
    return boot_seconds * 1000000 + (int64_t)up;
}
