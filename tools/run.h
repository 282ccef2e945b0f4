/* x86_64-none-run's parts (see none-run.c): its options (run-options.c),
 * the QEMU command and child (run-qemu.c), the console filter that takes
 * the exit, start and coverage records out of the program's output
 * (run-console.c), and the file checks (run-file.c). */
#ifndef X86_64_NONE_RUN_H
#define X86_64_NONE_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include "run-file.h"
#include "symbolize.h"

#define PROGRAM "x86_64-none-run"

/* Exit statuses of the runner itself (documented in x86_64-none-run(1)). */
enum {
    RUN_USAGE = 122,
    RUN_CRASH = 123,
    RUN_TIMEOUT = 124,
    RUN_QEMU_FAILED = 125,
    RUN_BAD_FILE = 126,
    RUN_NO_QEMU = 127,
};

#define DEFAULT_TIMEOUT 60
#define MAX_QEMU_ARGS 64

enum firmware { FIRMWARE_BIOS, FIRMWARE_UEFI };
enum media { MEDIA_DEFAULT, MEDIA_CD, MEDIA_DISK, MEDIA_USB };

struct options {
    const char *file;
    enum file_kind kind;
    enum firmware firmware;
    bool firmware_given;
    enum media media;
    const char *ovmf;    /* --ovmf=FILE, then the first of ovmf_places */
    const char *symbols; /* the ELF for crash reports and gdb: FILE, or --symbols */
    const char *qemu;
    const char *machine;
    const char *memory;
    double timeout; /* seconds; 0 = none */
    bool kvm;
    bool gdb;
    char gdb_port[8]; /* the stub's TCP port, as text */
    bool verbose;
    const char *coverage_dir; /* --coverage=DIR, or NULL */
    const char *extra[MAX_QEMU_ARGS];
    int extra_count;
    char **prog_args;
    int prog_argc;
};

struct filter {
    char pending[64];
    size_t n;
    bool started;        /* the start record was seen (or an ELF file runs) */
    char preamble[8192]; /* output before it: the firmware's and GRUB's */
    size_t preamble_length;
    bool preamble_cut; /* its beginning was dropped */
    int status; /* -1 until a record was seen */
    struct crash_report crash; /* addresses of exception and panic reports */
    bool in_gcov;              /* inside a gcov record */
    int gcov_nibble;           /* the first hex digit of a byte, or -1 */
    unsigned char *gcov;       /* the gcov stream, decoded */
    size_t gcov_length, gcov_capacity;
};

/* run-options.c */
int parse_args(int argc, char **argv, struct options *o);
int check_image_options(struct options *o);

/* run-console.c */
void filter_byte(struct filter *f, char c);
void flush_pending(struct filter *f);
void print_preamble(const struct filter *f);

/* run-qemu.c */
struct child {
    pid_t pid;
    int out; /* QEMU's stdout: the serial console */
    int err; /* QEMU's stderr */
    int in;  /* QEMU's stdin: the serial console's input */
};
char *program_cmdline(const char *file, char **args, int n);
const char **qemu_command(const struct options *o, const char *cmdline);
double now(void);
int start_qemu(const char **argv, struct child *c);
bool pump(struct child *c, struct filter *f, double deadline, char *errbuf, size_t errcap);
void print_qemu_stderr(const char *errbuf);

#endif
