/* rdf_write.h - the writer (attache_writer_*) is declared in the public
 * header; this module has no further internal interface. The vocabulary
 * it writes is documented in ontology/attache.ttl and DEVELOPERS.md. */
#ifndef ATTACHE_RDF_WRITE_H
#define ATTACHE_RDF_WRITE_H
#include "attache/attache.h"
#endif
