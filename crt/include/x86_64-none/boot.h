/* x86_64-none: boot information handed over by the kit's boot stubs.
 *
 * With --specs=pvh.specs, --specs=multiboot.specs or
 * --specs=multiboot2.specs (and qemu.specs, which uses pvh.o: PVH under
 * "qemu -kernel", Multiboot2 from a GRUB image), the stub fills
 * none_boot_info before it runs the constructors and calls _start.
 * Physical memory 0-4 GiB stays mapped 1:1, so the physical addresses
 * below (all under 4 GiB: the loaders put them there) can be read
 * directly.
 */
#ifndef X86_64_NONE_BOOT_H
#define X86_64_NONE_BOOT_H

/* Shared with the boot stub (crt/boot.S includes this file): the
 * protocol numbers and none_boot_info's layout. */
#define NONE_BOOT_NONE 0      /* no kit boot stub was linked */
#define NONE_BOOT_PVH 1       /* info: struct hvm_start_info */
#define NONE_BOOT_MULTIBOOT 2 /* info: Multiboot v1 information structure */
#define NONE_BOOT_MULTIBOOT2 3 /* info: Multiboot2 information (tags) */

/* The boot protocols' own numbers, written once: the boot stubs put them
 * into a kernel, x86_64-none-run and x86_64-none-mkimage look for them. */
#define NONE_PVH_NOTE_TYPE 18 /* XEN_ELFNOTE_PHYS32_ENTRY, in a "Xen" note */
#define NONE_MULTIBOOT_HEADER_MAGIC 0x1badb002
#define NONE_MULTIBOOT2_HEADER_MAGIC 0xe85250d6
#define NONE_MULTIBOOT2_BOOTLOADER_MAGIC 0x36d76289

#define NONE_BOOT_INFO_PROTOCOL 0 /* offsets in struct none_boot_info */
#define NONE_BOOT_INFO_MAGIC 4
#define NONE_BOOT_INFO_INFO 8

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define NONE_BOOT_ASSERT static_assert
#else
#define NONE_BOOT_ASSERT _Static_assert
#endif

struct none_boot_info {
    uint32_t protocol; /* NONE_BOOT_* */
    uint32_t magic;    /* %eax at entry (Multiboot: 0x2badb002 / 0x36d76289) */
    uint64_t info;     /* physical address of the protocol's structure */
};
NONE_BOOT_ASSERT(offsetof(struct none_boot_info, protocol) == NONE_BOOT_INFO_PROTOCOL,
               "boot.S writes the protocol there");
NONE_BOOT_ASSERT(offsetof(struct none_boot_info, magic) == NONE_BOOT_INFO_MAGIC,
               "boot.S writes the magic there");
NONE_BOOT_ASSERT(offsetof(struct none_boot_info, info) == NONE_BOOT_INFO_INFO,
               "boot.S writes the info address there");

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

/* PVH's module list (QEMU's -initrd), hvm_start_info.modlist_paddr. */
struct hvm_modlist_entry {
    uint64_t paddr;
    uint64_t size;
    uint64_t cmdline_paddr;
    uint64_t reserved;
};

/* One RAM range, whatever the protocol. */
struct none_mem_range {
    uint64_t addr;
    uint64_t size;
};

/* One module the boot loader loaded beside the program (Multiboot's
 * modules: x86_64-none-mkimage's MODULE files; PVH's module list). */
struct none_boot_module {
    uint64_t addr;       /* physical (GRUB under UEFI may use address 0) */
    uint64_t size;
    const void *data;    /* its bytes: never NULL (below 1 GiB, through the
                            stub's mapping at 0xffffffff80000000) */
    const char *cmdline; /* the loader's string for it, "" when none */
};

#ifdef __cplusplus
extern "C" {
#endif

/* Calls fn for each usable RAM range the boot protocol reports; returns
 * the number of ranges. */
int none_boot_memory_map(void (*fn)(const struct none_mem_range *range, void *arg),
                         void *arg);

/* The command line the boot loader passed, or "" when there is none. */
const char *none_boot_cmdline(void);

/* Calls fn for each module, in the loader's order; returns the number of
 * modules. */
int none_boot_modules(void (*fn)(const struct none_boot_module *module, void *arg),
                      void *arg);

/* Calls fn for each piece of memory the boot information itself occupies
 * (the information structure, command lines, memory map, module list and
 * the modules): RAM in the memory map that a program must not reuse while
 * it still reads any of it.  The QEMU board's heap keeps out of them.
 * Returns the number of ranges. */
int none_boot_reserved(void (*fn)(const struct none_mem_range *range, void *arg), void *arg);

#ifdef __cplusplus
}
#endif

#endif /* !__ASSEMBLER__ */
#endif
