/* scheduled.c - agreement – scheduled-for. */
#include "extract.h"

attache_status scheduled_extract(const attache_world *w, attache_doc *d)
{
    (void)w;
    (void)d;
    return ATTACHE_SUCCESS;
}
