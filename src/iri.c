/* iri.c - minting IRIs from normalised keys. */
#include "iri.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokens.h"

#define HASH_DIGITS 12

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void iri_person_key(const char *name, char *out, size_t n)
{
    out[0] = '\0';
    size_t len = strlen(name);
    if (len > 400 || n < 2)
        return;
    att_tokens ts = {0};
    if (!att_tokenize(name, 0, len, &ts)) {
        att_tokens_free(&ts);
        return;
    }
    char words[16][64];
    const char *ptr[16];
    size_t nw = 0;
    static const char *const drop[] = {"jr", "sr", "ii", "iii", "iv", "mr", "mrs", "ms", "dr",
                                       "h.e.", "he", "sheikh", "shri", "hon", "sir", "prince"};
    for (size_t i = 0; i < ts.n && nw < 16; i++) {
        const att_token *t = &ts.v[i];
        if (t->kind != TK_WORD || t->e - t->b > 30)
            continue;
        char f[64];
        att_fold(name + t->b, t->e - t->b, f);
        /* drop initials ("j", "s.") and titles */
        size_t fl = strlen(f);
        if (fl <= 1 || (fl == 2 && f[1] == '.'))
            continue;
        int skip = 0;
        for (size_t k = 0; k < sizeof drop / sizeof drop[0] && !skip; k++)
            skip = strcmp(f, drop[k]) == 0;
        if (skip)
            continue;
        memcpy(words[nw], f, fl + 1);
        ptr[nw] = words[nw];
        nw++;
    }
    att_tokens_free(&ts);
    qsort(ptr, nw, sizeof ptr[0], cmp_str);
    size_t o = 0;
    for (size_t i = 0; i < nw; i++) {
        size_t l = strlen(ptr[i]);
        if (o + l + 2 >= n)
            break;
        if (o)
            out[o++] = ' ';
        memcpy(out + o, ptr[i], l);
        o += l;
    }
    out[o] = '\0';
}

static int add_slug_hash(att_buf *b, const char *slug_src, size_t max, const char *key)
{
    char slug[128];
    size_t sl = att_slug(slug_src, strlen(slug_src), slug, max < sizeof slug ? max : sizeof slug);
    while (sl > 0 && slug[sl - 1] == '-')
        slug[--sl] = '\0';
    char hex[HASH_DIGITS + 1];
    att_hex(att_hash64(key, strlen(key), ATT_HASH_SEED), HASH_DIGITS, hex);
    if (sl)
        return buf_add(b, slug, sl) && buf_addc(b, '-') && buf_adds(b, hex);
    return buf_adds(b, hex);
}

int iri_pct(att_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            if (!buf_addc(b, (char)c))
                return 0;
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            if (!buf_add(b, e, 3))
                return 0;
        }
    }
    return 1;
}

int iri_person(att_buf *b, const char *base, const char *name)
{
    char key[256];
    iri_person_key(name, key, sizeof key);
    return iri_person_keyed(b, base, key);
}

int iri_person_keyed(att_buf *b, const char *base, const char *key)
{
    return buf_adds(b, base) && buf_adds(b, "person/") && add_slug_hash(b, key, 48, key);
}

int iri_country(att_buf *b, const char *base, const char *a2)
{
    return buf_adds(b, base) && buf_adds(b, "country/") && buf_adds(b, a2);
}

int iri_role(att_buf *b, const char *base, const char *key)
{
    char slug[96];
    att_slug(key, strlen(key), slug, sizeof slug);
    return buf_adds(b, base) && buf_adds(b, "role/") && buf_adds(b, slug[0] ? slug : "role");
}

static int post_suffix(att_buf *b, const char *a2, const char *org, const char *key)
{
    char slug[96];
    att_slug(key, strlen(key), slug, sizeof slug);
    if (a2 && *a2)
        return buf_adds(b, a2) && buf_addc(b, '-') && buf_adds(b, slug);
    if (org && *org) {
        char os[64];
        att_slug(org, strlen(org), os, sizeof os);
        return buf_adds(b, "org-") && buf_adds(b, os) && buf_addc(b, '-') && buf_adds(b, slug);
    }
    return buf_adds(b, slug);
}

int iri_post(att_buf *b, const char *base, const char *a2, const char *org, const char *key)
{
    return buf_adds(b, base) && buf_adds(b, "post/") && post_suffix(b, a2, org, key);
}

int iri_membership(att_buf *b, const char *base, const char *kind, const char *person,
                   const char *a2, const char *org, const char *key)
{
    char pk[256];
    iri_person_key(person, pk, sizeof pk);
    return iri_membership_keyed(b, base, kind, pk, a2, org, key);
}

int iri_membership_keyed(att_buf *b, const char *base, const char *kind, const char *pk,
                         const char *a2, const char *org, const char *key)
{
    att_buf post;
    buf_init(&post);
    if (!post_suffix(&post, a2, org, key)) {
        buf_free(&post);
        return 0;
    }
    att_buf k;
    buf_init(&k);
    int ok = buf_adds(&k, pk) && buf_addc(&k, '|') && buf_adds(&k, buf_cstr(&post));
    att_buf slug;
    buf_init(&slug);
    ok = ok && buf_adds(&slug, pk) && buf_addc(&slug, ' ') && buf_adds(&slug, buf_cstr(&post));
    ok = ok && buf_adds(b, base) && buf_adds(b, kind) && buf_addc(b, '/') &&
         add_slug_hash(b, buf_cstr(&slug), 80, buf_cstr(&k));
    buf_free(&post);
    buf_free(&k);
    buf_free(&slug);
    return ok;
}

int iri_place(att_buf *b, const char *base, const char *name, const char *a2,
              const char *geonameid)
{
    char slug[96];
    att_slug(name, strlen(name), slug, 48);
    if (!buf_adds(b, base) || !buf_adds(b, "place/"))
        return 0;
    if (geonameid && *geonameid)
        return buf_adds(b, slug[0] ? slug : "place") && buf_addc(b, '-') && buf_adds(b, geonameid);
    char key[512];
    char f[400];
    size_t n = strlen(name);
    if (n > 190)
        n = 190;
    att_fold(name, n, f);
    snprintf(key, sizeof key, "%s|%s", f, a2 ? a2 : "");
    return add_slug_hash(b, name, 48, key);
}

int iri_meeting(att_buf *b, const char *base, const char *date, const char *const *people,
                size_t n, const char *doc)
{
    const char **keys = malloc((n ? n : 1) * sizeof *keys);
    char(*store)[256] = malloc((n ? n : 1) * sizeof *store);
    if (!keys || !store) {
        free(keys);
        free(store);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        iri_person_key(people[i], store[i], sizeof store[i]);
        keys[i] = store[i];
    }
    int ok = iri_meeting_keyed(b, base, date, keys, n, doc);
    free(keys);
    free(store);
    return ok;
}

int iri_meeting_keyed(att_buf *b, const char *base, const char *date,
                      const char *const *person_keys, size_t n, const char *doc)
{
    const char **keys = malloc((n ? n : 1) * sizeof *keys);
    if (!keys)
        return 0;
    if (n)
        memcpy(keys, person_keys, n * sizeof *keys);
    qsort(keys, n, sizeof keys[0], cmp_str);
    att_buf k;
    buf_init(&k);
    int ok = buf_adds(&k, date ? date : "undated");
    for (size_t i = 0; i < n && ok; i++)
        ok = buf_addc(&k, '|') && buf_adds(&k, keys[i]);
    if (!date && ok)
        ok = buf_addc(&k, '#') && buf_adds(&k, doc);
    char hex[HASH_DIGITS + 1];
    att_hex(att_hash64(buf_cstr(&k), k.len, ATT_HASH_SEED), HASH_DIGITS, hex);
    ok = ok && buf_adds(b, base) && buf_adds(b, "event/meeting-") &&
         buf_adds(b, date ? date : "undated") && buf_addc(b, '-') && buf_adds(b, hex);
    buf_free(&k);
    free(keys);
    return ok;
}

int iri_event(att_buf *b, const char *base, const char *label, const char *const *parties,
              size_t n)
{
    char f[512];
    size_t l = strlen(label);
    if (l > 250)
        l = 250;
    att_fold(label, l, f);
    att_buf k;
    buf_init(&k);
    int ok = buf_adds(&k, f);
    const char **sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!sorted) {
        buf_free(&k);
        return 0;
    }
    memcpy(sorted, parties, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_str);
    for (size_t i = 0; i < n && ok; i++)
        ok = buf_addc(&k, '|') && buf_adds(&k, sorted[i]);
    free(sorted);
    ok = ok && buf_adds(b, base) && buf_adds(b, "event/") &&
         add_slug_hash(b, label, 60, buf_cstr(&k));
    buf_free(&k);
    return ok;
}

int iri_time(att_buf *b, const char *base, const char *date)
{
    return buf_adds(b, base) && buf_adds(b, "time/") && buf_adds(b, date);
}

int iri_doc(att_buf *b, const char *base, const char *id)
{
    return buf_adds(b, base) && buf_adds(b, "doc/") && iri_pct(b, id);
}
