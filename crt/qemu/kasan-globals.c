/* KASAN on the QEMU board: globals.  GCC registers each translation
 * unit's instrumented globals from a constructor (--param asan-globals=1),
 * each followed by a redzone that is poisoned here; the tables are kept to
 * name a global in a report.  (kasan.c has the shadow and the checks.) */
#include <stdint.h>
#include <x86_64-none/qemu.h>
#include "board.h"
#include "kasan-impl.h"

/* GCC's struct __asan_global and its source location. */
struct asan_global_location {
    const char *file;
    int line, column;
};

struct asan_global {
    uintptr_t begin;
    size_t size, size_with_redzone;
    const char *name, *module;
    uintptr_t has_dynamic_init;
    const struct asan_global_location *location;
    uintptr_t odr_indicator;
};

/* The registered tables, for naming a global in a report. */
#define GLOBAL_TABLES_MAX 256
static struct {
    const struct asan_global *globals;
    size_t count;
} global_tables[GLOBAL_TABLES_MAX];
static unsigned global_table_count;

void __asan_register_globals(const struct asan_global *globals, size_t count);
void __asan_unregister_globals(const struct asan_global *globals, size_t count);

void __asan_register_globals(const struct asan_global *globals, size_t count)
{
    if (!none_kasan_ready)
        none_kasan_init();
    for (size_t i = 0; i < count; i++) {
        const struct asan_global *g = &globals[i];
        uintptr_t end = (g->begin + g->size + 7) & ~(uintptr_t)7;
        none_kasan_open(g->begin, g->size);
        if (g->begin + g->size_with_redzone > end)
            none_kasan_fill(end, g->begin + g->size_with_redzone - end, KASAN_GLOBAL_REDZONE);
    }
    if (global_table_count < GLOBAL_TABLES_MAX)
        global_tables[global_table_count++] = (__typeof__(global_tables[0])){globals, count};
}

/* At exit: nothing to undo. */
void __asan_unregister_globals(const struct asan_global *globals, size_t count)
{
    (void)globals;
    (void)count;
}

void none_kasan_describe_global(uintptr_t address)
{
    for (unsigned t = 0; t < global_table_count; t++)
        for (size_t i = 0; i < global_tables[t].count; i++) {
            const struct asan_global *g = &global_tables[t].globals[i];
            if (address < g->begin || address >= g->begin + g->size_with_redzone)
                continue;
            none_qemu_printf("The buggy address is located %zu bytes %s global variable '%s'",
                             address >= g->begin + g->size ? address - g->begin - g->size
                                                            : address - g->begin,
                             address >= g->begin + g->size ? "to the right of" : "inside",
                             g->name);
            if (g->location)
                none_qemu_printf(" (%s:%d)", g->location->file, g->location->line);
            none_qemu_printf(" of size %zu\n", g->size);
            return;
        }
}

/* C++ dynamic initialisation order checks: not done. */
void __asan_before_dynamic_init(const char *module);
void __asan_after_dynamic_init(void);
void __asan_before_dynamic_init(const char *module)
{
    (void)module;
}
void __asan_after_dynamic_init(void)
{
}
