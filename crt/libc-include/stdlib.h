/* <stdlib.h> for x86_64-none: what C23 requires of a freestanding
 * implementation, memalignment, implemented in libnone.a.  (abort and
 * exit belong to a board: the QEMU board's are in <x86_64-none/qemu.h>.)
 * A C library built for the target (newlib) comes first and replaces it.
 */
#ifndef X86_64_NONE_STDLIB_H
#define X86_64_NONE_STDLIB_H

#define __need_size_t
#define __need_NULL
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The largest power of two that divides the address (0 for NULL). */
size_t memalignment(const void *p);

#ifdef __cplusplus
}
#endif

#endif
