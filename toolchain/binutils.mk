# binutils: assembler, linker and the ELF tools for x86_64-elf.
PACKAGES += binutils

# patches/binutils-*/: gas treats / as division.
binutils_PATCHES_REQUIRED := yes
binutils_DEPENDS :=
binutils_CONFIGURE_ARGS := $(COMMON_CONFIGURE_ARGS) \
  --disable-gdb --disable-gdbserver --disable-sim --disable-gprofng \
  --disable-readline --disable-libdecnumber --disable-gold \
  --enable-deterministic-archives --enable-ld=default --enable-plugins
binutils_BUILD_TARGETS := all
binutils_INSTALL_TARGETS := install-strip
