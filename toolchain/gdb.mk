# GDB for x86_64-elf (QEMU's gdb stub), without Python.  Its source is a
# whole binutils-gdb tree: only gdb and what it needs is built.
PACKAGES += gdb

gdb_DEPENDS :=
gdb_CONFIGURE_ARGS := $(COMMON_CONFIGURE_ARGS) \
  --disable-binutils --disable-ld --disable-gas --disable-gold \
  --disable-gprofng --disable-sim --disable-gdbserver \
  --with-python=no --with-expat
gdb_BUILD_TARGETS := all-gdb
gdb_INSTALL_TARGETS := install-strip-gdb
