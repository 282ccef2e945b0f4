#!/bin/sh
# Print "N passed, N failed" from automake's test-suite.log; exit status 1
# when a test failed (or none ran).
#   summary.sh test-suite.log
log=${1:-test-suite.log}
if [ ! -f "$log" ]; then
    echo "0 passed, 1 failed"
    echo "summary.sh: no $log: the test suite did not run" >&2
    exit 1
fi
awk '
/^# PASS:/  { pass += $3 }
/^# XFAIL:/ { pass += $3 }
/^# FAIL:/  { fail += $3 }
/^# XPASS:/ { fail += $3 }
/^# ERROR:/ { fail += $3 }
/^# SKIP:/  { skip += $3 }
END {
    line = sprintf("%d passed, %d failed", pass, fail)
    if (skip) line = line sprintf(", %d skipped", skip)
    print line
    exit (fail > 0 || pass == 0) ? 1 : 0
}' "$log"
