/* The folder a kit program runs from (see own-dir.h). */
#define _XOPEN_SOURCE 700
#include "own-dir.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *own_dir(const char *argv0)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = '\0';
    } else if (!argv0 || !realpath(argv0, buf)) {
        return NULL;
    }
    char *slash = strrchr(buf, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return strdup(buf);
}
