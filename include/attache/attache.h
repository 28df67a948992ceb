/* attache.h - turn diplomatic readouts into an RDF knowledge graph.
 *
 * The public API of libattache. A program makes one attache_world (reference
 * data and compiled patterns, read-only once made, shareable across threads),
 * reads documents into attache_doc values, extracts their facts and writes
 * them through an attache_writer (raptor2) or into a store.
 *
 *   attache_world *w = NULL;
 *   attache_world_new(NULL, diag, ctx, &w);          // data from the default dir
 *   attache_writer *out = NULL;
 *   attache_writer_new(w, "turtle", stdout, NULL, &out);
 *   attache_doc *d = NULL;
 *   if (attache_doc_read_file(w, "readout.txt", NULL, &d) == ATTACHE_SUCCESS) {
 *       attache_extract(w, d);
 *       attache_writer_write(out, d);
 *   }
 *   attache_doc_free(d);
 *   attache_writer_free(out);
 *   attache_world_free(w);
 *
 * Conventions: functions return attache_status; a function that makes an
 * object writes it to an out parameter and the caller owns it; every
 * attache_X_free(NULL) is a no-op. The library never prints and never exits:
 * problems go to the diagnostic callback given to attache_world_new().
 */
#ifndef ATTACHE_H
#define ATTACHE_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ATTACHE_VERSION "0.1.0"

/* Default base for minted IRIs (--base changes it). */
#define ATTACHE_DEFAULT_BASE "https://w3id.org/attache/id/"
/* The project vocabulary namespace (fixed). */
#define ATTACHE_NS "https://w3id.org/attache/ns#"

typedef enum {
    ATTACHE_SUCCESS = 0,   /* done */
    ATTACHE_FAILURE,       /* non-fatal: nothing to do / not found */
    ATTACHE_ERR_NOMEM,     /* out of memory */
    ATTACHE_ERR_IO,        /* a file could not be read or written */
    ATTACHE_ERR_DATA,      /* reference data missing or malformed */
    ATTACHE_ERR_PATTERN,   /* a pattern failed to compile */
    ATTACHE_ERR_INPUT,     /* a document is unusable (empty, binary, malformed date line) */
    ATTACHE_ERR_ARG,       /* bad argument (unknown syntax, bad IRI, bad date) */
    ATTACHE_ERR_RDF,       /* raptor2/librdf reported an error */
    ATTACHE_ERR_QUERY,     /* a SPARQL query failed to parse or run */
    ATTACHE_ERR_STORE      /* the store could not be opened or updated */
} attache_status;

/* A static English message for a status. Never NULL. */
const char *attache_strerror(attache_status st);

typedef enum { ATTACHE_DIAG_INFO, ATTACHE_DIAG_WARNING, ATTACHE_DIAG_ERROR } attache_level;

/* Diagnostic sink. `where` names the file or document (may be NULL), `msg`
 * the problem; both are borrowed for the duration of the call. */
typedef void (*attache_diag_fn)(void *ctx, attache_level level, const char *where,
                                const char *msg);

/* --------------------------------------------------------------- world */

typedef struct attache_world attache_world;

/* Load the reference data from data_dir (NULL: $ATTACHE_DATA, else the
 * build-time default, else ./ontology/data) and compile every pattern.
 * diag may be NULL. On success *out is owned by the caller
 * (attache_world_free). The world is read-only afterwards and may be shared
 * by threads. */
attache_status attache_world_new(const char *data_dir, attache_diag_fn diag, void *diag_ctx,
                                 attache_world **out);
void attache_world_free(attache_world *w);

/* Set the base IRI for minted IRIs (copied). Must end with '/' or '#'.
 * Call before any document is written. */
attache_status attache_world_set_base(attache_world *w, const char *base);
/* The base IRI; borrowed, valid while w lives. */
const char *attache_world_base(const attache_world *w);

/* Number of countries, offices and places loaded (for --version/benchmarks). */
void attache_world_counts(const attache_world *w, size_t *countries, size_t *offices,
                          size_t *places);

/* ------------------------------------------------------------ document */

typedef struct attache_doc attache_doc;

/* Options for reading a document; zero-initialise and set what you need. */
typedef struct {
    const char *id;           /* document name for its IRI (NULL: from the path) */
    const char *default_date; /* YYYY-MM-DD when the text has no date line (NULL: none) */
    const char *url;          /* source URL, if known */
    const char *source;       /* publisher / news service, if known */
} attache_doc_options;

/* Make a document from len bytes of text (copied; may hold NULs and invalid
 * UTF-8, which are repaired). `where` names it in diagnostics. Returns
 * ATTACHE_ERR_INPUT (and a diagnostic) for an empty or unusable text or a
 * malformed date line; *out is then NULL. The caller owns *out. */
attache_status attache_doc_read_mem(const attache_world *w, const char *where, const char *text,
                                    size_t len, const attache_doc_options *opts,
                                    attache_doc **out);
/* Same, reading a file ("-" = stdin). */
attache_status attache_doc_read_file(const attache_world *w, const char *path,
                                     const attache_doc_options *opts, attache_doc **out);
void attache_doc_free(attache_doc *d);

/* The document's name (borrowed) and reference date "YYYY-MM-DD" ("" when
 * none; borrowed). */
const char *attache_doc_id(const attache_doc *d);
const char *attache_doc_date(const attache_doc *d);
/* Number of sentences. */
size_t attache_doc_sentence_count(const attache_doc *d);

/* ---------------------------------------------------------- extraction */

/* Run every extractor over d; the facts are kept in d. */
attache_status attache_extract(const attache_world *w, attache_doc *d);

typedef struct {
    size_t roles, meetings, scheduled, people, sentences;
} attache_counts;
/* Fact counts of an extracted document. */
attache_counts attache_doc_counts(const attache_doc *d);

/* Fact access for programs that do not want RDF. Strings are borrowed from d
 * and valid until it is freed; `when`/`date` are in a buffer inside d that
 * the next call for the same document reuses. Each returns 1 when index i
 * exists, else 0. */
typedef struct {
    const char *person, *role, *title, *country; /* country: alpha-2 or NULL */
    size_t sentence;
} attache_role_view;
typedef struct {
    size_t n_participants; /* see attache_doc_meeting_participant */
    const char *place, *date, *mode, *super_event; /* NULL when unknown */
    size_t sentence;
} attache_meeting_view;
typedef struct {
    const char *label, *when, *phrase; /* when: lexical at its precision */
    size_t sentence;
} attache_scheduled_view;
int attache_doc_role(const attache_doc *d, size_t i, attache_role_view *out);
int attache_doc_meeting(const attache_doc *d, size_t i, attache_meeting_view *out);
int attache_doc_scheduled(const attache_doc *d, size_t i, attache_scheduled_view *out);
/* Name of participant k of meeting i (borrowed), NULL when out of range. */
const char *attache_doc_meeting_participant(const attache_doc *d, size_t i, size_t k);

/* -------------------------------------------------------------- writer */

typedef struct attache_writer attache_writer;

/* A writer of extracted documents in `syntax` (turtle, ntriples, nquads,
 * rdfxml, dot) to `fp` (borrowed, not closed). graph_per_doc: for nquads,
 * one named graph per document (default on for nquads). The caller owns
 * *out. Turtle/RDF-XML/dot are pretty per document: each document is
 * serialised on its own, so memory stays flat. */
attache_status attache_writer_new(const attache_world *w, const char *syntax, FILE *fp,
                                  attache_writer **out);
/* Who writes the text. Turtle, N-Triples and N-Quads are written by
 * attache's own serializer by default (ATTACHE_WRITER_NATIVE: the same
 * N-Triples bytes as raptor2's, the same Turtle graph, several times
 * faster); ATTACHE_WRITER_RAPTOR uses raptor2's serializers, as RDF/XML and
 * dot always do. Call before the first write; ATTACHE_ERR_ARG for
 * ATTACHE_WRITER_NATIVE with a syntax it does not write. */
typedef enum { ATTACHE_WRITER_NATIVE, ATTACHE_WRITER_RAPTOR } attache_writer_engine;
attache_status attache_writer_set_engine(attache_writer *wr, attache_writer_engine engine);
/* Write one extracted document. ATTACHE_ERR_IO when the stream failed. */
attache_status attache_writer_write(attache_writer *wr, const attache_doc *d);
/* Number of triples written so far. */
size_t attache_writer_triples(const attache_writer *wr);
/* Flush and free; returns ATTACHE_ERR_IO if a write failed at any point.
 * NULL is a no-op returning ATTACHE_SUCCESS. */
attache_status attache_writer_free(attache_writer *wr);

/* 1 when syntax is one the writer supports. */
int attache_syntax_supported(const char *syntax);

/* --------------------------------------------------------------- query */

typedef enum {
    ATTACHE_RESULTS_TABLE,
    ATTACHE_RESULTS_CSV,
    ATTACHE_RESULTS_TSV,
    ATTACHE_RESULTS_JSON
} attache_results_format;

/* Run SPARQL `query` over the RDF files (syntax guessed from their names:
 * .ttl .nt .nq .rdf) loaded into a fresh in-memory librdf store, and print
 * the results to fp. *rows receives the row count (may be NULL). */
attache_status attache_query_files(const attache_world *w, const char *query,
                                   const char *const *files, size_t n_files,
                                   attache_results_format fmt, FILE *fp, size_t *rows);

/* --------------------------------------------------------------- store */

/* A persistent graph on disk that documents are loaded into, replaced in and
 * removed from: Redland's `hashes` storage on Berkeley DB in a directory,
 * one named graph per document (the document IRI, BASE doc/NAME). Entities
 * several documents share (people, countries, places, posts, a meeting both
 * sides report) have one IRI, so they merge in the store; each document's
 * graph keeps its own copy of what it says about them, so replacing or
 * removing one document never takes away what the others say.
 *
 *   attache_store *s = NULL;
 *   attache_store_open(w, "kg", ATTACHE_STORE_CREATE, &s);
 *   attache_store_load(s, d, NULL);               // d extracted
 *   attache_store_query(s, sparql, ATTACHE_RESULTS_CSV, stdout, NULL);
 *   attache_store_close(s);
 *
 * One process may have a store open for writing, or any number for reading
 * (attache.lock in the directory, flock); a second writer gets
 * ATTACHE_ERR_STORE at once rather than waiting. */
typedef struct attache_store attache_store;

enum {
    ATTACHE_STORE_CREATE = 1,  /* make the directory and an empty store when missing */
    ATTACHE_STORE_READONLY = 2 /* query and export only; shares the lock with readers */
};

/* Open the store in directory dir with flags ATTACHE_STORE_*. Without
 * ATTACHE_STORE_CREATE a directory without a store is ATTACHE_ERR_STORE.
 * w is borrowed and must outlive the store (its base names documents, its
 * sink gets the diagnostics). The caller owns *out (attache_store_close). */
attache_status attache_store_open(const attache_world *w, const char *dir, int flags,
                                  attache_store **out);

/* Put extracted document d into the store as its named graph, replacing the
 * graph that document IRI had: loading a document again never duplicates
 * it. The facts become RDF through the same writer as attache_writer
 * (N-Quads in memory, parsed back), the new graph is complete before the
 * old one is removed, and the store is synced to disk before returning, so
 * after a failure the store holds every document loaded before and is
 * usable. *triples (may be NULL) gets the size of the new graph. */
attache_status attache_store_load(attache_store *s, const attache_doc *d, size_t *triples);

/* Take document doc out: its name (as given to the reader, matched under
 * the world's base first, then under any base) or its full IRI. What other
 * documents say about shared entities stays. ATTACHE_FAILURE when the store
 * has no such document. *removed (may be NULL) gets its graph's size. */
attache_status attache_store_remove(attache_store *s, const char *doc, size_t *removed);

/* Number of statements in document doc's graph, or in the whole store (every
 * graph, a triple counted once per document stating it) when doc is NULL.
 * ATTACHE_FAILURE when doc is not in the store. */
attache_status attache_store_count(attache_store *s, const char *doc, size_t *n);

/* Call fn (may be NULL) with the IRI of every document graph (borrowed for
 * the call); *n (may be NULL) gets their number. */
attache_status attache_store_documents(attache_store *s, void (*fn)(void *ctx, const char *iri),
                                       void *ctx, size_t *n);

/* Write the store to fp (borrowed, flushed, not closed): "nquads" streams
 * every document's graph as it is; "turtle" writes the merged graph (each
 * triple once, graphs dropped; held in memory while written). *triples (may
 * be NULL) gets the number written. ATTACHE_ERR_ARG for another syntax. */
attache_status attache_store_export(attache_store *s, const char *syntax, FILE *fp,
                                    size_t *triples);

/* Run SPARQL over the store's merged graph (the default graph is the union
 * of the document graphs as a set: a triple two documents state matches
 * once) and print the results as attache_query_files does. The merged
 * graph is built in memory for the query. */
attache_status attache_store_query(attache_store *s, const char *query,
                                   attache_results_format fmt, FILE *fp, size_t *rows);

/* Sync and close; ATTACHE_ERR_STORE when the final sync failed. NULL is a
 * no-op returning ATTACHE_SUCCESS. */
attache_status attache_store_close(attache_store *s);

#ifdef __cplusplus
}
#endif
#endif
