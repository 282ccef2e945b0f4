/* x86_64-none-run's QEMU: the command line for the file to boot, and the
 * child process whose console is streamed through the filter, with our
 * standard input fed to the guest, until QEMU exits or time runs out. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <sys/select.h>
#include <sys/time.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <x86_64-none/cmdline.h>
#include <x86_64-none/exit-protocol.h>
#include "run.h"

/* The program's command line: its file name and arguments, quoted as
 * <x86_64-none/cmdline.h> says, so that main's argv gets them back. */
char *program_cmdline(const char *file, char **args, int n)
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

const char **qemu_command(const struct options *o, const char *cmdline)
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

double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int start_qemu(const char **argv, struct child *c)
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

/* The descriptors pump() waits on: QEMU's stdout and stderr, our
 * standard input (for the console) and QEMU's stdin; -1 when not waited
 * on.  The last is waited on for writing, the others for reading. */
enum { FD_OUT, FD_ERR, FD_STDIN, FD_QEMU_IN, FD_COUNT };

/* Waits until one of fd[] is ready or the deadline (0: none) passes;
 * ready[] says which.  Returns false on timeout.  select(), not poll():
 * macOS's poll() does not report a terminal as ready, and standard input
 * is often one. */
static bool wait_ready(const int fd[FD_COUNT], double deadline, bool ready[FD_COUNT])
{
    for (;;) {
        fd_set rd, wr;
        FD_ZERO(&rd);
        FD_ZERO(&wr);
        int top = -1;
        for (int i = 0; i < FD_COUNT; i++) {
            if (fd[i] < 0)
                continue;
            FD_SET(fd[i], i == FD_QEMU_IN ? &wr : &rd);
            top = fd[i] > top ? fd[i] : top;
        }
        struct timeval tv, *timeout = NULL;
        if (deadline > 0) {
            double left = deadline - now();
            if (left <= 0)
                return false;
            long usec = (long)(left * 1e6) + 1;
            tv.tv_sec = (time_t)(usec / 1000000);
            tv.tv_usec = (suseconds_t)(usec % 1000000);
            timeout = &tv;
        }
        int r = select(top + 1, &rd, &wr, NULL, timeout);
        if (r < 0 && errno == EINTR)
            continue;
        for (int i = 0; i < FD_COUNT; i++)
            ready[i] = fd[i] >= 0 && FD_ISSET(fd[i], i == FD_QEMU_IN ? &wr : &rd);
        return true;
    }
}

/* Reads what QEMU wrote on its stdout (through the filter) or stderr
 * (into errbuf); returns false at end of file. */
static bool drain(int which, int fd, struct filter *f, char *errbuf, size_t errcap,
                  size_t *errlen)
{
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0)
        return false;
    if (which == FD_OUT) {
        for (ssize_t k = 0; k < n; k++)
            filter_byte(f, buf[k]);
        fflush(stdout);
    } else {
        collect(errbuf, errcap, errlen, buf, (size_t)n);
    }
    return true;
}

/* Streams QEMU's output until it exits or the deadline passes; returns
 * false on timeout. */
bool pump(struct child *c, struct filter *f, double deadline, char *errbuf,
                 size_t errcap)
{
    size_t errlen = 0;
    struct feeder in = {.eof = false};
    int fd[FD_COUNT] = {c->out, c->err, -1, -1};
    while (fd[FD_OUT] >= 0 || fd[FD_ERR] >= 0) {
        /* Input waits for the start record: the firmware and GRUB would
         * take it as key presses. */
        bool pending = in.off < in.len;
        fd[FD_STDIN] = f->started && !in.eof && !pending ? 0 : -1;
        fd[FD_QEMU_IN] =
            f->started && c->in >= 0 && (pending || (in.eof && !in.eot_sent)) ? c->in : -1;
        bool ready[FD_COUNT];
        if (!wait_ready(fd, deadline, ready))
            return false;
        if (ready[FD_STDIN])
            feed_read(&in);
        if (ready[FD_QEMU_IN] && !feed_write(&in, c->in)) {
            close(c->in);
            c->in = -1;
        }
        for (int i = FD_OUT; i <= FD_ERR; i++) {
            if (ready[i] && !drain(i, fd[i], f, errbuf, errcap, &errlen)) {
                close(fd[i]);
                fd[i] = -1;
            }
        }
    }
    return true;
}

void print_qemu_stderr(const char *errbuf)
{
    if (*errbuf)
        fprintf(stderr, "%s%s", errbuf, errbuf[strlen(errbuf) - 1] == '\n' ? "" : "\n");
}

