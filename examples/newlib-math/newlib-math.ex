# Example test: newlib's libm on the QEMU board, under the soft-float ABI.
specs qemu.specs newlib.specs
flags -fno-builtin
status 0
needs sqrt sin exp pow fmod __adddf3 __muldf3
