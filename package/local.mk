## make package, make deb.
## Included by the top-level Makefile.am; paths are relative to the top.

# make package, make deb: the installed kit as a relocatable binary
# tarball and as a Debian package (under PACKAGE_PREFIX), each with its
# .sha256, reproducible (package/package.sh; SOURCE_DATE_EPOCH).
PACKAGE_PREFIX = /opt/x86_64-none
PACKAGE_WORK = $(abs_top_builddir)/package.work
PACKAGE_OUT = $(abs_top_builddir)
HOST_TRIPLE = `$(CC) -dumpmachine`
DEB_NAME = x86-64-none-kit
.PHONY: package deb
# package_root KIND: the kit installed (stripped) under PACKAGE_PREFIX
# into $(PACKAGE_WORK)/KIND, for package/package.sh KIND.
package_root = rm -rf '$(PACKAGE_WORK)/$(1)' && \
  $(MAKE) $(AM_MAKEFLAGS) install-strip DESTDIR='$(PACKAGE_WORK)/$(1)' \
    prefix='$(PACKAGE_PREFIX)' >/dev/null
package_done = rm -rf '$(PACKAGE_WORK)/$(1)' && { rmdir '$(PACKAGE_WORK)' 2>/dev/null || :; }
package: all
	@$(call package_root,tar)
	@$(SHELL) $(srcdir)/package/package.sh tar '$(PACKAGE_WORK)/tar' '$(PACKAGE_PREFIX)' \
	  "$(PACKAGE_TARNAME)-$(VERSION)-$(HOST_TRIPLE)" '$(PACKAGE_OUT)'
	@$(call package_done,tar)
deb: all
	@$(call package_root,deb)
	@DEB_ARCH='$(KIT_DEB_ARCH)' HOST_TRIPLET='$(HOST_TRIPLET)' HOST_SYSROOT='$(HOST_SYSROOT)' \
	  $(SHELL) $(srcdir)/package/package.sh deb '$(PACKAGE_WORK)/deb' '$(PACKAGE_PREFIX)' \
	  '$(DEB_NAME)' '$(PACKAGE_OUT)' '$(VERSION)'
	@$(call package_done,deb)
EXTRA_DIST += package/lintian-overrides package/package.sh package/compare-packages.sh \
  package/reproducible-check.sh package/portable.sh

