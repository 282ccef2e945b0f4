# The step machinery every toolchain package shares.
#
# A package fragment (binutils.mk, gcc.mk, newlib.mk, ...) adds its name to
# PACKAGES and sets NAME_DEPENDS (packages whose install must
# come first), NAME_CONFIGURE_ARGS, NAME_BUILD_TARGETS and
# NAME_INSTALL_TARGETS, and may set NAME_POST_INSTALL (a command run after
# the install) and NAME_SOURCE_OF (another package whose tarball and
# patches it is built from, in a source tree of its own: a second
# configuration of the same sources, as newlib-nano is of newlib), and
# NAME_PATCHES_REQUIRED := yes when the kit needs its patches (a missing
# patch folder is then an error at once, not an unpatched build).
# NAME_VERSION comes from the manifest, the one place a version is
# written (source.sh version NAME).  Each package then gets six steps, each remembered by a
# stamp in $(STAMPS): source (find and verify the tarball), unpack (checked
# again first), patch, configure, build and install (into the staging tree
# $(TC_DESTDIR)).
#
# A failed configure or build step leaves no stamp and takes the configure
# stamp with it: the next make starts that package again from a fresh
# object folder, never from a half-made one (a generated file left empty by
# a missing flex or bison would otherwise break every later attempt).

STEP_NAMES := source unpack patch configure build install

ALL_STEPS = $(foreach p,$(PACKAGES),$(addprefix $(p)-,$(STEP_NAMES)))

# The 1-based position of word $1 in $(ALL_STEPS), for "[i/N]" lines.
step_index_ = $(if $(filter $1,$(firstword $2)),$(words $3 x),$(call step_index_,$1,$(wordlist 2,$(words $2),$2),$3 x))
step_index = $(call step_index_,$1,$(ALL_STEPS),)

# $(call run_step,PACKAGE,STEP,COMMAND)
run_step = $(SHELL) $(TC_SRCDIR)/step.sh $(call step_index,$1-$2) \
  $(words $(ALL_STEPS)) $1 $2 $(LOGS)/$1-$2.log $3

# $(call manifest_version,NAME): NAME's version, from the manifest.
manifest_version = $(or $(shell MANIFEST=$(TC_SRCDIR)/manifest $(SHELL) $(TC_SRCDIR)/source.sh version $1),\
  $(error $1 has no row in $(TC_SRCDIR)/manifest: add one (docs/maintainers.md)))

define package_steps
# The manifest row and patch folder: the package's own, or its SOURCE_OF's.
$(1)_ORIGIN := $$(or $$($(1)_SOURCE_OF),$(1))
$(1)_VERSION := $$(call manifest_version,$$($(1)_ORIGIN))
$(1)_PATCH_DIR := $(TC_SRCDIR)/patches/$$($(1)_ORIGIN)-$$($(1)_VERSION)
$$(if $$($(1)_PATCHES_REQUIRED),$$(if $$(wildcard $$($(1)_PATCH_DIR)/*.patch),,\
  $$(error $(1) $$($(1)_VERSION): patch folder $$($(1)_PATCH_DIR) is missing or empty: rename the previous version's folder to it and check each patch applies (docs/maintainers.md))))
$(1)_SRC := $(SRC)/$(1)-$$($(1)_VERSION)
$(1)_SRC_FROM_OBJ := $(SRC_FROM_OBJ)/$(1)-$$($(1)_VERSION)
$(1)_OBJ := $(OBJ)/$(1)
# Every file of the patch folder: patches and overlay/.
$(1)_PATCHES := $$(sort $$(shell test -d $$($(1)_PATCH_DIR) && find $$($(1)_PATCH_DIR) -type f))

# A SOURCE_OF package takes the tarball its origin fetched (never two
# fetches of one package at a time).
$(STAMPS)/$(1)-source: $(TC_SRCDIR)/manifest $$(if $$($(1)_SOURCE_OF),$(STAMPS)/$$($(1)_SOURCE_OF)-source)
	@mkdir -p $(STAMPS)
	@$$(call run_step,$(1),source,$$(if $$($(1)_SOURCE_OF),true,env MANIFEST=$(TC_SRCDIR)/manifest \
	  SOURCE_DIR='$(SOURCE_DIR)' SOURCE_CACHE='$(SOURCE_CACHE)' \
	  DEBIAN_ARCHIVE='$(DEBIAN_ARCHIVE)' MIRROR='$(MIRROR)' $(SHELL) $(TC_SRCDIR)/source.sh fetch $(1) $(DOWNLOADS)))
	@touch $$@

# A changed patch means a fresh tree: patches apply once.
$(STAMPS)/$(1)-unpack: $(STAMPS)/$(1)-source $$($(1)_PATCHES)
	@$$(call run_step,$(1),unpack,env MANIFEST=$(TC_SRCDIR)/manifest \
	  $(SHELL) $(TC_SRCDIR)/source.sh unpack $$($(1)_ORIGIN) $(DOWNLOADS) $$($(1)_SRC))
	@touch $$@

$(STAMPS)/$(1)-patch: $(STAMPS)/$(1)-unpack
	@$$(call run_step,$(1),patch,$(SHELL) $(TC_SRCDIR)/apply-patches.sh \
	  $$($(1)_SRC) $$($(1)_PATCH_DIR) $$(if $$($(1)_PATCHES_REQUIRED),required,optional))
	@touch $$@

$(STAMPS)/$(1)-configure: $(STAMPS)/$(1)-patch $(TC_SRCDIR)/$(1).mk \
    $(TC_SRCDIR)/common.mk $$(foreach d,$$($(1)_DEPENDS),$(STAMPS)/$$(d)-install)
	@rm -rf $$($(1)_OBJ) && mkdir -p $$($(1)_OBJ)
	@$$(call run_step,$(1),configure,env $(HOST_ENV) $(SHELL) \
	  $(TC_SRCDIR)/in-dir.sh $$($(1)_OBJ) \
	  $$($(1)_SRC_FROM_OBJ)/configure $$($(1)_CONFIGURE_ARGS))
	@touch $$@

$(STAMPS)/$(1)-build: $(STAMPS)/$(1)-configure
	+@$$(call run_step,$(1),build,env $(HOST_ENV) $$(MAKE) -C $$($(1)_OBJ) \
	  $(COMMON_MAKE_ARGS) $$($(1)_BUILD_TARGETS)) || \
	  { rm -f $(STAMPS)/$(1)-configure; \
	    echo "$(1): the next make starts its build again from a fresh $$($(1)_OBJ)" >&2; \
	    exit 1; }
	@touch $$@

$(STAMPS)/$(1)-install: $(STAMPS)/$(1)-build
	+@$$(call run_step,$(1),install,env $(HOST_ENV) $(SHELL) -c \
	  '$$(MAKE) -C $$($(1)_OBJ) $(COMMON_MAKE_ARGS) DESTDIR=$(TC_DESTDIR) \
	    $$($(1)_INSTALL_TARGETS) $$(if $$($(1)_POST_INSTALL),&& $$($(1)_POST_INSTALL))')
	@touch $$@
endef
