status 0
needs none_boot_memory_map
