# Example test: newlib on the QEMU board.
specs qemu.specs newlib.specs
status 0
# newlib's own functions, not the board's.
needs _vfprintf_r _dtoa_r qsort __call_exitprocs write
