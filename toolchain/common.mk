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

# Reproducible toolchains: every file compiled for the toolchain (its
# programs and the target libraries libgcc, libstdc++, newlib) names the
# build folder $(TC_BUILD) as $(MAPPED_BUILD) in debug information,
# __FILE__ and assembler line tables, so two builds in different folders
# give the same bytes (and the stripped programs the same build IDs,
# which ld computes before stripping).  The flags reach each package
# through the environment (BUILD_FLAGS_ENV), never as configure
# arguments: GCC records its configure command line in the compiler
# ("Configured with:").  -g -O2 is what each package uses by default.
MAPPED_BUILD := /usr/src/x86_64-none-toolchain
PREFIX_MAP = -ffile-prefix-map=$(TC_BUILD)=$(MAPPED_BUILD)
BUILD_CFLAGS = -g -O2 $(PREFIX_MAP)
BUILD_FLAGS_ENV = CFLAGS='$(BUILD_CFLAGS)' CXXFLAGS='$(BUILD_CFLAGS)' \
  CFLAGS_FOR_TARGET='$(BUILD_CFLAGS)' CXXFLAGS_FOR_TARGET='$(BUILD_CFLAGS)'
