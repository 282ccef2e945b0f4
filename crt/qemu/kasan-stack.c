/* KASAN on the QEMU board: the stack.  GCC writes the shadow of a
 * frame's redzones itself; these are the helpers it calls (noreturn calls,
 * alloca, variables out of scope), and the naming of a stack variable in
 * a report.  (kasan.c has the shadow and the checks.) */
#include <stdint.h>
#include <x86_64-none/qemu.h>
#include "board.h"
#include "kasan-impl.h"

extern char __stack_bottom[] __attribute__((weak)), __stack_top[] __attribute__((weak));

/* Naming a stack variable: GCC starts each instrumented frame's
 * variables with a 32-byte left redzone whose first words are a magic
 * number and its description, "COUNT OFFSET SIZE LENGTH NAME:LINE ...". */
#define STACK_FRAME_MAGIC 0x41b58ab3
#define STACK_SCAN_MAX 65536

static unsigned long parse_number(const char **p)
{
    unsigned long n = 0;
    while (**p == ' ')
        (*p)++;
    while (**p >= '0' && **p <= '9')
        n = n * 10 + (unsigned long)(*(*p)++ - '0');
    return n;
}

void none_kasan_describe_stack(uintptr_t address)
{
    uintptr_t bottom = (uintptr_t)__stack_bottom, p = address & ~(uintptr_t)7;
    if (!bottom || address < bottom || address >= (uintptr_t)__stack_top)
        return;
    /* Down to the frame's left redzone, then to its start. */
    while (*kasan_shadow(p) != KASAN_STACK_LEFT)
        if (p - 8 < bottom || address - p > STACK_SCAN_MAX)
            return;
        else
            p -= 8;
    while (p - 8 >= bottom && *kasan_shadow(p - 8) == KASAN_STACK_LEFT)
        p -= 8;
    const uint64_t *frame = (const uint64_t *)p;
    if (frame[0] != STACK_FRAME_MAGIC)
        return;
    const char *d = (const char *)(uintptr_t)frame[1];
    unsigned long count = parse_number(&d), offset = address - p;
    unsigned long best_offset = 0, best_size = 0, best_length = 0;
    const char *best_name = 0;
    for (unsigned long i = 0; i < count; i++) {
        unsigned long var_offset = parse_number(&d), size = parse_number(&d);
        unsigned long length = parse_number(&d);
        if (*d == ' ')
            d++;
        /* The variable at or below the address, else the first. */
        if (!best_name || (var_offset <= offset && (best_offset > offset || var_offset > best_offset))) {
            best_offset = var_offset;
            best_size = size;
            best_name = d;
            best_length = length;
        }
        for (unsigned long c = 0; c < length && *d; c++)
            d++;
    }
    if (!best_name)
        return;
    const char *where = "inside";
    unsigned long distance = offset - best_offset;
    if (offset < best_offset) {
        where = "to the left of";
        distance = best_offset - offset;
    } else if (offset >= best_offset + best_size) {
        where = "to the right of";
        distance = offset - best_offset - best_size;
    }
    none_qemu_printf("The buggy address is located %lu bytes %s stack variable '%.*s' of size "
                     "%lu\n",
                     distance, where, (int)best_length, best_name, best_size);
}

/* ---- The stack. */

/* Before a call that does not return (longjmp, exit, a panic): the
 * frames it leaves behind must not keep their redzones. */
void __asan_handle_no_return(void);
void __asan_handle_no_return(void)
{
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    uintptr_t bottom = (uintptr_t)__stack_bottom;
    if (!none_kasan_ready || !bottom || sp < bottom || sp > (uintptr_t)__stack_top)
        return;
    none_kasan_fill(bottom, (sp - bottom) & ~(uintptr_t)7, 0);
}

/* alloca and variable-length arrays: 32-byte redzones either side. */
#define ALLOCA_REDZONE 32
void __asan_alloca_poison(uintptr_t p, size_t size);
void __asan_allocas_unpoison(uintptr_t top, uintptr_t bottom);

void __asan_alloca_poison(uintptr_t p, size_t size)
{
    size_t rounded = (size + 7) & ~(size_t)7;
    size_t padded = (size + ALLOCA_REDZONE - 1) & ~(size_t)(ALLOCA_REDZONE - 1);
    none_kasan_fill(p - ALLOCA_REDZONE, ALLOCA_REDZONE, KASAN_ALLOCA_LEFT);
    none_kasan_open(p, size);
    none_kasan_fill(p + rounded, padded - rounded + ALLOCA_REDZONE, KASAN_ALLOCA_RIGHT);
}

void __asan_allocas_unpoison(uintptr_t top, uintptr_t bottom)
{
    if (top && top <= bottom)
        none_kasan_fill(top & ~(uintptr_t)7, (bottom - (top & ~(uintptr_t)7)) & ~(uintptr_t)7, 0);
}

/* Variables out of scope (-fsanitize-address-use-after-scope), where GCC
 * calls rather than writing the shadow itself. */
void __asan_poison_stack_memory(uintptr_t p, size_t size);
void __asan_unpoison_stack_memory(uintptr_t p, size_t size);
void __asan_poison_stack_memory(uintptr_t p, size_t size)
{
    none_kasan_fill(p, (size + 7) & ~(size_t)7, KASAN_STACK_AFTER_SCOPE);
}
void __asan_unpoison_stack_memory(uintptr_t p, size_t size)
{
    none_kasan_open(p, size);
}
