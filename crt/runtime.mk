# The kit's runtime and start files, built once per multilib from one
# template (GNU make).  Run by the top-level Makefile as
#   $(MAKE) -f crt/runtime.mk srcdir=DIR OUT=DIR MULTILIBS='DIR;@F@F ...' \
#     TARGET_CC='...' TARGET_AR=... TARGET_CFLAGS='...' REBUILD_ON='FILE...'
# Each multilib DIR gets, in $(OUT)/DIR/: crti.o crtn.o, the boot stubs
# pvh.o multiboot.o multiboot2.o, the QEMU board's qemu-start.o, libnone.a
# (the runtime), libnone-qemu.a (the board runtime), libnone-kasan.a (the
# board's KASAN runtime, which qemu.specs links for -fsanitize=kernel-address)
# and libubsan.a (the
# UBSan runtime GCC's driver links for -fsanitize=undefined), compiled with the
# multilib's own flags on top of the kit's rules.  Objects track their
# headers (-MMD -MP).  $(OUT)/multilibs lists the folders, $(OUT)/paths
# the installed files.

srcdir ?= .
OUT ?= runtime
# Files whose change rebuilds every object: the toolchain's stamp (its
# cache key) and the spec file of the rules.
REBUILD_ON ?=
MULTILIBS ?=
V ?= 0
.DEFAULT_GOAL := all
ifeq ($(strip $(MULTILIBS)),)
$(error no multilibs: is the toolchain built?)
endif

# The string functions must not be turned back into calls to themselves.
RUNTIME_CFLAGS := $(TARGET_CFLAGS) -fno-builtin -fno-tree-loop-distribute-patterns
RUNTIME_SRCS := string memset compare cstring c23-new cstdbit runtime abort stack-protector \
  atomic16 start bootinfo \
  cxx-new cxx-abi cxx-guard cxx-atexit
# Assembly: the retpoline and return thunks (-mindirect-branch=thunk-extern,
# -mfunction-return=thunk-extern).
RUNTIME_ASM_SRCS := thunks
# Built with frame pointers: the panic path, so that a panic's backtrace
# (the QEMU board prints the frame-pointer chain) passes through it.
FRAME_POINTER_SRCS := runtime
QEMU_SRCS := console printf decimal stdio exit heap clock gcov
# NEWLIB_INCLUDE (newlib's installed headers), when newlib is built: the
# board's system layer for newlib (crt/qemu/sys.c) joins libnone-qemu.a.
NEWLIB_INCLUDE ?=
QEMU_NEWLIB_SRCS := $(if $(NEWLIB_INCLUDE),sys)
# The board's KASAN runtime: built like the string functions (no loop may
# become a call of a function it checks), with frame pointers and without
# sibling calls (its reports and allocation traces walk the chain from its
# entry points' frames); newlib's malloc family where newlib is built.
KASAN_SRCS := kasan kasan-globals kasan-stack kasan-heap kasan-string
KASAN_NEWLIB_SRCS := $(if $(NEWLIB_INCLUDE),kasan-newlib)
KASAN_CFLAGS := $(RUNTIME_CFLAGS) -fno-omit-frame-pointer -fno-optimize-sibling-calls
# stub name and the protocol boot.S is built for
BOOT_STUBS := pvh:BOOT_PVH multiboot:BOOT_MULTIBOOT multiboot2:BOOT_MULTIBOOT2
OUTPUT_NAMES := crti.o crtn.o pvh.o multiboot.o multiboot2.o qemu-start.o \
  libnone.a libnone-qemu.a libnone-kasan.a libubsan.a

ml_dir = $(firstword $(subst ;, ,$1))
ml_flags = $(subst @, -,$(word 2,$(subst ;, ,$1)))
quiet = $(if $(filter 1,$(V)),,@echo "  $1 $2";)

# $(call object,OBJECT,SOURCE,FLAGS)
define object
$1: $2 $(REBUILD_ON) | $(patsubst %/,%,$(dir $1))
	$$(call quiet,TCC     ,$1)$(TARGET_CC) $3 -MMD -MP -c -o $1 $2
-include $(1:.o=.d)
endef

# $(call archive,ARCHIVE,OBJECTS)
define archive
$1: $2
	$$(call quiet,AR      ,$1)rm -f $1 && $(TARGET_AR) rcs $1 $2
endef

# $(call multilib,DIR,FLAGS)
define multilib
$(foreach s,$(RUNTIME_SRCS),$(call object,$(OUT)/$1/$s.o,$(srcdir)/crt/$s.c,$2 $(RUNTIME_CFLAGS) $(if $(filter $s,$(FRAME_POINTER_SRCS)),-fno-omit-frame-pointer))
)
$(foreach s,$(QEMU_SRCS),$(call object,$(OUT)/$1/qemu/$s.o,$(srcdir)/crt/qemu/$s.c,$2 $(TARGET_CFLAGS))
)
$(foreach s,$(QEMU_NEWLIB_SRCS),$(call object,$(OUT)/$1/qemu/$s.o,$(srcdir)/crt/qemu/$s.c,$2 $(TARGET_CFLAGS) -isystem $(NEWLIB_INCLUDE))
)
$(foreach s,$(KASAN_SRCS),$(call object,$(OUT)/$1/qemu/$s.o,$(srcdir)/crt/qemu/$s.c,$2 $(KASAN_CFLAGS))
)
$(foreach s,$(KASAN_NEWLIB_SRCS),$(call object,$(OUT)/$1/qemu/$s.o,$(srcdir)/crt/qemu/$s.c,$2 $(KASAN_CFLAGS) -isystem $(NEWLIB_INCLUDE))
)
# Frame pointers: the exception and panic reports walk the chain.
$(call object,$(OUT)/$1/qemu-start.o,$(srcdir)/crt/qemu/start.c,$2 $(TARGET_CFLAGS) -fno-omit-frame-pointer)
$(foreach s,crti crtn,$(call object,$(OUT)/$1/$s.o,$(srcdir)/crt/$s.S,$2 $(TARGET_CFLAGS))
)
$(foreach b,$(BOOT_STUBS),$(call object,$(OUT)/$1/$(word 1,$(subst :, ,$b)).o,$(srcdir)/crt/boot.S,$2 $(TARGET_CFLAGS) -D$(word 2,$(subst :, ,$b)))
)
$(foreach s,$(RUNTIME_ASM_SRCS),$(call object,$(OUT)/$1/$s.o,$(srcdir)/crt/$s.S,$2 $(TARGET_CFLAGS))
)
$(call archive,$(OUT)/$1/libnone.a,$(RUNTIME_SRCS:%=$(OUT)/$1/%.o) $(RUNTIME_ASM_SRCS:%=$(OUT)/$1/%.o))
$(call object,$(OUT)/$1/ubsan.o,$(srcdir)/crt/ubsan.c,$2 $(RUNTIME_CFLAGS))
$(call archive,$(OUT)/$1/libubsan.a,$(OUT)/$1/ubsan.o)
$(call archive,$(OUT)/$1/libnone-qemu.a,$(QEMU_SRCS:%=$(OUT)/$1/qemu/%.o) $(QEMU_NEWLIB_SRCS:%=$(OUT)/$1/qemu/%.o))
$(call archive,$(OUT)/$1/libnone-kasan.a,$(KASAN_SRCS:%=$(OUT)/$1/qemu/%.o) $(KASAN_NEWLIB_SRCS:%=$(OUT)/$1/qemu/%.o))
$(OUT)/$1 $(OUT)/$1/qemu:
	@mkdir -p $$@
ALL_OUTPUTS += $(OUTPUT_NAMES:%=$(OUT)/$1/%)
endef

ALL_OUTPUTS :=
$(foreach m,$(MULTILIBS),$(eval $(call multilib,$(call ml_dir,$m),$(call ml_flags,$m))))

.PHONY: all
all: $(OUT)/multilibs $(OUT)/paths
# Every file the runtime installs, as MULTILIB/FILE below the kit's lib
# folder: what install copies and uninstall removes (crt/local.mk) and
# what --kit-id hashes (specs/local.mk).  The list is written here only.
$(OUT)/paths: $(srcdir)/crt/runtime.mk $(OUT)/multilibs
	@printf '%s\n' $(foreach m,$(MULTILIBS),$(addprefix $(call ml_dir,$m)/,$(OUTPUT_NAMES))) > $@
# Rewritten only when the list changes: install and tests depend on it.
$(OUT)/multilibs: $(ALL_OUTPUTS)
	@list='$(foreach m,$(MULTILIBS),$(call ml_dir,$m))'; \
	  printf '%s\n' $$list > $@.tmp; \
	  if cmp -s $@.tmp $@; then rm -f $@.tmp; touch $@; else mv $@.tmp $@; fi
