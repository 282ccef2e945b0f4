# newlib-nano: newlib configured small, as arm-none-eabi users know it
# (--specs=nano.specs): newlib's reduced formatted I/O (no floating point
# in printf/scanf unless the program links it with -u _printf_float or
# -u _scanf_float), its small allocator, small reentrancy structures and
# exit, no wide-character orientation.  Built from newlib's tarball and
# patches (SOURCE_OF) with newlib's configuration plus the nano options;
# installed as libc_nano.a and libg_nano.a in each multilib folder, and
# its newlib.h as newlib-include/newlib-nano/newlib.h, next to newlib's
# (newlib-nano-install.sh).  Optional: part of configure --enable-newlib.
PACKAGES += newlib-nano

newlib-nano_SOURCE_OF := newlib
# Installs into newlib's tree (its libraries and headers must be there).
newlib-nano_DEPENDS := newlib
newlib-nano_CONFIGURE_ARGS := $(newlib_CONFIGURE_ARGS) \
  --enable-newlib-nano-formatted-io --enable-newlib-nano-malloc \
  --enable-newlib-reent-small --enable-lite-exit --enable-newlib-global-atexit \
  --disable-newlib-fvwrite-in-streamio --disable-newlib-fseek-optimization \
  --disable-newlib-wide-orient --disable-newlib-unbuf-stream-opt
newlib-nano_BUILD_TARGETS := all
# Installed on the side, then renamed into the staging tree.
newlib-nano_ASIDE = $(TC_BUILD)/newlib-nano-install
newlib-nano_INSTALL_TARGETS = install DESTDIR=$(newlib-nano_ASIDE)
newlib-nano_POST_INSTALL = $(SHELL) $(TC_SRCDIR)/newlib-nano-install.sh \
  $(newlib-nano_ASIDE)$(INTERNAL_PREFIX)/$(TARGET) $(TC_STAGE)/$(TARGET)
