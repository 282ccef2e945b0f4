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

