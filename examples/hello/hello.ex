# Example test: x86_64-none-gcc --specs=qemu.specs, run with x86_64-none-run.
args one two
status 0
