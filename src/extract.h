/* extract.h - the extractors, one per fact kind, run in this order by
 * attache_extract(): roles (which also finds the people), meetings (which
 * uses the people), scheduled (which links to the meetings). */
#ifndef ATTACHE_EXTRACT_H
#define ATTACHE_EXTRACT_H

#include "doc.h"
#include "world.h"

/* person – role – country (roles.c). Also fills d->people and d->mentions. */
attache_status roles_extract(const attache_world *w, attache_doc *d);
/* meeting – participants – place – date (meetings.c). */
attache_status meetings_extract(const attache_world *w, attache_doc *d);
/* agreement – scheduled-for (scheduled.c). */
attache_status scheduled_extract(const attache_world *w, attache_doc *d);

/* Mentions of people in sentence s, in order: indices into d->mentions
 * written to out (at most max). Returns the count. */
size_t mentions_in(const attache_doc *d, size_t s, size_t *out, size_t max);

/* Place named at token i of sentence s ("in Dushanbe", "at the Great Hall
 * of the People in Beijing"): see meetings.c. */

#endif
