/* tokens.h - split text into word, number and punctuation tokens.
 *
 * The same tokenizer cuts the reference data's phrases and the documents'
 * sentences, so a phrase matches when its folded tokens match. */
#ifndef ATTACHE_TOKENS_H
#define ATTACHE_TOKENS_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    TK_WORD = 0, /* letters, with inner hyphens/apostrophes/periods (U.S., Nuku'alofa) */
    TK_NUM,      /* starts with a digit: 17, 2021, 10th, 14/4/2024, 9:25 */
    TK_POSS,     /* possessive 's / ’s / ' after a word */
    TK_PUNCT     /* anything else, one character (or -- / ...) */
} att_tok_kind;

typedef struct {
    uint32_t b, e; /* byte span in the text */
    uint8_t kind;  /* att_tok_kind */
    uint8_t upper; /* first letter is upper case */
    uint8_t allcaps; /* every letter upper case and at least two letters */
    uint8_t plain; /* ASCII without '`': the folded form is the ASCII lower case of the text */
    /* Filled by att_tokens_fold (0 before): the folded form (att_fold of
     * the token's text) at ts->fold + fb, fl bytes, and its att_hash64
     * (seed ATT_HASH_SEED), the hash the gazetteer's keys are stored under.
     * Folding once per token spares every later lookup from folding again. */
    uint32_t fb, fl;
    uint64_t fh;
} att_token;

/* A growable token array. */
typedef struct {
    att_token *v; /* owned */
    size_t n, cap;
    char *fold;   /* folded forms of the tokens, NUL-separated (owned) */
    size_t fold_len, fold_cap;
} att_tokens;

/* Append the tokens of text[b..e) to ts. Returns 0 on out of memory. */
int att_tokenize(const char *text, size_t b, size_t e, att_tokens *ts);
/* att_tokenize and att_tokens_fold of the new tokens in one pass over the
 * text (documents' sentences: the same tokens, forms and hashes, without
 * walking each token twice). Returns 0 on out of memory. */
int att_tokenize_folded(const char *text, size_t b, size_t e, att_tokens *ts);
/* Fill the folded forms, their hashes and `plain` of tokens [from, ts->n)
 * of text. Documents' sentences get them (the grammar reads them); the
 * reference data's phrases do not need them. Returns 0 on out of memory. */
int att_tokens_fold(const char *text, att_tokens *ts, size_t from);
/* Folded form of token t of ts (NUL-terminated, borrowed; "" before att_tokens_fold). */
static inline const char *att_tok_fold(const att_tokens *ts, const att_token *t)
{
    return ts->fold ? ts->fold + t->fb : "";
}
/* Make room for n more tokens and fold_bytes more bytes of folded forms,
 * so that a caller who can estimate them spares the doublings (a
 * document's ~600 tokens were eight reallocs and copies). Contents
 * unchanged. Returns 0 on out of memory. */
int att_tokens_reserve(att_tokens *ts, size_t n, size_t fold_bytes);
void att_tokens_free(att_tokens *ts);

/* Folded key of tokens [i, j) joined by single spaces into out (at least
 * 2 * bytes + j - i + 1). Returns the length. */
size_t att_tokens_key(const char *text, const att_token *t, size_t i, size_t j, char *out);

#endif
