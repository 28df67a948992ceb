/* rdf_native.c - N-Triples, N-Quads and Turtle written as text (see
 * rdf_native.h for why and what is kept of raptor2). */
#define _GNU_SOURCE /* qsort_r */
#include "rdf_native.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One Turtle statement; every string is an offset into the arena. */
typedef struct {
    size_t s, p, o, dt, lang; /* dt, lang: NONE when absent */
    int literal;
} nat_stmt;

#define NONE ((size_t)-1)

struct nat_writer {
    nat_syntax syn;
    raptor_world *rw;       /* borrowed */
    raptor_iostream *ios;   /* owned: raptor2's escaper writes into `out` through it */
    att_buf *out;           /* borrowed, the current document's text */
    const char *graph;      /* borrowed, N-Quads */
    const nat_prefix *px;   /* borrowed, Turtle */
    size_t npx;
    size_t pxlen[64];       /* strlen of each prefix IRI */
    att_buf arena;          /* Turtle: the document's strings */
    nat_stmt *st;           /* Turtle: the document's statements */
    size_t n, cap;
    int ok;
};

/* ------------------------------------------------------------ the stream */

static int ios_byte(void *ctx, const int byte)
{
    nat_writer *nw = ctx;
    return buf_addc(nw->out, (char)byte) ? 0 : 1;
}

static int ios_bytes(void *ctx, const void *ptr, size_t size, size_t nmemb)
{
    nat_writer *nw = ctx;
    return buf_add(nw->out, ptr, size * nmemb) ? (int)nmemb : -1;
}

static const raptor_iostream_handler NAT_STREAM = {
    .version = 2, .write_byte = ios_byte, .write_bytes = ios_bytes};

nat_writer *nat_new(raptor_world *rw, nat_syntax syn)
{
    nat_writer *nw = calloc(1, sizeof *nw);
    if (!nw)
        return NULL;
    nw->syn = syn;
    nw->rw = rw;
    buf_init(&nw->arena);
    nw->ios = raptor_new_iostream_from_handler(rw, nw, &NAT_STREAM);
    if (!nw->ios) {
        free(nw);
        return NULL;
    }
    return nw;
}

void nat_free(nat_writer *nw)
{
    if (!nw)
        return;
    raptor_free_iostream(nw->ios);
    buf_free(&nw->arena);
    free(nw->st);
    free(nw);
}

void nat_begin(nat_writer *nw, att_buf *out, const char *graph, const nat_prefix *px,
               size_t npx)
{
    nw->out = out;
    nw->graph = graph;
    nw->px = px;
    nw->npx = npx < sizeof nw->pxlen / sizeof nw->pxlen[0]
                  ? npx
                  : sizeof nw->pxlen / sizeof nw->pxlen[0];
    for (size_t i = 0; i < nw->npx; i++)
        nw->pxlen[i] = strlen(px[i].iri);
    nw->n = 0;
    nw->arena.len = 0;
    nw->ok = 1;
}

/* ------------------------------------------------------------- N-Triples */

/* Bytes copied as they are: printable ASCII except the delimiter and the
 * backslash; in IRIs also none of the characters N-Triples forbids there. */
enum { PLAIN_LIT = 1, PLAIN_IRI = 2 };

/* The escapes raptor2's N-Triples serializer writes: \t \n \r, \u and \U
 * for everything else outside printable ASCII, and in IRIs also \u for the
 * characters IRIs may not hold. */
#define NT_LIT_FLAGS RAPTOR_ESCAPED_WRITE_BITFLAG_BS_ESCAPES_TNRU
#define NT_IRI_FLAGS                                                                           \
    (RAPTOR_ESCAPED_WRITE_BITFLAG_BS_ESCAPES_TNRU | RAPTOR_ESCAPED_WRITE_BITFLAG_SPARQL_URI_ESCAPES)

#define L PLAIN_LIT
#define B (PLAIN_LIT | PLAIN_IRI)
static const unsigned char PLAIN[256] = {
    [0x20] = L, B, 0, B, B, B, B, B, B, B, B, B, B, B, B, B,
    /* 0x30 */ B, B, B, B, B, B, B, B, B, B, B, B, L, B, L, B,
    /* 0x40 */ B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B,
    /* 0x50 */ B, B, B, B, B, B, B, B, B, B, B, B, 0, B, L, B,
    /* 0x60 */ L, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B,
    /* 0x70 */ B, B, B, B, B, B, B, B, B, B, B, L, L, L, B, 0,
};
#undef L
#undef B

static int is_plain(const char *s, size_t n, unsigned char kind)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++)
        if (!(PLAIN[p[i]] & kind))
            return 0;
    return 1;
}

/* "<iri>", escaped as raptor2's N-Triples serializer escapes it. */
static void nt_iri(nat_writer *nw, const char *iri)
{
    size_t n = strlen(iri);
    if (is_plain(iri, n, PLAIN_IRI)) {
        if (!buf_reserve(nw->out, n + 2)) {
            nw->ok = 0;
            return;
        }
        char *d = nw->out->data + nw->out->len;
        d[0] = '<';
        memcpy(d + 1, iri, n);
        d[n + 1] = '>';
        nw->out->len += n + 2;
        nw->out->data[nw->out->len] = '\0';
        return;
    }
    raptor_term *t = raptor_new_term_from_uri_string(nw->rw, (const unsigned char *)iri);
    if (!t || raptor_term_escaped_write(t, NT_IRI_FLAGS, nw->ios))
        nw->ok = 0;
    if (t)
        raptor_free_term(t);
}

static void nt_lit(nat_writer *nw, const char *v, const char *dt, const char *lang)
{
    size_t n = strlen(v);
    if (is_plain(v, n, PLAIN_LIT)) {
        if (!buf_reserve(nw->out, n + 2)) {
            nw->ok = 0;
            return;
        }
        char *d = nw->out->data + nw->out->len;
        d[0] = '"';
        memcpy(d + 1, v, n);
        d[n + 1] = '"';
        nw->out->len += n + 2;
        nw->out->data[nw->out->len] = '\0';
    } else {
        /* a literal without datatype or language: raptor2 writes "..." */
        raptor_term *t = raptor_new_term_from_counted_literal(nw->rw, (const unsigned char *)v,
                                                               n, NULL, NULL, 0);
        if (!t || raptor_term_escaped_write(t, NT_LIT_FLAGS, nw->ios))
            nw->ok = 0;
        if (t)
            raptor_free_term(t);
    }
    if (lang) {
        if (!buf_addc(nw->out, '@') || !buf_adds(nw->out, lang))
            nw->ok = 0;
    } else if (dt) {
        if (!buf_add(nw->out, "^^", 2))
            nw->ok = 0;
        nt_iri(nw, dt);
    }
}

static void nt_end_statement(nat_writer *nw)
{
    if (nw->syn == NAT_NQUADS && nw->graph) {
        if (!buf_addc(nw->out, ' '))
            nw->ok = 0;
        nt_iri(nw, nw->graph);
    }
    if (!buf_add(nw->out, " .\n", 3))
        nw->ok = 0;
}

static void nt_sp(nat_writer *nw)
{
    if (!buf_addc(nw->out, ' '))
        nw->ok = 0;
}

/* ---------------------------------------------------------------- Turtle */

static size_t arena_put(nat_writer *nw, const char *s)
{
    if (!s)
        return NONE;
    size_t at = nw->arena.len;
    if (!buf_add(&nw->arena, s, strlen(s) + 1)) { /* with its NUL */
        nw->ok = 0;
        return NONE;
    }
    return at;
}

static int keep(nat_writer *nw, const char *s, const char *p, const char *o, const char *dt,
                const char *lang, int literal)
{
    if (!ATT_PUSH(nw->st, nw->n, nw->cap)) {
        nw->ok = 0;
        return 0;
    }
    nat_stmt *t = &nw->st[nw->n];
    t->s = arena_put(nw, s);
    t->p = arena_put(nw, p);
    t->o = arena_put(nw, o);
    t->dt = arena_put(nw, dt);
    t->lang = arena_put(nw, lang);
    t->literal = literal;
    if (nw->ok)
        nw->n++;
    return nw->ok;
}

static int str_at(const char *arena, size_t a, size_t b)
{
    if (a == b)
        return 0;
    if (a == NONE || b == NONE)
        return a == NONE ? -1 : 1;
    return strcmp(arena + a, arena + b);
}

/* raptor2's order: subject, predicate, then the object's kind (IRIs before
 * literals), its string, language and datatype. */
static int stmt_cmp(const void *x, const void *y, void *arena)
{
    const nat_stmt *a = x, *b = y;
    int c = str_at(arena, a->s, b->s);
    if (!c)
        c = str_at(arena, a->p, b->p);
    if (!c)
        c = a->literal - b->literal;
    if (!c)
        c = str_at(arena, a->o, b->o);
    if (!c)
        c = str_at(arena, a->lang, b->lang);
    if (!c)
        c = str_at(arena, a->dt, b->dt);
    return c;
}

static void put(nat_writer *nw, const char *s, size_t n)
{
    if (!buf_add(nw->out, s, n))
        nw->ok = 0;
}

static void puts_(nat_writer *nw, const char *s) { put(nw, s, strlen(s)); }

static int name_char(unsigned char c, int first)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')
        return 1;
    return !first && ((c >= '0' && c <= '9') || c == '-');
}

/* The IRI as a prefixed name when a prefix covers it and the rest is a
 * plain name (a letter or _ first, then letters, digits, _ and -);
 * otherwise <iri>. A character an IRI may not hold (space, controls,
 * <>"{}|^`\) is percent-encoded: Turtle has no escape for them (raptor2's
 * own parser refuses \u003E in an IRI). attache never mints such IRIs; the
 * encoding only keeps the output parseable if one came from outside. */
static void ttl_iri(nat_writer *nw, const char *iri)
{
    size_t best = NONE, best_len = 0;
    for (size_t i = 0; i < nw->npx; i++) {
        size_t l = nw->pxlen[i];
        if (l > best_len && strncmp(iri, nw->px[i].iri, l) == 0) {
            const unsigned char *loc = (const unsigned char *)iri + l;
            int okname = name_char(loc[0], 1);
            for (size_t k = 1; okname && loc[k]; k++)
                okname = name_char(loc[k], 0);
            if (okname) {
                best = i;
                best_len = l;
            }
        }
    }
    if (best != NONE) {
        puts_(nw, nw->px[best].prefix);
        put(nw, ":", 1);
        puts_(nw, iri + best_len);
        return;
    }
    put(nw, "<", 1);
    const char *run = iri;
    for (const char *q = iri; *q; q++) {
        unsigned char c = (unsigned char)*q;
        if (c <= 0x20 || strchr("<>\"{}|^`\\", c)) {
            char esc[4];
            put(nw, run, (size_t)(q - run));
            snprintf(esc, sizeof esc, "%%%02X", c);
            put(nw, esc, 3);
            run = q + 1;
        }
    }
    puts_(nw, run);
    put(nw, ">", 1);
}

static void ttl_string(nat_writer *nw, const char *v)
{
    put(nw, "\"", 1);
    const char *run = v;
    for (const char *q = v; *q; q++) {
        unsigned char c = (unsigned char)*q;
        const char *esc = NULL;
        char u[8];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                snprintf(u, sizeof u, "\\u%04X", c);
                esc = u;
            }
        }
        if (esc) {
            put(nw, run, (size_t)(q - run));
            puts_(nw, esc);
            run = q + 1;
        }
    }
    puts_(nw, run);
    put(nw, "\"", 1);
}

static void ttl_object(nat_writer *nw, const nat_stmt *t, const char *a)
{
    if (!t->literal) {
        ttl_iri(nw, a + t->o);
        return;
    }
    ttl_string(nw, a + t->o);
    if (t->lang != NONE) {
        put(nw, "@", 1);
        puts_(nw, a + t->lang);
    } else if (t->dt != NONE) {
        put(nw, "^^", 2);
        ttl_iri(nw, a + t->dt);
    }
}

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

static void ttl_document(nat_writer *nw)
{
    for (size_t i = 0; i < nw->npx; i++) {
        puts_(nw, "@prefix ");
        puts_(nw, nw->px[i].prefix);
        puts_(nw, ": <");
        puts_(nw, nw->px[i].iri);
        puts_(nw, "> .\n");
    }
    if (nw->npx)
        put(nw, "\n", 1);
    if (!nw->n || !nw->ok)
        return;
    const char *a = nw->arena.data;
    qsort_r(nw->st, nw->n, sizeof *nw->st, stmt_cmp, (void *)a);
    const nat_stmt *prev = NULL;
    for (size_t i = 0; i < nw->n; i++) {
        const nat_stmt *t = &nw->st[i];
        if (prev && stmt_cmp(prev, t, (void *)a) == 0)
            continue; /* the same statement twice is one statement */
        if (!prev || strcmp(a + prev->s, a + t->s) != 0) {
            if (prev)
                put(nw, " .\n\n", 4);
            ttl_iri(nw, a + t->s);
            put(nw, "\n    ", 5);
        } else if (strcmp(a + prev->p, a + t->p) != 0) {
            put(nw, " ;\n    ", 7);
        } else {
            put(nw, ", ", 2);
            ttl_object(nw, t, a);
            prev = t;
            continue;
        }
        if (strcmp(a + t->p, RDF_TYPE) == 0)
            put(nw, "a", 1);
        else
            ttl_iri(nw, a + t->p);
        put(nw, " ", 1);
        ttl_object(nw, t, a);
        prev = t;
    }
    put(nw, " .\n\n", 4);
}

/* ------------------------------------------------------------ statements */

int nat_iri(nat_writer *nw, const char *s, const char *p, const char *o)
{
    if (nw->syn == NAT_TURTLE)
        return keep(nw, s, p, o, NULL, NULL, 0);
    nt_iri(nw, s);
    nt_sp(nw);
    nt_iri(nw, p);
    nt_sp(nw);
    nt_iri(nw, o);
    nt_end_statement(nw);
    return nw->ok;
}

int nat_lit(nat_writer *nw, const char *s, const char *p, const char *v, const char *dt,
            const char *lang)
{
    if (nw->syn == NAT_TURTLE)
        return keep(nw, s, p, v, lang ? NULL : dt, lang, 1);
    nt_iri(nw, s);
    nt_sp(nw);
    nt_iri(nw, p);
    nt_sp(nw);
    nt_lit(nw, v, dt, lang);
    nt_end_statement(nw);
    return nw->ok;
}

int nat_end(nat_writer *nw)
{
    if (nw->syn == NAT_TURTLE)
        ttl_document(nw);
    nw->out = NULL;
    return nw->ok;
}
