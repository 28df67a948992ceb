/* query.h - run SPARQL through librdf (rasqal) and print the results. */
#ifndef ATTACHE_QUERY_H
#define ATTACHE_QUERY_H

#include <stdio.h>

#include <redland.h>

#include "attache/attache.h"

/* A librdf world whose log messages go to w's diagnostic sink. The caller
 * owns it (librdf_free_world). NULL on failure. */
librdf_world *query_librdf_world(const attache_world *w);

/* Run `query` over model and print the results to fp in fmt. SELECT gives a
 * table, ASK true/false, CONSTRUCT/DESCRIBE Turtle. *rows (may be NULL) gets
 * the number of result rows (or triples). */
attache_status query_model(const attache_world *w, librdf_world *lw, librdf_model *model,
                           const char *query, attache_results_format fmt, FILE *fp,
                           size_t *rows);

/* Parser name for an RDF file name (by extension); "turtle" by default. */
const char *query_syntax_for(const char *path);

#endif
