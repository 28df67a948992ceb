/* cli.h - what the command-line modules share (src/main.c, src/cli_*.c).
 * Not part of the library. */
#ifndef ATTACHE_CLI_H
#define ATTACHE_CLI_H

#include <stddef.h>

#include "attache/attache.h"

typedef struct {
    const char *output, *format, *base, *date, *data_dir, *query, *db;
    int format_given, jsonl, quiet, verbose, help, version;
    int raptor_writer; /* --writer raptor: raptor2's serializers for every syntax */
    attache_results_format results;
    char **inputs; /* borrowed from argv */
    size_t n_inputs;
} cli_opts;

/* Exit statuses of the command line. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* The diagnostic sink of the command line: "attache: WHERE: level: MSG" on
 * standard error; ctx is the cli_opts (quiet/verbose), may be NULL. */
void cli_diag(void *ctx, attache_level level, const char *where, const char *msg);

/* Call fn for path, or for every regular file below it (sorted, dot files
 * skipped) when it is a directory. Returns nonzero when anything failed. */
int cli_each_input(const char *path, int (*fn)(void *ctx, const char *file), void *ctx,
                   int depth);

/* JSON Lines input (cli_jsonl.c): read each line of file ("-" = stdin) as a
 * document {id, date, text, url?, source?} and call fn for it; counts read
 * and failed lines. Returns nonzero when anything failed. */
int cli_jsonl_each(attache_world *w, const cli_opts *o, const char *file, size_t *read,
                   size_t *failed, int (*fn)(void *ctx, attache_doc *d), void *ctx);

/* The store commands (cli_store.c). Each returns an exit status. */
int cli_load(cli_opts *o);
int cli_export(cli_opts *o);
int cli_remove(cli_opts *o);
attache_status cli_store_query(attache_world *w, const cli_opts *o, const char *query,
                               size_t *rows);

#endif
