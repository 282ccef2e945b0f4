# GCC: the C compiler and libgcc (with the bare-metal multilibs added by
# patches/gcc-*/), configured --without-headers.
PACKAGES += gcc

gcc_VERSION := 12.2.0
# gcc's configure must find the x86_64-elf assembler and linker.
gcc_DEPENDS := binutils
gcc_CONFIGURE_ARGS := $(COMMON_CONFIGURE_ARGS) \
  --without-headers --enable-languages=c \
  --enable-multilib --disable-shared --disable-threads \
  --disable-lto --disable-plugin --disable-libssp --disable-libquadmath \
  --disable-libgomp --disable-libatomic --disable-libitm --disable-libvtv \
  --disable-libsanitizer --disable-decimal-float --without-isl \
  --disable-bootstrap --disable-libstdcxx
gcc_BUILD_TARGETS := all-gcc all-target-libgcc
gcc_INSTALL_TARGETS := install-strip-gcc install-strip-target-libgcc
