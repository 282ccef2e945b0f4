/* The thunks a kernel's hardening flags call, built under the rules:
 *   -mindirect-branch=thunk-extern   __x86_indirect_thunk_REG (an indirect
 *       call or jump through REG) and __x86_indirect_thunk (through the
 *       stack, for a target in memory): retpolines, which keep the CPU's
 *       speculation in a pause/lfence loop instead of at a predicted target
 *       (Spectre v2);
 *   -mfunction-return=thunk-extern   __x86_return_thunk, where every
 *       function returns: one ret, followed by int3 so that straight-line
 *       speculation past it stops.
 * Each in a section of its own, so --gc-sections keeps only those used.
 * x86_64-none-elfcheck --retpoline and --rethunk know these names. */

#define SECTION(name) .section .text.name, "ax", @progbits

.macro retpoline_body
	call	1f
2:	pause
	lfence
	jmp	2b
.endm

.macro register_thunk reg
	SECTION(__x86_indirect_thunk_\reg)
	.globl	__x86_indirect_thunk_\reg
	.type	__x86_indirect_thunk_\reg, @function
__x86_indirect_thunk_\reg:
	retpoline_body
1:	mov	%\reg, (%rsp)
	ret
	.size	__x86_indirect_thunk_\reg, . - __x86_indirect_thunk_\reg
.endm

	.irp reg, rax, rbx, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11, r12, r13, r14, r15
	register_thunk \reg
	.endr

/* The target is on the stack (GCC pushes it): the return address the
 * call pushes is dropped, and ret goes to the target. */
	SECTION(__x86_indirect_thunk)
	.globl	__x86_indirect_thunk
	.type	__x86_indirect_thunk, @function
__x86_indirect_thunk:
	retpoline_body
1:	lea	8(%rsp), %rsp
	ret
	.size	__x86_indirect_thunk, . - __x86_indirect_thunk

	SECTION(__x86_return_thunk)
	.globl	__x86_return_thunk
	.type	__x86_return_thunk, @function
__x86_return_thunk:
	ret
	int3
	.size	__x86_return_thunk, . - __x86_return_thunk

	.section .note.GNU-stack, "", @progbits
