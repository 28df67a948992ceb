/* extract.c - attache_extract(): run the extractors in order, and the
 * plain-C views of the facts. */
#include <string.h>

#include "extract.h"
#include "gazetteer.h"
#include "util.h"

attache_status attache_extract(const attache_world *w, attache_doc *d)
{
    if (d->extracted)
        return ATTACHE_SUCCESS;
    TRY(roles_extract(w, d));
    TRY(meetings_extract(w, d));
    TRY(scheduled_extract(w, d));
    d->extracted = 1;
    return ATTACHE_SUCCESS;
}

attache_counts attache_doc_counts(const attache_doc *d)
{
    attache_counts c = {d->n_roles, d->n_meetings, d->n_sched, d->n_people, d->n_sents};
    return c;
}

/* Views need the world for country codes; the code is kept on the role. */
static const char *const MODES[] = {"in-person", "phone", "video"};

int attache_doc_role(const attache_doc *d, size_t i, attache_role_view *out)
{
    if (i >= d->n_roles)
        return 0;
    const att_role *r = &d->roles[i];
    out->person = d->people[r->person].name;
    out->role = r->role_label;
    out->title = r->title;
    out->country = r->a2[0] ? r->a2 : NULL;
    out->sentence = r->sent;
    return 1;
}

int attache_doc_meeting(const attache_doc *d, size_t i, attache_meeting_view *out)
{
    if (i >= d->n_meetings)
        return 0;
    const att_meeting *m = &d->meetings[i];
    out->n_participants = m->n_people;
    out->place = m->place;
    out->date = NULL;
    if (m->date.y) {
        att_time_lexical(m->date, ATT_PREC_DAY, ((attache_doc *)d)->view_date);
        out->date = d->view_date;
    }
    out->mode = MODES[m->mode];
    out->super_event = m->super_event;
    out->sentence = m->sent;
    return 1;
}

const char *attache_doc_meeting_participant(const attache_doc *d, size_t i, size_t k)
{
    if (i >= d->n_meetings || k >= d->meetings[i].n_people)
        return NULL;
    return d->people[d->meetings[i].people[k]].name;
}

int attache_doc_scheduled(const attache_doc *d, size_t i, attache_scheduled_view *out)
{
    if (i >= d->n_sched)
        return 0;
    const att_sched *s = &d->sched[i];
    out->label = s->label;
    out->phrase = s->phrase;
    out->when = NULL;
    if (s->time.prec != ATT_PREC_NONE) {
        att_time_lexical(s->time.value, s->time.prec, ((attache_doc *)d)->view_date);
        out->when = d->view_date;
    }
    out->sentence = s->sent;
    return 1;
}
