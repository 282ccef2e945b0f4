/* x86_64-none: boot information handed over by the kit's boot stubs.
 *
 * With --specs=pvh.specs, --specs=multiboot.specs or
 * --specs=multiboot2.specs (and qemu.specs, which boots through PVH), the
 * stub fills none_boot_info before it runs the constructors and calls
 * _start.  Physical memory 0-1 GiB stays mapped 1:1, so the physical
 * addresses below can be read directly.
 */
#ifndef X86_64_NONE_BOOT_H
#define X86_64_NONE_BOOT_H

#include <stdint.h>

enum none_boot_protocol {
    NONE_BOOT_NONE = 0,      /* no kit boot stub was linked */
    NONE_BOOT_PVH = 1,       /* info: struct hvm_start_info */
    NONE_BOOT_MULTIBOOT = 2, /* info: Multiboot v1 information structure */
    NONE_BOOT_MULTIBOOT2 = 3 /* info: Multiboot2 information (tags) */
};

struct none_boot_info {
    uint32_t protocol; /* enum none_boot_protocol */
    uint32_t magic;    /* %eax at entry (Multiboot: 0x2badb002 / 0x36d76289) */
    uint64_t info;     /* physical address of the protocol's structure */
};

extern struct none_boot_info none_boot_info;

/* PVH (Xen's HVM direct boot ABI, as QEMU provides it). */
#define HVM_START_MAGIC 0x336ec578

struct hvm_start_info {
    uint32_t magic;
    uint32_t version;
    uint32_t flags;
    uint32_t nr_modules;
    uint64_t modlist_paddr;
    uint64_t cmdline_paddr; /* NUL-terminated, from QEMU's -append */
    uint64_t rsdp_paddr;
    uint64_t memmap_paddr;  /* version >= 1: struct hvm_memmap_table_entry[] */
    uint32_t memmap_entries;
    uint32_t reserved;
};

struct hvm_memmap_table_entry {
    uint64_t addr;
    uint64_t size;
    uint32_t type; /* 1 = RAM, as in E820 */
    uint32_t reserved;
};

/* One RAM range, whatever the protocol. */
struct none_mem_range {
    uint64_t addr;
    uint64_t size;
};

/* Calls fn for each usable RAM range the boot protocol reports; returns
 * the number of ranges. */
int none_boot_memory_map(void (*fn)(const struct none_mem_range *range, void *arg),
                         void *arg);

/* The command line the boot loader passed, or "" when there is none. */
const char *none_boot_cmdline(void);

#endif
