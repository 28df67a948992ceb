/* rdf_write.c - facts to RDF statements through raptor2.
 *
 * One serializer per document keeps Turtle pretty per document and memory
 * flat over any corpus (raptor's Turtle writer holds a graph until it
 * ends). N-Quads put each document in its own named graph (the document
 * IRI). Every literal comes from cleaned, valid UTF-8 without NULs, and every
 * minted IRI is built from slugs, hex and percent-encoding, so the output is
 * valid whatever the input text held. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <raptor2.h>

#include "doc.h"
#include "gazetteer.h"
#include "iri.h"
#include "rdf_native.h"
#include "rdf_write.h"
#include "util.h"
#include "world.h"

#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define NS_SCHEMA "http://schema.org/"
#define NS_ORG "http://www.w3.org/ns/org#"
#define NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NS_PROV "http://www.w3.org/ns/prov#"
#define NS_TIME "http://www.w3.org/2006/time#"
#define NS_SEM "http://semanticweb.cs.vu.nl/2009/11/sem/"
#define NS_NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define NS_GN "http://www.geonames.org/ontology#"
#define NS_WD "http://www.wikidata.org/entity/"
#define NS_ATT ATTACHE_NS

/* Prefixes of the vocabularies, and of the minted IRIs whose local names
 * are slugs: never doc/, whose fragments are not prefixed names, nor time/
 * (its dates start with a digit) and org/, whose kind names are taken by
 * OWL-Time's and W3C ORG's prefixes. A prefix is declared once. */
static const struct {
    const char *prefix, *uri;
} NS[] = {{"rdf", NS_RDF},   {"xsd", NS_XSD},   {"schema", NS_SCHEMA}, {"org", NS_ORG},
          {"skos", NS_SKOS}, {"prov", NS_PROV}, {"time", NS_TIME},     {"sem", NS_SEM},
          {"nif", NS_NIF},   {"gn", NS_GN},     {"wd", NS_WD},         {"att", NS_ATT}};
#define NS_COUNT (sizeof NS / sizeof NS[0])
static const char *const KINDS[] = {"person",     "country", "place", "role",  "post",
                                    "membership", "tenure",  "event"};
#define KIND_COUNT (sizeof KINDS / sizeof KINDS[0])

/* Terms for the vocabulary's IRIs (predicates, classes): the strings are
 * constants of this file, so their addresses key a small cache. */
#define VOCAB_CACHE 128

struct attache_writer {
    const attache_world *w;
    raptor_world *rw;
    const char *vocab_key[VOCAB_CACHE];
    raptor_term *vocab_term[VOCAB_CACHE];
    FILE *fp;
    char *syntax;
    int quads;
    int failed;
    size_t triples;
    /* RDF/XML: one streaming serializer for the whole output, since two
     * XML documents one after the other are not one RDF/XML document */
    int shared;
    raptor_serializer *ser;
    /* Turtle, N-Triples, N-Quads: the writer's own text (rdf_native.h),
     * unless ATTACHE_WRITER_RAPTOR was asked for; NULL otherwise. */
    nat_writer *nat;
    att_buf text; /* the document's text, kept from one document to the next */
    nat_prefix prefixes[NS_COUNT + KIND_COUNT];
    char *kind_iri[KIND_COUNT]; /* owned: base + kind + "/" */
};

static attache_status writer_end_shared(attache_writer *wr);

/* Per-document emission state. */
typedef struct {
    attache_writer *wr;
    const attache_doc *d;
    raptor_serializer *ser;
    raptor_term *graph;
    const char *base;
    char doc_iri[1024];
    char *emitted_sent; /* sentences already described */
    char *emitted_country;
    uint64_t *described; /* hashes of the IRIs already described in this document */
    size_t n_described, cap_described;
    size_t nchars;        /* the text's length in characters (NIF offsets) */
    char (*pkey)[256];    /* owned: iri_person_key of each person, made on first use */
    unsigned char *pkey_made;
    char **piri;          /* owned: each person's IRI (owned strings), made on first use */
    int ok;
} emit_t;

static const char *const SYNTAXES[] = {"turtle", "ntriples", "nquads", "rdfxml", "dot"};

int attache_syntax_supported(const char *syntax)
{
    for (size_t i = 0; i < sizeof SYNTAXES / sizeof SYNTAXES[0]; i++)
        if (strcmp(syntax, SYNTAXES[i]) == 0)
            return 1;
    return 0;
}

static nat_syntax nat_syntax_of(const char *syntax)
{
    return strcmp(syntax, "turtle") == 0     ? NAT_TURTLE
           : strcmp(syntax, "ntriples") == 0 ? NAT_NTRIPLES
                                             : NAT_NQUADS;
}

attache_status attache_writer_new(const attache_world *w, const char *syntax, FILE *fp,
                                  attache_writer **out)
{
    *out = NULL;
    if (!attache_syntax_supported(syntax))
        return ATTACHE_ERR_ARG;
    attache_writer *wr = calloc(1, sizeof *wr);
    if (!wr)
        return ATTACHE_ERR_NOMEM;
    wr->w = w;
    wr->fp = fp;
    wr->shared = strcmp(syntax, "rdfxml") == 0;
    wr->syntax = att_strdup(syntax);
    wr->quads = strcmp(syntax, "nquads") == 0;
    wr->rw = raptor_new_world();
    if (!wr->syntax || !wr->rw || raptor_world_open(wr->rw)) {
        attache_writer_free(wr);
        return ATTACHE_ERR_RDF;
    }
    const char *b = attache_world_base(w);
    for (size_t i = 0; i < NS_COUNT; i++)
        wr->prefixes[i] = (nat_prefix){NS[i].prefix, NS[i].uri};
    for (size_t i = 0; i < KIND_COUNT; i++) {
        att_buf k;
        buf_init(&k);
        buf_printf(&k, "%s%s/", b, KINDS[i]);
        wr->kind_iri[i] = buf_take(&k);
        if (!wr->kind_iri[i]) {
            attache_writer_free(wr);
            return ATTACHE_ERR_NOMEM;
        }
        wr->prefixes[NS_COUNT + i] = (nat_prefix){KINDS[i], wr->kind_iri[i]};
    }
    if (!wr->shared && strcmp(syntax, "dot") != 0) {
        wr->nat = nat_new(wr->rw, nat_syntax_of(syntax));
        if (!wr->nat) {
            attache_writer_free(wr);
            return ATTACHE_ERR_NOMEM;
        }
    }
    *out = wr;
    return ATTACHE_SUCCESS;
}

size_t attache_writer_triples(const attache_writer *wr) { return wr->triples; }

attache_status attache_writer_set_engine(attache_writer *wr, attache_writer_engine engine)
{
    if (engine == ATTACHE_WRITER_RAPTOR) {
        nat_free(wr->nat);
        wr->nat = NULL;
        return ATTACHE_SUCCESS;
    }
    if (engine != ATTACHE_WRITER_NATIVE || wr->shared || strcmp(wr->syntax, "dot") == 0)
        return ATTACHE_ERR_ARG;
    if (!wr->nat)
        wr->nat = nat_new(wr->rw, nat_syntax_of(wr->syntax));
    return wr->nat ? ATTACHE_SUCCESS : ATTACHE_ERR_NOMEM;
}

attache_status attache_writer_free(attache_writer *wr)
{
    if (!wr)
        return ATTACHE_SUCCESS;
    attache_status st = ATTACHE_SUCCESS;
    if (wr->rw && wr->syntax && wr->shared && writer_end_shared(wr) != ATTACHE_SUCCESS)
        wr->failed = 1;
    if (wr->fp && (fflush(wr->fp) != 0 || ferror(wr->fp)))
        wr->failed = 1;
    if (wr->failed)
        st = ATTACHE_ERR_IO;
    for (size_t i = 0; i < VOCAB_CACHE; i++)
        if (wr->vocab_term[i])
            raptor_free_term(wr->vocab_term[i]);
    nat_free(wr->nat);
    buf_free(&wr->text);
    for (size_t i = 0; i < KIND_COUNT; i++)
        free(wr->kind_iri[i]);
    if (wr->rw)
        raptor_free_world(wr->rw);
    free(wr->syntax);
    free(wr);
    return st;
}

/* ---------------------------------------------------------------- terms */

static raptor_term *uri_term(emit_t *e, const char *iri)
{
    return raptor_new_term_from_uri_string(e->wr->rw, (const unsigned char *)iri);
}

/* A new reference to the term for vocabulary IRI v (a constant string). */
static raptor_term *vocab(emit_t *e, const char *v)
{
    attache_writer *wr = e->wr;
    size_t h = ((uintptr_t)v >> 3) % VOCAB_CACHE;
    for (size_t k = 0; k < VOCAB_CACHE; k++) {
        size_t i = (h + k) % VOCAB_CACHE;
        if (wr->vocab_key[i] == v)
            return raptor_term_copy(wr->vocab_term[i]);
        if (!wr->vocab_key[i]) {
            raptor_term *t = uri_term(e, v);
            if (!t)
                return NULL;
            wr->vocab_key[i] = v;
            wr->vocab_term[i] = t;
            return raptor_term_copy(t);
        }
    }
    return uri_term(e, v); /* cache full */
}

static void emit(emit_t *e, raptor_term *s, const char *p, raptor_term *o)
{
    if (!s || !o || !e->ok) {
        if (s)
            raptor_free_term(s);
        if (o)
            raptor_free_term(o);
        e->ok = 0;
        return;
    }
    raptor_statement st;
    raptor_statement_init(&st, e->wr->rw);
    st.subject = s;
    st.predicate = vocab(e, p);
    st.object = o;
    st.graph = e->graph ? raptor_term_copy(e->graph) : NULL;
    if (!st.predicate || raptor_serializer_serialize_statement(e->ser, &st))
        e->ok = 0;
    else
        e->wr->triples++;
    raptor_statement_clear(&st);
}

static void emit_iri(emit_t *e, const char *s, const char *p, const char *o)
{
    if (e->wr->nat) {
        if (e->ok && !nat_iri(e->wr->nat, s, p, o))
            e->ok = 0;
        e->wr->triples += e->ok;
        return;
    }
    emit(e, uri_term(e, s), p, uri_term(e, o));
}

static raptor_term *lit(emit_t *e, const char *v, const char *dt, const char *lang)
{
    raptor_uri *u = dt ? raptor_new_uri(e->wr->rw, (const unsigned char *)dt) : NULL;
    raptor_term *t = raptor_new_term_from_counted_literal(
        e->wr->rw, (const unsigned char *)v, strlen(v), u, (const unsigned char *)lang,
        lang ? (unsigned char)strlen(lang) : 0);
    if (u)
        raptor_free_uri(u);
    return t;
}

static void emit_lit(emit_t *e, const char *s, const char *p, const char *v, const char *dt,
                     const char *lang)
{
    if (e->wr->nat) {
        if (e->ok && !nat_lit(e->wr->nat, s, p, v, dt, lang))
            e->ok = 0;
        e->wr->triples += e->ok;
        return;
    }
    emit(e, uri_term(e, s), p, lit(e, v, dt, lang));
}

/* The decimal digits of v into out (room for 20); their count. (snprintf
 * showed in the writer's profile.) */
static size_t att_utoa(size_t v, char *out)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

static void emit_int(emit_t *e, const char *s, const char *p, size_t v, const char *dt)
{
    char buf[32];
    buf[att_utoa(v, buf)] = '\0';
    emit_lit(e, s, p, buf, dt, NULL);
}

static void emit_type(emit_t *e, const char *s, const char *cls)
{
    if (e->wr->nat) {
        emit_iri(e, s, NS_RDF "type", cls);
        return;
    }
    emit(e, uri_term(e, s), NS_RDF "type", vocab(e, cls));
}

/* Label text: newlines and tabs folded to spaces, length bounded. */
static char *clean_label(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    char *o = att_strndup(s, n);
    if (o)
        for (char *q = o; *q; q++)
            if (*q == '\n' || *q == '\t' || *q == '\r')
                *q = ' ';
    return o;
}

/* ------------------------------------------------------------- entities */

static const char *base(emit_t *e) { return e->base; }

/* doc#char=B,E (NIF's offset-based IRIs) */
static void char_iri(emit_t *e, size_t cb, size_t ce, att_buf *b)
{
    char num[48] = "#char=";
    size_t n = 6;
    n += att_utoa(cb, num + n);
    num[n++] = ',';
    n += att_utoa(ce, num + n);
    buf_adds(b, e->doc_iri);
    buf_add(b, num, n);
}

static void sentence_iri(emit_t *e, size_t s, att_buf *b)
{
    const att_sentence *se = &e->d->sents[s];
    char_iri(e, se->cb, se->ce, b);
}

/* The sentence node (once) and its IRI in out. */
static void sentence(emit_t *e, size_t s, att_buf *out)
{
    sentence_iri(e, s, out);
    if (e->emitted_sent[s])
        return;
    e->emitted_sent[s] = 1;
    const att_sentence *se = &e->d->sents[s];
    const char *iri = buf_cstr(out);
    emit_type(e, iri, NS_NIF "Sentence");
    emit_type(e, iri, NS_NIF "OffsetBasedString");
    att_buf ctx;
    buf_init(&ctx);
    char_iri(e, 0, e->nchars, &ctx);
    emit_iri(e, iri, NS_NIF "referenceContext", buf_cstr(&ctx));
    buf_free(&ctx);
    emit_int(e, iri, NS_NIF "beginIndex", se->cb, NS_XSD "nonNegativeInteger");
    emit_int(e, iri, NS_NIF "endIndex", se->ce, NS_XSD "nonNegativeInteger");
    emit_int(e, iri, NS_ATT "beginByte", se->b, NS_XSD "nonNegativeInteger");
    emit_int(e, iri, NS_ATT "endByte", se->e, NS_XSD "nonNegativeInteger");
    char *text = att_strndup(e->d->text + se->b, se->e - se->b);
    if (text) {
        emit_lit(e, iri, NS_NIF "anchorOf", text, NULL, NULL);
        free(text);
    }
}

static void country(emit_t *e, int ci, att_buf *out)
{
    const att_country *c = gaz_country(e->wr->w->gaz, ci);
    iri_country(out, base(e), c->a2);
    if (e->emitted_country[ci])
        return;
    e->emitted_country[ci] = 1;
    const char *iri = buf_cstr(out);
    emit_type(e, iri, NS_SCHEMA "Country");
    emit_lit(e, iri, NS_SCHEMA "name", c->name, NULL, "en");
    emit_lit(e, iri, NS_GN "countryCode", c->a2, NULL, NULL);
    if (c->qid) {
        att_buf q;
        buf_init(&q);
        buf_adds(&q, NS_WD);
        buf_adds(&q, c->qid);
        emit_iri(e, iri, NS_SKOS "exactMatch", buf_cstr(&q));
        buf_free(&q);
    }
}

/* 1 the first time an entity IRI is met in this document: its description
 * is written once, however many facts refer to it. */
static int first_time(emit_t *e, const char *iri)
{
    uint64_t h = att_hash64(iri, strlen(iri), ATT_HASH_SEED);
    for (size_t i = 0; i < e->n_described; i++)
        if (e->described[i] == h)
            return 0;
    if (ATT_PUSH(e->described, e->n_described, e->cap_described))
        e->described[e->n_described++] = h;
    return 1;
}

/* The person's key (borrowed from the cache). */
static const char *person_key(emit_t *e, int pi)
{
    if (!e->pkey_made[pi]) {
        iri_person_key(e->d->people[pi].name, e->pkey[pi], sizeof e->pkey[pi]);
        e->pkey_made[pi] = 1;
    }
    return e->pkey[pi];
}

static void person(emit_t *e, int pi, att_buf *out)
{
    const char *name = e->d->people[pi].name;
    if (e->piri[pi]) {
        buf_adds(out, e->piri[pi]);
        return; /* described when its IRI was made */
    }
    iri_person_keyed(out, base(e), person_key(e, pi));
    const char *iri = buf_cstr(out);
    e->piri[pi] = att_strdup(iri);
    if (!e->piri[pi])
        e->ok = 0;
    if (!first_time(e, iri))
        return;
    emit_type(e, iri, NS_SCHEMA "Person");
    char *n = clean_label(name, 300);
    if (n) {
        emit_lit(e, iri, NS_SCHEMA "name", n, NULL, "en");
        free(n);
    }
}

static void org_node(emit_t *e, int oi, att_buf *out)
{
    const att_org *o = gaz_org(e->wr->w->gaz, oi);
    buf_adds(out, base(e));
    buf_adds(out, "org/");
    char slug[96];
    att_slug(o->key, strlen(o->key), slug, sizeof slug);
    buf_adds(out, slug);
    const char *iri = buf_cstr(out);
    if (!first_time(e, iri))
        return;
    emit_type(e, iri, NS_ORG "FormalOrganization");
    emit_lit(e, iri, NS_SCHEMA "name", o->name, NULL, "en");
    if (o->qid) {
        att_buf q;
        buf_init(&q);
        buf_adds(&q, NS_WD);
        buf_adds(&q, o->qid);
        emit_iri(e, iri, NS_SKOS "exactMatch", buf_cstr(&q));
        buf_free(&q);
    }
}

static void write_role(emit_t *e, const att_role *r)
{
    const att_gaz *g = e->wr->w->gaz;
    const att_country *c = gaz_country(g, r->country);
    const att_org *o = gaz_org(g, r->org);
    att_buf pers, role, post, ms, ten, inst, sent, cn, on;
    buf_init(&pers);
    buf_init(&role);
    buf_init(&post);
    buf_init(&ms);
    buf_init(&ten);
    buf_init(&inst);
    buf_init(&sent);
    buf_init(&cn);
    buf_init(&on);
    person(e, r->person, &pers);
    iri_role(&role, base(e), r->role_key);
    if (first_time(e, buf_cstr(&role))) {
        emit_type(e, buf_cstr(&role), NS_ORG "Role");
        emit_type(e, buf_cstr(&role), NS_SKOS "Concept");
        emit_lit(e, buf_cstr(&role), NS_SKOS "prefLabel", r->role_label, NULL, "en");
    }
    iri_post(&post, base(e), c ? c->a2 : NULL, o ? o->key : NULL, r->role_key);
    if (first_time(e, buf_cstr(&post))) {
        emit_type(e, buf_cstr(&post), NS_ORG "Post");
        emit_iri(e, buf_cstr(&post), NS_ORG "role", buf_cstr(&role));
        att_buf label;
        buf_init(&label);
        buf_adds(&label, r->role_label);
        if (c) {
            country(e, r->country, &cn);
            emit_iri(e, buf_cstr(&post), NS_ORG "postIn", buf_cstr(&cn));
            buf_printf(&label, " of %s", c->name);
        } else if (o) {
            org_node(e, r->org, &on);
            emit_iri(e, buf_cstr(&post), NS_ORG "postIn", buf_cstr(&on));
            if (!strstr(r->role_label, o->name))
                buf_printf(&label, " of %s", o->name);
        }
        if (!c) /* not a state's post: an organisation's, or the state is unsettled */
            emit_type(e, buf_cstr(&post), NS_ATT "StatelessPost");
        emit_lit(e, buf_cstr(&post), NS_SKOS "prefLabel", buf_cstr(&label), NULL, "en");
        buf_free(&label);
    }
    iri_membership_keyed(&ms, base(e), "membership", person_key(e, r->person), c ? c->a2 : NULL,
                         o ? o->key : NULL, r->role_key);
    const char *m = buf_cstr(&ms);
    emit_type(e, m, NS_ORG "Membership");
    emit_iri(e, m, NS_ORG "member", buf_cstr(&pers));
    emit_iri(e, m, NS_ORG "organization", buf_cstr(&post));
    emit_iri(e, m, NS_ORG "role", buf_cstr(&role));
    char *title = clean_label(r->title, 300);
    if (title) {
        emit_lit(e, m, NS_ATT "title", title, NULL, "en");
        free(title);
    }
    if (e->d->ref.y) {
        char date[16];
        att_time_lexical(e->d->ref, ATT_PREC_DAY, date);
        iri_membership_keyed(&ten, base(e), "tenure", person_key(e, r->person),
                             c ? c->a2 : NULL, o ? o->key : NULL, r->role_key);
        iri_time(&inst, base(e), date);
        emit_iri(e, m, NS_ORG "memberDuring", buf_cstr(&ten));
        emit_type(e, buf_cstr(&ten), NS_TIME "Interval");
        emit_iri(e, buf_cstr(&ten), NS_TIME "inside", buf_cstr(&inst));
        if (first_time(e, buf_cstr(&inst))) {
            emit_type(e, buf_cstr(&inst), NS_TIME "Instant");
            emit_lit(e, buf_cstr(&inst), NS_TIME "inXSDDate", date, NS_XSD "date", NULL);
        }
    }
    sentence(e, r->sent, &sent);
    emit_iri(e, m, NS_PROV "wasDerivedFrom", buf_cstr(&sent));
    buf_free(&pers);
    buf_free(&role);
    buf_free(&post);
    buf_free(&ms);
    buf_free(&ten);
    buf_free(&inst);
    buf_free(&sent);
    buf_free(&cn);
    buf_free(&on);
}

/* A place node: city/venue from the gazetteer or the text's own name. */
static void place(emit_t *e, const char *name, int city, int venue, int country_i,
                  const char *in_city, att_buf *out)
{
    const att_gaz *g = e->wr->w->gaz;
    const att_city *ci = gaz_city(g, city);
    const att_country *co = gaz_country(g, country_i);
    iri_place(out, base(e), name, co ? co->a2 : NULL, venue < 0 && ci ? ci->geonameid : NULL);
    const char *iri = buf_cstr(out);
    if (!first_time(e, iri))
        return;
    emit_type(e, iri, NS_SCHEMA "Place");
    if (ci && venue < 0)
        emit_type(e, iri, NS_SCHEMA "City");
    char *n = clean_label(name, 300);
    if (n) {
        emit_lit(e, iri, NS_SCHEMA "name", n, NULL, "en");
        free(n);
    }
    if (ci && venue < 0 && ci->geonameid) {
        att_buf gn;
        buf_init(&gn);
        buf_printf(&gn, "https://sws.geonames.org/%s/", ci->geonameid);
        emit_iri(e, iri, NS_SKOS "exactMatch", buf_cstr(&gn));
        buf_free(&gn);
    }
    att_buf up;
    buf_init(&up);
    if (venue >= 0 && in_city) {
        const att_venue *v = gaz_venue(g, venue);
        const att_city *vc = v ? gaz_city(g, v->city) : NULL;
        place(e, in_city, v ? v->city : -1, -1, country_i, NULL, &up);
        (void)vc;
        emit_iri(e, iri, NS_SCHEMA "containedInPlace", buf_cstr(&up));
    } else if (country_i >= 0) {
        country(e, country_i, &up);
        emit_iri(e, iri, NS_SCHEMA "containedInPlace", buf_cstr(&up));
    }
    buf_free(&up);
}

static const char *mode_iri(att_mode m)
{
    switch (m) {
    case ATT_MODE_PHONE:
        return NS_ATT "PhoneCall";
    case ATT_MODE_VIDEO:
        return NS_ATT "VideoCall";
    case ATT_MODE_IN_PERSON:
        break;
    }
    return NS_ATT "InPerson";
}

static void meeting_iri(emit_t *e, const att_meeting *m, att_buf *out)
{
    const char *keys[64];
    size_t n = m->n_people < 64 ? m->n_people : 64;
    for (size_t i = 0; i < n; i++)
        keys[i] = person_key(e, m->people[i]);
    char date[16];
    if (m->date.y)
        att_time_lexical(m->date, ATT_PREC_DAY, date);
    iri_meeting_keyed(out, base(e), m->date.y ? date : NULL, keys, n, e->d->id);
}

static void write_meeting(emit_t *e, const att_meeting *m)
{
    att_buf ev, tmp, sent;
    buf_init(&ev);
    buf_init(&sent);
    meeting_iri(e, m, &ev);
    const char *iri = buf_cstr(&ev);
    emit_type(e, iri, NS_SCHEMA "Event");
    emit_type(e, iri, NS_SEM "Event");
    emit_type(e, iri, NS_ATT "Contact");
    att_buf name;
    buf_init(&name);
    for (size_t i = 0; i < m->n_people; i++) {
        buf_init(&tmp);
        person(e, m->people[i], &tmp);
        emit_iri(e, iri, NS_SCHEMA "attendee", buf_cstr(&tmp));
        buf_free(&tmp);
        if (i)
            buf_adds(&name, i + 1 == m->n_people ? " and " : ", ");
        buf_adds(&name, e->d->people[m->people[i]].name);
    }
    const char *kind = m->mode == ATT_MODE_PHONE   ? "Phone call"
                       : m->mode == ATT_MODE_VIDEO ? "Video call"
                                                   : "Meeting";
    att_buf label;
    buf_init(&label);
    buf_printf(&label, "%s of %s", kind, buf_cstr(&name));
    char *lab = clean_label(buf_cstr(&label), 400);
    if (lab) {
        emit_lit(e, iri, NS_SCHEMA "name", lab, NULL, "en");
        free(lab);
    }
    buf_free(&label);
    buf_free(&name);
    emit_iri(e, iri, NS_ATT "contactMode", mode_iri(m->mode));
    emit_iri(e, iri, NS_SCHEMA "eventAttendanceMode",
             m->mode == ATT_MODE_IN_PERSON ? NS_SCHEMA "OfflineEventAttendanceMode"
                                           : NS_SCHEMA "OnlineEventAttendanceMode");
    if (m->date.y) {
        char date[16];
        att_time_lexical(m->date, ATT_PREC_DAY, date);
        emit_lit(e, iri, NS_SCHEMA "startDate", date, NS_XSD "date", NULL);
    }
    att_buf pl;
    buf_init(&pl);
    if (m->place) {
        place(e, m->place, m->place_city, m->place_venue, m->place_country, m->place_in, &pl);
        emit_iri(e, iri, NS_SCHEMA "location", buf_cstr(&pl));
        /* the location's name on the meeting itself: one-triple OPTIONALs
         * are what rasqal answers quickly and correctly */
        char *pn = clean_label(m->place, 300);
        if (pn) {
            emit_lit(e, iri, NS_ATT "placeName", pn, NULL, "en");
            free(pn);
        }
    }
    if (m->super_event) {
        att_buf se;
        buf_init(&se);
        const char *parties[1] = {m->place ? m->place : ""};
        iri_event(&se, base(e), m->super_event, parties, 1);
        emit_type(e, buf_cstr(&se), NS_SCHEMA "Event");
        char *lab2 = clean_label(m->super_event, 300);
        if (lab2) {
            emit_lit(e, buf_cstr(&se), NS_SCHEMA "name", lab2, NULL, "en");
            free(lab2);
        }
        if (m->place)
            emit_iri(e, buf_cstr(&se), NS_SCHEMA "location", buf_cstr(&pl));
        emit_iri(e, iri, NS_SCHEMA "superEvent", buf_cstr(&se));
        buf_free(&se);
    }
    buf_free(&pl);
    sentence(e, m->sent, &sent);
    emit_iri(e, iri, NS_PROV "wasDerivedFrom", buf_cstr(&sent));
    buf_free(&ev);
    buf_free(&sent);
}

static void write_sched(emit_t *e, const att_sched *s)
{
    const att_gaz *g = e->wr->w->gaz;
    const char *codes[32];
    size_t n = 0;
    for (size_t i = 0; i < s->n_parties && n < 32; i++) {
        const att_country *c = gaz_country(g, s->parties[i]);
        if (c)
            codes[n++] = c->a2;
    }
    att_buf ev, sent;
    buf_init(&ev);
    buf_init(&sent);
    char *label = clean_label(s->label, 400);
    if (!label) {
        e->ok = 0;
        return;
    }
    iri_event(&ev, base(e), label, codes, n);
    const char *iri = buf_cstr(&ev);
    emit_type(e, iri, NS_SCHEMA "Event");
    emit_type(e, iri, NS_SEM "Event");
    emit_lit(e, iri, NS_SCHEMA "name", label, NULL, "en");
    free(label);
    emit_iri(e, iri, NS_SCHEMA "eventStatus", NS_SCHEMA "EventScheduled");
    if (s->time.prec != ATT_PREC_NONE) {
        char when[16];
        att_time_lexical(s->time.value, s->time.prec, when);
        const char *dt = s->time.prec == ATT_PREC_DAY     ? NS_XSD "date"
                         : s->time.prec == ATT_PREC_MONTH ? NS_XSD "gYearMonth"
                                                          : NS_XSD "gYear";
        emit_lit(e, iri, NS_SCHEMA "startDate", when, dt, NULL);
        char lo[16], hi[16];
        att_time_lexical(s->time.earliest, ATT_PREC_DAY, lo);
        att_time_lexical(s->time.latest, ATT_PREC_DAY, hi);
        if (s->time.earliest.y)
            emit_lit(e, iri, NS_SEM "hasEarliestBeginTimeStamp", lo, NS_XSD "date", NULL);
        if (s->time.latest.y)
            emit_lit(e, iri, NS_SEM "hasLatestEndTimeStamp", hi, NS_XSD "date", NULL);
    }
    if (s->phrase) {
        char *ph = clean_label(s->phrase, 200);
        if (ph) {
            emit_lit(e, iri, NS_ATT "timeExpression", ph, NULL, "en");
            free(ph);
        }
    }
    if (s->ordinal > 0)
        emit_int(e, iri, NS_ATT "ordinal", (size_t)s->ordinal, NS_XSD "positiveInteger");
    if (s->body) {
        char *b = clean_label(s->body, 300);
        if (b) {
            emit_lit(e, iri, NS_ATT "body", b, NULL, "en");
            free(b);
        }
    }
    for (size_t i = 0; i < s->n_parties; i++) {
        att_buf c;
        buf_init(&c);
        if (s->parties[i] >= 0) {
            country(e, s->parties[i], &c);
            emit_iri(e, iri, NS_ATT "party", buf_cstr(&c));
        }
        buf_free(&c);
    }
    if (s->agreed_at >= 0 && (size_t)s->agreed_at < e->d->n_meetings) {
        att_buf m;
        buf_init(&m);
        meeting_iri(e, &e->d->meetings[s->agreed_at], &m);
        emit_iri(e, iri, NS_ATT "agreedAt", buf_cstr(&m));
        buf_free(&m);
    }
    sentence(e, s->sent, &sent);
    emit_iri(e, iri, NS_PROV "wasDerivedFrom", buf_cstr(&sent));
    buf_free(&ev);
    buf_free(&sent);
}

static void write_document(emit_t *e)
{
    const attache_doc *d = e->d;
    const char *iri = e->doc_iri;
    emit_type(e, iri, NS_SCHEMA "Article");
    emit_type(e, iri, NS_PROV "Entity");
    if (d->title) {
        char *t = clean_label(d->title, 400);
        if (t) {
            emit_lit(e, iri, NS_SCHEMA "name", t, NULL, "en");
            free(t);
        }
    }
    if (d->date[0])
        emit_lit(e, iri, NS_SCHEMA "datePublished", d->date, NS_XSD "date", NULL);
    if (d->ref.y) {
        char date[16];
        att_time_lexical(d->ref, ATT_PREC_DAY, date);
        emit_lit(e, iri, NS_ATT "referenceDate", date, NS_XSD "date", NULL);
    }
    if (d->url && strncmp(d->url, "http", 4) == 0) {
        att_buf u;
        buf_init(&u);
        /* a URL from outside: keep only characters valid in an IRI */
        for (const char *p = d->url; *p; p++) {
            unsigned char c = (unsigned char)*p;
            if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
                c == '|' || c == '\\' || c == '^' || c == '`')
                buf_printf(&u, "%%%02X", c);
            else
                buf_addc(&u, (char)c);
        }
        emit_iri(e, iri, NS_SCHEMA "url", buf_cstr(&u));
        buf_free(&u);
    }
    if (d->source) {
        char *s = clean_label(d->source, 200);
        if (s) {
            emit_lit(e, iri, NS_ATT "source", s, NULL, NULL);
            free(s);
        }
    }
    char hex[17];
    att_hex(d->hash, 16, hex);
    emit_lit(e, iri, NS_ATT "contentHash", hex, NULL, NULL);
    if (d->issuing_country >= 0) {
        att_buf c;
        buf_init(&c);
        country(e, d->issuing_country, &c);
        emit_iri(e, iri, NS_ATT "issuingSide", buf_cstr(&c));
        buf_free(&c);
    }
    att_buf ctx;
    buf_init(&ctx);
    size_t nchars = e->nchars;
    char_iri(e, 0, nchars, &ctx);
    emit_type(e, buf_cstr(&ctx), NS_NIF "Context");
    emit_type(e, buf_cstr(&ctx), NS_NIF "OffsetBasedString");
    emit_iri(e, buf_cstr(&ctx), NS_NIF "sourceUrl", iri);
    emit_int(e, buf_cstr(&ctx), NS_NIF "beginIndex", 0, NS_XSD "nonNegativeInteger");
    emit_int(e, buf_cstr(&ctx), NS_NIF "endIndex", nchars, NS_XSD "nonNegativeInteger");
    buf_free(&ctx);
}

static void set_namespaces(emit_t *e)
{
    for (size_t i = 0; i < NS_COUNT + KIND_COUNT; i++) {
        const nat_prefix *px = &e->wr->prefixes[i];
        raptor_uri *u = raptor_new_uri(e->wr->rw, (const unsigned char *)px->iri);
        if (u) {
            raptor_serializer_set_namespace(e->ser, u, (const unsigned char *)px->prefix);
            raptor_free_uri(u);
        }
    }
}

/* A raptor iostream into an att_buf (a growing buffer, doubling). */
static int bufs_byte(void *ctx, const int byte)
{
    att_buf *b = ctx;
    if (b->len + 2 <= b->cap) { /* the common case, without a call */
        b->data[b->len++] = (char)byte;
        b->data[b->len] = '\0';
        return 0;
    }
    return buf_addc(b, (char)byte) ? 0 : 1;
}

static int bufs_bytes(void *ctx, const void *ptr, size_t size, size_t nmemb)
{
    return buf_add(ctx, ptr, size * nmemb) ? (int)nmemb : -1;
}

static const raptor_iostream_handler BUF_STREAM = {
    .version = 2, .write_byte = bufs_byte, .write_bytes = bufs_bytes};

/* The per-document tables of e; 0 when out of memory (nothing to free). */
static int emit_open(emit_t *e)
{
    const attache_doc *d = e->d;
    size_t np = d->n_people + 1;
    e->nchars = att_utf8_count(d->text, d->len);
    e->emitted_sent = calloc(d->n_sents + 1, 1);
    e->emitted_country = calloc(gaz_country_count(e->wr->w->gaz) + 1, 1);
    e->pkey = malloc(np * sizeof *e->pkey);
    e->pkey_made = calloc(np, 1);
    e->piri = calloc(np, sizeof *e->piri);
    if (!e->emitted_sent || !e->emitted_country || !e->pkey || !e->pkey_made || !e->piri) {
        free(e->emitted_sent);
        free(e->emitted_country);
        free(e->pkey);
        free(e->pkey_made);
        free(e->piri);
        return 0;
    }
    return 1;
}

static void emit_close(emit_t *e)
{
    if (e->graph)
        raptor_free_term(e->graph);
    for (size_t i = 0; i <= e->d->n_people; i++)
        free(e->piri[i]);
    free(e->piri);
    free(e->pkey);
    free(e->pkey_made);
    free(e->emitted_sent);
    free(e->emitted_country);
    free(e->described);
}

static void write_facts(emit_t *e)
{
    const attache_doc *d = e->d;
    write_document(e);
    for (size_t i = 0; i < d->n_roles; i++)
        write_role(e, &d->roles[i]);
    for (size_t i = 0; i < d->n_meetings; i++)
        write_meeting(e, &d->meetings[i]);
    for (size_t i = 0; i < d->n_sched; i++)
        write_sched(e, &d->sched[i]);
}

/* The document through raptor2's serializer; 0 when none could be made. */
static int write_raptor(emit_t *e)
{
    attache_writer *wr = e->wr;
    e->ser = wr->shared ? wr->ser : raptor_new_serializer(wr->rw, wr->syntax);
    if (!e->ser && wr->shared) {
        e->ser = raptor_new_serializer(wr->rw, wr->syntax);
        if (e->ser) {
            set_namespaces(e);
            if (raptor_serializer_start_to_file_handle(e->ser, NULL, wr->fp))
                e->ok = 0;
            wr->ser = e->ser;
        }
    }
    if (!e->ser)
        return 0;
    if (wr->quads)
        e->graph = uri_term(e, e->doc_iri);
    /* a document is serialised into memory and written with one fwrite:
     * raptor writes byte by byte, and a locked FILE per byte was a third of
     * the run time */
    att_buf text;
    buf_init(&text);
    raptor_iostream *ios = NULL;
    if (!wr->shared) {
        set_namespaces(e);
        ios = raptor_new_iostream_from_handler(wr->rw, &text, &BUF_STREAM);
        if (!ios || raptor_serializer_start_to_iostream(e->ser, NULL, ios))
            e->ok = 0;
    }
    write_facts(e);
    if (wr->shared) {
        if (raptor_serializer_flush(e->ser))
            e->ok = 0;
    } else {
        if (raptor_serializer_serialize_end(e->ser))
            e->ok = 0;
        raptor_free_serializer(e->ser);
        if (ios)
            raptor_free_iostream(ios);
        if (text.len && fwrite(text.data, 1, text.len, wr->fp) != text.len)
            wr->failed = 1;
        if (text.len > 0 && text.data == NULL)
            e->ok = 0;
        buf_free(&text);
    }
    return 1;
}

attache_status attache_writer_write(attache_writer *wr, const attache_doc *d)
{
    emit_t e;
    memset(&e, 0, sizeof e);
    e.wr = wr;
    e.d = d;
    e.ok = 1;
    e.base = attache_world_base(wr->w);
    att_buf di;
    buf_init(&di);
    if (!iri_doc(&di, e.base, d->id) || di.len >= sizeof e.doc_iri) {
        buf_free(&di);
        return ATTACHE_ERR_ARG;
    }
    memcpy(e.doc_iri, buf_cstr(&di), di.len + 1);
    buf_free(&di);
    if (!emit_open(&e))
        return ATTACHE_ERR_NOMEM;
    if (wr->nat) {
        /* the writer's own text, into memory, then one fwrite. The buffer
         * stays for the next document (growing it again each time cost
         * reallocations and page faults), unless a huge one made it big. */
        att_buf *text = &wr->text;
        text->len = 0;
        nat_begin(wr->nat, text, wr->quads ? e.doc_iri : NULL, wr->prefixes,
                  NS_COUNT + KIND_COUNT);
        write_facts(&e);
        if (!nat_end(wr->nat))
            e.ok = 0;
        if (text->len && fwrite(text->data, 1, text->len, wr->fp) != text->len)
            wr->failed = 1;
        if (text->cap > ((size_t)1 << 22))
            buf_free(text);
    } else if (!write_raptor(&e)) {
        emit_close(&e);
        return ATTACHE_ERR_RDF;
    }
    emit_close(&e);
    if (ferror(wr->fp) || fflush(wr->fp) != 0) {
        wr->failed = 1;
        return ATTACHE_ERR_IO;
    }
    return e.ok ? ATTACHE_SUCCESS : ATTACHE_ERR_RDF;
}

/* End the shared RDF/XML serializer; with no document written, start one so
 * the output is still a well-formed (empty) RDF/XML document. */
static attache_status writer_end_shared(attache_writer *wr)
{
    attache_status st = ATTACHE_SUCCESS;
    if (!wr->ser) {
        emit_t e;
        memset(&e, 0, sizeof e);
        e.wr = wr;
        e.base = attache_world_base(wr->w);
        e.ser = raptor_new_serializer(wr->rw, wr->syntax);
        if (!e.ser)
            return ATTACHE_ERR_RDF;
        set_namespaces(&e);
        if (raptor_serializer_start_to_file_handle(e.ser, NULL, wr->fp))
            st = ATTACHE_ERR_RDF;
        wr->ser = e.ser;
    }
    if (raptor_serializer_serialize_end(wr->ser))
        st = ATTACHE_ERR_RDF;
    raptor_free_serializer(wr->ser);
    wr->ser = NULL;
    return st;
}
