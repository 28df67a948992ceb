/* grammar.c - gazetteer hits, office phrases, names and the people of a
 * document: the pieces every extractor reads sentences with. */
#include "grammar.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_PHRASE_TOKENS 12
#define MAX_NAME_TOKENS 9

void g_ctx(att_ctx *c, const attache_world *w, attache_doc *d, size_t s)
{
    c->w = w;
    c->d = d;
    c->s = s;
    c->tb = d->sents[s].tb;
    c->te = d->sents[s].te;
}

static size_t tok_len(const att_ctx *c, size_t i) { return g_tok(c, i)->e - g_tok(c, i)->b; }
static const char *tok_str(const att_ctx *c, size_t i) { return c->d->text + g_tok(c, i)->b; }

int g_same_word(const char *s, const char *w, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        char a = s[k], b = w[k];
        if (a != b && (a | 32) != (b | 32))
            return 0;
        if (a != b && !((a | 32) >= 'a' && (a | 32) <= 'z'))
            return 0;
    }
    return 1;
}

/* s[0..n) equals w[0..wn) ignoring ASCII case. */
static int same_word(const char *s, size_t n, const char *w, size_t wn)
{
    return n == wn && g_same_word(s, w, n);
}

int g_punct(const att_ctx *c, size_t i, char ch)
{
    return i < c->te && g_tok(c, i)->kind == TK_PUNCT && tok_len(c, i) == 1 && *tok_str(c, i) == ch;
}

/* ------------------------------------------------- g_in's word lists */

/* g_in runs some 1,800 times a document over ~50 lists of up to 30 words.
 * Each list is prepared once: its words hashed the way the tokens' folded
 * forms are (att_hash64 of the ASCII lower case, which is the folded form
 * of a `plain` token), in a small open-addressed set. A test is then a
 * probe or two. Keyed by the list's address: the lists are literals of the
 * extractors, the same for every world and document, so the table is the
 * process's, filled on first use (preparing them per document was 3% of
 * the extraction). Static storage: nothing to free, no allocation to fail.
 *
 * Threads: readers take no lock. A list's slot is published by a release
 * store of its address after its set is written, and read with an acquire
 * load; a reader that meets a free slot takes the lock, looks again and
 * prepares the list. Sets are never moved or changed once published. */
#define WL_LISTS 256  /* slots for lists; past 3/4 full, lists are scanned */
#define WL_POOL 16384 /* set entries for every list; when full, lists are scanned */

typedef struct {
    uint32_t first; /* its set: wl_reg.set[first .. first + mask] */
    uint32_t mask;
    /* most tokens are in no list: these say so before the set is read.
     * lens: bit min(length, 63) of each word; sig: two bits per word
     * (wl_sig) from hash bits the set's index does not use. */
    uint64_t lens, sig;
} wl_list;

static uint64_t wl_sig(uint64_t h)
{
    return ((uint64_t)1 << (h >> 58)) | ((uint64_t)1 << ((h >> 52) & 63));
}
static uint64_t wl_len_bit(size_t n) { return (uint64_t)1 << (n < 63 ? n : 63); }

typedef struct {
    uint64_t h;        /* hash of the word's ASCII lower case */
    uint32_t off, len; /* the word: src[off .. off + len); len 0: empty */
} wl_word;

static struct {
    _Atomic(const char *) src[WL_LISTS]; /* the lists (borrowed), NULL: free slot */
    wl_list lists[WL_LISTS];             /* valid once src[q] is published */
    size_t n_lists, n_set;               /* written under lock */
    wl_word set[WL_POOL];
    pthread_mutex_t lock;
} wl_reg = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Add the words of src as list l; 0 when the pool is full or the list
 * has more than WL_WORDS words (such a list is scanned). One pass over the
 * list: hash each word's lower case as it goes, then place the words.
 * Called with wl_reg.lock held. */
#define WL_WORDS 128
static int wl_prepare(wl_list *l, const char *src)
{
    wl_word w[WL_WORDS];
    size_t n = 0, start = 0;
    uint64_t h = ATT_HASH_SEED;
    for (size_t k = 0;; k++) {
        char ch = src[k];
        if (ch != '|' && ch != '\0') {
            h = att_hash64_step(h, (unsigned char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
            continue;
        }
        if (k > start) { /* an empty word matches no token */
            if (n == WL_WORDS)
                return 0;
            w[n++] = (wl_word){h, (uint32_t)start, (uint32_t)(k - start)};
        }
        if (ch == '\0')
            break;
        start = k + 1;
        h = ATT_HASH_SEED;
    }
    size_t size = 4;
    while (size < 2 * n)
        size *= 2;
    if (wl_reg.n_set + size > WL_POOL)
        return 0;
    wl_word *set = wl_reg.set + wl_reg.n_set; /* zero: static, never used before */
    l->lens = l->sig = 0;
    for (size_t k = 0; k < n; k++) {
        l->lens |= wl_len_bit(w[k].len);
        l->sig |= wl_sig(w[k].h);
        size_t q = (size_t)w[k].h & (size - 1);
        while (set[q].len)
            q = (q + 1) & (size - 1);
        set[q] = w[k];
    }
    l->first = (uint32_t)wl_reg.n_set;
    l->mask = (uint32_t)(size - 1);
    wl_reg.n_set += size;
    wl_reg.n_lists++;
    return 1;
}

static size_t wl_slot0(const char *words)
{
    return (size_t)(((uintptr_t)words * 0x9E3779B97F4A7C15ULL) >> 56) & (WL_LISTS - 1);
}

/* The prepared list `words`, NULL when it cannot be had (pool or table
 * full): the caller scans the list then. */
/* The prepared list `words` when it is, NULL when not (yet). */
static inline const wl_list *wl_find(const char *words)
{
    size_t q = wl_slot0(words);
    for (const char *s; (s = atomic_load_explicit(&wl_reg.src[q], memory_order_acquire));
         q = (q + 1) & (WL_LISTS - 1))
        if (s == words)
            return &wl_reg.lists[q];
    return NULL;
}

/* The prepared list `words`, NULL when it cannot be had (pool or table
 * full): the caller scans the list then. */
static const wl_list *wl_get(const char *words)
{
    const wl_list *l = wl_find(words);
    if (l)
        return l;
    size_t q;
    pthread_mutex_lock(&wl_reg.lock);
    q = wl_slot0(words);
    for (const char *s; (s = atomic_load_explicit(&wl_reg.src[q], memory_order_relaxed));
         q = (q + 1) & (WL_LISTS - 1))
        if (s == words)
            break;
    if (atomic_load_explicit(&wl_reg.src[q], memory_order_relaxed)) {
        l = &wl_reg.lists[q]; /* another thread prepared it meanwhile */
    } else if (wl_reg.n_lists + 1 <= WL_LISTS * 3 / 4 && wl_prepare(&wl_reg.lists[q], words)) {
        atomic_store_explicit(&wl_reg.src[q], words, memory_order_release);
        l = &wl_reg.lists[q];
    }
    pthread_mutex_unlock(&wl_reg.lock);
    return l;
}

/* g_in's uncommon paths, out of line so that its common one (a prepared
 * list whose length and signature bits rule the token out) is a leaf that
 * saves no registers: its entry and exit were a quarter of its cost.
 * Here: the list's first use, a token the bits do not rule out, and
 * tokens that are not plain (scanned word by word). */
__attribute__((noinline)) static int in_slow(const att_token *t, const char *s, size_t n,
                                             const char *words)
{
    const wl_list *l = t->plain ? wl_get(words) : NULL;
    if (l) {
        if (!(l->lens & wl_len_bit(n)) || (l->sig & wl_sig(t->fh)) != wl_sig(t->fh))
            return 0;
        const wl_word *set = wl_reg.set + l->first;
        for (size_t q = (size_t)t->fh & l->mask; set[q].len; q = (q + 1) & l->mask)
            if (set[q].h == t->fh && same_word(s, n, words + set[q].off, set[q].len))
                return 1;
        return 0;
    }
    for (const char *p = words; *p;) {
        const char *bar = strchr(p, '|');
        size_t wn = bar ? (size_t)(bar - p) : strlen(p);
        if (same_word(s, n, p, wn))
            return 1;
        if (!bar)
            break;
        p = bar + 1;
    }
    return 0;
}

int g_in(const att_ctx *c, size_t i, const char *words)
{
    if (i >= c->te || g_tok(c, i)->kind == TK_PUNCT)
        return 0;
    const att_token *t = g_tok(c, i);
    const char *s = tok_str(c, i);
    size_t n = tok_len(c, i);
    /* a plain token's folded form is its ASCII lower case: its hash finds
     * the one word it can be (other tokens, with accents, are scanned).
     * Most tokens are in no list: the list's length and signature bits
     * say so here. */
    const wl_list *l = t->plain ? wl_find(words) : NULL;
    if (l && (!(l->lens & wl_len_bit(n)) || (l->sig & wl_sig(t->fh)) != wl_sig(t->fh)))
        return 0;
    return in_slow(t, s, n, words);
}

/* Every phrase of the gazetteer that starts at token i (shortest first),
 * looked up once per token and kept in the document's cache. The keys are
 * built from the tokens' folded forms and their hashes carried on token by
 * token (FNV-1a runs on from any prefix's hash). */
/* Token i's entry of the document's per-token cache (allocated on first
 * use, owned by the document), NULL when memory ran out. */
static att_gaz_hits *tok_slot(const att_ctx *c, size_t i)
{
    attache_doc *d = c->d;
    if (!d->gz_hits) {
        /* malloc, not calloc: an entry is 64 bytes and zeroing the whole
         * array was 2% of the extraction. Only the counts and flags must
         * start at 0; p[] and len[] are read below n only. */
        size_t n = d->toks.n + 1;
        d->gz_hits = malloc(n * sizeof *d->gz_hits);
        if (!d->gz_hits)
            return NULL;
        for (size_t k = 0; k < n; k++) {
            att_gaz_hits *h = &d->gz_hits[k];
            h->n = h->done = 0;
            h->kinds = 0;
            h->known = h->is = 0;
        }
    }
    return &d->gz_hits[i];
}

static att_gaz_hits *hits_at(const att_ctx *c, size_t i)
{
    att_gaz_hits *h = tok_slot(c, i);
    if (!h)
        return NULL;
    if (h->done)
        return h;
    h->done = 1;
    char key[1024];
    size_t kl = 0;
    uint64_t hash = ATT_HASH_SEED;
    for (size_t j = i; j < c->te && j - i < MAX_PHRASE_TOKENS; j++) {
        const att_token *t = g_tok(c, j);
        if (t->e - t->b > 200 || kl + 2 * (t->e - t->b) + 2 >= sizeof key)
            break;
        const att_phrase *p;
        if (j > i) {
            if (j == i + 1) /* the key outgrows the first token's fold */
                memcpy(key, g_fold(c, i), kl);
            key[kl++] = ' ';
            hash = att_hash64(g_fold(c, j), t->fl, att_hash64_step(hash, ' '));
            memcpy(key + kl, g_fold(c, j), t->fl);
            kl += t->fl;
            p = gaz_get_hashed(c->w->gaz, key, kl, hash);
        } else {
            /* most lookups end at the first token: its fold is the key */
            hash = t->fh;
            kl = t->fl;
            p = gaz_get_hashed(c->w->gaz, g_fold(c, j), kl, hash);
        }
        if (!p)
            break;
        if (p->kinds && h->n < ATT_GAZ_HITS) {
            h->p[h->n] = p;
            h->len[h->n] = (uint8_t)(j - i + 1);
            h->kinds |= p->kinds;
            h->n++;
        }
        if (!p->prefix)
            break;
    }
    return h;
}

size_t g_gaz_at(const att_ctx *c, size_t i, unsigned eff, const att_phrase **hit)
{
    const att_gaz_hits *h = hits_at(c, i);
    if (!h || !(h->kinds & eff))
        return 0;
    /* the longest phrase of a wanted kind */
    for (size_t k = h->n; k-- > 0;) {
        const att_phrase *p = h->p[k];
        if (!(p->kinds & eff) || i + h->len[k] > c->te)
            continue;
        if (p->exact && (p->kinds & eff & ~(unsigned)(GZ_OFFICE | GZ_LEX | GZ_TITLEWORD))) {
            int ok = 1;
            for (size_t q = i; q < i + h->len[k] && ok; q++) {
                const att_token *tk = g_tok(c, q);
                if (tk->kind == TK_WORD && !tk->allcaps && !(tk->upper && tk->e - tk->b <= 1))
                    ok = 0;
            }
            if (!ok)
                continue;
        }
        *hit = p;
        return h->len[k];
    }
    return 0;
}

size_t g_country_marker(const att_ctx *c, size_t i, int *country)
{
    const att_phrase *p;
    *country = -1;
    size_t n = g_gaz(c, i, GZ_COUNTRY | GZ_DEMONYM, &p);
    if (!n)
        return 0;
    *country = p->country;
    if (p->kinds & GZ_DEMONYM) {
        const att_phrase *q;
        size_t m = g_gaz(c, i + n, GZ_DEMONYM, &q);
        if (m && q->country != p->country) { /* "Turkish Cypriot": neither state */
            *country = -1;
            return n + m;
        }
    }
    if (i + n < c->te && g_tok(c, i + n)->kind == TK_POSS)
        n++;
    return n;
}

unsigned g_kinds(const att_ctx *c, size_t i)
{
    if (i >= c->te || i < c->tb)
        return 0;
    const att_token *t = g_tok(c, i);
    if (t->kind == TK_PUNCT && !(t->e - t->b == 1 && c->d->text[t->b] == '('))
        return 0; /* g_gaz finds nothing at punctuation: spare the lookup */
    const att_gaz_hits *h = hits_at(c, i);
    return h ? h->kinds : ~0u;
}

static int notnow_raw(const att_ctx *c, size_t i)
{
    if (i >= c->te)
        return 0;
    const att_phrase *p;
    if (g_gaz(c, i, GZ_LEX, &p) && (p->lex & (LX_NOTNOW | LX_FUTURE)))
        return 1;
    const char *s = tok_str(c, i);
    size_t n = tok_len(c, i);
    if ((n > 5 && s[4] == '-' && (strncmp(s, "then-", 5) == 0 || strncmp(s, "Then-", 5) == 0)) ||
        (n > 3 && s[2] == '-' && (strncmp(s, "ex-", 3) == 0 || strncmp(s, "Ex-", 3) == 0)))
        return 1;
    return 0;
}

/* Is token i a word that may continue an office phrase? */
static int title_word(const att_ctx *c, size_t i)
{
    const att_token *t = g_tok(c, i);
    if (t->kind != TK_WORD)
        return 0;
    const att_phrase *p;
    return g_gaz(c, i, GZ_TITLEWORD | GZ_COUNTRY | GZ_DEMONYM | GZ_CITY | GZ_ORG, &p) > 0;
}

static void title_append(att_office_m *m, const char *s, size_t n)
{
    size_t l = strlen(m->title);
    if (l && l + 1 < sizeof m->title)
        m->title[l++] = ' ';
    if (l + n >= sizeof m->title)
        n = sizeof m->title - l - 1;
    memcpy(m->title + l, s, n);
    m->title[l + n] = '\0';
}

/* Append tokens [b, e) to the title, keeping the text's own spacing. */
static void title_tokens(const att_ctx *c, att_office_m *m, size_t b, size_t e)
{
    if (b >= e)
        return;
    title_append(m, tok_str(c, b), g_tok(c, e - 1)->e - g_tok(c, b)->b);
}

/* Generic extension: capitalised title words with inner and/of/for/the. */
static size_t extension(const att_ctx *c, size_t k, int *country, int *org)
{
    size_t j = k, last = k;
    while (j < c->te) {
        const att_token *t = g_tok(c, j);
        const att_phrase *p;
        size_t n;
        if (t->kind == TK_WORD && t->upper) {
            if ((n = g_gaz(c, j, GZ_ORG, &p)) > 0) {
                if (*org < 0)
                    *org = p->org;
                j += n;
                last = j;
                continue;
            }
            if ((n = g_gaz(c, j, GZ_DEMONYM | GZ_COUNTRY, &p)) > 0) {
                if (*country < 0)
                    *country = p->country;
                j += n;
                last = j;
                continue;
            }
            if (j == k && (n = g_gaz(c, j, GZ_CITY, &p)) > 0) {
                const att_city *ci = gaz_city(c->w->gaz, p->city);
                if (*country < 0 && ci && ci->next < 0)
                    *country = ci->country;
                j += n;
                last = j;
                continue;
            }
            const att_phrase *rg;
            if (title_word(c, j) || (g_gaz(c, j, GZ_LEX, &rg) == 1 && (rg->lex & LX_REGION)) ||
                (j + 1 < c->te && g_tok(c, j + 1)->kind == TK_WORD && title_word(c, j + 1) &&
                 !g_tok(c, j + 1)->allcaps)) {
                j++;
                last = j;
                continue;
            }
            break;
        }
        if (t->kind == TK_NUM) { /* "of the 78th session" */
            j++;
            if (j < c->te && g_tok(c, j)->kind == TK_WORD && !g_tok(c, j)->upper)
                j++;
            last = j;
            continue;
        }
        if (t->kind == TK_POSS && j > k && j + 1 < c->te && g_tok(c, j + 1)->upper) {
            j++;
            continue;
        }
        if ((g_in(c, j, "and|of|for|the|&|on") && j + 1 < c->te &&
             (g_tok(c, j + 1)->upper || g_tok(c, j + 1)->kind == TK_NUM ||
              g_is(c, j + 1, "the"))) &&
            !(g_is(c, j, "and") && j + 1 < c->te && g_notnow(c, j + 1))) {
            /* "and" joins words of one office only when no new office starts */
            if (g_is(c, j, "and")) {
                const att_phrase *q;
                if (g_gaz(c, j + 1, GZ_OFFICE, &q))
                    break;
            }
            j++;
            continue;
        }
        break;
    }
    return last;
}

/* snprintf(dst, size, "%s", src) without the formatting machinery. */
static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

int g_office(const att_ctx *c, size_t i, att_office_m *m)
{
    /* most tokens start no office: m (some 450 bytes) is cleared once one
     * does; until then only what a caller might glance at is set */
    m->b = m->e = m->end = 0;
    m->office = m->country = m->org = -1;
    m->title[0] = m->key[0] = m->label[0] = '\0';
    if (i >= c->te)
        return 0;
    size_t start = i;
    int acting = 0;
    if (g_is(c, i, "acting") || g_is(c, i, "interim")) {
        acting = 1;
        i++;
    }
    const att_phrase *p;
    size_t n = g_gaz(c, i, GZ_OFFICE, &p);
    if (!n)
        return 0;
    memset(m, 0, sizeof *m);
    m->office = m->country = m->org = -1;
    /* a lower-case single word ("president", "minister") needs a name or
     * a country right next to it to be a title; callers check that */
    const att_office *o = gaz_office(c->w->gaz, p->office);
    m->office = p->office;
    m->b = acting ? start : i;
    size_t k = i + n;
    title_tokens(c, m, m->b, k);
    copy_str(m->key, sizeof m->key, o->key);
    copy_str(m->label, sizeof m->label, o->label);
    /* extensions: of COUNTRY / of ORG / for X / on X / to X */
    for (int rounds = 0; rounds < 4 && k < c->te; rounds++) {
        /* "Minister of State at the Ministry of Foreign Affairs" */
        if (g_is(c, k, "at") && g_is(c, k + 1, "the") && g_is(c, k + 2, "ministry")) {
            int ec = -1, eo = -1;
            size_t e = extension(c, k + 2, &ec, &eo);
            if (e > k + 2) {
                title_tokens(c, m, k, e);
                if (m->country < 0 && ec >= 0)
                    m->country = ec;
                k = e;
                continue;
            }
        }
        if (!g_in(c, k, "of|for|on|to"))
            break;
        size_t j = k + 1;
        if (g_is(c, j, "the"))
            j++;
        int cm;
        size_t cn = g_country_marker(c, j, &cm);
        const att_phrase *tw;
        if (cn && g_is(c, k, "of") && cm >= 0 &&
            (j + cn >= c->te || !g_gaz(c, j + cn, GZ_TITLEWORD, &tw) ||
             g_tok(c, j + cn - 1)->kind == TK_POSS)) {
            /* "of the Russian Federation": the country, not part of the title */
            const att_phrase *d;
            if (!g_gaz(c, j, GZ_DEMONYM, &d) || g_gaz(c, j, GZ_COUNTRY, &d)) {
                if (m->country < 0)
                    m->country = cm;
                k = j + cn;
                continue;
            }
        }
        int ec = -1, eo = -1;
        size_t e = extension(c, j, &ec, &eo);
        if (g_is(c, k, "of") && e == j) {
            /* "Governor of Táchira": a state's region gives the office's state */
            const att_phrase *rp;
            size_t rn = g_gaz(c, j, GZ_REGION, &rp);
            if (rn && rp->country >= 0) {
                e = j + rn;
                if (ec < 0)
                    ec = rp->country;
            }
        }
        if (g_is(c, k, "of")) {
            /* "Governor of Norte de Santander, X": an unknown place up to a comma,
             * when it reaches further than the title words do */
            size_t q = j;
            while (q < c->te && q < j + 5 &&
                   (g_tok(c, q)->upper || (q > j && g_in(c, q, "de|del|la|do|da|of"))))
                q++;
            if (q > e && g_punct(c, q, ','))
                e = q;
        }
        if (e == j)
            break;
        if (g_is(c, k, "to")) {
            /* Ambassador to Mexico / to ASEAN: the destination, not the office's owner */
            ec = -1;
            eo = -1;
        }
        if (m->country < 0 && ec >= 0)
            m->country = ec;
        if (m->org < 0 && eo >= 0)
            m->org = eo;
        title_tokens(c, m, k, e);
        k = e;
    }
    m->e = k;
    m->end = k;
    if (m->org < 0 && o->org >= 0)
        m->org = o->org;
    return 1;
}

int g_thing_word(const att_ctx *c, size_t i)
{
    /* nouns that make a capitalised run a thing (lexicon class "thing") */
    const att_phrase *p;
    return g_tok(c, i)->kind == TK_WORD && g_gaz(c, i, GZ_LEX, &p) == 1 && (p->lex & LX_THING);
}

static int function_word_raw(const att_ctx *c, size_t i)
{
    const att_phrase *p;
    return g_gaz(c, i, GZ_LEX, &p) && (p->lex & LX_FUNCTION);
}

/* Token i is a name word: capitalised, not an office word, not a month or
 * weekday, not a known acronym of a country or organisation. */
static int name_word_raw(const att_ctx *c, size_t i)
{
    const att_token *t = g_tok(c, i);
    if (t->kind != TK_WORD)
        return 0;
    if (!t->upper) {
        /* "al-Assad", "bin-Salman", "el-Sisi": a particle joined to a capital */
        const char *s = c->d->text + t->b;
        const char *h = memchr(s, '-', t->e - t->b);
        if (!h || h - s > 3 || (size_t)(h + 1 - s) >= t->e - t->b || !att_is_upper_at(h + 1))
            return 0;
        return 1;
    }
    const att_phrase *p;
    size_t n = g_gaz(c, i, GZ_LEX, &p);
    if (n == 1 && (p->lex & (LX_MONTH | LX_WEEKDAY | LX_FUNCTION | LX_HONORIFIC)))
        return 0;
    if (t->allcaps && g_gaz(c, i, GZ_ORG | GZ_COUNTRY, &p))
        return 0;
    if (g_thing_word(c, i))
        return 0;
    return 1;
}

int g_tok_pred_uncached(const att_ctx *c, size_t i, unsigned pred)
{
    if (i >= c->te)
        return 0;
    switch (pred) {
    case G_TB_NOTNOW:
        return notnow_raw(c, i);
    case G_TB_NAMEWORD:
        return name_word_raw(c, i);
    case G_TB_FUNCTION:
        return function_word_raw(c, i);
    case G_TB_HONORIFIC: {
        const att_phrase *p;
        return g_gaz(c, i, GZ_LEX, &p) && (p->lex & LX_HONORIFIC);
    }
    default:
        return 0;
    }
}

/* Every G_TB_* of token i at once: they share the token's lexicon entry
 * (the longest GZ_LEX phrase at i), looked up once here. Must answer as
 * the _raw functions above do (the unit tests hold it to them). */
static unsigned tok_preds(const att_ctx *c, size_t i)
{
    const att_token *t = g_tok(c, i);
    const att_phrase *lx;
    size_t nl = g_gaz(c, i, GZ_LEX, &lx);
    uint16_t lex = nl ? lx->lex : 0;
    unsigned v = 0;
    if (lex & (LX_NOTNOW | LX_FUTURE)) {
        v |= G_TB_NOTNOW;
    } else {
        const char *s = tok_str(c, i);
        size_t n = tok_len(c, i);
        if ((n > 5 && s[4] == '-' && (strncmp(s, "then-", 5) == 0 || strncmp(s, "Then-", 5) == 0)) ||
            (n > 3 && s[2] == '-' && (strncmp(s, "ex-", 3) == 0 || strncmp(s, "Ex-", 3) == 0)))
            v |= G_TB_NOTNOW;
    }
    if (lex & LX_FUNCTION)
        v |= G_TB_FUNCTION;
    if (lex & LX_HONORIFIC)
        v |= G_TB_HONORIFIC;
    /* name_word_raw */
    if (t->kind == TK_WORD) {
        int nw;
        if (!t->upper) {
            const char *s = c->d->text + t->b;
            const char *h = memchr(s, '-', t->e - t->b);
            nw = h && h - s <= 3 && (size_t)(h + 1 - s) < t->e - t->b && att_is_upper_at(h + 1);
        } else {
            const att_phrase *p;
            nw = !(nl == 1 && (lex & (LX_MONTH | LX_WEEKDAY | LX_FUNCTION | LX_HONORIFIC))) &&
                 !(t->allcaps && g_gaz(c, i, GZ_ORG | GZ_COUNTRY, &p)) &&
                 !(nl == 1 && (lex & LX_THING)); /* g_thing_word */
        }
        if (nw)
            v |= G_TB_NAMEWORD;
    }
    return v;
}

int g_tok_pred_fill(const att_ctx *c, size_t i, unsigned pred)
{
    if (i >= c->te)
        return 0;
    if (i < c->tb)
        return g_tok_pred_uncached(c, i, pred);
    att_gaz_hits *h = tok_slot(c, i);
    if (!h)
        return g_tok_pred_uncached(c, i, pred);
    h->is = (uint8_t)tok_preds(c, i);
    h->known = (uint8_t)(G_TB_NOTNOW | G_TB_NAMEWORD | G_TB_FUNCTION | G_TB_HONORIFIC);
    return (h->is & pred) != 0;
}

static int name_word(const att_ctx *c, size_t i) { return g_tok_pred(c, i, G_TB_NAMEWORD); }
static int is_function_word(const att_ctx *c, size_t i) { return g_tok_pred(c, i, G_TB_FUNCTION); }

/* An initial: one capital letter and a period ("J." in Antony J. Blinken). */
static int initial_at(const att_ctx *c, size_t i)
{
    const att_token *t = g_tok(c, i);
    return t->kind == TK_WORD && t->e - t->b == 1 && t->upper && i + 1 < c->te &&
           g_punct(c, i + 1, '.');
}

size_t g_name(const att_ctx *c, size_t i, size_t *nb, size_t *ne)
{
    *nb = *ne = i;
    if (i >= c->te)
        return i;
    /* most tokens start no name: lower case, no honorific and no
     * "al-Assad"; the extractors try every token */
    const att_token *t0 = g_tok(c, i);
    if (!t0->upper && !t0->allcaps && !g_tok_pred(c, i, G_TB_HONORIFIC) && !name_word(c, i))
        return i;
    const att_phrase *p;
    size_t n;
    size_t j = i;
    /* honorifics: H.E. Mr. / His Highness Sheikh / Dr */
    for (int r = 0; r < 4 && j < c->te; r++) {
        n = g_gaz(c, j, GZ_LEX, &p);
        if (n && (p->lex & LX_HONORIFIC)) {
            j += n;
            if (g_punct(c, j, '.'))
                j++;
            continue;
        }
        break;
    }
    if (j >= c->te)
        return i;
    /* "He" is also a Chinese surname: "Vice Premier He Lifeng" */
    /* "HE" in capitals is His/Her Excellency: "HE Safadi praised" */
    if (g_is(c, j, "he") && g_tok(c, j)->allcaps && j + 1 < c->te && g_tok(c, j + 1)->upper) {
        j++;
        if (g_is(c, j, "the"))
            return i;
    }
    int he_surname = g_is(c, j, "he") && g_tok(c, j)->upper && !g_tok(c, j)->allcaps &&
                     j + 1 < c->te &&
                     g_tok(c, j + 1)->kind == TK_WORD && g_tok(c, j + 1)->upper &&
                     !is_function_word(c, j + 1) && name_word(c, j + 1);
    if (!he_surname && (!name_word(c, j) || is_function_word(c, j)))
        return i;
    /* a name never starts with an office word: "President" */
    if (g_gaz(c, j, GZ_OFFICE, &p) && !g_tok(c, j)->allcaps) {
        const att_office *o = gaz_office(c->w->gaz, p->office);
        (void)o;
        return i;
    }
    size_t b = j, e = j, words = 0;
    while (j < c->te && words < MAX_NAME_TOKENS) {
        const att_token *t = g_tok(c, j);
        if (words > 0 && initial_at(c, j)) {
            j += 2;
            e = j;
            continue;
        }
        if (t->kind == TK_WORD && (t->upper || (words > 0 && name_word(c, j)))) {
            if (!name_word(c, j) && !(words == 0 && he_surname))
                break;
            if (words > 0 && g_gaz(c, j, GZ_OFFICE, &p) && !t->allcaps && p->office >= 0)
                break;
            /* an initial: "J." */
            j++;
            if (t->e - t->b == 1 && g_punct(c, j, '.'))
                j++;
            e = j;
            words++;
            continue;
        }
        if (t->kind == TK_WORD && words > 0) {
            /* lower-case particles inside a name: bin, al, de, von der */
            /* lower-case particles, also in runs: "von der Leyen" */
            size_t q = j;
            while (q < c->te && q < j + 3 && g_gaz(c, q, GZ_LEX, &p) == 1 &&
                   (p->lex & LX_PARTICLE) && !g_tok(c, q)->upper)
                q++;
            if (q > j && q < c->te && g_tok(c, q)->upper && g_tok(c, q)->kind == TK_WORD) {
                j = q;
                continue;
            }
            break;
        }
        if (t->kind == TK_PUNCT && words > 0 && g_punct(c, j, ',') && j + 1 < c->te) {
            /* ", Jr." */
            n = g_gaz(c, j + 1, GZ_LEX, &p);
            if (n == 1 && (p->lex & LX_SUFFIX)) {
                j += 2;
                if (g_punct(c, j, '.'))
                    j++;
                e = j;
                continue;
            }
        }
        break;
    }
    if (words == 0)
        return i;
    /* a state or organisation on its own is not a name ("On Belarus,"), nor
     * a city after a preposition ("in Kyiv,"); a surname that is also a
     * town ("Duarte", "Obama") is */
    if (g_gaz(c, b, GZ_COUNTRY | GZ_DEMONYM | GZ_ORG | GZ_VENUE, &p) >= e - b)
        return i;
    if (g_gaz(c, b, GZ_CITY, &p) >= e - b && b > c->tb &&
        g_in(c, b - 1, "in|at|to|from|of|on|near|visiting|via"))
        return i;
    /* a trailing suffix word (Jr.) keeps its period */
    *nb = b;
    *ne = e;
    return e;
}

size_t g_entity(const att_ctx *c, size_t i)
{
    const att_phrase *p;
    size_t n = g_gaz(c, i, GZ_VENUE | GZ_ORG | GZ_COUNTRY | GZ_CITY, &p);
    return n > 1 ? n : 0;
}

int g_plain_name(const att_ctx *c, size_t b, size_t e)
{
    int words = 0;
    if (b > c->tb && g_in(c, b - 1, "the|of|a|an|at|in|from|near|inside"))
        return 0; /* "the Japan-Philippines Reciprocal Access ...", "at Akershus Fortress" */
    const att_phrase *whole;
    if (g_gaz(c, b, GZ_CITY | GZ_COUNTRY | GZ_ORG | GZ_VENUE, &whole) >= e - b)
        return 0;
    if (e < c->te && ((g_tok(c, e)->upper && g_tok(c, e)->kind == TK_WORD && g_thing_word(c, e)) ||
                      g_punct(c, e, '(')))
        return 0; /* "Tenth Review Conference", "Nuclear Weapons (NPT)" */
    for (size_t k = b; k < e; k++) {
        const att_token *t = g_tok(c, k);
        const att_phrase *q;
        if (t->kind == TK_WORD && t->e - t->b > 1)
            words++;
        if (t->kind == TK_WORD && memchr(c->d->text + t->b, '-', t->e - t->b)) {
            /* "China-EU ...", "U.S.-India": parts that are states make a thing */
            size_t pb = t->b;
            while (pb < t->e) {
                const char *dash = memchr(c->d->text + pb, '-', t->e - pb);
                size_t pe = dash ? (size_t)(dash - c->d->text) : t->e;
                char key[128];
                if (pe - pb < 60) {
                    size_t kl = att_fold(c->d->text + pb, pe - pb, key);
                    const att_phrase *hp = gaz_get(c->w->gaz, key, kl);
                    if (hp && (hp->kinds & (GZ_COUNTRY | GZ_DEMONYM | GZ_ORG)))
                        return 0;
                }
                pb = pe + 1;
            }
        }
        /* city names inside personal names are common (Obama, Kim): only
         * title words, states and organisations rule a word out */
        if (g_thing_word(c, k) || g_gaz(c, k, GZ_COUNTRY | GZ_DEMONYM | GZ_ORG | GZ_OFFICE |
                                                   GZ_TITLEWORD,
                                         &q))
            return 0;
    }
    return words >= 2;
}

/* ------------------------------------------------------------- people */

/* Folded significant words of tokens [b, e): no initials, no suffixes.
 * ts: the tokens' array when it holds their folded forms (the document's),
 * else NULL (the words are folded here). */
static size_t name_words(const char *text, const att_token *t, const att_tokens *ts, size_t b,
                         size_t e, char words[][48], size_t max)
{
    size_t n = 0;
    for (size_t i = b; i < e && n < max; i++) {
        if (t[i].kind != TK_WORD || t[i].e - t[i].b < 2 || t[i].e - t[i].b > 40)
            continue;
        char fb[96];
        const char *f = fb;
        size_t fl;
        if (ts) {
            f = att_tok_fold(ts, &t[i]);
            fl = t[i].fl;
        } else {
            fl = att_fold(text + t[i].b, t[i].e - t[i].b, fb);
        }
        if (fl >= 48)
            continue;
        if (strcmp(f, "jr") == 0 || strcmp(f, "sr") == 0 || strcmp(f, "ii") == 0 ||
            strcmp(f, "iii") == 0 || strcmp(f, "iv") == 0 || strcmp(f, "mr") == 0 ||
            strcmp(f, "mrs") == 0 || strcmp(f, "ms") == 0 || strcmp(f, "dr") == 0 ||
            strcmp(f, "sheikh") == 0 || strcmp(f, "h.e.") == 0 || strcmp(f, "shri") == 0)
            continue;
        memcpy(words[n++], f, fl + 1);
    }
    return n;
}

static size_t person_words(const att_person *p, char words[][48], size_t max)
{
    /* split the cached folded words */
    size_t n = 0;
    const char *q = p->words ? p->words : "";
    while (*q && n < max) {
        size_t l = strcspn(q, " ");
        if (l > 0 && l < 48) {
            memcpy(words[n], q, l);
            words[n][l] = '\0';
            n++;
        }
        q += l;
        while (*q == ' ')
            q++;
    }
    return n;
}

static char *join_words(char w[][48], size_t n)
{
    att_buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++)
        if ((i && !buf_addc(&b, ' ')) || !buf_adds(&b, w[i])) {
            buf_free(&b);
            return NULL;
        }
    return buf_take(&b);
}

static int subset(char a[][48], size_t na, char b[][48], size_t nb)
{
    for (size_t i = 0; i < na; i++) {
        size_t j = 0;
        while (j < nb && strcmp(a[i], b[j]) != 0)
            j++;
        if (j == nb)
            return 0;
    }
    return 1;
}

/* The document's tokens when t and text are theirs and folded: their
 * folded forms spare folding the name words again. */
static const att_tokens *doc_folds(const attache_doc *d, const char *text, const att_token *t)
{
    return t == d->toks.v && text == d->text && d->toks.fold ? &d->toks : NULL;
}

int people_find(const attache_doc *d, const char *text, const att_token *t, size_t b, size_t e)
{
    char mw[MAX_NAME_TOKENS + 2][48];
    size_t mn = name_words(text, t, doc_folds(d, text, t), b, e, mw, MAX_NAME_TOKENS + 2);
    if (!mn)
        return -1;
    int best = -1, best_score = -1;
    for (size_t i = 0; i < d->n_people; i++) {
        char pw[16][48];
        size_t pn = person_words(&d->people[i], pw, 16);
        if (!subset(mw, mn, pw, pn))
            continue;
        int score = 1;
        if (mn == 1 && strcmp(mw[0], pw[pn - 1]) == 0)
            score = 3; /* surname */
        else if (mn == 1 && strcmp(mw[0], pw[0]) == 0)
            score = 2; /* surname-first names: "Wang" */
        if (mn == pn)
            score = 4;
        if (score > best_score) {
            best = (int)i;
            best_score = score;
        }
    }
    return best;
}

int people_add(attache_doc *d, const char *text, const att_token *t, size_t b, size_t e)
{
    if (b >= e)
        return -1;
    char mw[MAX_NAME_TOKENS + 2][48];
    size_t mn = name_words(text, t, doc_folds(d, text, t), b, e, mw, MAX_NAME_TOKENS + 2);
    if (!mn)
        return -1;
    int found = people_find(d, text, t, b, e);
    if (found >= 0)
        return found;
    /* a fuller form of someone already known: take the fuller name */
    for (size_t i = 0; i < d->n_people; i++) {
        char pw[16][48];
        size_t pn = person_words(&d->people[i], pw, 16);
        if (pn && subset(pw, pn, mw, mn)) {
            char *nm = att_strndup(text + t[b].b, t[e - 1].e - t[b].b);
            char *wd = join_words(mw, mn);
            if (!nm || !wd) {
                free(nm);
                free(wd);
                return PEOPLE_NOMEM;
            }
            for (char *q = nm; *q; q++)
                if (*q == '\n' || *q == '\t')
                    *q = ' ';
            free(d->people[i].name);
            free(d->people[i].words);
            d->people[i].name = nm;
            d->people[i].words = wd;
            d->people[i].nwords = mn;
            return (int)i;
        }
    }
    if (!ATT_PUSH(d->people, d->n_people, d->cap_people))
        return PEOPLE_NOMEM;
    att_person *p = &d->people[d->n_people];
    p->name = att_strndup(text + t[b].b, t[e - 1].e - t[b].b);
    p->words = join_words(mw, mn);
    if (!p->name || !p->words) {
        free(p->name);
        free(p->words);
        return PEOPLE_NOMEM;
    }
    /* newlines or tabs inside a name become spaces */
    for (char *q = p->name; *q; q++)
        if (*q == '\n' || *q == '\t')
            *q = ' ';
    p->country = -1;
    p->nwords = mn;
    return (int)d->n_people++;
}
