/* cli_store.c - the store commands: load, export, remove, query --db.
 * (Being built: see issue "A knowledge graph that lives".) */
#include <stdio.h>

#include "cli.h"

int cli_load(cli_opts *o)
{
    (void)o;
    fprintf(stderr, "attache: load: the store is not built yet\n");
    return 2;
}

int cli_export(cli_opts *o)
{
    (void)o;
    fprintf(stderr, "attache: export: the store is not built yet\n");
    return 2;
}

int cli_remove(cli_opts *o)
{
    (void)o;
    fprintf(stderr, "attache: remove: the store is not built yet\n");
    return 2;
}

attache_status cli_store_query(attache_world *w, const cli_opts *o, const char *query,
                               size_t *rows)
{
    (void)w;
    (void)o;
    (void)query;
    (void)rows;
    return ATTACHE_ERR_STORE;
}
