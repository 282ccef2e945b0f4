# Example test: x86_64-none-run's standard input read by newlib's stdio.
specs qemu.specs newlib.specs
stdin newlib-stdin.in
status 0
needs read
