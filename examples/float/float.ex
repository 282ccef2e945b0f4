# Example test: x86_64-none-gcc --specs=qemu.specs, run with x86_64-none-run.
# float.out is what the same program prints built for a Linux host with
# hardware floating point.
status 0
# The arithmetic must really run in libgcc's soft-fp routines.
needs __adddf3 __muldf3 __divdf3 __addsf3 __floatsidf __fixdfsi __extendsfdf2 __truncdfsf2
