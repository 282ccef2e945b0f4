/* C++ operator new and delete, every form of C++17/20 (plain, array,
 * nothrow, aligned, sized), for x86_64-none-g++.  Written in C under the
 * Itanium C++ ABI's mangled names (size_t is 'm', std::align_val_t an
 * enum of size_t, std::nothrow_t const& a pointer), like the rest of the
 * runtime.
 *
 * They allocate with none_alloc()/none_free() (<x86_64-none/heap.h>), a
 * weak reference: the QEMU board provides them (x86_64-none-c++.specs
 * asks the linker for them with -u), a program on its own board defines
 * them.  Without them operator new panics and the nothrow forms return
 * NULL.  Each function is weak, so a program's own operator new or
 * delete replaces the kit's, as C++ allows. */
#include <stddef.h>
#include <x86_64-none/heap.h>
#include <x86_64-none/panic.h>

extern __typeof__(none_alloc) none_alloc __attribute__((weak));
extern __typeof__(none_free) none_free __attribute__((weak));

/* The default alignment of operator new: __STDCPP_DEFAULT_NEW_ALIGNMENT__. */
#define DEFAULT_NEW_ALIGNMENT 16

#define CXX_RUNTIME __attribute__((weak, used))

static void *try_alloc(size_t size, size_t align)
{
    if (!none_alloc)
        return NULL;
    return none_alloc(size, align < DEFAULT_NEW_ALIGNMENT ? DEFAULT_NEW_ALIGNMENT : align);
}

static void *must_alloc(size_t size, size_t align)
{
    void *p = try_alloc(size, align);
    if (!p)
        none_panic_at(none_alloc ? "operator new: out of memory"
                                 : "operator new: no heap (the board defines no none_alloc; "
                                   "see <x86_64-none/heap.h>)",
                      0, 0, 0);
    return p;
}

static void release(void *p)
{
    if (p && none_free)
        none_free(p);
}

/* operator new(size_t), new[](size_t) */
CXX_RUNTIME void *_Znwm(size_t n) { return must_alloc(n, 0); }
CXX_RUNTIME void *_Znam(size_t n) { return must_alloc(n, 0); }
/* operator new(size_t, align_val_t), new[] */
CXX_RUNTIME void *_ZnwmSt11align_val_t(size_t n, size_t a) { return must_alloc(n, a); }
CXX_RUNTIME void *_ZnamSt11align_val_t(size_t n, size_t a) { return must_alloc(n, a); }
/* operator new(size_t, const nothrow_t &), new[] */
CXX_RUNTIME void *_ZnwmRKSt9nothrow_t(size_t n, const void *t) { (void)t; return try_alloc(n, 0); }
CXX_RUNTIME void *_ZnamRKSt9nothrow_t(size_t n, const void *t) { (void)t; return try_alloc(n, 0); }
/* operator new(size_t, align_val_t, const nothrow_t &), new[] */
CXX_RUNTIME void *_ZnwmSt11align_val_tRKSt9nothrow_t(size_t n, size_t a, const void *t)
{
    (void)t;
    return try_alloc(n, a);
}
CXX_RUNTIME void *_ZnamSt11align_val_tRKSt9nothrow_t(size_t n, size_t a, const void *t)
{
    (void)t;
    return try_alloc(n, a);
}

/* operator delete(void *), delete[], and the sized, aligned and nothrow
 * forms: the heap knows each block's size and alignment. */
CXX_RUNTIME void _ZdlPv(void *p) { release(p); }
CXX_RUNTIME void _ZdaPv(void *p) { release(p); }
CXX_RUNTIME void _ZdlPvm(void *p, size_t n) { (void)n; release(p); }
CXX_RUNTIME void _ZdaPvm(void *p, size_t n) { (void)n; release(p); }
CXX_RUNTIME void _ZdlPvSt11align_val_t(void *p, size_t a) { (void)a; release(p); }
CXX_RUNTIME void _ZdaPvSt11align_val_t(void *p, size_t a) { (void)a; release(p); }
CXX_RUNTIME void _ZdlPvmSt11align_val_t(void *p, size_t n, size_t a)
{
    (void)n, (void)a;
    release(p);
}
CXX_RUNTIME void _ZdaPvmSt11align_val_t(void *p, size_t n, size_t a)
{
    (void)n, (void)a;
    release(p);
}
CXX_RUNTIME void _ZdlPvRKSt9nothrow_t(void *p, const void *t) { (void)t; release(p); }
CXX_RUNTIME void _ZdaPvRKSt9nothrow_t(void *p, const void *t) { (void)t; release(p); }
CXX_RUNTIME void _ZdlPvSt11align_val_tRKSt9nothrow_t(void *p, size_t a, const void *t)
{
    (void)a, (void)t;
    release(p);
}
CXX_RUNTIME void _ZdaPvSt11align_val_tRKSt9nothrow_t(void *p, size_t a, const void *t)
{
    (void)a, (void)t;
    release(p);
}
