/* crtn.o: the end of _init and _fini (see crti.S). */
	.section .init, "ax", @progbits
	addq	$8, %rsp
	ret

	.section .fini, "ax", @progbits
	addq	$8, %rsp
	ret

	.section .note.GNU-stack, "", @progbits
