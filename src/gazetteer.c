/* gazetteer.c - load ontology/data/ TSV files and look phrases up. */
#include "gazetteer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokens.h"
#include "util.h"

struct att_gaz {
    att_country *countries;
    size_t n_countries, cap_countries;
    att_office *offices;
    size_t n_offices, cap_offices;
    att_org *orgs;
    size_t n_orgs, cap_orgs;
    att_city *cities;
    size_t n_cities, cap_cities;
    att_venue *venues;
    size_t n_venues, cap_venues;
    att_phrase *slots; /* open addressing, power-of-two size */
    size_t n_slots, n_used;
    struct att_chunk *chunks; /* every string we own, in chunks freed at the end */
    int16_t by_a2[26 * 26];   /* country index by alpha-2 code (AA..ZZ), -1 none */
    att_tokens scratch;       /* reused by add_form: no allocation per form */
    char *keybuf;             /* reused folded-key buffer */
    size_t keycap;
};

#define MAX_FIELDS 12

/* Start-up cost: some 110,000 strings (keys, names) live as long as the
 * world, so they are carved out of large chunks instead of one malloc
 * each. */
#define CHUNK_BYTES ((size_t)64 * 1024)

struct att_chunk {
    struct att_chunk *next;
    size_t used, cap;
    char data[];
};

/* A copy of s[0..n), NUL-terminated, owned by g. NULL on out of memory. */
static char *keepn(att_gaz *g, const char *s, size_t n)
{
    struct att_chunk *c = g->chunks;
    if (!c || c->cap - c->used < n + 1) {
        size_t cap = n + 1 > CHUNK_BYTES ? n + 1 : CHUNK_BYTES;
        c = malloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->used = 0;
        c->cap = cap;
        c->next = g->chunks;
        g->chunks = c;
    }
    char *o = c->data + c->used;
    memcpy(o, s, n);
    o[n] = '\0';
    c->used += n + 1;
    return o;
}

static char *keeps(att_gaz *g, const char *s) { return keepn(g, s, strlen(s)); }

/* Index of the code in by_a2, -1 when it is not two letters A-Z. */
static int a2_slot(const char *a2)
{
    if (a2[0] < 'A' || a2[0] > 'Z' || a2[1] < 'A' || a2[1] > 'Z' || a2[2] != '\0')
        return -1;
    return (a2[0] - 'A') * 26 + (a2[1] - 'A');
}

/* ------------------------------------------------------------ hashing */

static uint64_t key_hash(const char *k, size_t n) { return att_hash64(k, n, ATT_HASH_SEED); }

static int rehash(att_gaz *g)
{
    /* the shipped data has some 41,000 keys: start at 2^17 slots (load
     * factor under 1/2) rather than growing into it */
    size_t n = g->n_slots ? g->n_slots * 2 : 1u << 17;
    att_phrase *s = calloc(n, sizeof *s);
    if (!s)
        return 0;
    for (size_t i = 0; i < g->n_slots; i++) {
        att_phrase *p = &g->slots[i];
        if (!p->key)
            continue;
        size_t h = (size_t)key_hash(p->key, strlen(p->key)) & (n - 1);
        while (s[h].key)
            h = (h + 1) & (n - 1);
        s[h] = *p;
    }
    free(g->slots);
    g->slots = s;
    g->n_slots = n;
    return 1;
}

static att_phrase *slot_for(att_gaz *g, const char *k, size_t n)
{
    if ((g->n_used + 1) * 2 > g->n_slots && !rehash(g))
        return NULL;
    uint64_t hash = key_hash(k, n);
    size_t h = (size_t)hash & (g->n_slots - 1);
    while (g->slots[h].key) {
        if (strlen(g->slots[h].key) == n && memcmp(g->slots[h].key, k, n) == 0)
            return &g->slots[h];
        h = (h + 1) & (g->n_slots - 1);
    }
    att_phrase *p = &g->slots[h];
    p->hash32 = (uint32_t)hash;
    p->key = keepn(g, k, n);
    if (!p->key)
        return NULL;
    p->country = p->office = p->city = p->venue = p->org = -1;
    g->n_used++;
    return p;
}

const att_phrase *gaz_get(const att_gaz *g, const char *k, size_t n)
{
    return gaz_get_hashed(g, k, n, key_hash(k, n));
}

const att_phrase *gaz_get_hashed(const att_gaz *g, const char *k, size_t n, uint64_t hash)
{
    if (!g->n_slots)
        return NULL;
    size_t h = (size_t)hash & (g->n_slots - 1);
    while (g->slots[h].key) {
        if (g->slots[h].hash32 == (uint32_t)hash && strncmp(g->slots[h].key, k, n) == 0 &&
            g->slots[h].key[n] == '\0')
            return &g->slots[h];
        h = (h + 1) & (g->n_slots - 1);
    }
    return NULL;
}

/* Add a surface form: its full key gets `kind`, every shorter token prefix
 * the prefix flag. Returns the phrase (to set indices) or NULL (OOM/empty). */
static att_phrase *add_form(att_gaz *g, const char *form, uint16_t kind)
{
    size_t n = strlen(form);
    while (n && (form[n - 1] == ' '))
        n--;
    while (n && *form == ' ') {
        form++;
        n--;
    }
    if (!n)
        return NULL;
    att_tokens *tsp = &g->scratch;
    tsp->n = 0;
    if (!att_tokenize(form, 0, n, tsp) || tsp->n == 0)
        return NULL;
    const att_tokens ts = *tsp;
    size_t need = n * 3 + ts.n + 8;
    if (need > g->keycap) {
        char *kb = realloc(g->keybuf, need);
        if (!kb)
            return NULL;
        g->keybuf = kb;
        g->keycap = need;
    }
    char *key = g->keybuf;
    att_phrase *p = NULL;
    for (size_t j = 1; j <= ts.n; j++) {
        size_t kl = att_tokens_key(form, ts.v, 0, j, key);
        p = slot_for(g, key, kl);
        if (!p)
            break;
        if (j < ts.n)
            p->prefix = 1;
    }
    if (p) {
        /* short all-capital forms (US, UK, WHO) must match case exactly */
        int lower = 0, letters = 0;
        for (size_t i = 0; i < n; i++) {
            if (form[i] >= 'a' && form[i] <= 'z')
                lower++;
            if ((form[i] >= 'a' && form[i] <= 'z') || (form[i] >= 'A' && form[i] <= 'Z'))
                letters++;
        }
        if (kind != GZ_OFFICE && kind != GZ_LEX && lower == 0 && letters <= 5)
            p->exact = 1;
        p->kinds |= kind;
    }
    return p;
}

/* ------------------------------------------------------------ TSV reading */

typedef int (*row_fn)(att_gaz *g, char **f, size_t nf, char *err, size_t errlen);

static attache_status read_tsv(att_gaz *g, const char *dir, const char *name, size_t ncols,
                               int required, row_fn fn, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        if (!required)
            return ATTACHE_SUCCESS;
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return ATTACHE_ERR_DATA;
    }
    attache_status st = ATTACHE_SUCCESS;
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int header = 1;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *f[MAX_FIELDS];
        size_t nf = 0;
        char *p = line;
        f[nf++] = p;
        for (; *p; p++) {
            if (*p == '\t') {
                *p = '\0';
                if (nf == MAX_FIELDS)
                    break;
                f[nf++] = p + 1;
            }
        }
        if (nf < ncols) {
            snprintf(err, errlen, "%s:%zu: %zu fields, expected %zu", path, lineno, nf, ncols);
            st = ATTACHE_ERR_DATA;
            break;
        }
        if (header) {
            header = 0;
            continue;
        }
        if (!fn(g, f, nf, err, errlen)) {
            if (!err[0])
                snprintf(err, errlen, "%s:%zu: out of memory", path, lineno);
            st = ATTACHE_ERR_DATA;
            break;
        }
    }
    free(line);
    fclose(fp);
    return st;
}

/* Every word of an office or organisation name is a title word, so that
 * the grammar can extend "Minister of Industry and Trade" word by word. */
static void add_title_words(att_gaz *g, const char *form)
{
    size_t n = strlen(form);
    att_tokens *tsp = &g->scratch;
    tsp->n = 0;
    if (!att_tokenize(form, 0, n, tsp))
        return;
    const att_tokens ts = *tsp;
    char key[256];
    for (size_t i = 0; i < ts.n; i++) {
        if (ts.v[i].kind != TK_WORD || ts.v[i].e - ts.v[i].b > 80)
            continue;
        size_t kl = att_tokens_key(form, ts.v, i, i + 1, key);
        /* connectors are not title words: "of the United Kingdom to ASEAN" */
        if (!strcmp(key, "of") || !strcmp(key, "the") || !strcmp(key, "and") ||
            !strcmp(key, "for") || !strcmp(key, "to") || !strcmp(key, "on") ||
            !strcmp(key, "in") || !strcmp(key, "at") || !strcmp(key, "&") || !strcmp(key, "a"))
            continue;
        att_phrase *p = slot_for(g, key, kl);
        if (p)
            p->kinds |= GZ_TITLEWORD;
    }
}

/* Call fn(form) for each '|'-separated form of a field. */
static int each_form(att_gaz *g, char *field, uint16_t kind, int idx_field, int idx)
{
    char *p = field;
    while (p && *p) {
        char *bar = strchr(p, '|');
        if (bar)
            *bar = '\0';
        if (*p) {
            if (kind == GZ_OFFICE || kind == GZ_ORG)
                add_title_words(g, p);
            att_phrase *ph = add_form(g, p, kind);
            if (ph) {
                switch (idx_field) {
                case GZ_COUNTRY:
                case GZ_DEMONYM:
                    if (ph->country < 0)
                        ph->country = idx;
                    break;
                case GZ_OFFICE:
                    if (ph->office < 0)
                        ph->office = idx;
                    break;
                case GZ_ORG:
                    if (ph->org < 0)
                        ph->org = idx;
                    break;
                case GZ_VENUE:
                    if (ph->venue < 0)
                        ph->venue = idx;
                    break;
                default:
                    break;
                }
            }
        }
        if (bar)
            *bar = '|';
        p = bar ? bar + 1 : NULL;
    }
    return 1;
}

static char *opt(att_gaz *g, const char *s) { return *s ? keeps(g, s) : NULL; }

static int row_country(att_gaz *g, char **f, size_t nf, char *err, size_t errlen)
{
    (void)nf;
    (void)err;
    (void)errlen;
    if (!ATT_PUSH(g->countries, g->n_countries, g->cap_countries))
        return 0;
    int idx = (int)g->n_countries++;
    att_country *c = &g->countries[idx];
    memset(c, 0, sizeof *c);
    snprintf(c->a2, sizeof c->a2, "%s", f[0]);
    snprintf(c->a3, sizeof c->a3, "%s", f[1]);
    c->qid = opt(g, f[2]);
    c->name = keeps(g, f[3]);
    int slot = a2_slot(c->a2);
    if (slot >= 0 && g->by_a2[slot] < 0)
        g->by_a2[slot] = (int16_t)idx;
    c->capital = opt(g, f[6]);
    each_form(g, f[3], GZ_COUNTRY, GZ_COUNTRY, idx);
    each_form(g, f[4], GZ_COUNTRY, GZ_COUNTRY, idx);
    each_form(g, f[5], GZ_DEMONYM, GZ_DEMONYM, idx);
    return c->name != NULL;
}

static int row_org(att_gaz *g, char **f, size_t nf, char *err, size_t errlen)
{
    (void)nf;
    (void)err;
    (void)errlen;
    if (!ATT_PUSH(g->orgs, g->n_orgs, g->cap_orgs))
        return 0;
    int idx = (int)g->n_orgs++;
    att_org *o = &g->orgs[idx];
    o->key = keeps(g, f[0]);
    o->name = keeps(g, f[1]);
    o->qid = opt(g, f[3]);
    each_form(g, f[1], GZ_ORG, GZ_ORG, idx);
    each_form(g, f[2], GZ_ORG, GZ_ORG, idx);
    return o->key && o->name;
}

static int org_by_key(const att_gaz *g, const char *key)
{
    for (size_t i = 0; i < g->n_orgs; i++)
        if (strcmp(g->orgs[i].key, key) == 0)
            return (int)i;
    return -1;
}

static int row_office(att_gaz *g, char **f, size_t nf, char *err, size_t errlen)
{
    (void)nf;
    if (!ATT_PUSH(g->offices, g->n_offices, g->cap_offices))
        return 0;
    int idx = (int)g->n_offices++;
    att_office *o = &g->offices[idx];
    o->key = keeps(g, f[0]);
    o->label = keeps(g, f[1]);
    o->country = -1;
    o->org = -1;
    if (strncmp(f[2], "org:", 4) == 0) {
        o->org = org_by_key(g, f[2] + 4);
        if (o->org < 0) {
            snprintf(err, errlen, "offices.tsv: office %s: unknown organisation %s", f[0], f[2]);
            return 0;
        }
    } else if (strcmp(f[2], "state") != 0 && f[2][0]) {
        o->country = gaz_country_by_code(g, f[2]);
        if (o->country < 0) {
            snprintf(err, errlen, "offices.tsv: office %s: unknown scope %s", f[0], f[2]);
            return 0;
        }
    }
    each_form(g, f[1], GZ_OFFICE, GZ_OFFICE, idx);
    each_form(g, f[3], GZ_OFFICE, GZ_OFFICE, idx);
    return o->key && o->label;
}

/* Link city idx under phrase ph. A city has one `next`, which belongs to
 * the chain of its own name; under an alternative name (primary == 0) it is
 * only made the phrase's head when the phrase has none or it is a capital,
 * so that no other chain is cut. */
static void link_city(att_gaz *g, att_phrase *ph, int idx, int primary)
{
    /* already linked under this key (a name and an altname that fold alike) */
    for (int j = ph->city; j >= 0; j = g->cities[j].next)
        if (j == idx)
            return;
    att_city *c = &g->cities[idx];
    if (!primary) {
        if (ph->city < 0 || c->capital)
            ph->city = idx;
        return;
    }
    if (ph->city < 0 || c->capital) {
        /* capitals first: "Washington" is the US capital before the others */
        c->next = ph->city;
        ph->city = idx;
        return;
    }
    int j = ph->city;
    while (g->cities[j].next >= 0)
        j = g->cities[j].next;
    g->cities[j].next = idx;
}

static int row_city(att_gaz *g, char **f, size_t nf, char *err, size_t errlen)
{
    (void)nf;
    (void)err;
    (void)errlen;
    if (!ATT_PUSH(g->cities, g->n_cities, g->cap_cities))
        return 0;
    int idx = (int)g->n_cities++;
    att_city *c = &g->cities[idx];
    c->name = keeps(g, f[0]);
    c->country = gaz_country_by_code(g, f[1]);
    c->geonameid = opt(g, f[2]);
    c->next = -1;
    c->capital = 0;
    if (c->country >= 0) {
        const att_country *k = &g->countries[c->country];
        if (k->capital && strcmp(k->capital, c->name) == 0)
            c->capital = 1;
    }
    char *forms[2] = {f[0], f[3]};
    for (int i = 0; i < 2; i++) {
        char *p = forms[i];
        while (p && *p) {
            char *bar = strchr(p, '|');
            if (bar)
                *bar = '\0';
            att_phrase *ph = *p ? add_form(g, p, GZ_CITY) : NULL;
            if (ph)
                link_city(g, ph, idx, i == 0);
            if (bar)
                *bar = '|';
            p = bar ? bar + 1 : NULL;
        }
    }
    return c->name != NULL;
}

static int row_region(att_gaz *g, char **f, size_t nf, char *err, size_t errlen)
{
    (void)nf;
    (void)err;
    (void)errlen;
    int country = gaz_country_by_code(g, f[1]);
    if (country < 0)
        return 1; /* a state this data does not know: skip the row */
    char *forms[2] = {f[0], f[2]};
    for (int i = 0; i < 2; i++) {
        char *p = forms[i];
        while (p && *p) {
            char *bar = strchr(p, '|');
            if (bar)
                *bar = '\0';
            att_phrase *ph = *p ? add_form(g, p, GZ_REGION) : NULL;
            /* a name that is also a state's keeps the state's own entry */
            if (ph && !(ph->kinds & (GZ_COUNTRY | GZ_DEMONYM)))
                ph->country = country;
            if (bar)
                *bar = '|';
            p = bar ? bar + 1 : NULL;
        }
    }
    return 1;
}

static int row_venue(att_gaz *g, char **f, size_t nf, char *err, size_t errlen)
{
    (void)nf;
    (void)err;
    (void)errlen;
    if (!ATT_PUSH(g->venues, g->n_venues, g->cap_venues))
        return 0;
    int idx = (int)g->n_venues++;
    att_venue *v = &g->venues[idx];
    char *bar = strchr(f[0], '|');
    v->name = keepn(g, f[0], bar ? (size_t)(bar - f[0]) : strlen(f[0]));
    v->country = gaz_country_by_code(g, f[2]);
    v->city = -1;
    if (f[1][0]) {
        char key[512];
        size_t n = strlen(f[1]);
        if (n < 160) {
            att_tokens ts = {0};
            if (att_tokenize(f[1], 0, n, &ts) && ts.n) {
                size_t kl = att_tokens_key(f[1], ts.v, 0, ts.n, key);
                const att_phrase *p = gaz_get(g, key, kl);
                if (p && (p->kinds & GZ_CITY)) {
                    for (int c = p->city; c >= 0; c = g->cities[c].next)
                        if (g->cities[c].country == v->country || v->country < 0) {
                            v->city = c;
                            break;
                        }
                }
            }
            att_tokens_free(&ts);
        }
    }
    each_form(g, f[0], GZ_VENUE, GZ_VENUE, idx);
    return v->name != NULL;
}

static uint16_t lex_class(const char *s)
{
    static const struct {
        const char *name;
        uint16_t bit;
    } classes[] = {{"honorific", LX_HONORIFIC}, {"particle", LX_PARTICLE}, {"suffix", LX_SUFFIX},
                   {"notnow", LX_NOTNOW},       {"future", LX_FUTURE},     {"month", LX_MONTH},
                   {"weekday", LX_WEEKDAY},     {"ordinal", LX_ORDINAL},
                   {"function", LX_FUNCTION},   {"region", LX_REGION},
                   {"thing", LX_THING}};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (strcmp(s, classes[i].name) == 0)
            return classes[i].bit;
    return 0;
}

static int row_lex(att_gaz *g, char **f, size_t nf, char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    uint16_t cls = lex_class(f[1]);
    if (!cls)
        return 1; /* classes this version does not use are ignored */
    att_phrase *ph = add_form(g, f[0], GZ_LEX);
    if (!ph)
        return 1;
    ph->lex |= cls;
    if (nf > 2 && f[2][0])
        ph->lex_value = atoi(f[2]);
    return 1;
}

attache_status gaz_load(const char *dir, att_gaz **out, char *err, size_t errlen)
{
    *out = NULL;
    err[0] = '\0';
    att_gaz *g = calloc(1, sizeof *g);
    if (!g)
        return ATTACHE_ERR_NOMEM;
    for (size_t i = 0; i < sizeof g->by_a2 / sizeof g->by_a2[0]; i++)
        g->by_a2[i] = -1;
    if (!rehash(g)) {
        free(g);
        return ATTACHE_ERR_NOMEM;
    }
    attache_status st = read_tsv(g, dir, "countries.tsv", 8, 1, row_country, err, errlen);
    if (st == ATTACHE_SUCCESS)
        st = read_tsv(g, dir, "orgs.tsv", 4, 1, row_org, err, errlen);
    if (st == ATTACHE_SUCCESS)
        st = read_tsv(g, dir, "offices.tsv", 4, 1, row_office, err, errlen);
    if (st == ATTACHE_SUCCESS)
        st = read_tsv(g, dir, "cities.tsv", 4, 1, row_city, err, errlen);
    if (st == ATTACHE_SUCCESS)
        st = read_tsv(g, dir, "venues.tsv", 3, 0, row_venue, err, errlen);
    if (st == ATTACHE_SUCCESS)
        st = read_tsv(g, dir, "regions.tsv", 3, 0, row_region, err, errlen);
    if (st == ATTACHE_SUCCESS)
        st = read_tsv(g, dir, "lexicon.tsv", 2, 1, row_lex, err, errlen);
    if (st != ATTACHE_SUCCESS) {
        gaz_free(g);
        return st;
    }
    *out = g;
    return ATTACHE_SUCCESS;
}

void gaz_free(att_gaz *g)
{
    if (!g)
        return;
    while (g->chunks) {
        struct att_chunk *next = g->chunks->next;
        free(g->chunks);
        g->chunks = next;
    }
    att_tokens_free(&g->scratch);
    free(g->keybuf);
    free(g->slots);
    free(g->countries);
    free(g->offices);
    free(g->orgs);
    free(g->cities);
    free(g->venues);
    free(g);
}

size_t gaz_country_count(const att_gaz *g) { return g->n_countries; }
const att_country *gaz_country(const att_gaz *g, int i)
{
    return i >= 0 && (size_t)i < g->n_countries ? &g->countries[i] : NULL;
}
int gaz_country_by_code(const att_gaz *g, const char *a2)
{
    int slot = a2_slot(a2);
    if (slot >= 0)
        return g->by_a2[slot];
    for (size_t i = 0; i < g->n_countries; i++)
        if (strcmp(g->countries[i].a2, a2) == 0)
            return (int)i;
    return -1;
}
size_t gaz_office_count(const att_gaz *g) { return g->n_offices; }
const att_office *gaz_office(const att_gaz *g, int i)
{
    return i >= 0 && (size_t)i < g->n_offices ? &g->offices[i] : NULL;
}
int gaz_office_by_key(const att_gaz *g, const char *key)
{
    for (size_t i = 0; i < g->n_offices; i++)
        if (strcmp(g->offices[i].key, key) == 0)
            return (int)i;
    return -1;
}
const att_org *gaz_org(const att_gaz *g, int i)
{
    return i >= 0 && (size_t)i < g->n_orgs ? &g->orgs[i] : NULL;
}
size_t gaz_city_count(const att_gaz *g) { return g->n_cities; }
const att_city *gaz_city(const att_gaz *g, int i)
{
    return i >= 0 && (size_t)i < g->n_cities ? &g->cities[i] : NULL;
}
const att_venue *gaz_venue(const att_gaz *g, int i)
{
    return i >= 0 && (size_t)i < g->n_venues ? &g->venues[i] : NULL;
}
