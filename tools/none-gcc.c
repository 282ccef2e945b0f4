/* x86_64-none-gcc, x86_64-none-cpp: GCC with the x86_64-none target rules.
 *
 * Runs the kit's x86_64-elf-gcc (or -cpp) from the same bin folder with
 * -specs=x86_64-none.specs, which encodes the rules.  The install is
 * relocatable: everything is found relative to this program's location.
 * Arguments pass through untouched and gcc's exit status is ours (exec).
 *
 * An option that would break a rule is refused with the rule's name, unless
 * the user opts in with --allow=RULE, as rustc users add target features.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules.h"

#define TARGET "x86_64-elf"
#define SPECS_NAME "x86_64-none.specs"

static const char *program = "x86_64-none-gcc";

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Records the rules of "--allow=a,b" in ALLOWED (indexed like all_rules);
 * false on an unknown name. */
static bool parse_allow(const char *list, bool *allowed)
{
    while (*list) {
        size_t len = strcspn(list, ",");
        const struct rule *r = rule_named(list, len);
        if (!r) {
            fprintf(stderr, "%s: --allow: unknown rule '%.*s' (rules: %s)\n", program,
                    (int)len, list, rule_names());
            return false;
        }
        allowed[r - all_rules] = true;
        list += len + (list[len] == ',');
    }
    return true;
}

/* True when PIC was let through but the code model is still kernel, which
 * GCC refuses ("code model kernel does not support PIC mode"). */
static bool needs_other_code_model(int argc, char **argv)
{
    const struct rule *pic_rule = rule_named("pic", 3);
    const struct rule *model_rule = rule_named("code-model", 10);
    bool pic = false, other_model = false;
    for (int i = 1; i < argc; i++) {
        pic |= option_breaks(pic_rule, argv[i]) && strcmp(argv[i], "-pie") != 0;
        other_model |= option_breaks(model_rule, argv[i]);
    }
    return pic && !other_model;
}

static void print_help(void)
{
    printf("Usage: %s [--allow=RULE[,RULE]...] [GCC OPTION | FILE]...\n"
           "Compile and link for bare-metal x86-64 with the rules of Rust's\n"
           "x86_64-unknown-none target: freestanding, no red zone, kernel code\n"
           "model, no SSE/MMX/x87, no PIC, no unwind tables, inline stack probes;\n"
           "programs link statically at 0xffffffff80000000 with the kit's\n"
           "runtime and a libgcc built under the same rules.\n"
           "\n"
           "It runs " TARGET "-gcc from its own folder with -specs=" SPECS_NAME ";\n"
           "every other argument passes to gcc unchanged.  Options that break a\n"
           "rule are refused unless allowed:\n",
           program);
    for (size_t i = 0; i < RULE_COUNT; i++) {
        printf("  --allow=%-11s", all_rules[i].name);
        for (const char *const *b = all_rules[i].breakers; *b; b++)
            printf("%s%s", b == all_rules[i].breakers ? " " : ", ", *b);
        printf("\n");
    }
    printf("\n"
           "Boot and board support: --specs=pvh.specs, --specs=multiboot.specs,\n"
           "--specs=multiboot2.specs, --specs=qemu.specs (see x86_64-none-gcc(1)).\n"
           "GCC's own options: %s --help=common, or " TARGET "-gcc --help.\n",
           program);
}

/* The folder this program lives in (resolving symlinks), or NULL. */
static char *own_dir(const char *argv0)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = '\0';
    } else if (!realpath(argv0, buf)) {
        return NULL;
    }
    char *slash = strrchr(buf, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return strdup(buf);
}

static char *join(const char *a, const char *b)
{
    size_t len = strlen(a) + strlen(b) + 1;
    char *s = malloc(len);
    if (!s) {
        fprintf(stderr, "%s: out of memory\n", program);
        exit(1);
    }
    snprintf(s, len, "%s%s", a, b);
    return s;
}

int main(int argc, char **argv)
{
    const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    bool is_cpp = strstr(base, "-cpp") != NULL;
    program = is_cpp ? "x86_64-none-cpp" : "x86_64-none-gcc";

    bool allowed[RULE_COUNT] = {false};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") && argc == 2) {
            print_help();
            return 0;
        }
        if (starts_with(argv[i], "--allow=") && !parse_allow(argv[i] + 8, allowed))
            return 1;
    }
    for (int i = 1; i < argc; i++) {
        const struct rule *r = rule_broken_by(argv[i]);
        if (r && !allowed[r - all_rules]) {
            fprintf(stderr, "%s: %s breaks the x86_64-none rule: %s; "
                    "add --allow=%s to use it anyway\n", program, argv[i], r->summary,
                    r->name);
            return 1;
        }
    }

    if (needs_other_code_model(argc, argv)) {
        fprintf(stderr, "%s: position-independent code needs a code model other than "
                "kernel: add --allow=code-model and -mcmodel=small or -mcmodel=large\n",
                program);
        return 1;
    }

    char *dir = own_dir(argv[0]);
    if (!dir) {
        fprintf(stderr, "%s: cannot find the folder this program is in\n", program);
        return 1;
    }
    char *tool = join(dir, is_cpp ? "/" TARGET "-cpp" : "/" TARGET "-gcc");
    char *specs = join("-specs=", join(dir, "/../" TARGET "/lib/" SPECS_NAME));
    if (access(tool, X_OK) != 0) {
        fprintf(stderr, "%s: %s: %s (the kit's compiler must be in the same folder)\n",
                program, tool, strerror(errno));
        return 1;
    }
    if (access(specs + strlen("-specs="), R_OK) != 0) {
        fprintf(stderr, "%s: %s: %s (is the kit installed completely?)\n", program,
                specs + strlen("-specs="), strerror(errno));
        return 1;
    }

    char **args = calloc((size_t)argc + 2, sizeof *args);
    if (!args) {
        fprintf(stderr, "%s: out of memory\n", program);
        return 1;
    }
    int n = 0;
    args[n++] = tool;
    args[n++] = specs;
    for (int i = 1; i < argc; i++)
        if (!starts_with(argv[i], "--allow="))
            args[n++] = argv[i];
    args[n] = NULL;
    execv(tool, args);
    fprintf(stderr, "%s: cannot run %s: %s\n", program, tool, strerror(errno));
    return 1;
}
