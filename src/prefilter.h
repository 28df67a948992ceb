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

/* att_pf_may, and where pcre2 may start looking: *at = start, or later when
 * no match can begin before. `gaps` is the most runs of white space (\s,
 * ASCII) a match of the pattern has before the first listed word it
 * contains (< 0: no bound known). A match beginning at s >= start contains
 * a listed word at or after s, so the first one at or after start lies in
 * it; *at is then that word's chunk (run of non-space bytes) less `gaps`
 * chunks before it. Always an ASCII boundary or start, so a UTF-8
 * character boundary when start is. pcre2 looks behind its start offset:
 * the match found from *at is the one found from start. *limit is the
 * start of the last listed word in the span, where a match must begin at
 * the latest (pcre2's offset limit), SIZE_MAX when not known. */
int att_pf_from(const att_pf_span *sp, uint32_t mask, int gaps, size_t start, size_t len,
                size_t *at, size_t *limit);

#endif
