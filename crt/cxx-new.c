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

/* The replaceable functions forward as the standard's "default behavior"
 * says ([new.delete]), so that a program replacing one form changes every
 * form built on it: new[] calls operator new (and the aligned new[] the
 * aligned new), the nothrow forms call the throwing ones, a sized delete
 * calls the unsized one, delete[] calls delete.  Each call goes through
 * the weak symbol, so it reaches the program's function when there is one.
 *
 * The nothrow forms differ in one way: with exceptions off (a rule), a
 * failing operator new cannot throw bad_alloc for them to catch.  So when
 * operator new is still the kit's, they allocate without panicking and
 * return NULL on failure; a program's own operator new is called as is. */
static void *default_new(size_t n) { return must_alloc(n, 0); }
static void *default_new_aligned(size_t n, size_t a) { return must_alloc(n, a); }
static void default_delete(void *p) { release(p); }
static void default_delete_aligned(void *p, size_t a)
{
    (void)a; /* the heap knows each block's alignment */
    release(p);
}

/* operator new(size_t), new(size_t, align_val_t) */
void *_Znwm(size_t n) __attribute__((weak, alias("default_new")));
void *_ZnwmSt11align_val_t(size_t n, size_t a) __attribute__((weak, alias("default_new_aligned")));
/* operator new[](size_t), new[](size_t, align_val_t): call operator new */
static void *default_new_array(size_t n) { return _Znwm(n); }
static void *default_new_array_aligned(size_t n, size_t a) { return _ZnwmSt11align_val_t(n, a); }
void *_Znam(size_t n) __attribute__((weak, alias("default_new_array")));
void *_ZnamSt11align_val_t(size_t n, size_t a) __attribute__((weak, alias("default_new_array_aligned")));

static void *nothrow_new(size_t n)
{
    return _Znwm == default_new ? try_alloc(n, 0) : _Znwm(n);
}

static void *nothrow_new_aligned(size_t n, size_t a)
{
    return _ZnwmSt11align_val_t == default_new_aligned ? try_alloc(n, a)
                                                        : _ZnwmSt11align_val_t(n, a);
}

/* operator new(size_t, const nothrow_t &), new[]: the new[] form calls a
 * program's own operator new[] if there is one. */
CXX_RUNTIME void *_ZnwmRKSt9nothrow_t(size_t n, const void *t)
{
    (void)t;
    return nothrow_new(n);
}
CXX_RUNTIME void *_ZnamRKSt9nothrow_t(size_t n, const void *t)
{
    (void)t;
    return _Znam == default_new_array ? nothrow_new(n) : _Znam(n);
}
/* operator new(size_t, align_val_t, const nothrow_t &), new[] */
CXX_RUNTIME void *_ZnwmSt11align_val_tRKSt9nothrow_t(size_t n, size_t a, const void *t)
{
    (void)t;
    return nothrow_new_aligned(n, a);
}
CXX_RUNTIME void *_ZnamSt11align_val_tRKSt9nothrow_t(size_t n, size_t a, const void *t)
{
    (void)t;
    return _ZnamSt11align_val_t == default_new_array_aligned ? nothrow_new_aligned(n, a)
                                                            : _ZnamSt11align_val_t(n, a);
}

/* operator delete(void *), delete(void *, align_val_t) */
void _ZdlPv(void *p) __attribute__((weak, alias("default_delete")));
void _ZdlPvSt11align_val_t(void *p, size_t a) __attribute__((weak, alias("default_delete_aligned")));
/* operator delete[]: calls delete */
CXX_RUNTIME void _ZdaPv(void *p) { _ZdlPv(p); }
CXX_RUNTIME void _ZdaPvSt11align_val_t(void *p, size_t a) { _ZdlPvSt11align_val_t(p, a); }
/* the sized forms: call the unsized ones */
CXX_RUNTIME void _ZdlPvm(void *p, size_t n)
{
    (void)n;
    _ZdlPv(p);
}
CXX_RUNTIME void _ZdaPvm(void *p, size_t n)
{
    (void)n;
    _ZdaPv(p);
}
CXX_RUNTIME void _ZdlPvmSt11align_val_t(void *p, size_t n, size_t a)
{
    (void)n;
    _ZdlPvSt11align_val_t(p, a);
}
CXX_RUNTIME void _ZdaPvmSt11align_val_t(void *p, size_t n, size_t a)
{
    (void)n;
    _ZdaPvSt11align_val_t(p, a);
}
/* the nothrow forms: call the plain ones */
CXX_RUNTIME void _ZdlPvRKSt9nothrow_t(void *p, const void *t)
{
    (void)t;
    _ZdlPv(p);
}
CXX_RUNTIME void _ZdaPvRKSt9nothrow_t(void *p, const void *t)
{
    (void)t;
    _ZdaPv(p);
}
CXX_RUNTIME void _ZdlPvSt11align_val_tRKSt9nothrow_t(void *p, size_t a, const void *t)
{
    (void)t;
    _ZdlPvSt11align_val_t(p, a);
}
CXX_RUNTIME void _ZdaPvSt11align_val_tRKSt9nothrow_t(void *p, size_t a, const void *t)
{
    (void)t;
    _ZdaPvSt11align_val_t(p, a);
}
