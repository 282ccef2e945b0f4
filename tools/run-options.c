/* x86_64-none-run's command line: --help, the options, and the checks
 * of those that only apply to images. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "run.h"

/* Where Debian's ovmf (and other distributions) put OVMF's code. */
static const char *const ovmf_places[] = {
    "/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_CODE.fd",
    "/usr/share/ovmf/OVMF.fd",         "/usr/share/qemu/OVMF.fd",
    "/usr/share/edk2/ovmf/OVMF_CODE.fd",
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
        "                     " KIT_DEFAULT_QEMU ")\n"
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

/* The index of ARG among the NULL-terminated WORDS, or -1. */
static int choice(const char *arg, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (!strcmp(arg, words[i]))
            return i;
    return -1;
}

/* The options that take a value to check; 0 or RUN_USAGE after a line. */
static int set_checked_option(int c, const char *arg, struct options *o)
{
    static const char *const firmwares[] = {"bios", "uefi", NULL};
    static const char *const medias[] = {"cd", "disk", "usb", NULL};
    int i;
    switch (c) {
    case OPT_GDB:
        o->gdb = true;
        if (parse_port(arg ? arg : "1234", o->gdb_port, sizeof o->gdb_port))
            return 0;
        fprintf(stderr, PROGRAM ": --gdb=PORT needs a TCP port (1-65535), not '%s'\n", arg);
        return RUN_USAGE;
    case OPT_TIMEOUT:
        if (parse_timeout(arg, &o->timeout))
            return 0;
        fprintf(stderr, PROGRAM ": --timeout needs seconds, not '%s'\n", arg);
        return RUN_USAGE;
    case OPT_QEMU_ARG:
        if (o->extra_count < MAX_QEMU_ARGS) {
            o->extra[o->extra_count++] = arg;
            return 0;
        }
        fprintf(stderr, PROGRAM ": more than %d --qemu-arg\n", MAX_QEMU_ARGS);
        return RUN_USAGE;
    case OPT_FIRMWARE:
        if ((i = choice(arg, firmwares)) >= 0) {
            o->firmware = i == 0 ? FIRMWARE_BIOS : FIRMWARE_UEFI;
            o->firmware_given = true;
            return 0;
        }
        fprintf(stderr, PROGRAM ": --firmware is bios or uefi, not '%s'\n", arg);
        return RUN_USAGE;
    default: /* OPT_MEDIA */
        if ((i = choice(arg, medias)) >= 0) {
            o->media = i == 0 ? MEDIA_CD : i == 1 ? MEDIA_DISK : MEDIA_USB;
            return 0;
        }
        fprintf(stderr, PROGRAM ": --media is cd, disk or usb, not '%s'\n", arg);
        return RUN_USAGE;
    }
}

/* One option of getopt_long's; 0, or RUN_USAGE after a line. */
static int set_option(int c, const char *arg, struct options *o)
{
    switch (c) {
    case 'h':
        exit(usage(stdout, 0));
    case 'V':
        printf(PROGRAM " (x86_64-none kit) " PACKAGE_VERSION "\n");
        exit(0);
    case 'v': o->verbose = true; return 0;
    case OPT_KVM: o->kvm = true; return 0;
    case OPT_QEMU: o->qemu = arg; return 0;
    case OPT_MACHINE: o->machine = arg; return 0;
    case OPT_MEMORY: o->memory = arg; return 0;
    case OPT_COVERAGE: o->coverage_dir = arg; return 0;
    case OPT_OVMF: o->ovmf = arg; return 0;
    case OPT_SYMBOLS: o->symbols = arg; return 0;
    case OPT_GDB:
    case OPT_TIMEOUT:
    case OPT_QEMU_ARG:
    case OPT_FIRMWARE:
    case OPT_MEDIA:
        return set_checked_option(c, arg, o);
    default:
        fprintf(stderr, PROGRAM ": unknown or incomplete option '%s' (try --help)\n", arg);
        return RUN_USAGE;
    }
}

/* getopt_long with "+": options end at the program's file name, so the
 * program's own arguments pass through untouched. */
int parse_args(int argc, char **argv, struct options *o)
{
    bool timeout_given = false;
    int c;
    opterr = 0; /* our own one-line messages */
    while ((c = getopt_long(argc, argv, "+hVv", longopts, NULL)) != -1) {
        /* An unknown option is named as written. */
        int status = set_option(c, c == '?' || c == ':' ? argv[optind - 1] : optarg, o);
        if (status)
            return status;
        timeout_given |= c == OPT_TIMEOUT;
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

/* The first OVMF file there is, or NULL. */
static const char *find_ovmf(void)
{
    for (size_t i = 0; i < sizeof ovmf_places / sizeof ovmf_places[0]; i++)
        if (access(ovmf_places[i], R_OK) == 0)
            return ovmf_places[i];
    return NULL;
}

/* What only applies to images, and OVMF for --firmware=uefi. */
int check_image_options(struct options *o)
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

