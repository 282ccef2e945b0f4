/* Boot stubs for x86_64-none: PVH, Multiboot v1 and Multiboot2.
 *
 * Built three times, with BOOT_PVH, BOOT_MULTIBOOT or BOOT_MULTIBOOT2, into
 * pvh.o, multiboot.o and multiboot2.o.  Each adds its boot header and a
 * 32-bit entry; the rest is shared.  pvh.o carries a Multiboot2 header
 * too, so that one file boots with "qemu -kernel" and from a GRUB image
 * (x86_64-none-mkimage); it tells the two apart at run time by the
 * Multiboot2 magic in %eax.  (A Multiboot v1 header would not do: QEMU's
 * -kernel prefers it to the PVH note.)
 *
 *   32-bit protected mode, paging off (all three protocols)
 *   -> own stack, page tables mapping physical 0-4 GiB at 0 (the boot
 *      information a loader leaves anywhere below 4 GiB stays readable)
 *      and physical 0-1 GiB at 0xffffffff80000000 (2 MiB pages), PAE,
 *      EFER.LME, paging, a GDT with a 64-bit code segment, far jump
 *   -> 64-bit code at the link address: zero .bss, switch to the image's
 *      stack, record the boot information in none_boot_info, run the
 *      constructors (.preinit_array, _init, then .init_array), call
 *      the program's own _start.  If _start returns, halt.
 *
 * The 32-bit part lives in ".boot32" sections at physical addresses (see
 * x86_64-none.ld); x86_64-none-elfcheck does not apply the 64-bit rules
 * to it.
 */

#define KERNEL_VMA	0xffffffff80000000
#define PTE_PRESENT	0x001
#define PTE_WRITE	0x002
#define PTE_LARGE	0x080

#include <x86_64-none/boot.h>

#define MB2_MAGIC	NONE_MULTIBOOT2_HEADER_MAGIC
#define MB2_BOOTLOADER_MAGIC NONE_MULTIBOOT2_BOOTLOADER_MAGIC

#if defined BOOT_PVH
#define PROTOCOL NONE_BOOT_PVH
#define HEADER_MULTIBOOT2
#elif defined BOOT_MULTIBOOT
#define PROTOCOL NONE_BOOT_MULTIBOOT
#define MB1_MAGIC	NONE_MULTIBOOT_HEADER_MAGIC
/* bit 0: page-align modules, bit 1: memory map, bit 16: address fields
 * (QEMU loads an ELF64 through Multiboot v1 only in this form). */
#define MB1_FLAGS	0x00010003
#elif defined BOOT_MULTIBOOT2
#define PROTOCOL NONE_BOOT_MULTIBOOT2
#define HEADER_MULTIBOOT2
#else
#error "define BOOT_PVH, BOOT_MULTIBOOT or BOOT_MULTIBOOT2"
#endif

/* ---------------------------------------------------------------- headers */
#if defined BOOT_PVH
	/* XEN_ELFNOTE_PHYS32_ENTRY: QEMU's -kernel enters here.  4-aligned,
	 * or QEMU does not find it. */
	.section .note.Xen, "a", @note
	.p2align 2
	.long	4			/* name size */
	.long	4			/* descriptor size */
	.long	NONE_PVH_NOTE_TYPE	/* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz	"Xen"
	.long	boot32_entry
#endif
#if defined BOOT_MULTIBOOT
	.section .boot32.header, "a", @progbits
	.p2align 2
mb1_header:
	.long	MB1_MAGIC
	.long	MB1_FLAGS
	.long	-(MB1_MAGIC + MB1_FLAGS)
	.long	mb1_header		/* header_addr */
	.long	__image_start_phys	/* load_addr */
	.long	__load_end_phys		/* load_end_addr */
	.long	__image_end_phys	/* bss_end_addr */
	.long	boot32_entry		/* entry_addr */
#endif
#if defined HEADER_MULTIBOOT2
	.section .boot32.header, "a", @progbits
	.p2align 3
mb2_header:
	.long	MB2_MAGIC
	.long	0			/* architecture: i386 protected mode */
	.long	mb2_header_end - mb2_header
	.long	-(MB2_MAGIC + (mb2_header_end - mb2_header))
	/* address tag: the image is an ELF64, so GRUB needs the load layout */
	.p2align 3
	.short	2, 0
	.long	24
	.long	mb2_header		/* header_addr */
	.long	__image_start_phys	/* load_addr */
	.long	__load_end_phys		/* load_end_addr */
	.long	__image_end_phys	/* bss_end_addr */
	/* entry address tag */
	.p2align 3
	.short	3, 0
	.long	12
	.long	boot32_entry
	/* end tag */
	.p2align 3
	.short	0, 0
	.long	8
mb2_header_end:
#endif

/* ------------------------------------------------------- 32-bit entry */
	.section .boot32.text, "ax", @progbits
	.code32
	.globl	boot32_entry
	.type	boot32_entry, @function
boot32_entry:
	cli
	cld
	movl	$boot32_stack_top, %esp
	/* PVH: %ebx = hvm_start_info; Multiboot: %eax = magic, %ebx = info. */
	movl	%ebx, boot32_info
	movl	%eax, boot32_magic

	/* Page tables: PML4[0] -> PDPT_low, whose entries 0-3 point to four
	 * page directories of 512 2 MiB pages each (0-4 GiB); PML4[511] ->
	 * PDPT_high, whose entry 510 points to the first of them (physical
	 * 0-1 GiB at -2 GiB).  Both halves of every entry are written: a
	 * loader need not hand over zeroed memory. */
	movl	$boot32_pdpt_low + PTE_PRESENT + PTE_WRITE, boot32_pml4
	movl	$0, boot32_pml4 + 4
	movl	$boot32_pdpt_high + PTE_PRESENT + PTE_WRITE, boot32_pml4 + 511 * 8
	movl	$0, boot32_pml4 + 511 * 8 + 4
	movl	$boot32_pd + PTE_PRESENT + PTE_WRITE, boot32_pdpt_high + 510 * 8
	movl	$0, boot32_pdpt_high + 510 * 8 + 4
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$12, %eax
	addl	$boot32_pd + PTE_PRESENT + PTE_WRITE, %eax
	movl	%eax, boot32_pdpt_low(, %ecx, 8)
	movl	$0, boot32_pdpt_low + 4(, %ecx, 8)
	incl	%ecx
	cmpl	$4, %ecx
	jne	1b
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$PTE_PRESENT + PTE_WRITE + PTE_LARGE, %eax
	movl	%eax, boot32_pd(, %ecx, 8)
	movl	$0, boot32_pd + 4(, %ecx, 8)
	incl	%ecx
	cmpl	$4 * 512, %ecx
	jne	1b

	movl	%cr4, %eax
	orl	$1 << 5, %eax		/* PAE */
	movl	%eax, %cr4
	movl	$boot32_pml4, %eax
	movl	%eax, %cr3
	movl	$0xc0000080, %ecx	/* EFER */
	rdmsr
	orl	$1 << 8, %eax		/* LME */
	wrmsr
	movl	%cr0, %eax
	orl	$(1 << 31) | 1, %eax	/* PG, PE */
	movl	%eax, %cr0

	lgdt	boot32_gdt_ptr
	ljmp	$0x08, $boot32_long_mode

	.code64
boot32_long_mode:
	movl	$0x10, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movabsq	$none_boot64, %rax
	jmp	*%rax
	.size	boot32_entry, . - boot32_entry

/* ---------------------------------------------------------- 32-bit data */
	.section .boot32.data, "aw", @progbits
	.p2align 3
boot32_gdt:
	.quad	0			/* null */
	.quad	0x00af9a000000ffff	/* 0x08: 64-bit code, DPL 0 */
	.quad	0x00cf92000000ffff	/* 0x10: data, DPL 0 */
boot32_gdt_end:
	.p2align 3
boot32_gdt_ptr:
	.short	boot32_gdt_end - boot32_gdt - 1
	.long	boot32_gdt
	.long	0
boot32_info:
	.long	0
boot32_magic:
	.long	0

	.section .boot32.bss, "aw", @nobits
	.p2align 12
boot32_pml4:
	.skip	4096
boot32_pdpt_low:
	.skip	4096
boot32_pdpt_high:
	.skip	4096
boot32_pd:
	.skip	4 * 4096
boot32_stack:
	.skip	1024
boot32_stack_top:

/* ------------------------------------------------------- 64-bit part */
	.section .text.boot64, "ax", @progbits
	.globl	none_boot64
	.type	none_boot64, @function
none_boot64:
	/* Call frame information (in .debug_frame, loaded by no one) so
	 * that a debugger's backtrace reaches this frame and stops here: it
	 * is the outermost one, no return address above it. */
	.cfi_sections .debug_frame
	.cfi_startproc
	.cfi_undefined rip
	/* The higher-half GDT copy: the low mapping may go away later. */
	movq	$none_gdt_ptr, %rax
	lgdt	(%rax)

	/* Zero .bss (QEMU does not always) -- before touching the stack,
	 * which lives at its end. */
	movq	$__bss_start, %rdi
	movq	$__bss_end, %rcx
	subq	%rdi, %rcx
	xorl	%eax, %eax
	rep stosb

	movq	$__stack_top, %rsp
	xorl	%ebp, %ebp

	movl	$PROTOCOL, none_boot_info + NONE_BOOT_INFO_PROTOCOL(%rip)
	movl	boot32_magic, %eax
#if defined BOOT_PVH
	/* The hybrid stub: a Multiboot2 loader (GRUB) says so in %eax. */
	cmpl	$MB2_BOOTLOADER_MAGIC, %eax
	jne	1f
	movl	$NONE_BOOT_MULTIBOOT2, none_boot_info + NONE_BOOT_INFO_PROTOCOL(%rip)
1:
#endif
	movl	%eax, none_boot_info + NONE_BOOT_INFO_MAGIC(%rip)
	movl	boot32_info, %eax
	movq	%rax, none_boot_info + NONE_BOOT_INFO_INFO(%rip)

	call	none_run_constructors
	call	_start
1:	cli
	hlt
	jmp	1b
	.cfi_endproc
	.size	none_boot64, . - none_boot64

	.section .rodata.none_gdt, "a", @progbits
	.p2align 3
none_gdt:
	.quad	0
	.quad	0x00af9a000000ffff
	.quad	0x00cf92000000ffff
none_gdt_end:
	.p2align 3
none_gdt_ptr:
	.short	none_gdt_end - none_gdt - 1
	.quad	none_gdt

	.section .note.GNU-stack, "", @progbits
