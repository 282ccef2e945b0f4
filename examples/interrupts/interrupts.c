/* interrupts: an IDT of the program's own, with handlers written in C
 * (GCC's interrupt attribute, which needs -mgeneral-regs-only: the kit's
 * rules already give it).
 *
 *   - int3 (#BP) and ud2 (#UD) are caught, reported and resumed;
 *   - a #PF on an unmapped address is fixed by mapping the page (demand
 *     paging), and the faulting access then succeeds;
 *   - the PIT timer interrupts leaf functions thousands of times a second.
 *     Each interrupt pushes its frame onto the running stack, right below
 *     %rsp: leaf code that kept data there (the red zone) would be
 *     corrupted.  Built with the kit's rules, every result stays intact.
 */
#include <stdint.h>
#include <x86_64-none/qemu.h>

#define KERNEL_VMA 0xffffffff80000000ULL

struct frame {
    uint64_t rip, cs, rflags, rsp, ss;
};

struct idt_gate {
    uint16_t offset_low, selector;
    uint8_t ist, type;
    uint16_t offset_mid;
    uint32_t offset_high, zero;
};

static struct idt_gate idt[256] __attribute__((aligned(16)));
static volatile uint64_t ticks;
static volatile int breakpoints, invalid_opcodes, page_faults;

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static void set_gate(int vector, void *handler)
{
    uint64_t a = (uint64_t)handler;
    idt[vector] = (struct idt_gate){
        .offset_low = (uint16_t)a, .selector = 0x08, .type = 0x8e,
        .offset_mid = (uint16_t)(a >> 16), .offset_high = (uint32_t)(a >> 32),
    };
}

__attribute__((interrupt)) static void on_breakpoint(struct frame *f)
{
    breakpoints++;
    printf("#BP: int3 caught, resuming after it (RIP in the program: %s)\n",
           f->rip > KERNEL_VMA ? "yes" : "no");
}

__attribute__((interrupt)) static void on_invalid_opcode(struct frame *f)
{
    invalid_opcodes++;
    printf("#UD: invalid opcode caught, skipping the two-byte ud2\n");
    f->rip += 2; /* ud2 is two bytes */
}

/* One page directory for the fifth GiB of the low half, built on demand. */
static uint64_t demand_pd[512] __attribute__((aligned(4096)));
#define DEMAND_VIRT 0x100000000ULL /* 4 GiB: not mapped by the boot stub */
#define DEMAND_PHYS 0x00800000ULL /* 8 MiB of RAM, above the image */

__attribute__((interrupt)) static void on_page_fault(struct frame *f, uint64_t error)
{
    uint64_t addr, cr3;
    __asm__ volatile("mov %%cr2, %0" : "=r"(addr));
    __asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
    page_faults++;
    printf("#PF: address 0x%llx, error code 0x%llx: mapping it and retrying\n",
           (unsigned long long)addr, (unsigned long long)error);
    (void)f;
    if (addr < DEMAND_VIRT || addr >= DEMAND_VIRT + (2u << 20) || page_faults > 1) {
        puts("unexpected page fault");
        exit(1);
    }
    /* PML4[0] -> PDPT; PDPT[4] covers 4-5 GiB: point it at demand_pd. */
    uint64_t *pml4 = (uint64_t *)(uintptr_t)(cr3 & ~0xfffULL);
    uint64_t *pdpt = (uint64_t *)(uintptr_t)(pml4[0] & ~0xfffULL);
    demand_pd[0] = DEMAND_PHYS | 0x83; /* present, writable, 2 MiB */
    pdpt[4] = ((uint64_t)(uintptr_t)demand_pd - KERNEL_VMA) | 0x03;
    __asm__ volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

__attribute__((interrupt)) static void on_timer(struct frame *f)
{
    (void)f;
    ticks++;
    outb(0x20, 0x20); /* end of interrupt */
}

static void start_timer(void)
{
    /* PIC: IRQs 0-7 at vectors 32-39, 8-15 at 40-47; only IRQ 0 open. */
    outb(0x20, 0x11); outb(0xa0, 0x11);
    outb(0x21, 32);   outb(0xa1, 40);
    outb(0x21, 4);    outb(0xa1, 2);
    outb(0x21, 1);    outb(0xa1, 1);
    outb(0x21, 0xfe); outb(0xa1, 0xff);
    /* PIT channel 0, rate generator, about 10 kHz. */
    uint16_t divisor = 119;
    outb(0x43, 0x34);
    outb(0x40, (uint8_t)divisor);
    outb(0x40, (uint8_t)(divisor >> 8));
}

/* A leaf function with locals: the kind of code the red zone is for. */
__attribute__((noinline)) static uint64_t leaf(uint64_t seed)
{
    volatile uint64_t scratch[16];
    for (int i = 0; i < 16; i++)
        scratch[i] = seed * (uint64_t)(i + 1) ^ (seed >> i);
    uint64_t sum = 0;
    for (int i = 0; i < 16; i++)
        sum += scratch[i] * (uint64_t)(i | 1);
    return sum;
}

static uint64_t leaf_reference(uint64_t seed)
{
    uint64_t sum = 0;
    for (int i = 0; i < 16; i++)
        sum += (seed * (uint64_t)(i + 1) ^ (seed >> i)) * (uint64_t)(i | 1);
    return sum;
}

int main(void)
{
    set_gate(3, on_breakpoint);
    set_gate(6, on_invalid_opcode);
    set_gate(14, on_page_fault);
    set_gate(32, on_timer);
    struct __attribute__((packed)) {
        uint16_t limit;
        uint64_t base;
    } idtr = {sizeof idt - 1, (uint64_t)idt};
    __asm__ volatile("lidt %0" : : "m"(idtr));

    __asm__ volatile("int3");
    __asm__ volatile("ud2");

    volatile uint64_t *p = (volatile uint64_t *)(uintptr_t)(DEMAND_VIRT + 0x1230);
    *p = 0x1122334455667788ULL;
    volatile uint64_t *same = (volatile uint64_t *)(uintptr_t)(DEMAND_PHYS + 0x1230);
    printf("demand-mapped write seen at its physical address: %s\n",
           *same == 0x1122334455667788ULL ? "yes" : "no");

    start_timer();
    __asm__ volatile("sti");
    uint64_t calls = 0, wrong = 0;
    while (ticks < 300) {
        uint64_t seed = calls * 0x9e3779b97f4a7c15ULL + 1;
        wrong += leaf(seed) != leaf_reference(seed);
        calls++;
    }
    __asm__ volatile("cli");
    printf("timer: at least 300 interrupts during leaf calls, results wrong: %llu\n",
           (unsigned long long)wrong);
    return breakpoints == 1 && invalid_opcodes == 1 && page_faults == 1 && wrong == 0 ? 0 : 1;
}
