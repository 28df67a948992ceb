/* jsonl.h - a small, strict reader of one JSON Lines record: an object whose
 * string fields id, date, text, url and source describe a document. Other
 * fields (any JSON value) are checked for well-formedness and ignored.
 *
 * Strict means: one JSON object per line and nothing after it but
 * whitespace; strings are valid UTF-8 without raw control characters;
 * escapes are the eight of RFC 8259 plus \uXXXX, with surrogate pairs
 * joined and unpaired surrogates refused; a known field given twice, or
 * given as anything but a string or null, is refused. null means absent. */
#ifndef ATTACHE_JSONL_H
#define ATTACHE_JSONL_H

#include <stddef.h>

typedef struct {
    char *id, *date, *text, *url, *source; /* owned, NUL-terminated; NULL when absent */
    size_t text_len; /* text may hold NULs (from \u0000): its length in bytes */
} att_jsonl_rec;

/* Result of att_jsonl_parse. */
typedef enum {
    ATT_JSONL_OK = 0,  /* *rec filled */
    ATT_JSONL_BLANK,   /* a line of whitespace only: skip it */
    ATT_JSONL_ERROR,   /* malformed: a message (with the byte column) in err */
    ATT_JSONL_NOMEM    /* out of memory */
} att_jsonl_result;

/* Parse line[0..len) (no trailing newline needed; a trailing "\r" or "\n"
 * is whitespace). On ATT_JSONL_OK the caller owns the strings in *rec
 * (att_jsonl_rec_clear); otherwise *rec is left empty. err (errlen bytes)
 * receives a message on ATT_JSONL_ERROR. */
att_jsonl_result att_jsonl_parse(const char *line, size_t len, att_jsonl_rec *rec, char *err,
                                 size_t errlen);

/* Free the strings of rec and zero it. NULL is a no-op. */
void att_jsonl_rec_clear(att_jsonl_rec *rec);

/* 1 when s is a usable document date: "YYYY-MM-DD" naming a real calendar
 * day, optionally followed by a time ("2024-03-01T09:30:00Z"); the day is
 * copied to day (11 bytes). */
int att_jsonl_date(const char *s, char day[11]);

#endif
