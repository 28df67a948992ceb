/* tokens.c - the tokenizer shared by documents and reference data. */
#include "tokens.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Character classes of a code point. */
enum { CH_SPACE, CH_LETTER, CH_DIGIT, CH_APOS, CH_HYPHEN, CH_DOT, CH_OTHER };

static inline int char_class(uint32_t cp)
{
    /* ASCII first, letters first: nearly every character of a readout */
    if (cp < 0x80) {
        if ((cp | 32) - 'a' < 26)
            return CH_LETTER;
        if (cp - '0' < 10)
            return CH_DIGIT;
        switch (cp) {
        case ' ':
        case '\t':
        case '\n':
            return CH_SPACE;
        case '\'':
        case '`':
            return CH_APOS;
        case '-':
            return CH_HYPHEN;
        case '.':
            return CH_DOT;
        default:
            return CH_OTHER;
        }
    }
    if (cp == 0xA0 || cp == 0x2009 || cp == 0x202F || cp == 0x200B || cp == 0x3000)
        return CH_SPACE;
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x2BC)
        return CH_APOS;
    if (cp == 0x2010 || cp == 0x2011)
        return CH_HYPHEN;
    /* Non-ASCII: punctuation and symbol blocks are not letters. */
    if ((cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
        (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x2BFF) ||
        (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFFFD || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF00 && cp <= 0xFF0F))
        return CH_OTHER;
    return CH_LETTER;
}

static inline uint32_t cp_at(const char *s, size_t i, size_t e, size_t *len)
{
    uint32_t cp = (unsigned char)s[i];
    if (cp < 0x80) { /* callers pass i < e: one byte always fits */
        *len = 1;
        return cp;
    }
    *len = att_utf8_next(s + i, &cp);
    if (i + *len > e) {
        *len = 1;
        return 0xFFFD;
    }
    return cp;
}

/* Room for a token of n bytes in ts's fold buffer: att_fold writes at
 * most 2n bytes and a NUL. 0 on out of memory. */
static int fold_reserve(att_tokens *ts, size_t n)
{
    return att_reserve_bytes(&ts->fold, &ts->fold_cap, ts->fold_len + 2 * n + 1, 1024);
}

/* Case flags (upper, allcaps) of word token t from its bytes. */
static void word_case(att_token *t, const char *text)
{
    size_t b = t->b, e = t->e;
    unsigned char c0 = (unsigned char)text[b];
    t->upper = (uint8_t)(c0 < 0x80 ? (unsigned)c0 - 'A' < 26 : att_is_upper_at(text + b));
    int letters = 0, lower = 0;
    for (size_t i = b; i < e;) {
        unsigned char ch = (unsigned char)text[i];
        if (ch < 0x80) {
            letters += (unsigned)(ch | 32) - 'a' < 26;
            lower += (unsigned)ch - 'a' < 26;
            i++;
            continue;
        }
        size_t len;
        (void)cp_at(text, i, e, &len);
        if (att_is_lower_at(text + i))
            lower++;
        if (att_is_alpha_at(text + i))
            letters++;
        i += len;
    }
    t->allcaps = (uint8_t)(letters >= 2 && lower == 0);
}

/* Folded form, hash and `plain` of token t (att_tokens_fold's work for
 * one token); the caller reserved room (fold_reserve). */
static void fold_token(att_tokens *ts, att_token *t, const char *text)
{
    size_t n = t->e - t->b;
    char *out = ts->fold + ts->fold_len;
    /* plain tokens (printable ASCII but '`'; a token has no spaces)
     * fold to their lower case: fold and hash in one pass */
    size_t fl = 0;
    uint64_t h = ATT_HASH_SEED;
    int plain = 1;
    for (size_t i = t->b; i < t->e; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch <= ' ' || ch >= 0x7F || ch == '`') {
            plain = 0;
            break;
        }
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        out[fl++] = (char)ch;
        h = att_hash64_step(h, ch);
    }
    if (plain) {
        out[fl] = '\0';
    } else {
        fl = att_fold(text + t->b, n, out);
        h = att_hash64(out, fl, ATT_HASH_SEED);
        plain = 1;
        for (size_t i = t->b; i < t->e && plain; i++)
            plain = (unsigned char)text[i] < 0x80 && text[i] != '`';
    }
    t->fb = (uint32_t)ts->fold_len;
    t->fl = (uint32_t)fl;
    t->fh = h;
    t->plain = (uint8_t)plain;
    ts->fold_len += fl + 1;
}

/* Inline: called once per token, ~600 times a document. With fold set
 * (documents' sentences), the token is folded and hashed as well, and a
 * token of printable ASCII (nearly all) gets its case flags, folded form
 * and hash from one pass over its bytes instead of one pass each. */
static inline int push(att_tokens *ts, size_t b, size_t e, int kind, const char *text, int fold)
{
    if (!ATT_PUSH(ts->v, ts->n, ts->cap))
        return 0;
    att_token *t = &ts->v[ts->n++];
    t->b = (uint32_t)b;
    t->e = (uint32_t)e;
    t->kind = (uint8_t)kind;
    t->upper = 0;
    t->allcaps = 0;
    t->plain = 0;
    t->fb = t->fl = 0;
    t->fh = 0;
    if (!fold) {
        if (kind == TK_WORD)
            word_case(t, text);
        return 1;
    }
    if (!fold_reserve(ts, e - b))
        return 0;
    char *out = ts->fold + ts->fold_len;
    size_t fl = 0;
    uint64_t h = ATT_HASH_SEED;
    int letters = 0, lower = 0;
    for (size_t i = b; i < e; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch <= ' ' || ch >= 0x7F || ch == '`') {
            /* accents, control bytes, '`': the general paths */
            if (kind == TK_WORD)
                word_case(t, text);
            fold_token(ts, t, text);
            return 1;
        }
        unsigned up = (unsigned)ch - 'A' < 26, low = (unsigned)ch - 'a' < 26;
        letters += (int)(up | low);
        lower += (int)low;
        ch = (unsigned char)(ch + (up << 5));
        out[fl++] = (char)ch;
        h = att_hash64_step(h, ch);
    }
    out[fl] = '\0';
    if (kind == TK_WORD) {
        t->upper = (uint8_t)((unsigned)(unsigned char)text[b] - 'A' < 26);
        t->allcaps = (uint8_t)(letters >= 2 && lower == 0);
    }
    t->fb = (uint32_t)ts->fold_len;
    t->fl = (uint32_t)fl;
    t->fh = h;
    t->plain = 1;
    ts->fold_len += fl + 1;
    return 1;
}

/* The tokenizer; fold: fold and hash each token as it is cut (see push).
 * Inline so that each caller gets its own copy, fold a constant. */
static inline int tokenize(const char *text, size_t b, size_t e, att_tokens *ts, int fold)
{
    size_t i = b;
    while (i < e) {
        size_t len;
        uint32_t cp = cp_at(text, i, e, &len);
        int c = char_class(cp);
        if (c == CH_SPACE) {
            i += len;
            continue;
        }
        if (c == CH_LETTER || c == CH_DIGIT) {
            int kind = c == CH_DIGIT ? TK_NUM : TK_WORD;
            size_t s = i, end = i + len;
            i += len;
            int dotted = 0; /* letter.letter. abbreviations */
            while (i < e) {
                /* ASCII letters and digits, most of a word: no decoding */
                unsigned char ch = (unsigned char)text[i];
                if (ch < 0x80 && ((unsigned)(ch | 32) - 'a' < 26 || (unsigned)ch - '0' < 10)) {
                    end = ++i;
                    continue;
                }
                size_t l2;
                uint32_t c2 = cp_at(text, i, e, &l2);
                int k2 = char_class(c2);
                if (k2 == CH_LETTER || k2 == CH_DIGIT) {
                    i += l2;
                    end = i;
                    continue;
                }
                /* inner joiners need a letter/digit right after them */
                if (k2 == CH_HYPHEN || k2 == CH_APOS || k2 == CH_DOT ||
                    (kind == TK_NUM && (c2 == '/' || c2 == ':' || c2 == ',' || c2 == '.'))) {
                    if (i + l2 >= e)
                        break;
                    size_t l3;
                    uint32_t c3 = cp_at(text, i + l2, e, &l3);
                    int k3 = char_class(c3);
                    if (k2 == CH_APOS && (c3 == 's' || c3 == 'S')) {
                        /* possessive 's unless a letter follows (O'Sullivan) */
                        size_t after = i + l2 + l3;
                        size_t l4 = 0;
                        int k4 = after < e ? char_class(cp_at(text, after, e, &l4)) : CH_SPACE;
                        if (k4 != CH_LETTER && k4 != CH_DIGIT)
                            break;
                    }
                    if (kind == TK_NUM && c2 == ',' ) {
                        /* 1,000 but not "17, 2021" */
                        if (k3 != CH_DIGIT || i + l2 + 3 > e)
                            break;
                    }
                    if (k3 == CH_LETTER || k3 == CH_DIGIT) {
                        if (k2 == CH_DOT && kind == TK_WORD) {
                            /* only single-letter segments form U.S. / D.C. / a.m. */
                            if (end - s > 2 && !dotted)
                                break;
                            dotted = 1;
                        }
                        i += l2;
                        continue;
                    }
                }
                break;
            }
            /* U.S. / a.m. : take the final dot when the token is dotted */
            if (dotted && i < e && text[i] == '.') {
                i++;
                end = i;
            }
            if (!push(ts, s, end, kind, text, fold))
                return 0;
            i = end;
            continue;
        }
        if (c == CH_APOS && ts->n > 0 && ts->v[ts->n - 1].kind == TK_WORD &&
            ts->v[ts->n - 1].e == i) {
            /* 's possessive or a plural possessive apostrophe */
            size_t l2 = 0;
            uint32_t c2 = i + len < e ? cp_at(text, i + len, e, &l2) : 0;
            if (c2 == 's' || c2 == 'S') {
                if (!push(ts, i, i + len + l2, TK_POSS, text, fold))
                    return 0;
                i += len + l2;
                continue;
            }
            /* "Hipkins' greetings": an apostrophe after a final s, then a space */
            const att_token *pw = &ts->v[ts->n - 1];
            if ((text[pw->e - 1] == 's' || text[pw->e - 1] == 'S') && cp != 0x2018 &&
                (i + len >= e || text[i + len] == ' ')) {
                if (!push(ts, i, i + len, TK_POSS, text, fold))
                    return 0;
                i += len;
                continue;
            }
        }
        /* punctuation: "--" and "..." as one token */
        size_t s = i;
        i += len;
        if ((cp == '-' && i < e && text[i] == '-') || (cp == '.' && i + 1 < e && text[i] == '.' &&
                                                      text[i + 1] == '.'))
            i += cp == '-' ? 1 : 2;
        if (!push(ts, s, i, TK_PUNCT, text, fold))
            return 0;
    }
    return 1;
}

int att_tokenize(const char *text, size_t b, size_t e, att_tokens *ts)
{
    return tokenize(text, b, e, ts, 0);
}

int att_tokenize_folded(const char *text, size_t b, size_t e, att_tokens *ts)
{
    return tokenize(text, b, e, ts, 1);
}

int att_tokens_fold(const char *text, att_tokens *ts, size_t from)
{
    for (size_t k = from; k < ts->n; k++) {
        if (!fold_reserve(ts, ts->v[k].e - ts->v[k].b))
            return 0;
        fold_token(ts, &ts->v[k], text);
    }
    return 1;
}

int att_tokens_reserve(att_tokens *ts, size_t n, size_t fold_bytes)
{
    if (ts->n + n > ts->cap) {
        att_token *v = realloc(ts->v, (ts->n + n) * sizeof *v);
        if (!v)
            return 0;
        ts->v = v;
        ts->cap = ts->n + n;
    }
    if (ts->fold_len + fold_bytes > ts->fold_cap) {
        char *f = realloc(ts->fold, ts->fold_len + fold_bytes);
        if (!f)
            return 0;
        ts->fold = f;
        ts->fold_cap = ts->fold_len + fold_bytes;
    }
    return 1;
}

void att_tokens_free(att_tokens *ts)
{
    free(ts->v);
    free(ts->fold);
    ts->v = NULL;
    ts->fold = NULL;
    ts->n = ts->cap = 0;
    ts->fold_len = ts->fold_cap = 0;
}

size_t att_tokens_key(const char *text, const att_token *t, size_t i, size_t j, char *out)
{
    size_t o = 0;
    for (size_t k = i; k < j; k++) {
        if (k > i)
            out[o++] = ' ';
        o += att_fold(text + t[k].b, t[k].e - t[k].b, out + o);
    }
    out[o] = '\0';
    return o;
}
