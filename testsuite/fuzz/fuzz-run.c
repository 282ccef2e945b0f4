/* libFuzzer target: x86_64-none-run's readers of the file it boots
 * (tools/run-file.c, tools/boot-elf.c) and of the program's symbols
 * for crash reports (tools/symbolize.c). */
#define _POSIX_C_SOURCE 200809L
#include <gelf.h>
#include "fuzz.h"
#include "run-file.h"
#include "symbolize.h"

/* Names a few addresses the way a crash report would: the entry point
 * and the bytes after it. */
static void symbolize_some(unsigned char *image, size_t size)
{
    Elf *elf = elf_memory((char *)image, size);
    GElf_Ehdr eh;
    if (elf && gelf_getehdr(elf, &eh)) {
        char name[256];
        for (uint64_t a = eh.e_entry; a < eh.e_entry + 64; a += 16)
            crash_function_of(elf, a, name, sizeof name);
    }
    if (elf)
        elf_end(elf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *image = fuzz_input(data, size);
    if (!image)
        return 0;
    enum file_kind kind;
    char why[256];
    if (!bootable_problem(image, size, &kind, why, sizeof why) && kind == FILE_ELF)
        symbolize_some(image, size);
    free(image);
    return 0;
}
