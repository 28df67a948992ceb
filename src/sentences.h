/* sentences.h - cut a paragraph into sentences (byte and code-point spans)
 * and tokens. Abbreviations (U.S., Mr., Dr., Sept., a.m., No.) and initials
 * (Antony J. Blinken) do not end a sentence. */
#ifndef ATTACHE_SENTENCES_H
#define ATTACHE_SENTENCES_H

#include <stddef.h>

#include "attache/attache.h"

/* Append the sentences of d->text[b..e) (one paragraph) to d, with their
 * tokens. header marks a title line. Returns 0 on out of memory. */
int att_split_sentences(attache_doc *d, size_t b, size_t e, int header, size_t para);

/* Longest sentence in bytes; longer runs are cut at a space so that every
 * extractor works on bounded spans whatever the input. */
#define ATT_MAX_SENTENCE 4000

#endif
