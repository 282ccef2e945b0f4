/* Where an installed kit program finds its siblings: the folder it runs
 * from, shared by x86_64-none-gcc (the compilers, spec files) and
 * x86_64-none-run (addr2line, gcov-tool). */
#ifndef X86_64_NONE_OWN_DIR_H
#define X86_64_NONE_OWN_DIR_H

/* The folder this program lives in (symlinks resolved), to be freed, or
 * NULL.  Where /proc/self/exe is missing, argv0 (a path, or a name looked
 * up in PATH) is the fallback; NULL for none. */
char *own_dir(const char *argv0);

#endif
