## make check, make fuzz, make check-gcc.
## Included by the top-level Makefile.am; paths are relative to the top.

# Tests: everything runs against a scratch install (which also proves the
# installed tree works away from its prefix).
TEST_ROOT = $(abs_top_builddir)/testsuite/root
TOOLROOT = $(TEST_ROOT)$(prefix)

testsuite/root.stamp: toolchain-built.stamp $(bin_PROGRAMS) $(RUNTIME_OUT)/multilibs \
  $(kitlib_DATA) $(dist_kitlib_DATA) $(dist_kitinc_DATA) $(dist_kitincnone_DATA) \
  $(dist_kitshare_DATA) $(man1_MANS)
	@rm -rf $(TEST_ROOT)
	@$(MAKE) $(AM_MAKEFLAGS) install DESTDIR='$(TEST_ROOT)' >/dev/null
	@touch $@
check_DATA = testsuite/root.stamp
CLEANFILES += testsuite/root.stamp

TEST_EXTENSIONS = .test
TEST_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
  TOOLROOT='$(TOOLROOT)'; TARGET='$(TARGET)'; \
  top_srcdir='$(abs_top_srcdir)'; top_builddir='$(abs_top_builddir)'; \
  QEMU='$(QEMU_PATH)'; TC_PACKAGES='$(TC_PACKAGES)'; CC='$(CC)'; RUSTC='$(RUSTC)'; \
  ABI_GEN='$(abs_top_builddir)/testsuite/abi-gen$(EXEEXT)'; CLANG='$(FUZZ_CC)'; \
  KIT_SANITIZERS='$(if $(filter testsuite/asan/%,$(check_PROGRAMS)),yes)'; \
  MAKE='$(MAKE)'; TC_MAPPED_BUILD='$(MAPPED_BUILD)'; KIT_SOURCE_NAME='$(KIT_SOURCE_NAME)'; \
  HOST_TRIPLET='$(HOST_TRIPLET)'; NATIVE_KIT='$(NATIVE_KIT)'; HOST_SYSROOT='$(HOST_SYSROOT)'; \
  KIT_DEB_ARCH='$(KIT_DEB_ARCH)'; SOURCE_CACHE='$(SOURCE_CACHE)'; \
  export TOOLROOT TARGET top_srcdir top_builddir QEMU TC_PACKAGES CC RUSTC ABI_GEN CLANG MAKE KIT_SANITIZERS \
    TC_MAPPED_BUILD KIT_SOURCE_NAME HOST_TRIPLET NATIVE_KIT HOST_SYSROOT KIT_DEB_ARCH SOURCE_CACHE;

TEST_EXTENSIONS += .ex
EX_LOG_COMPILER = $(SHELL) $(abs_top_srcdir)/testsuite/run-example.sh

EXAMPLE_TESTS = examples/hello/hello.ex examples/builtins/builtins.ex \
  examples/interrupts/interrupts.ex examples/panic/panic.ex \
  examples/stack-protector/stack-protector.ex examples/heap/heap.ex \
  examples/atomics/atomics.ex examples/minimal/minimal.ex \
  examples/float/float.ex examples/cxx/cxx.ex examples/ubsan/ubsan.ex
# newlib's examples, where the kit has newlib (CI builds it).
if NEWLIB
EXAMPLE_TESTS += examples/newlib/newlib.ex examples/newlib-math/newlib-math.ex \
  examples/newlib-malloc/newlib-malloc.ex examples/newlib-stdin/newlib-stdin.ex \
  examples/newlib-nano/newlib-nano.ex
endif

# A kit for another host (configure --host) is tested by one test, which
# runs it under user-mode QEMU beside the native kit (check-host.test).
if HOST_BUILD
TESTS = testsuite/check-host.test
# make check-host: the same, by the name the manual uses.
check-host: check
else
check-host:
	@echo "make check-host: this folder's kit is for this machine; configure another folder with --host=aarch64-linux-gnu --with-native-kit=DIR (docs/building.md, Hosts)" >&2
	@exit 1
TESTS = \
  testsuite/host-deps.test \
  testsuite/configure-deps.test \
  testsuite/no-build-outputs.test \
  testsuite/build-recovery.test \
  testsuite/cache-key.test \
  testsuite/version-bump.test \
  testsuite/code-shape.test \
  testsuite/help-vs-man.test \
  testsuite/source-archive.test \
  testsuite/toolchain-version.test \
  testsuite/tool-names.test \
  testsuite/gas-divide.test \
  testsuite/kernel-makefile.test \
  testsuite/compiler-cache.test \
  testsuite/sccache-cache.test \
  testsuite/no-proc.test \
  testsuite/distcc-farm.test \
  testsuite/icecream-farm.test \
  testsuite/toolchain-paths.test \
  testsuite/lto.test \
  testsuite/cxx-compile.test \
  testsuite/cxx-headers.test \
  testsuite/cxx-c.test \
  testsuite/cxx-rust.test \
  testsuite/cxx-new.test \
  testsuite/ubsan-modes.test \
  testsuite/gdb-session.test \
  testsuite/crash-report.test \
  testsuite/coverage.test \
  testsuite/toolchain-link.test \
  testsuite/multilib.test \
  testsuite/higher-half.test \
  testsuite/source-verify.test \
  testsuite/source-download.test \
  testsuite/install-rollback.test \
  testsuite/driver-rules.test \
  testsuite/rules-agree.test \
  testsuite/interrupt-frame.test \
  testsuite/headers.test \
  testsuite/minimal.test \
  testsuite/elfcheck-corpus.test \
  testsuite/elfcheck-damaged.test \
  testsuite/boot-damaged.test \
  testsuite/fuzz-regress.test \
  testsuite/installed-clean.test \
  testsuite/string-diff \
  testsuite/printf-diff \
  testsuite/cstring-diff \
  testsuite/soft-float-abi.test \
  testsuite/default-abi.test \
  testsuite/softfloat-corpus.test \
  testsuite/rust-interop.test \
  testsuite/abi-host.test \
  testsuite/abi-conformance.test \
  testsuite/abi-planted.test \
  testsuite/runner-errors.test \
  testsuite/hardening.test \
  testsuite/kasan.test testsuite/kasan-examples.test \
  testsuite/main-args.test \
  testsuite/freestanding-c23.test \
  testsuite/boot-protocols.test \
  testsuite/image-boot.test \
  testsuite/image-bios.test \
  testsuite/image-uefi.test \
  testsuite/check-gcc-compare.test \
  testsuite/cmake-emulator.test testsuite/meson-cross.test \
  testsuite/package.test testsuite/deb-package.test testsuite/uninstall.test \
  testsuite/man-pages.test \
  $(EXAMPLE_TESTS)
if NEWLIB
TESTS += testsuite/newlib-board.test
endif

# Differential tests of the runtime's string functions and printf against
# the host C library (hostlib/ builds the runtime's side for the host).
check_PROGRAMS = testsuite/string-diff testsuite/printf-diff testsuite/cstring-diff

# The generated C/Rust ABI suite's generator (testsuite/abi/), a host
# program; abi-suite.sh builds and runs what it writes.
check_PROGRAMS += testsuite/abi-gen
testsuite_abi_gen_SOURCES = testsuite/abi/abi-gen.c testsuite/abi/abi-types.c \
  testsuite/abi/abi-emit-c.c testsuite/abi/abi-emit-rs.c testsuite/abi/abi-gen.h hostlib/xorshift.h
EXTRA_DIST += testsuite/abi/abi-harness.c testsuite/abi/abi-harness.h testsuite/abi/abi-suite.sh \
  testsuite/abi/abi-table.sh

# The three programs that read ELF files given by users, built again with
# AddressSanitizer and UBSan for testsuite/fuzz-regress.test, which
# replays testsuite/fuzz/regress/ through them.
if SANITIZERS
check_PROGRAMS += testsuite/asan/x86_64-none-elfcheck testsuite/asan/x86_64-none-run \
  testsuite/asan/x86_64-none-mkimage
endif
endif # !HOST_BUILD

testsuite_asan_x86_64_none_elfcheck_SOURCES = $(x86_64_none_elfcheck_SOURCES)
testsuite_asan_x86_64_none_elfcheck_CFLAGS = $(x86_64_none_elfcheck_CFLAGS) $(KIT_SANITIZE_FLAGS)
testsuite_asan_x86_64_none_elfcheck_LDFLAGS = $(KIT_SANITIZE_FLAGS)
testsuite_asan_x86_64_none_elfcheck_LDADD = $(x86_64_none_elfcheck_LDADD)
testsuite_asan_x86_64_none_run_SOURCES = $(x86_64_none_run_SOURCES)
testsuite_asan_x86_64_none_run_CPPFLAGS = $(x86_64_none_run_CPPFLAGS)
testsuite_asan_x86_64_none_run_CFLAGS = $(x86_64_none_run_CFLAGS) $(KIT_SANITIZE_FLAGS)
testsuite_asan_x86_64_none_run_LDFLAGS = $(KIT_SANITIZE_FLAGS)
testsuite_asan_x86_64_none_run_LDADD = $(x86_64_none_run_LDADD)
testsuite_asan_x86_64_none_mkimage_SOURCES = $(x86_64_none_mkimage_SOURCES)
testsuite_asan_x86_64_none_mkimage_CFLAGS = $(x86_64_none_mkimage_CFLAGS) $(KIT_SANITIZE_FLAGS)
testsuite_asan_x86_64_none_mkimage_LDFLAGS = $(KIT_SANITIZE_FLAGS)
testsuite_asan_x86_64_none_mkimage_LDADD = $(x86_64_none_mkimage_LDADD)
testsuite_string_diff_SOURCES = testsuite/string-diff.c
testsuite_string_diff_LDADD = hostlib/libkitstring.a
# The rest of C23's freestanding <string.h> against the host's.
testsuite_cstring_diff_SOURCES = testsuite/cstring-diff.c hostlib/xorshift.h
testsuite_cstring_diff_LDADD = hostlib/libkitstring.a
# The board's printf (its %f %e %g above all) against the host's.
testsuite_printf_diff_SOURCES = testsuite/printf-diff.c hostlib/xorshift.h
testsuite_printf_diff_CPPFLAGS = -I$(srcdir)/crt/include

EXTRA_DIST += testsuite/fuzz
EXTRA_DIST += testsuite/lib.sh testsuite/farm-lib.sh testsuite/cache-lib.sh testsuite/run-example.sh testsuite/image-examples.sh testsuite/summary.sh \
  testsuite/softfloat-corpus.c testsuite/float-abi.c testsuite/float-abi-split.c testsuite/hardening.c \
  testsuite/default-abi.sh testsuite/default-abi.sha256 testsuite/host-root.manifest \
  testsuite/default-abi-corpus/crt/string.c testsuite/default-abi-corpus/crt/copy-cpu.h \
  testsuite/default-abi-corpus/testsuite/float-abi.c \
  testsuite/rust-interop.rs testsuite/rust-interop.c testsuite/stdbit-check.c \
  testsuite/cxx-c.cc testsuite/cxx-c-part.c testsuite/cxx-c.h \
  $(wildcard $(srcdir)/testsuite/kasan/*.c) testsuite/kasan/kasan-case.h \
  $(wildcard $(srcdir)/testsuite/*.test) $(wildcard $(srcdir)/testsuite/corpus/*.c) \
  examples/README.md $(wildcard $(srcdir)/examples/*/*.c) \
  $(wildcard $(srcdir)/examples/*/*.cc) $(wildcard $(srcdir)/examples/*/*.in) \
  $(wildcard $(srcdir)/examples/*/*.ex) $(wildcard $(srcdir)/examples/*/*.out)

# One plain "N passed, N failed" line after automake's summary, whatever
# the outcome: the harness's failure is ignored here and check-local, which
# runs after it, prints the line and fails in its place.
.PHONY: check-host
.IGNORE: check-TESTS
check-local: check-TESTS
	@$(SHELL) $(srcdir)/testsuite/summary.sh $(TEST_SUITE_LOG)

# ---------------------------------------------------------------------------
# make check-abi [ABI_SEED=S] [ABI_COUNT=N] [ABI_MODES=...] [ABI_GEN_FLAGS=...]:
# the generated ABI suite for any seed (docs/testing.md); make check-abi-clang:
# the same with clang -mgeneral-regs-only as the C side, as a table.
ABI_SEED = 1
ABI_COUNT = 300
ABI_MODES = kit-O0 kit-O2 host-O0 host-O2
ABI_WORK = $(abs_top_builddir)/testsuite/work/check-abi
.PHONY: check-abi check-abi-clang
check-abi: testsuite/root.stamp testsuite/abi-gen$(EXEEXT)
	@test -n '$(RUSTC)' || { echo "make check-abi: no rustc; install Rust (rustup puts it in ~/.cargo/bin) and run configure again" >&2; exit 1; }
	@$(AM_TESTS_ENVIRONMENT) status=0; for mode in $(ABI_MODES); do \
	  echo "== $$mode, seed $(ABI_SEED), $(ABI_COUNT) signatures"; \
	  $(SHELL) $(srcdir)/testsuite/abi/abi-suite.sh $$mode '$(ABI_SEED)' '$(ABI_COUNT)' \
	    '$(ABI_WORK)/'$$mode $(ABI_GEN_FLAGS) || status=1; \
	done; exit $$status
check-abi-clang: testsuite/root.stamp testsuite/abi-gen$(EXEEXT)
	@mkdir -p '$(ABI_WORK)'
	@test -n '$(RUSTC)' || { echo "make check-abi-clang: no rustc; install Rust (rustup puts it in ~/.cargo/bin) and run configure again" >&2; exit 1; }
	@test -n '$(FUZZ_CC)' || { echo "make check-abi-clang: no clang; install clang (toolchain/install-deps.sh) and run configure again" >&2; exit 1; }
	@$(AM_TESTS_ENVIRONMENT) $(SHELL) $(srcdir)/testsuite/abi/abi-suite.sh clang-O2 '$(ABI_SEED)' \
	  '$(ABI_COUNT)' '$(ABI_WORK)/clang-O2' $(ABI_GEN_FLAGS) > '$(ABI_WORK)-clang.log'; \
	  status=$$?; grep -v '^abi: category' '$(ABI_WORK)-clang.log' | grep -v '^abi:   ' | grep -v '^abi: MISMATCH'; \
	  test $$status -le 1 || exit 1; \
	  grep -c '^abi: MISMATCH' '$(ABI_WORK)-clang.log' | sed 's/$$/ calls disagree/'; \
	  $(SHELL) $(srcdir)/testsuite/abi/abi-table.sh < '$(ABI_WORK)-clang.log'

# ---------------------------------------------------------------------------
# make check-kernels [KERNELS="linux-6.1 ..."]: Linux built unmodified by the
# kit and booted in QEMU (testsuite/kernels/, docs/boards.md); the verified
# tarballs stay in the source cache.
KERNEL_TARBALLS = $(if $(SOURCE_CACHE),$(SOURCE_CACHE)/kernels,$(abs_top_builddir)/testsuite/kernel-sources)
.PHONY: check-kernels
check-kernels: testsuite/root.stamp
	@QEMU='$(QEMU_PATH)' $(SHELL) $(srcdir)/testsuite/kernels/check-kernels.sh '$(TOOLROOT)' \
	  '$(abs_top_builddir)/testsuite/work/check-kernels' '$(KERNEL_TARBALLS)' $(KERNELS)
EXTRA_DIST += testsuite/kernels/manifest testsuite/kernels/check-kernels.sh \
  testsuite/kernels/linux.config testsuite/kernels/init.c

# ---------------------------------------------------------------------------
# make fuzz: libFuzzer targets of the three ELF readers (testsuite/fuzz/),
# FUZZ_SECONDS each, from a seed corpus of the kit's own outputs.
FUZZ_SECONDS = 60
FUZZ_WORK = $(abs_top_builddir)/testsuite/fuzz-work
.PHONY: fuzz
fuzz: testsuite/root.stamp
	@test -n '$(FUZZ_CC)' || { echo "make fuzz: no clang with libFuzzer; install clang and libclang-rt-14-dev (toolchain/install-deps.sh) and run configure again" >&2; exit 1; }
	@FUZZ_CC='$(FUZZ_CC)' LLVM_PROFDATA='$(LLVM_PROFDATA)' LLVM_COV='$(LLVM_COV)' \
	  FUZZ_CFLAGS='-I$(abs_top_srcdir)/tools -I$(abs_top_srcdir)/crt/include $(CAPSTONE_CFLAGS) $(LIBELF_CFLAGS)' \
	  FUZZ_LIBS='$(CAPSTONE_LIBS) $(LIBELF_LIBS)' \
	  ELFCHECK_READER='$(addprefix $(abs_top_srcdir)/,$(filter %.c,$(ELFCHECK_READER)))' \
	  RUN_READER='$(addprefix $(abs_top_srcdir)/,$(filter %.c,$(RUN_READER)))' \
	  MKIMAGE_READER='$(addprefix $(abs_top_srcdir)/,$(filter %.c,$(MKIMAGE_READER)))' \
	  $(SHELL) $(srcdir)/testsuite/fuzz/fuzz.sh '$(abs_top_srcdir)' '$(TOOLROOT)' \
	    '$(abs_top_builddir)/$(RUNTIME_OUT)' '$(FUZZ_WORK)' '$(FUZZ_SECONDS)'


# ---------------------------------------------------------------------------
# GCC's own test suite on the kit (docs/testing.md):
#   make check-gcc [CHECK_GCC_SUBSET=full|ci] [CHECK_GCC_JOBS=N] [RUNTESTFLAGS=...]
#                  [CHECK_GCC_TOOLS="gcc g++"]
# Results in testsuite/gcc-results/{gcc,g++}.{sum,log}.
CHECK_GCC_SUBSET = full
CHECK_GCC_JOBS = `nproc 2>/dev/null || echo 2`
CHECK_GCC_TOOLS = gcc g++
.PHONY: check-gcc
check-gcc: testsuite/root.stamp
	@$(TC_MAKE) gcc-testsuite
	@CHECK_GCC_TOOLS='$(CHECK_GCC_TOOLS)' $(SHELL) $(srcdir)/testsuite/gcc/check-gcc.sh '$(TOOLROOT)/bin' \
	  '$(TC_BUILD)/gcc-testsuite/gcc/testsuite' '$(abs_top_srcdir)' \
	  '$(abs_top_builddir)/testsuite/gcc-results' "$(CHECK_GCC_JOBS)" \
	  '$(CHECK_GCC_SUBSET)' '$(RUNTESTFLAGS)'
EXTRA_DIST += testsuite/gcc/check-gcc.sh testsuite/gcc/compare-results.sh \
  testsuite/gcc/expected-failures testsuite/gcc/x86_64-none-qemu.exp \
  testsuite/gcc/x86_64-none.exp testsuite/gcc/gcc.dg-run.exp testsuite/gcc/g++.dg-run.exp

