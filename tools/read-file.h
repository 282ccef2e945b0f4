/* A whole file in memory, for x86_64-none-run (the ELF or image it boots)
 * and x86_64-none-mkimage (the kernel, the modules, grub-mkrescue's log). */
#ifndef X86_64_NONE_READ_FILE_H
#define X86_64_NONE_READ_FILE_H

#include <stddef.h>

/* The contents of PATH (to be freed; *size gets its length), or NULL with
 * errno saying why (ENOENT, EISDIR, ENOMEM, ...).  Any readable file,
 * not only regular ones. */
unsigned char *read_file(const char *path, size_t *size);

#endif
