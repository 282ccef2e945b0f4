/* ubsan: -fsanitize=undefined with x86_64-none-gcc.  This program's own
 * none_ubsan_handler logs each report and returns, so execution goes on
 * after a signed overflow, a misaligned access, an out-of-bounds index
 * and a null pointer access; each report names the kind, the type, the
 * file, the line and the column.  (The index past the end also reads past
 * the array: GCC's object-size check reports that too.)  (Without a handler of its own the first
 * report panics, as ubsan-panic.test shows.) */
#include <limits.h>
#include <x86_64-none/qemu.h>
#include <x86_64-none/ubsan.h>

static int reports;

void none_ubsan_handler(const struct none_ubsan_info *info)
{
    reports++;
    printf("ubsan: %s (%s) at %s:%u:%u\n", info->kind, info->type ? info->type : "-",
           info->file, info->line, info->column);
}

static volatile int one = 1, four = 4;
static volatile unsigned long zero;
static volatile int sink; /* keeps each result live */

int main(void)
{
    int big = INT_MAX;
    sink = big + one;
    char bytes[16] __attribute__((aligned(8))) = {0};
    int *odd = (int *)(bytes + one);
    sink = *odd;
    int table[4] = {1, 2, 3, 4};
    sink = table[four];
    int *nowhere = (int *)zero;
    sink = *nowhere;
    printf("%d reports, and still running\n", reports);
    return reports >= 4 ? 0 : 1;
}
