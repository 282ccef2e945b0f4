/* x86_64-none-run's console filter: the program's serial output passes
 * through to stdout, without the records of the exit protocol
 * (<x86_64-none/exit-protocol.h>): the exit status, the start record
 * (before it, the firmware's and GRUB's output is kept as the preamble)
 * and the gcov stream of --coverage. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <x86_64-none/exit-protocol.h>
#include "run.h"

static const char exit_record[] = NONE_EXIT_RECORD_START;
static const char gcov_record[] = NONE_GCOV_RECORD_START;
static const char start_record[] = NONE_START_RECORD;

/* One hex digit of the gcov record. */
static void gcov_digit(struct filter *f, char c)
{
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (v < 0)
        return;
    if (f->gcov_nibble < 0) {
        f->gcov_nibble = v;
        return;
    }
    if (f->gcov_length == f->gcov_capacity) {
        size_t capacity = f->gcov_capacity ? 2 * f->gcov_capacity : 4096;
        unsigned char *grown = realloc(f->gcov, capacity);
        if (!grown) {
            fprintf(stderr, PROGRAM ": out of memory for the coverage data\n");
            exit(RUN_USAGE);
        }
        f->gcov = grown;
        f->gcov_capacity = capacity;
    }
    f->gcov[f->gcov_length++] = (unsigned char)(f->gcov_nibble << 4 | v);
    f->gcov_nibble = -1;
}

/* Could pending[0..n) still become a record? */
static bool record_prefix(const char *record, const char *pending, size_t n)
{
    return n < strlen(record) + 1 && !memcmp(record, pending, n);
}

/* Program output to stdout and the crash report's scanner (records are
 * not output); before the start record, into the preamble (its last half
 * when it overflows). */
static void emit(struct filter *f, const char *s, size_t n)
{
    if (f->started) {
        for (size_t i = 0; i < n; i++)
            crash_scan_byte(&f->crash, s[i]);
        fwrite(s, 1, n, stdout);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (f->preamble_length == sizeof f->preamble) {
            size_t keep = sizeof f->preamble / 2;
            memmove(f->preamble, f->preamble + sizeof f->preamble - keep, keep);
            f->preamble_length = keep;
            f->preamble_cut = true;
        }
        f->preamble[f->preamble_length++] = s[i];
    }
}

void flush_pending(struct filter *f)
{
    emit(f, f->pending, f->n);
    f->n = 0;
}

/* The preamble on stderr without the terminal escape sequences the
 * firmware and GRUB draw their screens with (ESC [ ... final byte). */
void print_preamble(const struct filter *f)
{
    enum { TEXT, ESCAPE, CSI } state = TEXT;
    if (f->preamble_cut)
        fputs("[...]\n", stderr);
    for (size_t i = 0; i < f->preamble_length; i++) {
        unsigned char c = (unsigned char)f->preamble[i];
        if (state == ESCAPE)
            state = c == '[' ? CSI : TEXT;
        else if (state == CSI)
            state = c >= 0x40 && c <= 0x7e ? TEXT : CSI;
        else if (c == 033)
            state = ESCAPE;
        else if (c != '\r')
            fputc(c, stderr);
    }
    if (f->preamble_length && f->preamble[f->preamble_length - 1] != '\n')
        fputc('\n', stderr);
}

/* Passes console bytes through, taking exit records out. */
void filter_byte(struct filter *f, char c)
{
    const size_t plen = sizeof exit_record - 1;
    if (f->in_gcov) {
        if (c == NONE_GCOV_RECORD_END[0])
            f->in_gcov = false;
        else
            gcov_digit(f, c);
        return;
    }
    if (f->n == 0 && c != exit_record[0]) {
        emit(f, &c, 1);
        return;
    }
    f->pending[f->n++] = c;
    if (f->n == sizeof start_record - 1 && !memcmp(f->pending, start_record, f->n)) {
        f->started = true;
        f->preamble_length = 0;
        f->n = 0;
        return;
    }
    if (f->n <= plen) {
        if (f->n == plen && !memcmp(f->pending, gcov_record, plen)) {
            f->in_gcov = true;
            f->gcov_nibble = -1;
            f->n = 0;
        } else if (!record_prefix(exit_record, f->pending, f->n) &&
                   !record_prefix(gcov_record, f->pending, f->n) &&
                   !record_prefix(start_record, f->pending, f->n)) {
            flush_pending(f);
        }
        return;
    }
    if (c >= '0' && c <= '9' && f->n < plen + 4)
        return;
    if (c == NONE_EXIT_RECORD_END[0] && f->n > plen + 1) {
        f->pending[f->n - 1] = '\0';
        f->status = atoi(f->pending + plen) & 0xff;
        f->n = 0;
        return;
    }
    flush_pending(f);
}

