/* x86_64-none <assert.h>: a failed assertion panics (see
 * <x86_64-none/panic.h>) with the file, line, function and expression.
 * Like the standard header it may be included again with another NDEBUG. */
#include <x86_64-none/panic.h>

#undef assert
#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr)                                                        \
    ((expr) ? (void)0                                                      \
            : none_panic_at("assertion failed: " #expr, __FILE__, __LINE__, \
                            __func__))
#endif

#if __STDC_VERSION__ >= 201112L && !defined __cplusplus && !defined static_assert
#define static_assert _Static_assert
#endif
