/* prefilter.c - the words a pattern cannot match without (see prefilter.h).
 *
 * Words are kept by their FNV-1a hash (ASCII lower case) in a small open
 * table. A hash collision only lets a search through to pcre2, so words are
 * not stored for comparison. */
#include "prefilter.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define PF_SLOTS 1024 /* power of two, well above the words of patterns.h */
#define PF_PAIRS 64
#define PF_WORD 64 /* longest listed word */

typedef struct {
    uint64_t h;      /* 0: empty */
    uint32_t exact;  /* patterns needing this run */
    uint32_t prefix; /* patterns needing a run that starts with it */
    uint32_t first;  /* patterns needing it as the first run of a pair */
} pf_slot;

struct att_pf {
    pf_slot slot[PF_SLOTS];
    struct {
        uint64_t a, b; /* the pair's runs */
        uint32_t mask;
    } pair[PF_PAIRS];
    size_t n_pairs, n_words;
    uint64_t plens; /* bit L: a prefix word of L bytes is listed */
    size_t maxp;    /* the longest prefix word */
    unsigned char pfirst[256]; /* 1: a prefix word starts with this (lower-case) byte */
    /* a byte's lower case when it is a \w character of pcre2 without UCP
     * ([A-Za-z0-9_]), 0 otherwise: one load per byte of the scan */
    unsigned char low[256];
};

/* pcre2's \w without UCP: the runs are cut where pcre2's \b can fall. */
static inline int is_w(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static inline unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static inline uint64_t key(uint64_t h)
{
    return h ? h : 1;
}

static const pf_slot *find(const att_pf *pf, uint64_t h)
{
    h = key(h);
    for (size_t i = h & (PF_SLOTS - 1);; i = (i + 1) & (PF_SLOTS - 1)) {
        if (pf->slot[i].h == h)
            return &pf->slot[i];
        if (!pf->slot[i].h)
            return NULL;
    }
}

static pf_slot *put(att_pf *pf, uint64_t h)
{
    if (pf->n_words >= PF_SLOTS / 2)
        return NULL;
    h = key(h);
    size_t i = h & (PF_SLOTS - 1);
    while (pf->slot[i].h && pf->slot[i].h != h)
        i = (i + 1) & (PF_SLOTS - 1);
    if (!pf->slot[i].h) {
        pf->slot[i].h = h;
        pf->n_words++;
    }
    return &pf->slot[i];
}

att_pf *att_pf_new(void)
{
    att_pf *pf = calloc(1, sizeof(att_pf));
    if (pf)
        for (int c = 0; c < 256; c++)
            pf->low[c] = is_w((unsigned char)c) ? lower((unsigned char)c) : 0;
    return pf;
}

void att_pf_free(att_pf *pf)
{
    free(pf);
}

/* Hash of the word s[0..n) if it is one (letters, digits, _), else 0. */
static uint64_t word_hash(const char *s, size_t n)
{
    if (n == 0 || n >= PF_WORD)
        return 0;
    uint64_t h = ATT_HASH_SEED;
    for (size_t i = 0; i < n; i++) {
        if (!is_w((unsigned char)s[i]))
            return 0;
        h = att_hash64_step(h, lower((unsigned char)s[i]));
    }
    return h;
}

int att_pf_add(att_pf *pf, uint32_t mask, const char *list)
{
    if (!mask)
        return 0;
    const char *p = list;
    for (;;) {
        size_t n = strcspn(p, "|");
        const char *sp = memchr(p, ' ', n);
        if (sp) { /* a pair */
            uint64_t a = word_hash(p, (size_t)(sp - p));
            uint64_t b = word_hash(sp + 1, n - (size_t)(sp - p) - 1);
            pf_slot *s = a && b && pf->n_pairs < PF_PAIRS ? put(pf, a) : NULL;
            if (!s)
                return 0;
            s->first |= mask;
            pf->pair[pf->n_pairs].a = key(a);
            pf->pair[pf->n_pairs].b = key(b);
            pf->pair[pf->n_pairs].mask = mask;
            pf->n_pairs++;
        } else if (n > 1 && p[n - 1] == '*') {
            uint64_t h = word_hash(p, n - 1);
            pf_slot *s = h ? put(pf, h) : NULL;
            if (!s)
                return 0;
            s->prefix |= mask;
            pf->plens |= 1ULL << (n - 1);
            if (n - 1 > pf->maxp)
                pf->maxp = n - 1;
            pf->pfirst[lower((unsigned char)p[0])] = 1;
        } else {
            uint64_t h = word_hash(p, n);
            pf_slot *s = h ? put(pf, h) : NULL;
            if (!s)
                return 0;
            s->exact |= mask;
        }
        if (!p[n])
            return 1;
        p += n + 1;
    }
}

static void hit(att_pf_span *sp, size_t b, size_t e, uint32_t mask)
{
    if (sp->n == ATT_PF_MAX_HITS) {
        sp->open = 1;
        return;
    }
    sp->hit[sp->n].b = (uint32_t)b;
    sp->hit[sp->n].e = (uint32_t)e;
    sp->hit[sp->n].mask = mask;
    sp->n++;
}

void att_pf_scan(const att_pf *pf, const char *text, size_t b, size_t e, att_pf_span *sp)
{
    const unsigned char *t = (const unsigned char *)text;
    sp->pf = pf;
    sp->text = text;
    sp->b = b;
    sp->e = e;
    sp->n = 0;
    /* offsets are kept in 32 bits */
    sp->open = e > UINT32_MAX;
    size_t i = b;
    while (i < e && !sp->open) {
        unsigned char c = pf->low[t[i]];
        if (!c) {
            /* U+017F ſ and U+212A K match s and k under PCRE2_CASELESS|PCRE2_UTF
             * (the only characters beyond ASCII that match an ASCII letter) */
            if ((t[i] == 0xC5 && i + 1 < e && t[i + 1] == 0xBF) ||
                (t[i] == 0xE2 && i + 2 < e && t[i + 1] == 0x84 && t[i + 2] == 0xAA))
                sp->open = 1;
            i++;
            continue;
        }
        size_t rb = i;
        uint64_t h = ATT_HASH_SEED;
        if (pf->pfirst[c]) {
            do {
                h = att_hash64_step(h, c);
                i++;
                size_t l = i - rb;
                if (l <= pf->maxp && (pf->plens >> l & 1)) {
                    const pf_slot *s = find(pf, h);
                    if (s && s->prefix)
                        hit(sp, rb, i, s->prefix);
                }
            } while (i < e && (c = pf->low[t[i]]) != 0);
        } else { /* the common case: no prefix word starts so */
            do {
                h = att_hash64_step(h, c);
                i++;
            } while (i < e && (c = pf->low[t[i]]) != 0);
        }
        if (i - rb >= PF_WORD)
            continue;
        const pf_slot *s = find(pf, h);
        if (!s)
            continue;
        if (s->exact)
            hit(sp, rb, i, s->exact);
        if (s->first) {
            /* the next run, whatever lies between: a superset of \s+ */
            size_t j = i;
            while (j < e && !pf->low[t[j]])
                j++;
            uint64_t h2 = ATT_HASH_SEED;
            size_t k = j;
            while (k < e && pf->low[t[k]])
                h2 = att_hash64_step(h2, pf->low[t[k++]]);
            if (k > j)
                for (size_t q = 0; q < pf->n_pairs; q++)
                    if (pf->pair[q].a == key(h) && pf->pair[q].b == key(h2))
                        hit(sp, rb, k, pf->pair[q].mask);
        }
    }
}

int att_pf_may(const att_pf_span *sp, uint32_t mask, size_t start, size_t len)
{
    if (!sp || sp->open || start < sp->b || len > sp->e || start >= len)
        return 1;
    for (size_t i = 0; i < sp->n; i++)
        if ((sp->hit[i].mask & mask) && sp->hit[i].b >= start && sp->hit[i].e <= len)
            return 1;
    /* pcre2's subject ends at len: a word cut there is a shorter word (or
     * the end of a pair) the scan did not see; look at it and the run
     * before it again, with len as the end */
    const unsigned char *t = (const unsigned char *)sp->text;
    if (len < sp->e && is_w(t[len - 1]) && is_w(t[len])) {
        size_t q = len - 1;
        while (q > start && is_w(t[q - 1]))
            q--;
        while (q > start && !is_w(t[q - 1]))
            q--;
        while (q > start && is_w(t[q - 1]))
            q--;
        att_pf_span cut;
        att_pf_scan(sp->pf, sp->text, q, len, &cut);
        if (cut.open)
            return 1;
        for (size_t i = 0; i < cut.n; i++)
            if (cut.hit[i].mask & mask)
                return 1;
    }
    return 0;
}

/* pcre2's \s without UCP, in byte and UTF mode alike: ASCII white space. */
static inline int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

int att_pf_from(const att_pf_span *sp, uint32_t mask, int gaps, size_t start, size_t len,
                size_t *at, size_t *limit)
{
    *at = start;
    *limit = SIZE_MAX;
    if (!sp || sp->open || start < sp->b || len > sp->e || start >= len)
        return 1;
    const unsigned char *t = (const unsigned char *)sp->text;
    /* a word cut by the subject's end: att_pf_may's second look, no bound */
    if (len < sp->e && is_w(t[len - 1]) && is_w(t[len]))
        return att_pf_may(sp, mask, start, len);
    /* hits are in text order */
    size_t i = 0;
    while (i < sp->n && !((sp->hit[i].mask & mask) && sp->hit[i].b >= start && sp->hit[i].e <= len))
        i++;
    if (i == sp->n)
        return 0;
    for (size_t j = sp->n; j-- > i;)
        if ((sp->hit[j].mask & mask) && sp->hit[j].e <= len) {
            *limit = sp->hit[j].b;
            break;
        }
    if (gaps < 0)
        return 1;
    size_t q = sp->hit[i].b;
    while (q > start && !is_space(t[q - 1]))
        q--;
    for (int g = 0; g < gaps && q > start; g++) {
        while (q > start && is_space(t[q - 1]))
            q--;
        while (q > start && !is_space(t[q - 1]))
            q--;
    }
    /* one gap more: a start on white space (none of our patterns has one) */
    while (q > start && is_space(t[q - 1]))
        q--;
    *at = q;
    return 1;
}
