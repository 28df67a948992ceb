/* store.c - the embedded, persistent store: one named graph per document in
 * Redland's `hashes` storage on Berkeley DB (see store.h for the layout).
 *
 * There is one way facts become RDF: a document is serialised to N-Quads in
 * memory by the same writer `attache extract` uses (rdf_write.c), and the
 * quads are parsed back with librdf's N-Quads parser into the store. The new
 * graph is parsed in full before the old one is removed, and the store is
 * synced after every document, so a failed document leaves the store as it
 * was and a crash loses at most the document being loaded (loading it again
 * replaces whatever part of it went in). */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "iri.h"
#include "query.h"
#include "util.h"
#include "world.h"

struct attache_store {
    const attache_world *w; /* borrowed */
    librdf_world *lw;       /* owned */
    librdf_storage *sto;    /* owned */
    librdf_model *model;    /* owned */
    char *dir;              /* owned */
    int lock_fd;
    int readonly;
};

librdf_world *store_librdf_world(attache_store *s) { return s->lw; }
librdf_model *store_model(attache_store *s) { return s->model; }

/* 1 when the store's files exist in dir. */
static int store_exists(const char *dir)
{
    att_buf p;
    buf_init(&p);
    buf_printf(&p, "%s/%s-contexts.db", dir, STORE_NAME);
    struct stat st;
    int ok = buf_cstr(&p) && stat(buf_cstr(&p), &st) == 0 && S_ISREG(st.st_mode);
    buf_free(&p);
    return ok;
}

/* Quote a value for a librdf option string: single quotes can not be
 * escaped there, so a directory holding one is refused. */
static int option_safe(const char *s) { return strchr(s, '\'') == NULL; }

attache_status attache_store_open(const attache_world *w, const char *dir, int flags,
                                  attache_store **out)
{
    *out = NULL;
    if (!dir || !*dir || !option_safe(dir)) {
        world_diag(w, ATTACHE_DIAG_ERROR, dir, "not a usable store directory name");
        return ATTACHE_ERR_ARG;
    }
    int create = (flags & ATTACHE_STORE_CREATE) != 0;
    int readonly = (flags & ATTACHE_STORE_READONLY) != 0;
    if (create && readonly)
        return ATTACHE_ERR_ARG;
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (!create || mkdir(dir, 0777) != 0) {
            world_diag(w, ATTACHE_DIAG_ERROR, dir, "no store here: %s", strerror(errno));
            return ATTACHE_ERR_STORE;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        world_diag(w, ATTACHE_DIAG_ERROR, dir, "not a directory");
        return ATTACHE_ERR_STORE;
    }
    int fresh = !store_exists(dir);
    if (fresh && !create) {
        world_diag(w, ATTACHE_DIAG_ERROR, dir, "no store here (make one with 'attache load')");
        return ATTACHE_ERR_STORE;
    }

    attache_store *s = calloc(1, sizeof *s);
    if (!s)
        return ATTACHE_ERR_NOMEM;
    s->w = w;
    s->lock_fd = -1;
    s->readonly = readonly;
    s->dir = att_strdup(dir);
    attache_status rc = ATTACHE_SUCCESS;
    att_buf path, opt;
    buf_init(&path);
    buf_init(&opt);
    if (!s->dir) {
        rc = ATTACHE_ERR_NOMEM;
        goto done;
    }
    /* Berkeley DB without an environment has no locking of its own: one
     * writer or many readers, never both, enforced here. */
    buf_printf(&path, "%s/%s", dir, STORE_LOCK);
    s->lock_fd = open(buf_cstr(&path), readonly ? O_RDONLY | O_CREAT : O_RDWR | O_CREAT, 0666);
    if (s->lock_fd < 0 && readonly && errno == EACCES)
        s->lock_fd = open(buf_cstr(&path), O_RDONLY);
    if (s->lock_fd < 0 || flock(s->lock_fd, (readonly ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
        world_diag(w, ATTACHE_DIAG_ERROR, dir, "%s",
                   s->lock_fd < 0 ? strerror(errno)
                                  : "the store is in use by another attache process");
        rc = ATTACHE_ERR_STORE;
        goto done;
    }
    s->lw = query_librdf_world(w);
    if (!s->lw) {
        rc = ATTACHE_ERR_RDF;
        goto done;
    }
    buf_printf(&opt, "hash-type='bdb',dir='%s',contexts='yes'%s%s", dir,
               fresh ? ",new='yes'" : "", readonly ? ",write='no'" : "");
    s->sto = librdf_new_storage(s->lw, "hashes", STORE_NAME, buf_cstr(&opt));
    s->model = s->sto ? librdf_new_model(s->lw, s->sto, NULL) : NULL;
    if (!s->model) {
        world_diag(w, ATTACHE_DIAG_ERROR, dir, "cannot open the store");
        rc = ATTACHE_ERR_STORE;
    }
done:
    buf_free(&path);
    buf_free(&opt);
    if (rc != ATTACHE_SUCCESS) {
        attache_store_close(s);
        return rc;
    }
    *out = s;
    return ATTACHE_SUCCESS;
}

attache_status attache_store_close(attache_store *s)
{
    if (!s)
        return ATTACHE_SUCCESS;
    attache_status rc = ATTACHE_SUCCESS;
    if (s->model && !s->readonly && librdf_model_sync(s->model) != 0)
        rc = ATTACHE_ERR_STORE;
    if (s->model)
        librdf_free_model(s->model);
    if (s->sto)
        librdf_free_storage(s->sto);
    if (s->lw)
        librdf_free_world(s->lw);
    if (s->lock_fd >= 0)
        close(s->lock_fd); /* releases the lock */
    free(s->dir);
    free(s);
    return rc;
}

/* ------------------------------------------------------------ documents */

/* Count the statements of a stream and free it. */
static size_t drain_count(librdf_stream *st)
{
    size_t n = 0;
    if (!st)
        return 0;
    for (; !librdf_stream_end(st); librdf_stream_next(st))
        n++;
    librdf_free_stream(st);
    return n;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

char *store_find_doc(attache_store *s, const char *doc)
{
    att_buf iri, tail;
    buf_init(&iri);
    buf_init(&tail);
    char *found = NULL;
    int is_iri = strstr(doc, "://") != NULL || strncmp(doc, "urn:", 4) == 0;
    if (is_iri)
        buf_adds(&iri, doc);
    else
        iri_doc(&iri, attache_world_base(s->w), doc);
    if (!buf_cstr(&iri))
        goto done;
    librdf_node *ctx = librdf_new_node_from_uri_string(s->lw, (const unsigned char *)buf_cstr(&iri));
    if (ctx && librdf_model_contains_context(s->model, ctx))
        found = att_strdup(buf_cstr(&iri));
    if (ctx)
        librdf_free_node(ctx);
    if (found || is_iri)
        goto done;
    /* a store made with another --base: match .../doc/NAME */
    buf_adds(&tail, "/doc/");
    iri_pct(&tail, doc);
    if (!buf_cstr(&tail))
        goto done;
    librdf_iterator *it = librdf_model_get_contexts(s->model);
    for (; it && !librdf_iterator_end(it); librdf_iterator_next(it)) {
        librdf_node *n = librdf_iterator_get_object(it);
        if (n && librdf_node_is_resource(n)) {
            const char *u = (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
            if (ends_with(u, buf_cstr(&tail))) {
                found = att_strdup(u);
                break;
            }
        }
    }
    if (it)
        librdf_free_iterator(it);
done:
    buf_free(&iri);
    buf_free(&tail);
    return found;
}

/* The document's quads, as N-Quads text from the one writer; caller frees. */
static attache_status doc_nquads(attache_store *s, const attache_doc *d, char **text,
                                 size_t *len)
{
    *text = NULL;
    *len = 0;
    FILE *mem = open_memstream(text, len);
    if (!mem)
        return ATTACHE_ERR_NOMEM;
    attache_writer *wr = NULL;
    attache_status rc = attache_writer_new(s->w, "nquads", mem, &wr);
    if (rc == ATTACHE_SUCCESS)
        rc = attache_writer_write(wr, d);
    attache_status rc2 = attache_writer_free(wr);
    if (rc == ATTACHE_SUCCESS)
        rc = rc2;
    if (fclose(mem) != 0 && rc == ATTACHE_SUCCESS)
        rc = ATTACHE_ERR_NOMEM;
    if (rc != ATTACHE_SUCCESS) {
        free(*text);
        *text = NULL;
    }
    return rc;
}

attache_status attache_store_load(attache_store *s, const attache_doc *d, size_t *triples)
{
    if (triples)
        *triples = 0;
    if (s->readonly)
        return ATTACHE_ERR_ARG;
    const char *name = attache_doc_id(d);
    att_buf iri;
    buf_init(&iri);
    char *text = NULL;
    size_t len = 0;
    librdf_statement **stmts = NULL;
    size_t n = 0, cap = 0;
    librdf_node *ctx = NULL;
    librdf_uri *base = NULL;
    librdf_parser *p = NULL;
    librdf_stream *in = NULL;
    attache_status rc = ATTACHE_SUCCESS;

    if (!iri_doc(&iri, attache_world_base(s->w), name) || !buf_cstr(&iri)) {
        rc = ATTACHE_ERR_NOMEM;
        goto done;
    }
    rc = doc_nquads(s, d, &text, &len);
    if (rc != ATTACHE_SUCCESS)
        goto done;
    /* parse the whole new graph before the old one is touched */
    ctx = librdf_new_node_from_uri_string(s->lw, (const unsigned char *)buf_cstr(&iri));
    base = librdf_new_uri(s->lw, (const unsigned char *)buf_cstr(&iri));
    p = librdf_new_parser(s->lw, "nquads", NULL, NULL);
    in = (ctx && base && p) ? librdf_parser_parse_counted_string_as_stream(
                                  p, (const unsigned char *)text, len, base)
                            : NULL;
    if (!in) {
        world_diag(s->w, ATTACHE_DIAG_ERROR, name, "the document's RDF did not parse back");
        rc = ATTACHE_ERR_RDF;
        goto done;
    }
    for (; !librdf_stream_end(in); librdf_stream_next(in)) {
        librdf_statement *st = librdf_stream_get_object(in);
        if (!st)
            continue;
        if (n == cap && !att_grow((void **)&stmts, &cap, n, sizeof *stmts)) {
            rc = ATTACHE_ERR_NOMEM;
            goto done;
        }
        stmts[n] = librdf_new_statement_from_statement(st);
        if (!stmts[n]) {
            rc = ATTACHE_ERR_NOMEM;
            goto done;
        }
        n++;
    }
    /* replace: the document's graph goes, its new graph comes in */
    if (librdf_model_contains_context(s->model, ctx) &&
        librdf_model_context_remove_statements(s->model, ctx) != 0) {
        world_diag(s->w, ATTACHE_DIAG_ERROR, name, "cannot remove the document's old graph");
        rc = ATTACHE_ERR_STORE;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        if (librdf_model_context_add_statement(s->model, ctx, stmts[i]) != 0) {
            world_diag(s->w, ATTACHE_DIAG_ERROR, name, "cannot add to the store");
            rc = ATTACHE_ERR_STORE;
            goto done;
        }
    if (librdf_model_sync(s->model) != 0) {
        world_diag(s->w, ATTACHE_DIAG_ERROR, name, "cannot write the store to disk");
        rc = ATTACHE_ERR_STORE;
        goto done;
    }
    if (triples)
        *triples = n;
done:
    if (in)
        librdf_free_stream(in);
    if (p)
        librdf_free_parser(p);
    if (base)
        librdf_free_uri(base);
    if (ctx)
        librdf_free_node(ctx);
    for (size_t i = 0; i < n; i++)
        librdf_free_statement(stmts[i]);
    free(stmts);
    free(text);
    buf_free(&iri);
    return rc;
}

attache_status attache_store_remove(attache_store *s, const char *doc, size_t *removed)
{
    if (removed)
        *removed = 0;
    if (s->readonly)
        return ATTACHE_ERR_ARG;
    char *iri = store_find_doc(s, doc);
    if (!iri)
        return ATTACHE_FAILURE;
    attache_status rc = ATTACHE_SUCCESS;
    librdf_node *ctx = librdf_new_node_from_uri_string(s->lw, (const unsigned char *)iri);
    if (!ctx) {
        rc = ATTACHE_ERR_NOMEM;
    } else {
        size_t n = drain_count(librdf_model_context_as_stream(s->model, ctx));
        if (librdf_model_context_remove_statements(s->model, ctx) != 0 ||
            librdf_model_sync(s->model) != 0) {
            world_diag(s->w, ATTACHE_DIAG_ERROR, doc, "cannot remove the document's graph");
            rc = ATTACHE_ERR_STORE;
        } else if (removed) {
            *removed = n;
        }
        librdf_free_node(ctx);
    }
    free(iri);
    return rc;
}

attache_status attache_store_count(attache_store *s, const char *doc, size_t *n)
{
    *n = 0;
    if (!doc) {
        *n = drain_count(librdf_model_as_stream(s->model));
        return ATTACHE_SUCCESS;
    }
    char *iri = store_find_doc(s, doc);
    if (!iri)
        return ATTACHE_FAILURE;
    librdf_node *ctx = librdf_new_node_from_uri_string(s->lw, (const unsigned char *)iri);
    free(iri);
    if (!ctx)
        return ATTACHE_ERR_NOMEM;
    *n = drain_count(librdf_model_context_as_stream(s->model, ctx));
    librdf_free_node(ctx);
    return ATTACHE_SUCCESS;
}

attache_status attache_store_documents(attache_store *s,
                                       void (*fn)(void *ctx, const char *iri), void *ctx,
                                       size_t *n)
{
    size_t k = 0;
    librdf_iterator *it = librdf_model_get_contexts(s->model);
    if (!it) {
        if (n)
            *n = 0;
        return ATTACHE_ERR_STORE;
    }
    for (; !librdf_iterator_end(it); librdf_iterator_next(it)) {
        librdf_node *node = librdf_iterator_get_object(it);
        if (!node || !librdf_node_is_resource(node))
            continue;
        k++;
        if (fn)
            fn(ctx, (const char *)librdf_uri_as_string(librdf_node_get_uri(node)));
    }
    librdf_free_iterator(it);
    if (n)
        *n = k;
    return ATTACHE_SUCCESS;
}

/* --------------------------------------------------------------- export */

/* Every quad, graph by graph, through raptor's streaming N-Quads writer. */
static attache_status export_nquads(attache_store *s, FILE *fp, size_t *count)
{
    raptor_world *rw = librdf_world_get_raptor(s->lw);
    raptor_serializer *ser = raptor_new_serializer(rw, "nquads");
    if (!ser || raptor_serializer_start_to_file_handle(ser, NULL, fp)) {
        if (ser)
            raptor_free_serializer(ser);
        return ATTACHE_ERR_RDF;
    }
    attache_status rc = ATTACHE_SUCCESS;
    librdf_iterator *it = librdf_model_get_contexts(s->model);
    if (!it)
        rc = ATTACHE_ERR_STORE;
    for (; rc == ATTACHE_SUCCESS && !librdf_iterator_end(it); librdf_iterator_next(it)) {
        librdf_node *g = librdf_iterator_get_object(it);
        if (!g)
            continue;
        librdf_stream *st = librdf_model_context_as_stream(s->model, g);
        for (; st && !librdf_stream_end(st); librdf_stream_next(st)) {
            librdf_statement *t = librdf_stream_get_object(st);
            if (!t)
                continue;
            /* librdf statements are raptor statements (Redland on raptor2) */
            raptor_statement q;
            raptor_statement_init(&q, rw);
            q.subject = t->subject;
            q.predicate = t->predicate;
            q.object = t->object;
            q.graph = g;
            if (raptor_serializer_serialize_statement(ser, &q)) {
                rc = ATTACHE_ERR_IO;
                break;
            }
            (*count)++;
        }
        if (st)
            librdf_free_stream(st);
    }
    if (it)
        librdf_free_iterator(it);
    if (raptor_serializer_serialize_end(ser) && rc == ATTACHE_SUCCESS)
        rc = ATTACHE_ERR_IO;
    raptor_free_serializer(ser);
    return rc;
}

/* The merged graph: every triple once, however many documents state it.
 * Indexed in memory (hashes on memory), so a triple already there is not
 * added again. The caller frees the model and its storage. */
static librdf_model *merged_model(attache_store *s, size_t *count)
{
    librdf_storage *mem =
        librdf_new_storage(s->lw, "hashes", "merged", "hash-type='memory',contexts='no'");
    librdf_model *m = mem ? librdf_new_model(s->lw, mem, NULL) : NULL;
    if (!m) {
        if (mem)
            librdf_free_storage(mem);
        return NULL;
    }
    size_t n = 0;
    librdf_stream *st = librdf_model_as_stream(s->model);
    for (; st && !librdf_stream_end(st); librdf_stream_next(st)) {
        librdf_statement *t = librdf_stream_get_object(st);
        if (!t || librdf_model_contains_statement(m, t))
            continue;
        if (librdf_model_add_statement(m, t) == 0)
            n++;
    }
    if (st)
        librdf_free_stream(st);
    if (count)
        *count = n;
    return m;
}

static void free_model(librdf_model *m)
{
    librdf_storage *sto = librdf_model_get_storage(m);
    librdf_free_model(m);
    if (sto)
        librdf_free_storage(sto);
}

static const struct {
    const char *prefix, *ns;
} PREFIXES[] = {
    {"att", ATTACHE_NS},
    {"schema", "http://schema.org/"},
    {"org", "http://www.w3.org/ns/org#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"time", "http://www.w3.org/2006/time#"},
    {"sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"},
    {"nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"},
    {"gn", "http://www.geonames.org/ontology#"},
    {"wd", "http://www.wikidata.org/entity/"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
};

static attache_status export_turtle(attache_store *s, FILE *fp, size_t *count)
{
    librdf_model *m = merged_model(s, count);
    if (!m)
        return ATTACHE_ERR_NOMEM;
    attache_status rc = ATTACHE_SUCCESS;
    /* NULL base: raptor 2.0.15 makes every IRI relative to any base given */
    librdf_serializer *ser = librdf_new_serializer(s->lw, "turtle", NULL, NULL);
    if (!ser) {
        rc = ATTACHE_ERR_RDF;
    } else {
        for (size_t i = 0; i < sizeof PREFIXES / sizeof PREFIXES[0]; i++) {
            librdf_uri *u = librdf_new_uri(s->lw, (const unsigned char *)PREFIXES[i].ns);
            if (u) {
                librdf_serializer_set_namespace(ser, u, PREFIXES[i].prefix);
                librdf_free_uri(u);
            }
        }
        if (librdf_serializer_serialize_model_to_file_handle(ser, fp, NULL, m) != 0)
            rc = ATTACHE_ERR_IO;
        librdf_free_serializer(ser);
    }
    free_model(m);
    return rc;
}

attache_status attache_store_export(attache_store *s, const char *syntax, FILE *fp,
                                    size_t *triples)
{
    size_t n = 0;
    attache_status rc;
    if (triples)
        *triples = 0;
    if (strcmp(syntax, "nquads") == 0)
        rc = export_nquads(s, fp, &n);
    else if (strcmp(syntax, "turtle") == 0)
        rc = export_turtle(s, fp, &n);
    else
        return ATTACHE_ERR_ARG;
    if (rc == ATTACHE_SUCCESS && (fflush(fp) != 0 || ferror(fp)))
        rc = ATTACHE_ERR_IO;
    if (triples)
        *triples = n;
    return rc;
}

/* ---------------------------------------------------------------- query */

attache_status attache_store_query(attache_store *s, const char *query,
                                   attache_results_format fmt, FILE *fp, size_t *rows)
{
    if (rows)
        *rows = 0;
    librdf_model *m = merged_model(s, NULL);
    if (!m)
        return ATTACHE_ERR_NOMEM;
    attache_status rc = query_model(s->w, s->lw, m, query, fmt, fp, rows);
    free_model(m);
    return rc;
}
