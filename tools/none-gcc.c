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

#define TARGET "x86_64-elf"
#define SPECS_NAME "x86_64-none.specs"

/* A rule the kit enforces, and what a user writes to waive it. */
struct rule {
    const char *name;    /* for --allow=NAME */
    const char *summary; /* shown in the error */
};

static const struct rule rule_red_zone = {"red-zone",
    "no red zone (interrupts and exceptions push onto the running stack)"};
static const struct rule rule_sse = {"sse",
    "no SSE/AVX registers (a kernel does not save them on entry)"};
static const struct rule rule_mmx = {"mmx", "no MMX registers"};
static const struct rule rule_x87 = {"x87", "no x87 floating point"};
static const struct rule rule_code_model = {"code-model",
    "kernel code model (-mcmodel=kernel: code and data in the top 2 GiB)"};
static const struct rule rule_pic = {"pic",
    "no position-independent code (the kernel code model does not support it)"};

static const struct rule *const all_rules[] = {
    &rule_red_zone, &rule_sse, &rule_mmx, &rule_x87, &rule_code_model, &rule_pic,
};
#define RULE_COUNT (sizeof all_rules / sizeof all_rules[0])

static const char *program = "x86_64-none-gcc";

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The rule an option breaks, or NULL. */
static const struct rule *rule_broken_by(const char *arg)
{
    static const char *const sse_prefixes[] = {
        "-msse", "-mavx", "-mfma", "-mf16c", "-mxop", "-maes", "-mpclmul",
        "-msha", "-mgfni", "-mvaes", "-mvpclmulqdq", "-m3dnow",
    };
    if (!strcmp(arg, "-mred-zone"))
        return &rule_red_zone;
    for (size_t i = 0; i < sizeof sse_prefixes / sizeof sse_prefixes[0]; i++)
        if (starts_with(arg, sse_prefixes[i]))
            return &rule_sse;
    if (!strcmp(arg, "-mmmx"))
        return &rule_mmx;
    if (!strcmp(arg, "-m80387") || !strcmp(arg, "-mhard-float") ||
        !strcmp(arg, "-mfp-ret-in-387"))
        return &rule_x87;
    if (starts_with(arg, "-mcmodel=") && strcmp(arg, "-mcmodel=kernel") != 0)
        return &rule_code_model;
    if (!strcmp(arg, "-fpic") || !strcmp(arg, "-fPIC") || !strcmp(arg, "-fpie") ||
        !strcmp(arg, "-fPIE") || !strcmp(arg, "-pie") || !strcmp(arg, "-static-pie"))
        return &rule_pic;
    return NULL;
}

static const struct rule *rule_named(const char *name, size_t len)
{
    for (size_t i = 0; i < RULE_COUNT; i++)
        if (strlen(all_rules[i]->name) == len && !strncmp(all_rules[i]->name, name, len))
            return all_rules[i];
    return NULL;
}

/* Records the rules of "--allow=a,b"; false on an unknown name. */
static bool parse_allow(const char *list, bool allowed[RULE_COUNT])
{
    while (*list) {
        size_t len = strcspn(list, ",");
        const struct rule *r = rule_named(list, len);
        if (!r) {
            fprintf(stderr, "%s: --allow: unknown rule '%.*s' (rules: red-zone, sse, "
                    "mmx, x87, code-model, pic)\n", program, (int)len, list);
            return false;
        }
        for (size_t i = 0; i < RULE_COUNT; i++)
            if (all_rules[i] == r)
                allowed[i] = true;
        list += len + (list[len] == ',');
    }
    return true;
}

static bool is_allowed(const struct rule *r, const bool allowed[RULE_COUNT])
{
    for (size_t i = 0; i < RULE_COUNT; i++)
        if (all_rules[i] == r)
            return allowed[i];
    return false;
}

/* True when PIC was let through but the code model is still kernel, which
 * GCC refuses ("code model kernel does not support PIC mode"). */
static bool needs_other_code_model(int argc, char **argv)
{
    bool pic = false, other_model = false;
    for (int i = 1; i < argc; i++) {
        const struct rule *r = rule_broken_by(argv[i]);
        pic |= r == &rule_pic && strcmp(argv[i], "-pie") != 0;
        other_model |= r == &rule_code_model;
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
           "rule are refused unless allowed:\n"
           "  --allow=red-zone    -mred-zone\n"
           "  --allow=sse         -msse*, -mavx*, -mfma, ...\n"
           "  --allow=mmx         -mmmx\n"
           "  --allow=x87         -m80387, -mhard-float\n"
           "  --allow=code-model  -mcmodel= other than kernel\n"
           "  --allow=pic         -fpic, -fPIC, -fpie, -fPIE, -pie\n"
           "\n"
           "Boot and board support: --specs=pvh.specs, --specs=multiboot.specs,\n"
           "--specs=multiboot2.specs, --specs=qemu.specs (see x86_64-none-gcc(1)).\n"
           "GCC's own options: %s --help=common, or " TARGET "-gcc --help.\n",
           program, program);
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
        if (r && !is_allowed(r, allowed)) {
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
