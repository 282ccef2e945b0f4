#!/bin/sh
# abi-table.sh < REPORT: the per-category lines of an ABI suite's report
# ("abi: category f32 argument: 40 values, 3 calls first differ here") as
# the Markdown table of docs/using.md, "C compilers and Rust": a row per
# category of value, with the calls whose first difference was there.
awk '
BEGIN { print "| value | where | values compared | calls whose first difference is here |"; print "|---|---|---|---|" }
/^abi: category / {
    line = $0
    sub(/^abi: category /, "", line)
    split(line, part, ": ")
    type = part[1]; where = part[1]
    sub(/ .*/, "", type); sub(/^[^ ]* /, "", where)
    split(part[2], w, " ")
    printf "| %s | %s | %s | %s |\n", type, where, w[1], (w[3] == 0 ? "0" : "**" w[3] "**")
}'
