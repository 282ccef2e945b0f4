#!/bin/sh
# Print "N passed, N failed" from automake's test-suite.log.
#   summary.sh test-suite.log
log=${1:-test-suite.log}
if [ ! -f "$log" ]; then
    echo "0 passed, 1 failed (no $log: the test suite did not run)"
    exit 0
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
}' "$log"
