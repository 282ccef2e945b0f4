/* A frame over 16 KiB: -fstack-clash-protection allocates it with a
 * probe loop ("sub $4096, %rsp; or $0, (%rsp); cmp %r11, %rsp; jne"),
 * after which the lowest local, addressed from %rbp, is at %rsp, not
 * below it (the checker follows the loop). */
int fill_and_sum(int n);

int fill_and_sum(int n)
{
    volatile int big[5000];
    big[0] = n;
    for (int i = 1; i < 5000; i++)
        big[i] = big[i - 1] + i;
    return big[0] + big[4999];
}
