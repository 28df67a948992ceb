/* rdf_native.c - N-Triples, N-Quads and Turtle written as text (see
 * rdf_native.h for why and what is kept of raptor2). */
#define _GNU_SOURCE /* qsort_r */
#include "rdf_native.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One Turtle statement. IRIs are numbers of the document's interned IRIs
 * (s, p, an IRI object o, dt); a literal object o and lang are offsets into
 * the arena. */
typedef struct {
    size_t s, p, o, dt, lang; /* dt, lang: NONE when absent */
    int literal;
    uint64_t key; /* ranks of s, p and an IRI object packed (set before sorting) */
} nat_stmt;

#define RANK_BITS 20 /* ranks packed in a key; documents with more IRIs sort slower */

/* An interned IRI: a document names the same subjects, predicates and
 * objects over and over, so each is sorted and abbreviated once. */
typedef struct {
    size_t off, len; /* in the arena */
    uint64_t hash;
    size_t rank;     /* its place in the sorted IRIs */
    size_t text_off, text_len; /* its Turtle text in `rendered`, once written */
    int rendered;
} nat_iri_entry;

#define NONE ((size_t)-1)
#define VOCAB_SLOTS 256

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
    att_buf rendered;       /* Turtle: the text of the IRIs written so far */
    nat_stmt *st;           /* Turtle: the document's statements */
    size_t n, cap;
    nat_iri_entry *iris;    /* Turtle: the document's IRIs, interned */
    size_t n_iris, cap_iris;
    /* N-Triples: the escaped text of the vocabulary IRIs (predicates,
     * datatypes), kept by address; and where the last subject's text is */
    const char *vocab_key[VOCAB_SLOTS];
    char *vocab_text[VOCAB_SLOTS]; /* owned */
    size_t vocab_len[VOCAB_SLOTS];
    att_buf last_s;         /* the last subject IRI */
    size_t last_s_at, last_s_len; /* its text in out */
    size_t *slots;          /* hash table over iris: index + 1, 0 empty */
    size_t n_slots;         /* a power of two, at least twice n_iris */
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
    buf_free(&nw->rendered);
    buf_free(&nw->last_s);
    for (size_t i = 0; i < VOCAB_SLOTS; i++)
        free(nw->vocab_text[i]);
    free(nw->st);
    free(nw->iris);
    free(nw->slots);
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
    nw->rendered.len = 0;
    nw->n_iris = 0;
    nw->last_s.len = 0;
    nw->last_s_len = 0;
    if (nw->slots)
        memset(nw->slots, 0, nw->n_slots * sizeof *nw->slots);
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

/* 1 when every byte of s[0..n) lies in [lo, 0x7E]: eight bytes a step
 * (lo - 1 subtracted from a byte borrows into its top bit only when the
 * byte is below lo; 1 added carries into it only from 0x7F up, and a byte
 * from 0x80 up has it already). */
static int in_range(const char *s, size_t n, unsigned char lo)
{
    const uint64_t ones = 0x0101010101010101ULL, tops = 0x8080808080808080ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (((w - ones * lo) | (w + ones) | w) & tops)
            return 0;
    }
    for (; i < n; i++)
        if ((unsigned char)s[i] < lo || (unsigned char)s[i] > 0x7E)
            return 0;
    return 1;
}

/* Is s, of length *n (set here), copied as it is? strcspn finds the
 * characters to escape (glibc scans 16 bytes a step), in_range the
 * controls and the non-ASCII: a byte-by-byte table was a third of the
 * N-Triples writer's time. */
static int is_plain(const char *s, size_t *n, unsigned char kind)
{
    size_t k = strcspn(s, kind == PLAIN_IRI ? "<>\"{}|^`\\" : "\"\\");
    if (s[k]) {
        *n = k + strlen(s + k);
        return 0;
    }
    *n = k;
    return in_range(s, k, kind == PLAIN_IRI ? 0x21 : 0x20);
}

/* open s[0..n) close, copied as it is (s needs no escapes). */
static void nt_quoted(nat_writer *nw, char open, const char *s, size_t n, char close)
{
    if (!buf_reserve(nw->out, n + 2)) {
        nw->ok = 0;
        return;
    }
    char *d = nw->out->data + nw->out->len;
    d[0] = open;
    memcpy(d + 1, s, n);
    d[n + 1] = close;
    nw->out->len += n + 2;
    nw->out->data[nw->out->len] = '\0';
}

/* "<iri>", escaped as raptor2's N-Triples serializer escapes it. */
static void nt_iri(nat_writer *nw, const char *iri)
{
    size_t n;
    if (is_plain(iri, &n, PLAIN_IRI)) {
        nt_quoted(nw, '<', iri, n, '>');
        return;
    }
    raptor_term *t = raptor_new_term_from_uri_string(nw->rw, (const unsigned char *)iri);
    if (!t || raptor_term_escaped_write(t, NT_IRI_FLAGS, nw->ios))
        nw->ok = 0;
    if (t)
        raptor_free_term(t);
}

static void nt_vocab(nat_writer *nw, const char *v);

static void nt_lit(nat_writer *nw, const char *v, const char *dt, const char *lang)
{
    size_t n;
    if (is_plain(v, &n, PLAIN_LIT)) {
        nt_quoted(nw, '"', v, n, '"');
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
        nt_vocab(nw, dt);
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

static size_t arena_put(nat_writer *nw, const char *s, size_t n)
{
    size_t at = nw->arena.len;
    if (!buf_add(&nw->arena, s, n) || !buf_addc(&nw->arena, '\0')) {
        nw->ok = 0;
        return NONE;
    }
    return at;
}

/* Grow the hash table to n_slots and put every IRI back. 0 on out of memory. */
static int rehash(nat_writer *nw, size_t n_slots)
{
    size_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots)
        return 0;
    for (size_t i = 0; i < nw->n_iris; i++) {
        size_t h = (size_t)nw->iris[i].hash & (n_slots - 1);
        while (slots[h])
            h = (h + 1) & (n_slots - 1);
        slots[h] = i + 1;
    }
    free(nw->slots);
    nw->slots = slots;
    nw->n_slots = n_slots;
    return 1;
}

/* A hash for the interning table only (8 bytes a step; att_hash64, which
 * keys minted IRIs, goes byte by byte and must not change). */
static uint64_t intern_hash(const char *s, size_t n)
{
    uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ULL, w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 29);
}

/* The number of IRI iri in this document, added the first time. */
static size_t intern(nat_writer *nw, const char *iri)
{
    size_t n = strlen(iri);
    uint64_t hash = intern_hash(iri, n);
    if (2 * (nw->n_iris + 1) > nw->n_slots && !rehash(nw, nw->n_slots ? 2 * nw->n_slots : 256)) {
        nw->ok = 0;
        return NONE;
    }
    size_t h = (size_t)hash & (nw->n_slots - 1);
    for (; nw->slots[h]; h = (h + 1) & (nw->n_slots - 1)) {
        const nat_iri_entry *e = &nw->iris[nw->slots[h] - 1];
        if (e->hash == hash && e->len == n && memcmp(nw->arena.data + e->off, iri, n) == 0)
            return nw->slots[h] - 1;
    }
    if (!ATT_PUSH(nw->iris, nw->n_iris, nw->cap_iris)) {
        nw->ok = 0;
        return NONE;
    }
    size_t off = arena_put(nw, iri, n);
    if (off == NONE)
        return NONE;
    nw->iris[nw->n_iris] = (nat_iri_entry){off, n, hash, 0, 0, 0, 0};
    nw->slots[h] = nw->n_iris + 1;
    return nw->n_iris++;
}

static int keep(nat_writer *nw, const char *s, const char *p, const char *o, const char *dt,
                const char *lang, int literal)
{
    if (!ATT_PUSH(nw->st, nw->n, nw->cap)) {
        nw->ok = 0;
        return 0;
    }
    nat_stmt *t = &nw->st[nw->n];
    t->s = intern(nw, s);
    t->p = intern(nw, p);
    t->o = literal ? arena_put(nw, o, strlen(o)) : intern(nw, o);
    t->dt = dt ? intern(nw, dt) : NONE;
    t->lang = lang ? arena_put(nw, lang, strlen(lang)) : NONE;
    t->literal = literal;
    if (nw->ok)
        nw->n++;
    return nw->ok;
}

static int iri_cmp(const void *x, const void *y, void *ctx)
{
    const nat_writer *nw = ctx;
    const nat_iri_entry *a = &nw->iris[*(const size_t *)x], *b = &nw->iris[*(const size_t *)y];
    return strcmp(nw->arena.data + a->off, nw->arena.data + b->off);
}

static int rank_cmp(const nat_writer *nw, size_t a, size_t b)
{
    if (a == b)
        return 0;
    if (a == NONE || b == NONE)
        return a == NONE ? -1 : 1;
    return nw->iris[a].rank < nw->iris[b].rank ? -1 : 1;
}

static int off_cmp(const nat_writer *nw, size_t a, size_t b)
{
    if (a == b)
        return 0;
    if (a == NONE || b == NONE)
        return a == NONE ? -1 : 1;
    return strcmp(nw->arena.data + a, nw->arena.data + b);
}

/* raptor2's order: subject, predicate, then the object's kind (IRIs before
 * literals), its string, language and datatype. IRIs compare by rank, which
 * is their string order. */
static int stmt_cmp(const void *x, const void *y, void *ctx)
{
    const nat_writer *nw = ctx;
    const nat_stmt *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    int c = rank_cmp(nw, a->s, b->s);
    if (!c)
        c = rank_cmp(nw, a->p, b->p);
    if (!c)
        c = a->literal - b->literal;
    if (!c)
        c = a->literal ? off_cmp(nw, a->o, b->o) : rank_cmp(nw, a->o, b->o);
    if (!c)
        c = off_cmp(nw, a->lang, b->lang);
    if (!c)
        c = rank_cmp(nw, a->dt, b->dt);
    return c;
}

/* Rank every interned IRI by its string. 0 on out of memory. */
static int rank_iris(nat_writer *nw)
{
    size_t *order = malloc((nw->n_iris ? nw->n_iris : 1) * sizeof *order);
    if (!order)
        return 0;
    for (size_t i = 0; i < nw->n_iris; i++)
        order[i] = i;
    qsort_r(order, nw->n_iris, sizeof *order, iri_cmp, nw);
    for (size_t i = 0; i < nw->n_iris; i++)
        nw->iris[order[i]].rank = i;
    free(order);
    /* the statements' keys: subject, predicate, IRIs before literals, an IRI
     * object's rank; equal keys fall back to the full comparison */
    int packed = nw->n_iris < ((size_t)1 << RANK_BITS);
    for (size_t i = 0; i < nw->n; i++) {
        nat_stmt *t = &nw->st[i];
        t->key = 0;
        if (packed)
            t->key = (uint64_t)nw->iris[t->s].rank << (2 * RANK_BITS + 1) |
                     (uint64_t)nw->iris[t->p].rank << (RANK_BITS + 1) |
                     (uint64_t)(t->literal != 0) << RANK_BITS |
                     (t->literal ? 0 : (uint64_t)nw->iris[t->o].rank);
    }
    return 1;
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

/* The prefix that abbreviates iri: the longest that covers it, when the
 * rest is a plain name (a letter or _ first, then letters, digits, _ and -);
 * -1 when none does. */
static int prefix_of(const nat_writer *nw, const char *iri)
{
    /* A plain local name holds no '/' or '#', so a prefix ending in one of
     * them can only be the IRI up to its last '/' or '#': look for that one
     * alone rather than trying every prefix (most IRIs end at such a
     * separator, and every prefix attache declares does). */
    size_t cut = 0;
    for (size_t k = 0; iri[k]; k++)
        if (iri[k] == '/' || iri[k] == '#')
            cut = k + 1;
    int best = -1;
    size_t best_len = 0;
    for (size_t i = 0; i < nw->npx; i++) {
        size_t l = nw->pxlen[i];
        char last = l ? nw->px[i].iri[l - 1] : '\0';
        if ((last == '/' || last == '#') && l != cut)
            continue; /* cannot be the one */
        if (l > best_len && strncmp(iri, nw->px[i].iri, l) == 0) {
            const unsigned char *loc = (const unsigned char *)iri + l;
            int okname = name_char(loc[0], 1);
            for (size_t k = 1; okname && loc[k]; k++)
                okname = name_char(loc[k], 0);
            if (okname) {
                best = (int)i;
                best_len = l;
            }
        }
    }
    return best;
}

/* Interned IRI number id as a prefixed name where one fits, else <iri>,
 * made once a document and copied after. A character an IRI may not hold
 * (space, controls, <>"{}|^`\) is percent-encoded: Turtle has no escape for
 * them (raptor2's own parser refuses \u003E in an IRI). attache never mints
 * such IRIs; the encoding only keeps the output parseable if one came from
 * outside. */
static void ttl_iri(nat_writer *nw, size_t id)
{
    nat_iri_entry *e = &nw->iris[id];
    if (!e->rendered) {
        att_buf *out = nw->out;
        nw->out = &nw->rendered; /* put() writes there for the while */
        e->text_off = nw->rendered.len;
        const char *iri = nw->arena.data + e->off;
        int px = prefix_of(nw, iri);
        if (px >= 0) {
            size_t l = nw->pxlen[px];
            puts_(nw, nw->px[px].prefix);
            put(nw, ":", 1);
            put(nw, iri + l, e->len - l);
        } else {
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
        nw->out = out;
        e->text_len = nw->rendered.len - e->text_off;
        e->rendered = nw->ok;
    }
    put(nw, nw->rendered.data + e->text_off, e->text_len);
}

/* Bytes a Turtle string holds as they are: all but the controls, DEL, the
 * quote and the backslash (UTF-8 sequences pass through). */
static int ttl_plain(unsigned char c) { return c >= 0x20 && c != 0x7F && c != '"' && c != '\\'; }

static void ttl_string(nat_writer *nw, const char *v)
{
    put(nw, "\"", 1);
    const char *run = v;
    for (const char *q = v; *q; q++) {
        unsigned char c = (unsigned char)*q;
        if (ttl_plain(c))
            continue;
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

static void ttl_object(nat_writer *nw, const nat_stmt *t)
{
    if (!t->literal) {
        ttl_iri(nw, t->o);
        return;
    }
    ttl_string(nw, nw->arena.data + t->o);
    if (t->lang != NONE) {
        put(nw, "@", 1);
        puts_(nw, nw->arena.data + t->lang);
    } else if (t->dt != NONE) {
        put(nw, "^^", 2);
        ttl_iri(nw, t->dt);
    }
}

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

typedef struct {
    uint64_t key;
    size_t i;
} sort_item;

/* Sort the statements: by their packed keys with a bottom-up merge sort on
 * (key, index) pairs, then each run of equal keys (literals of one subject
 * and predicate, or all statements when ranks did not fit a key) by the
 * full comparison. qsort over the statements themselves was half of the
 * Turtle writer's time. 0 on out of memory. */
static int sort_statements(nat_writer *nw)
{
    size_t n = nw->n;
    sort_item *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    nat_stmt *sorted = malloc(n * sizeof *sorted);
    if (!a || !b || !sorted) {
        free(a);
        free(b);
        free(sorted);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        a[i] = (sort_item){nw->st[i].key, i};
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t x = lo, y = mid, o = lo;
            while (x < mid && y < hi)
                b[o++] = a[y].key < a[x].key ? a[y++] : a[x++];
            while (x < mid)
                b[o++] = a[x++];
            while (y < hi)
                b[o++] = a[y++];
        }
        sort_item *t = a;
        a = b;
        b = t;
    }
    for (size_t i = 0; i < n; i++)
        sorted[i] = nw->st[a[i].i];
    for (size_t run = 0, i = 1; i <= n; i++)
        if (i == n || sorted[i].key != sorted[run].key) {
            if (i - run > 1)
                qsort_r(sorted + run, i - run, sizeof *sorted, stmt_cmp, nw);
            run = i;
        }
    free(a);
    free(b);
    free(nw->st);
    nw->st = sorted;
    nw->cap = n;
    return 1;
}

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
    if (!rank_iris(nw)) {
        nw->ok = 0;
        return;
    }
    if (!sort_statements(nw)) {
        nw->ok = 0;
        return;
    }
    const nat_stmt *prev = NULL;
    for (size_t i = 0; i < nw->n; i++) {
        const nat_stmt *t = &nw->st[i];
        if (prev && stmt_cmp(prev, t, nw) == 0)
            continue; /* the same statement twice is one statement */
        if (!prev || prev->s != t->s) {
            if (prev)
                put(nw, " .\n\n", 4);
            ttl_iri(nw, t->s);
            put(nw, "\n    ", 5);
        } else if (prev->p != t->p) {
            put(nw, " ;\n    ", 7);
        } else {
            put(nw, ", ", 2);
            ttl_object(nw, t);
            prev = t;
            continue;
        }
        if (nw->iris[t->p].len == sizeof RDF_TYPE - 1 &&
            memcmp(nw->arena.data + nw->iris[t->p].off, RDF_TYPE, sizeof RDF_TYPE - 1) == 0)
            put(nw, "a", 1);
        else
            ttl_iri(nw, t->p);
        put(nw, " ", 1);
        ttl_object(nw, t);
        prev = t;
    }
    put(nw, " .\n\n", 4);
}

/* ------------------------------------------------------------ statements */

/* A document writes the same subject several times in a row: its text is
 * copied from the last statement rather than checked again. */
static void nt_subject(nat_writer *nw, const char *s)
{
    if (nw->last_s_len && strcmp(s, buf_cstr(&nw->last_s)) == 0) {
        if (!buf_reserve(nw->out, nw->last_s_len)) {
            nw->ok = 0;
            return;
        }
        memcpy(nw->out->data + nw->out->len, nw->out->data + nw->last_s_at, nw->last_s_len);
        nw->out->len += nw->last_s_len;
        nw->out->data[nw->out->len] = '\0';
        return;
    }
    size_t at = nw->out->len;
    nt_iri(nw, s);
    nt_sp(nw);
    nw->last_s.len = 0;
    if (!buf_adds(&nw->last_s, s))
        nw->ok = 0;
    nw->last_s_at = at;
    nw->last_s_len = nw->out->len - at;
}

/* A vocabulary IRI (predicate, datatype): a string of the caller's that
 * lives as long as the writer, so its text is kept by its address. */
static void nt_vocab(nat_writer *nw, const char *v)
{
    size_t h = ((uintptr_t)v >> 3) % VOCAB_SLOTS;
    for (size_t k = 0; k < VOCAB_SLOTS; k++, h = (h + 1) % VOCAB_SLOTS) {
        if (nw->vocab_key[h] == v) {
            if (!buf_add(nw->out, nw->vocab_text[h], nw->vocab_len[h]))
                nw->ok = 0;
            return;
        }
        if (!nw->vocab_key[h]) {
            size_t at = nw->out->len;
            nt_iri(nw, v);
            if (!nw->ok)
                return;
            nw->vocab_text[h] = att_strndup(nw->out->data + at, nw->out->len - at);
            if (nw->vocab_text[h]) {
                nw->vocab_key[h] = v;
                nw->vocab_len[h] = nw->out->len - at;
            }
            return;
        }
    }
    nt_iri(nw, v); /* table full */
}

int nat_iri(nat_writer *nw, const char *s, const char *p, const char *o)
{
    if (nw->syn == NAT_TURTLE)
        return keep(nw, s, p, o, NULL, NULL, 0);
    nt_subject(nw, s);
    nt_vocab(nw, p);
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
    nt_subject(nw, s);
    nt_vocab(nw, p);
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
