## The kit's target objects: runtime and start files, and its headers.
## Included by the top-level Makefile.am; paths are relative to the top.

# Target objects: the kit's runtime and start files, built with the staged
# cross compiler under the kit's own rules (the spec file users get), once
# for every multilib the kit's compiler selects (crt/multilibs.sh,
# crt/runtime.mk), into runtime/MULTILIB/.
TARGET_GCC = $(TOOLS_STAGE)/bin/$(TARGET)-gcc
TARGET_CC = $(TARGET_GCC) -specs=$(abs_top_builddir)/specs/x86_64-none.specs
TARGET_AR = $(TOOLS_STAGE)/bin/$(TARGET)-ar
# crt/include holds the kit's own headers (<x86_64-none/*.h>), which the
# host programs share; crt/libc-include the standard-named ones for the
# target (<string.h>, <assert.h>, ...), which must never shadow the host
# C library's in a host build.
# (Built with the same file prefix map as the programs.)
TARGET_CFLAGS = -std=c11 -O2 -g -Wall -Wextra -I$(abs_top_srcdir)/crt/include \
  -I$(abs_top_srcdir)/crt/libc-include $(KIT_PREFIX_MAP) $(TOOLS_PREFIX_MAP)
# The compiler's own headers (and newlib's) are named as if from this
# folder's staging tree, also when the native kit's compiler builds them
# (a kit for another host): the same objects either way.
TOOLS_PREFIX_MAP = -ffile-prefix-map=$(TOOLS_STAGE)=$(KIT_SOURCE_NAME)/build/destdir$(INTERNAL_PREFIX)
RUNTIME_OUT = runtime

.PHONY: runtime
runtime: toolchain-built.stamp specs/x86_64-none.specs
	+@multilibs=`$(SHELL) $(srcdir)/crt/multilibs.sh '$(TARGET_CC)'` && \
	  $(MAKE) -f $(abs_top_srcdir)/crt/runtime.mk srcdir='$(abs_top_srcdir)' \
	    OUT='$(RUNTIME_OUT)' MULTILIBS="$$multilibs" TARGET_CC='$(TARGET_CC)' \
	    TARGET_AR='$(TARGET_AR)' TARGET_CFLAGS='$(TARGET_CFLAGS)' \
	    NEWLIB_INCLUDE='$(if $(filter newlib,$(TC_PACKAGES)),$(TOOLS_STAGE)/$(TARGET)/lib/newlib-include)' \
	    REBUILD_ON='$(abs_top_builddir)/toolchain-built.stamp $(abs_top_builddir)/specs/x86_64-none.specs'
# The kit's programs need no toolchain; the target objects do.
all-local: runtime

# Installed where GCC looks for start files, libraries and spec files:
# spec files, linker script and headers next to the tool folder's lib,
# objects and libraries in each multilib's folder, next to its libgcc.
kitlibdir = $(prefix)/$(TARGET)/lib
kitincdir = $(kitlibdir)/x86_64-none-include
kitincnonedir = $(kitincdir)/x86_64-none

dist_kitinc_DATA = crt/libc-include/assert.h crt/libc-include/string.h \
  crt/libc-include/stdlib.h crt/libc-include/stdbit.h
dist_kitincnone_DATA = crt/include/x86_64-none/panic.h \
  crt/include/x86_64-none/boot.h crt/include/x86_64-none/qemu.h \
  crt/include/x86_64-none/exit-protocol.h crt/include/x86_64-none/cmdline.h \
  crt/include/x86_64-none/heap.h crt/include/x86_64-none/ubsan.h \
  crt/include/x86_64-none/kasan.h

install-data-local: runtime
	@for p in `cat $(RUNTIME_OUT)/paths`; do \
	  $(MKDIR_P) "$(DESTDIR)$(kitlibdir)/`dirname $$p`" && \
	  $(INSTALL_DATA) $(RUNTIME_OUT)/$$p '$(DESTDIR)$(kitlibdir)/'$$p || exit 1; \
	done
uninstall-local: uninstall-runtime
uninstall-runtime:
	@for p in `cat $(RUNTIME_OUT)/paths 2>/dev/null`; do rm -f '$(DESTDIR)$(kitlibdir)/'$$p; done

EXTRA_DIST += crt/runtime.mk crt/multilibs.sh crt/boot.S crt/crti.S crt/crtn.S crt/thunks.S crt/copy-cpu.h \
  crt/copy-strategy.h crt/unaligned.h \
  $(wildcard $(srcdir)/crt/*.c) $(wildcard $(srcdir)/crt/qemu/*.c) crt/qemu/decimal.h \
  crt/qemu/board.h crt/qemu/kasan-impl.h

