# Bare metal without the QEMU board: boots through PVH and spins, so
# x86_64-none-run stops it at the timeout (status 124).
specs pvh.specs
timeout 2
status 124
