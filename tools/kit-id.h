/* The kit's identity for compiler caches (x86_64-none-gcc --kit-id). */
#ifndef KIT_ID_H
#define KIT_ID_H

#include <stdint.h>

/* The name of the manifest in the kit's library folder (specs/local.mk
 * writes it at build time). */
#define KIT_ID_MANIFEST "x86_64-none.id"

/* Hashes the driver at DRIVER, the manifest in LIBDIR and every file it
 * names; 0 and *ID set, or -1 after a one-line error naming PROGRAM. */
int kit_id(const char *program, const char *driver, const char *libdir, uint64_t *id);

#endif
