/* iri.h - deterministic IRIs: the same person, country, place, post or
 * meeting from two documents gets the same IRI.
 *
 * Scheme (BASE = --base, default https://w3id.org/attache/id/):
 *   country/CC                 ISO 3166-1 alpha-2
 *   person/SLUG-HASH           normalised name (accents, case, initials and
 *                              word order folded)
 *   role/KEY, post/CC-KEY      canonical office; post/org-ORG-KEY, post/KEY
 *   membership/SLUG-HASH       person + post; tenure/ the same suffix
 *   place/SLUG-GEONAMEID | place/SLUG-HASH (name + country)
 *   event/meeting-DATE-HASH    date + sorted participants (undated: + document)
 *   event/SLUG-HASH            scheduled event: label + parties, never its date
 *   time/YYYY-MM-DD            an instant
 *   doc/NAME                   the document name, percent-encoded
 */
#ifndef ATTACHE_IRI_H
#define ATTACHE_IRI_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Normalised key of a person's name: folded words without initials, titles
 * and suffixes, sorted. Written to out (size n). */
void iri_person_key(const char *name, char *out, size_t n);

/* Each appends to b and returns 0 on out of memory. The *_keyed forms take
 * person keys already made by iri_person_key (a writer keeps them per
 * document rather than tokenizing a name at every reference). */
int iri_person(att_buf *b, const char *base, const char *name);
int iri_person_keyed(att_buf *b, const char *base, const char *key);
int iri_country(att_buf *b, const char *base, const char *a2);
int iri_role(att_buf *b, const char *base, const char *key);
/* post: country a2 or NULL, org key or NULL */
int iri_post(att_buf *b, const char *base, const char *a2, const char *org, const char *key);
/* membership or tenure ("membership" / "tenure") */
int iri_membership(att_buf *b, const char *base, const char *kind, const char *person,
                   const char *a2, const char *org, const char *key);
int iri_membership_keyed(att_buf *b, const char *base, const char *kind,
                         const char *person_key, const char *a2, const char *org,
                         const char *key);
int iri_place(att_buf *b, const char *base, const char *name, const char *a2,
              const char *geonameid);
/* meeting: date "YYYY-MM-DD" or NULL; person keys sorted inside; doc used when undated */
int iri_meeting(att_buf *b, const char *base, const char *date, const char *const *people,
                size_t n, const char *doc);
int iri_meeting_keyed(att_buf *b, const char *base, const char *date,
                      const char *const *person_keys, size_t n, const char *doc);
int iri_event(att_buf *b, const char *base, const char *label, const char *const *parties,
              size_t n);
int iri_time(att_buf *b, const char *base, const char *date);
int iri_doc(att_buf *b, const char *base, const char *id);

/* Percent-encode s into b: everything but unreserved ASCII [A-Za-z0-9-._~]. */
int iri_pct(att_buf *b, const char *s);

#endif
