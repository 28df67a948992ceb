/* doc.h - the internal document: cleaned text, sentences, tokens and the
 * facts the extractors find. One struct attache_doc per input document. */
#ifndef ATTACHE_DOC_H
#define ATTACHE_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "attache/attache.h"
#include "dates.h"
#include "prefilter.h"
#include "tokens.h"

struct attache_world;

typedef struct {
    size_t b, e;   /* byte span in doc->text */
    size_t cb, ce; /* code-point span */
    size_t tb, te; /* token span in doc->toks */
    int header;    /* a title/header line (no closing punctuation): not extracted from */
    size_t para;   /* paragraph number */
} att_sentence;

typedef struct {
    char *name;  /* fullest form of the name in the document (owned) */
    char *words; /* its folded name words, space-separated, for matching (owned) */
    int country; /* index of the state the document ties the person to, -1 */
    size_t nwords;
} att_person;

/* A person mention: tokens [b, e) of sentence s refer to person p. */
typedef struct {
    size_t b, e, s;
    int person;
    int possessive; /* followed by 's: "Xi's special representative" */
    int role;       /* a role fact this mention carries (index), -1 */
} att_mention;

typedef struct {
    int person;
    int office;      /* gazetteer office index, -1 for a title the grammar built */
    char *title;     /* the office as written, without country words (owned) */
    char *role_key;  /* canonical role slug (owned) */
    char *role_label; /* canonical role label (owned) */
    int country;     /* -1 none */
    int org;         /* international organisation, -1 */
    int marked;      /* country from the text's own marker (not inferred) */
    char a2[3];      /* the country's alpha-2 code, "" none */
    size_t sent;
} att_role;

typedef enum { ATT_MODE_IN_PERSON = 0, ATT_MODE_PHONE, ATT_MODE_VIDEO } att_mode;

typedef struct {
    int *people; /* owned; indices into doc->people */
    size_t n_people;
    char *place;      /* as written (owned) or NULL */
    int place_city;   /* gazetteer city, -1 */
    int place_venue;  /* gazetteer venue, -1 */
    int place_country; /* country containing the place, -1 */
    char *place_in;   /* the city a venue is in, as written (owned) or NULL */
    att_ymd date;     /* y == 0: unknown */
    char *super_event; /* "SCO summit" (owned) or NULL */
    att_mode mode;
    size_t sent;
} att_meeting;

typedef struct {
    char *label;  /* noun phrase naming the event (owned) */
    char *phrase; /* the time phrase as written (owned) */
    att_time time;
    int agreed_at; /* meeting index, -1 */
    int ordinal;   /* 10 for "10th meeting", 0 none */
    char *body;    /* "Joint Cooperation Committee" (owned) or NULL */
    int *parties;  /* country indices (owned) */
    size_t n_parties;
    size_t sent;
} att_sched;

/* Gazetteer phrases starting at one token (a per-document cache). */
#define ATT_GAZ_HITS 6
struct att_gaz_hits;

struct attache_doc {
    char *id;    /* document name (owned) */
    char *where; /* for diagnostics: the path (owned) */
    char *url, *source; /* owned or NULL */
    char *text;  /* cleaned UTF-8, NUL-terminated (owned) */
    size_t len;
    char *title; /* headline (owned) or NULL */
    char date[11];     /* the date line's date, "" none */
    att_ymd ref;       /* reference date: dateline, else date line, else default */
    int ref_from_dateline;
    char *dateline_place; /* owned or NULL */
    size_t body;          /* byte offset where the text after the dateline starts */
    uint64_t hash;
    size_t repaired;      /* bytes repaired while cleaning */

    att_sentence *sents;
    size_t n_sents, cap_sents;
    att_tokens toks; /* every token of every sentence */

    att_person *people;
    size_t n_people, cap_people;
    att_mention *mentions; /* in text order (sentence by sentence) */
    size_t n_mentions, cap_mentions;
    size_t *mention_at;    /* first mention of each sentence (n_sents + 1 entries, owned) */
    struct att_gaz_hits *gz_hits; /* per token, filled on first lookup (owned) */
    att_times_memo *times_memo;   /* raw date matches of the sentences (owned), NULL */
    att_pf_span *pf_spans; /* per sentence, the prefilter's words (doc_pf_span; owned), NULL */
    att_role *roles;
    size_t n_roles, cap_roles;
    att_meeting *meetings;
    size_t n_meetings, cap_meetings;
    att_sched *sched;
    size_t n_sched, cap_sched;
    int issuing_country; /* the side whose readout this is, -1 */
    char view_date[16];  /* buffer for the fact views (attache_doc_meeting/_scheduled) */
    int extracted;
};

/* The listed words of sentence s (att_pf_scan of its text over the world's
 * prefilter), scanned on the first call and kept for the document's
 * extractors (meetings and scheduled read every sentence). Borrowed from d;
 * NULL without memory (re_find_in then searches without the prefilter). */
const att_pf_span *doc_pf_span(const struct attache_world *w, attache_doc *d, size_t s);

/* Code-point offset of byte offset b (b must be a character boundary). */
size_t doc_char_offset(const attache_doc *d, size_t b);

#endif
