/* meetings.c - meeting – participants – place – date. */
#include "extract.h"

attache_status meetings_extract(const attache_world *w, attache_doc *d)
{
    (void)w;
    (void)d;
    return ATTACHE_SUCCESS;
}
