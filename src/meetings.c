/* meetings.c - meeting – participants – place – date.
 *
 * A sentence reports a contact when a trigger (met, held talks, received,
 * spoke by phone, a meeting between ...) stands in it and at least two
 * named people take part. Participants are the people named in the clause
 * (subject and objects), "he"/"they"/"the two" and descriptions ("the
 * Secretary") resolved to people the document has named; companions of a
 * visit ("accompanied by") and possessives ("Xi's envoy") are not. The day
 * comes from the clause's own time expression resolved against the
 * reference date, else from the meeting the text continues ("later the
 * same day"); the place from "in CITY"/"at VENUE", else the place the text
 * is at (the meeting before, "is in Addis Ababa", the dateline). Calls have
 * no place. Later sentences add people ("Also present at the talks were").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "grammar.h"
#include "util.h"

#define MAX_CANDS 48
#define MAX_TRIGGERS 6

typedef enum { C_PERSON, C_PRON_SING, C_PRON_PLUR } cand_kind;

typedef struct {
    size_t b, e; /* tokens */
    int person;
    cand_kind kind;
    int excluded;
} cand;

typedef struct {
    size_t tb, te; /* trigger tokens */
    size_t bb, be; /* bytes */
    int bilateral;
    int noun_only; /* "a meeting between", "in a phone call": no verb */
    int between;   /* "a meeting between A and B": only A and B take part */
    int refers;    /* "In his meeting with A": a meeting reported before */
} trigger;

typedef struct {
    const attache_world *w;
    attache_doc *d;
    int last_subject;     /* person the previous sentence was about */
    int here_city;        /* where the text is: city index, -1 */
    char *here_name;      /* and its name as written (owned) */
    att_ymd last_day;     /* the last day the text named (before this sentence) */
    size_t last_day_sent; /* in which sentence */
    int here_country;
    pcre2_match_data *md;
    pcre2_match_context *mc; /* its offset limit is set by each re_find_in (owned) */
    const att_pf_span *pfs;  /* the listed words of the sentence being read (doc_pf_span) */
} mstate;

/* ------------------------------------------------------------ helpers */

static size_t tok_at_byte(const att_ctx *c, size_t byte)
{
    size_t i = c->tb;
    while (i < c->te && g_tok(c, i)->e <= byte)
        i++;
    return i;
}

/* Token t of d folds to w (its folded form was made when it was cut). */
static int fold_eq(const attache_doc *d, const att_token *t, const char *w)
{
    if (t->e - t->b >= 60)
        return 0;
    return strcmp(att_tok_fold(&d->toks, t), w) == 0;
}

/* Does the person hold an office whose title contains every word of the
 * description [b, e) (folded, ignoring the/and/of)? */
static int title_covers(const att_ctx *c, const att_role *r, size_t b, size_t e)
{
    att_tokens ts = {0};
    size_t n = strlen(r->title);
    if (!att_tokenize(r->title, 0, n, &ts)) {
        att_tokens_free(&ts);
        return 0;
    }
    int ok = 1;
    for (size_t i = b; i < e && ok; i++) {
        const att_token *t = g_tok(c, i);
        if (t->kind != TK_WORD)
            continue;
        char f[128];
        if (t->e - t->b >= 60)
            continue;
        att_fold(c->d->text + t->b, t->e - t->b, f);
        if (!strcmp(f, "the") || !strcmp(f, "and") || !strcmp(f, "of") || !strcmp(f, "acting"))
            continue;
        /* plural "ministers" covers "minister" */
        size_t fl = strlen(f);
        int found = 0;
        for (size_t k = 0; k < ts.n && !found; k++) {
            char g[128];
            if (ts.v[k].e - ts.v[k].b >= 60)
                continue;
            att_fold(r->title + ts.v[k].b, ts.v[k].e - ts.v[k].b, g);
            found = strcmp(f, g) == 0 ||
                    (fl > 1 && f[fl - 1] == 's' && strncmp(f, g, fl - 1) == 0 && !g[fl - 1]);
        }
        ok = found;
    }
    att_tokens_free(&ts);
    return ok;
}

/* Most recent mention of person p before sentence s (for ties). */
static size_t last_seen(const attache_doc *d, int p, size_t s)
{
    /* walk back from sentence s through the index; stop at the first hit */
    for (size_t i = d->mention_at[s + 1 <= d->n_sents ? s + 1 : d->n_sents]; i-- > 0;)
        if (d->mentions[i].person == p)
            return d->mentions[i].s + 1;
    return 0;
}

static int in_meetings(const attache_doc *d, int p)
{
    for (size_t i = 0; i < d->n_meetings; i++)
        for (size_t k = 0; k < d->meetings[i].n_people; k++)
            if (d->meetings[i].people[k] == p)
                return 1;
    return 0;
}

/* A description ("the Secretary", "HE the Prime Minister and Minister of
 * Foreign Affairs", "the Syrian minister", "EAM") resolved to a person. */
static int resolve_description(const att_ctx *c, size_t b, size_t e, int country,
                               const char *key)
{
    const attache_doc *d = c->d;
    int best = -1, best_score = -1;
    size_t best_seen = 0;
    for (size_t i = 0; i < d->n_roles; i++) {
        const att_role *r = &d->roles[i];
        if (country >= 0 && r->country != country && d->people[r->person].country != country)
            continue;
        int by_key = key && strcmp(r->role_key, key) == 0;
        if (!by_key && !title_covers(c, r, b, e))
            continue;
        /* "the Secretary" is the Secretary of State before the Foreign Secretary */
        int score = by_key ? 4 : 0;
        char f1[64] = "", f2[64] = "";
        size_t k = b;
        while (k < e && (g_is(c, k, "the") || g_tok(c, k)->kind != TK_WORD))
            k++;
        if (k < e && g_tok(c, k)->e - g_tok(c, k)->b < 30)
            att_fold(d->text + g_tok(c, k)->b, g_tok(c, k)->e - g_tok(c, k)->b, f1);
        size_t tl = strcspn(r->title, " ");
        if (tl < 30) {
            att_fold(r->title, tl, f2);
            if (f1[0] && strcmp(f1, f2) == 0)
                score += 2;
        }
        if (r->country >= 0 && r->country == d->issuing_country)
            score += 1;
        score += in_meetings(d, r->person);
        size_t seen = last_seen(d, r->person, c->s);
        if (best < 0 || score > best_score || (score == best_score && seen > best_seen)) {
            best = r->person;
            best_seen = seen;
            best_score = score;
        }
    }
    return best;
}

/* "the Chinese official", "the guest": a person of that country who took
 * part in an earlier meeting; the guest is the earlier meetings' visitor. */
static int resolve_generic(const att_ctx *c, int country, int guest)
{
    const attache_doc *d = c->d;
    for (size_t i = 0; i < d->n_meetings; i++) {
        const att_meeting *m = &d->meetings[i];
        for (size_t k = 0; k < m->n_people; k++) {
            int p = m->people[k];
            int pc = d->people[p].country;
            if (guest) {
                if (pc >= 0 && pc != d->issuing_country)
                    return p;
            } else if (pc == country) {
                return p;
            }
        }
    }
    if (guest && d->n_meetings > 0 && d->meetings[0].n_people > 1)
        return d->meetings[0].people[1];
    return -1;
}

static int cand_overlaps(const cand *cs, size_t n, size_t b, size_t e)
{
    for (size_t i = 0; i < n; i++)
        if (b < cs[i].e && cs[i].b < e)
            return 1;
    return 0;
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    return x->b < y->b ? -1 : x->b > y->b;
}

/* People-like runs in sentence s that the roles pass did not register. */
static size_t gather(mstate *st, const att_ctx *c, cand *cs, size_t max)
{
    attache_doc *d = c->d;
    size_t n = 0;
    for (size_t i = d->mention_at[c->s]; i < d->mention_at[c->s + 1] && n < max; i++) {
        const att_mention *m = &d->mentions[i];
        cs[n++] = (cand){m->b, m->e, m->person, C_PERSON, m->possessive};
    }
    for (size_t i = c->tb; i < c->te && n < max; i++) {
        if (cand_overlaps(cs, n, i, i + 1))
            continue;
        const att_token *t = g_tok(c, i);
        /* pronouns and "the two" */
        int next_upper = i + 1 < c->te && g_tok(c, i + 1)->kind == TK_WORD && g_tok(c, i + 1)->upper;
        if (t->kind == TK_WORD && (fold_eq(d, t, "she") ||
                                   (fold_eq(d, t, "he") && !next_upper))) {
            cs[n++] = (cand){i, i + 1, -1, C_PRON_SING, 0};
            continue;
        }
        if (t->kind == TK_WORD && fold_eq(d, t, "they")) {
            cs[n++] = (cand){i, i + 1, -1, C_PRON_PLUR, 0};
            continue;
        }
        if (g_is(c, i, "the") && g_in(c, i + 1, "two|both") &&
            (i + 2 >= c->te || g_in(c, i + 2, "leaders|ministers|sides|officials|presidents|"
                                              "heads|had|have|met|held|also|foreign|counterparts|"
                                              "chancellors|secretaries|men|women|delegations"))) {
            size_t e = i + 2;
            if (g_in(c, e, "leaders|ministers|sides|officials|presidents|counterparts|"
                           "chancellors|secretaries|delegations"))
                e++;
            cs[n++] = (cand){i, e, -1, C_PRON_PLUR, 0};
            i = e - 1;
            continue;
        }
        /* descriptions: [the|HE the|his] [DEMONYM] OFFICE... with no name */
        size_t j = i;
        const att_phrase *p;
        size_t hn = g_gaz(c, j, GZ_LEX, &p);
        if (hn && (p->lex & LX_HONORIFIC))
            j += hn;
        int det = 0;
        if (g_in(c, j, "the|his|her")) {
            det = 1;
            j++;
        }
        int country = -1;
        size_t cm = g_country_marker(c, j, &country);
        j += cm;
        if (det || (t->allcaps && t->kind == TK_WORD)) {
            att_office_m m;
            if (g_office(c, j, &m)) {
                size_t e = m.end;
                /* "the Prime Minister and Minister of Foreign Affairs" */
                while (g_is(c, e, "and")) {
                    att_office_m m2;
                    if (!g_office(c, e + 1, &m2))
                        break;
                    e = m2.end;
                }
                size_t nb, ne;
                /* "the Prime Minister of Tonga ..., Hon. X": the name that
                 * follows says who it is */
                int named_after = 0;
                for (size_t q = e; q < c->te && q < e + 12; q++) {
                    if (g_punct(c, q, ',') && q + 1 < c->te && g_name(c, q + 1, &nb, &ne) != q + 1) {
                        named_after = 1;
                        break;
                    }
                    if (g_punct(c, q, '.') || g_punct(c, q, ';') ||
                        (g_tok(c, q)->kind == TK_WORD && !g_tok(c, q)->upper &&
                         !g_in(c, q, "and|of|the|for|outgoing|incoming|new|former")))
                        break;
                }
                if (named_after) {
                    i = e - 1;
                    continue;
                }
                if (g_name(c, e, &nb, &ne) == e) {
                    int who = resolve_description(c, j, e, country >= 0 ? country : m.country,
                                                  m.key);
                    if (who >= 0) {
                        int poss = e < c->te && g_tok(c, e)->kind == TK_POSS;
                        cs[n++] = (cand){i, e, who, C_PERSON, poss};
                    }
                    i = e - 1;
                    continue;
                }
            } else if (det && (g_in(c, j, "guest|visitor") ||
                               (country >= 0 && g_in(c, j, "official|leader|minister|president|"
                                                           "diplomat|envoy")))) {
                int who = resolve_generic(c, country, g_in(c, j, "guest|visitor"));
                if (who >= 0)
                    cs[n++] = (cand){i, j + 1, who, C_PERSON, 0};
                i = j;
                continue;
            }
        }
        /* places, venues, organisations are skipped whole ("Qasr Al Watan") */
        size_t gn = g_entity(c, i);
        if (gn) {
            i += gn - 1;
            continue;
        }
        /* a name the roles pass did not tie to anyone */
        if (t->kind == TK_WORD && t->upper) {
            size_t nb, ne;
            size_t after = g_name(c, i, &nb, &ne);
            if (after != i && !cand_overlaps(cs, n, nb, ne)) {
                int person = people_find(d, d->text, d->toks.v, nb, ne);
                int words = 0, thing = 0, place = 0;
                for (size_t k = nb; k < ne; k++) {
                    if (g_tok(c, k)->kind == TK_WORD && g_tok(c, k)->e - g_tok(c, k)->b > 1)
                        words++;
                    thing |= g_thing_word(c, k);
                    const att_phrase *q;
                    if (g_gaz(c, k, GZ_CITY | GZ_COUNTRY | GZ_DEMONYM | GZ_ORG | GZ_VENUE |
                                        GZ_OFFICE | GZ_TITLEWORD,
                              &q))
                        place = 1;
                }
                if (person < 0 && words >= 2 && !thing && !place && g_plain_name(c, nb, ne)) {
                    person = people_add(d, d->text, d->toks.v, nb, ne);
                }
                if (person >= 0) {
                    int poss = ne < c->te && g_tok(c, ne)->kind == TK_POSS;
                    cs[n++] = (cand){nb, ne, person, C_PERSON, poss};
                }
                i = after - 1;
            }
        }
    }
    (void)st;
    qsort(cs, n, sizeof *cs, cmp_cand);
    /* companions, hosts by proxy and the like are not participants */
    for (size_t k = 0; k < n; k++) {
        for (size_t q = cs[k].b; q-- > c->tb && q + 25 > cs[k].b;) {
            if (g_in(c, q, "accompanied|accompanying|behalf|invitation|guidance|directives|"
                           "instructions|congratulated|thanked|conveyed|including|predecessor|"
                           "successor")) {
                /* "accompanied by A, B and C": every name up to the clause end */
                cs[k].excluded = 1;
                break;
            }
            if (g_punct(c, q, ';') || g_punct(c, q, '(') ||
                (g_tok(c, q)->kind == TK_WORD && !g_tok(c, q)->upper &&
                 !g_in(c, q, "and|by|of|the|his|her|to|with|from|bin|al|de|von|der|da|on|"
                             "for|at|in|counterpart|counterparts|member|permanent|minister|"
                             "secretary|foreign|deputy|vice|prime|affairs|director|president|"
                             "chairman|spokesperson|adviser|advisor|head|ambassador|envoy|"
                             "special|representative|chief|wife|husband|lady|first")))
                break;
        }
    }
    return n;
}

/* ------------------------------------------------------------- places */

typedef struct {
    int city, venue, country;
    size_t b, e;    /* tokens of the name */
    size_t vb, ve;  /* venue tokens, when a venue is named */
} place_hit;

/* A place introduced at token i by in/at/to/of, or -1. */
static size_t place_at(const att_ctx *c, size_t i, int allow_country, place_hit *ph)
{
    memset(ph, 0, sizeof *ph);
    ph->city = ph->venue = ph->country = -1;
    if (!g_in(c, i, "in|at|to|of|inside|visiting|on"))
        return 0;
    int of = g_is(c, i, "of");
    int on = g_is(c, i, "on");
    if (of) {
        /* only "the island of Bali", "the province of Antalya", "Wuxi of Jiangsu" no */
        if (i == c->tb || !g_in(c, i - 1, "island|province|city|town|resort|capital|region|"
                                          "state|port|village|municipality|district|emirate"))
            return 0;
    }
    size_t j = i + 1;
    if (g_is(c, j, "the"))
        j++;
    const att_phrase *p;
    size_t n = g_gaz(c, j, GZ_VENUE, &p);
    if (n && j > c->tb && g_tok(c, j - 1)->upper && g_tok(c, j - 1)->kind == TK_WORD &&
        !g_in(c, j - 1, "at|in|the"))
        n = 0; /* part of a longer name: "Vice Presidential Palace" */
    if (n && !on) {
        ph->venue = p->venue;
        ph->vb = j;
        ph->ve = j + n;
        const att_venue *v = gaz_venue(c->w->gaz, p->venue);
        ph->country = v ? v->country : -1;
        /* "at the Great Hall of the People in Beijing" */
        place_hit inner;
        size_t k = j + n;
        if (place_at(c, k, 0, &inner) && inner.city >= 0) {
            ph->city = inner.city;
            ph->b = inner.b;
            ph->e = inner.e;
            ph->country = inner.country;
        }
        return 1;
    }
    if (on)
        return 0;
    n = g_gaz(c, j, GZ_CITY, &p);
    if (n && ((j + n < c->te && g_tok(c, j + n)->upper && g_tok(c, j + n)->kind == TK_WORD) ||
              g_thing_word(c, j)))
        n = 0; /* "the Shanghai Cooperation Organization", "the Summit" */
    if (n) {
        /* a city name that is also a person/org word is fine: the preposition says place */
        int ci = p->city;
        const att_city *city = gaz_city(c->w->gaz, ci);
        ph->city = ci;
        ph->country = city ? city->country : -1;
        ph->b = j;
        ph->e = j + n;
        return 1;
    }
    if (allow_country && !of) {
        int cc;
        n = g_gaz(c, j, GZ_COUNTRY, &p);
        if (n && p->country >= 0 && !(j + n < c->te && g_tok(c, j + n)->kind == TK_POSS)) {
            cc = p->country;
            ph->country = cc;
            ph->b = j;
            ph->e = j + n;
            return 1;
        }
    }
    return 0;
}

/* Is token i inside a relative or visiting clause ("who is visiting X",
 * "that began in Odesa", "arrived in", "visit to")? */
static int in_aside(const att_ctx *c, size_t lo, size_t i)
{
    for (size_t q = i; q-- > lo;) {
        if (g_punct(c, q, ',') || g_punct(c, q, ';'))
            return 0;
        if (g_in(c, q, "who|which|that|whose|arrived|before|after|from|since|flying|returning|"
                       "travelled|traveled|trip|visit|tour"))
            return 1;
    }
    return 0;
}

/* --------------------------------------------------------------- main */

static int add_person(att_meeting *m, int p)
{
    for (size_t i = 0; i < m->n_people; i++)
        if (m->people[i] == p)
            return 1;
    int *np = realloc(m->people, (m->n_people + 1) * sizeof *np);
    if (!np)
        return 0;
    m->people = np;
    m->people[m->n_people++] = p;
    return 1;
}

static int subset_of(const att_meeting *a, const att_meeting *b)
{
    for (size_t i = 0; i < a->n_people; i++) {
        size_t k = 0;
        while (k < b->n_people && b->people[k] != a->people[i])
            k++;
        if (k == b->n_people)
            return 0;
    }
    return 1;
}

static void free_meeting(att_meeting *m)
{
    free(m->people);
    free(m->place);
    free(m->place_in);
    free(m->super_event);
    memset(m, 0, sizeof *m);
}

/* Keep m as a new meeting or merge it into one it repeats. Takes m. */
static int keep_meeting(attache_doc *d, att_meeting *m, int defaulted_date, int sequenced,
                        int refers)
{
    for (size_t i = 0; i < d->n_meetings; i++) {
        att_meeting *e = &d->meetings[i];
        int same_day = (e->date.y && m->date.y && att_ymd_cmp(e->date, m->date) == 0) ||
                       (defaulted_date && (!m->date.y || att_ymd_cmp(e->date, m->date) == 0)) ||
                       refers;
        if (sequenced && !refers && e->sent != m->sent)
            continue; /* "Prior to the session, A and B held talks": another event */
        if (!same_day || e->mode != m->mode)
            continue;
        if (subset_of(m, e) || subset_of(e, m)) {
            for (size_t k = 0; k < m->n_people; k++)
                if (!add_person(e, m->people[k]))
                    return 0;
            if (!e->place && m->place) {
                e->place = m->place;
                e->place_city = m->place_city;
                e->place_venue = m->place_venue;
                e->place_country = m->place_country;
                e->place_in = m->place_in;
                m->place = m->place_in = NULL;
            }
            if (!e->super_event) {
                e->super_event = m->super_event;
                m->super_event = NULL;
            }
            free_meeting(m);
            return 1;
        }
    }
    if (!ATT_PUSH(d->meetings, d->n_meetings, d->cap_meetings))
        return 0;
    d->meetings[d->n_meetings++] = *m;
    memset(m, 0, sizeof *m);
    return 1;
}

static char *tokens_text(const att_ctx *c, size_t b, size_t e)
{
    if (b >= e)
        return NULL;
    return att_strndup(c->d->text + g_tok(c, b)->b, g_tok(c, e - 1)->e - g_tok(c, b)->b);
}

/* "on the sidelines/margins of the X", "at the X summit": the super-event. */
static char *super_event(const att_ctx *c, size_t from)
{
    for (size_t i = from; i + 3 < c->te; i++) {
        size_t j = 0;
        if (g_is(c, i, "on") && g_is(c, i + 1, "the") && g_in(c, i + 2, "sidelines|margins|margin|"
                                                                        "sideline") &&
            g_is(c, i + 3, "of")) {
            j = i + 4;
        } else if (g_in(c, i, "at|during") && g_is(c, i + 1, "the")) {
            size_t k = i + 2;
            /* the head noun ends a run of capitalised words: "the G20 Summit",
             * not "the Ministry of Foreign Affairs for a strategic dialogue" */
            while (k < c->te && k < i + 10 && !g_punct(c, k, ',') &&
                   !g_in(c, k, "summit|conference|forum|session|meeting|meetings|dialogue|"
                               "assembly|games|expo|ceremony") &&
                   (g_tok(c, k)->upper || g_tok(c, k)->kind == TK_NUM ||
                    g_in(c, k, "of|the|and") || g_tok(c, k)->kind == TK_POSS))
                k++;
            if (k < c->te && k < i + 10 &&
                g_in(c, k, "summit|conference|forum|session|meeting|meetings|dialogue|"
                           "assembly|games|expo") &&
                (g_tok(c, i + 2)->upper || g_tok(c, i + 2)->kind == TK_NUM)) {
                j = i + 2;
            }
        }
        if (!j)
            continue;
        if (g_is(c, j, "the"))
            j++;
        size_t e = j;
        while (e < c->te && !g_punct(c, e, ',') && !g_punct(c, e, '.') && !g_punct(c, e, ';') &&
               !g_in(c, e, "in|on|to|with|where|which|who|and|held|that|at|as") &&
               !(g_tok(c, e)->kind == TK_WORD && !g_tok(c, e)->upper && !g_is(c, e, "of") &&
                 !g_is(c, e, "the") && !g_in(c, e, "summit|conference|forum|session|meeting|"
                                                   "meetings|week|high-level|dialogue|"
                                                   "assembly")))
            e++;
        /* "of the X" continues: Ninth Summit of the Americas */
        if (e > j && e - j < 16)
            return tokens_text(c, j, e);
    }
    return NULL;
}

static int future_before(mstate *st, const att_ctx *c, size_t byte)
{
    size_t sb = c->d->sents[c->s].b;
    size_t lo = byte > sb + 48 ? byte - 48 : sb;
    size_t b, e;
    const char *t = c->d->text;
    if (re_find_in(&st->w->pat.future, st->pfs, t, byte, lo, st->md, st->mc, &b, &e))
        return 1;
    /* refused or hypothetical: "did not rule out a meeting between" */
    lo = byte > sb + 40 ? byte - 40 : sb;
    if (re_find_in(&st->w->pat.not_happened, st->pfs, t, byte, lo, st->md, st->mc, &b, &e))
        return 1;
    return 0;
}

/* Keep the last day sentence s names (past reading), for "the same day".
 * t[0..n): the sentence's time expressions, found once by meeting_sentence. */
static void remember_day(mstate *st, size_t s, const att_time *t, size_t n)
{
    for (size_t i = 0; i < n && i < 8; i++)
        if (t[i].kind == ATT_TIME_ABSOLUTE && t[i].prec == ATT_PREC_DAY) {
            st->last_day = t[i].value;
            st->last_day_sent = s;
        }
}

static int meeting_sentence(mstate *st, size_t s)
{
    attache_doc *d = st->d;
    att_ctx c;
    g_ctx(&c, st->w, d, s);
    const att_sentence *se = &d->sents[s];
    const char *text = d->text;
    cand cs[MAX_CANDS];
    size_t nc = gather(st, &c, cs, MAX_CANDS);
    st->pfs = doc_pf_span(st->w, d, s);

    /* where the text is: "is in Addis Ababa", "arrived in Moscow" */
    for (size_t i = c.tb; i + 2 < c.te; i++) {
        if (g_in(&c, i, "is|are|arrived|visiting|landed") || (i == c.tb && g_is(&c, i, "in"))) {
            size_t k = g_is(&c, i, "in") ? i : i + 1;
            place_hit ph;
            if (g_is(&c, k, "in") && place_at(&c, k, 0, &ph) && ph.city >= 0) {
                free(st->here_name);
                st->here_name = tokens_text(&c, ph.b, ph.e);
                st->here_city = ph.city;
                st->here_country = ph.country;
            }
        }
    }

    /* people joining the meeting just reported */
    size_t jb, je;
    if (re_find_in(&st->w->pat.meet_join, st->pfs, text, se->e, se->b, st->md, st->mc, &jb, &je) &&
        d->n_meetings > 0 &&
        !re_find_in(&st->w->pat.meet_trigger, st->pfs, text, jb, se->b, st->md, st->mc, &jb, &je)) {
        att_meeting *m = &d->meetings[d->n_meetings - 1];
        if (s - m->sent <= 3) {
            for (size_t k = 0; k < nc; k++)
                if (cs[k].kind == C_PERSON && !cs[k].excluded && !add_person(m, cs[k].person))
                    return 0;
        }
        return 1;
    }

    /* triggers */
    trigger tr[MAX_TRIGGERS];
    size_t nt = 0;
    size_t pos = se->b;
    while (nt < MAX_TRIGGERS && pos < se->e) {
        size_t b, e;
        if (!re_find_in(&st->w->pat.meet_trigger, st->pfs, text, se->e, pos, st->md, st->mc, &b,
                        &e))
            break;
        pos = e;
        if (future_before(st, &c, b))
            continue;
        /* "a meeting between the two Heads of State will take place" */
        if (re_find_in(&st->w->pat.future, st->pfs, text, e + 90 < se->e ? e + 90 : se->e, e,
                       st->md, st->mc, &jb, &je) &&
            (strncmp(text + b, "a ", 2) == 0 || strncmp(text + b, "the ", 4) == 0 ||
             strncmp(text + b, "their ", 6) == 0 || strncmp(text + b, "an ", 3) == 0)) {
            size_t q = e;
            int clause = 1;
            for (; q < jb; q++)
                if (text[q] == ',' || text[q] == ';')
                    clause = 0;
            if (clause)
                continue;
        }
        /* "held talks with X via videoconference": a manner, not a contact */
        if (nt > 0 && (strncmp(text + b, "in ", 3) == 0 || strncmp(text + b, "by ", 3) == 0 ||
                       strncmp(text + b, "via ", 4) == 0 || strncmp(text + b, "at ", 3) == 0))
            continue;
        trigger *t = &tr[nt];
        t->bb = b;
        t->be = e;
        t->tb = tok_at_byte(&c, b);
        t->te = tok_at_byte(&c, e);
        t->bilateral = 0;
        for (size_t q = t->tb; q < t->te + 2 && q < c.te; q++)
            if (g_is(&c, q, "bilateral"))
                t->bilateral = 1;
        if (t->tb > c.tb && g_is(&c, t->tb - 1, "bilateral"))
            t->bilateral = 1;
        /* received/welcomed/hosted need a person right after them */
        const char *w0 = text + b;
        int called_on = strncmp(w0, "called on", 9) == 0 || strncmp(w0, "calls on", 8) == 0;
        int bare = ((strncmp(w0, "received", 8) == 0 || strncmp(w0, "receives", 8) == 0 ||
                     strncmp(w0, "hosted", 6) == 0 || strncmp(w0, "hosts", 5) == 0 ||
                     strncmp(w0, "welcomed", 8) == 0 || strncmp(w0, "welcomes", 8) == 0 ||
                     strncmp(w0, "greeted", 7) == 0) &&
                    e - b <= 9) ||
                   called_on;
        if (bare) {
            int ok = 0;
            for (size_t k = 0; k < nc && !ok; k++)
                if (cs[k].b >= t->te && cs[k].b <= t->te + 12 && cs[k].kind == C_PERSON &&
                    !cs[k].excluded)
                    ok = !(called_on && g_is(&c, cs[k].e, "to")); /* "called on X to end it" */
            /* "received a courtesy call from" is caught by the longer form */
            if (!ok)
                continue;
        }
        t->noun_only = 0;
        t->between = e - b > 8 && strncmp(text + e - 7, "between", 7) == 0;
        t->refers = (strncmp(w0, "his ", 4) == 0 || strncmp(w0, "her ", 4) == 0 ||
                     strncmp(w0, "their ", 6) == 0) ||
                    (t->tb > c.tb && g_in(&c, t->tb - 1, "his|her|their"));
        nt++;
    }
    /* time expressions of the sentence, read as the past (found once: the
     * meetings below and remember_day both use them) */
    att_time times[8];
    size_t ntimes = att_times_find_memo(st->w->dates, &d->times_memo, text + se->b,
                                        se->e - se->b, d->ref, ATT_DIR_PAST, times, 8);
    if (ntimes > 8)
        ntimes = 8;
    if (nt == 0) {
        remember_day(st, s, times, ntimes);
        for (size_t k = 0; k < nc; k++)
            if (cs[k].kind == C_PERSON && !cs[k].excluded) {
                st->last_subject = cs[k].person;
                break;
            }
        return 1;
    }

    int prev_subject = st->last_subject;
    size_t first_trigger = tr[0].tb;
    /* where each trigger's own clause starts: "..., since they spoke by phone" */
    size_t cstart[MAX_TRIGGERS];
    cstart[0] = c.tb;
    for (size_t k = 1; k < nt; k++) {
        cstart[k] = tr[k].tb;
        for (size_t q = tr[k].tb; q-- > tr[k - 1].te;) {
            if (g_punct(&c, q, ',') || g_punct(&c, q, ';') ||
                g_in(&c, q, "and|since|when|after|before|while|who|which|but|as|during")) {
                cstart[k] = q + 1;
                break;
            }
        }
    }
    for (size_t k = 0; k < nt; k++) {
        size_t seg_b = tr[k].tb, seg_e = k + 1 < nt ? cstart[k + 1] : c.te;
        att_meeting m;
        memset(&m, 0, sizeof m);
        m.place_city = m.place_venue = m.place_country = -1;
        m.sent = s;
        size_t n_subj = 0, n_obj = 0;
        int plural_pron = 0, sing_pron = 0;
        int objs[MAX_CANDS];
        /* "X, who met Y": the clause's subject is the name before "who" */
        size_t who_at = 0;
        for (size_t q = first_trigger; q-- > c.tb && q + 12 > first_trigger;) {
            if (g_punct(&c, q, ',') || g_punct(&c, q, ';'))
                break;
            if (g_is(&c, q, "who")) {
                who_at = q;
                break;
            }
        }
        size_t subj_from = c.tb;
        if (who_at) {
            for (size_t q = 0; q < nc; q++)
                if (cs[q].e <= who_at && cs[q].kind == C_PERSON && !cs[q].excluded)
                    subj_from = cs[q].b;
        }
        /* a later trigger with a subject of its own ("since they spoke") */
        size_t own_b = first_trigger, own_e = first_trigger;
        if (k > 0) {
            for (size_t q = 0; q < nc; q++)
                if (cs[q].b >= cstart[k] && cs[q].b < tr[k].tb && !cs[q].excluded) {
                    own_b = cstart[k];
                    own_e = tr[k].tb;
                }
        }
        for (size_t q = 0; q < nc; q++) {
            const cand *x = &cs[q];
            int subj = !tr[k].between &&
                       (own_e > own_b ? (x->b >= own_b && x->b < own_e)
                                      : (x->b >= subj_from && x->b < first_trigger));
            int obj = x->b >= seg_b && x->b < seg_e;
            if (!subj && !obj)
                continue;
            if (x->excluded)
                continue;
            if (x->kind == C_PRON_PLUR) {
                plural_pron = 1;
                continue;
            }
            if (x->kind == C_PRON_SING && subj) {
                sing_pron = 1;
                continue;
            }
            if (x->kind != C_PERSON)
                continue;
            if (subj)
                n_subj++;
            else
                objs[n_obj++] = x->person;
            if (!add_person(&m, x->person)) {
                free_meeting(&m);
                return 0;
            }
        }
        if (n_subj == 0 && sing_pron && prev_subject >= 0) {
            if (!add_person(&m, prev_subject)) {
                free_meeting(&m);
                return 0;
            }
            n_subj = 1;
        }
        if (n_subj + n_obj <= 1 && plural_pron && d->n_meetings > 0) {
            const att_meeting *pm = &d->meetings[d->n_meetings - 1];
            for (size_t q = 0; q < pm->n_people; q++)
                if (!add_person(&m, pm->people[q])) {
                    free_meeting(&m);
                    return 0;
                }
        }
        if (m.n_people < 2) {
            free_meeting(&m);
            continue;
        }
        /* mode */
        size_t pb, pe;
        size_t mlo = tr[k].bb, mhi = se->e;
        if (k + 1 < nt)
            mhi = g_tok(&c, cstart[k + 1] > c.tb ? cstart[k + 1] - 1 : c.tb)->e;
        int phone =
            re_find_in(&st->w->pat.phone, st->pfs, text, mhi, mlo, st->md, st->mc, &pb, &pe) &&
            !(pb >= 10 && strncmp(text + pb - 9, "courtesy ", 9) == 0);
        int video =
            re_find_in(&st->w->pat.video, st->pfs, text, mhi, mlo, st->md, st->mc, &pb, &pe);
        /* "spoke with", "talked to": a call unless they met somewhere */
        if (!phone && !video &&
            (strncmp(text + tr[k].bb, "spoke", 5) == 0 || strncmp(text + tr[k].bb, "speaks", 6) == 0 ||
             strncmp(text + tr[k].bb, "talked", 6) == 0))
            phone = 1;
        m.mode = video ? ATT_MODE_VIDEO : phone ? ATT_MODE_PHONE : ATT_MODE_IN_PERSON;
        /* date: a time in this trigger's clause or before the first trigger */
        int explicit_unsettled = 0, defaulted = 0, have = 0;
        size_t fut_b = se->e, fb, fe;
        if (re_find_in(&st->w->pat.future, st->pfs, text, se->e, tr[k].be, st->md, st->mc, &fb,
                       &fe))
            fut_b = fb;
        for (size_t q = 0; q < ntimes && !have; q++) {
            size_t tb = tok_at_byte(&c, se->b + times[q].begin);
            int mine = ((tb >= seg_b && tb < seg_e) || tb < first_trigger) &&
                       se->b + times[q].begin < fut_b;
            if (!mine)
                continue;
            if (times[q].kind == ATT_TIME_ABSOLUTE && times[q].prec == ATT_PREC_DAY) {
                m.date = times[q].value;
                have = 1;
            } else if (times[q].kind == ATT_TIME_SAME_DAY) {
                /* the day the text last named, else the last meeting's */
                int recent = st->last_day.y && st->last_day_sent + 1 == s;
                m.date = recent ? st->last_day : d->ref;
                for (size_t z = d->n_meetings; z-- > 0 && !recent;)
                    if (d->meetings[z].date.y) {
                        m.date = d->meetings[z].date;
                        break;
                    }
                have = 1;
            } else {
                explicit_unsettled = 1;
            }
        }
        if (!have && !explicit_unsettled) {
            /* a subordinate clause ("a month after Xi held talks") says nothing of the day */
            int subordinate = 0;
            for (size_t q = c.tb; q < first_trigger; q++) {
                if (g_in(&c, q, "after|before|since|when|while|until|ago")) {
                    int comma = 0;
                    size_t z = q + 1;
                    for (; z < first_trigger; z++) {
                        if (g_punct(&c, z, ','))
                            comma = 1;
                        int is_subject = 0;
                        for (size_t y = 0; y < nc; y++)
                            if (cs[y].b == z && !cs[y].excluded)
                                is_subject = 1;
                        if (is_subject)
                            break;
                    }
                    if (!comma && z < first_trigger)
                        subordinate = 1;
                }
            }
            int perfect = 0;
            for (size_t q = tr[k].tb; q > c.tb && q + 3 > tr[k].tb; q--)
                if (g_is(&c, q - 1, "had"))
                    perfect = 1;
            if (!subordinate && !perfect) {
                /* the readout's own meeting, else the day it speaks of */
                if (d->n_meetings > 0 && d->meetings[0].date.y)
                    m.date = d->meetings[0].date;
                else
                    m.date = d->ref;
                defaulted = 1;
            }
        }
        /* place: calls have none */
        if (m.mode == ATT_MODE_IN_PERSON) {
            place_hit best;
            int found = 0;
            /* "welcomed X to Oslo": "to" names the place after a welcome only */
            const char *tw = text + tr[k].bb;
            int welcome = strncmp(tw, "welcom", 6) == 0 || strncmp(tw, "receiv", 6) == 0 ||
                          strncmp(tw, "host", 4) == 0;
            /* the place belongs to the trigger's clause: "received X, and the two
             * ministers discussed the developments in Gaza" does not say where */
            size_t place_e = seg_e;
            for (size_t q = tr[k].te; q < seg_e; q++)
                if (g_in(&c, q, "discussed|discuss|reviewed|review|exchanged|agreed|said|"
                                "stressed|noted|underlined|conveyed|briefed|expressed|focusing|"
                                "focused|regarding|concerning|about|amid") ||
                    (g_punct(&c, q, ',') && g_is(&c, q + 1, "and"))) {
                    place_e = q;
                    break;
                }
            for (size_t q = tr[k].tb; q < place_e && !found; q++)
                if ((welcome || !g_is(&c, q, "to")) && place_at(&c, q, 1, &best) &&
                    !in_aside(&c, tr[k].tb, q))
                    found = 1;
            for (size_t q = c.tb; q < first_trigger && !found; q++)
                if (place_at(&c, q, 1, &best))
                    found = 1;
            if (!found && (strstr(text + se->b, "this city") || strstr(text + se->b, "this border city")) &&
                d->dateline_place) {
                m.place = att_strdup(d->dateline_place);
            }
            /* "in Apulia": a place the gazetteer does not know is still the
             * text's place, better than the last meeting's */
            if (!found && !m.place) {
                for (size_t q = tr[k].tb; q + 1 < place_e && !m.place; q++) {
                    if (!g_is(&c, q, "in") || in_aside(&c, tr[k].tb, q))
                        continue;
                    size_t z = q + 1;
                    const att_phrase *lp;
                    while (z < seg_e && g_tok(&c, z)->kind == TK_WORD && g_tok(&c, z)->upper &&
                           !(g_gaz(&c, z, GZ_LEX, &lp) && (lp->lex & (LX_MONTH | LX_WEEKDAY))) &&
                           !g_gaz(&c, z, GZ_ORG | GZ_OFFICE | GZ_DEMONYM, &lp) && z < q + 4)
                        z++;
                    int person = 0;
                    for (size_t y = 0; y < nc; y++)
                        if (cs[y].b <= q + 1 && cs[y].e > q + 1)
                            person = 1;
                    if (z > q + 1 && !person && (z >= seg_e || !g_tok(&c, z)->upper))
                        m.place = tokens_text(&c, q + 1, z);
                }
            }
            if (found) {
                if (best.city >= 0 && best.b < best.e) {
                    m.place = tokens_text(&c, best.b, best.e);
                    m.place_city = best.city;
                    m.place_country = best.country;
                } else if (best.venue >= 0) {
                    const att_venue *v = gaz_venue(st->w->gaz, best.venue);
                    const att_city *vc = v ? gaz_city(st->w->gaz, v->city) : NULL;
                    /* a venue's city only where the text is in that country */
                    int ctx_country = 0;
                    for (size_t q = 0; q < m.n_people && v; q++)
                        if (d->people[m.people[q]].country == v->country)
                            ctx_country = 1;
                    if (v && (v->country == d->issuing_country || v->country == st->here_country))
                        ctx_country = 1;
                    if (vc && ctx_country) {
                        m.place = att_strdup(vc->name);
                        m.place_city = v->city;
                        m.place_country = v->country;
                    } else {
                        m.place = tokens_text(&c, best.vb, best.ve);
                        m.place_venue = best.venue;
                        m.place_country = v && ctx_country ? v->country : -1;
                    }
                } else if (best.country >= 0) {
                    m.place = tokens_text(&c, best.b, best.e);
                    m.place_country = best.country;
                }
            } else if (!m.place) {
                /* where the text last met anyone: the same day first */
                const att_meeting *pm = NULL;
                for (size_t q = d->n_meetings; q-- > 0 && !pm;)
                    if (d->meetings[q].place && m.date.y && d->meetings[q].date.y &&
                        att_ymd_cmp(d->meetings[q].date, m.date) == 0)
                        pm = &d->meetings[q];
                for (size_t q = d->n_meetings; q-- > 0 && !pm;)
                    if (d->meetings[q].place)
                        pm = &d->meetings[q];
                if (pm && !explicit_unsettled) {
                    m.place = att_strdup(pm->place);
                    m.place_city = pm->place_city;
                    m.place_country = pm->place_country;
                } else if (st->here_name && !explicit_unsettled) {
                    m.place = att_strdup(st->here_name);
                    m.place_city = st->here_city;
                    m.place_country = st->here_country;
                }
            }
            m.super_event = super_event(&c, c.tb);
        }
        int sequenced = 0;
        for (size_t q = c.tb; q < tr[k].tb; q++)
            if (g_in(&c, q, "prior|before|after|following|later|earlier|then|afterwards|"
                            "subsequently|separately"))
                sequenced = 1;
        /* "bilateral talks with A, B and C": one meeting each */
        if (tr[k].bilateral && n_obj >= 2 && n_subj >= 1) {
            for (size_t q = 0; q < n_obj; q++) {
                att_meeting one = m;
                one.people = NULL;
                one.n_people = 0;
                one.place = m.place ? att_strdup(m.place) : NULL;
                one.place_in = NULL;
                one.super_event = m.super_event ? att_strdup(m.super_event) : NULL;
                for (size_t z = 0; z < m.n_people; z++) {
                    int p = m.people[z];
                    int is_obj = 0;
                    for (size_t y = 0; y < n_obj; y++)
                        if (objs[y] == p)
                            is_obj = 1;
                    if ((!is_obj || p == objs[q]) && !add_person(&one, p)) {
                        free_meeting(&one);
                        free_meeting(&m);
                        return 0;
                    }
                }
                if (!keep_meeting(d, &one, defaulted, sequenced, tr[k].refers)) {
                    free_meeting(&m);
                    return 0;
                }
            }
            free_meeting(&m);
        } else if (!keep_meeting(d, &m, defaulted, sequenced, tr[k].refers)) {
            free_meeting(&m);
            return 0;
        }
    }
    for (size_t k = 0; k < nc; k++)
        if (cs[k].kind == C_PERSON && !cs[k].excluded) {
            st->last_subject = cs[k].person;
            break;
        }
    remember_day(st, s, times, ntimes);
    return 1;
}

attache_status meetings_extract(const attache_world *w, attache_doc *d)
{
    mstate st;
    memset(&st, 0, sizeof st);
    st.w = w;
    st.d = d;
    st.last_subject = -1;
    st.here_city = -1;
    st.here_country = -1;
    st.md = pcre2_match_data_create(16, NULL);
    st.mc = pcre2_match_context_create(NULL);
    if (!st.md || !st.mc) {
        pcre2_match_data_free(st.md);
        pcre2_match_context_free(st.mc);
        return ATTACHE_ERR_NOMEM;
    }
    if (d->dateline_place) {
        st.here_name = att_strdup(d->dateline_place);
        att_tokens ts = {0};
        size_t n = strlen(d->dateline_place);
        if (n < 200 && att_tokenize(d->dateline_place, 0, n, &ts) && ts.n) {
            char key[512];
            size_t kl = att_tokens_key(d->dateline_place, ts.v, 0, ts.n, key);
            const att_phrase *p = gaz_get(w->gaz, key, kl);
            if (p && (p->kinds & GZ_CITY)) {
                const att_city *ci = gaz_city(w->gaz, p->city);
                st.here_city = p->city;
                st.here_country = ci ? ci->country : -1;

            }
        }
        att_tokens_free(&ts);
    }
    attache_status rc = ATTACHE_SUCCESS;
    for (size_t s = 0; s < d->n_sents; s++) {
        if (d->sents[s].header)
            continue;
        if (!meeting_sentence(&st, s)) {
            rc = ATTACHE_ERR_NOMEM;
            break;
        }
    }
    free(st.here_name);
    pcre2_match_data_free(st.md);
    pcre2_match_context_free(st.mc);
    return rc;
}
