/* x86_64-none-run: boot an x86_64-none ELF program, or a bootable image
 * of one (x86_64-none-mkimage), in QEMU and return its exit status.
 *
 * The program's serial console (COM1) streams to our stdout; our stdin
 * streams to its input, then an end-of-input byte.  The QEMU
 * board runtime (qemu.specs) ends a program by printing an exit record,
 * which is taken out of the stream, and writing to QEMU's isa-debug-exit
 * port (<x86_64-none/exit-protocol.h>).  Anything else is a crash, a
 * timeout or a QEMU failure, each with its own status.  An ELF file boots
 * through PVH (QEMU's -kernel); an image through the firmware, SeaBIOS or
 * OVMF (--firmware), and GRUB, whose output the start record separates
 * from the program's.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <getopt.h>
#include <libelf.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <x86_64-none/cmdline.h>
#include <x86_64-none/exit-protocol.h>
#include "own-dir.h"
#include "read-file.h"
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

/* Where Debian's ovmf (and other distributions) put OVMF's code. */
static const char *const ovmf_places[] = {
    "/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_CODE.fd",
    "/usr/share/ovmf/OVMF.fd",         "/usr/share/qemu/OVMF.fd",
    "/usr/share/edk2/ovmf/OVMF_CODE.fd",
};

enum firmware { FIRMWARE_BIOS, FIRMWARE_UEFI };
enum media { MEDIA_DEFAULT, MEDIA_CD, MEDIA_DISK, MEDIA_USB };

static const char exit_record[] = NONE_EXIT_RECORD_START;
static const char gcov_record[] = NONE_GCOV_RECORD_START;
static const char start_record[] = NONE_START_RECORD;

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

static int usage(FILE *out, int status)
{
    fprintf(out,
        "Usage: " PROGRAM " [OPTION]... FILE.elf [ARG]...\n"
        "  or:  " PROGRAM " [OPTION]... IMAGE\n"
        "Boot an x86_64-none program (built with --specs=qemu.specs or a PVH /\n"
        "Multiboot boot stub) in qemu-system-x86_64, stream its serial console\n"
        "to stdout (and stdin to its input, then ^D as end of file) and exit\n"
        "with its status.  FILE and the ARGs become main's\n"
        "argc/argv on the QEMU board (the ARGs alone: none_qemu_cmdline()).\n"
        "An IMAGE (x86_64-none-mkimage; an ISO 9660 or MBR disk image) boots\n"
        "through the firmware and GRUB; its command line is the image's own.\n"
        "Works as CMAKE_CROSSCOMPILING_EMULATOR.\n"
        "\n"
        "Options:\n"
        "  --firmware=bios|uefi  the firmware that boots an IMAGE: SeaBIOS\n"
        "                     (default) or OVMF (Debian: ovmf)\n"
        "  --media=cd|disk|usb  how an IMAGE is attached: CD-ROM (default for\n"
        "                     ISO files), IDE disk (default otherwise) or USB stick\n"
        "  --ovmf=FILE        OVMF's code for --firmware=uefi (default: the first\n"
        "                     of /usr/share/OVMF/OVMF_CODE_4M.fd and its usual\n"
        "                     other places)\n"
        "  --symbols=FILE.elf  the kernel inside an IMAGE, to name crash addresses\n"
        "                     and for the --gdb command\n"
        "  --timeout=SECONDS  stop QEMU after this long (default %d; 0: never)\n"
        "  --kvm              use KVM instead of TCG emulation\n"
        "  --gdb[=PORT]       start halted with a gdb stub on PORT (default\n"
        "                     1234) and print the command that attaches\n"
        "                     (no timeout unless given)\n"
        "  --qemu-arg=ARG     pass ARG to QEMU (repeatable)\n"
        "  --qemu=PROG        QEMU to run (default: $X86_64_NONE_QEMU or\n"
        "                     qemu-system-x86_64)\n"
        "  --machine=TYPE     QEMU machine (default pc)\n"
        "  --memory=SIZE      guest memory (default 128M)\n"
        "  --coverage=DIR     write the .gcda files of a program built with\n"
        "                     --coverage (gcov-tool merge-stream, run in DIR)\n"
        "  -v, --verbose      print the QEMU command line\n"
        "  -h, --help         show this help;  -V, --version  show the version\n"
        "\n"
        "Exit status: the program's own (0-255), or\n"
        "  122 usage error           123 the program crashed (triple fault,\n"
        "  124 timeout                   reset, or ended without exit record)\n"
        "  125 QEMU failed or rejected the image\n"
        "  126 FILE cannot be booted (missing, not ELF64 x86-64, no boot note,\n"
        "      truncated or damaged, not an image), or OVMF is missing\n"
        "  127 QEMU not found\n",
        DEFAULT_TIMEOUT);
    return status;
}

/* ------------------------------------------------------------ options */

static bool parse_timeout(const char *v, double *out)
{
    char *end;
    errno = 0;
    double t = strtod(v, &end);
    if (errno || *end || t < 0)
        return false;
    *out = t;
    return true;
}

/* A TCP port number, 1-65535, copied as text into out. */
static bool parse_port(const char *text, char *out, size_t size)
{
    char *end;
    errno = 0;
    long port = strtol(text, &end, 10);
    if (errno || end == text || *end || port < 1 || port > 65535)
        return false;
    snprintf(out, size, "%ld", port);
    return true;
}

/* getopt_long with "+": options end at the program's file name, so the
 * program's own arguments pass through untouched. */
static int parse_args(int argc, char **argv, struct options *o)
{
    enum { OPT_TIMEOUT = 256, OPT_KVM, OPT_GDB, OPT_QEMU_ARG, OPT_QEMU, OPT_MACHINE,
           OPT_MEMORY, OPT_COVERAGE, OPT_FIRMWARE, OPT_MEDIA, OPT_OVMF, OPT_SYMBOLS };
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"verbose", no_argument, NULL, 'v'},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"kvm", no_argument, NULL, OPT_KVM},
        {"gdb", optional_argument, NULL, OPT_GDB},
        {"qemu-arg", required_argument, NULL, OPT_QEMU_ARG},
        {"qemu", required_argument, NULL, OPT_QEMU},
        {"machine", required_argument, NULL, OPT_MACHINE},
        {"memory", required_argument, NULL, OPT_MEMORY},
        {"coverage", required_argument, NULL, OPT_COVERAGE},
        {"firmware", required_argument, NULL, OPT_FIRMWARE},
        {"media", required_argument, NULL, OPT_MEDIA},
        {"ovmf", required_argument, NULL, OPT_OVMF},
        {"symbols", required_argument, NULL, OPT_SYMBOLS},
        {NULL, 0, NULL, 0},
    };
    bool timeout_given = false;
    int c;
    opterr = 0; /* our own one-line messages */
    while ((c = getopt_long(argc, argv, "+hVv", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            exit(usage(stdout, 0));
        case 'V':
            printf(PROGRAM " (x86_64-none kit) " PACKAGE_VERSION "\n");
            exit(0);
        case 'v':
            o->verbose = true;
            break;
        case OPT_KVM:
            o->kvm = true;
            break;
        case OPT_GDB:
            o->gdb = true;
            if (!parse_port(optarg ? optarg : "1234", o->gdb_port, sizeof o->gdb_port)) {
                fprintf(stderr, PROGRAM ": --gdb=PORT needs a TCP port (1-65535), not '%s'\n",
                        optarg);
                return RUN_USAGE;
            }
            break;
        case OPT_TIMEOUT:
            if (!parse_timeout(optarg, &o->timeout)) {
                fprintf(stderr, PROGRAM ": --timeout needs seconds, not '%s'\n", optarg);
                return RUN_USAGE;
            }
            timeout_given = true;
            break;
        case OPT_QEMU_ARG:
            if (o->extra_count == MAX_QEMU_ARGS) {
                fprintf(stderr, PROGRAM ": more than %d --qemu-arg\n", MAX_QEMU_ARGS);
                return RUN_USAGE;
            }
            o->extra[o->extra_count++] = optarg;
            break;
        case OPT_QEMU:
            o->qemu = optarg;
            break;
        case OPT_MACHINE:
            o->machine = optarg;
            break;
        case OPT_MEMORY:
            o->memory = optarg;
            break;
        case OPT_COVERAGE:
            o->coverage_dir = optarg;
            break;
        case OPT_FIRMWARE:
            if (!strcmp(optarg, "bios") || !strcmp(optarg, "uefi")) {
                o->firmware = !strcmp(optarg, "bios") ? FIRMWARE_BIOS : FIRMWARE_UEFI;
                o->firmware_given = true;
                break;
            }
            fprintf(stderr, PROGRAM ": --firmware is bios or uefi, not '%s'\n", optarg);
            return RUN_USAGE;
        case OPT_MEDIA:
            if (!strcmp(optarg, "cd") || !strcmp(optarg, "disk") || !strcmp(optarg, "usb")) {
                o->media = !strcmp(optarg, "cd")     ? MEDIA_CD
                           : !strcmp(optarg, "disk") ? MEDIA_DISK
                                                     : MEDIA_USB;
                break;
            }
            fprintf(stderr, PROGRAM ": --media is cd, disk or usb, not '%s'\n", optarg);
            return RUN_USAGE;
        case OPT_OVMF:
            o->ovmf = optarg;
            break;
        case OPT_SYMBOLS:
            o->symbols = optarg;
            break;
        default:
            fprintf(stderr, PROGRAM ": unknown or incomplete option '%s' (try --help)\n",
                    argv[optind - 1]);
            return RUN_USAGE;
        }
    }
    int i = optind;
    if (i >= argc) {
        fprintf(stderr, PROGRAM ": no program to run (try --help)\n");
        return RUN_USAGE;
    }
    o->file = argv[i];
    o->prog_args = argv + i + 1;
    o->prog_argc = argc - i - 1;
    if (o->gdb && !timeout_given)
        o->timeout = 0;
    return 0;
}

/* ------------------------------------------------------ file checks */

/* Returns NULL when the file is bootable (and sets *kind), else what is
 * wrong with it. */
static const char *check_bootable(const char *path, enum file_kind *kind, char *why,
                                  size_t len)
{
    size_t size = 0;
    unsigned char *image = read_file(path, &size);
    if (!image) {
        snprintf(why, len, "%s", strerror(errno));
        return why;
    }
    const char *problem = bootable_problem(image, size, kind, why, len);
    free(image);
    return problem;
}

/* ------------------------------------------------------ QEMU command */

/* The program's command line: its file name and arguments, quoted as
 * <x86_64-none/cmdline.h> says, so that main's argv gets them back. */
static char *program_cmdline(const char *file, char **args, int n)
{
    size_t len = none_cmdline_quote(NULL, file) + 1;
    for (int i = 0; i < n; i++)
        len += 1 + none_cmdline_quote(NULL, args[i]);
    char *s = malloc(len);
    if (!s)
        return NULL;
    size_t at = none_cmdline_quote(s, file);
    for (int i = 0; i < n; i++) {
        s[at++] = ' ';
        at += none_cmdline_quote(s + at, args[i]);
    }
    s[at] = '\0';
    return s;
}

/* The QEMU arguments that attach an image as its --media says. */
static int image_args(const struct options *o, const char **argv)
{
    static char drive[4200];
    enum media media = o->media != MEDIA_DEFAULT ? o->media
                       : o->kind == FILE_ISO     ? MEDIA_CD
                                                 : MEDIA_DISK;
    int n = 0;
    /* snapshot=on: the guest's writes never reach the file. */
    snprintf(drive, sizeof drive, "file=%s,format=raw,%s", o->file,
             media == MEDIA_CD     ? "media=cdrom,readonly=on"
             : media == MEDIA_DISK ? "if=ide,snapshot=on"
                                   : "if=none,id=stick,snapshot=on");
    argv[n++] = "-drive";
    argv[n++] = drive;
    if (media == MEDIA_USB) {
        argv[n++] = "-device";
        argv[n++] = "qemu-xhci";
        argv[n++] = "-device";
        argv[n++] = "usb-storage,drive=stick,bootindex=0";
    }
    if (o->firmware == FIRMWARE_UEFI) {
        static char pflash[4200];
        snprintf(pflash, sizeof pflash, "if=pflash,format=raw,readonly=on,file=%s", o->ovmf);
        argv[n++] = "-drive";
        argv[n++] = pflash;
    }
    return n;
}

static const char **qemu_command(const struct options *o, const char *cmdline)
{
    static const char *argv[40 + MAX_QEMU_ARGS];
    int n = 0;
    argv[n++] = o->qemu;
    argv[n++] = "-nodefaults";
    argv[n++] = "-no-user-config";
    argv[n++] = "-display";
    argv[n++] = "none";
    argv[n++] = "-no-reboot";
    argv[n++] = "-M";
    argv[n++] = o->machine;
    argv[n++] = "-m";
    argv[n++] = o->memory;
    argv[n++] = "-accel";
    argv[n++] = o->kvm ? "kvm" : "tcg";
    if (o->kvm) {
        argv[n++] = "-cpu";
        argv[n++] = "host";
    }
    argv[n++] = "-serial";
    argv[n++] = "stdio";
    argv[n++] = "-device";
    argv[n++] = NONE_DEBUG_EXIT_DEVICE;
    if (o->kind == FILE_ELF) {
        argv[n++] = "-kernel";
        argv[n++] = o->file;
        if (*cmdline) {
            argv[n++] = "-append";
            argv[n++] = cmdline;
        }
    } else {
        n += image_args(o, argv + n);
    }
    if (o->gdb) {
        static char where[32];
        snprintf(where, sizeof where, "tcp::%s", o->gdb_port);
        argv[n++] = "-gdb";
        argv[n++] = where;
        argv[n++] = "-S";
    }
    for (int i = 0; i < o->extra_count; i++)
        argv[n++] = o->extra[i];
    argv[n] = NULL;
    return argv;
}

/* --------------------------------------------- the exit-record filter */

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

/* One hex digit of the gcov record. */
static void gcov_digit(struct filter *f, char c)
{
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (v < 0)
        return;
    if (f->gcov_nibble < 0) {
        f->gcov_nibble = v;
        return;
    }
    if (f->gcov_length == f->gcov_capacity) {
        size_t capacity = f->gcov_capacity ? 2 * f->gcov_capacity : 4096;
        unsigned char *grown = realloc(f->gcov, capacity);
        if (!grown) {
            fprintf(stderr, PROGRAM ": out of memory for the coverage data\n");
            exit(RUN_USAGE);
        }
        f->gcov = grown;
        f->gcov_capacity = capacity;
    }
    f->gcov[f->gcov_length++] = (unsigned char)(f->gcov_nibble << 4 | v);
    f->gcov_nibble = -1;
}

/* Could pending[0..n) still become a record? */
static bool record_prefix(const char *record, const char *pending, size_t n)
{
    return n < strlen(record) + 1 && !memcmp(record, pending, n);
}

/* Program output to stdout and the crash report's scanner (records are
 * not output); before the start record, into the preamble (its last half
 * when it overflows). */
static void emit(struct filter *f, const char *s, size_t n)
{
    if (f->started) {
        for (size_t i = 0; i < n; i++)
            crash_scan_byte(&f->crash, s[i]);
        fwrite(s, 1, n, stdout);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (f->preamble_length == sizeof f->preamble) {
            size_t keep = sizeof f->preamble / 2;
            memmove(f->preamble, f->preamble + sizeof f->preamble - keep, keep);
            f->preamble_length = keep;
            f->preamble_cut = true;
        }
        f->preamble[f->preamble_length++] = s[i];
    }
}

static void flush_pending(struct filter *f)
{
    emit(f, f->pending, f->n);
    f->n = 0;
}

/* The preamble on stderr without the terminal escape sequences the
 * firmware and GRUB draw their screens with (ESC [ ... final byte). */
static void print_preamble(const struct filter *f)
{
    enum { TEXT, ESCAPE, CSI } state = TEXT;
    if (f->preamble_cut)
        fputs("[...]\n", stderr);
    for (size_t i = 0; i < f->preamble_length; i++) {
        unsigned char c = (unsigned char)f->preamble[i];
        if (state == ESCAPE)
            state = c == '[' ? CSI : TEXT;
        else if (state == CSI)
            state = c >= 0x40 && c <= 0x7e ? TEXT : CSI;
        else if (c == 033)
            state = ESCAPE;
        else if (c != '\r')
            fputc(c, stderr);
    }
    if (f->preamble_length && f->preamble[f->preamble_length - 1] != '\n')
        fputc('\n', stderr);
}

/* Passes console bytes through, taking exit records out. */
static void filter_byte(struct filter *f, char c)
{
    const size_t plen = sizeof exit_record - 1;
    if (f->in_gcov) {
        if (c == NONE_GCOV_RECORD_END[0])
            f->in_gcov = false;
        else
            gcov_digit(f, c);
        return;
    }
    if (f->n == 0 && c != exit_record[0]) {
        emit(f, &c, 1);
        return;
    }
    f->pending[f->n++] = c;
    if (f->n == sizeof start_record - 1 && !memcmp(f->pending, start_record, f->n)) {
        f->started = true;
        f->preamble_length = 0;
        f->n = 0;
        return;
    }
    if (f->n <= plen) {
        if (f->n == plen && !memcmp(f->pending, gcov_record, plen)) {
            f->in_gcov = true;
            f->gcov_nibble = -1;
            f->n = 0;
        } else if (!record_prefix(exit_record, f->pending, f->n) &&
                   !record_prefix(gcov_record, f->pending, f->n) &&
                   !record_prefix(start_record, f->pending, f->n)) {
            flush_pending(f);
        }
        return;
    }
    if (c >= '0' && c <= '9' && f->n < plen + 4)
        return;
    if (c == NONE_EXIT_RECORD_END[0] && f->n > plen + 1) {
        f->pending[f->n - 1] = '\0';
        f->status = atoi(f->pending + plen) & 0xff;
        f->n = 0;
        return;
    }
    flush_pending(f);
}

/* ------------------------------------------------------------ running */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

struct child {
    pid_t pid;
    int out; /* QEMU's stdout: the serial console */
    int err; /* QEMU's stderr */
    int in;  /* QEMU's stdin: the serial console's input */
};

static int start_qemu(const char **argv, struct child *c)
{
    int out[2], err[2], in[2];
    if (pipe(out) || pipe(err) || pipe(in)) {
        fprintf(stderr, PROGRAM ": pipe: %s\n", strerror(errno));
        return -1;
    }
    c->pid = fork();
    if (c->pid < 0) {
        fprintf(stderr, PROGRAM ": fork: %s\n", strerror(errno));
        return -1;
    }
    if (c->pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(in[1]);
        close(out[0]);
        close(err[0]);
        execvp(argv[0], (char *const *)argv);
        fprintf(stderr, "exec %s: %s\n", argv[0], strerror(errno));
        _exit(errno == ENOENT ? 127 : 126);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    c->out = out[0];
    c->err = err[0];
    c->in = in[1];
    /* The guest may not read: never block on its input. */
    fcntl(c->in, F_SETFL, fcntl(c->in, F_GETFL) | O_NONBLOCK);
    return 0;
}

/* Our standard input on its way to the guest's serial port, then the
 * end-of-input byte (the guest reads it as end of file).  QEMU's stdin
 * stays open until it exits: at EOF its serial backend would stop. */
struct feeder {
    char buf[4096];
    size_t len, off;
    bool eof;      /* our stdin is exhausted */
    bool eot_sent; /* the end-of-input byte is on its way */
};

static void feed_read(struct feeder *in)
{
    ssize_t n = read(0, in->buf, sizeof in->buf);
    if (n < 0 && errno == EINTR)
        return;
    if (n <= 0) {
        in->eof = true;
        return;
    }
    in->len = (size_t)n;
    in->off = 0;
}

/* Returns false once QEMU's input is gone (it exited). */
static bool feed_write(struct feeder *in, int fd)
{
    static const char eot = NONE_CONSOLE_END_OF_INPUT;
    const char *data = in->off < in->len ? in->buf + in->off : &eot;
    size_t n = in->off < in->len ? in->len - in->off : 1;
    ssize_t w = write(fd, data, n);
    if (w < 0)
        return errno == EAGAIN || errno == EINTR;
    if (in->off < in->len)
        in->off += (size_t)w;
    else
        in->eot_sent = true;
    return true;
}

/* Appends QEMU's stderr to a bounded buffer. */
static void collect(char *buf, size_t cap, size_t *len, const char *data, size_t n)
{
    if (*len + n >= cap)
        n = cap - 1 - *len;
    memcpy(buf + *len, data, n);
    *len += n;
    buf[*len] = '\0';
}

/* Streams QEMU's output until it exits or the deadline passes; returns
 * false on timeout. */
static bool pump(struct child *c, struct filter *f, double deadline, char *errbuf,
                 size_t errcap)
{
    size_t errlen = 0;
    struct feeder in = {.eof = false};
    struct pollfd fds[4] = {{c->out, POLLIN, 0}, {c->err, POLLIN, 0}, {-1, POLLIN, 0},
                            {-1, POLLOUT, 0}};
    int open_fds = 2;
    while (open_fds > 0) {
        /* Input waits for the start record: the firmware and GRUB would
         * take it as key presses. */
        bool pending = in.off < in.len;
        fds[2].fd = f->started && !in.eof && !pending ? 0 : -1;
        fds[3].fd = f->started && c->in >= 0 && (pending || (in.eof && !in.eot_sent)) ? c->in
                                                                                     : -1;
        int wait_ms = -1;
        if (deadline > 0) {
            double left = deadline - now();
            if (left <= 0)
                return false;
            wait_ms = (int)(left * 1000) + 1;
        }
        int r = poll(fds, 4, wait_ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (fds[2].fd >= 0 && fds[2].revents)
            feed_read(&in);
        if (fds[3].fd >= 0 && fds[3].revents && !feed_write(&in, c->in)) {
            close(c->in);
            c->in = -1;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[4096];
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            } else if (i == 0) {
                for (ssize_t k = 0; k < n; k++)
                    filter_byte(f, buf[k]);
                fflush(stdout);
            } else {
                collect(errbuf, errcap, &errlen, buf, (size_t)n);
            }
        }
    }
    return true;
}

static void print_qemu_stderr(const char *errbuf)
{
    if (*errbuf)
        fprintf(stderr, "%s%s", errbuf, errbuf[strlen(errbuf) - 1] == '\n' ? "" : "\n");
}

/* Maps how QEMU ended to the runner's status. */
static int outcome(const struct options *o, int wstatus, const struct filter *f,
                   const char *errbuf)
{
    if (WIFSIGNALED(wstatus)) {
        fprintf(stderr, PROGRAM ": QEMU was killed by signal %d\n", WTERMSIG(wstatus));
        return RUN_QEMU_FAILED;
    }
    int code = WEXITSTATUS(wstatus);
    if (code == NONE_QEMU_STATUS_EXITED && f->status >= 0)
        return f->status;
    if (code == NONE_QEMU_STATUS_EXITED) {
        fprintf(stderr, PROGRAM ": %s: the program stopped QEMU without an exit "
                "record (not built with qemu.specs?)\n", o->file);
        return RUN_CRASH;
    }
    if (code == 0) {
        if (f->started) /* else run() says that it never started */
            fprintf(stderr, PROGRAM ": %s: the program crashed (triple fault or reset)\n",
                    o->file);
        return RUN_CRASH;
    }
    print_qemu_stderr(errbuf);
    if (code == 127) {
        fprintf(stderr, PROGRAM ": %s not found (Debian: apt-get install "
                "qemu-system-x86, or use --qemu=PROG)\n", o->qemu);
        return RUN_NO_QEMU;
    }
    fprintf(stderr, PROGRAM ": QEMU failed (exit %d) running %s\n", code, o->file);
    return RUN_QEMU_FAILED;
}

/* The kit's x86_64-elf-NAME, next to this program when installed (else
 * on PATH); the result is to be freed. */
static char *kit_tool(const char *name)
{
    char path[4096];
    char *dir = own_dir(NULL);
    if (dir) {
        snprintf(path, sizeof path, "%s/x86_64-elf-%s", dir, name);
        free(dir);
        if (access(path, X_OK) == 0)
            return strdup(path);
    }
    snprintf(path, sizeof path, "x86_64-elf-%s", name);
    return strdup(path);
}

/* --coverage=DIR: the program's gcov stream into DIR/x86_64-none.gcov-stream
 * and through gcov-tool merge-stream (run in DIR, so that relative .gcda
 * names land there; absolute ones are where the compiler put them). */
static int write_coverage(const char *dir, const struct filter *f)
{
    if (!f->gcov_length) {
        fprintf(stderr, PROGRAM ": --coverage: the program sent no coverage data (build it "
                "with --coverage, and let it exit)\n");
        return 1;
    }
    char stream[4096];
    snprintf(stream, sizeof stream, "%s/x86_64-none.gcov-stream", dir);
    FILE *out = fopen(stream, "wb");
    if (!out || fwrite(f->gcov, 1, f->gcov_length, out) != f->gcov_length || fclose(out)) {
        fprintf(stderr, PROGRAM ": --coverage: cannot write %s: %s\n", stream, strerror(errno));
        return 1;
    }
    char *tool = kit_tool("gcov-tool");
    pid_t pid = fork();
    if (pid == 0) {
        if (chdir(dir) != 0)
            _exit(126);
        execlp(tool, tool, "merge-stream", "x86_64-none.gcov-stream", (char *)NULL);
        _exit(127);
    }
    int status = -1;
    if (pid > 0)
        waitpid(pid, &status, 0);
    free(tool);
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, PROGRAM ": --coverage: gcov-tool merge-stream failed in %s\n", dir);
        return 1;
    }
    return 0;
}

/* The first OVMF file there is, or NULL. */
static const char *find_ovmf(void)
{
    for (size_t i = 0; i < sizeof ovmf_places / sizeof ovmf_places[0]; i++)
        if (access(ovmf_places[i], R_OK) == 0)
            return ovmf_places[i];
    return NULL;
}

/* What only applies to images, and OVMF for --firmware=uefi. */
static int check_image_options(struct options *o)
{
    if (o->kind == FILE_ELF) {
        if (o->firmware_given || o->media != MEDIA_DEFAULT) {
            fprintf(stderr, PROGRAM ": %s: --firmware and --media are for images; an ELF file "
                    "boots through PVH (make an image with x86_64-none-mkimage)\n", o->file);
            return RUN_USAGE;
        }
        if (!o->symbols)
            o->symbols = o->file;
        return 0;
    }
    if (o->prog_argc > 0) {
        fprintf(stderr, PROGRAM ": %s: an image carries its own command line (x86_64-none-mkimage "
                "--cmdline); no ARGs after it\n", o->file);
        return RUN_USAGE;
    }
    if (o->firmware != FIRMWARE_UEFI)
        return 0;
    if (!o->ovmf)
        o->ovmf = find_ovmf();
    if (!o->ovmf || access(o->ovmf, R_OK) != 0) {
        fprintf(stderr, PROGRAM ": --firmware=uefi needs OVMF, %s not found (Debian: apt-get "
                "install ovmf, or --ovmf=FILE)\n", o->ovmf ? o->ovmf : ovmf_places[0]);
        return RUN_BAD_FILE;
    }
    return 0;
}

static int run(const struct options *o)
{
    char *cmdline = program_cmdline(o->file, o->prog_args, o->prog_argc);
    if (!cmdline) {
        fprintf(stderr, PROGRAM ": out of memory\n");
        return RUN_USAGE;
    }
    const char **argv = qemu_command(o, cmdline);
    if (o->verbose) {
        for (int i = 0; argv[i]; i++)
            fprintf(stderr, "%s%s", i ? " " : "", argv[i]);
        fputc('\n', stderr);
    }
    /* past-main and past-entry: backtraces go on through _start (the ELF
     * entry) into the boot stub, whose call frame information ends them. */
    if (o->gdb)
        fprintf(stderr, PROGRAM ": QEMU is halted with a gdb stub on localhost:%s; "
                "attach with:\n  x86_64-none-gdb %s -ex 'set backtrace past-main on' "
                "-ex 'set backtrace past-entry on' -ex 'target remote localhost:%s'\n",
                o->gdb_port, o->symbols ? o->symbols : "KERNEL.elf", o->gdb_port);
    struct child c;
    signal(SIGPIPE, SIG_IGN); /* QEMU may exit before reading its input */
    if (start_qemu(argv, &c) != 0)
        return RUN_QEMU_FAILED;
    struct filter f = {.status = -1, .started = o->kind == FILE_ELF};
    static char errbuf[8192];
    double deadline = o->timeout > 0 ? now() + o->timeout : 0;
    bool finished = pump(&c, &f, deadline, errbuf, sizeof errbuf);
    flush_pending(&f);
    fflush(stdout);
    if (!finished) {
        kill(c.pid, SIGKILL);
        waitpid(c.pid, NULL, 0);
        fprintf(stderr, PROGRAM ": %s: timeout after %g s\n", o->file, o->timeout);
        return RUN_TIMEOUT;
    }
    int wstatus;
    while (waitpid(c.pid, &wstatus, 0) < 0 && errno == EINTR)
        ;
    free(cmdline);
    int status = outcome(o, wstatus, &f, errbuf);
    if (!f.started) {
        fprintf(stderr, PROGRAM ": %s: the program never started (no start record from "
                "the QEMU board); the firmware and boot loader printed%s\n", o->file,
                f.preamble_length ? ":" : " nothing");
        print_preamble(&f);
    }
    if (o->symbols) {
        char *addr2line = kit_tool("addr2line");
        crash_report_print(&f.crash, o->symbols, addr2line);
        free(addr2line);
    }
    if (o->coverage_dir && write_coverage(o->coverage_dir, &f) && status == 0)
        status = RUN_USAGE;
    free(f.gcov);
    return status;
}

int main(int argc, char **argv)
{
    struct options o = {
        .qemu = getenv("X86_64_NONE_QEMU") ? getenv("X86_64_NONE_QEMU")
                                            : "qemu-system-x86_64",
        .machine = "pc",
        .memory = "128M",
        .timeout = DEFAULT_TIMEOUT,
    };
    int status = parse_args(argc, argv, &o);
    if (status)
        return status;
    /* Started with standard input closed (a CI job): make it /dev/null,
     * or the first pipe would take descriptor 0 and be read as input. */
    if (fcntl(0, F_GETFD) < 0 && errno == EBADF && open("/dev/null", O_RDONLY) != 0) {
        fprintf(stderr, PROGRAM ": cannot open /dev/null: %s\n", strerror(errno));
        return RUN_USAGE;
    }
    if (elf_version(EV_CURRENT) == EV_NONE) {
        fprintf(stderr, PROGRAM ": libelf is out of date\n");
        return RUN_USAGE;
    }
    char why[256];
    const char *problem = check_bootable(o.file, &o.kind, why, sizeof why);
    if (problem) {
        fprintf(stderr, PROGRAM ": %s: %s\n", o.file, problem);
        return RUN_BAD_FILE;
    }
    status = check_image_options(&o);
    return status ? status : run(&o);
}
