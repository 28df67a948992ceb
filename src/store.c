/* store.c - the embedded, persistent store: one named graph per document in
 * Redland's `hashes` storage on Berkeley DB (see store.h for the layout).
 *
 * There is one way facts become RDF: a document is serialised to N-Quads in
 * memory by the same writer `attache extract` uses (rdf_write.c), and the
 * quads are parsed back with librdf's N-Quads parser into the store.
 *
 * Crashes. Berkeley DB without an environment (all librdf offers) has no
 * log: a process killed while it writes leaves files that may not open
 * again. So the indexes are a cache of a journal: every document's N-Quads
 * are also written to docs/HASH.nq (a temporary file renamed into place, the
 * commit point of that document) before the indexes change, and a writer
 * marks the store dirty (attache.dirty) from open to its last sync. Opening
 * a dirty store rebuilds the indexes from the journal: the store is usable
 * after any interruption and holds exactly the documents whose journal file
 * went in. */
#include "store.h"

#include <dirent.h>
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
    int broken; /* the indexes may differ from the journal: keep the dirty mark */
};

librdf_world *store_librdf_world(attache_store *s) { return s->lw; }
librdf_model *store_model(attache_store *s) { return s->model; }

/* dir/name (name may be NULL: dir) into b; 0 on out of memory. */
static int path_of(att_buf *b, const char *dir, const char *sub, const char *name)
{
    b->len = 0;
    buf_adds(b, dir);
    if (sub)
        buf_printf(b, "/%s", sub);
    if (name)
        buf_printf(b, "/%s", name);
    return buf_cstr(b) != NULL;
}

static int file_exists(const char *dir, const char *sub, const char *name, int want_dir)
{
    att_buf p;
    buf_init(&p);
    struct stat st;
    int ok = path_of(&p, dir, sub, name) && stat(buf_cstr(&p), &st) == 0 &&
             (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
    buf_free(&p);
    return ok;
}

/* Quote a value for a librdf option string: single quotes can not be
 * escaped there, so a directory holding one is refused. */
static int option_safe(const char *s) { return strchr(s, '\'') == NULL; }

/* Write len bytes to dir/name durably: a temporary file, fsync, rename. */
static int write_durably(const char *dir, const char *name, const char *text, size_t len)
{
    att_buf tmp, dst;
    buf_init(&tmp);
    buf_init(&dst);
    int ok = 0;
    if (!path_of(&dst, dir, NULL, name) || !buf_printf(&tmp, "%s.tmp", buf_cstr(&dst)))
        goto done;
    int fd = open(buf_cstr(&tmp), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0)
        goto done;
    size_t off = 0;
    while (off < len) {
        ssize_t k = write(fd, text + off, len - off);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        off += (size_t)k;
    }
    ok = off == len && fsync(fd) == 0;
    if (close(fd) != 0)
        ok = 0;
    if (ok)
        ok = rename(buf_cstr(&tmp), buf_cstr(&dst)) == 0;
    if (!ok)
        unlink(buf_cstr(&tmp));
done:
    buf_free(&tmp);
    buf_free(&dst);
    return ok;
}

/* The journal file name of a document IRI: 16 hex digits and .nq. */
static void journal_name(const char *iri, char out[24])
{
    att_hex(att_hash64(iri, strlen(iri), 0), 16, out);
    memcpy(out + 16, ".nq", 4);
}

/* Open the librdf storage in s->dir; fresh: make empty indexes. */
static attache_status open_indexes(attache_store *s, int fresh, int readonly)
{
    att_buf opt;
    buf_init(&opt);
    buf_printf(&opt, "hash-type='bdb',dir='%s',contexts='yes'%s%s", s->dir,
               fresh ? ",new='yes'" : "", readonly ? ",write='no'" : "");
    s->sto = buf_cstr(&opt) ? librdf_new_storage(s->lw, "hashes", STORE_NAME, buf_cstr(&opt))
                            : NULL;
    buf_free(&opt);
    s->model = s->sto ? librdf_new_model(s->lw, s->sto, NULL) : NULL;
    if (!s->model) {
        world_diag(s->w, ATTACHE_DIAG_ERROR, s->dir, "cannot open the store's indexes");
        return ATTACHE_ERR_STORE;
    }
    return ATTACHE_SUCCESS;
}

static void close_indexes(attache_store *s)
{
    if (s->model)
        librdf_free_model(s->model);
    if (s->sto)
        librdf_free_storage(s->sto);
    s->model = NULL;
    s->sto = NULL;
}

static char *slurp_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *text = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&text, &n);
    char chunk[65536];
    size_t k;
    while (mem && (k = fread(chunk, 1, sizeof chunk, fp)) > 0)
        fwrite(chunk, 1, k, mem);
    int bad = ferror(fp);
    fclose(fp);
    if (!mem || fclose(mem) != 0 || bad) {
        free(text);
        return NULL;
    }
    *len = n;
    return text;
}

/* Add N-Quads text (every quad in graph iri) to the model. */
static attache_status add_graph(attache_store *s, const char *iri, const char *text, size_t len,
                                size_t *count)
{
    librdf_node *ctx = librdf_new_node_from_uri_string(s->lw, (const unsigned char *)iri);
    librdf_uri *base = librdf_new_uri(s->lw, (const unsigned char *)iri);
    librdf_parser *p = librdf_new_parser(s->lw, "nquads", NULL, NULL);
    librdf_stream *in = (ctx && base && p) ? librdf_parser_parse_counted_string_as_stream(
                                                 p, (const unsigned char *)text, len, base)
                                           : NULL;
    attache_status rc = in ? ATTACHE_SUCCESS : ATTACHE_ERR_RDF;
    size_t n = 0;
    for (; in && !librdf_stream_end(in); librdf_stream_next(in)) {
        librdf_statement *st = librdf_stream_get_object(in);
        if (st && librdf_model_context_add_statement(s->model, ctx, st) != 0) {
            rc = ATTACHE_ERR_STORE;
            break;
        }
        n++;
    }
    if (in)
        librdf_free_stream(in);
    if (p)
        librdf_free_parser(p);
    if (base)
        librdf_free_uri(base);
    if (ctx)
        librdf_free_node(ctx);
    if (count)
        *count = n;
    return rc;
}

/* Make the indexes again from the journal (after a writer died). */
static attache_status rebuild(attache_store *s)
{
    static const char *const parts[] = {"sp2o", "po2s", "so2p", "contexts"};
    att_buf p;
    buf_init(&p);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        buf_printf(&p, "%s/%s-%s.db", s->dir, STORE_NAME, parts[i]);
        if (buf_cstr(&p))
            unlink(buf_cstr(&p));
        p.len = 0;
    }
    attache_status rc = open_indexes(s, 1, 0);
    size_t docs = 0;
    DIR *d = NULL;
    if (rc == ATTACHE_SUCCESS && path_of(&p, s->dir, STORE_DOCS, NULL))
        d = opendir(buf_cstr(&p));
    if (rc == ATTACHE_SUCCESS && !d)
        rc = ATTACHE_ERR_STORE;
    struct dirent *de;
    while (rc == ATTACHE_SUCCESS && d && (de = readdir(d)) != NULL) {
        size_t nl = strlen(de->d_name);
        if (nl < 4 || strcmp(de->d_name + nl - 3, ".nq") != 0)
            continue; /* also skips *.nq.tmp left by a crash */
        size_t len = 0;
        char *text = path_of(&p, s->dir, STORE_DOCS, de->d_name)
                         ? slurp_file(buf_cstr(&p), &len)
                         : NULL;
        /* the first line names the graph: "# graph <IRI>" */
        char *lt = text ? strchr(text, '<') : NULL;
        char *gt = lt ? strchr(lt, '>') : NULL;
        if (!text || strncmp(text, "# graph <", 9) != 0 || !gt) {
            world_diag(s->w, ATTACHE_DIAG_WARNING, buf_cstr(&p),
                       "not a journal file of this store; skipped");
            free(text);
            continue;
        }
        *gt = '\0';
        rc = add_graph(s, lt + 1, gt + 1, len - (size_t)(gt + 1 - text), NULL);
        free(text);
        docs++;
    }
    if (d)
        closedir(d);
    if (rc == ATTACHE_SUCCESS && librdf_model_sync(s->model) != 0)
        rc = ATTACHE_ERR_STORE;
    if (rc == ATTACHE_SUCCESS)
        world_diag(s->w, ATTACHE_DIAG_WARNING, s->dir,
                   "the last change to the store did not finish; its indexes were rebuilt "
                   "from the %zu documents it holds",
                   docs);
    else
        world_diag(s->w, ATTACHE_DIAG_ERROR, s->dir, "the store could not be rebuilt");
    buf_free(&p);
    return rc;
}

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
    int exists = file_exists(dir, STORE_DOCS, NULL, 1);
    if (!exists && !create) {
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
    att_buf path;
    buf_init(&path);
    if (!s->dir || !path_of(&path, dir, NULL, STORE_LOCK)) {
        rc = ATTACHE_ERR_NOMEM;
        goto done;
    }
    /* Berkeley DB without an environment has no locking of its own: one
     * writer or many readers, never both, enforced here. */
    s->lock_fd = open(buf_cstr(&path), O_RDWR | O_CREAT, 0666);
    if (s->lock_fd < 0 && readonly)
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
    if (!exists) {
        if (!path_of(&path, dir, STORE_DOCS, NULL) || mkdir(buf_cstr(&path), 0777) != 0) {
            world_diag(w, ATTACHE_DIAG_ERROR, dir, "cannot make a store here: %s",
                       strerror(errno));
            rc = ATTACHE_ERR_STORE;
            goto done;
        }
    }
    int dirty = file_exists(dir, NULL, STORE_DIRTY, 0) ||
                !file_exists(dir, NULL, STORE_NAME "-contexts.db", 0);
    if (dirty) {
        /* a reader repairs too: it takes the writer's lock for the while */
        if (readonly && flock(s->lock_fd, LOCK_EX | LOCK_NB) != 0) {
            world_diag(w, ATTACHE_DIAG_ERROR, dir, "the store is in use by another process");
            rc = ATTACHE_ERR_STORE;
            goto done;
        }
        rc = rebuild(s);
        close_indexes(s);
        if (rc == ATTACHE_SUCCESS && path_of(&path, dir, NULL, STORE_DIRTY))
            unlink(buf_cstr(&path));
        if (readonly)
            flock(s->lock_fd, LOCK_SH);
        if (rc != ATTACHE_SUCCESS)
            goto done;
    }
    if (!readonly) {
        /* dirty from now until the last sync in attache_store_close */
        if (!write_durably(dir, STORE_DIRTY, "", 0)) {
            world_diag(w, ATTACHE_DIAG_ERROR, dir, "cannot write in the store: %s",
                       strerror(errno));
            rc = ATTACHE_ERR_STORE;
            goto done;
        }
    }
    rc = open_indexes(s, 0, readonly);
done:
    buf_free(&path);
    if (rc != ATTACHE_SUCCESS) {
        s->readonly = 1; /* leave a dirty mark where it is */
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
    close_indexes(s); /* closes the Berkeley DB files */
    if (!s->readonly && !s->broken && rc == ATTACHE_SUCCESS && s->dir) {
        att_buf p;
        buf_init(&p);
        if (path_of(&p, s->dir, NULL, STORE_DIRTY))
            unlink(buf_cstr(&p));
        buf_free(&p);
    }
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
    att_buf iri, journal, dir;
    buf_init(&iri);
    buf_init(&journal);
    buf_init(&dir);
    char *text = NULL;
    size_t len = 0;
    librdf_node *ctx = NULL;
    attache_status rc = ATTACHE_SUCCESS;

    if (!iri_doc(&iri, attache_world_base(s->w), name) || !buf_cstr(&iri) ||
        !path_of(&dir, s->dir, STORE_DOCS, NULL)) {
        rc = ATTACHE_ERR_NOMEM;
        goto done;
    }
    rc = doc_nquads(s, d, &text, &len);
    if (rc != ATTACHE_SUCCESS)
        goto done;
    /* the journal file is the commit point of the document */
    char file[24];
    journal_name(buf_cstr(&iri), file);
    buf_printf(&journal, "# graph <%s>\n", buf_cstr(&iri));
    buf_add(&journal, text, len);
    if (!buf_cstr(&journal)) {
        rc = ATTACHE_ERR_NOMEM;
        goto done;
    }
    if (!write_durably(buf_cstr(&dir), file, buf_cstr(&journal), journal.len)) {
        world_diag(s->w, ATTACHE_DIAG_ERROR, name, "cannot write to the store: %s",
                   strerror(errno));
        rc = ATTACHE_ERR_STORE;
        goto done;
    }
    /* replace: the document's graph goes, its new graph comes in */
    ctx = librdf_new_node_from_uri_string(s->lw, (const unsigned char *)buf_cstr(&iri));
    if (!ctx) {
        rc = ATTACHE_ERR_NOMEM;
    } else if (librdf_model_contains_context(s->model, ctx) &&
               librdf_model_context_remove_statements(s->model, ctx) != 0) {
        rc = ATTACHE_ERR_STORE;
    } else {
        rc = add_graph(s, buf_cstr(&iri), text, len, triples);
    }
    if (rc != ATTACHE_SUCCESS) {
        /* the journal has the document; the indexes are made again from it
         * at the next open (the dirty mark stays) */
        s->broken = 1;
        world_diag(s->w, ATTACHE_DIAG_ERROR, name, "the store's indexes could not be updated");
    }
done:
    if (ctx)
        librdf_free_node(ctx);
    free(text);
    buf_free(&iri);
    buf_free(&journal);
    buf_free(&dir);
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
    char file[24];
    journal_name(iri, file);
    att_buf p;
    buf_init(&p);
    librdf_node *ctx = librdf_new_node_from_uri_string(s->lw, (const unsigned char *)iri);
    if (!ctx || !path_of(&p, s->dir, STORE_DOCS, file)) {
        rc = ATTACHE_ERR_NOMEM;
    } else if (unlink(buf_cstr(&p)) != 0 && errno != ENOENT) {
        world_diag(s->w, ATTACHE_DIAG_ERROR, doc, "cannot remove: %s", strerror(errno));
        rc = ATTACHE_ERR_STORE;
    } else {
        size_t n = drain_count(librdf_model_context_as_stream(s->model, ctx));
        if (librdf_model_context_remove_statements(s->model, ctx) != 0) {
            world_diag(s->w, ATTACHE_DIAG_ERROR, doc, "cannot remove the document's graph");
            s->broken = 1;
            rc = ATTACHE_ERR_STORE;
        } else if (removed) {
            *removed = n;
        }
    }
    if (ctx)
        librdf_free_node(ctx);
    buf_free(&p);
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
