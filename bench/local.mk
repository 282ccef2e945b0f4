## make bench.
## Included by the top-level Makefile.am; paths are relative to the top.

# make bench: performance figures as ratios against a baseline measured in
# the same run (never thresholds in tests).
EXTRA_PROGRAMS = bench/membench
bench_membench_SOURCES = bench/membench.c
bench_membench_CFLAGS = $(AM_CFLAGS) -O2 -mno-red-zone
bench_membench_LDADD = bench/libmempeers.a hostlib/libkitstring.a -lm
# The peers, built under the runtime's register rules (as hostlib's
# libkitstring.a is).
EXTRA_LIBRARIES = bench/libmempeers.a
bench_libmempeers_a_SOURCES = bench/mem-peers.c bench/mem-peers.h crt/unaligned.h
bench_libmempeers_a_CFLAGS = $(AM_CFLAGS) -O2 -mgeneral-regs-only -mno-red-zone \
  -fno-builtin -fno-tree-loop-distribute-patterns
CLEANFILES += bench/libmempeers.a
CLEANFILES += bench/membench

# The soft-float routines: libgcc's as the kit's rules select it (the
# kernel multilib, soft-float ABI) and compiler-rt's, their symbols renamed
# kit_* and crt_* so that both link into one non-PIE host program.
EXTRA_PROGRAMS += bench/softfloat-bench
bench_softfloat_bench_SOURCES = bench/softfloat-bench.c hostlib/xorshift.h
bench_softfloat_bench_CFLAGS = $(AM_CFLAGS) -O2 -fno-pie
# (The kit's objects carry no .note.GNU-stack: x86_64-elf has no such
# convention.)
bench_softfloat_bench_LDFLAGS = -no-pie -Wl,-z,noexecstack
bench_softfloat_bench_LDADD = bench/softfloat-kit.o bench/softfloat-crt.o
CLEANFILES += bench/softfloat-bench bench/softfloat-kit.o bench/softfloat-crt.o
SOFTFLOAT_ROUTINES = __addsf3 __mulsf3 __divsf3 __ltsf2 __adddf3 __subdf3 __muldf3 \
  __divdf3 __ltdf2 __floatsidf __floatdidf __fixdfsi __fixdfdi __extendsfdf2 __truncdfsf2
SOFTFLOAT_OBJECTS = $(SHELL) $(srcdir)/bench/softfloat-objects.sh \
  $(TOOLS_STAGE)/bin/$(TARGET)-ld $(TOOLS_STAGE)/bin/$(TARGET)-nm $(TOOLS_STAGE)/bin/$(TARGET)-objcopy
bench/softfloat-kit.o: toolchain-built.stamp specs/x86_64-none.specs
	$(SOFTFLOAT_OBJECTS) "`$(TARGET_CC) -print-libgcc-file-name`" kit_ $@ $(SOFTFLOAT_ROUTINES)
bench/softfloat-crt.o: toolchain-built.stamp
	@test -n '$(COMPILER_RT_BUILTINS)' || { echo "make bench: compiler-rt's builtins not found; install libclang-rt-14-dev (toolchain/install-deps.sh) or configure COMPILER_RT_BUILTINS=" >&2; exit 1; }
	$(SOFTFLOAT_OBJECTS) '$(COMPILER_RT_BUILTINS)' crt_ $@ $(SOFTFLOAT_ROUTINES)

.PHONY: bench
bench: bench/membench bench/softfloat-bench
	@echo "== memcpy/memmove/memset: x86_64-none runtime vs its peers under the rule (Linux, Rust, musl), glibc for information"
	@bench/membench
	@echo "== the same, the runtime forced to choose as on a CPU without FSRM, then without ERMS"
	@bench/membench --cpu=no-fsrm | sed -n '/^worst cell/,$$p'
	@bench/membench --cpu=no-erms | sed -n '/^worst cell/,$$p'
	@echo "== soft-float routines: x86_64-none libgcc vs hardware SSE and LLVM compiler-rt"
	@bench/softfloat-bench
	@echo "== C library sizes: the board's printf, newlib, newlib-nano (bytes)"
	@$(MAKE) $(AM_MAKEFLAGS) testsuite/root.stamp > /dev/null
	@$(SHELL) $(srcdir)/bench/libc-size.sh '$(TOOLROOT)/bin' '$(srcdir)' bench/libc-size.work
	@echo "== KASAN's overhead: time and size with -fsanitize=kernel-address against without"
	@$(SHELL) $(srcdir)/bench/kasan-bench.sh '$(TOOLROOT)/bin' '$(srcdir)' bench/kasan.work
	@echo "== time per boot: ELF (PVH), BIOS image, UEFI image"
	@$(SHELL) $(srcdir)/bench/boot-time.sh '$(TOOLROOT)/bin' '$(srcdir)' bench/boot-time.work
EXTRA_DIST += bench/build-time.sh bench/softfloat-objects.sh bench/libc-size.sh \
  bench/printf-size.c bench/boot-time.sh bench/kasan-bench.sh bench/kasan-heap.c \
  bench/kasan-compute.c
