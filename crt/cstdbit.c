/* C23 <stdbit.h>'s per-type functions (stdc_leading_zeros_ui, ...), each
 * the GCC builtin the generic macro uses, so that a function and its
 * generic name always agree.  The list comes from the header.
 */
#include <stdbit.h>

#define DEFINE(name, result, type, builtin) \
    result name(type value) { return __builtin_stdc_##builtin(value); }
X86_64_NONE_STDBIT_EACH(DEFINE)
