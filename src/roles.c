/* roles.c - person – role – country.
 *
 * The grammar of titles in readouts:
 *   [demonym | Country's | ORG | his DEMONYM counterpart] OFFICE (and|, OFFICE)* [of COUNTRY] [,] NAME [of COUNTRY]
 *   NAME, [also | who is also | the | a] [DEMONYM] OFFICE (and|, OFFICE)* [of COUNTRY]
 *   as [TITLE] NAME's OFFICE          (the office of the person the clause is about)
 * Country resolution: the text's own marker, then the person's country
 * elsewhere in the document, then the office's own state, then the issuing
 * side; otherwise none. Offices of international organisations have none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "grammar.h"
#include "util.h"

#define MAX_GROUP 8

typedef struct {
    att_office_m m[MAX_GROUP];
    int skip[MAX_GROUP]; /* former/outgoing/incoming: not a current role */
    size_t n;
    size_t end;
} office_group;

/* A role whose country or office is settled after the whole document is read. */
typedef enum { PEND_NONE, PEND_COUNTERPART, PEND_POSSESSOR } pend_kind;

typedef struct {
    int role;        /* index into d->roles */
    pend_kind kind;
    int ref_person;  /* counterpart: the subject; possessor: whose office */
} pending;

typedef struct {
    pending *v;
    size_t n, cap;
} pendings;

static int add_mention(attache_doc *d, size_t s, size_t b, size_t e, int person, int poss,
                       int role)
{
    /* one mention per token span */
    for (size_t i = d->n_mentions; i-- > 0;) {
        att_mention *m = &d->mentions[i];
        if (m->s != s)
            break;
        if (m->b == b && m->e == e) {
            if (role >= 0 && m->role < 0)
                m->role = role;
            return 1;
        }
    }
    if (!ATT_PUSH(d->mentions, d->n_mentions, d->cap_mentions))
        return 0;
    att_mention *m = &d->mentions[d->n_mentions++];
    m->b = b;
    m->e = e;
    m->s = s;
    m->person = person;
    m->possessive = poss;
    m->role = role;
    return 1;
}

/* Add a role fact; returns its index, -1 on out of memory. An office the
 * person already holds is merged (first title kept, a marked country wins). */
/* Folded content words of a title (no the/of/and/for/acting). */
static size_t title_words(const char *t, char w[][48], size_t max)
{
    size_t n = strlen(t), k = 0;
    att_tokens ts = {0};
    if (n > 400 || !att_tokenize(t, 0, n, &ts)) {
        att_tokens_free(&ts);
        return 0;
    }
    for (size_t i = 0; i < ts.n && k < max; i++) {
        if (ts.v[i].kind != TK_WORD || ts.v[i].e - ts.v[i].b >= 20)
            continue;
        char f[48];
        att_fold(t + ts.v[i].b, ts.v[i].e - ts.v[i].b, f);
        if (!strcmp(f, "the") || !strcmp(f, "of") || !strcmp(f, "and") || !strcmp(f, "for") ||
            !strcmp(f, "acting"))
            continue;
        memcpy(w[k++], f, strlen(f) + 1);
    }
    att_tokens_free(&ts);
    return k;
}

static int words_within(char a[][48], size_t na, char b[][48], size_t nb)
{
    for (size_t i = 0; i < na; i++) {
        size_t j = 0;
        while (j < nb && strcmp(a[i], b[j]) != 0)
            j++;
        if (j == nb)
            return 0;
    }
    return na > 0;
}

static int add_role(attache_doc *d, int person, const att_office_m *m, int country, int marked,
                    size_t s)
{
    char nw[24][48];
    size_t nn = title_words(m->title, nw, 24);
    for (size_t i = 0; i < d->n_roles; i++) {
        att_role *r = &d->roles[i];
        if (r->person != person)
            continue;
        char ow[24][48];
        size_t on = title_words(r->title, ow, 24);
        int same = strcmp(r->role_key, m->key) == 0 || words_within(nw, nn, ow, on);
        if (!same && words_within(ow, on, nw, nn) && strcmp(m->key, "counterpart") != 0 &&
            strcmp(r->role_key, "counterpart") != 0) {
            /* "Minister Hayashi" then "Minister for Foreign Affairs": keep the fuller */
            char *t = att_strdup(m->title), *k = att_strdup(m->key), *l = att_strdup(m->label);
            if (!t || !k || !l) {
                free(t);
                free(k);
                free(l);
                return -1;
            }
            free(r->title);
            free(r->role_key);
            free(r->role_label);
            r->title = t;
            r->role_key = k;
            r->role_label = l;
            r->office = m->office;
            if (m->org >= 0)
                r->org = m->org;
            same = 1;
        }
        if (same) {
            if (marked && !r->marked && country >= 0 && r->org < 0) {
                r->country = country;
                r->marked = 1;
            }
            return (int)i;
        }
    }
    if (!ATT_PUSH(d->roles, d->n_roles, d->cap_roles))
        return -1;
    att_role *r = &d->roles[d->n_roles];
    memset(r, 0, sizeof *r);
    r->person = person;
    r->office = m->office;
    r->title = att_strdup(m->title);
    r->role_key = att_strdup(m->key);
    r->role_label = att_strdup(m->label);
    r->org = m->org;
    r->country = m->org >= 0 ? -1 : country;
    r->marked = marked && country >= 0 && m->org < 0;
    r->sent = s;
    if (!r->title || !r->role_key || !r->role_label) {
        free(r->title);
        free(r->role_key);
        free(r->role_label);
        return -1;
    }
    return (int)d->n_roles++;
}

/* OFFICE (and|, OFFICE)* at i, skipping former/outgoing ones. */
static int read_group(const att_ctx *c, size_t i, office_group *g)
{
    g->n = 0;
    size_t j = i;
    while (j < c->te && g->n < MAX_GROUP) {
        int skip = 0;
        size_t k = j;
        while (k < c->te && g_notnow(c, k)) {
            skip = 1;
            k++;
        }
        if (g_is(c, k, "the") && g->n > 0)
            k++;
        att_office_m *m = &g->m[g->n];
        if (!g_office(c, k, m))
            break;
        /* "then-President": the word before the office carries it */
        if (k > c->tb && g_notnow(c, k - 1))
            skip = 1;
        g->skip[g->n] = skip;
        g->n++;
        j = m->end;
        g->end = j;
        /* continue over "and OFFICE" or ", OFFICE" */
        if (g_is(c, j, "and") || g_punct(c, j, ',') || g_punct(c, j, '&')) {
            size_t q = j + 1;
            if (g_is(c, q, "and"))
                q++;
            size_t q2 = q;
            int nn = 0;
            while (q2 < c->te && g_notnow(c, q2)) {
                q2++;
                nn = 1;
            }
            if (g_is(c, q2, "the"))
                q2++;
            att_office_m probe;
            if (g_office(c, q2, &probe)) {
                j = q;
                continue;
            }
            /* "... and Chinese foreign minister": a demonym for the next office */
            int dc;
            size_t dn = g_is(c, j, "and") ? g_country_marker(c, q2, &dc) : 0;
            if (dn && dc >= 0 && g_office(c, q2 + dn, &probe) && g->n < MAX_GROUP) {
                probe.country = dc;
                g->m[g->n] = probe;
                g->skip[g->n] = nn;
                g->n++;
                g->end = probe.end;
                j = probe.end;
                break;
            }
            /* "and outgoing Forum Chair, Mark Brown": a former office named
             * after its body */
            if (nn) {
                size_t q3 = q2;
                while (q3 < c->te && q3 < q2 + 3 && g_tok(c, q3)->upper &&
                       !g_office(c, q3, &probe))
                    q3++;
                if (q3 < c->te && g_office(c, q3, &probe) && g->n < MAX_GROUP) {
                    g->m[g->n] = probe;
                    g->skip[g->n] = 1;
                    g->n++;
                    g->end = probe.end;
                    j = probe.end;
                    if (g_is(c, j, "and") || g_punct(c, j, ','))
                        j = probe.end; /* the group ends with the former office */
                    break;
                }
            }
        }
        break;
    }
    return g->n > 0;
}

/* Is the office phrase at the start of the group a real title here? A
 * lower-case single office word ("president") needs a marker or a name. */
static int lower_single(const att_ctx *c, const att_office_m *m)
{
    return m->e - m->b == 1 && !g_tok(c, m->b)->upper;
}

/* "of [the] COUNTRY" at i: returns tokens after it (i when none). */
static size_t of_country(const att_ctx *c, size_t i, int *country)
{
    if (!g_is(c, i, "of"))
        return i;
    size_t j = i + 1;
    if (g_is(c, j, "the"))
        j++;
    int cm;
    size_t n = g_country_marker(c, j, &cm);
    if (!n || cm < 0)
        return i;
    *country = cm;
    return j + n;
}

/* The person a sentence is about before token i: the nearest mention
 * before it in the sentence, else the last mention of the previous one. */
static int nearest_person(const attache_doc *d, size_t s, size_t i)
{
    for (size_t k = d->n_mentions; k-- > 0;) {
        const att_mention *m = &d->mentions[k];
        if (m->s == s && m->b < i && !m->possessive)
            return m->person;
        if (m->s < s)
            return m->person;
    }
    return -1;
}

static int emit_group(const att_ctx *c, const office_group *g, int person, int marker,
                      int after_country, size_t s, int *first_role)
{
    attache_doc *d = c->d;
    *first_role = -1;
    for (size_t k = 0; k < g->n; k++) {
        if (g->skip[k])
            continue;
        const att_office_m *m = &g->m[k];
        int country = m->country;
        if (country < 0) {
            /* "Deputy Prime Minister and Minister of ... of Italy": the last
             * office's country covers the group */
            for (size_t q = k + 1; q < g->n && country < 0; q++)
                country = g->m[q].country;
        }
        if (country < 0)
            country = after_country;
        if (country < 0)
            country = marker;
        int r = add_role(d, person, m, country, country >= 0, s);
        if (r < 0)
            return 0;
        if (*first_role < 0)
            *first_role = r;
    }
    return 1;
}

/* Markers before an office: demonym, country name/possessive, an
 * organisation ("UN", "NATO") or a venue ("White House"). */
static size_t read_marker(const att_ctx *c, size_t i, int *country, int *org)
{
    *country = -1;
    *org = -1;
    size_t n = g_country_marker(c, i, country);
    if (n) {
        /* "Russian and Ukrainian counterparts" is handled by the caller */
        return n;
    }
    const att_phrase *p;
    n = g_gaz(c, i, GZ_ORG, &p);
    if (n) {
        *org = p->org;
        if (i + n < c->te && g_tok(c, i + n)->kind == TK_POSS)
            n++;
        return n;
    }
    n = g_gaz(c, i, GZ_VENUE, &p);
    if (n) {
        const att_venue *v = gaz_venue(c->w->gaz, p->venue);
        *country = v ? v->country : -1;
        return n;
    }
    return 0;
}

/* Coordinated names after a title: "Sergey Lavrov and Dmytro Kuleba". */
static size_t read_names(const att_ctx *c, size_t i, size_t nb[], size_t ne[], size_t max,
                         size_t *count)
{
    *count = 0;
    size_t j = i;
    while (*count < max) {
        size_t b, e;
        size_t after = g_name(c, j, &b, &e);
        if (after == j)
            break;
        nb[*count] = b;
        ne[*count] = e;
        (*count)++;
        j = after;
        if (g_is(c, j, "and") || (g_punct(c, j, ',') && j + 1 < c->te && g_tok(c, j + 1)->upper)) {
            size_t k = j + 1;
            if (g_is(c, k, "and"))
                k++;
            size_t b2, e2;
            if (g_name(c, k, &b2, &e2) != k) {
                j = k;
                continue;
            }
        }
        break;
    }
    return j;
}

/* d->mention_at[s] .. [s + 1]: the mentions of sentence s (they are added
 * in sentence order). */
static int index_mentions(attache_doc *d)
{
    free(d->mention_at);
    d->mention_at = calloc(d->n_sents + 1, sizeof *d->mention_at);
    if (!d->mention_at)
        return 0;
    size_t k = 0;
    for (size_t s = 0; s <= d->n_sents; s++) {
        while (k < d->n_mentions && d->mentions[k].s < s)
            k++;
        d->mention_at[s] = k;
    }
    return 1;
}

/* Can the reading "[marker] OFFICE-group" start at token j? Only at a
 * not-now word, "acting"/"interim", or the first token of an office or of
 * a marker (country, demonym, organisation, venue). Elsewhere that reading
 * finds nothing, and most tokens of a sentence are elsewhere: this test
 * spares them the trial reads of offices, markers and groups. */
static int may_lead(const att_ctx *c, size_t j)
{
    if (j >= c->te)
        return 0;
    return (g_kinds(c, j) & (GZ_OFFICE | GZ_COUNTRY | GZ_DEMONYM | GZ_ORG | GZ_VENUE)) ||
           g_notnow(c, j) || g_is(c, j, "acting") || g_is(c, j, "interim");
}

/* Sentence pass. */
static int roles_sentence(const attache_world *w, attache_doc *d, size_t s, pendings *pend,
                          int *pending_of, size_t *n_pending_of, size_t *pending_end)
{
    att_ctx c;
    g_ctx(&c, w, d, s);
    size_t i = c.tb;
    *n_pending_of = 0;
    *pending_end = 0;
    while (i < c.te) {
        size_t start = i;
        /* most tokens are no determiner: one test for both readings below */
        int det = g_in(&c, i, "the|a|an|his|her|their|its");
        /* ---- "his Russian and Ukrainian counterparts, A and B" */
        if (det && (g_in(&c, i, "his|her|their|its") || g_is(&c, i, "the"))) {
            size_t j = i + 1;
            int cs[4], nc = 0;
            while (g_in(&c, j, "new|newly|current|incoming|then"))
                j++;
            while (j < c.te && nc < 4) {
                int cm;
                size_t n = g_country_marker(&c, j, &cm);
                if (!n)
                    break;
                cs[nc++] = cm;
                j += n;
                if (g_is(&c, j, "and") || g_punct(&c, j, ','))
                    j++;
            }
            if (g_in(&c, j, "new|former") && !g_is(&c, j, "former"))
                j++;
            if (g_in(&c, j, "counterpart|counterparts")) {
                j++;
                if (g_punct(&c, j, ','))
                    j++;
                /* "his Venezuelan counterpart, the Minister of ..., Carlos Faría" */
                office_group g;
                int has_title = 0;
                size_t k = j;
                if (g_is(&c, k, "the"))
                    k++;
                if (read_group(&c, k, &g)) {
                    has_title = 1;
                    k = g.end;
                    if (g_punct(&c, k, ','))
                        k++;
                } else {
                    k = j;
                }
                size_t nb[4], ne[4], nn;
                size_t after = read_names(&c, k, nb, ne, 4, &nn);
                int subject = nearest_person(d, s, i);
                for (size_t q = 0; q < nn; q++) {
                    int p = people_add(d, d->text, d->toks.v, nb[q], ne[q]);
                    if (p == PEOPLE_NOMEM)
                        return 0;
                    if (p < 0)
                        continue;
                    int country = nc == 0 ? -1 : cs[nc == (int)nn ? (int)q : 0];
                    int r0 = -1;
                    if (has_title) {
                        if (!emit_group(&c, &g, p, country, -1, s, &r0))
                            return 0;
                    }
                    if (subject >= 0 && subject != p) {
                        /* the counterpart holds the subject's office in its own state */
                        att_office_m m;
                        memset(&m, 0, sizeof m);
                        m.office = m.country = m.org = -1;
                        snprintf(m.key, sizeof m.key, "%s", "counterpart");
                        snprintf(m.label, sizeof m.label, "%s", "counterpart");
                        snprintf(m.title, sizeof m.title, "%s", "counterpart");
                        int r = add_role(d, p, &m, country, country >= 0, s);
                        if (r < 0 || !ATT_PUSH(pend->v, pend->n, pend->cap))
                            return 0;
                        pend->v[pend->n++] = (pending){r, PEND_COUNTERPART, subject};
                    }
                    int poss = ne[q] < c.te && g_tok(&c, ne[q])->kind == TK_POSS;
                    if (!add_mention(d, s, nb[q], ne[q], p, poss, r0))
                        return 0;
                }
                if (nn > 0) {
                    i = after;
                    continue;
                }
            }
        }
        /* ---- [marker] OFFICE-group [of X] [,] NAME [of X] */
        size_t j0 = i;
        if (det && g_in(&c, j0, "the|a|an|his|her|their"))
            j0++;
        if (may_lead(&c, j0)) {
            size_t j = j0;
            int notnow = 0;
            while (j < c.te && g_notnow(&c, j)) {
                notnow = 1;
                j++;
            }
            int marker = -1, org = -1;
            att_office_m probe0;
            size_t mn = 0;
            if (!(g_office(&c, j, &probe0) && probe0.end - j > 1))
                mn = read_marker(&c, j, &marker, &org);
            size_t k = j + mn;
            while (k < c.te && g_notnow(&c, k)) {
                notnow = 1;
                k++;
            }
            office_group g;
            if (read_group(&c, k, &g) && (g.n > 1 || !lower_single(&c, &g.m[0]) || mn)) {
                if (notnow)
                    g.skip[0] = 1;
                /* "The Secretary and Foreign Minister Kuleba": a description
                 * of someone else, then this person's office */
                if (j > i && g_is(&c, i, "the") && g.n > 1 && !mn && !g.skip[g.n - 1])
                    for (size_t q = 0; q + 1 < g.n; q++)
                        g.skip[q] = 1;
                if (org >= 0)
                    for (size_t q = 0; q < g.n; q++)
                        if (g.m[q].org < 0)
                            g.m[q].org = org;
                size_t q = g.end;
                int inverted = 0;
                if (g_punct(&c, q, ',')) {
                    q++;
                    inverted = 1;
                }
                size_t nb, ne;
                size_t after = g_name(&c, q, &nb, &ne);
                if (after != q && inverted) {
                    /* "the Governor of Táchira, Freddy Bernal," needs the name to end
                     * its clause */
                    if (!(after >= c.te || g_punct(&c, after, ',') || g_punct(&c, after, '.') ||
                          g_is(&c, after, "and") || g_punct(&c, after, ';') ||
                          g_tok(&c, after)->kind == TK_POSS))
                        after = q;
                }
                if (after != q) {
                    int p = people_add(d, d->text, d->toks.v, nb, ne);
                    if (p == PEOPLE_NOMEM)
                        return 0;
                    if (p < 0) {
                        i = after;
                        continue;
                    }
                    /* the pending "of X" list covers only groups joined by "and" */
                    if (!(*pending_end > 0 && start == *pending_end + 1 &&
                          g_is(&c, *pending_end, "and")))
                        *n_pending_of = 0;
                    int after_country = -1;
                    size_t a2 = of_country(&c, after, &after_country);
                    int r0;
                    if (!emit_group(&c, &g, p, marker, after_country, s, &r0))
                        return 0;
                    /* "President A and Prime Minister B of Poland": B's country
                     * covers A too */
                    if (after_country >= 0) {
                        for (size_t z = 0; z < *n_pending_of; z++) {
                            att_role *r = &d->roles[pending_of[z]];
                            if (!r->marked && r->org < 0) {
                                r->country = after_country;
                                r->marked = 1;
                            }
                        }
                        *n_pending_of = 0;
                    } else if (r0 >= 0 && !d->roles[r0].marked && *n_pending_of < 8) {
                        pending_of[(*n_pending_of)++] = r0;
                    }
                    int poss = ne < c.te && g_tok(&c, ne)->kind == TK_POSS;
                    if (!add_mention(d, s, nb, ne, p, poss, r0))
                        return 0;
                    i = a2 > after ? a2 : after;
                    *pending_end = i;
                    /* "President Ghazouani, the new Chairperson of the African Union," */
                    if (g_punct(&c, i, ',')) {
                        size_t k2 = i + 1;
                        while (g_in(&c, k2, "also|currently|now|the|a|an|new|newly"))
                            k2++;
                        office_group g3;
                        size_t nb3, ne3;
                        if (k2 > i + 1 && read_group(&c, k2, &g3) &&
                            g_name(&c, g3.end, &nb3, &ne3) == g3.end) {
                            int r3;
                            if (!emit_group(&c, &g3, p, -1, -1, s, &r3))
                                return 0;
                            i = g3.end;
                        }
                    }
                    /* "as President Xi Jinping's special representative" */
                    if (poss) {
                        office_group g2;
                        if (read_group(&c, ne + 1, &g2)) {
                            size_t b3, e3;
                            size_t after3 = g_name(&c, g2.end, &b3, &e3);
                            int owner = after3 != g2.end
                                            ? people_add(d, d->text, d->toks.v, b3, e3)
                                            : nearest_person(d, s, start);
                            if (owner >= 0 && owner != p) {
                                int r2;
                                if (!emit_group(&c, &g2, owner, -1, -1, s, &r2))
                                    return 0;
                                if (r2 >= 0 && !d->roles[r2].marked) {
                                    if (!ATT_PUSH(pend->v, pend->n, pend->cap))
                                        return 0;
                                    pend->v[pend->n++] = (pending){r2, PEND_POSSESSOR, p};
                                }
                                if (after3 != g2.end &&
                                    !add_mention(d, s, b3, e3, owner, 0, r2))
                                    return 0;
                            }
                            i = after3 != g2.end ? after3 : g2.end;
                        }
                    }
                    if (g_is(&c, i, "and"))
                        continue; /* keep the pending "of X" list */
                    continue;
                }
                /* "her re-election as President of the Republic of Moldova": the
                 * office of the person the clause is about */
                if (j > c.tb && g_is(&c, j - 1, "as") && j >= c.tb + 2 &&
                    g_in(&c, j - 2, "election|re-election|reelection|appointment|inauguration|"
                                    "confirmation|swearing-in")) {
                    int holder = nearest_person(d, s, j);
                    if (holder >= 0) {
                        int r4;
                        if (!emit_group(&c, &g, holder, marker, -1, s, &r4))
                            return 0;
                        i = g.end;
                        continue;
                    }
                }
                /* no name: a description ("the Secretary"); meetings.c reads it */
            }
        }
        /* ---- NAME , [also|who is also|the|a] OFFICE-group */
        size_t ent = g_entity(&c, i);
        if (ent) {
            i += ent;
            continue;
        }
        {
            size_t nb, ne;
            size_t after = g_name(&c, i, &nb, &ne);
            if (after != i) {
                size_t q = after;
                int poss = q < c.te && g_tok(&c, q)->kind == TK_POSS;
                int p = -1;
                if (g_punct(&c, q, ',')) {
                    size_t k = q + 1;
                    int notnow = 0;
                    if (g_is(&c, k, "who")) {
                        k++;
                        if (g_in(&c, k, "is|also|serves|currently")) {
                            while (g_in(&c, k, "is|also|serves|currently|as"))
                                k++;
                        } else {
                            k = c.te; /* "who served as ...": past */
                        }
                    }
                    while (g_in(&c, k, "also|currently|now|the|a|an|concurrently|new|newly"))
                        k++;
                    while (k < c.te && g_notnow(&c, k)) {
                        notnow = 1;
                        k++;
                    }
                    int marker = -1, org = -1;
                    size_t mn = k < c.te ? read_marker(&c, k, &marker, &org) : 0;
                    office_group g;
                    size_t nb2, ne2;
                    if (k < c.te && read_group(&c, k + mn, &g) &&
                        g_name(&c, g.end, &nb2, &ne2) == g.end) {
                        if (notnow)
                            g.skip[0] = 1;
                        if (org >= 0)
                            for (size_t z = 0; z < g.n; z++)
                                if (g.m[z].org < 0)
                                    g.m[z].org = org;
                        p = people_add(d, d->text, d->toks.v, nb, ne);
                        if (p == PEOPLE_NOMEM)
                            return 0;
                        if (p < 0) {
                            i = g.end;
                            continue;
                        }
                        int r0;
                        if (!emit_group(&c, &g, p, marker, -1, s, &r0))
                            return 0;
                        if (!add_mention(d, s, nb, ne, p, 0, r0))
                            return 0;
                        i = g.end;
                        continue;
                    }
                }
                /* a name on its own: a mention when it is someone we know, or a
                 * full name (two words or more, no title or thing words) */
                p = people_find(d, d->text, d->toks.v, nb, ne);
                if (p < 0 && g_plain_name(&c, nb, ne)) {
                    p = people_add(d, d->text, d->toks.v, nb, ne);
                    if (p == PEOPLE_NOMEM)
                        return 0;
                }
                if (p >= 0 && !add_mention(d, s, nb, ne, p, poss, -1))
                    return 0;
                i = after;
                continue;
            }
        }
        i = start + 1;
    }
    return 1;
}

/* The side whose readout this is: a country its own officials need not be
 * marked with. Scored from the dateline, the states of offices that exist in
 * one state only, and countries named in the text but not as a marker of a
 * foreign person. */
static int issuing_side(const attache_world *w, attache_doc *d)
{
    size_t nc = gaz_country_count(w->gaz);
    int *score = calloc(nc ? nc : 1, sizeof *score);
    if (!score)
        return -1;
    if (d->dateline_place) {
        att_tokens ts = {0};
        size_t n = strlen(d->dateline_place);
        if (n < 200 && att_tokenize(d->dateline_place, 0, n, &ts) && ts.n) {
            char key[512];
            size_t kl = att_tokens_key(d->dateline_place, ts.v, 0, ts.n, key);
            const att_phrase *p = gaz_get(w->gaz, key, kl);
            if (p && (p->kinds & GZ_CITY)) {
                const att_city *ci = gaz_city(w->gaz, p->city);
                /* a name several states share says nothing */
                if (ci && ci->country >= 0 && (ci->next < 0 || ci->capital))
                    score[ci->country] += 5;
            }
        }
        att_tokens_free(&ts);
    }
    for (size_t i = 0; i < d->n_roles; i++) {
        const att_role *r = &d->roles[i];
        const att_office *o = gaz_office(w->gaz, r->office);
        if (!r->marked && o && o->country >= 0)
            score[o->country] += 2;
        if (r->marked && r->country >= 0)
            score[r->country] -= 5;
    }
    /* countries named in header lines ("Ministry of Foreign Affairs of
     * Colombia") and bare in the text, hyphenated pairs ("U.S.-India") too */
    for (size_t s = 0; s < d->n_sents; s++) {
        att_ctx c;
        g_ctx(&c, w, d, s);
        int weight = d->sents[s].header && s + 1 < d->n_sents ? 3 : 1;
        if (d->sents[s].header && d->title && d->sents[s].b == (size_t)(strstr(d->text, d->title) - d->text))
            weight = 1; /* the headline names both sides */
        for (size_t i = c.tb; i < c.te; i++) {
            const att_phrase *p;
            size_t n = g_gaz(&c, i, GZ_COUNTRY, &p);
            if (n) {
                if (p->country >= 0)
                    score[p->country] += weight;
                i += n - 1;
                continue;
            }
            n = g_gaz(&c, i, GZ_VENUE, &p);
            if (n && i > c.tb && g_tok(&c, i - 1)->upper && g_tok(&c, i - 1)->kind == TK_WORD) {
                i += n - 1; /* "Vice Presidential Palace" is not the "Presidential Palace" */
                continue;
            }
            if (n) {
                const att_venue *v = gaz_venue(w->gaz, p->venue);
                if (v && v->country >= 0)
                    score[v->country] += 2;
                i += n - 1;
                continue;
            }
            const att_token *t = g_tok(&c, i);
            const char *h = t->kind == TK_WORD ? memchr(d->text + t->b, '-', t->e - t->b) : NULL;
            if (h) {
                /* each part of "U.S.-India" */
                size_t pb = t->b;
                while (pb < t->e) {
                    const char *dash = memchr(d->text + pb, '-', t->e - pb);
                    size_t pe = dash ? (size_t)(dash - d->text) : t->e;
                    char key[128];
                    if (pe - pb < 60) {
                        size_t kl = att_fold(d->text + pb, pe - pb, key);
                        const att_phrase *q = gaz_get(w->gaz, key, kl);
                        if (q && (q->kinds & (GZ_COUNTRY | GZ_DEMONYM)) && q->country >= 0)
                            score[q->country] += 1;
                    }
                    pb = pe + 1;
                }
            }
        }
    }
    int best = -1, second = -1;
    for (size_t i = 0; i < nc; i++) {
        if (best < 0 || score[i] > score[best]) {
            second = best;
            best = (int)i;
        } else if (second < 0 || score[i] > score[second]) {
            second = (int)i;
        }
    }
    int out = -1;
    if (best >= 0 && score[best] >= 2 && (second < 0 || score[best] > score[second]))
        out = best;
    free(score);
    return out;
}

static int most_marked_other(const attache_world *w, const attache_doc *d, int not);

/* A person with no state yet takes one from the sentence around them:
 * "A conveyed President B's greetings" (B is A's side), and "A and
 * Minister of Defence B" (B beside A). */
static void propagate_countries(const attache_world *w, attache_doc *d)
{
    for (size_t k = 0; k < d->n_mentions; k++) {
        const att_mention *m = &d->mentions[k];
        if (d->people[m->person].country >= 0)
            continue;
        att_ctx c;
        g_ctx(&c, w, d, m->s);
        /* the mention before this one in the sentence */
        const att_mention *prev = NULL;
        for (size_t q = k; q-- > 0;) {
            if (d->mentions[q].s != m->s)
                break;
            if (!d->mentions[q].possessive) {
                prev = &d->mentions[q];
                break;
            }
        }
        int prev_country = prev ? d->people[prev->person].country : -1;
        if (prev && prev_country < 0 && prev->role >= 0 && !d->roles[prev->role].marked &&
            d->roles[prev->role].org < 0)
            prev_country = d->issuing_country; /* an unplaced title is the issuer's */
        if (!prev || prev_country < 0 || prev->person == m->person)
            continue;
        int conveyed = 0, coordinated = 1, and_seen = 0;
        for (size_t i = prev->e; i < m->b; i++) {
            if (g_in(&c, i, "conveyed|convey|conveys|conveying"))
                conveyed = 1;
            if (g_is(&c, i, "and"))
                and_seen = 1;
            const att_phrase *p;
            if (!(g_is(&c, i, "and") || g_is(&c, i, "the") ||
                  g_gaz(&c, i, GZ_TITLEWORD | GZ_OFFICE | GZ_LEX, &p) || g_punct(&c, i, '.')))
                coordinated = 0;
        }
        /* companions of a visit serve the visitor's state */
        int accompanied = 0;
        for (size_t i = m->b; i-- > c.tb && i + 25 > m->b;) {
            if (g_punct(&c, i, ';'))
                break;
            if (g_is(&c, i, "accompanied") && g_is(&c, i + 1, "by")) {
                accompanied = 1;
                break;
            }
            /* the companions' list ends where another verb begins ("also met") */
            const att_phrase *tp;
            if (g_tok(&c, i)->kind == TK_WORD && !g_tok(&c, i)->upper &&
                !g_in(&c, i, "and|by|of|the|his|her|their|first|lady|wife|husband|on|visit|"
                             "delegation|including|as|well") &&
                !g_gaz(&c, i, GZ_TITLEWORD | GZ_OFFICE | GZ_LEX, &tp))
                break;
        }
        if (accompanied) {
            const att_mention *subj = NULL;
            for (size_t q = d->mention_at[m->s]; q < d->mention_at[m->s + 1]; q++)
                if (!d->mentions[q].possessive) {
                    subj = &d->mentions[q];
                    break;
                }
            if (subj && subj != m && d->people[subj->person].country >= 0) {
                d->people[m->person].country = d->people[subj->person].country;
                continue;
            }
        }
        int between = prev->b > c.tb && g_in(&c, prev->b - 1, "between") ;
        for (size_t i = prev->b; i-- > c.tb && i + 6 > prev->b;)
            if (g_is(&c, i, "between"))
                between = 1;
        int same_role = m->role >= 0 && prev->role >= 0 &&
                        strcmp(d->roles[m->role].role_key, d->roles[prev->role].role_key) == 0;
        int of_greetings = m->b > c.tb + 3 && (g_is(&c, m->b - 2, "of") || g_is(&c, m->b - 3, "of")) &&
                           conveyed;
        if ((conveyed && (m->possessive || of_greetings)) ||
            (coordinated && and_seen && m->b - prev->e <= 8 && !between && !same_role))
            d->people[m->person].country = prev_country;
    }
}

/* The country most often written as a marker of someone, other than
 * `not`; -1 when none. */
static int most_marked_other(const attache_world *w, const attache_doc *d, int not)
{
    size_t nc = gaz_country_count(w->gaz);
    int best = -1, best_n = 0;
    for (size_t c = 0; c < nc; c++) {
        if ((int)c == not)
            continue;
        int n = 0;
        for (size_t i = 0; i < d->n_roles; i++)
            if (d->roles[i].marked && d->roles[i].country == (int)c)
                n++;
        if (n > best_n) {
            best_n = n;
            best = (int)c;
        }
    }
    return best;
}

/* The first state written as a marker of someone that is not `not`. */
static int first_marked_other(const attache_doc *d, int not)
{
    for (size_t i = 0; i < d->n_roles; i++)
        if (d->roles[i].marked && d->roles[i].country >= 0 && d->roles[i].country != not)
            return d->roles[i].country;
    return -1;
}

/* Offices of heads of state and government. */
static int head_office(const char *key)
{
    static const char *const K[] = {"president", "prime-minister", "king", "queen", "emir",
                                    "crown-prince", "chancellor", "premier", "sultan",
                                    "vice-president", "supreme-leader"};
    for (size_t i = 0; i < sizeof K / sizeof K[0]; i++)
        if (strcmp(key, K[i]) == 0)
            return 1;
    return 0;
}

/* An unplaced head named as the other side is named: "President López
 * Obrador's commitment", "the Government of Prime Minister Orbán", "A
 * thanked King Salman", "conveyed the greetings of ... to President
 * Maduro", "visit Azerbaijan for talks with President Aliyev". */
static void other_party(const attache_world *w, attache_doc *d)
{
    for (size_t k = 0; k < d->n_mentions; k++) {
        const att_mention *m = &d->mentions[k];
        if (d->people[m->person].country >= 0 || m->role < 0 ||
            !head_office(d->roles[m->role].role_key) || d->roles[m->role].org >= 0)
            continue;
        att_ctx c;
        g_ctx(&c, w, d, m->s);
        /* "other" is relative to whoever speaks in the sentence, else the issuer */
        int speaker = d->issuing_country;
        for (size_t q = d->mention_at[m->s]; q < d->mention_at[m->s + 1]; q++) {
            const att_mention *x = &d->mentions[q];
            if (x->b < m->b && !x->possessive && x->person != m->person) {
                if (d->people[x->person].country >= 0)
                    speaker = d->people[x->person].country;
                break;
            }
        }
        int other = first_marked_other(d, speaker);
        /* "In Kyiv, President Zelensky criticised ...": the city's state */
        if (g_is(&c, c.tb, "in")) {
            const att_phrase *p;
            size_t n = g_gaz(&c, c.tb + 1, GZ_CITY, &p);
            if (n && g_punct(&c, c.tb + 1 + n, ',')) {
                const att_city *ci = gaz_city(w->gaz, p->city);
                if (ci && ci->country >= 0) {
                    d->people[m->person].country = ci->country;
                    continue;
                }
            }
        }
        /* the title's first token */
        size_t t0 = m->b;
        while (t0 > c.tb) {
            const att_phrase *p;
            if (g_gaz(&c, t0 - 1, GZ_TITLEWORD | GZ_OFFICE, &p) || g_is(&c, t0 - 1, "and") ||
                g_tok(&c, t0 - 1)->kind == TK_PUNCT)
                t0--;
            else
                break;
        }
        int to_other = 0;
        static const char *const NOUNS = "commitment|visit|greetings|message|wishes|letter|"
                                         "participation|appreciation|support|leadership|"
                                         "government|regards|decision|efforts";
        if (m->possessive &&
            (g_in(&c, m->e + 1, NOUNS) || (g_tok(&c, m->e + 1)->upper && g_in(&c, m->e + 2, NOUNS))))
            to_other = 1;
        int recipient = 0;
        if (t0 > c.tb + 1 && g_is(&c, t0 - 1, "of") &&
            g_in(&c, t0 - 2, "government|greetings|message|wishes|letter|regards|administration"))
            to_other = 1;
        for (size_t i = t0; i-- > c.tb && i + 8 > t0;)
            if (g_in(&c, i, "thanked|thanks"))
                recipient = 1;
        if (t0 > c.tb + 1 && g_is(&c, t0 - 1, "to"))
            for (size_t i = c.tb; i < t0; i++)
                if (g_in(&c, i, "conveyed|convey|conveys|conveying"))
                    recipient = 1;
        if ((to_other || recipient) && other >= 0) {
            d->people[m->person].country = other;
            continue;
        }
        /* "visit Azerbaijan for talks with President Ilham Aliyev" */
        for (size_t i = t0; i-- > c.tb && i + 8 > t0;) {
            int cc;
            if (g_in(&c, i, "visit|visits|visiting|travel|fly") && g_country_marker(&c, i + 1, &cc) &&
                cc >= 0) {
                d->people[m->person].country = cc;
                break;
            }
        }
    }
}

/* "President A and President B": two holders of one office are two
 * states; when one is placed (or is of the issuing side), the other is the
 * document's most often marked other state. */
static void same_office_pairs(const attache_world *w, attache_doc *d)
{
    for (size_t k = 1; k < d->n_mentions; k++) {
        const att_mention *a = &d->mentions[k - 1], *b = &d->mentions[k];
        if (a->s != b->s || a->role < 0 || b->role < 0 || a->person == b->person)
            continue;
        if (strcmp(d->roles[a->role].role_key, d->roles[b->role].role_key) != 0)
            continue;
        att_ctx c;
        g_ctx(&c, w, d, a->s);
        int joined = 0;
        for (size_t i = a->e; i < b->b && i < a->e + 4; i++)
            if (g_is(&c, i, "and"))
                joined = 1;
        if (!joined)
            continue;
        int ca = d->people[a->person].country, cb = d->people[b->person].country;
        if (ca < 0 && cb < 0 && !d->roles[a->role].marked && d->issuing_country >= 0)
            ca = d->issuing_country; /* the readout names its own leader first */
        if ((ca >= 0) == (cb >= 0))
            continue;
        int known = ca >= 0 ? ca : cb;
        int other = most_marked_other(w, d, known);
        if (other < 0)
            continue;
        if (ca >= 0 && d->people[a->person].country < 0)
            d->people[a->person].country = ca;
        d->people[ca >= 0 ? b->person : a->person].country = other;
    }
}

static void resolve_countries(const attache_world *w, attache_doc *d, const pendings *pend)
{
    /* 1. each person's country from their marked roles */
    for (size_t i = 0; i < d->n_roles; i++) {
        att_role *r = &d->roles[i];
        if (r->marked && r->country >= 0 && d->people[r->person].country < 0)
            d->people[r->person].country = r->country;
    }
    /* 2. counterparts take the subject's office; possessed offices the
     * possessor's state */
    for (size_t k = 0; k < pend->n; k++) {
        const pending *pd = &pend->v[k];
        att_role *r = &d->roles[pd->role];
        if (pd->kind == PEND_COUNTERPART) {
            const att_role *src = NULL;
            for (size_t i = 0; i < d->n_roles && !src; i++)
                if (d->roles[i].person == pd->ref_person && d->roles[i].org < 0 &&
                    strcmp(d->roles[i].role_key, "counterpart") != 0)
                    src = &d->roles[i];
            if (src) {
                char *t = att_strdup(src->title), *k2 = att_strdup(src->role_key),
                     *l = att_strdup(src->role_label);
                if (t && k2 && l) {
                    free(r->title);
                    free(r->role_key);
                    free(r->role_label);
                    r->title = t;
                    r->role_key = k2;
                    r->role_label = l;
                    r->office = src->office;
                } else {
                    free(t);
                    free(k2);
                    free(l);
                }
            }
        }
    }
    /* counterparts whose subject has no office say nothing: drop them and
     * renumber the mentions' role links */
    size_t o = 0;
    for (size_t i = 0; i < d->n_roles; i++) {
        att_role *r = &d->roles[i];
        int keep = strcmp(r->role_key, "counterpart") != 0;
        for (size_t m = 0; m < d->n_mentions; m++)
            if (d->mentions[m].role == (int)i)
                d->mentions[m].role = keep ? (int)o : -1;
        if (!keep) {
            free(r->title);
            free(r->role_key);
            free(r->role_label);
            continue;
        }
        if (o != i)
            d->roles[o] = *r;
        o++;
    }
    d->n_roles = o;
    /* 3. a person's state from a single-state office */
    for (size_t i = 0; i < d->n_roles; i++) {
        att_role *r = &d->roles[i];
        const att_office *of = gaz_office(w->gaz, r->office);
        if (of && of->country >= 0 && d->people[r->person].country < 0 && r->org < 0)
            d->people[r->person].country = of->country;
    }
    /* "as President Xi's special representative": the envoy and the one
     * who sends them serve one state, whichever of them the text placed */
    for (size_t k = 0; k < pend->n; k++) {
        const pending *pd = &pend->v[k];
        if (pd->kind != PEND_POSSESSOR || pd->role >= (int)d->n_roles)
            continue;
        att_role *r = &d->roles[pd->role];
        att_person *holder = &d->people[r->person], *owner = &d->people[pd->ref_person];
        if (owner->country < 0 && holder->country >= 0)
            owner->country = holder->country;
        if (holder->country < 0 && owner->country >= 0)
            holder->country = owner->country;
        if (r->org < 0 && !r->marked && holder->country >= 0)
            r->country = holder->country;
    }
    d->issuing_country = issuing_side(w, d);
    propagate_countries(w, d);
    same_office_pairs(w, d);
    other_party(w, d);
    /* 4. unmarked roles: the person's state, the office's state, the issuer */
    for (size_t i = 0; i < d->n_roles; i++) {
        att_role *r = &d->roles[i];
        if (r->org >= 0 || r->country >= 0)
            continue;
        const att_office *of = gaz_office(w->gaz, r->office);
        if (of && of->org >= 0)
            continue;
        if (d->people[r->person].country >= 0)
            r->country = d->people[r->person].country;
        else if (of && of->country >= 0)
            r->country = of->country;
        else
            r->country = d->issuing_country;
    }
}

attache_status roles_extract(const attache_world *w, attache_doc *d)
{
    pendings pend = {0};
    int pending_of[8];
    size_t n_pending_of = 0, pending_end = 0;
    for (size_t s = 0; s < d->n_sents; s++) {
        if (d->sents[s].header)
            continue;
        if (!roles_sentence(w, d, s, &pend, pending_of, &n_pending_of, &pending_end)) {
            free(pend.v);
            return ATTACHE_ERR_NOMEM;
        }
    }
    if (!index_mentions(d)) {
        free(pend.v);
        return ATTACHE_ERR_NOMEM;
    }
    resolve_countries(w, d, &pend);
    free(pend.v);
    for (size_t i = 0; i < d->n_roles; i++) {
        const att_country *c = gaz_country(w->gaz, d->roles[i].country);
        snprintf(d->roles[i].a2, sizeof d->roles[i].a2, "%s", c ? c->a2 : "");
    }
    return ATTACHE_SUCCESS;
}

size_t mentions_in(const attache_doc *d, size_t s, size_t *out, size_t max)
{
    size_t n = 0;
    if (!d->mention_at)
        return 0;
    for (size_t i = d->mention_at[s]; i < d->mention_at[s + 1] && n < max; i++)
        out[n++] = i;
    return n;
}
