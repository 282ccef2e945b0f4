/* Reading the boot information of PVH, Multiboot v1 and Multiboot2. */
#include <stddef.h>
#include <stdint.h>
#include <x86_64-none/boot.h>

#define E820_RAM 1

/* Physical addresses below 4 GiB are mapped 1:1 by the boot stubs. */
static const void *phys(uint64_t addr)
{
    return (const void *)(uintptr_t)addr;
}

static uint32_t rd32(const unsigned char *p)
{
    uint32_t v;
    __builtin_memcpy(&v, p, 4);
    return v;
}

static uint64_t rd64(const unsigned char *p)
{
    uint64_t v;
    __builtin_memcpy(&v, p, 8);
    return v;
}

typedef void (*range_fn)(const struct none_mem_range *, void *);

static int emit(range_fn fn, void *arg, uint64_t addr, uint64_t size, uint32_t type)
{
    if (type != E820_RAM || size == 0)
        return 0;
    struct none_mem_range r = {addr, size};
    fn(&r, arg);
    return 1;
}

static int pvh_memory_map(range_fn fn, void *arg)
{
    const struct hvm_start_info *si = phys(none_boot_info.info);
    if (si->magic != HVM_START_MAGIC || si->version < 1)
        return 0;
    const struct hvm_memmap_table_entry *e = phys(si->memmap_paddr);
    int n = 0;
    for (uint32_t i = 0; i < si->memmap_entries; i++)
        n += emit(fn, arg, e[i].addr, e[i].size, e[i].type);
    return n;
}

static int mb1_memory_map(range_fn fn, void *arg)
{
    const unsigned char *mbi = phys(none_boot_info.info);
    if (!(rd32(mbi) & (1u << 6)))
        return 0;
    const unsigned char *p = phys(rd32(mbi + 48));
    const unsigned char *end = p + rd32(mbi + 44);
    int n = 0;
    for (; p < end; p += rd32(p) + 4)
        n += emit(fn, arg, rd64(p + 4), rd64(p + 12), rd32(p + 20));
    return n;
}

/* The next Multiboot2 tag of a type after AFTER (NULL: the first one),
 * or NULL. */
static const unsigned char *mb2_next_tag(uint32_t type, const unsigned char *after)
{
    const unsigned char *mbi = phys(none_boot_info.info);
    const unsigned char *end = mbi + rd32(mbi);
    const unsigned char *t = after ? after + ((rd32(after + 4) + 7) & ~7u) : mbi + 8;
    for (; t + 8 <= end && rd32(t) != 0; t += (rd32(t + 4) + 7) & ~7u)
        if (rd32(t) == type)
            return t;
    return NULL;
}

static int mb2_memory_map(range_fn fn, void *arg)
{
    const unsigned char *t = mb2_next_tag(6, NULL);
    if (!t)
        return 0;
    uint32_t entry_size = rd32(t + 8);
    const unsigned char *end = t + rd32(t + 4);
    int n = 0;
    for (const unsigned char *e = t + 16; entry_size && e + 24 <= end; e += entry_size)
        n += emit(fn, arg, rd64(e), rd64(e + 8), rd32(e + 16));
    return n;
}

int none_boot_memory_map(range_fn fn, void *arg)
{
    if (!none_boot_info.info)
        return 0;
    switch (none_boot_info.protocol) {
    case NONE_BOOT_PVH: return pvh_memory_map(fn, arg);
    case NONE_BOOT_MULTIBOOT: return mb1_memory_map(fn, arg);
    case NONE_BOOT_MULTIBOOT2: return mb2_memory_map(fn, arg);
    default: return 0;
    }
}

const char *none_boot_cmdline(void)
{
    const char *s = NULL;
    if (!none_boot_info.info)
        return "";
    if (none_boot_info.protocol == NONE_BOOT_PVH) {
        const struct hvm_start_info *si = phys(none_boot_info.info);
        if (si->magic == HVM_START_MAGIC && si->cmdline_paddr)
            s = phys(si->cmdline_paddr);
    } else if (none_boot_info.protocol == NONE_BOOT_MULTIBOOT) {
        const unsigned char *mbi = phys(none_boot_info.info);
        if (rd32(mbi) & (1u << 2))
            s = phys(rd32(mbi + 16));
    } else if (none_boot_info.protocol == NONE_BOOT_MULTIBOOT2) {
        const unsigned char *t = mb2_next_tag(1, NULL);
        if (t)
            s = (const char *)(t + 8);
    }
    return s ? s : "";
}

/* ---- Modules */

/* The boot stubs also map physical 0-1 GiB at the kernel half. */
#define KERNEL_VMA 0xffffffff80000000ULL
#define KERNEL_ALIAS_END (1ULL << 30)

static struct none_boot_module module(uint64_t addr, uint64_t size, const char *cmdline)
{
    const void *data = addr < KERNEL_ALIAS_END ? (const void *)(uintptr_t)(KERNEL_VMA + addr)
                                               : phys(addr);
    return (struct none_boot_module){addr, size, data, cmdline};
}

typedef void (*module_fn)(const struct none_boot_module *, void *);

static const char *string_at(uint64_t addr)
{
    return addr ? phys(addr) : "";
}

static int pvh_modules(module_fn fn, void *arg)
{
    const struct hvm_start_info *si = phys(none_boot_info.info);
    if (si->magic != HVM_START_MAGIC || !si->modlist_paddr)
        return 0;
    const struct hvm_modlist_entry *m = phys(si->modlist_paddr);
    for (uint32_t i = 0; i < si->nr_modules; i++) {
        struct none_boot_module mod =
            module(m[i].paddr, m[i].size, string_at(m[i].cmdline_paddr));
        fn(&mod, arg);
    }
    return (int)si->nr_modules;
}

static int mb1_modules(module_fn fn, void *arg)
{
    const unsigned char *mbi = phys(none_boot_info.info);
    if (!(rd32(mbi) & (1u << 3)))
        return 0;
    uint32_t count = rd32(mbi + 20);
    const unsigned char *m = phys(rd32(mbi + 24));
    for (uint32_t i = 0; i < count; i++, m += 16) {
        struct none_boot_module mod =
            module(rd32(m), rd32(m + 4) - rd32(m), string_at(rd32(m + 8)));
        fn(&mod, arg);
    }
    return (int)count;
}

static int mb2_modules(module_fn fn, void *arg)
{
    int n = 0;
    for (const unsigned char *t = mb2_next_tag(3, NULL); t; t = mb2_next_tag(3, t)) {
        struct none_boot_module mod = module(rd32(t + 8), rd32(t + 12) - rd32(t + 8),
                                             (const char *)(t + 16));
        fn(&mod, arg);
        n++;
    }
    return n;
}

int none_boot_modules(module_fn fn, void *arg)
{
    if (!none_boot_info.info)
        return 0;
    switch (none_boot_info.protocol) {
    case NONE_BOOT_PVH: return pvh_modules(fn, arg);
    case NONE_BOOT_MULTIBOOT: return mb1_modules(fn, arg);
    case NONE_BOOT_MULTIBOOT2: return mb2_modules(fn, arg);
    default: return 0;
    }
}

/* ---- The boot information's own memory */

struct reserve {
    range_fn fn;
    void *arg;
    int count;
};

static void reserve(struct reserve *r, uint64_t addr, uint64_t size)
{
    if (!size)
        return;
    struct none_mem_range range = {addr, size};
    r->fn(&range, r->arg);
    r->count++;
}

static void reserve_string(struct reserve *r, const char *s)
{
    if (*s)
        reserve(r, (uint64_t)(uintptr_t)s, __builtin_strlen(s) + 1);
}

static void reserve_module(const struct none_boot_module *m, void *arg)
{
    reserve(arg, m->addr, m->size);
    reserve_string(arg, m->cmdline);
}

static void pvh_reserved(struct reserve *r)
{
    const struct hvm_start_info *si = phys(none_boot_info.info);
    reserve(r, none_boot_info.info, sizeof *si);
    if (si->magic != HVM_START_MAGIC)
        return;
    reserve_string(r, string_at(si->cmdline_paddr));
    reserve(r, si->modlist_paddr, (uint64_t)si->nr_modules * sizeof(struct hvm_modlist_entry));
    if (si->version >= 1)
        reserve(r, si->memmap_paddr,
                (uint64_t)si->memmap_entries * sizeof(struct hvm_memmap_table_entry));
}

/* The fixed part of the Multiboot v1 information structure. */
#define MB1_INFO_SIZE 120

static void mb1_reserved(struct reserve *r)
{
    const unsigned char *mbi = phys(none_boot_info.info);
    uint32_t flags = rd32(mbi);
    reserve(r, none_boot_info.info, MB1_INFO_SIZE);
    if (flags & (1u << 2))
        reserve_string(r, string_at(rd32(mbi + 16)));
    if (flags & (1u << 3))
        reserve(r, rd32(mbi + 24), (uint64_t)rd32(mbi + 20) * 16);
    if (flags & (1u << 6))
        reserve(r, rd32(mbi + 48), rd32(mbi + 44));
}

int none_boot_reserved(range_fn fn, void *arg)
{
    struct reserve r = {fn, arg, 0};
    if (!none_boot_info.info)
        return 0;
    switch (none_boot_info.protocol) {
    case NONE_BOOT_PVH: pvh_reserved(&r); break;
    case NONE_BOOT_MULTIBOOT: mb1_reserved(&r); break;
    case NONE_BOOT_MULTIBOOT2: /* every string and table lives in the tags */
        reserve(&r, none_boot_info.info, rd32(phys(none_boot_info.info)));
        break;
    default: return 0;
    }
    none_boot_modules(reserve_module, &r);
    return r.count;
}
