/* x86_64-none-mkimage's use of GRUB: whether its tools and both
 * platforms are installed, and running grub-mkrescue (see mkimage-grub.h). */
#define _POSIX_C_SOURCE 200809L
#include "mkimage-grub.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "read-file.h"

#define PROGRAM "x86_64-none-mkimage"

/* Debian's place for GRUB's platform folders (grub-mkrescue's default). */
#define GRUB_LIB_DIR "/usr/lib/grub"

static bool on_path(const char *program)
{
    const char *path = getenv("PATH");
    char candidate[4096];
    while (path && *path) {
        size_t n = strcspn(path, ":");
        snprintf(candidate, sizeof candidate, "%.*s/%s", (int)n, n ? path : ".", program);
        if (access(candidate, X_OK) == 0)
            return true;
        path += n + (path[n] == ':');
    }
    return false;
}

/* NULL when GRUB's tools and both platforms are there, else which is
 * missing and the Debian package that brings it. */
const char *grub_problem(void)
{
    static const struct {
        const char *what;
        bool is_folder;
        const char *package;
    } needs[] = {
        {"grub-mkrescue", false, "grub-common"},
        {GRUB_LIB_DIR "/i386-pc", true, "grub-pc-bin"},
        {GRUB_LIB_DIR "/x86_64-efi", true, "grub-efi-amd64-bin"},
        {"xorriso", false, "xorriso"},
        {"mformat", false, "mtools"},
    };
    static char why[256];
    for (size_t i = 0; i < sizeof needs / sizeof needs[0]; i++) {
        struct stat st;
        bool have = needs[i].is_folder
                        ? stat(needs[i].what, &st) == 0 && S_ISDIR(st.st_mode)
                        : on_path(needs[i].what);
        if (!have) {
            snprintf(why, sizeof why, "%s not found; GRUB makes the image (Debian: apt-get "
                     "install %s)", needs[i].what, needs[i].package);
            return why;
        }
    }
    return NULL;
}

/* The last lines of LOG on stderr (what grub-mkrescue said on failure). */
void print_log_tail(const char *log)
{
    size_t size = 0;
    unsigned char *text = read_file(log, &size);
    if (!text)
        return;
    size_t start = size, lines = 0;
    while (start > 0 && lines <= 8)
        if (text[--start] == '\n')
            lines++;
    fwrite(text + start, 1, size - start, stderr);
    free(text);
}

bool run_grub_mkrescue(const char *staging, const char *image, const char *log, bool verbose)
{
    /* No translations, fonts or themes: the kernel has no use for them,
     * and the image shrinks by half. */
    const char *argv[] = {"grub-mkrescue", "-o", image, "--locales=", "--fonts=",
                          "--themes=", staging, NULL};
    if (verbose) {
        for (int i = 0; argv[i]; i++)
            fprintf(stderr, "%s%s", i ? " " : "", argv[i]);
        fputc('\n', stderr);
    }
    pid_t pid = fork();
    if (pid == 0) {
        int fd = verbose ? 2 : open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0)
            _exit(126);
        dup2(fd, 1);
        dup2(fd, 2);
        close(0);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    int status = 0;
    if (pid < 0)
        return false;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

