/* The folder a kit program runs from (see own-dir.h). */
#define _XOPEN_SOURCE 700
#include "own-dir.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The file the shell ran for argv0: argv0 itself when it names a path,
 * else the first executable of that name in PATH, as execvp finds it.
 * Where there is no /proc (macOS, a chroot, a private mount namespace),
 * this is how the program finds itself. */
static bool program_file(const char *argv0, char *out, size_t size)
{
    if (strchr(argv0, '/'))
        return snprintf(out, size, "%s", argv0) < (int)size;
    const char *path = getenv("PATH");
    while (path && *path) {
        size_t len = strcspn(path, ":");
        /* An empty entry is the current folder, as for execvp. */
        int n = len ? snprintf(out, size, "%.*s/%s", (int)len, path, argv0)
                    : snprintf(out, size, "./%s", argv0);
        if (n < (int)size && access(out, X_OK) == 0)
            return true;
        path += len + (path[len] == ':');
    }
    return false;
}

char *own_dir(const char *argv0)
{
    char buf[PATH_MAX];
    char file[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = '\0';
    } else if (!argv0 || !program_file(argv0, file, sizeof file) || !realpath(file, buf)) {
        return NULL;
    }
    char *slash = strrchr(buf, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return strdup(buf);
}
