## Documents: the README, the manual, the maintainer's guide, the man pages.
## Included by the top-level Makefile.am; paths are relative to the top.

# The README and the manual go with the installed kit (and its packages).
dist_doc_DATA = README.md docs/manual.md docs/using.md docs/farms.md docs/building.md docs/boards.md \
  docs/debugging.md docs/testing.md docs/maintainers.md

man1_MANS = docs/x86_64-none-gcc.1
dist_man1_MANS = docs/x86_64-none-elfcheck.1 docs/x86_64-none-run.1 docs/x86_64-none-mkimage.1 \
  docs/x86_64-none-farm.1
# Man pages for the aliases: the driver's for its aliases, the binutils' own
# ($(TARGET)-NAME.1) for the others, but where KIT_ALIAS_PAGES names
# another: GCC's and GDB's pages are not in Debian's sources (GFDL), so
# those tools get the kit's own pages, which point to the upstream
# manuals.  man-pages.test checks every x86_64-none-* program has one.
dist_man1_MANS += docs/x86_64-none-gcov.1 docs/x86_64-none-gcc-ar.1 docs/x86_64-none-lto-dump.1
KIT_ALIAS_PAGES = gcov=x86_64-none-gcov gcov-tool=x86_64-none-gcov gcov-dump=x86_64-none-gcov \
  gcc-ar=x86_64-none-gcc-ar gcc-nm=x86_64-none-gcc-ar gcc-ranlib=x86_64-none-gcc-ar \
  lto-dump=x86_64-none-lto-dump gdb=x86_64-none-gdb gdb-add-index=x86_64-none-gdb \
  gstack=x86_64-none-gdb ld.bfd=$(TARGET)-ld
page_of = $(or $(patsubst $1=%,%,$(filter $1=%,$(KIT_ALIAS_PAGES))),$(TARGET)-$1)
EXTRA_DIST += docs/x86_64-none-gdb.1
install-data-hook:
	cd '$(DESTDIR)$(man1dir)' && for a in $(DRIVER_ALIASES); do \
	    rm -f $$a.1 && $(LN_S) x86_64-none-gcc.1 $$a.1 || exit 1; \
	  done
	cd '$(DESTDIR)$(man1dir)' && $(foreach t,$(BINUTILS_ALIASES),\
	  $(if $(filter x86_64-none-$t,$(call page_of,$t)),,\
	    { rm -f x86_64-none-$t.1 && $(LN_S) $(call page_of,$t).1 x86_64-none-$t.1; } &&)) true
	$(if $(filter gdb,$(BINUTILS_ALIASES)),$(INSTALL_DATA) $(srcdir)/docs/x86_64-none-gdb.1 \
	  '$(DESTDIR)$(man1dir)/x86_64-none-gdb.1')
uninstall-hook-man:
	cd '$(DESTDIR)$(man1dir)' && rm -f $(addsuffix .1,$(DRIVER_ALIASES)) \
	  $(addsuffix .1,$(addprefix x86_64-none-,$(BINUTILS_ALIASES)))

docs/x86_64-none-gcc.1: docs/x86_64-none-gcc.1.in tools/gen-rules$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && tools/gen-rules$(EXEEXT) man > $@.rules && \
	  sed -e '/@RULES@/{r $@.rules' -e 'd;}' $(srcdir)/docs/x86_64-none-gcc.1.in > $@.tmp && \
	  rm -f $@.rules && mv $@.tmp $@
CLEANFILES += docs/x86_64-none-gcc.1
EXTRA_DIST += docs/x86_64-none-gcc.1.in
