/* x86_64-none-elfcheck: check ELF objects, archives and executables
 * against the x86_64-none target rules (elfcheck-rules.c), reading them
 * fail-closed (elfcheck-read.c): what could not be read is never clean.
 *
 * Exit status: 0 clean, 1 rule violations found, 2 unusable input (also
 * when violations were found in the readable part).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "elfcheck.h"
#include "read-file.h"

#define PROGRAM ELFCHECK_PROGRAM

static int usage(FILE *out, int status)
{
    fprintf(out,
            "Usage: " PROGRAM " [OPTION]... FILE...\n"
            "Check x86-64 ELF objects, archives and executables against the\n"
            "x86_64-none target rules and report each violation with its\n"
            "section, symbol+offset and instruction:\n"
            "  - SSE/AVX/MMX/x87 registers or x87 instructions\n"
            "  - memory accesses below %%rsp (use of the red zone)\n"
            "  - relocations the kernel code model cannot satisfy\n"
            "    (R_X86_64_32, R_X86_64_16, R_X86_64_8 in loaded sections)\n"
            "  - segments or sections that are both writable and executable,\n"
            "    and an executable stack\n"
            "\n"
            "Options:\n"
            "      --ibt          also (-fcf-protection=branch): every function whose\n"
            "                     address is taken (in an object file: every global\n"
            "                     one) starts with endbr64, and no notrack call or\n"
            "                     jump but a switch table's\n"
            "      --retpoline    also (-mindirect-branch=thunk-extern): no indirect\n"
            "                     call or jump except through the\n"
            "                     __x86_indirect_thunk_* thunks\n"
            "      --rethunk      also: no ret outside the thunks\n"
            "                     (-mfunction-return=thunk-extern)\n"
            "  -q, --quiet        print only a count per file\n"
            "  -m, --max=N        report at most N violations per file\n"
            "  -h, --help         show this help and exit\n"
            "  -V, --version      show the version and exit\n"
            "\n"
            "Exit status: 0 every file was read whole and has no violation;\n"
            "1 violations found (every file read whole); 2 a file is missing, not\n"
            "an x86-64 ELF64 file or archive, or truncated or damaged (one line\n"
            "says where; violations found in its readable part are still shown).\n");
    return status;
}

/* Reads PATH whole and checks it; returns its status (0 or 2). */
static int check_file(const char *path, csh cs, const struct elfcheck_options *opt,
                      int *findings)
{
    size_t size = 0;
    unsigned char *image = read_file(path, &size);
    if (!image) {
        fprintf(stderr, PROGRAM ": %s: %s\n", path, strerror(errno));
        return ELFCHECK_UNREADABLE;
    }
    int status = elfcheck_image(path, image, size, cs, opt, findings);
    free(image);
    return status;
}

static int parse_args(int argc, char **argv, struct elfcheck_options *opt, int *first)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"quiet", no_argument, NULL, 'q'},
        {"max", required_argument, NULL, 'm'},
        {"ibt", no_argument, NULL, 'I'},
        {"retpoline", no_argument, NULL, 'R'},
        {"rethunk", no_argument, NULL, 'T'},
        {NULL, 0, NULL, 0},
    };
    int c;
    opterr = 0; /* our own one-line messages */
    while ((c = getopt_long(argc, argv, "hVqm:", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            exit(usage(stdout, 0));
        case 'V':
            printf(PROGRAM " (x86_64-none kit) " PACKAGE_VERSION "\n");
            exit(0);
        case 'q':
            opt->quiet = true;
            break;
        case 'I':
            opt->ibt = true;
            break;
        case 'R':
            opt->retpoline = true;
            break;
        case 'T':
            opt->rethunk = true;
            break;
        case 'm': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 0 || end == optarg) {
                fprintf(stderr, PROGRAM ": --max needs a number, not '%s'\n", optarg);
                return 2;
            }
            opt->max_per_file = (int)n;
            break;
        }
        default:
            fprintf(stderr, PROGRAM ": unknown or incomplete option '%s' (try --help)\n",
                    argv[optind - 1]);
            return 2;
        }
    }
    int i = optind;
    if (i >= argc) {
        fprintf(stderr, PROGRAM ": no input files (try --help)\n");
        return 2;
    }
    *first = i;
    return 0;
}

int main(int argc, char **argv)
{
    struct elfcheck_options opt = {0};
    int first;
    int status = parse_args(argc, argv, &opt, &first);
    if (status)
        return status;
    if (elf_version(EV_CURRENT) == EV_NONE) {
        fprintf(stderr, PROGRAM ": libelf is out of date\n");
        return 2;
    }
    csh cs;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK) {
        fprintf(stderr, PROGRAM ": cannot start the capstone disassembler\n");
        return 2;
    }
    cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
    int findings = 0;
    for (int i = first; i < argc; i++)
        if (check_file(argv[i], cs, &opt, &findings) != 0)
            status = ELFCHECK_UNREADABLE;
    cs_close(&cs);
    if (status)
        return status;
    return findings ? ELFCHECK_VIOLATIONS : ELFCHECK_CLEAN;
}
