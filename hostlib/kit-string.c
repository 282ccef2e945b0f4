/* The runtime's string functions built for the host under other names
 * (kit_memcpy, ...), for the differential test and the benchmark.  Built
 * with -mgeneral-regs-only -mno-red-zone, like the target runtime. */
#define RT_NAME(name) kit_##name
#define RT_TEST_HOOKS 1
#include "../crt/string.c"
#include "../crt/memset.c"
#include "../crt/compare.c"
#include "../crt/cstring.c"
#include "../crt/c23-new.c"
