/* cli_jsonl.c - JSON Lines input. (Being built: see issue "Fast at one
 * machine, and past one machine".) */
#include <stdio.h>

#include "cli.h"

int cli_jsonl_each(attache_world *w, const cli_opts *o, const char *file, size_t *read,
                   size_t *failed, int (*fn)(void *ctx, attache_doc *d), void *ctx)
{
    (void)w;
    (void)o;
    (void)fn;
    (void)ctx;
    *read = 0;
    *failed = 1;
    fprintf(stderr, "attache: %s: error: --jsonl is not built yet\n", file);
    return 1;
}
