/* abi-gen: writes one generated C/Rust ABI conformance suite.
 *
 *   abi-gen --seed S --count N --c FILE.c --rust FILE.rs [--plant]
 *           [--zero-length-arrays]
 *
 * Signature I of seed S is the same whatever N is, so a failure found in
 * a large run can be replayed alone.  --plant swaps two float members of
 * one struct in the Rust side only (abi-planted.test: the suite must
 * catch it) and names that signature on standard output.
 * --zero-length-arrays draws GNU C's [0] members too, which GCC and rustc
 * classify differently (docs/using.md): expect mismatches. */
#include "abi-gen.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

struct options {
    uint64_t seed;
    int count, plant;
    const char *c_path, *rust_path;
};

static void usage(FILE *out)
{
    fputs("usage: abi-gen --seed S --count N --c FILE.c --rust FILE.rs [--plant]\n"
          "               [--zero-length-arrays]\n", out);
}

static int parse(int argc, char **argv, struct options *o)
{
    static const struct option longs[] = {
        {"seed", required_argument, 0, 's'}, {"count", required_argument, 0, 'n'},
        {"c", required_argument, 0, 'c'},    {"rust", required_argument, 0, 'r'},
        {"plant", no_argument, 0, 'p'},      {"help", no_argument, 0, 'h'},
        {"zero-length-arrays", no_argument, 0, 'z'},
        {0, 0, 0, 0},
    };
    int c;
    char *end;
    while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
        switch (c) {
        case 's': o->seed = strtoull(optarg, &end, 0); if (*end) return -1; break;
        case 'n': o->count = (int)strtol(optarg, &end, 0); if (*end || o->count < 1) return -1; break;
        case 'c': o->c_path = optarg; break;
        case 'r': o->rust_path = optarg; break;
        case 'p': o->plant = 1; break;
        case 'z': abi_zero_length_arrays = 1; break;
        case 'h': usage(stdout); exit(0);
        default: return -1;
        }
    }
    return optind == argc && o->count > 0 && o->c_path && o->rust_path ? 0 : -1;
}

/* Writes both files; with PLANT, plants the bug in the first signature
 * that can take it and returns that signature's index (-1: none). */
static int generate(const struct options *o, FILE *c, FILE *rust)
{
    static struct abi_sig sig;
    int planted_at = -1;
    abi_emit_c_prologue(c, o->seed, o->count);
    abi_emit_rust_prologue(rust);
    for (int i = 0; i < o->count; i++) {
        const struct abi_type *planted = NULL;
        abi_random_signature(&sig, o->seed, i);
        if (o->plant && planted_at < 0 && abi_plantable(&sig, &planted))
            planted_at = i;
        else
            planted = NULL;
        abi_emit_c(c, &sig);
        abi_emit_rust(rust, &sig, planted);
    }
    abi_emit_c_epilogue(c, o->count);
    return planted_at;
}

int main(int argc, char **argv)
{
    struct options o = {0, 0, 0, NULL, NULL};
    if (parse(argc, argv, &o) != 0) {
        usage(stderr);
        return 2;
    }
    FILE *c = fopen(o.c_path, "w"), *rust = fopen(o.rust_path, "w");
    if (!c || !rust) {
        fprintf(stderr, "abi-gen: cannot write %s: %s\n", !c ? o.c_path : o.rust_path, strerror(errno));
        return 1;
    }
    int planted_at = generate(&o, c, rust);
    if (fclose(c) != 0 || fclose(rust) != 0) {
        fprintf(stderr, "abi-gen: writing %s or %s failed (disk full?)\n", o.c_path, o.rust_path);
        return 1;
    }
    if (o.plant && planted_at < 0) {
        fprintf(stderr, "abi-gen: no signature of seed %llu can take the planted bug; use more signatures\n",
                (unsigned long long)o.seed);
        return 1;
    }
    if (o.plant)
        printf("planted: signature %d\n", planted_at);
    return 0;
}
