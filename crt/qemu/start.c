/* The QEMU board's start-up object (qemu-start.o, linked by qemu.specs):
 * _start, none_qemu_exit, the panic handler and CPU exception reports.
 *
 * none_qemu_exit(status) follows <x86_64-none/exit-protocol.h>: the exit record on
 * COM1, then the isa-debug-exit port.
 */
#include <stdint.h>
#include <string.h>
#include <x86_64-none/boot.h>
#include <x86_64-none/cmdline.h>
#include <x86_64-none/exit-protocol.h>
#include <x86_64-none/panic.h>
#include <x86_64-none/qemu.h>
#include "board.h"

/* Called with argc and argv; a main(void) ignores them (the ABI lets a
 * function ignore arguments it does not declare, as every crt0 relies
 * on). */
int main(int argc, char **argv);
void _start(void);

/* Linked for --coverage builds only (x86_64-none.specs asks for it). */
extern void none_gcov_stream(void) __attribute__((weak));

_Noreturn void none_qemu_exit(int status)
{
    if (none_gcov_stream)
        none_gcov_stream();
    none_qemu_printf(NONE_EXIT_RECORD_START "%d" NONE_EXIT_RECORD_END, status & 0xff);
    outl(NONE_DEBUG_EXIT_PORT, NONE_DEBUG_EXIT_VALUE);
    for (;;) /* not under QEMU with isa-debug-exit: stop here */
        __asm__ volatile("cli; hlt");
}

/* ---- Backtraces: the return addresses up the frame-pointer chain,
 * printed as "backtrace: 0x... 0x..." for x86_64-none-run to name
 * (function+offset, file:line).  Complete for code built with
 * -fno-omit-frame-pointer; the walk stops at the first link that does
 * not lead up the program's stack to a return address in its code.  The
 * bounds come from the kit's linker script (weak: not under -T). */
extern char __text_start[] __attribute__((weak)), __text_end[] __attribute__((weak));
extern char __stack_bottom[] __attribute__((weak)), __stack_top[] __attribute__((weak));

/* Collects up to max return addresses up the chain from frame pointer
 * fp; returns how many. */
int none_qemu_walk_frames(uint64_t fp, uint64_t *out, int max)
{
    if (!__text_start || !__stack_bottom)
        return 0;
    int n = 0;
    while (n < max) {
        if (fp & 7 || fp < (uint64_t)__stack_bottom || fp + 16 > (uint64_t)__stack_top)
            break;
        uint64_t ret = ((const uint64_t *)fp)[1];
        if (ret < (uint64_t)__text_start || ret >= (uint64_t)__text_end)
            break;
        out[n++] = ret;
        uint64_t next = ((const uint64_t *)fp)[0];
        if (next <= fp)
            break;
        fp = next;
    }
    return n;
}

void none_qemu_print_trace(const char *label, const uint64_t *addresses, int count)
{
    if (!__text_start || !__stack_bottom)
        return;
    if (label)
        none_qemu_printf("backtrace (%s):", label);
    else
        none_qemu_printf("backtrace:");
    for (int i = 0; i < count; i++)
        none_qemu_printf(" 0x%llx", (unsigned long long)addresses[i]);
    none_console_write("\n", 1);
}

/* first: a return address to print before the chain's, or 0. */
static void print_backtrace(uint64_t first, uint64_t fp)
{
    uint64_t trace[NONE_BACKTRACE_MAX];
    int n = 0;
    if (first)
        trace[n++] = first;
    n += none_qemu_walk_frames(fp, trace + n, NONE_BACKTRACE_MAX - n);
    none_qemu_print_trace(0, trace, n);
}

/* The board's panic handler replaces the runtime's default (a weak
 * symbol): report on the console, exit with NONE_EXIT_PANIC.  (This file
 * is built with frame pointers, so the chain starts here.) */
_Noreturn void none_panic_handler(const struct none_panic_info *info)
{
    none_qemu_printf("panic: %s", info->message);
    if (info->file)
        none_qemu_printf(" at %s:%u", info->file, info->line);
    if (info->function)
        none_qemu_printf(" in %s()", info->function);
    none_console_write("\n", 1);
    print_backtrace(0, (uint64_t)__builtin_frame_address(0));
    none_qemu_exit(NONE_EXIT_PANIC);
}

/* The command line after the program's own name (<x86_64-none/cmdline.h>). */
const char *none_qemu_cmdline(void)
{
    const char *rest = none_boot_cmdline();
    if (!none_cmdline_word(&rest, 0))
        return rest;
    while (*rest == ' ' || *rest == '\t')
        rest++;
    return rest;
}

/* main's arguments: the command line's words, unquoted, in one buffer. */
static int split_cmdline(char **argv)
{
    static char words[NONE_CMDLINE_MAX];
    const char *line = none_boot_cmdline();
    if (strlen(line) >= sizeof words)
        none_panic("the command line is over " NONE_EXIT_STR(NONE_CMDLINE_MAX) " bytes");
    int argc = 0;
    char *out = words;
    while (none_cmdline_word(&line, out)) {
        if (argc == NONE_ARGS_MAX)
            none_panic("more than " NONE_EXIT_STR(NONE_ARGS_MAX) " arguments");
        argv[argc++] = out;
        out += strlen(out) + 1;
    }
    argv[argc] = 0;
    return argc;
}

/* ---- CPU exceptions: vectors 0-31 report and exit. */
struct frame {
    uint64_t rip, cs, rflags, rsp, ss;
};

static const char *const exception_names[32] = {
    "#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow",
    "#BR bound range", "#UD invalid opcode", "#NM device not available",
    "#DF double fault", "coprocessor segment overrun", "#TS invalid TSS",
    "#NP segment not present", "#SS stack fault", "#GP general protection",
    "#PF page fault", "reserved", "#MF x87 error", "#AC alignment check",
    "#MC machine check", "#XM SIMD error", "#VE virtualization",
    "#CP control protection",
};

/* Does a call instruction end just before address?  (call rel32, or an
 * indirect call through a register or memory: ff /2.) */
static int after_call(uint64_t address)
{
    const uint8_t *p = (const uint8_t *)address;
    if (p[-5] == 0xe8)
        return 1;
    for (int length = 2; length <= 7; length++)
        if (p[-length] == 0xff && ((p[-length + 1] >> 3) & 7) == 2)
            return 1;
    return 0;
}

/* The return address a function without a frame of its own (a leaf,
 * which GCC builds without one even under -fno-omit-frame-pointer) left
 * at the top of the stack when it faulted, or 0. */
static uint64_t leaf_return(const struct frame *f, uint64_t fp)
{
    if (!__text_start || !__stack_bottom || f->rsp & 7 || f->rsp < (uint64_t)__stack_bottom ||
        f->rsp + 8 > (uint64_t)__stack_top)
        return 0;
    uint64_t ret = *(const uint64_t *)f->rsp;
    if (ret < (uint64_t)__text_start + 8 || ret >= (uint64_t)__text_end || !after_call(ret))
        return 0;
    /* Not a leaf if the frame chain already starts with it. */
    if (!(fp & 7) && fp >= f->rsp && fp + 16 <= (uint64_t)__stack_top &&
        ((const uint64_t *)fp)[1] == ret && fp == f->rsp)
        return 0;
    return ret;
}

/* fp: the interrupted code's frame pointer. */
static _Noreturn void exception(unsigned vector, uint64_t error, const struct frame *f,
                                uint64_t fp)
{
    const char *name = exception_names[vector] ? exception_names[vector] : "reserved";
    none_qemu_printf("exception: vector %u (%s), error code 0x%llx, RIP 0x%llx", vector, name,
           (unsigned long long)error, (unsigned long long)f->rip);
    if (vector == 14) {
        uint64_t cr2;
        __asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
        none_qemu_printf(", address 0x%llx", (unsigned long long)cr2);
    }
    none_console_write("\n", 1);
    print_backtrace(leaf_return(f, fp), fp);
    none_qemu_exit(NONE_EXIT_EXCEPTION);
}

/* With frame pointers (this file's build), a handler's saved %rbp is the
 * interrupted code's. */
#define INTERRUPTED_FP() (*(const uint64_t *)__builtin_frame_address(0))
#define NOERR(n)                                                            \
    __attribute__((interrupt)) static void exc##n(struct frame *f)          \
    {                                                                       \
        exception(n, 0, f, INTERRUPTED_FP());                               \
    }
#define ERR(n)                                                              \
    __attribute__((interrupt)) static void exc##n(struct frame *f, uint64_t e) \
    {                                                                       \
        exception(n, e, f, INTERRUPTED_FP());                               \
    }

NOERR(0) NOERR(1) NOERR(2) NOERR(3) NOERR(4) NOERR(5) NOERR(6) NOERR(7)
ERR(8) NOERR(9) ERR(10) ERR(11) ERR(12) ERR(13) ERR(14) NOERR(15)
NOERR(16) ERR(17) NOERR(18) NOERR(19) NOERR(20) ERR(21) NOERR(22) NOERR(23)
NOERR(24) NOERR(25) NOERR(26) NOERR(27) NOERR(28) ERR(29) ERR(30) NOERR(31)

static void *const handlers[32] = {
    exc0, exc1, exc2, exc3, exc4, exc5, exc6, exc7, exc8, exc9, exc10,
    exc11, exc12, exc13, exc14, exc15, exc16, exc17, exc18, exc19, exc20,
    exc21, exc22, exc23, exc24, exc25, exc26, exc27, exc28, exc29, exc30,
    exc31,
};

struct idt_gate {
    uint16_t offset_low, selector;
    uint8_t ist, type;
    uint16_t offset_mid;
    uint32_t offset_high, zero;
};

static struct idt_gate idt[32] __attribute__((aligned(16)));

static void install_exception_handlers(void)
{
    for (int i = 0; i < 32; i++) {
        uint64_t a = (uint64_t)handlers[i];
        idt[i] = (struct idt_gate){
            .offset_low = (uint16_t)a, .selector = 0x08, .type = 0x8e,
            .offset_mid = (uint16_t)(a >> 16), .offset_high = (uint32_t)(a >> 32),
        };
    }
    struct __attribute__((packed)) {
        uint16_t limit;
        uint64_t base;
    } idtr = {sizeof idt - 1, (uint64_t)idt};
    __asm__ volatile("lidt %0" : : "m"(idtr));
}

/* Linked for -fsanitize=kernel-address builds only (qemu.specs asks for
 * it): sets up KASAN's shadow memory. */
extern void none_kasan_init(void) __attribute__((weak));

/* The start record (<x86_64-none/exit-protocol.h>) goes out before any
 * constructor can print: .preinit_array runs first, and this file's
 * entries first of all (the start files come before the program).
 * KASAN's shadow is set up here too, before any instrumented code runs. */
static void announce_start(void)
{
    none_console_write(NONE_START_RECORD, sizeof NONE_START_RECORD - 1);
    if (none_kasan_init)
        none_kasan_init();
}
__attribute__((section(".preinit_array"), used)) static void (*start_record)(void) =
    announce_start;

/* -fstack-protector* -mstack-protector-guard=tls
 * -mstack-protector-guard-reg=gs -mstack-protector-guard-offset=40 reads
 * the canary at %gs:40, where glibc's TLS and Linux's per-CPU area had it:
 * the board points the GS base at this block before any constructor
 * runs (.preinit_array), so code built so boots here.  A fixed value with
 * a zero low byte, like __stack_chk_guard's (no early entropy). */
#define NONE_GS_CANARY_OFFSET 40
static struct {
    uint64_t reserved[NONE_GS_CANARY_OFFSET / 8];
    uint64_t stack_canary;
} gs_block = {.stack_canary = 0x3b1d6a8e5c27f400ULL};

static void set_gs_base(void)
{
    uint64_t base = (uint64_t)&gs_block;
    _Static_assert(__builtin_offsetof(__typeof__(gs_block), stack_canary) == NONE_GS_CANARY_OFFSET,
                   "the canary's offset");
    __asm__ volatile("wrmsr" : : "c"(0xc0000101u) /* IA32_GS_BASE */, "a"((uint32_t)base),
                     "d"((uint32_t)(base >> 32)));
}
__attribute__((section(".preinit_array"), used)) static void (*gs_base)(void) = set_gs_base;

/* The boot stub has run the constructors; now main. */
void _start(void)
{
    static char *argv[NONE_ARGS_MAX + 1];
    install_exception_handlers();
    int argc = split_cmdline(argv);
    exit(main(argc, argv));
}
