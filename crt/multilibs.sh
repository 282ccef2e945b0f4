#!/bin/sh
# The multilibs the kit builds its runtime for: every multilib of the
# toolchain (-print-multi-lib) that the kit's compiler, rules applied,
# selects for its own flags.  Prints "DIR;@FLAG@FLAG" a line.
#   multilibs.sh 'x86_64-elf-gcc -specs=x86_64-none.specs'
# A new variant in GCC's multilib fragment (for example one with
# -fno-omit-frame-pointer) shows up here with no other change.
set -eu
cc=$1
# shellcheck disable=SC2086
$cc -print-multi-lib | while IFS=';' read -r dir flags; do
    opts=$(echo "$flags" | sed 's/@/ -/g')
    # shellcheck disable=SC2086
    [ "$($cc $opts -print-multi-directory)" = "$dir" ] && echo "$dir;$flags"
done
exit 0
