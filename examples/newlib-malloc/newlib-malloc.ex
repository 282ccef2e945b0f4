# Example test: newlib's allocator on the board's heap.
specs qemu.specs newlib.specs
status 0
needs _malloc_r _realloc_r _free_r sbrk
