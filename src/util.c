/* util.c - buffers, hashing, UTF-8 repair and folding. */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(att_buf *b) { memset(b, 0, sizeof(*b)); }

void buf_free(att_buf *b)
{
    free(b->data);
    buf_init(b);
}

int att_reserve_bytes(char **data, size_t *cap, size_t need, size_t first)
{
    if (need <= *cap)
        return 1;
    size_t c = *cap ? *cap : first;
    while (c < need)
        c *= 2;
    char *p = realloc(*data, c);
    if (!p)
        return 0;
    *data = p;
    *cap = c;
    return 1;
}

int buf_reserve(att_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 1; /* the common case, without a call */
    /* from 128 bytes: most IRIs fit in one allocation, no regrowth */
    return att_reserve_bytes(&b->data, &b->cap, b->len + extra + 1, 128);
}

int buf_add(att_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return 0;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 1;
}

int buf_adds(att_buf *b, const char *s) { return buf_add(b, s, strlen(s)); }

int buf_addc(att_buf *b, char c) { return buf_add(b, &c, 1); }

int buf_printf(att_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return 0;
    if ((size_t)n < sizeof tmp)
        return buf_add(b, tmp, (size_t)n);
    if (!buf_reserve(b, (size_t)n))
        return 0;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 1;
}

const char *buf_cstr(att_buf *b) { return b->data ? b->data : ""; }

char *buf_take(att_buf *b)
{
    char *p = b->data;
    if (!p)
        p = att_strdup("");
    buf_init(b);
    return p;
}

char *att_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *att_strdup(const char *s) { return s ? att_strndup(s, strlen(s)) : NULL; }

int att_grow(void **arr, size_t *cap, size_t len, size_t elem)
{
    if (len < *cap)
        return 1;
    size_t ncap = *cap ? *cap * 2 : 8;
    void *p = realloc(*arr, ncap * elem);
    if (!p)
        return 0;
    *arr = p;
    *cap = ncap;
    return 1;
}

uint64_t att_hash64(const void *data, size_t n, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = seed;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* Length of a valid UTF-8 sequence at s[0..n), 0 when invalid. */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    uint32_t cp = c & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

char *att_utf8_clean(const char *s, size_t n, size_t *out_len, size_t *repaired)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t fixes = 0, i = 0;
    /* Worst case: every byte becomes U+FFFD (3 bytes). */
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(n * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        i = 3;
    while (i < n) {
        unsigned char c = u[i];
        if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {
            /* printable ASCII, most of any text: kept as it is */
            out[o++] = (char)c;
            i++;
            continue;
        }
        if (c == '\r') {
            out[o++] = '\n';
            i += (i + 1 < n && u[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (c < 0x20 && c != '\n' && c != '\t') {
            out[o++] = ' ';
            fixes++;
            i++;
            continue;
        }
        if (c == 0x7F) {
            out[o++] = ' ';
            fixes++;
            i++;
            continue;
        }
        size_t len = utf8_valid_len(u + i, n - i);
        if (len == 0) {
            out[o++] = (char)0xEF;
            out[o++] = (char)0xBF;
            out[o++] = (char)0xBD;
            fixes++;
            i++;
            continue;
        }
        /* C1 controls (U+0080..U+009F) and U+FEFF inside the text: spaces. */
        if (len == 2 && c == 0xC2 && u[i + 1] < 0xA0) {
            out[o++] = ' ';
            fixes++;
            i += 2;
            continue;
        }
        if (len == 3 && c == 0xEF && u[i + 1] == 0xBB && u[i + 2] == 0xBF) {
            i += 3;
            continue;
        }
        memcpy(out + o, u + i, len);
        o += len;
        i += len;
    }
    out[o] = '\0';
    /* give back the worst-case slack: 3x a 50 MB document is 150 MB, and
     * bytes past the NUL were never written (valgrind sees pcre2's JIT read
     * ahead into them) */
    char *shrunk = realloc(out, o + 1);
    if (shrunk)
        out = shrunk;
    if (out_len)
        *out_len = o;
    if (repaired)
        *repaired = fixes;
    return out;
}

size_t att_utf8_next(const char *s, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if ((u[0] & 0xE0) == 0xC0) {
        *cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
        return 2;
    }
    if ((u[0] & 0xF0) == 0xE0) {
        *cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        return 3;
    }
    *cp = ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
          ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    return 4;
}

size_t att_utf8_count(const char *s, size_t n)
{
    /* code points = bytes that are no continuation byte (10xxxxxx), eight
     * bytes a step: a continuation byte has bit 7 set and bit 6 clear */
    size_t c = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t cont = x & ~(x << 1) & 0x8080808080808080ULL;
        c += 8 - (size_t)__builtin_popcountll(cont);
    }
    for (; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* ASCII base letters for U+00C0..U+017F (lower case; '*' = not a letter). */
static const char LATIN_BASE[] = "aaaaaaaceeeeiiii"
                                 "dnooooo*ouuuuyts"
                                 "aaaaaaaceeeeiiii"
                                 "dnooooo*ouuuuyty"
                                 "aaaaaaccccccccdd"
                                 "ddeeeeeeeeeegggg"
                                 "gggghhhhiiiiiiii"
                                 "iiiijjkkklllllll"
                                 "lllnnnnnnnnnoooo"
                                 "oooorrrrrrssssss"
                                 "ssttttttuuuuuuuu"
                                 "uuuuwwyyyzzzzzzs";

/* Base letter of a code point, 0 if none known; *upper tells the case. */
static char latin_base(uint32_t cp, int *upper)
{
    *upper = 0;
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') {
            *upper = 1;
            return (char)(cp - 'A' + 'a');
        }
        if (cp >= 'a' && cp <= 'z')
            return (char)cp;
        return 0;
    }
    if (cp >= 0xC0 && cp <= 0x17F) {
        char b = LATIN_BASE[cp - 0xC0];
        if (b == '*')
            return 0;
        if (cp < 0x100)
            *upper = cp <= 0xDE;
        else if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            *upper = (cp & 1) == 1;
        else if (cp == 0x130 || cp == 0x178)
            *upper = 1;
        else if (cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F)
            *upper = 0;
        else
            *upper = (cp & 1) == 0;
        return b;
    }
    if (cp == 0x1A0 || cp == 0x1A1) {
        *upper = cp == 0x1A0;
        return 'o';
    }
    if (cp == 0x1AF || cp == 0x1B0) {
        *upper = cp == 0x1AF;
        return 'u';
    }
    if (cp >= 0x218 && cp <= 0x21B) { /* Ș ș Ț ț */
        *upper = (cp & 1) == 0;
        return cp <= 0x219 ? 's' : 't';
    }
    if (cp >= 0x1EA0 && cp <= 0x1EF9) { /* Vietnamese */
        *upper = (cp & 1) == 0;
        if (cp <= 0x1EB7)
            return 'a';
        if (cp <= 0x1EC7)
            return 'e';
        if (cp <= 0x1ECB)
            return 'i';
        if (cp <= 0x1EE3)
            return 'o';
        if (cp <= 0x1EF1)
            return 'u';
        return 'y';
    }
    if (cp >= 0x391 && cp <= 0x3A9) { /* Greek capitals: letters, upper */
        *upper = 1;
        return '\x01';
    }
    if (cp >= 0x410 && cp <= 0x42F) { /* Cyrillic capitals */
        *upper = 1;
        return '\x01';
    }
    if ((cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x44F))
        return '\x01';
    return 0;
}

int att_is_upper_at(const char *s)
{
    unsigned char ch = (unsigned char)*s;
    if (ch < 0x80)
        return ch >= 'A' && ch <= 'Z';
    uint32_t cp;
    att_utf8_next(s, &cp);
    int up;
    return latin_base(cp, &up) && up;
}

int att_is_lower_at(const char *s)
{
    unsigned char ch = (unsigned char)*s;
    if (ch < 0x80)
        return ch >= 'a' && ch <= 'z';
    uint32_t cp;
    att_utf8_next(s, &cp);
    int up;
    return latin_base(cp, &up) && !up;
}

int att_is_alpha_at(const char *s)
{
    unsigned char ch = (unsigned char)*s;
    if (ch < 0x80)
        return (ch | 32) >= 'a' && (ch | 32) <= 'z';
    uint32_t cp;
    att_utf8_next(s, &cp);
    int up;
    return latin_base(cp, &up) != 0;
}

size_t att_fold(const char *s, size_t n, char *out)
{
    size_t o = 0, i = 0;
    int space = 0;
    while (i < n && s[i]) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {
            /* ASCII, most of any text: the same steps as below, without decoding */
            i++;
            if (ch == ' ' || ch == '\t' || ch == '\n') {
                space = o > 0;
                continue;
            }
            if (space) {
                out[o++] = ' ';
                space = 0;
            }
            if (ch >= 'A' && ch <= 'Z')
                ch = (unsigned char)(ch + 32);
            else if (ch == '`')
                ch = '\'';
            out[o++] = (char)ch;
            continue;
        }
        uint32_t cp;
        size_t len = att_utf8_next(s + i, &cp);
        if (i + len > n)
            break;
        i += len;
        int up;
        char b = latin_base(cp, &up);
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
            space = o > 0;
            continue;
        }
        if (space) {
            out[o++] = ' ';
            space = 0;
        }
        if (b && b != '\x01') {
            out[o++] = b;
            if (cp == 0xDF || cp == 0xC6 || cp == 0xE6 || cp == 0x152 || cp == 0x153)
                out[o++] = cp == 0xDF ? 's' : 'e';
        } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x2BC || cp == '`') {
            out[o++] = '\'';
        } else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013) {
            out[o++] = '-';
        } else {
            memcpy(out + o, s + i - len, len);
            o += len;
        }
    }
    out[o] = '\0';
    return o;
}

size_t att_slug(const char *s, size_t n, char *out, size_t max)
{
    size_t o = 0, i = 0;
    int dash = 0;
    if (max == 0)
        return 0;
    while (i < n && s[i] && o + 2 < max) {
        uint32_t cp;
        size_t len = att_utf8_next(s + i, &cp);
        if (i + len > n)
            break;
        i += len;
        int up;
        char b = (cp >= '0' && cp <= '9') ? (char)cp : latin_base(cp, &up);
        if (cp == '\'' || cp == 0x2019 || cp == '.')
            continue; /* "Xi's" -> "xis", "U.S." -> "us" */
        if (b && b != '\x01') {
            if (dash && o > 0)
                out[o++] = '-';
            dash = 0;
            out[o++] = b;
        } else {
            dash = 1;
        }
    }
    out[o] = '\0';
    return o;
}

void att_hex(uint64_t h, int digits, char *out)
{
    static const char hex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; i--) {
        out[i] = hex[h & 0xF];
        h >>= 4;
    }
    out[digits] = '\0';
}
