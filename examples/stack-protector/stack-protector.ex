flags -fstack-protector-strong
status 101
needs __stack_chk_fail __stack_chk_guard
# With -fsanitize=kernel-address (kasan-examples.test): KASAN finds the overrun at the first byte past name, before the canary is checked
# (stack-out-of-bounds, stack-protector.kasan.out).
kasan-status 103
