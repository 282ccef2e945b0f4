# GCC: the C and C++ compilers, LTO, libgcc and libstdc++'s freestanding
# subset (libsupc++ and the freestanding headers), each target library
# built for every multilib added by patches/gcc-*/; configured
# --without-headers, and --with-newlib when newlib is among the packages.
PACKAGES += gcc

gcc_PATCHES_REQUIRED := yes
# gcc's configure must find the x86_64-elf assembler and linker.
gcc_DEPENDS := binutils
# No --disable-shared: it would also build the LTO plugin (a host shared
# object) static-only.  x86_64-elf has no shared libgcc either way.
gcc_CONFIGURE_ARGS := $(COMMON_CONFIGURE_ARGS) \
  --without-headers --enable-languages=c,c++ --enable-lto \
  --enable-multilib --disable-threads --disable-plugin --disable-libcc1 \
  --disable-libssp --disable-libquadmath --disable-libgomp \
  --disable-libatomic --disable-libitm --disable-libvtv \
  --disable-libsanitizer --disable-decimal-float --without-isl \
  --without-zstd --disable-bootstrap \
  --disable-hosted-libstdcxx --disable-libstdcxx-pch \
  --disable-libstdcxx-verbose \
  $(if $(filter newlib,$(TC_PACKAGE_NAMES)),--with-newlib)
gcc_BUILD_TARGETS := all-gcc all-target-libgcc all-target-libstdc++-v3
gcc_INSTALL_TARGETS := install-strip-gcc install-strip-lto-plugin \
  install-strip-target-libgcc install-strip-target-libstdc++-v3
# ar, nm and ranlib load the LTO plugin from lib/bfd-plugins.
gcc_POST_INSTALL = mkdir -p $(TC_STAGE)/lib/bfd-plugins && \
  ln -sf ../../libexec/gcc/$(TARGET)/$(gcc_VERSION)/liblto_plugin.so \
    $(TC_STAGE)/lib/bfd-plugins/liblto_plugin.so && \
  test -f $(TC_STAGE)/lib/bfd-plugins/liblto_plugin.so
