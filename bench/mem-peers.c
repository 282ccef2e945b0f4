/* The runtime's peers under the general-register rule (mem-peers.h).
 * Built like the runtime: -mgeneral-regs-only -mno-red-zone -fno-builtin
 * -fno-tree-loop-distribute-patterns, so that no loop here becomes a call
 * to the host's memcpy and no vector register is used. */
#include "mem-peers.h"

#include <stdint.h>
#include "../crt/unaligned.h"

static inline void rep_movsb(unsigned char *d, const unsigned char *s, size_t n)
{
    __asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
}

static inline void rep_movsq(unsigned char *d, const unsigned char *s, size_t q)
{
    __asm__ volatile("rep movsq" : "+D"(d), "+S"(s), "+c"(q) : : "memory");
}

static inline void rep_stosb(unsigned char *d, int c, size_t n)
{
    __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
}

static inline void rep_stosq(unsigned char *d, uint64_t v, size_t q)
{
    __asm__ volatile("rep stosq" : "+D"(d), "+c"(q) : "a"(v) : "memory");
}

/* ------------------------------------------------------------ Linux */

/* memcpy_orig's tail ladder for n < 32: all loads before any store.
 * memmove's differs in 2-3 bytes (two 16-bit moves). */
static void linux_ladder(unsigned char *d, const unsigned char *s, size_t n, int for_move)
{
    if (n >= 16) {
        uint64_t a = load64(s), b = load64(s + 8), c = load64(s + n - 16), e = load64(s + n - 8);
        store64(d, a), store64(d + 8, b), store64(d + n - 16, c), store64(d + n - 8, e);
    } else if (n >= 8) {
        uint64_t a = load64(s), b = load64(s + n - 8);
        store64(d, a), store64(d + n - 8, b);
    } else if (n >= 4) {
        uint32_t a = load32(s), b = load32(s + n - 4);
        store32(d, a), store32(d + n - 4, b);
    } else if (for_move && n >= 2) {
        uint16_t a = load16(s), b = load16(s + n - 2);
        store16(d, a), store16(d + n - 2, b);
    } else if (n >= 1) {
        unsigned char a = s[0], b = s[n > 1], e = s[n - 1];
        d[0] = a;
        if (n >= 2)
            d[1] = b, d[n - 1] = e;
    }
}

/* 32-byte blocks forward while 32 remain; returns the bytes copied. */
static size_t linux_forward_blocks(unsigned char *d, const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (; n - i >= 32; i += 32) {
        uint64_t a = load64(s + i), b = load64(s + i + 8), c = load64(s + i + 16), e = load64(s + i + 24);
        store64(d + i, a), store64(d + i + 8, b), store64(d + i + 16, c), store64(d + i + 24, e);
    }
    return i;
}

/* 32-byte blocks from the top down while 32 remain; returns the bytes
 * left at the bottom. */
static size_t linux_backward_blocks(unsigned char *d, const unsigned char *s, size_t n)
{
    for (; n >= 32; n -= 32) {
        uint64_t a = load64(s + n - 8), b = load64(s + n - 16), c = load64(s + n - 24),
                 e = load64(s + n - 32);
        store64(d + n - 8, a), store64(d + n - 16, b), store64(d + n - 24, c), store64(d + n - 32, e);
    }
    return n;
}

static void *linux_memcpy_orig(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (n >= 32) {
        /* Backward when the low address bytes, as signed, say so: against
         * 4 KiB false dependences. */
        if ((int8_t)(uintptr_t)s < (int8_t)(uintptr_t)d) {
            n = linux_backward_blocks(d, s, n);
        } else {
            size_t done = linux_forward_blocks(d, s, n);
            d += done, s += done, n -= done;
        }
    }
    linux_ladder(d, s, n, 0);
    return dst;
}

static inline int linux_forward(const unsigned char *d, const unsigned char *s, size_t n)
{
    return s >= d || s + n <= d;
}

/* memmove without ERMS or FSRM, forward: rep movsq from 680 bytes when the
 * low address bytes agree, else the block loop. */
static void linux_move_fwd_regs(unsigned char *d, const unsigned char *s, size_t n)
{
    if (n >= 680 && (uint8_t)(uintptr_t)d == (uint8_t)(uintptr_t)s) {
        uint64_t last = load64(s + n - 8);
        rep_movsq(d, s, n / 8);
        store64(d + n - 8, last);
        return;
    }
    if (n >= 32) {
        size_t done = linux_forward_blocks(d, s, n);
        d += done, s += done, n -= done;
    }
    linux_ladder(d, s, n, 1);
}

/* memmove's backward path, the same on every CPU. */
static void linux_move_bwd(unsigned char *d, const unsigned char *s, size_t n)
{
    if (n >= 680 && (uint8_t)(uintptr_t)d == (uint8_t)(uintptr_t)s) {
        uint64_t first = load64(s);
        unsigned char *dt = d + n - 8;
        const unsigned char *st = s + n - 8;
        size_t q = n / 8;
        __asm__ volatile("std; rep movsq; cld" : "+D"(dt), "+S"(st), "+c"(q) : : "memory");
        store64(d, first);
        return;
    }
    if (n >= 32)
        n = linux_backward_blocks(d, s, n);
    linux_ladder(d, s, n, 1);
}

static void *linux_memmove(void *dst, const void *src, size_t n)
{
    if (linux_forward(dst, src, n))
        linux_move_fwd_regs(dst, src, n);
    else
        linux_move_bwd(dst, src, n);
    return dst;
}

static void *linux_erms_memmove(void *dst, const void *src, size_t n)
{
    if (!linux_forward(dst, src, n))
        linux_move_bwd(dst, src, n);
    else if (n < 32)
        linux_ladder(dst, src, n, 1);
    else
        rep_movsb(dst, src, n);
    return dst;
}

static void *linux_fsrm_memmove(void *dst, const void *src, size_t n)
{
    if (linux_forward(dst, src, n))
        rep_movsb(dst, src, n);
    else
        linux_move_bwd(dst, src, n);
    return dst;
}

static void *linux_fsrm_memcpy(void *dst, const void *src, size_t n)
{
    rep_movsb(dst, src, n);
    return dst;
}

static void *linux_memset_orig(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    uint64_t v = 0x0101010101010101ULL * (unsigned char)c;
    size_t mis = (uintptr_t)d & 7;
    if (mis) {
        if (n <= 7) {
            for (size_t i = 0; i < n; i++)
                d[i] = (unsigned char)c;
            return dst;
        }
        store64(d, v);
        d += 8 - mis, n -= 8 - mis;
    }
    for (; n >= 64; n -= 64, d += 64)
        store64(d, v), store64(d + 8, v), store64(d + 16, v), store64(d + 24, v), store64(d + 32, v),
            store64(d + 40, v), store64(d + 48, v), store64(d + 56, v);
    for (; n >= 8; n -= 8, d += 8)
        store64(d, v);
    for (; n; n--)
        *d++ = (unsigned char)c;
    return dst;
}

static void *linux_fsrs_memset(void *dst, int c, size_t n)
{
    rep_stosb(dst, c, n);
    return dst;
}

/* ------------------------------------------- Rust's compiler-builtins */

/* rep_param: the bytes before the destination's 8-byte boundary (at most
 * n), the quadwords after them, the bytes after those. */
struct rust_split {
    size_t pre, q, tail;
};

static inline struct rust_split rust_param(const unsigned char *d, size_t n)
{
    size_t pre = (8 - ((uintptr_t)d & 7)) & 7;
    if (pre > n)
        pre = n;
    return (struct rust_split){pre, (n - pre) >> 3, (n - pre) & 7};
}

static void rust_copy_forward(unsigned char *d, const unsigned char *s, size_t n)
{
    struct rust_split p = rust_param(d, n);
    __asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(p.pre) : : "memory");
    __asm__ volatile("rep movsq" : "+D"(d), "+S"(s), "+c"(p.q) : : "memory");
    __asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(p.tail) : : "memory");
}

/* With and without ermsb: ERMS does not speed up DF=1 movsb. */
static void rust_copy_backward(unsigned char *d, const unsigned char *s, size_t n)
{
    struct rust_split p = rust_param(d, n);
    unsigned char *dt = d + n - 1;
    const unsigned char *st = s + n - 1;
    __asm__ volatile("std\n\t"
                     "rep movsb\n\t"
                     "sub $7, %%rsi\n\t"
                     "sub $7, %%rdi\n\t"
                     "mov %[q], %%rcx\n\t"
                     "rep movsq\n\t"
                     "add $7, %%rsi\n\t"
                     "add $7, %%rdi\n\t"
                     "mov %[pre], %%rcx\n\t"
                     "rep movsb\n\t"
                     "cld"
                     : "+D"(dt), "+S"(st), "+c"(p.tail)
                     : [q] "r"(p.q), [pre] "r"(p.pre)
                     : "memory");
}

static void *rust_memcpy(void *dst, const void *src, size_t n)
{
    rust_copy_forward(dst, src, n);
    return dst;
}

static void *rust_memmove(void *dst, const void *src, size_t n)
{
    if ((uintptr_t)dst - (uintptr_t)src >= n)
        rust_copy_forward(dst, src, n);
    else
        rust_copy_backward(dst, src, n);
    return dst;
}

static void *rust_ermsb_memmove(void *dst, const void *src, size_t n)
{
    if ((uintptr_t)dst - (uintptr_t)src >= n)
        rep_movsb(dst, src, n);
    else
        rust_copy_backward(dst, src, n);
    return dst;
}

static void *rust_memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    struct rust_split p = rust_param(d, n);
    uint64_t v = 0x0101010101010101ULL * (unsigned char)c;
    __asm__ volatile("rep stosb" : "+D"(d), "+c"(p.pre) : "a"(v) : "memory");
    __asm__ volatile("rep stosq" : "+D"(d), "+c"(p.q) : "a"(v) : "memory");
    __asm__ volatile("rep stosb" : "+D"(d), "+c"(p.tail) : "a"(v) : "memory");
    return dst;
}

/* ------------------------------------------------------------- musl */

static void *musl_memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (n >= 8)
        for (; (uintptr_t)d & 7; n--)
            __asm__ volatile("movsb" : "+D"(d), "+S"(s) : : "memory");
    rep_movsq(d, s, n >> 3);
    d += n & ~(size_t)7, s += n & ~(size_t)7;
    for (n &= 7; n; n--)
        __asm__ volatile("movsb" : "+D"(d), "+S"(s) : : "memory");
    return dst;
}

static void *musl_memmove(void *dst, const void *src, size_t n)
{
    if ((uintptr_t)dst - (uintptr_t)src >= n)
        return musl_memcpy(dst, src, n);
    unsigned char *d = (unsigned char *)dst + n - 1;
    const unsigned char *s = (const unsigned char *)src + n - 1;
    __asm__ volatile("std; rep movsb; cld" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
    return dst;
}

/* Up to 126 bytes: stores from both ends, overlapping in the middle. */
static void musl_set_small(unsigned char *d, uint64_t v, size_t n)
{
    if (!n)
        return;
    d[0] = d[n - 1] = (unsigned char)v;
    if (n <= 2)
        return;
    store16(d + 1, (uint16_t)v), store16(d + n - 3, (uint16_t)v);
    if (n <= 6)
        return;
    store32(d + 3, (uint32_t)v), store32(d + n - 7, (uint32_t)v);
    if (n <= 14)
        return;
    store64(d + 7, v), store64(d + n - 15, v);
    if (n <= 30)
        return;
    store64(d + 15, v), store64(d + 23, v), store64(d + n - 31, v), store64(d + n - 23, v);
    if (n <= 62)
        return;
    store64(d + 31, v), store64(d + 39, v), store64(d + 47, v), store64(d + 55, v);
    store64(d + n - 63, v), store64(d + n - 55, v), store64(d + n - 47, v), store64(d + n - 39, v);
}

static void *musl_memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    uint64_t v = 0x0101010101010101ULL * (unsigned char)c;
    if (n <= 126) {
        musl_set_small(d, v, n);
        return dst;
    }
    store64(d + n - 8, v);
    if ((uintptr_t)d & 15) {
        store64(d, v), store64(d + 8, v);
        size_t adv = (-(uintptr_t)d) & 15;
        d += adv, n -= adv;
    }
    rep_stosq(d, v, n >> 3);
    return dst;
}

const struct peer peers[] = {
    {"linux", linux_memcpy_orig, linux_memmove, linux_memset_orig, NEEDS_NOTHING},
    {"linux-erms", linux_memcpy_orig, linux_erms_memmove, linux_memset_orig, NEEDS_ERMS},
    {"linux-fsrm", linux_fsrm_memcpy, linux_fsrm_memmove, linux_fsrs_memset, NEEDS_FSRM},
    {"rust", rust_memcpy, rust_memmove, rust_memset, NEEDS_NOTHING},
    {"rust-ermsb", linux_fsrm_memcpy, rust_ermsb_memmove, linux_fsrs_memset, NEEDS_ERMS},
    {"musl", musl_memcpy, musl_memmove, musl_memset, NEEDS_NOTHING},
};
const size_t peer_count = sizeof peers / sizeof peers[0];
