# Example test: newlib-nano on the QEMU board (floating point in printf
# linked in with -u _printf_float).
specs qemu.specs nano.specs
flags -u _printf_float
status 0
needs _printf_float __malloc_free_list
