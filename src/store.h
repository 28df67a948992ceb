/* store.h - the embedded store's internals (attache_store_* is declared in
 * the public header). For tests and the query module: the librdf objects
 * behind a store, borrowed.
 *
 * Layout: Redland's `hashes` storage on Berkeley DB with contexts on, named
 * STORE_NAME in the store directory, so the directory holds
 * attache-{sp2o,po2s,so2p,contexts}.db (the indexes), docs/HASH.nq (the
 * journal: each document's N-Quads, HASH from its IRI, first line
 * "# graph <IRI>"), attache.lock and, while a writer has it open or after a
 * writer died, attache.dirty (the indexes are rebuilt from the journal). Each
 * document is one named graph whose name is the document IRI
 * (BASE doc/NAME); a triple several documents state is kept once per
 * document graph, so a document's graph can be replaced or removed without
 * touching what the others say. */
#ifndef ATTACHE_STORE_H
#define ATTACHE_STORE_H

#include <redland.h>

#include "attache/attache.h"

#define STORE_NAME "attache"
#define STORE_LOCK "attache.lock"
#define STORE_DIRTY "attache.dirty"
#define STORE_DOCS "docs"

/* The librdf world and model of an open store; borrowed, valid until
 * attache_store_close. */
librdf_world *store_librdf_world(attache_store *s);
librdf_model *store_model(attache_store *s);

/* The graph IRI of document doc (a name or a full IRI) in the store, as a
 * string the caller frees; NULL when the store has no such document. A
 * name matches BASE doc/NAME for the world's base first, then any graph
 * whose IRI ends in doc/NAME (a store loaded with another --base). */
char *store_find_doc(attache_store *s, const char *doc);

#endif
