/* crti.o: the start of _init and _fini (x86_64-elf libgcc has none).
 * crtbegin.o and user objects add to .init/.fini; crtn.o closes them. */
	.section .init, "ax", @progbits
	.globl	_init
	.type	_init, @function
_init:
	subq	$8, %rsp		/* keep %rsp 16-byte aligned for calls */

	.section .fini, "ax", @progbits
	.globl	_fini
	.type	_fini, @function
_fini:
	subq	$8, %rsp

	.section .note.GNU-stack, "", @progbits
