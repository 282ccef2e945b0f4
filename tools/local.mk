## The kit's host programs (x86_64-none-gcc, -elfcheck, -run, -mkimage) and their aliases.
## Included by the top-level Makefile.am; paths are relative to the top.

# The kit's host programs.
bin_PROGRAMS = x86_64-none-gcc x86_64-none-elfcheck x86_64-none-run x86_64-none-mkimage
# What icecream and distcc need to run the driver with the rules (a shell
# script: glue around tar and ldd), with the kit's version put in.
bin_SCRIPTS = tools/x86_64-none-farm
EXTRA_DIST += tools/x86_64-none-farm.in
CLEANFILES += tools/x86_64-none-farm
tools/x86_64-none-farm: tools/x86_64-none-farm.in Makefile
	$(AM_V_GEN)$(MKDIR_P) $(@D) && sed 's|@KIT_VERSION@|$(PACKAGE_VERSION)|g' \
	  $(srcdir)/tools/x86_64-none-farm.in > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
x86_64_none_gcc_SOURCES = tools/none-gcc.c tools/kit-id.c tools/kit-id.h tools/own-dir.c tools/own-dir.h tools/rules.c \
  tools/rules.h
# Each program's ELF reader is a file of its own, shared with its fuzz
# target (testsuite/fuzz/) and its ASan/UBSan build (testsuite/asan/).
ELFCHECK_READER = tools/elfcheck-read.c tools/elfcheck-funcs.c tools/elfcheck-rules.c \
  tools/elfcheck-harden.c tools/elfcheck.h
RUN_READER = tools/run-file.c tools/run-file.h tools/boot-elf.c tools/boot-elf.h \
  tools/symbolize.c tools/symbolize.h
MKIMAGE_READER = tools/mkimage-kernel.c tools/mkimage-kernel.h tools/boot-elf.c \
  tools/boot-elf.h
x86_64_none_elfcheck_SOURCES = tools/elfcheck.c $(ELFCHECK_READER) tools/read-file.c \
  tools/read-file.h
x86_64_none_elfcheck_CFLAGS = $(AM_CFLAGS) $(CAPSTONE_CFLAGS) $(LIBELF_CFLAGS)
x86_64_none_elfcheck_LDADD = $(CAPSTONE_LIBS) $(LIBELF_LIBS)
x86_64_none_run_SOURCES = tools/none-run.c tools/run.h tools/run-options.c \
  tools/run-console.c tools/run-qemu.c tools/own-dir.c tools/own-dir.h $(RUN_READER) \
  tools/read-file.c tools/read-file.h
# configure --with-qemu=PROG: the runner's default QEMU.
x86_64_none_run_CPPFLAGS = $(AM_CPPFLAGS) -DKIT_DEFAULT_QEMU='"$(QEMU)"'
x86_64_none_run_CFLAGS = $(AM_CFLAGS) $(LIBELF_CFLAGS) -I$(srcdir)/crt/include
x86_64_none_run_LDADD = $(LIBELF_LIBS)
x86_64_none_mkimage_SOURCES = tools/none-mkimage.c tools/mkimage-grub.c \
  tools/mkimage-grub.h $(MKIMAGE_READER) tools/read-file.c tools/read-file.h
x86_64_none_mkimage_CFLAGS = $(AM_CFLAGS) $(LIBELF_CFLAGS) -I$(srcdir)/crt/include
x86_64_none_mkimage_LDADD = $(LIBELF_LIBS)

# Every program of the toolchain answers to an x86_64-none-* name too, for
# "make CROSS_COMPILE=x86_64-none-" (a kernel Makefile may call any of
# them: c++filt, gcc-ar, elfedit, ...).  The list is what the staging tree
# holds, so a new program cannot be left without its name
# (tool-names.test).  x86_64-none-cpp, -g++ and -c++ are the driver under
# other names (DRIVER_ALIASES), with the rules; the raw drivers (gcc, g++,
# c++, cpp, gcc-VERSION) get no x86_64-none-* name of their own.
DRIVER_ALIASES = x86_64-none-cpp x86_64-none-g++ x86_64-none-c++
GCC_VERSION = $(shell $(SHELL) $(srcdir)/toolchain/source.sh version gcc)
TC_TOOL_NAMES = $(patsubst $(TARGET)-%,%,$(notdir $(wildcard $(TC_STAGE)/bin/$(TARGET)-*)))
BINUTILS_ALIASES = $(filter-out gcc g++ c++ cpp gcc-$(GCC_VERSION),$(TC_TOOL_NAMES))
install-exec-hook:
	cd '$(DESTDIR)$(bindir)' && for a in $(DRIVER_ALIASES); do \
	    rm -f $$a && $(LN_S) x86_64-none-gcc $$a || exit 1; \
	  done && \
	  for t in $(BINUTILS_ALIASES); do \
	    rm -f x86_64-none-$$t && $(LN_S) $(TARGET)-$$t x86_64-none-$$t || exit 1; \
	  done
uninstall-hook: uninstall-hook-man
	cd '$(DESTDIR)$(bindir)' && rm -f $(DRIVER_ALIASES) \
	  $(addprefix x86_64-none-,$(BINUTILS_ALIASES))
	@$(SHELL) $(srcdir)/toolchain/install-tree.sh --prune '$(TC_STAGE)' '$(DESTDIR)$(prefix)' \
	  '$(DESTDIR)$(kitsharedir)' '$(DESTDIR)$(kitincnonedir)' '$(DESTDIR)$(bindir)' \
	  '$(DESTDIR)$(man1dir)' '$(DESTDIR)$(docdir)' \
	  `for ml in \`cat $(RUNTIME_OUT)/multilibs 2>/dev/null\`; do echo '$(DESTDIR)$(kitlibdir)/'$$ml; done`


# ---------------------------------------------------------------------------
# The target rules: one table (tools/rules.def), from which gen-rules
# derives the spec file's self_spec line and the man page's list.
# gen-rules runs during the build, so it is a program for this machine
# (CC_FOR_BUILD), also when the kit is for another host.
GEN_RULES_SRC = tools/gen-rules.c tools/rules.c
tools/gen-rules$(EXEEXT): $(GEN_RULES_SRC) tools/rules.h tools/rules.def
	$(AM_V_CC)$(MKDIR_P) $(@D) && $(CC_FOR_BUILD) $(AM_CPPFLAGS) $(KIT_CFLAGS) -O2 \
	  -o $@ $(addprefix $(srcdir)/,$(GEN_RULES_SRC))
CLEANFILES += tools/gen-rules$(EXEEXT)
EXTRA_DIST += tools/rules.def specs/x86_64-none.specs.in tools/gen-rules.c

specs/x86_64-none.specs: specs/x86_64-none.specs.in crt/include/x86_64-none/kasan.h tools/gen-rules$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && spec=`tools/gen-rules$(EXEEXT) self-spec` && \
	  offset=`sed -n 's/^#define NONE_KASAN_SHADOW_OFFSET \(0x[0-9a-f]*\)ULL$$/\1/p' \
	    $(srcdir)/crt/include/x86_64-none/kasan.h` && test -n "$$offset" && \
	  sed -e "s|@SELF_SPEC@|$$spec|" -e "s|@KASAN_SHADOW_OFFSET@|$$offset|" \
	    $(srcdir)/specs/x86_64-none.specs.in > $@.tmp && mv $@.tmp $@
CLEANFILES += specs/x86_64-none.specs
