# The toolchain for another host: a Canadian cross (built on this machine,
# run on TC_HOST, compiling for x86_64-elf), for configure --host.
#
# Run by the top-level Makefile as
#   $(MAKE) -f toolchain/canadian.mk host-toolchain TC_HOST=aarch64-linux-gnu \
#     TC_BUILD=DIR NATIVE_STAGE=DIR SYSROOT=DIR HOST_CC=... HOST_CXX=... ...
# It reads toolchain.mk for the packages and their six steps and changes
# only what a Canadian cross changes: each package is configured
# --build=this machine --host=TC_HOST, its host compilers are TC_HOST's,
# its host libraries come from SYSROOT (toolchain/host-libs.sh, configure
# unpacks it), and the native toolchain of NATIVE_STAGE (an installed
# native kit) is first on PATH, so GCC's configure sees the same
# x86_64-elf assembler and linker as the native build did.  Only host
# programs are built (binutils, GCC's compilers and LTO plugin, GDB); the
# target libraries do not depend on the host, so the tree takes them from
# NATIVE_STAGE (merge-target.sh): built once, the same bytes.

CANADIAN_MK := $(abspath $(lastword $(MAKEFILE_LIST)))
include $(dir $(CANADIAN_MK))toolchain.mk

TC_HOST ?=
NATIVE_STAGE ?=
SYSROOT ?=
BUILD_CC ?= gcc
BUILD_CXX ?= g++
$(if $(and $(TC_HOST),$(NATIVE_STAGE),$(SYSROOT)),,\
  $(error canadian.mk needs TC_HOST, NATIVE_STAGE and SYSROOT: run make from a build folder configured with --host))

BUILD_TRIPLET := $(shell $(BUILD_CC) -dumpmachine)
CANADIAN_PACKAGES := $(filter binutils gcc gdb,$(PACKAGES))
CANADIAN_ARGS := --build=$(BUILD_TRIPLET) --host=$(TC_HOST)
$(foreach p,$(CANADIAN_PACKAGES),$(eval $(p)_CONFIGURE_ARGS += $(CANADIAN_ARGS)))
gcc_BUILD_TARGETS := all-gcc
gcc_INSTALL_TARGETS := install-strip-gcc install-strip-lto-plugin

# The host's libraries and headers, and nothing of this machine's: its
# pkg-config sees only the sysroot's modules.  (The build machine's own
# programs, GCC's generators, take none of these flags.)  The native
# toolchain is first on PATH.  No commas: toolchain.mk's steps pass
# HOST_ENV through $(call).
SYSROOT_LIBDIRS := $(SYSROOT)/usr/lib/$(TC_HOST) $(SYSROOT)/lib/$(TC_HOST)
CANADIAN_ENV := PATH=$(NATIVE_STAGE)/bin:$(PATH) \
  CC='$(strip $(CCACHE) $(HOST_CC))' CXX='$(strip $(CCACHE) $(HOST_CXX))' \
  CC_FOR_BUILD='$(strip $(CCACHE) $(BUILD_CC))' \
  CXX_FOR_BUILD='$(strip $(CCACHE) $(BUILD_CXX))' \
  CPPFLAGS='-I$(SYSROOT)/usr/include/$(TC_HOST) -I$(SYSROOT)/usr/include' \
  LDFLAGS='$(addprefix -L,$(SYSROOT_LIBDIRS)) -Xlinker -rpath-link -Xlinker $(subst $(eval) ,:,$(SYSROOT_LIBDIRS))' \
  CPPFLAGS_FOR_BUILD= LDFLAGS_FOR_BUILD= \
  PKG_CONFIG_LIBDIR='$(SYSROOT)/usr/lib/$(TC_HOST)/pkgconfig:$(SYSROOT)/usr/share/pkgconfig' \
  PKG_CONFIG_SYSROOT_DIR='$(SYSROOT)' \
  $(if $(CCACHE),CCACHE_BASEDIR=$(TC_BUILD) CCACHE_NOHASHDIR=1) \
  $(BUILD_FLAGS_ENV)

# A package's configure waits for the sysroot.
$(foreach p,$(CANADIAN_PACKAGES),$(STAMPS)/$(p)-configure): $(SYSROOT)/.complete
$(SYSROOT)/.complete:
	@echo "canadian.mk: $(SYSROOT) holds no host libraries: run configure again, which unpacks them" >&2
	@exit 1

# Its own cache key and cache folder (beside the native one, never pruned
# with it): the native inputs, this file, the host libraries' pins and the
# host compiler.
HOST_CACHE_INPUTS := $(CACHE_INPUTS) $(CANADIAN_MK) $(TC_SRCDIR)/host-libs.manifest \
  $(TC_SRCDIR)/host-libs.sh
HOST_KEY := $(shell $(SHELL) $(TC_SRCDIR)/cache-key.sh $(abspath $(TC_SRCDIR)/..) \
  '$(HOST_CC)' $(HOST_CACHE_INPUTS))
HOST_ENTRY := $(if $(TC_CACHE),$(TC_CACHE)-$(TC_HOST)/$(HOST_KEY))
HOST_STAMP := $(STAMPS)/host-toolchain-$(HOST_KEY)
MERGED_STAMP := $(STAMPS)/host-merged

.PHONY: host-toolchain print-host-key
ifneq ($(origin HOST_ENV),command line)
# toolchain.mk's steps take HOST_ENV as they are defined, before this file
# could change it: a second make gets it on its command line, which
# overrides toolchain.mk's.
host-toolchain print-host-key:
	+@$(MAKE) -f $(CANADIAN_MK) HOST_ENV='$(subst ','\'',$(CANADIAN_ENV))' $@
else
host-toolchain: $(MERGED_STAMP)
ifneq ($(KEY_FILE),)
	@if test "`cat $(KEY_FILE) 2>/dev/null`" != "$(HOST_KEY)"; then \
	  echo "$(HOST_KEY)" > $(KEY_FILE); fi
endif
print-host-key:
	@echo $(HOST_KEY)

ifneq ($(wildcard $(HOST_ENTRY)/complete),)
$(HOST_STAMP):
	@echo "[1/1] $(TC_HOST) toolchain: restored from cache $(HOST_ENTRY)"
	@rm -rf $(TC_DESTDIR) && mkdir -p $(dir $(TC_STAGE)) $(STAMPS)
	@cp -a $(HOST_ENTRY)/tree $(TC_STAGE)
	@rm -f $(STAMPS)/host-toolchain-* $(MERGED_STAMP) && touch $@
else
$(HOST_STAMP): $(foreach p,$(CANADIAN_PACKAGES),$(STAMPS)/$(p)-install)
	@$(if $(HOST_ENTRY),$(SHELL) $(TC_SRCDIR)/cache-store.sh $(TC_STAGE) $(HOST_ENTRY))
	@rm -f $(STAMPS)/host-toolchain-* $(MERGED_STAMP) && touch $@
endif

# The native kit's target files, and a check that no program of this
# machine's came with them.
$(MERGED_STAMP): $(HOST_STAMP) $(TC_SRCDIR)/merge-target.sh
	@$(SHELL) $(TC_SRCDIR)/merge-target.sh $(NATIVE_STAGE) $(TC_STAGE) $(TARGET)
	@touch $@
endif
