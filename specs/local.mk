## Spec files, the linker script and the build-system files users get.
## Included by the top-level Makefile.am; paths are relative to the top.

kitlib_DATA = specs/x86_64-none.specs
dist_kitlib_DATA = specs/x86_64-none.ld \
  specs/pvh.specs specs/multiboot.specs specs/multiboot2.specs specs/qemu.specs \
  specs/x86_64-none-c++.specs
# newlib.specs and nano.specs only where there is a newlib for them.
if NEWLIB
kitlib_DATA += specs/newlib.specs specs/nano.specs
endif
EXTRA_DIST += specs/newlib.specs specs/nano.specs

# Build-system files for projects of the users: a CMake toolchain file
# and a Meson cross file, each finding the kit relative to itself.
kitsharedir = $(datadir)/x86_64-none
dist_kitshare_DATA = specs/toolchain.cmake specs/meson-cross.ini


# The manifest x86_64-none-gcc --kit-id hashes with every file it names
# (tools/kit-id.c): the toolchain by its cache key (toolchain-built.stamp
# holds it), the spec files and linker script, each multilib's runtime.
kitlib_DATA += specs/x86_64-none.id
CLEANFILES += specs/x86_64-none.id
# (After the runtime, whose list of installed files it reads; rewritten
# when the toolchain, that list or this Makefile's list of spec files
# changes.)
specs/x86_64-none.id: toolchain-built.stamp $(srcdir)/crt/runtime.mk Makefile | runtime
	@{ echo "# x86_64-none-gcc --kit-id hashes this file and every file it names."; \
	  echo "toolchain `cat toolchain-built.stamp`"; \
	  echo "kit $(PACKAGE_VERSION)"; \
	  for f in $(notdir $(filter-out specs/x86_64-none.id,$(kitlib_DATA)) $(dist_kitlib_DATA)); do \
	    echo "file $$f"; done; \
	  for p in `cat $(RUNTIME_OUT)/paths`; do echo "file $$p"; done; } > $@.tmp && mv $@.tmp $@
