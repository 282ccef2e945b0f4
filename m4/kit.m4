# KIT_REQUIRE_PROG(PROGRAM, DEBIAN-PACKAGE)
# Fail configure, naming the package to install, when PROGRAM is missing.
AC_DEFUN([KIT_REQUIRE_PROG], [
  AC_PATH_PROG([kit_prog_$1], [$1])
  AS_IF([test -z "$kit_prog_$1"],
    [AC_MSG_ERROR([$1 not found; the toolchain build needs it (Debian: apt-get install $2)])])
])
