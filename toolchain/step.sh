#!/bin/sh
# Run one toolchain build step with its output in a log file.
#
#   step.sh INDEX TOTAL PACKAGE STEP LOG COMMAND...
#
# Prints one progress line; on failure, the tail of the log and where it is.
# With V=1 in the environment the step's output goes to the console too.
set -u
[ $# -ge 6 ] || { echo "usage: step.sh INDEX TOTAL PACKAGE STEP LOG COMMAND..." >&2; exit 2; }
index=$1 total=$2 package=$3 step=$4 log=$5
shift 5

mkdir -p "$(dirname "$log")"
echo "[$index/$total] $package: $step (log: $log)"
started=$(date +%s)
if [ "${V:-0}" = 1 ]; then
    # A pipeline loses the command's status in POSIX sh: keep it in a file.
    status_file="$log.status"
    { "$@" 2>&1; echo $? > "$status_file"; } | tee "$log"
    status=$(cat "$status_file")
    rm -f "$status_file"
else
    "$@" > "$log" 2>&1
    status=$?
fi
if [ "$status" -ne 0 ]; then
    echo "---- last 30 lines of $log ----" >&2
    tail -n 30 "$log" >&2
    echo "---- $package: $step failed (exit $status); full log: $log" >&2
    exit 1
fi
# Per-step wall times, for build-time figures.
echo "$package $step $(( $(date +%s) - started ))" >> "$(dirname "$log")/step-times"
exit 0
