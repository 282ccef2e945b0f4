#!/bin/sh
# abi-table.sh < REPORT: the per-category lines of an ABI suite's report
# ("abi: category f32 argument: 12 of 40 values differ") as the Markdown
# table of docs/using.md, "C compilers and Rust", with a verdict a row.
awk '
BEGIN { print "| value | where | compared | differ | verdict |"; print "|---|---|---|---|---|" }
/^abi: category / {
    line = $0
    sub(/^abi: category /, "", line)
    split(line, head, ": ")
    type = head[1]; where = head[1]
    sub(/ .*/, "", type); sub(/^[^ ]* /, "", where)
    n = split(head[2], w, " ")
    verdict = (w[1] == 0) ? "agree" : (w[1] == w[3] ? "disagree" : "disagree sometimes")
    printf "| %s | %s | %s | %s | %s |\n", type, where, w[3], w[1], verdict
}'
