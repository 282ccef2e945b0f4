/* __cxa_atexit and __cxa_finalize for x86_64-none-g++: the destructors
 * of global and function-local static objects, run in reverse order of
 * registration when the board's exit() calls __cxa_finalize(NULL).
 * (With newlib, its own __cxa_atexit and exit() do this.)
 *
 * A fixed table: there is no heap to grow it on every board.  When it is
 * full, registration fails (returns -1) and that destructor never runs,
 * which the ABI allows. */
#include <stddef.h>

#define MAX_EXIT_FUNCTIONS 64

int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);
void __cxa_finalize(void *dso);

static struct {
    void (*fn)(void *);
    void *arg;
    void *dso;
} exit_functions[MAX_EXIT_FUNCTIONS];
static size_t exit_count;

__attribute__((weak)) int __cxa_atexit(void (*fn)(void *), void *arg, void *dso)
{
    if (exit_count == MAX_EXIT_FUNCTIONS)
        return -1;
    exit_functions[exit_count].fn = fn;
    exit_functions[exit_count].arg = arg;
    exit_functions[exit_count].dso = dso;
    exit_count++;
    return 0;
}

/* Runs (once) the destructors registered for dso, or all for NULL. */
__attribute__((weak)) void __cxa_finalize(void *dso)
{
    for (size_t i = exit_count; i-- > 0;) {
        if (!exit_functions[i].fn || (dso && exit_functions[i].dso != dso))
            continue;
        void (*fn)(void *) = exit_functions[i].fn;
        exit_functions[i].fn = NULL;
        fn(exit_functions[i].arg);
    }
}
