/* cli_store.c - the store commands: load, export, remove, and query --db.
 * Options in, library calls, exit codes out (0 all good, 1 some input or
 * output failed, 2 usage), like the rest of the CLI in main.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"


static const char *prog = "attache";



/* The world and the open store of a store command; 0 and a message on failure. */
static int open_both(cli_opts *o, const char *cmd, int flags, attache_world **w,
                     attache_store **s, int *exit_code)
{
    *w = NULL;
    *s = NULL;
    if (!o->db) {
        fprintf(stderr, "%s: %s: --db DIR is required\n", prog, cmd);
        *exit_code = EXIT_USAGE;
        return 0;
    }
    if (attache_world_new(o->data_dir, cli_diag, o, w) != ATTACHE_SUCCESS) {
        *exit_code = EXIT_INPUT;
        return 0;
    }
    if (o->base && attache_world_set_base(*w, o->base) != ATTACHE_SUCCESS) {
        fprintf(stderr, "%s: --base '%s' is not an absolute IRI ending in / or #\n", prog,
                o->base);
        attache_world_free(*w);
        *w = NULL;
        *exit_code = EXIT_USAGE;
        return 0;
    }
    attache_status st = attache_store_open(*w, o->db, flags, s);
    if (st != ATTACHE_SUCCESS) {
        fprintf(stderr, "%s: %s: error: %s\n", prog, o->db, attache_strerror(st));
        attache_world_free(*w);
        *w = NULL;
        *exit_code = st == ATTACHE_ERR_ARG ? EXIT_USAGE : EXIT_INPUT;
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ load */

typedef struct {
    const cli_opts *o;
    attache_world *w;
    attache_store *s;
    size_t read, loaded, failed, triples;
} load_run;

static int load_doc(void *ctx, attache_doc *d)
{
    load_run *r = ctx;
    size_t n = 0;
    attache_status st = attache_extract(r->w, d);
    if (st == ATTACHE_SUCCESS)
        st = attache_store_load(r->s, d, &n);
    if (st != ATTACHE_SUCCESS) {
        fprintf(stderr, "%s: %s: error: not loaded: %s\n", prog, attache_doc_id(d),
                attache_strerror(st));
        r->failed++;
        return 1;
    }
    /* one line per document that went in: after an interruption this says
     * which ones are in the store */
    if (!r->o->quiet)
        fprintf(stderr, "%s: %s: loaded, %zu triples\n", prog, attache_doc_id(d), n);
    r->loaded++;
    r->triples += n;
    return 0;
}

static int load_file(void *ctx, const char *file)
{
    load_run *r = ctx;
    if (r->o->jsonl) {
        size_t rd = 0, fl = 0;
        int rc = cli_jsonl_each(r->w, r->o, file, &rd, &fl, load_doc, r);
        /* fl counts the lines that were no document; load_doc counts its own */
        r->read += rd;
        r->failed += fl;
        return rc;
    }
    attache_doc_options opts = {0};
    opts.default_date = r->o->date;
    attache_doc *d = NULL;
    r->read++;
    if (attache_doc_read_file(r->w, file, &opts, &d) != ATTACHE_SUCCESS) {
        fprintf(stderr, "%s: %s: error: not loaded\n", prog, file);
        r->failed++;
        return 1;
    }
    int rc = load_doc(r, d);
    attache_doc_free(d);
    return rc;
}

int cli_load(cli_opts *o)
{
    attache_world *w = NULL;
    attache_store *s = NULL;
    int code = EXIT_OK;
    if (!open_both(o, "load", ATTACHE_STORE_CREATE, &w, &s, &code))
        return code;
    load_run r = {0};
    r.o = o;
    r.w = w;
    r.s = s;
    int failed = 0;
    if (o->n_inputs == 0)
        failed |= load_file(&r, "-");
    for (size_t i = 0; i < o->n_inputs; i++)
        failed |= cli_each_input(o->inputs[i], load_file, &r, 0);
    size_t docs = 0, total = 0;
    attache_store_documents(s, NULL, NULL, &docs);
    attache_store_count(s, NULL, &total);
    if (attache_store_close(s) != ATTACHE_SUCCESS) {
        fprintf(stderr, "%s: %s: error: the store could not be synced to disk\n", prog, o->db);
        failed = 1;
    }
    if (!o->quiet)
        fprintf(stderr,
                "%s: %s: %zu documents loaded (%zu triples), %zu failed; the store holds %zu "
                "documents, %zu triples\n",
                prog, o->db, r.loaded, r.triples, r.failed, docs, total);
    attache_world_free(w);
    return (failed || r.failed) ? EXIT_INPUT : EXIT_OK;
}

/* ---------------------------------------------------------------- export */

int cli_export(cli_opts *o)
{
    const char *syntax = o->format_given ? o->format : "nquads";
    if (strcmp(syntax, "nquads") != 0 && strcmp(syntax, "turtle") != 0) {
        fprintf(stderr, "%s: export: unknown -f '%s' (nquads, turtle)\n", prog, syntax);
        return EXIT_USAGE;
    }
    if (o->n_inputs > 0) {
        fprintf(stderr, "%s: export: unexpected argument '%s'\n", prog, o->inputs[0]);
        return EXIT_USAGE;
    }
    attache_world *w = NULL;
    attache_store *s = NULL;
    int code = EXIT_OK;
    if (!open_both(o, "export", ATTACHE_STORE_READONLY, &w, &s, &code))
        return code;
    FILE *fp = stdout;
    if (o->output && strcmp(o->output, "-") != 0) {
        fp = fopen(o->output, "wb");
        if (!fp) {
            fprintf(stderr, "%s: %s: error: cannot write: %s\n", prog, o->output,
                    strerror(errno));
            attache_store_close(s);
            attache_world_free(w);
            return EXIT_INPUT;
        }
    }
    size_t n = 0;
    attache_status st = attache_store_export(s, syntax, fp, &n);
    if (fp != stdout && fclose(fp) != 0 && st == ATTACHE_SUCCESS)
        st = ATTACHE_ERR_IO;
    if (st != ATTACHE_SUCCESS)
        fprintf(stderr, "%s: %s: error: export failed: %s\n", prog,
                o->output ? o->output : "standard output", attache_strerror(st));
    else if (!o->quiet)
        fprintf(stderr, "%s: %s: %zu triples exported\n", prog, o->db, n);
    attache_store_close(s);
    attache_world_free(w);
    return st == ATTACHE_SUCCESS ? EXIT_OK : EXIT_INPUT;
}

/* ---------------------------------------------------------------- remove */

int cli_remove(cli_opts *o)
{
    if (o->n_inputs == 0) {
        fprintf(stderr, "%s: remove: name the documents to remove (name or IRI)\n", prog);
        return EXIT_USAGE;
    }
    attache_world *w = NULL;
    attache_store *s = NULL;
    int code = EXIT_OK;
    if (!open_both(o, "remove", 0, &w, &s, &code))
        return code;
    int failed = 0;
    for (size_t i = 0; i < o->n_inputs; i++) {
        size_t n = 0;
        attache_status st = attache_store_remove(s, o->inputs[i], &n);
        if (st == ATTACHE_SUCCESS) {
            if (!o->quiet)
                fprintf(stderr, "%s: %s: removed, %zu triples\n", prog, o->inputs[i], n);
        } else {
            fprintf(stderr, "%s: %s: error: %s\n", prog, o->inputs[i],
                    st == ATTACHE_FAILURE ? "no such document in the store"
                                          : attache_strerror(st));
            failed = 1;
        }
    }
    if (attache_store_close(s) != ATTACHE_SUCCESS)
        failed = 1;
    attache_world_free(w);
    return failed ? EXIT_INPUT : EXIT_OK;
}

/* ----------------------------------------------------------------- query */

attache_status cli_store_query(attache_world *w, const cli_opts *o, const char *query,
                               size_t *rows)
{
    attache_store *s = NULL;
    attache_status st = attache_store_open(w, o->db, ATTACHE_STORE_READONLY, &s);
    if (st != ATTACHE_SUCCESS)
        return st;
    st = attache_store_query(s, query, o->results, stdout, rows);
    attache_status st2 = attache_store_close(s);
    return st != ATTACHE_SUCCESS ? st : st2;
}
