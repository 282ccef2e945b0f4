/* kit-id.c: x86_64-none-gcc --kit-id, one number that changes whenever
 * anything that decides the driver's output does: the driver itself (its
 * rules table is compiled in), the spec files and linker script, the
 * runtime of every multilib, and the toolchain (by the cache key of its
 * inputs: versions, patches, configure options).  The manifest
 * x86_64-none.id names them; compiler caches hash this number instead of
 * the driver's mtime (docs/using.md, "Build farms and caches").
 *
 * FNV-1a, 64 bits: an identity for caches, not a defence against anyone
 * forging files, and no library to carry to every host. */
#include "kit-id.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fnv1a(uint64_t *h, const void *data, size_t size)
{
    const unsigned char *p = data;
    while (size--) {
        *h ^= *p++;
        *h *= UINT64_C(0x100000001b3);
    }
}

static void cannot_open(const char *program, const char *path)
{
    fprintf(stderr, "%s: --kit-id: %s: %s (is the kit installed completely?)\n", program, path,
            strerror(errno));
}

/* Hashes NAME and the rest of F's bytes; -1 after an error line. */
static int hash_stream(const char *program, FILE *f, const char *path, const char *name,
                       uint64_t *h)
{
    char buf[65536];
    size_t n;
    fnv1a(h, name, strlen(name) + 1);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        fnv1a(h, buf, n);
    if (ferror(f)) {
        fprintf(stderr, "%s: --kit-id: reading %s failed\n", program, path);
        return -1;
    }
    return 0;
}

/* Hashes PATH's name and bytes; -1 after an error line. */
static int hash_file(const char *program, const char *path, const char *name, uint64_t *h)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        cannot_open(program, path);
        return -1;
    }
    int status = hash_stream(program, f, path, name, h);
    fclose(f);
    return status;
}

/* Hashes each file the manifest names ("file REL", REL under LIBDIR). */
static int hash_named_files(const char *program, FILE *manifest, const char *libdir, uint64_t *h)
{
    char line[4096], path[8192];
    while (fgets(line, sizeof line, manifest)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "file ", 5) != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", libdir, line + 5);
        if (hash_file(program, path, line + 5, h) != 0)
            return -1;
    }
    return 0;
}

/* The manifest is opened once: hashed whole, then read again from its
 * start for the files it names. */
int kit_id(const char *program, const char *driver, const char *libdir, uint64_t *id)
{
    char path[8192];
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    snprintf(path, sizeof path, "%s/%s", libdir, KIT_ID_MANIFEST);
    if (hash_file(program, driver, "driver", &h) != 0)
        return -1;
    FILE *manifest = fopen(path, "rb");
    if (!manifest) {
        cannot_open(program, path);
        return -1;
    }
    int status = hash_stream(program, manifest, path, KIT_ID_MANIFEST, &h);
    if (status == 0) {
        rewind(manifest);
        status = hash_named_files(program, manifest, libdir, &h);
    }
    fclose(manifest);
    *id = h;
    return status;
}
