# Build the x86_64-elf cross toolchain into a staging tree.
#
# Run by the top-level Makefile as
#   $(MAKE) -f toolchain/toolchain.mk TC_BUILD=DIR [SOURCE_DIR=...] ...
# It is plain GNU make.  TC_PACKAGE_NAMES, the packages to build in order,
# comes from configure (one fragment toolchain/NAME.mk each).  Nothing here
# touches the install prefix: "make install" copies the staging tree there.

TC_SRCDIR := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))

# Set by the caller (configure records the choices).
TC_BUILD ?= $(CURDIR)/build
SOURCE_DIR ?=
SOURCE_CACHE ?=
MIRROR ?=
DEBIAN_ARCHIVE ?=
TC_CACHE ?=
HOST_CC ?= gcc
HOST_CXX ?= g++
CCACHE ?=

include $(TC_SRCDIR)/common.mk

.DEFAULT_GOAL := toolchain

TC_PACKAGE_NAMES ?=
ifeq ($(strip $(TC_PACKAGE_NAMES)),)
$(error TC_PACKAGE_NAMES is empty: run make from the top-level build folder, which passes configure's list)
endif
include $(addprefix $(TC_SRCDIR)/,$(addsuffix .mk,$(TC_PACKAGE_NAMES)))
include $(TC_SRCDIR)/steps.mk

STAMPS := $(TC_BUILD)/stamps
LOGS := $(TC_BUILD)/logs
DOWNLOADS := $(TC_BUILD)/sources
SRC := $(TC_BUILD)/src
OBJ := $(TC_BUILD)/obj
# $(SRC) as seen from a package's folder $(OBJ)/NAME.  Configure runs by
# this relative path: GCC records how it was called, and the build
# folder's path must not enter the compiler.
SRC_FROM_OBJ := ../../src
TC_DESTDIR := $(TC_BUILD)/destdir
TC_STAGE := $(TC_DESTDIR)$(INTERNAL_PREFIX)

# ccache keys on relative paths below the build, so a rebuild in another
# checkout still hits.
HOST_ENV := PATH=$(TC_STAGE)/bin:$(PATH) \
  CC='$(strip $(CCACHE) $(HOST_CC))' CXX='$(strip $(CCACHE) $(HOST_CXX))' \
  $(if $(CCACHE),CCACHE_BASEDIR=$(TC_BUILD) CCACHE_NOHASHDIR=1) \
  $(BUILD_FLAGS_ENV)

$(foreach p,$(PACKAGES),$(eval $(call package_steps,$(p))))

# The cache key's inputs, derived, never listed by hand: every make file
# read (make's own MAKEFILE_LIST), the manifest, every file of each
# package's patch folder (patches and overlay), and every script a step
# runs from $(TC_SRCDIR), found in the recipes' own text (cache-key.sh
# adds the scripts those run).
TC_RECIPE_TEXT := $(value package_steps) $(value run_step) \
  $(foreach p,$(PACKAGES),$(value $(p)_POST_INSTALL))
TC_RECIPE_SCRIPTS := $(patsubst $$(TC_SRCDIR)/%,$(TC_SRCDIR)/%, \
  $(filter $$(TC_SRCDIR)/%.sh,$(TC_RECIPE_TEXT)))
CACHE_INPUTS := $(sort $(abspath $(MAKEFILE_LIST)) $(TC_SRCDIR)/manifest \
  $(foreach p,$(PACKAGES),$($(p)_PATCHES)) $(TC_RECIPE_SCRIPTS))
CACHE_KEY := $(shell $(SHELL) $(TC_SRCDIR)/cache-key.sh $(abspath $(TC_SRCDIR)/..) \
  '$(HOST_CC)' $(CACHE_INPUTS))
CACHE_ENTRY := $(if $(TC_CACHE),$(TC_CACHE)/$(CACHE_KEY))
TOOLCHAIN_STAMP := $(STAMPS)/toolchain-$(CACHE_KEY)
ALL_INSTALLS := $(foreach p,$(PACKAGES),$(STAMPS)/$(p)-install)

# KEY_FILE, when given, receives the cache key, rewritten only when it
# changes: the caller's targets that depend on it rebuild only then.
KEY_FILE ?=

.PHONY: toolchain print-cache-key print-cache-inputs print-version
toolchain: $(TOOLCHAIN_STAMP)
ifneq ($(KEY_FILE),)
	@if test "`cat $(KEY_FILE) 2>/dev/null`" != "$(CACHE_KEY)"; then \
	  echo "$(CACHE_KEY)" > $(KEY_FILE); fi
endif

ifneq ($(wildcard $(CACHE_ENTRY)/complete),)
# Same inputs were built before: reuse that tree.
$(TOOLCHAIN_STAMP):
	@echo "[1/1] toolchain: restored from cache $(CACHE_ENTRY)"
	@rm -rf $(TC_DESTDIR) && mkdir -p $(dir $(TC_STAGE)) $(STAMPS)
	@cp -a $(CACHE_ENTRY)/tree $(TC_STAGE)
	@rm -f $(STAMPS)/toolchain-* && touch $@
else
$(TOOLCHAIN_STAMP): $(ALL_INSTALLS)
	@$(if $(CACHE_ENTRY),$(SHELL) $(TC_SRCDIR)/cache-store.sh $(TC_STAGE) $(CACHE_ENTRY))
	@rm -f $(STAMPS)/toolchain-* && touch $@
endif

# For configure, the tests and the maintainer's guide.
print-cache-key:
	@echo $(CACHE_KEY)
print-cache-inputs:
	@printf '%s\n' $(CACHE_INPUTS)
# make -f toolchain.mk print-version PACKAGE=NAME
print-version:
	@echo $($(PACKAGE)_VERSION)

# make check-gcc: GCC's testsuite folder (and the script that merges the
# parallel runs' results) from the same verified tarball the compiler
# was built from, whether the toolchain came from the cache or not.
GCC_TESTSUITE := $(TC_BUILD)/gcc-testsuite

.PHONY: gcc-testsuite
gcc-testsuite: $(STAMPS)/gcc-testsuite

$(STAMPS)/gcc-testsuite: $(STAMPS)/gcc-source
	@env MANIFEST=$(TC_SRCDIR)/manifest $(SHELL) $(TC_SRCDIR)/source.sh unpack gcc \
	  $(DOWNLOADS) $(GCC_TESTSUITE) gcc/testsuite contrib/dg-extract-results.sh
	@touch $@
