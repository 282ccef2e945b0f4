/* Crash reports that name the code (see symbolize.h). */
#define _POSIX_C_SOURCE 200809L
#include "symbolize.h"

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* A new trace, or 0 when the report has all it can hold. */
static struct crash_trace *new_trace(struct crash_report *r, const char *label, size_t length)
{
    if (r->traces == CRASH_MAX_TRACES)
        return 0;
    struct crash_trace *t = &r->trace[r->traces++];
    memset(t, 0, sizeof *t);
    if (length >= sizeof t->label)
        length = sizeof t->label - 1;
    memcpy(t->label, label, length);
    return t;
}

/* Takes the addresses out of one finished console line. */
static void scan_line(struct crash_report *r, const char *line)
{
    const char *rip = strstr(line, "RIP 0x");
    if (!strncmp(line, "exception: ", 11) && rip) {
        struct crash_trace *t = new_trace(r, "", 0);
        if (t) {
            t->address[0] = strtoull(rip + 4, NULL, 16);
            t->count = 1;
            t->has_rip = 1;
        }
        return;
    }
    if (strncmp(line, "backtrace", 9))
        return;
    const char *p = line + 9, *label = "";
    size_t label_length = 0;
    if (!strncmp(p, " (", 2)) {
        label = p + 2;
        const char *close = strstr(label, "):");
        if (!close)
            return;
        label_length = (size_t)(close - label);
        p = close + 2;
    } else if (*p++ != ':') {
        return;
    }
    /* An exception's RIP, then its backtrace: one trace. */
    struct crash_trace *t = r->traces && !label_length && r->trace[r->traces - 1].has_rip &&
                                    r->trace[r->traces - 1].count == 1
                                ? &r->trace[r->traces - 1]
                                : new_trace(r, label, label_length);
    while (t && t->count < CRASH_MAX_FRAMES) {
        char *end;
        unsigned long long a = strtoull(p, &end, 16);
        if (end == p)
            break;
        t->address[t->count++] = a;
        p = end;
    }
}

void crash_scan_byte(struct crash_report *r, char c)
{
    if (c == '\n' || r->line_length + 1 == sizeof r->line) {
        r->line[r->line_length] = '\0';
        scan_line(r, r->line);
        r->line_length = 0;
        return;
    }
    if (c != '\r')
        r->line[r->line_length++] = c;
}

void crash_function_of(Elf *elf, uint64_t address, char *out, size_t size)
{
    snprintf(out, size, "??");
    uint64_t best = 0;
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(elf, scn))) {
        GElf_Shdr shdr;
        if (!gelf_getshdr(scn, &shdr) || shdr.sh_type != SHT_SYMTAB)
            continue;
        Elf_Data *data = elf_getdata(scn, NULL);
        size_t n = shdr.sh_entsize ? shdr.sh_size / shdr.sh_entsize : 0;
        for (size_t i = 0; data && i < n; i++) {
            GElf_Sym sym;
            if (!gelf_getsym(data, (int)i, &sym) || GELF_ST_TYPE(sym.st_info) != STT_FUNC)
                continue;
            if (address < sym.st_value || address >= sym.st_value + (sym.st_size ? sym.st_size : 1))
                continue;
            if (sym.st_value < best)
                continue;
            const char *name = elf_strptr(elf, shdr.sh_link, sym.st_name);
            best = sym.st_value;
            snprintf(out, size, "%s+0x%llx", name ? name : "??",
                     (unsigned long long)(address - sym.st_value));
        }
    }
}

/* file:line of each address, one line each, by addr2line; false if it
 * could not run. */
static int lines_of(const char *addr2line, const char *elf_file, const uint64_t *addresses,
                    unsigned count, char lines[][256])
{
    int out[2];
    if (pipe(out))
        return 0;
    pid_t pid = fork();
    if (pid < 0)
        return 0;
    if (pid == 0) {
        char args[CRASH_MAX_FRAMES][24];
        const char *argv[CRASH_MAX_FRAMES + 5];
        int n = 0;
        argv[n++] = addr2line;
        argv[n++] = "-e";
        argv[n++] = elf_file;
        for (unsigned i = 0; i < count; i++) {
            snprintf(args[i], sizeof args[i], "0x%llx", (unsigned long long)addresses[i]);
            argv[n++] = args[i];
        }
        argv[n] = NULL;
        dup2(out[1], 1);
        close(out[0]);
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 2);
        execvp(addr2line, (char *const *)argv);
        _exit(127);
    }
    close(out[1]);
    FILE *f = fdopen(out[0], "r");
    unsigned got = 0;
    while (f && got < count && fgets(lines[got], 256, f)) {
        lines[got][strcspn(lines[got], "\n")] = '\0';
        got++;
    }
    if (f)
        fclose(f);
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 && got == count;
}

static void print_trace(const struct crash_trace *t, Elf *elf, const char *elf_file,
                        const char *addr2line)
{
    if (t->count == 0)
        return;
    /* A return address is the instruction after the call: look up the
     * call itself, one byte back. */
    uint64_t lookup[CRASH_MAX_FRAMES];
    for (unsigned i = 0; i < t->count; i++)
        lookup[i] = t->address[i] - (i == 0 && t->has_rip ? 0 : 1);
    static char lines[CRASH_MAX_FRAMES][256];
    int have_lines = lines_of(addr2line, elf_file, lookup, t->count, lines);

    if (t->label[0])
        fprintf(stderr, "x86_64-none-run: backtrace (%s):\n", t->label);
    else
        fprintf(stderr, "x86_64-none-run: %s, where the program was:\n",
                t->has_rip ? "CPU exception" : "backtrace");
    for (unsigned i = 0; i < t->count; i++) {
        char function[256] = "??";
        if (elf)
            crash_function_of(elf, lookup[i], function, sizeof function);
        /* Show the offset of the address printed, not of the lookup. */
        if (lookup[i] != t->address[i]) {
            char *plus = strrchr(function, '+');
            if (plus)
                snprintf(plus, sizeof function - (size_t)(plus - function), "+0x%llx",
                         strtoull(plus + 1, NULL, 16) + 1);
        }
        fprintf(stderr, "  #%u 0x%llx %s (%s)\n", i, (unsigned long long)t->address[i], function,
                have_lines ? lines[i] : "no line information: addr2line not found");
    }
}

void crash_report_print(const struct crash_report *r, const char *elf_file,
                        const char *addr2line)
{
    if (r->traces == 0)
        return;
    int fd = open(elf_file, O_RDONLY);
    Elf *elf = fd >= 0 && elf_version(EV_CURRENT) != EV_NONE ? elf_begin(fd, ELF_C_READ, NULL)
                                                             : NULL;
    for (unsigned i = 0; i < r->traces; i++)
        print_trace(&r->trace[i], elf, elf_file, addr2line);
    if (elf)
        elf_end(elf);
    if (fd >= 0)
        close(fd);
}
