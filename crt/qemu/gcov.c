/* Coverage of code run on the QEMU board (GCC's support for freestanding
 * environments).  x86_64-none.specs turns --coverage into
 * -fprofile-info-section: each translation unit's gcov information is
 * listed in .gcov_info (the linker script brackets it with
 * __gcov_info_start/__gcov_info_end) instead of being registered by
 * constructors.  At exit, none_gcov_stream() encodes every unit with
 * libgcov's __gcov_filename_to_gcfn and __gcov_info_to_gcda into the
 * stream gcov-tool merge-stream reads, and sends it on the console as a
 * gcov record (<x86_64-none/exit-protocol.h>), two hex digits a byte;
 * x86_64-none-run --coverage=DIR turns it into .gcda files.
 *
 * Only a --coverage link asks for this object (-u none_gcov_stream in
 * x86_64-none.specs); the exit path calls it through a weak reference. */
#include <gcov.h>
#include <stdint.h>
#include <x86_64-none/exit-protocol.h>
#include <x86_64-none/heap.h>
#include "board.h"

extern const struct gcov_info *const __gcov_info_start[] __attribute__((weak));
extern const struct gcov_info *const __gcov_info_end[] __attribute__((weak));
extern __typeof__(__gcov_info_to_gcda) __gcov_info_to_gcda __attribute__((weak));
extern __typeof__(__gcov_filename_to_gcfn) __gcov_filename_to_gcfn __attribute__((weak));

static void dump_hex(const void *data, unsigned length, void *arg)
{
    static const char digits[] = "0123456789abcdef";
    const unsigned char *p = data;
    char pair[2];
    (void)arg;
    for (unsigned i = 0; i < length; i++) {
        pair[0] = digits[p[i] >> 4];
        pair[1] = digits[p[i] & 15];
        none_console_write(pair, 2);
    }
}

static void filename(const char *name, void *arg)
{
    __gcov_filename_to_gcfn(name, dump_hex, arg);
}

/* libgcov's scratch memory, from the board heap, never freed: the
 * program is ending. */
static void *allocate(unsigned length, void *arg)
{
    (void)arg;
    return none_alloc(length, 16);
}

void none_gcov_stream(void)
{
    const struct gcov_info *const *first = __gcov_info_start, *const *end = __gcov_info_end;
    if (!first || first == end || !__gcov_info_to_gcda || !__gcov_filename_to_gcfn)
        return;
    none_console_write(NONE_GCOV_RECORD_START, sizeof NONE_GCOV_RECORD_START - 1);
    for (const struct gcov_info *const *info = first; info < end; info++)
        __gcov_info_to_gcda(*info, filename, dump_hex, allocate, 0);
    none_console_write(NONE_GCOV_RECORD_END, sizeof NONE_GCOV_RECORD_END - 1);
}

/* GCC still registers a destructor calling __gcov_exit, which libgcov
 * built without a C library does not have: the board streams at exit
 * instead, so this one does nothing. */
void __gcov_exit(void);
__attribute__((weak)) void __gcov_exit(void)
{
}
