/* world.h - the attache_world internals: reference data, compiled patterns,
 * base IRI and the diagnostic sink. Read-only after attache_world_new. */
#ifndef ATTACHE_WORLD_H
#define ATTACHE_WORLD_H

#include <pcre2.h>

#include "attache/attache.h"
#include "dates.h"
#include "gazetteer.h"
#include "prefilter.h"

/* A compiled pattern (pcre2 code, JIT-compiled when available). */
typedef struct {
    pcre2_code *code;
    uint32_t pf; /* its bit in the world's prefilter table; 0: none (always searched) */
    int gaps;    /* white-space runs before its first listed word, at most (att_pf_from); -1 */
} att_re;

/* Patterns the extractors use, compiled once. */
typedef struct {
    att_re meet_trigger; /* verbs and nouns of contact */
    att_re meet_join;    /* more participants of the meeting just reported */
    att_re phone;        /* phone / call words */
    att_re video;        /* video / virtual words */
    att_re future;       /* future / plan markers */
    att_re sched_trigger; /* will be held, agreed to hold ... */
    att_re not_happened; /* invitations, "no date", "could", "in principle" */
    att_re sched_exclude; /* what keeps a planned event out of scheduled (scheduled.c) */
    att_re speech;       /* said, told, noted ... (a person context) */
    att_re dateline;     /* CITY, Month Day (Agency) -- */
} att_patterns;

struct attache_world {
    att_gaz *gaz;       /* owned */
    att_dates *dates;   /* owned */
    att_patterns pat;   /* owned codes */
    att_pf *pf;         /* owned: the words the patterns need (patterns.h ATT_PF_*) */
    char *base;         /* owned */
    char *data_dir;     /* owned */
    attache_diag_fn diag;
    void *diag_ctx;
};

/* Report through the sink (no-op without one). */
void world_diag(const attache_world *w, attache_level lvl, const char *where, const char *fmt,
                ...) __attribute__((format(printf, 4, 5)));

/* Compile pattern src (UTF-8, case-insensitive unless flags say otherwise)
 * into re. Returns ATTACHE_ERR_PATTERN with a diagnostic naming the pattern
 * and the offset on failure. */
attache_status re_compile(const attache_world *w, att_re *re, const char *name, const char *src,
                          uint32_t flags);
void re_free(att_re *re);

/* Find re in s[start..len); on a match set *b,*e (group 0, or group `group`
 * when it matched) and return 1; 0 when none. md is caller-provided match
 * data (pcre2_match_data_create_from_pattern or a large enough generic). */
int re_find(const att_re *re, const char *s, size_t len, size_t start, pcre2_match_data *md,
            size_t *b, size_t *e);
/* re_find with a match context (NULL: none), for its offset limit. */
int re_find_mc(const att_re *re, const char *s, size_t len, size_t start, pcre2_match_data *md,
               pcre2_match_context *mc, size_t *b, size_t *e);

/* re_find after asking the prefilter: 0 without running pcre2 when sp, the
 * listed words of the sentence (att_pf_scan over the world's pf; NULL: no
 * prefilter), has none of re's words in s[start..len); else pcre2 starts
 * where a match can begin and, given a match context mc (the caller's,
 * NULL: none), stops trying at the last place one can (att_pf_from), not
 * at every byte of the subject. Same result as re_find, including the
 * ovector when it runs. */
static inline int re_find_in(const att_re *re, const att_pf_span *sp, const char *s, size_t len,
                             size_t start, pcre2_match_data *md, pcre2_match_context *mc,
                             size_t *b, size_t *e)
{
    size_t at = start, limit = SIZE_MAX;
    if (re->pf && !att_pf_from(sp, re->pf, re->gaps, start, len, &at, &limit))
        return 0;
    if (mc)
        pcre2_set_offset_limit(mc, limit == SIZE_MAX ? PCRE2_UNSET : limit);
    return re_find_mc(re, s, len, at, md, mc, b, e);
}

#endif
