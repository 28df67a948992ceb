/* fuzz_common.h - what the libFuzzer harnesses share: one attache_world
 * made once per process, and invariant checks that abort (so libFuzzer and
 * the regression runner report them) when the library breaks a promise.
 *
 * The reference data comes from $ATTACHE_DATA, else the source tree's
 * ontology/data (ATTACHE_FUZZ_DATA, set by tests/fuzz/CMakeLists.txt). */
#ifndef ATTACHE_FUZZ_COMMON_H
#define ATTACHE_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attache/attache.h"
#include "doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Diagnostics are expected on hostile input: swallow them. */
static void fuzz_diag(void *ctx, attache_level level, const char *where, const char *msg) {
    (void)ctx;
    (void)level;
    (void)where;
    (void)msg;
}

static attache_world *fuzz_world_;

/* The shared world (made on first use; lives until the process ends). */
static inline attache_world *fuzz_world(void) {
    if (!fuzz_world_) {
        const char *dir = getenv("ATTACHE_DATA");
        if (!dir || !*dir)
            dir = ATTACHE_FUZZ_DATA;
        if (attache_world_new(dir, fuzz_diag, NULL, &fuzz_world_) != ATTACHE_SUCCESS) {
            fprintf(stderr, "fuzz: cannot load the reference data from %s\n", dir);
            abort();
        }
    }
    return fuzz_world_;
}

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz: invariant failed at %s:%d: %s\n", __FILE__, __LINE__, #cond);   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* 1 when s[0..n) is valid UTF-8 without NUL bytes. */
static inline int fuzz_utf8_ok(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char c = u[i];
        size_t len;
        uint32_t cp, min;
        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + len > n)
            return 0;
        cp = c & (0x7Fu >> len);
        for (size_t k = 1; k < len; k++) {
            if ((u[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (u[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

static inline int fuzz_str_ok(const char *s) {
    return s && fuzz_utf8_ok(s, strlen(s));
}

/* Code points in s[0..n) of valid UTF-8. */
static inline size_t fuzz_cp_count(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* What every document the reader returns must satisfy. */
static inline void fuzz_check_doc(const attache_doc *d) {
    FUZZ_CHECK(d->text && strlen(d->text) == d->len);
    FUZZ_CHECK(fuzz_utf8_ok(d->text, d->len));
    FUZZ_CHECK(d->id && d->where);
    FUZZ_CHECK(d->n_sents > 0);
    FUZZ_CHECK(!d->title || fuzz_str_ok(d->title));
    FUZZ_CHECK(!d->dateline_place || fuzz_str_ok(d->dateline_place));
    FUZZ_CHECK(d->date[0] == '\0' || strlen(d->date) == 10);
    size_t prev_e = 0;
    for (size_t i = 0; i < d->n_sents; i++) {
        const att_sentence *s = &d->sents[i];
        FUZZ_CHECK(s->b < s->e && s->e <= d->len);
        FUZZ_CHECK(s->b >= prev_e); /* in order, not overlapping */
        prev_e = s->e;
        /* spans start and end on character boundaries */
        FUZZ_CHECK(((unsigned char)d->text[s->b] & 0xC0) != 0x80);
        FUZZ_CHECK(s->e == d->len || ((unsigned char)d->text[s->e] & 0xC0) != 0x80);
        /* bounded: the splitter cuts long runs (ATT_MAX_SENTENCE, twice
         * that when there is no space, plus a character) */
        FUZZ_CHECK(s->e - s->b <= 2 * 4000 + 4);
        FUZZ_CHECK(s->cb == fuzz_cp_count(d->text, s->b));
        FUZZ_CHECK(s->ce - s->cb == fuzz_cp_count(d->text + s->b, s->e - s->b));
        FUZZ_CHECK(s->tb <= s->te && s->te <= d->toks.n);
        for (size_t t = s->tb; t < s->te; t++)
            FUZZ_CHECK(d->toks.v[t].b >= s->b && d->toks.v[t].b < d->toks.v[t].e &&
                       d->toks.v[t].e <= s->e);
    }
}

/* What every extracted document must satisfy: facts point inside the doc,
 * every string a fact holds is valid UTF-8. */
static inline void fuzz_check_facts(const attache_doc *d) {
    attache_counts c = attache_doc_counts(d);
    for (size_t i = 0; i < c.roles; i++) {
        attache_role_view v;
        FUZZ_CHECK(attache_doc_role(d, i, &v));
        FUZZ_CHECK(fuzz_str_ok(v.person) && fuzz_str_ok(v.role));
        FUZZ_CHECK(!v.title || fuzz_str_ok(v.title));
        FUZZ_CHECK(!v.country || strlen(v.country) == 2);
        FUZZ_CHECK(v.sentence < d->n_sents);
    }
    for (size_t i = 0; i < c.meetings; i++) {
        attache_meeting_view v;
        FUZZ_CHECK(attache_doc_meeting(d, i, &v));
        for (size_t k = 0; k < v.n_participants; k++)
            FUZZ_CHECK(fuzz_str_ok(attache_doc_meeting_participant(d, i, k)));
        FUZZ_CHECK(!v.place || fuzz_str_ok(v.place));
        FUZZ_CHECK(!v.super_event || fuzz_str_ok(v.super_event));
        FUZZ_CHECK(v.sentence < d->n_sents);
    }
    for (size_t i = 0; i < c.scheduled; i++) {
        attache_scheduled_view v;
        FUZZ_CHECK(attache_doc_scheduled(d, i, &v));
        FUZZ_CHECK(fuzz_str_ok(v.label));
        FUZZ_CHECK(!v.phrase || fuzz_str_ok(v.phrase));
        FUZZ_CHECK(v.sentence < d->n_sents);
    }
    FUZZ_CHECK(attache_doc_role(d, c.roles, &(attache_role_view){0}) == 0);
}

/* Read `prefix` + data + `suffix` as a document and run every extractor on
 * it: the extractor harnesses wrap the fuzz input in text that steers it
 * into one extractor's patterns. */
static inline void fuzz_extract_wrapped(const char *prefix, const uint8_t *data, size_t size,
                                        const char *suffix) {
    size_t pl = strlen(prefix), sl = strlen(suffix);
    char *buf = malloc(pl + size + sl + 1);
    if (!buf)
        return;
    memcpy(buf, prefix, pl);
    if (size)
        memcpy(buf + pl, data, size);
    memcpy(buf + pl + size, suffix, sl);
    attache_doc *d = NULL;
    attache_doc_options opts = {0};
    opts.default_date = "2022-01-13";
    if (attache_doc_read_mem(fuzz_world(), "fuzz", buf, pl + size + sl, &opts, &d) ==
        ATTACHE_SUCCESS) {
        fuzz_check_doc(d);
        /* nothing here can run out of memory: NOMEM would be a false alarm */
        FUZZ_CHECK(attache_extract(fuzz_world(), d) == ATTACHE_SUCCESS);
        fuzz_check_facts(d);
    }
    attache_doc_free(d);
    free(buf);
}

/* Pick one of a harness's templates without using up input bytes. */
#define FUZZ_NTEMPLATES(arr) (sizeof(arr) / sizeof((arr)[0]))

#endif
