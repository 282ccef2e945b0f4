# KIT_CHECK_HOST_DEPS(COMMAND)
# Check every row of the host dependency table COMMAND prints
# (toolchain/install-deps.sh --table):
# a missing "build" item fails configure at once with one line naming the
# Debian package; a missing "check:TESTS" item only adds TESTS to
# kit_skipped_tests (they exit 77 without it) and is reported at the end;
# a missing "host" item fails only a build for another host (HOST_TRIPLET).
AC_DEFUN([KIT_CHECK_HOST_DEPS], [
  AC_REQUIRE([AC_PROG_CPP])
  kit_skipped_tests=
  kit_missing_optional=
  kit_bench_missing=
  kit_check_gcc_missing=
  $1 > conftest.deps || AC_MSG_ERROR([cannot read the host dependency table ($1)])
  while read kit_kind kit_name kit_pkg kit_use kit_rest; do
    case $kit_kind in ''|'#'*|pkg) continue ;; esac
    AC_MSG_CHECKING([for $kit_name])
    kit_have=yes
    case $kit_kind in
    prog) kit_where=`command -v "$kit_name" 2>/dev/null` || kit_have=no ;;
    header) kit_where="<$kit_name>"
        printf '#include <%s>\n' "$kit_name" > conftest.c
        $CPP $CPPFLAGS conftest.c > /dev/null 2>&1 || kit_have=no
        rm -f conftest.c ;;
    pc) kit_where="pkg-config module"
        $PKG_CONFIG --exists "$kit_name" 2>/dev/null || kit_have=no ;;
    dir) kit_where=$kit_name; test -d "$kit_name" || kit_have=no ;;
    binfmt) kit_where="binfmt_misc /proc/sys/fs/binfmt_misc/$kit_name"
        grep -q '^enabled' "/proc/sys/fs/binfmt_misc/$kit_name" 2>/dev/null || kit_have=no ;;
    *) AC_MSG_ERROR([install-deps.sh: unknown kind '$kit_kind' in the row of $kit_name]) ;;
    esac
    AS_IF([test $kit_have = yes], [AC_MSG_RESULT([$kit_where])], [
      AC_MSG_RESULT([no])
      case $kit_use in
      build) AC_MSG_ERROR([$kit_name not found; the kit needs it (Debian: apt-get install $kit_pkg, or run toolchain/install-deps.sh as root)]) ;;
      check:*) kit_tests=`echo "${kit_use#check:}" | tr ',' ' '`
        kit_skipped_tests="$kit_skipped_tests $kit_tests"
        kit_missing_optional="$kit_missing_optional $kit_name($kit_pkg)" ;;
      bench|bench,*) kit_missing_optional="$kit_missing_optional $kit_name($kit_pkg)"
        kit_bench_missing="$kit_bench_missing $kit_pkg" ;;
      check-gcc) kit_missing_optional="$kit_missing_optional $kit_name($kit_pkg)"
        kit_check_gcc_missing="$kit_check_gcc_missing $kit_pkg" ;;
      fuzz|kernels) kit_missing_optional="$kit_missing_optional $kit_name($kit_pkg,make-$kit_use)" ;;
      host) AS_IF([test -n "$HOST_TRIPLET" && test "x$kit_kind" = xbinfmt],
          [kit_missing_optional="$kit_missing_optional $kit_name(binfmt_misc)"
           kit_skipped_tests="$kit_skipped_tests check-host.test"],
          [test -n "$HOST_TRIPLET"],
          [AC_MSG_ERROR([$kit_name not found; a kit for $HOST_TRIPLET needs it (Debian: apt-get install $kit_pkg, or run toolchain/install-deps.sh as root)])],
          [kit_missing_optional="$kit_missing_optional $kit_name($kit_pkg,other-hosts)"]) ;;
      *) AC_MSG_ERROR([install-deps.sh: unknown use '$kit_use' in the row of $kit_name]) ;;
      esac])
  done < conftest.deps
  rm -f conftest.deps
])
