/* gen-rules: derive the parts of the kit that state the target rules from
 * the one table (rules.def), at build time.
 *
 *   gen-rules self-spec   the self_spec line of x86_64-none.specs
 *   gen-rules man         the man page's list of --allow rules (troff)
 *   gen-rules breakers    "BREAKER RULE KEEP..." a line, every breaker (for tests)
 */
#include "rules.h"
#include <stdio.h>
#include <string.h>

/* Whether FLAG (LEN bytes) comes first in rule I's or an earlier rule's
 * KEEP: each flag is printed once. */
static bool seen_before(size_t rule, const char *flag, size_t len)
{
    for (size_t i = 0; i < rule; i++)
        if (flag_in_list(flag, len, all_rules[i].keep))
            return true;
    return false;
}

/* "%{!B1:%{!B2:...FLAG}}" over the breakers of every rule keeping FLAG. */
static void print_kept_flag(const char *flag, size_t len)
{
    int depth = 0;
    for (size_t i = 0; i < RULE_COUNT; i++) {
        if (!flag_in_list(flag, len, all_rules[i].keep))
            continue;
        for (const char *const *b = all_rules[i].breakers; *b; b++, depth++)
            printf("%%{!%s:", *b + 1);
    }
    printf("%.*s", (int)len, flag);
    while (depth--)
        putchar('}');
}

/* Calls FN on every flag that keeps a rule, once, in table order. */
static void each_kept_flag(void (*fn)(const char *flag, size_t len, const char *sep))
{
    const char *sep = NULL;
    for (size_t i = 0; i < RULE_COUNT; i++) {
        const char *keep = all_rules[i].keep;
        for (const char *p = keep; *p; p += strspn(p, " ")) {
            size_t len = strcspn(p, " ");
            if (!seen_before(i, p, len)) {
                fn(p, len, sep);
                sep = " ";
            }
            p += len;
        }
    }
    putchar('\n');
}

static void print_spec_flag(const char *flag, size_t len, const char *sep)
{
    fputs(sep ? sep : "+ ", stdout);
    print_kept_flag(flag, len);
}

/* What the spec file adds when nothing breaks a rule (the tests'
 * RULE_FLAGS). */
static void print_plain_flag(const char *flag, size_t len, const char *sep)
{
    printf("%s%.*s", sep ? sep : "", (int)len, flag);
}

/* troff: a "\-" for every "-". */
static void print_troff(const char *s)
{
    for (; *s; s++)
        fputs(*s == '-' ? "\\-" : (char[]){*s, 0}, stdout);
}

static void print_man(void)
{
    for (size_t i = 0; i < RULE_COUNT; i++) {
        printf(".TP\n.B ");
        print_troff(all_rules[i].name);
        printf("\n");
        print_troff(all_rules[i].summary);
        printf(".  Broken by: ");
        for (const char *const *b = all_rules[i].breakers; *b; b++) {
            printf("%s\\fB", b == all_rules[i].breakers ? "" : ", ");
            print_troff(*b);
            printf("\\fR");
        }
        printf(".  Kept by: \\fB");
        print_troff(all_rules[i].keep);
        printf("\\fR.\n");
    }
}

static void print_breakers(void)
{
    for (size_t i = 0; i < RULE_COUNT; i++)
        for (const char *const *b = all_rules[i].breakers; *b; b++)
            printf("%s %s %s\n", *b, all_rules[i].name, all_rules[i].keep);
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "self-spec"))
        each_kept_flag(print_spec_flag);
    else if (argc == 2 && !strcmp(argv[1], "man"))
        print_man();
    else if (argc == 2 && !strcmp(argv[1], "breakers"))
        print_breakers();
    else if (argc == 2 && !strcmp(argv[1], "keep-flags"))
        each_kept_flag(print_plain_flag);
    else {
        fprintf(stderr, "usage: gen-rules self-spec | man | breakers | keep-flags\n");
        return 2;
    }
    return ferror(stdout) ? 1 : 0;
}
