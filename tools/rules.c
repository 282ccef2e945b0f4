/* The target rules table and its lookups (see rules.h). */
#include "rules.h"
#include <string.h>

#define X86_64_NONE_RULE(name, summary, keep, ...) \
    {name, summary, keep, (const char *const[]){__VA_ARGS__, NULL}},
const struct rule all_rules[RULE_COUNT] = {
#include "rules.def"
};
#undef X86_64_NONE_RULE

const struct rule *rule_named(const char *name, size_t len)
{
    for (size_t i = 0; i < RULE_COUNT; i++)
        if (strlen(all_rules[i].name) == len && !strncmp(all_rules[i].name, name, len))
            return &all_rules[i];
    return NULL;
}

bool flag_in_list(const char *flag, size_t len, const char *list)
{
    for (const char *p = list; *p; p += strspn(p, " ")) {
        size_t word = strcspn(p, " ");
        if (word == len && !strncmp(p, flag, len))
            return true;
        p += word;
    }
    return false;
}

static bool matches(const char *pattern, const char *arg)
{
    size_t len = strlen(pattern);
    if (len > 0 && pattern[len - 1] == '*')
        return !strncmp(arg, pattern, len - 1);
    return !strcmp(arg, pattern);
}

bool option_breaks(const struct rule *r, const char *arg)
{
    if (flag_in_list(arg, strlen(arg), r->keep))
        return false;
    for (const char *const *b = r->breakers; *b; b++)
        if (matches(*b, arg))
            return true;
    return false;
}

const struct rule *rule_broken_by(const char *arg)
{
    for (size_t i = 0; i < RULE_COUNT; i++)
        if (option_breaks(&all_rules[i], arg))
            return &all_rules[i];
    return NULL;
}

const char *rule_names(void)
{
    static char names[256];
    if (!names[0])
        for (size_t i = 0; i < RULE_COUNT; i++) {
            if (i)
                strncat(names, ", ", sizeof names - strlen(names) - 1);
            strncat(names, all_rules[i].name, sizeof names - strlen(names) - 1);
        }
    return names;
}
