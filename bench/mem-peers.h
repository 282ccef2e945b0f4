/* The peers of the runtime's memcpy, memmove and memset under the same
 * rule (general registers and string instructions only): the strategies
 * of Linux, Rust's compiler-builtins and musl, written for the bench from
 * the facts in the kit's records (how each chooses by size, alignment and
 * CPU feature), not copied from their code.  bench/mem-peers.c. */
#ifndef MEM_PEERS_H
#define MEM_PEERS_H
#include <stddef.h>

typedef void *(*copy_fn)(void *, const void *, size_t);
typedef void *(*set_fn)(void *, int, size_t);

/* The CPU features a peer's chosen path relies on. */
enum peer_needs { NEEDS_NOTHING = 0, NEEDS_ERMS = 1, NEEDS_FSRM = 2 };

struct peer {
    const char *name;
    copy_fn memcpy;
    copy_fn memmove;
    set_fn memset;
    unsigned needs; /* enum peer_needs bits */
};

/* Every peer, each a CPU-feature selection of one family:
 *   linux      memcpy_orig / memmove's register paths / memset_orig (no
 *              ERMS, no FSRM: what Linux 6.5+ runs on such a CPU)
 *   linux-erms ERMS without FSRM: memcpy_orig, memmove's forward rep movsb
 *              from 32 bytes, memset_orig
 *   linux-fsrm FSRM (AMD: also FSRS): bare rep movsb / rep stosb
 *   rust       compiler-builtins for x86_64-unknown-none (no ermsb):
 *              rep movsb/movsq/movsb with the destination aligned
 *   rust-ermsb the same crate built with ermsb: bare rep movsb/stosb
 *   musl       src/string/x86_64: rep movsq after aligning, byte-wise
 *              std rep movsb backward, an overlapping-store memset ladder */
extern const struct peer peers[];
extern const size_t peer_count;

#endif
