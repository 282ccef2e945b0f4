# Example test: the kit's UBSan runtime (libubsan.a) under
# -fsanitize=undefined, with a handler that continues.
flags -fsanitize=undefined -Wno-array-bounds
status 0
needs __ubsan_handle_add_overflow __ubsan_handle_type_mismatch_v1 __ubsan_handle_out_of_bounds
# With -fsanitize=kernel-address (kasan-examples.test): KASAN stops the program at table[4], which UBSan reports and lets run
# (stack-out-of-bounds, ubsan.kasan.out).
kasan-status 103
