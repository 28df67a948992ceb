/* util.h - small shared helpers: growable buffers, hashing, UTF-8, folding. */
#ifndef ATTACHE_UTIL_H
#define ATTACHE_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "attache/attache.h"

/* Propagate a non-success status. */
#define TRY(expr)                                                                                  \
    do {                                                                                           \
        attache_status try_st_ = (expr);                                                           \
        if (try_st_ != ATTACHE_SUCCESS)                                                            \
            return try_st_;                                                                        \
    } while (0)

/* A growable byte buffer, always NUL-terminated when len > 0 or after buf_cstr. */
typedef struct {
    char *data; /* owned */
    size_t len, cap;
} att_buf;

void buf_init(att_buf *b);
void buf_free(att_buf *b);
int buf_reserve(att_buf *b, size_t extra);     /* 0 on out of memory */
/* Grow the byte array *data (capacity *cap) to hold at least need bytes:
 * doubling from `first`. 0 on out of memory (the array is unchanged). */
int att_reserve_bytes(char **data, size_t *cap, size_t need, size_t first);
int buf_add(att_buf *b, const char *s, size_t n); /* 0 on out of memory */
int buf_adds(att_buf *b, const char *s);
int buf_addc(att_buf *b, char c);
int buf_printf(att_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* NUL-terminated contents (borrowed; "" for an empty buffer). */
const char *buf_cstr(att_buf *b);
/* Take ownership of the contents (caller frees); the buffer is reset. */
char *buf_take(att_buf *b);

/* A copy of s[0..n) NUL-terminated; caller frees. NULL on out of memory. */
char *att_strndup(const char *s, size_t n);
char *att_strdup(const char *s);

/* Growable arrays: ensure room for one more element. 0 on out of memory. */
int att_grow(void **arr, size_t *cap, size_t len, size_t elem);
/* The room test inline: a call only when the array must grow (pushes of
 * tokens and sentences run once per token). */
#define ATT_PUSH(arr, len, cap)                                                                    \
    ((len) < (cap) || att_grow((void **)&(arr), &(cap), (len), sizeof(*(arr))))

/* 64-bit FNV-1a. */
uint64_t att_hash64(const void *data, size_t n, uint64_t seed);
#define ATT_HASH_SEED 0xcbf29ce484222325ULL
/* One byte of att_hash64: att_hash64(s, n + 1, seed) ==
 * att_hash64_step(att_hash64(s, n, seed), s[n]). */
static inline uint64_t att_hash64_step(uint64_t h, unsigned char c)
{
    return (h ^ c) * 0x100000001b3ULL;
}

/* Repair UTF-8: invalid sequences become U+FFFD, NUL and C0 controls other
 * than \t \n become a space, CR LF / CR become LF, a leading BOM is dropped.
 * Returns a new NUL-terminated string (caller frees) and its length;
 * *repaired counts the changes made (invalid bytes, NULs, controls). */
char *att_utf8_clean(const char *s, size_t n, size_t *out_len, size_t *repaired);

/* Decode one code point at s (valid UTF-8 assumed); returns its byte length. */
size_t att_utf8_next(const char *s, uint32_t *cp);
/* Number of code points in s[0..n). */
size_t att_utf8_count(const char *s, size_t n);

/* Fold a phrase for lookups: lower case, Latin accents stripped, curly
 * apostrophes to ', runs of spaces to one, into out (NUL-terminated).
 * Returns out's length. out must hold at least 2*n+1 bytes. */
size_t att_fold(const char *s, size_t n, char *out);

/* ASCII slug for IRIs: [a-z0-9-], accents stripped, at most max bytes. */
size_t att_slug(const char *s, size_t n, char *out, size_t max);

/* Hex of the low `digits` nibbles of h into out (digits+1 bytes). */
void att_hex(uint64_t h, int digits, char *out);

/* 1 when c (a byte) starts an upper-case letter: ASCII A-Z or a Latin
 * upper-case letter in U+00C0..U+017F (checked on the code point). */
int att_is_upper_at(const char *s);
int att_is_lower_at(const char *s);
int att_is_alpha_at(const char *s);

#endif
