flags -fstack-protector-strong
status 101
needs __stack_chk_fail __stack_chk_guard
