/* rdf_native.h - the writer's own N-Triples, N-Quads and Turtle text.
 *
 * raptor2's serializers make a term object for every subject, predicate and
 * object, escape byte by byte through an iostream and, for Turtle, keep the
 * statements in AVL trees and search the namespaces for every term. At about
 * 240 statements a document that was most of attache's writing time (profile
 * in DEVELOPERS.md). These writers append statements to a byte buffer as
 * text instead:
 *
 *  - N-Triples and N-Quads: plain ASCII strings (nearly all of them) are
 *    copied; a string that needs escaping goes through raptor2's own escaper
 *    (raptor_string_escaped_write) with the flags raptor2's N-Triples
 *    serializer uses, so the bytes are the same as raptor2 writes (a unit
 *    test holds them to it, code point by code point).
 *  - Turtle: a document's statements are kept (strings in one arena), sorted
 *    by subject, predicate and object as raptor2's Turtle serializer sorts
 *    them, de-duplicated, and written grouped by subject and predicate with
 *    prefixed names where the local name is a plain name. Strings are UTF-8
 *    with the Turtle escapes; the graph is the same as raptor2's (tested).
 *
 * The other syntaxes (RDF/XML, dot) stay with raptor2's serializers.
 * Not thread-safe: one nat_writer per attache_writer. */
#ifndef ATTACHE_RDF_NATIVE_H
#define ATTACHE_RDF_NATIVE_H

#include <stddef.h>

#include <raptor2.h>

#include "util.h"

typedef enum { NAT_NTRIPLES, NAT_NQUADS, NAT_TURTLE } nat_syntax;

/* A namespace prefix for Turtle: both strings borrowed, alive while used. */
typedef struct {
    const char *prefix, *iri;
} nat_prefix;

typedef struct nat_writer nat_writer;

/* A writer of `syn`; rw (borrowed) provides raptor2's escaper. NULL when out
 * of memory. The caller owns the result (nat_free). */
nat_writer *nat_new(raptor_world *rw, nat_syntax syn);
void nat_free(nat_writer *nw);

/* Start a document. out (borrowed until nat_end) receives the text; graph
 * (borrowed, may be NULL) names the N-Quads graph; px[0..npx) (borrowed) are
 * the Turtle prefixes, written at the top of the document. */
void nat_begin(nat_writer *nw, att_buf *out, const char *graph, const nat_prefix *px,
               size_t npx);

/* One statement: subject s and predicate p are IRIs; the object is the IRI
 * o, or the literal v with datatype IRI dt or language tag lang (both may be
 * NULL). p and dt are vocabulary IRIs: strings that live as long as the
 * writer and do not change (string constants), since their text is kept by
 * address. The other strings are borrowed for the call only; literals must
 * be valid UTF-8 without NUL (the extractors' text is cleaned). 0 when out
 * of memory. */
int nat_iri(nat_writer *nw, const char *s, const char *p, const char *o);
int nat_lit(nat_writer *nw, const char *s, const char *p, const char *v, const char *dt,
            const char *lang);

/* End the document: Turtle writes its statements now. 0 when out of memory
 * at any point since nat_begin. */
int nat_end(nat_writer *nw);

#endif
