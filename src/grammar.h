/* grammar.h - the building blocks the extractors share: gazetteer hits over
 * tokens, office phrases (titles), personal names and person mentions. */
#ifndef ATTACHE_GRAMMAR_H
#define ATTACHE_GRAMMAR_H

#include <stddef.h>
#include <string.h>

#include "doc.h"
#include "gazetteer.h"
#include "world.h"

/* Gazetteer phrases that start at one token, shortest first, and the
 * answers of the token predicates below (G_TB_*), each worked out on first
 * use: the extractors ask the same token the same question several times
 * as they try one reading after another. The fields fill the struct's
 * padding (64 bytes either way). */
typedef struct att_gaz_hits {
    const att_phrase *p[ATT_GAZ_HITS];
    uint8_t len[ATT_GAZ_HITS];
    uint8_t n, done;
    uint16_t kinds; /* GZ_* of any of them: most lookups stop at this */
    uint8_t known;  /* G_TB_* worked out for this token */
    uint8_t is;     /* ... and true */
} att_gaz_hits;

/* Token predicates kept per token and document (see g_tok_pred). */
#define G_TB_NOTNOW 1u   /* g_notnow */
#define G_TB_NAMEWORD 2u /* may be a word of a personal name (g_name's test) */
#define G_TB_FUNCTION 4u /* a function word that never starts a name ("The") */
#define G_TB_HONORIFIC 8u /* the longest lexicon phrase here is an honorific ("H.E.") */

/* A sentence being read. */
typedef struct {
    const attache_world *w;
    attache_doc *d;
    size_t s;      /* sentence index */
    size_t tb, te; /* its token range in d->toks */
} att_ctx;

void g_ctx(att_ctx *c, const attache_world *w, attache_doc *d, size_t s);

/* Token i of the document (no bounds check). */
static inline const att_token *g_tok(const att_ctx *c, size_t i) { return &c->d->toks.v[i]; }

/* Folded form of token i (att_fold of its text, NUL-terminated, borrowed). */
static inline const char *g_fold(const att_ctx *c, size_t i)
{
    return att_tok_fold(&c->d->toks, g_tok(c, i));
}

/* s[0..n) equals w[0..n) with ASCII letters compared case-insensitively. */
int g_same_word(const char *s, const char *w, size_t n);

/* 1 when token i is the word w (ASCII, case-insensitive). Inline so that
 * strlen of a literal w is known at compile time: a token of another
 * length is told apart without reading it. */
static inline int g_is(const att_ctx *c, size_t i, const char *w)
{
    if (i >= c->te)
        return 0;
    const att_token *t = g_tok(c, i);
    size_t n = strlen(w);
    return t->e - t->b == n && g_same_word(c->d->text + t->b, w, n);
}
/* 1 when token i is punctuation ch. */
int g_punct(const att_ctx *c, size_t i, char ch);
/* 1 when token i is one of the '|'-separated words (case-insensitive).
 * words must be a string literal (or live and stay unchanged as long as
 * the process): its address keys the process's table of prepared lists. */
int g_in(const att_ctx *c, size_t i, const char *words);

/* g_gaz after its checks, for the kinds eff (not to be called directly). */
size_t g_gaz_at(const att_ctx *c, size_t i, unsigned eff, const att_phrase **hit);

/* Longest gazetteer phrase at token i whose kinds meet mask; proper-noun
 * kinds need a capital first letter. Returns the number of tokens (0: none).
 * Inline: the extractors ask some 5,000 times a document, and most answers
 * are "no" from the token or its cached hits alone. */
static inline size_t g_gaz(const att_ctx *c, size_t i, unsigned mask, const att_phrase **hit)
{
    *hit = NULL;
    if (i >= c->te)
        return 0;
    const att_token *t0 = g_tok(c, i);
    if (t0->kind == TK_PUNCT && !(t0->e - t0->b == 1 && c->d->text[t0->b] == '('))
        return 0;
    unsigned eff = mask;
    if (!t0->upper)
        eff &= (unsigned)(GZ_OFFICE | GZ_LEX | GZ_TITLEWORD);
    if (!eff)
        return 0;
    const att_gaz_hits *h = c->d->gz_hits ? &c->d->gz_hits[i] : NULL;
    if (h && h->done && !(h->kinds & eff))
        return 0;
    return g_gaz_at(c, i, eff, hit);
}

/* Country named by tokens at i: a country name, demonym or country
 * possessive ("China 's"). Returns tokens used and the country index. A
 * demonym followed by another demonym ("Turkish Cypriot") gives -1 country
 * but still consumes. */
size_t g_country_marker(const att_ctx *c, size_t i, int *country);

/* An office phrase at token i. */
typedef struct {
    size_t b, e;      /* tokens [b, e) of the office words, extensions included */
    int office;       /* gazetteer office, -1 when built by the grammar */
    int country;      /* from "of COUNTRY" / a demonym inside, -1 */
    int org;          /* from "of ORG" / ORG inside, -1 */
    size_t end;       /* token after the whole phrase incl. "of COUNTRY" */
    char title[256];  /* office as written, country words left out */
    char key[96];     /* canonical role key */
    char label[96];   /* canonical label */
} att_office_m;

/* Read one office at i (no coordination). Returns 1 and fills m; on 0, m
 * holds no office (-1 indices, empty strings) and is not otherwise set. */
int g_office(const att_ctx *c, size_t i, att_office_m *m);

/* A personal name at token i. Skips honorifics first. Returns the token
 * after the name (== i when none); nb and ne get the name tokens. */
size_t g_name(const att_ctx *c, size_t i, size_t *nb, size_t *ne);

/* 1 when token i is a noun that makes a capitalised run a thing (Summit,
 * Council, Ministry), never a person's name. */
int g_thing_word(const att_ctx *c, size_t i);

/* Tokens of a multi-word place, venue, organisation or country name at i
 * ("Qasr Al Watan", "New Delhi"), 0 when none: such runs are never names. */
size_t g_entity(const att_ctx *c, size_t i);

/* Tokens [b, e) look like a full personal name standing alone (two words or
 * more, no title, place or thing words, not inside a longer proper name). */
int g_plain_name(const att_ctx *c, size_t b, size_t e);

/* Predicate pred (one G_TB_*) of token i, worked out once per token and
 * document. Answers agree with g_tok_pred_uncached; tokens outside the
 * sentence of c are never cached (a token's gazetteer hits, and so the
 * answers, are those of its own sentence). */
int g_tok_pred_fill(const att_ctx *c, size_t i, unsigned pred);
static inline int g_tok_pred(const att_ctx *c, size_t i, unsigned pred)
{
    if (i < c->te && i >= c->tb && c->d->gz_hits) {
        const att_gaz_hits *h = &c->d->gz_hits[i];
        if (h->known & pred)
            return (h->is & pred) != 0;
    }
    return g_tok_pred_fill(c, i, pred);
}
/* The same, worked out afresh each time (for the tests of the cache). */
int g_tok_pred_uncached(const att_ctx *c, size_t i, unsigned pred);

/* GZ_* kinds of every gazetteer phrase that starts at token i (a superset
 * of what any g_gaz at i can find); all bits when the cache cannot be had.
 * 0 for i outside the sentence. */
unsigned g_kinds(const att_ctx *c, size_t i);

/* 1 when token i starts a "not now" title: former, late, ex-, outgoing,
 * then-, and the future ones (-elect, designate, incoming). Cached: a
 * reading of an office group asks this of each token three or four times. */
static inline int g_notnow(const att_ctx *c, size_t i) { return g_tok_pred(c, i, G_TB_NOTNOW); }

/* ------------------------------------------------------------- people */

/* people_add() result when memory ran out (-1: the tokens hold no name). */
#define PEOPLE_NOMEM (-2)

/* Register the name in tokens [b, e) as a person of d; returns its index
 * (an existing one when the names agree), -1 when the tokens hold no name
 * words, PEOPLE_NOMEM on out of memory. */
int people_add(attache_doc *d, const char *text, const att_token *t, size_t b, size_t e);
/* Person a one-word (or partial) name refers to, -1 when none. */
int people_find(const attache_doc *d, const char *text, const att_token *t, size_t b, size_t e);

#endif
