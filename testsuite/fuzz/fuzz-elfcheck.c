/* libFuzzer target: x86_64-none-elfcheck's reader and rules
 * (tools/elfcheck-read.c, tools/elfcheck-rules.c) on one input, as an
 * object, executable or archive.  Findings go to /dev/null; a crash, a
 * hang or a sanitizer report is the bug. */
#define _POSIX_C_SOURCE 200809L
#include "elfcheck.h"
#include "fuzz.h"

static csh start_capstone(void)
{
    csh cs = 0;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK)
        abort();
    cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
    elfcheck_errors = fopen("/dev/null", "w");
    if (!elfcheck_errors || !freopen("/dev/null", "w", stdout))
        abort();
    return cs;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static csh cs;
    if (!cs)
        cs = start_capstone();
    unsigned char *image = fuzz_input(data, size);
    if (!image)
        return 0;
    /* Every check on, the hardening ones too: they read the same input. */
    struct elfcheck_options opt = {.ibt = true, .retpoline = true, .rethunk = true};
    int findings = 0;
    elfcheck_image("fuzz-input", image, size, cs, &opt, &findings);
    free(image);
    return 0;
}
