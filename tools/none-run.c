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
#include <libelf.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <x86_64-none/exit-protocol.h>
#include "own-dir.h"
#include "read-file.h"
#include "run.h"

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

/* argv[0], for finding this program's folder where there is no /proc. */
static const char *run_argv0;

/* The kit's x86_64-elf-NAME, next to this program when installed (else
 * on PATH); the result is to be freed. */
static char *kit_tool(const char *name)
{
    char path[4096];
    char *dir = own_dir(run_argv0);
    if (dir) {
        snprintf(path, sizeof path, "%s/" KIT_TARGET "-%s", dir, name);
        free(dir);
        if (access(path, X_OK) == 0)
            return strdup(path);
    }
    snprintf(path, sizeof path, KIT_TARGET "-%s", name);
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
                                            : KIT_DEFAULT_QEMU,
        .machine = "pc",
        .memory = "128M",
        .timeout = DEFAULT_TIMEOUT,
    };
    run_argv0 = argv[0];
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
