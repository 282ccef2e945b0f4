/* x86_64-none-gcc, -cpp, -g++, -c++: GCC with the x86_64-none target rules.
 *
 * Runs the kit's x86_64-elf-gcc (or -cpp, -g++, -c++, after the name it
 * runs under) from the same bin folder with -specs=x86_64-none.specs,
 * which encodes the rules; for C++ also -specs=x86_64-none-c++.specs.  The install is
 * relocatable: everything is found relative to this program's location.
 * Arguments pass through untouched and gcc's exit status is ours (exec).
 * --kit-id prints the kit's identity for compiler caches (kit-id.c), which
 * -v and --version also show after GCC's own lines.
 *
 * An option that would break a rule is refused with the rule's name, unless
 * the user opts in with --allow=RULE, as rustc users add target features.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kit-id.h"
#include "own-dir.h"
#include "rules.h"

#define TARGET KIT_TARGET
#define SPECS_NAME "x86_64-none.specs"
#define CXX_SPECS_NAME "x86_64-none-c++.specs"

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
           "As x86_64-none-g++ or x86_64-none-c++ it compiles and links C++ with\n"
           "x86_64-none-c++.specs as well: libstdc++'s freestanding subset, no\n"
           "exceptions (a throw is an error: --allow=panic-abort), RTTI kept, static\n"
           "locals guarded with atomics, operator new/delete on the board's heap.\n"
           "\n"
           "Boot and board support: --specs=pvh.specs, --specs=multiboot.specs,\n"
           "--specs=multiboot2.specs, --specs=qemu.specs; newlib's C library (when\n"
           "the kit was built with it): --specs=newlib.specs (see x86_64-none-gcc(1)).\n"
           "\n"
           "--kit-id prints a number that changes with anything that decides the\n"
           "output (this driver, the spec files, the runtime, the toolchain); -v and\n"
           "--version print it too, as \"x86_64-none kit-id N\".  For ccache:\n"
           "CCACHE_COMPILERCHECK='%%compiler%% --kit-id'.  Run as gcc, cc, g++ or c++\n"
           "(a distcc masquerade link) it acts as x86_64-none-gcc or -g++.\n"
           "GCC's own options: %s --help=common, or " TARGET "-gcc --help.\n",
           program);
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

/* Is the spec file of "-specs=FILE" there?  Says why not. */
static bool readable_specs(const char *option)
{
    const char *file = option + strlen("-specs=");
    if (access(file, R_OK) == 0)
        return true;
    fprintf(stderr, "%s: %s: %s (is the kit installed completely?)\n", program, file,
            strerror(errno));
    return false;
}

/* The kit's front ends: the name this program runs under picks GCC's
 * driver and, for C++, the extra spec file. */
struct front_end {
    const char *suffix;    /* of x86_64-none-SUFFIX */
    const char *gcc_tool;  /* x86_64-elf-TOOL */
    const char *extra_specs; /* NULL, or a spec file added after the rules' */
};

static const struct front_end front_ends[] = {
    {"gcc", "gcc", NULL},
    {"cc", "gcc", NULL},
    {"cpp", "cpp", NULL},
    {"g++", "g++", CXX_SPECS_NAME},
    {"c++", "c++", CXX_SPECS_NAME},
};

/* x86_64-none-g++, and also a bare g++: a distcc masquerade folder or an
 * icecream environment holds the driver under the plain names. */
static const struct front_end *front_end_for(const char *argv0)
{
    const char *base = strrchr(argv0, '/') ? strrchr(argv0, '/') + 1 : argv0;
    const char *dash = strrchr(base, '-');
    const char *suffix = dash ? dash + 1 : base;
    for (size_t i = 0; i < sizeof front_ends / sizeof front_ends[0]; i++)
        if (!strcmp(suffix, front_ends[i].suffix))
            return &front_ends[i];
    return &front_ends[0];
}

/* The kit's identity (kit-id.c) for the driver in the bin folder DIR;
 * 0, or -1 after an error line. */
static int identity(const char *dir, uint64_t *id)
{
    return kit_id(program, join(dir, "/x86_64-none-gcc"), join(dir, "/../" TARGET "/lib"), id);
}

/* --kit-id: prints the kit's identity. */
static int print_kit_id(const char *dir)
{
    uint64_t id;
    if (identity(dir, &id) != 0)
        return 1;
    printf("%016llx\n", (unsigned long long)id);
    return 0;
}

/* With -v or --version, the identity follows GCC's own lines (on the
 * stream they use), where a cache that hashes that output sees it. */
static bool shows_version(int argc, char **argv, FILE **stream)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--version") || !strcmp(argv[i], "-v")) {
            *stream = argv[i][1] == '-' ? stdout : stderr;
            return true;
        }
    }
    return false;
}

/* Runs the compiler and then prints the identity line; GCC's status. */
static int run_then_show_id(const char *dir, char *tool, char **args, FILE *stream)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        execv(tool, args);
        fprintf(stderr, "%s: cannot run %s: %s\n", program, tool, strerror(errno));
        _exit(127);
    }
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) != pid) {
        fprintf(stderr, "%s: cannot run %s: %s\n", program, tool, strerror(errno));
        return 1;
    }
    uint64_t id;
    if (identity(dir, &id) == 0)
        fprintf(stream, "x86_64-none kit-id %016llx\n", (unsigned long long)id);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

/* Checks the command line against the rules; true when it may run. */
static bool rules_allow(int argc, char **argv)
{
    bool allowed[RULE_COUNT] = {false};
    for (int i = 1; i < argc; i++)
        if (starts_with(argv[i], "--allow=") && !parse_allow(argv[i] + 8, allowed))
            return false;
    for (int i = 1; i < argc; i++) {
        const struct rule *r = rule_broken_by(argv[i]);
        if (r && !allowed[r - all_rules]) {
            fprintf(stderr, "%s: %s breaks the x86_64-none rule: %s; "
                    "add --allow=%s to use it anyway\n", program, argv[i], r->summary,
                    r->name);
            return false;
        }
    }
    if (needs_other_code_model(argc, argv)) {
        fprintf(stderr, "%s: position-independent code needs a code model other than "
                "kernel: add --allow=code-model and -mcmodel=small or -mcmodel=large\n",
                program);
        return false;
    }
    return true;
}

/* The compiler's command: TOOL, the spec files, then the user's
 * arguments without --allow=; NULL after a line when out of memory. */
static char **compiler_args(char *tool, char *specs, char *extra_specs, int argc,
                            char **argv)
{
    char **args = calloc((size_t)argc + 4, sizeof *args);
    if (!args) {
        fprintf(stderr, "%s: out of memory\n", program);
        return NULL;
    }
    int n = 0;
    args[n++] = tool;
    args[n++] = specs;
    if (extra_specs) {
        args[n++] = extra_specs;
        /* x86_64-none.specs' *lib places libstdc++ in its group. */
        args[n++] = "-nostdlib++";
    }
    for (int i = 1; i < argc; i++)
        if (!starts_with(argv[i], "--allow="))
            args[n++] = argv[i];
    args[n] = NULL;
    return args;
}

int main(int argc, char **argv)
{
    const struct front_end *fe = front_end_for(argv[0]);
    static char name[32];
    snprintf(name, sizeof name, "x86_64-none-%s", fe->suffix);
    program = name;
    if (argc == 2 && !strcmp(argv[1], "--help")) {
        print_help();
        return 0;
    }
    if (!rules_allow(argc, argv))
        return 1;
    char *dir = own_dir(argv[0]);
    if (!dir) {
        fprintf(stderr, "%s: cannot find the folder this program is in\n", program);
        return 1;
    }
    if (argc == 2 && !strcmp(argv[1], "--kit-id"))
        return print_kit_id(dir);
    char *tool = join(join(dir, "/" TARGET "-"), fe->gcc_tool);
    char *specs = join("-specs=", join(dir, "/../" TARGET "/lib/" SPECS_NAME));
    char *extra_specs =
        fe->extra_specs ? join("-specs=", join(join(dir, "/../" TARGET "/lib/"), fe->extra_specs))
                        : NULL;
    if (access(tool, X_OK) != 0) {
        fprintf(stderr, "%s: %s: %s (the kit's compiler must be in the same folder)\n",
                program, tool, strerror(errno));
        return 1;
    }
    if (!readable_specs(specs) || (extra_specs && !readable_specs(extra_specs)))
        return 1;
    char **args = compiler_args(tool, specs, extra_specs, argc, argv);
    if (!args)
        return 1;
    FILE *stream;
    if (shows_version(argc, argv, &stream))
        return run_then_show_id(dir, tool, args, stream);
    execv(tool, args);
    fprintf(stderr, "%s: cannot run %s: %s\n", program, tool, strerror(errno));
    return 1;
}
