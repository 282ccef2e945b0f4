/* Reading a whole file (see read-file.h). */
#include "read-file.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

unsigned char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = NULL;
    size_t cap = 0, len = 0, got;
    errno = 0;
    do {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            unsigned char *grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = grown;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    /* read(2)'s errno (EISDIR for a folder), or EIO. */
    int error = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (error) {
        free(buf);
        errno = error;
        return NULL;
    }
    *size = len;
    return buf;
}
