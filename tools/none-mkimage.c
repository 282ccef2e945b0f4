/* x86_64-none-mkimage: a bootable image of an x86_64-none kernel.
 *
 * The image is GRUB's: grub-mkrescue (grub-common) with the BIOS
 * (grub-pc-bin) and UEFI (grub-efi-amd64-bin) platforms makes a hybrid ISO
 * 9660 image that boots from a CD and, written raw, from a USB stick, on
 * BIOS and on UEFI machines.  GRUB loads the kernel through Multiboot2,
 * which the kit's boot stubs speak (pvh.o, so every --specs=qemu.specs
 * program, carries a Multiboot2 header beside its PVH note).  Writing our
 * own loader would mean a BIOS boot sector, an EFI application and
 * the ISO/El Torito/GPT layout: GRUB is the loader Debian ships and
 * maintains for all of them.
 *
 * The input is checked first (an ELF64 x86-64 executable with a valid
 * Multiboot2 header; readable modules; GRUB's tools and both platforms
 * present).  The image is written to a temporary file beside IMAGE and
 * renamed over it only when grub-mkrescue succeeded, so a failure or an
 * interrupt never leaves a half-written IMAGE; the staging folder is
 * removed on every path.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <getopt.h>
#include <libelf.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <x86_64-none/cmdline.h>
#include "mkimage-grub.h"
#include "mkimage-kernel.h"
#include "read-file.h"

#define PROGRAM "x86_64-none-mkimage"

#define MAX_MODULES 60

struct options {
    const char *output;
    const char *cmdline; /* the words after the kernel's name */
    bool verbose;
    const char *kernel;
    char **modules;
    int module_count;
};

static int usage(FILE *out, int status)
{
    fprintf(out,
        "Usage: " PROGRAM " [OPTION]... -o IMAGE KERNEL [MODULE]...\n"
        "Make IMAGE, a hybrid ISO 9660 image that boots KERNEL on BIOS and on\n"
        "UEFI machines, from a CD or written raw to a USB stick, through GRUB's\n"
        "Multiboot2 loader (grub-mkrescue).  KERNEL is an x86_64-none program\n"
        "linked with --specs=qemu.specs, pvh.specs or multiboot2.specs; each\n"
        "MODULE file is loaded beside it (none_boot_modules() in\n"
        "<x86_64-none/boot.h>), with its file name as its string.\n"
        "x86_64-none-run IMAGE boots the image in QEMU.\n"
        "\n"
        "Options:\n"
        "  -o, --output=IMAGE   the image to write (replaced only on success)\n"
        "  -c, --cmdline=ARGS   the kernel's arguments: its command line is\n"
        "                       KERNEL (as given here) and then ARGS, words as\n"
        "                       <x86_64-none/cmdline.h> splits them (main's argv\n"
        "                       on the QEMU board)\n"
        "  -v, --verbose        show grub-mkrescue's command and output\n"
        "  -h, --help           show this help;  -V, --version  show the version\n"
        "\n"
        "Needs grub-mkrescue and GRUB's i386-pc and x86_64-efi folders (Debian:\n"
        "grub-common grub-pc-bin grub-efi-amd64-bin), xorriso and mformat\n"
        "(xorriso, mtools).  Exit status: 0 done, 1 bad input or a failed step\n"
        "(one line says which), 2 usage error.\n");
    return status;
}

/* ------------------------------------------------------------ cleanup */

/* Everything this run created, removed in reverse order on failure or a
 * signal: unlink() and rmdir() only, so the signal handler may do it. */
static char *created[8 + 2 * MAX_MODULES]; /* 6 fixed, 2 a module */
static int created_count;
static volatile sig_atomic_t keep_created;

static void remove_created(void)
{
    for (int i = created_count; i-- > 0;)
        if (created[i] && unlink(created[i]) != 0)
            rmdir(created[i]);
}

/* The paths themselves, once nothing can call remove_created() again
 * (free() is no function for a signal handler). */
static void forget_created(void)
{
    for (int i = 0; i < created_count; i++)
        free(created[i]);
    created_count = 0;
}

static void on_signal(int sig)
{
    if (!keep_created)
        remove_created();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Records PATH (copied) as created and returns its slot, or -1 when out
 * of memory (or of slots, which MAX_MODULES rules out). */
static int remember_slot(const char *path)
{
    if (created_count == (int)(sizeof created / sizeof created[0]))
        return -1;
    char *copy = strdup(path);
    if (!copy)
        return -1;
    created[created_count] = copy;
    return created_count++;
}

static bool remember(const char *path)
{
    return remember_slot(path) >= 0;
}

/* ------------------------------------------------------------ checks */

/* NULL when KERNEL is a kernel GRUB's multiboot2 loads, else why not. */
static const char *kernel_problem(const char *path, char *why, size_t len)
{
    size_t size = 0;
    unsigned char *image = read_file(path, &size);
    if (!image) {
        snprintf(why, len, "cannot read it: %s", strerror(errno));
        return why;
    }
    const char *problem = kernel_image_problem(image, size, why, len);
    free(image);
    return problem;
}

/* ------------------------------------------------------------ staging */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool copy_file(const char *from, const char *to)
{
    size_t size = 0;
    unsigned char *data = read_file(from, &size);
    if (!data)
        return false;
    int fd = open(to, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0 || !remember(to)) {
        free(data);
        if (fd >= 0)
            close(fd);
        return false;
    }
    size_t done = 0;
    while (done < size) {
        ssize_t w = write(fd, data + done, size - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    free(data);
    return close(fd) == 0 && done == size;
}

static bool make_folder(const char *path)
{
    return mkdir(path, 0755) == 0 && remember(path);
}

/* WORD in GRUB's script syntax: single quotes, a quote inside as '\''. */
static void grub_quote(FILE *out, const char *word)
{
    fputc('\'', out);
    for (; *word; word++) {
        if (*word == '\'')
            fputs("'\\''", out);
        else
            fputc(*word, out);
    }
    fputc('\'', out);
}

/* grub.cfg: no menu, load and boot at once; if that fails, say so on the
 * screen and the serial port, and stop the machine (QEMU exits). */
static bool write_grub_cfg(const char *path, const struct options *o)
{
    FILE *out = fopen(path, "w");
    if (!out || !remember(path)) {
        if (out)
            fclose(out);
        return false;
    }
    fprintf(out, "# Written by " PROGRAM " " PACKAGE_VERSION ".\n"
                 "serial --unit=0 --speed=115200\n"
                 "terminal_output --append serial\n"
                 "multiboot2 /boot/kernel.elf ");
    grub_quote(out, o->kernel);
    const char *cursor = o->cmdline ? o->cmdline : "";
    char *word = malloc(strlen(cursor) + 1);
    while (word && none_cmdline_word(&cursor, word)) {
        fputc(' ', out);
        grub_quote(out, word);
    }
    free(word);
    fputc('\n', out);
    for (int i = 0; i < o->module_count; i++) {
        fprintf(out, "module2 /boot/modules/%d/", i + 1);
        grub_quote(out, base_name(o->modules[i]));
        fputc(' ', out);
        grub_quote(out, base_name(o->modules[i]));
        fputc('\n', out);
    }
    fputs("boot\n"
          "echo '" PROGRAM ": GRUB could not boot the kernel'\n"
          "halt\n", out);
    return word && !ferror(out) && fclose(out) == 0;
}

/* DIR/REST into OUT; false (ENAMETOOLONG) when it does not fit. */
static bool path_in(char *out, size_t size, const char *dir, const char *rest)
{
    int n = snprintf(out, size, "%s/%s", dir, rest);
    if (n < 0 || (size_t)n >= size) {
        errno = ENAMETOOLONG;
        return false;
    }
    return true;
}

/* The staging folder: boot/kernel.elf, boot/modules/N/NAME,
 * boot/grub/grub.cfg. */
static bool stage(const char *dir, const struct options *o)
{
    char path[4096], folder[4096], rest[64];
    if (!path_in(path, sizeof path, dir, "boot") || !make_folder(path) ||
        !path_in(path, sizeof path, dir, "boot/grub") || !make_folder(path) ||
        !path_in(path, sizeof path, dir, "boot/kernel.elf") || !copy_file(o->kernel, path))
        return false;
    if (o->module_count &&
        (!path_in(path, sizeof path, dir, "boot/modules") || !make_folder(path)))
        return false;
    for (int i = 0; i < o->module_count; i++) {
        snprintf(rest, sizeof rest, "boot/modules/%d", i + 1);
        if (!path_in(folder, sizeof folder, dir, rest) || !make_folder(folder) ||
            !path_in(path, sizeof path, folder, base_name(o->modules[i])) ||
            !copy_file(o->modules[i], path))
            return false;
    }
    return path_in(path, sizeof path, dir, "boot/grub/grub.cfg") && write_grub_cfg(path, o);
}

/* ------------------------------------------------------------ main */

static int parse_args(int argc, char **argv, struct options *o)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'}, {"cmdline", required_argument, NULL, 'c'},
        {"verbose", no_argument, NULL, 'v'},      {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},      {NULL, 0, NULL, 0},
    };
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:c:vhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->output = optarg; break;
        case 'c': o->cmdline = optarg; break;
        case 'v': o->verbose = true; break;
        case 'h': exit(usage(stdout, 0));
        case 'V':
            printf(PROGRAM " (x86_64-none kit) " PACKAGE_VERSION "\n");
            exit(0);
        default:
            fprintf(stderr, PROGRAM ": unknown or incomplete option '%s' (try --help)\n",
                    argv[optind - 1]);
            return 2;
        }
    }
    if (!o->output || optind >= argc) {
        fprintf(stderr, PROGRAM ": %s (usage: " PROGRAM " -o IMAGE KERNEL [MODULE]...)\n",
                !o->output ? "no output image given" : "no kernel given");
        return 2;
    }
    o->kernel = argv[optind];
    o->modules = argv + optind + 1;
    o->module_count = argc - optind - 1;
    if (o->module_count > MAX_MODULES) {
        fprintf(stderr, PROGRAM ": more than %d modules\n", MAX_MODULES);
        return 2;
    }
    return 0;
}

/* GRUB passes each word of its multiboot2 line on, but drops an empty
 * one: refuse it rather than shift the kernel's argv. */
static bool cmdline_words_ok(const char *cmdline)
{
    const char *cursor = cmdline ? cmdline : "";
    char *word = malloc(strlen(cursor) + 1);
    bool have_memory = word != NULL, ok = have_memory;
    while (ok && none_cmdline_word(&cursor, word))
        ok = *word != '\0';
    free(word);
    if (!ok)
        fprintf(stderr, PROGRAM ": --cmdline: %s\n",
                have_memory ? "an empty word (\"\"), which GRUB cannot pass on; leave it out"
                            : "out of memory");
    return ok;
}

/* Every check before anything is written; 0 or 1 with its message. */
static int check_inputs(const struct options *o)
{
    char why[256];
    const char *problem = kernel_problem(o->kernel, why, sizeof why);
    if (problem) {
        fprintf(stderr, PROGRAM ": %s: %s\n", o->kernel, problem);
        return 1;
    }
    for (int i = 0; i < o->module_count; i++) {
        int fd = open(o->modules[i], O_RDONLY);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            fprintf(stderr, PROGRAM ": %s: cannot read the module: %s\n", o->modules[i],
                    fd < 0 ? strerror(errno) : "not a regular file");
            if (fd >= 0)
                close(fd);
            return 1;
        }
        close(fd);
    }
    if (!cmdline_words_ok(o->cmdline))
        return 1;
    problem = grub_problem();
    if (problem) {
        fprintf(stderr, PROGRAM ": %s\n", problem);
        return 1;
    }
    return 0;
}

/* Stages the files, runs grub-mkrescue into a temporary file beside the
 * output and renames it into place. */
static int make_image(const struct options *o)
{
    const char *tmp = getenv("TMPDIR");
    char staging[4096], partial[4096], log[4200];
    snprintf(staging, sizeof staging, "%s/" PROGRAM ".XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(staging) || !remember(staging)) {
        fprintf(stderr, PROGRAM ": cannot make a staging folder in %s: %s (set TMPDIR)\n",
                tmp && *tmp ? tmp : "/tmp", strerror(errno));
        return 1;
    }
    snprintf(partial, sizeof partial, "%s.partial-XXXXXX", o->output);
    int fd = mkstemp(partial);
    int partial_slot = fd >= 0 ? remember_slot(partial) : -1;
    if (partial_slot < 0) {
        fprintf(stderr, PROGRAM ": cannot write %s: %s\n", o->output, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(partial);
        }
        return 1;
    }
    close(fd);
    snprintf(log, sizeof log, "%s.log", staging);
    if (!remember(log) || !stage(staging, o)) {
        fprintf(stderr, PROGRAM ": cannot stage the image's files in %s: %s\n", staging,
                strerror(errno));
        return 1;
    }
    if (!run_grub_mkrescue(staging, partial, log, o->verbose)) {
        print_log_tail(log);
        fprintf(stderr, PROGRAM ": grub-mkrescue failed (its last lines above)\n");
        return 1;
    }
    if (chmod(partial, 0644) != 0 || rename(partial, o->output) != 0) {
        fprintf(stderr, PROGRAM ": cannot write %s: %s\n", o->output, strerror(errno));
        return 1;
    }
    free(created[partial_slot]);
    created[partial_slot] = NULL; /* it is the image now */
    return 0;
}

int main(int argc, char **argv)
{
    struct options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status)
        return status;
    if (elf_version(EV_CURRENT) == EV_NONE) {
        fprintf(stderr, PROGRAM ": libelf is out of date\n");
        return 1;
    }
    status = check_inputs(&o);
    if (status)
        return status;
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    status = make_image(&o);
    /* The image is in place (renamed: nothing left to remove there);
     * the staging folder and log go either way. */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    remove_created();
    keep_created = 1;
    forget_created();
    return status;
}
