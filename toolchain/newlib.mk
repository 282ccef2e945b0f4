# newlib: the C library (libc.a, libm.a, libg.a) for every multilib of
# the GCC built before it, the kernel multilib under the kit's rules (no
# red zone, kernel code model, general registers only, soft-float ABI).
# Optional: configure --enable-newlib.
#
# Its libraries go where GCC looks for each multilib's libraries
# (x86_64-elf/lib/MULTILIB/libc.a, ...), harmless to a program that does
# not ask for -lc.  Its headers move out of GCC's default include path to
# x86_64-elf/lib/newlib-include, which only newlib.specs and nano.specs add: a
# program built without it keeps the kit's freestanding headers and never
# sees newlib's <stdio.h>.
PACKAGES += newlib

newlib_PATCHES_REQUIRED := yes
newlib_DEPENDS := gcc
# The system calls (write, sbrk, ...) come from the board (the QEMU
# board's system layer in libnone-qemu.a, or the user's own), not from
# libgloss.  -ffunction-sections/-fdata-sections: a kernel linked with
# --gc-sections keeps only what it calls.  No unwind tables: panic =
# abort, as the kit's rules say for every program.
newlib_CONFIGURE_ARGS := $(COMMON_CONFIGURE_ARGS) \
  --disable-newlib-supplied-syscalls --disable-libgloss \
  --enable-newlib-io-long-long --enable-newlib-io-c99-formats \
  --enable-newlib-register-fini --disable-newlib-multithread \
  'CFLAGS_FOR_TARGET=$(BUILD_CFLAGS) -ffunction-sections -fdata-sections \
    -fno-asynchronous-unwind-tables -fno-unwind-tables'
newlib_BUILD_TARGETS := all
newlib_INSTALL_TARGETS := install
# (x86_64-elf/include also holds GCC's C++ headers, in c++/: they stay.)
newlib_POST_INSTALL = cd $(TC_STAGE)/$(TARGET) && rm -rf lib/newlib-include && \
  mkdir lib/newlib-include && \
  for f in include/*; do test "$$f" = include/c++ || mv "$$f" lib/newlib-include/ || exit 1; done
