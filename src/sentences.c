/* sentences.c - sentence boundaries over a paragraph. */
#include "sentences.h"

#include <string.h>

#include "doc.h"
#include "util.h"

/* Words after which a period does not end a sentence. Lower-cased, without
 * the period. Titles, months and common abbreviations of readouts. */
static const char *const ABBREV[] = {
    "mr",   "mrs",  "ms",   "dr",   "st",   "jr",   "sr",   "no",   "nos",  "gen",  "lt",
    "col",  "maj",  "capt", "sgt",  "adm",  "prof", "gov",  "sen",  "rep",  "hon",  "rt",
    "amb",  "h.e",  "u.s",  "u.k",  "u.n",  "a.m",  "p.m",  "jan",  "feb",  "mar",
    "apr",  "jun",  "jul",  "aug",  "sep",  "sept", "oct",  "nov",  "dec",  "vs",   "etc",
    "inc",  "ltd",  "co",   "corp", "mt",   "ft",   "i.e",  "e.g",  "approx", "dept", "est",
    "min",  "fig",  "art",  "para", "vol",  "pp",   "ed",   "mme",  "messrs", "d.c", "u.a.e",
    "s",    "e.u",  "ph.d", "gov't"};

static int is_abbrev(const char *w, size_t n)
{
    char low[16];
    if (n == 0 || n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    low[n] = '\0';
    if (low[n - 1] == '.')
        low[--n] = '\0';
    for (size_t i = 0; i < sizeof ABBREV / sizeof ABBREV[0]; i++)
        if (low[0] == ABBREV[i][0] && strcmp(low, ABBREV[i]) == 0)
            return 1;
    return 0;
}

static int push_sentence(attache_doc *d, size_t b, size_t e, int header, size_t para)
{
    while (b < e && (d->text[b] == ' ' || d->text[b] == '\t'))
        b++;
    while (e > b && (d->text[e - 1] == ' ' || d->text[e - 1] == '\t'))
        e--;
    if (b >= e)
        return 1;
    /* a sentence of punctuation only (". ." debris) is dropped */
    int content = 0;
    for (size_t i = b; i < e && !content; i++)
        content = (unsigned char)d->text[i] >= 0x80 || (d->text[i] >= '0' && d->text[i] <= '9') ||
                  ((d->text[i] | 32) >= 'a' && (d->text[i] | 32) <= 'z');
    if (!content)
        return 1;
    if (!ATT_PUSH(d->sents, d->n_sents, d->cap_sents))
        return 0;
    att_sentence *s = &d->sents[d->n_sents];
    s->b = b;
    s->e = e;
    /* code points: count on from the previous sentence (from its end when
     * it ends before this one starts, so no byte is counted twice) */
    size_t pb = 0, pc = 0;
    if (d->n_sents > 0) {
        const att_sentence *prev = &d->sents[d->n_sents - 1];
        pb = prev->e <= b ? prev->e : prev->b;
        pc = prev->e <= b ? prev->ce : prev->cb;
    }
    s->cb = pc + att_utf8_count(d->text + pb, b - pb);
    s->ce = s->cb + att_utf8_count(d->text + b, e - b);
    s->header = header;
    s->para = para;
    s->tb = d->toks.n;
    if (!att_tokenize_folded(d->text, b, e, &d->toks))
        return 0;
    s->te = d->toks.n;
    d->n_sents++;
    return 1;
}

/* push_sentence for [b, e) cut into pieces of at most 2 * ATT_MAX_SENTENCE
 * bytes (at the last space past ATT_MAX_SENTENCE, else at a character
 * boundary): whatever path found the span, no sentence is longer. */
static int push_bounded(attache_doc *d, size_t b, size_t e, int header, size_t para)
{
    while (e - b > 2 * ATT_MAX_SENTENCE) {
        size_t k = b + 2 * ATT_MAX_SENTENCE;
        while (k > b + ATT_MAX_SENTENCE && d->text[k] != ' ' && d->text[k] != '\t')
            k--;
        if (k == b + ATT_MAX_SENTENCE) {
            k = b + 2 * ATT_MAX_SENTENCE;
            while (k > b && ((unsigned char)d->text[k] & 0xC0) == 0x80)
                k--;
        }
        if (!push_sentence(d, b, k, header, para))
            return 0;
        b = k;
    }
    return push_sentence(d, b, e, header, para);
}

/* Is there a sentence break after the terminator at i (text[i] is . ! ?)? */
static int breaks_after(const attache_doc *d, size_t b, size_t i, size_t e)
{
    const char *t = d->text;
    size_t j = i + 1;
    /* closing quotes/brackets belong to the sentence */
    while (j < e && (t[j] == '"' || t[j] == ')' || t[j] == '\'' ||
                     ((unsigned char)t[j] == 0xE2 && j + 2 < e && (unsigned char)t[j + 1] == 0x80 &&
                      ((unsigned char)t[j + 2] == 0x9D || (unsigned char)t[j + 2] == 0x99))))
        j += (unsigned char)t[j] == 0xE2 ? 3 : 1;
    if (j >= e)
        return 1;
    if (t[j] != ' ' && t[j] != '\t')
        return 0;
    while (j < e && (t[j] == ' ' || t[j] == '\t'))
        j++;
    if (j >= e)
        return 1;
    if (t[i] != '.')
        return 1;
    /* the word before the period */
    size_t k = i;
    while (k > b && t[k - 1] != ' ' && t[k - 1] != '(' && t[k - 1] != '\t')
        k--;
    size_t wl = i - k;
    /* a lower-case next word: "Marcos Jr. in Tokyo", "U.S. support" */
    if (att_is_lower_at(t + j))
        return 0;
    if (wl == 1 && ((t[k] >= 'A' && t[k] <= 'Z')))
        return 0; /* an initial: "Antony J. Blinken", "S. Jaishankar" */
    if (is_abbrev(t + k, wl)) {
        /* "U.S." at a sentence end followed by a capital is ambiguous: keep
         * titles and months joined, end after U.S./a.m. before The/He */
        return 0;
    }
    return 1;
}

int att_split_sentences(attache_doc *d, size_t b, size_t e, int header, size_t para)
{
    if (header)
        return push_bounded(d, b, e, 1, para);
    size_t s = b;
    for (size_t i = b; i < e; i++) {
        char c = d->text[i];
        if ((c == '.' || c == '!' || c == '?') && breaks_after(d, s, i, e)) {
            size_t j = i + 1;
            while (j < e && d->text[j] != ' ' && d->text[j] != '\t')
                j++;
            if (!push_bounded(d, s, j, 0, para))
                return 0;
            s = j;
            i = j;
            continue;
        }
        if (i - s >= ATT_MAX_SENTENCE && (c == ' ' || c == '\t')) {
            if (!push_sentence(d, s, i, 0, para))
                return 0;
            s = i;
        } else if (i - s >= ATT_MAX_SENTENCE * 2) {
            /* no space at all: cut at a character boundary */
            size_t k = i;
            while (k > s && ((unsigned char)d->text[k] & 0xC0) == 0x80)
                k--;
            if (!push_sentence(d, s, k, 0, para))
                return 0;
            s = k;
        }
    }
    return push_bounded(d, s, e, 0, para);
}
