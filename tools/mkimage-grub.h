/* What x86_64-none-mkimage needs of GRUB (mkimage-grub.c). */
#ifndef X86_64_NONE_MKIMAGE_GRUB_H
#define X86_64_NONE_MKIMAGE_GRUB_H

#include <stdbool.h>

/* NULL when GRUB's tools and both platforms are there, else which is
 * missing and the Debian package that brings it. */
const char *grub_problem(void);

/* grub-mkrescue from the STAGING folder into IMAGE, its output in LOG
 * (on stderr when VERBOSE); true when it succeeded. */
bool run_grub_mkrescue(const char *staging, const char *image, const char *log, bool verbose);

/* The last lines of LOG on stderr (what grub-mkrescue said on failure). */
void print_log_tail(const char *log);

#endif
