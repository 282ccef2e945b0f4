# Settings every package of the toolchain shares.  Part of the cache key.

TARGET := x86_64-elf

# The toolchain is configured for this prefix and installed into a staging
# tree; "make install" copies it to the real prefix.  GCC and binutils find
# their own files relative to their location, so the tree is relocatable
# and one cached build serves every --prefix.
INTERNAL_PREFIX := /opt/x86_64-none

# Options for every configure: nothing nobody uses.
COMMON_CONFIGURE_ARGS := --target=$(TARGET) --prefix=$(INTERNAL_PREFIX) \
  --disable-nls --disable-werror --with-pkgversion="x86_64-none kit"

# The kit does not build the manuals (Debian's GCC tarball has none).
COMMON_MAKE_ARGS := MAKEINFO=true
