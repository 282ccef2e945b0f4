## Code built for the host that both the tests and the bench use.
## Included by the top-level Makefile.am; paths are relative to the top.

# The runtime's string functions, built for the host under the target's
# register rules (kit_memcpy, ...): checked against the host C library by
# testsuite/string-diff and cstring-diff, timed by bench/membench.
# (Built with this machine's x86-64 options: not in a kit for another
# host, whose make check is check-host.test.)
if !HOST_BUILD
noinst_LIBRARIES = hostlib/libkitstring.a
endif
hostlib_libkitstring_a_SOURCES = hostlib/kit-string.c hostlib/kit-string.h crt/copy-cpu.h \
  crt/copy-strategy.h crt/unaligned.h
hostlib_libkitstring_a_CFLAGS = $(AM_CFLAGS) -O2 -mgeneral-regs-only -mno-red-zone \
  -fno-builtin -fno-tree-loop-distribute-patterns
# The tests' and the bench's random numbers (one generator, so a seed means
# the same inputs everywhere).
EXTRA_DIST += hostlib/xorshift.h
