/* Crash reports that name the code, for x86_64-none-run: the QEMU board
 * prints "RIP 0x..." in an exception report and "backtrace: 0x... 0x..."
 * (return addresses up the frame-pointer chain) after an exception or a
 * panic, and a KASAN report "backtrace (allocated): ..." and "backtrace
 * (freed): ..." besides; these are collected from the console and, when the program has
 * ended, printed as function+offset (from the ELF symbol table, libelf)
 * and file:line (from the DWARF line table, by the kit's addr2line). */
#ifndef X86_64_NONE_SYMBOLIZE_H
#define X86_64_NONE_SYMBOLIZE_H

#include <gelf.h>
#include <stdint.h>

#define CRASH_MAX_FRAMES 33
/* A report's traces: where the program was, and (KASAN) where the memory
 * it touched was allocated and freed. */
#define CRASH_MAX_TRACES 4

struct crash_trace {
    char label[32];     /* "" for where the program was, else LABEL of "backtrace (LABEL):" */
    uint64_t address[CRASH_MAX_FRAMES]; /* [0]: RIP, or the first return address */
    unsigned count;
    int has_rip; /* address[0] is a faulting RIP, not a return address */
};

struct crash_report {
    char line[512]; /* the console line being read */
    unsigned line_length;
    struct crash_trace trace[CRASH_MAX_TRACES];
    unsigned traces;
};

/* Feeds one console byte. */
void crash_scan_byte(struct crash_report *r, char c);

/* function+offset for ADDRESS, from ELF's symbol table, or "??" (the
 * runner's reader of the program's symbols; its fuzz target calls it). */
void crash_function_of(Elf *elf, uint64_t address, char *out, size_t size);

/* Prints each trace (nothing if no addresses were seen) to stderr;
 * addr2line is the kit's x86_64-elf-addr2line. */
void crash_report_print(const struct crash_report *r, const char *elf_file,
                        const char *addr2line);

#endif
