/* The target rules as data (tools/rules.def) and the questions asked of
 * them, shared by x86_64-none-gcc and the generator of the spec file and
 * man page (gen-rules). */
#ifndef X86_64_NONE_RULES_H
#define X86_64_NONE_RULES_H
#include <stdbool.h>
#include <stddef.h>

struct rule {
    const char *name;             /* for --allow=NAME */
    const char *summary;          /* shown in the error */
    const char *keep;             /* flags the specs add to keep it */
    const char *const *breakers;  /* NULL-terminated; "x*" is a prefix */
};

/* The number of rules, counted from the table at compile time. */
enum {
    RULE_COUNT = 0
#define X86_64_NONE_RULE(...) + 1
#include "rules.def"
#undef X86_64_NONE_RULE
};

extern const struct rule all_rules[RULE_COUNT];

/* The rule named NAME (LEN bytes), or NULL. */
const struct rule *rule_named(const char *name, size_t len);
/* Whether ARG breaks R. */
bool option_breaks(const struct rule *r, const char *arg);
/* The first rule ARG breaks, or NULL. */
const struct rule *rule_broken_by(const char *arg);
/* Whether FLAG (LEN bytes) is one of the space-separated flags of LIST. */
bool flag_in_list(const char *flag, size_t len, const char *list);
/* "red-zone, sse, ..." */
const char *rule_names(void);
#endif
