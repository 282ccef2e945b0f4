#!/bin/sh
# Holds a DejaGnu .sum file of make check-gcc against the expected
# failures (testsuite/gcc/expected-failures), prints the counts and every
# unexpected result, and exits 1 when there is one:
#   - a FAIL, UNRESOLVED, XPASS or ERROR of a test the list does not name;
#   - a listed test that ran and passed every time (the line is stale).
#   compare-results.sh FILE.sum EXPECTED
set -eu
sum=$1 expected=$2
[ -r "$sum" ] || { echo "compare-results: cannot read $sum" >&2; exit 2; }
[ -r "$expected" ] || { echo "compare-results: cannot read $expected" >&2; exit 2; }

awk -v sum_name="$(basename "$sum")" '
    FNR == NR {
        if ($0 ~ /^[ \t]*(#|$)/)
            next
        if (NF < 2) {
            printf "compare-results: %s:%d: \"%s\" has no reason\n", FILENAME, FNR, $1
            bad_list = 1
        }
        listed[$1] = 1
        next
    }
    /^(PASS|FAIL|XFAIL|XPASS|UNSUPPORTED|UNRESOLVED|UNTESTED|KFAIL|KPASS|ERROR):/ {
        kind = substr($1, 1, length($1) - 1)
        test = $2
        count[kind]++
        results++
        if (!(test in seen)) {
            seen[test] = 1
            tests++
        }
        if (kind == "FAIL" || kind == "UNRESOLVED" || kind == "XPASS" || kind == "ERROR") {
            if (test in listed) {
                expected_bad++
                failed_listed[test] = 1
            } else {
                unexpected[++n_unexpected] = $0
            }
        } else if (kind == "PASS" && (test in listed)) {
            passed_listed[test] = 1
        }
    }
    END {
        if (bad_list)
            exit 2
        for (t in passed_listed)
            if (!(t in failed_listed))
                stale[++n_stale] = t
        printf "check-gcc: %s: %d tests, %d results: %d PASS, %d FAIL, %d UNRESOLVED, " \
               "%d UNSUPPORTED, %d XFAIL, %d XPASS, %d ERROR; %d of the failures expected " \
               "(expected-failures), %d unexpected\n",
               sum_name, tests, results, count["PASS"], count["FAIL"], count["UNRESOLVED"],
               count["UNSUPPORTED"], count["XFAIL"], count["XPASS"], count["ERROR"],
               expected_bad, n_unexpected
        for (i = 1; i <= n_unexpected; i++)
            printf "unexpected: %s\n", unexpected[i]
        for (i = 1; i <= n_stale; i++)
            printf "now passes: %s (listed in expected-failures: remove its line)\n", stale[i]
        if (results == 0) {
            printf "check-gcc: %s has no results: runtest did not run (see its .log)\n", sum_name
            exit 1
        }
        exit (n_unexpected || n_stale) ? 1 : 0
    }
' "$expected" "$sum"
