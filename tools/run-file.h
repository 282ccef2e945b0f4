/* What x86_64-none-run boots: the kinds of file, and the check that
 * tells them (shared with the runner's fuzz target). */
#ifndef X86_64_NONE_RUN_FILE_H
#define X86_64_NONE_RUN_FILE_H

#include <stddef.h>

enum file_kind { FILE_ELF, FILE_ISO, FILE_DISK };

/* NULL when IMAGE (SIZE bytes) can be booted, with *kind set; else what
 * is wrong with it, perhaps written into WHY.  libelf must be
 * initialised (elf_version). */
const char *bootable_problem(const unsigned char *image, size_t size, enum file_kind *kind,
                             char *why, size_t len);

#endif
