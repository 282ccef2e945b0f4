# Example test: x86_64-none-g++ --specs=qemu.specs, run with x86_64-none-run.
flags -std=c++23
status 0
# The kit's C++ runtime, not libsupc++'s, provides these.
needs _Znwm _ZdlPvm _ZnwmSt11align_val_t __cxa_guard_acquire __cxa_atexit
