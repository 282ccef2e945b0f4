/* The command line x86_64-none-run hands a program (QEMU's -append, which
 * reaches the program through the boot protocol): the program's file
 * name, then its arguments, one space between words.  A word that is
 * empty or holds a space, a tab, a double quote or a backslash is written
 * in double quotes, with \" and \\ inside them.  This header is the one
 * statement of that format: the runner (tools/none-run.c) writes words
 * with none_cmdline_quote, the QEMU board (crt/qemu/start.c) reads them
 * back with none_cmdline_word into main's argv.
 *
 * GRUB (an image from x86_64-none-mkimage) writes a word the same way,
 * except that it puts a backslash before every \, " and ' whether the
 * word is quoted or not; the reader takes that too.
 */
#ifndef X86_64_NONE_CMDLINE_H
#define X86_64_NONE_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

static inline bool none_cmdline_needs_quotes(const char *word)
{
    if (!*word)
        return true;
    for (; *word; word++)
        if (*word == ' ' || *word == '\t' || *word == '"' || *word == '\\')
            return true;
    return false;
}

/* Writes WORD as the command line spells it to OUT (when OUT is not NULL)
 * and returns its length, without a terminating NUL. */
static inline size_t none_cmdline_quote(char *out, const char *word)
{
    bool quoted = none_cmdline_needs_quotes(word);
    size_t n = 0;
    if (quoted && out)
        out[n] = '"';
    n += quoted;
    for (; *word; word++) {
        if (quoted && (*word == '"' || *word == '\\')) {
            if (out)
                out[n] = '\\';
            n++;
        }
        if (out)
            out[n] = *word;
        n++;
    }
    if (quoted && out)
        out[n] = '"';
    return n + quoted;
}

/* Is S a backslash that makes the next byte literal?  Inside quotes
 * any byte after it; outside them GRUB's \\, \" and \'. */
static inline bool none_cmdline_escape(const char *s, bool quoted)
{
    if (*s != '\\' || !s[1])
        return false;
    return quoted || s[1] == '\\' || s[1] == '"' || s[1] == '\'';
}

/* Reads the word at or after *CURSOR into OUT (NUL-terminated; OUT needs
 * room for the rest of the line; NULL skips the word), moves *CURSOR past
 * it and returns true; returns false at the end of the line. */
static inline bool none_cmdline_word(const char **cursor, char *out)
{
    const char *s = *cursor;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s)
        return false;
    bool quoted = *s == '"';
    s += quoted;
    while (*s && (quoted ? *s != '"' : *s != ' ' && *s != '\t')) {
        if (none_cmdline_escape(s, quoted))
            s++;
        if (out)
            *out++ = *s;
        s++;
    }
    s += quoted && *s == '"';
    if (out)
        *out = '\0';
    *cursor = s;
    return true;
}

/* The QEMU board's limits for main's arguments (a longer command line or
 * more words end in a panic that says so). */
#define NONE_CMDLINE_MAX 4096
#define NONE_ARGS_MAX 128

#endif
