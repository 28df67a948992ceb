/* prefilter.h - the words a pattern cannot match without, looked up before
 * pcre2 runs.
 *
 * Every pattern of patterns.h that has a list here (ATT_PF_*) needs, in
 * every match, one of its listed words as a whole ASCII word: a maximal run
 * of [A-Za-z0-9_], the characters pcre2's \w and \b know without UCP. A
 * sentence is cut into such runs once; a search of s[start..len) then runs
 * pcre2 only when a listed word of the pattern lies in that span. The test
 * is a superset of pcre2's: it may let a hopeless search through, never
 * stop one that could match, so what the extractors find is unchanged.
 *
 * A list is words separated by '|':
 *   word      the run is the word (case-insensitive, ASCII);
 *   word*     the run starts with the word (the pattern lets letters follow);
 *   one two   the run `one`, then the very next run `two` ("is to").
 * A listed word must be preceded in the pattern by \b, \s or another
 * non-word character, and (unless starred) followed by one or by \b; the
 * unit tests hold each list to its pattern. */
#ifndef ATTACHE_PREFILTER_H
#define ATTACHE_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

/* The words of every prefiltered pattern, one bit per pattern. */
typedef struct att_pf att_pf;

/* A new, empty table (caller frees with att_pf_free); NULL on out of memory. */
att_pf *att_pf_new(void);
void att_pf_free(att_pf *pf);
/* Add the words of `list` (the syntax above) under bit `mask`. Returns 0
 * when the list is malformed or the table full. */
int att_pf_add(att_pf *pf, uint32_t mask, const char *list);

#define ATT_PF_MAX_HITS 64

/* The listed words found in one span of text (a sentence). Plain data:
 * nothing to free; text and table are borrowed and must outlive it. */
typedef struct {
    const att_pf *pf;
    const char *text;
    size_t b, e;
    int open; /* 1: no skipping in this span (ſ or K, which pcre2's caseless
               * matching takes for s and k, or too many hits to keep) */
    size_t n;
    struct {
        uint32_t b, e; /* the word (or both words of a pair) */
        uint32_t mask; /* patterns that list it */
    } hit[ATT_PF_MAX_HITS];
} att_pf_span;

/* Find the listed words of text[b..e) (text[e] is taken as the end). */
void att_pf_scan(const att_pf *pf, const char *text, size_t b, size_t e, att_pf_span *sp);

/* Can a pattern of bit `mask` match text[start..len) (len the subject
 * length given to pcre2, start its start offset)? 0 only when none of its
 * words is there; 1 also when sp (NULL allowed) does not cover the span. */
int att_pf_may(const att_pf_span *sp, uint32_t mask, size_t start, size_t len);

#endif
