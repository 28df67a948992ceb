/* jsonl.c - one JSON Lines record to a document description (see jsonl.h).
 * A recursive-descent reader of RFC 8259 JSON that keeps only five string
 * fields; everything else is validated and skipped, never built. */
#include "jsonl.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "util.h"

/* Nesting depth of ignored values we accept (stack use is bounded). */
#define MAX_DEPTH 64

typedef struct {
    const unsigned char *s;
    size_t n, i;
    char *err;
    size_t errlen;
    int failed; /* 1 malformed, 2 out of memory */
} reader;

enum { F_ID, F_DATE, F_TEXT, F_URL, F_SOURCE, N_FIELDS };
static const char *const FIELD_NAMES[N_FIELDS] = {"id", "date", "text", "url", "source"};

static void fail(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(reader *r, const char *fmt, ...)
{
    if (r->failed)
        return;
    r->failed = 1;
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(r->err, r->errlen, "column %zu: %s", r->i + 1, msg);
}

static void nomem(reader *r)
{
    if (!r->failed)
        r->failed = 2;
}

static void skip_ws(reader *r)
{
    while (r->i < r->n &&
           (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\r' || r->s[r->i] == '\n'))
        r->i++;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Four hex digits at r->i; -1 (and a message) when they are not. */
static long hex4(reader *r)
{
    if (r->n - r->i < 4) {
        fail(r, "\\u needs four hex digits");
        return -1;
    }
    long v = 0;
    for (size_t k = 0; k < 4; k++) {
        int h = hexval(r->s[r->i + k]);
        if (h < 0) {
            fail(r, "\\u needs four hex digits");
            return -1;
        }
        v = v * 16 + h;
    }
    r->i += 4;
    return v;
}

static int put_cp(att_buf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return buf_add(b, u, n);
}

/* Length of the valid UTF-8 sequence at s[0..avail) (2-4), 0 when invalid:
 * overlong forms, encoded surrogates and code points past U+10FFFF are. */
static size_t utf8_seq(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    size_t n;
    uint32_t min, cp;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        min = 0x80;
        cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        min = 0x800;
        cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        min = 0x10000;
        cp = c & 0x07u;
    } else {
        return 0;
    }
    if (avail < n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[k] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* A string at r->i (which is '"'); decoded into out unless out is NULL. */
static void read_string(reader *r, att_buf *out)
{
    r->i++; /* the opening quote */
    for (;;) {
        /* copy a run of plain bytes at once */
        size_t b = r->i;
        while (r->i < r->n && r->s[r->i] >= 0x20 && r->s[r->i] < 0x80 && r->s[r->i] != '"' &&
               r->s[r->i] != '\\')
            r->i++;
        if (out && r->i > b && !buf_add(out, (const char *)r->s + b, r->i - b)) {
            nomem(r);
            return;
        }
        if (r->i >= r->n) {
            fail(r, "unterminated string");
            return;
        }
        unsigned char c = r->s[r->i];
        if (c == '"') {
            r->i++;
            return;
        }
        if (c < 0x20) {
            fail(r, "raw control character 0x%02X in a string (escape it)", c);
            return;
        }
        if (c >= 0x80) {
            size_t k = utf8_seq(r->s + r->i, r->n - r->i);
            if (!k) {
                fail(r, "invalid UTF-8 in a string");
                return;
            }
            if (out && !buf_add(out, (const char *)r->s + r->i, k)) {
                nomem(r);
                return;
            }
            r->i += k;
            continue;
        }
        /* a backslash escape */
        r->i++;
        if (r->i >= r->n) {
            fail(r, "unterminated string");
            return;
        }
        char e = (char)r->s[r->i++];
        uint32_t cp;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            cp = (uint32_t)e;
            break;
        case 'b':
            cp = '\b';
            break;
        case 'f':
            cp = '\f';
            break;
        case 'n':
            cp = '\n';
            break;
        case 'r':
            cp = '\r';
            break;
        case 't':
            cp = '\t';
            break;
        case 'u': {
            long hi = hex4(r);
            if (hi < 0)
                return;
            if (hi >= 0xDC00 && hi <= 0xDFFF) {
                r->i -= 6;
                fail(r, "unpaired low surrogate \\u%04lX", hi);
                return;
            }
            if (hi >= 0xD800 && hi <= 0xDBFF) {
                if (r->n - r->i < 6 || r->s[r->i] != '\\' || r->s[r->i + 1] != 'u') {
                    r->i -= 6;
                    fail(r, "unpaired high surrogate \\u%04lX", hi);
                    return;
                }
                r->i += 2;
                long lo = hex4(r);
                if (lo < 0)
                    return;
                if (lo < 0xDC00 || lo > 0xDFFF) {
                    r->i -= 12;
                    fail(r, "high surrogate \\u%04lX not followed by a low one", hi);
                    return;
                }
                cp = 0x10000u + (((uint32_t)hi - 0xD800u) << 10) + ((uint32_t)lo - 0xDC00u);
            } else {
                cp = (uint32_t)hi;
            }
            break;
        }
        default:
            r->i--;
            fail(r, "unknown escape \\%c", e >= 0x20 && e < 0x7F ? e : '?');
            return;
        }
        if (out && !put_cp(out, cp)) {
            nomem(r);
            return;
        }
    }
}

static void expect_word(reader *r, const char *w)
{
    size_t n = strlen(w);
    if (r->n - r->i < n || memcmp(r->s + r->i, w, n) != 0) {
        fail(r, "unexpected character '%c'", r->s[r->i] >= 0x20 && r->s[r->i] < 0x7F
                                                  ? (char)r->s[r->i]
                                                  : '?');
        return;
    }
    r->i += n;
}

static int is_digit(reader *r) { return r->i < r->n && r->s[r->i] >= '0' && r->s[r->i] <= '9'; }

static void skip_number(reader *r)
{
    if (r->s[r->i] == '-')
        r->i++;
    if (!is_digit(r)) {
        fail(r, "malformed number");
        return;
    }
    if (r->s[r->i] == '0')
        r->i++;
    else
        while (is_digit(r))
            r->i++;
    if (r->i < r->n && r->s[r->i] == '.') {
        r->i++;
        if (!is_digit(r)) {
            fail(r, "malformed number");
            return;
        }
        while (is_digit(r))
            r->i++;
    }
    if (r->i < r->n && (r->s[r->i] == 'e' || r->s[r->i] == 'E')) {
        r->i++;
        if (r->i < r->n && (r->s[r->i] == '+' || r->s[r->i] == '-'))
            r->i++;
        if (!is_digit(r)) {
            fail(r, "malformed number");
            return;
        }
        while (is_digit(r))
            r->i++;
    }
}

static void skip_value(reader *r, int depth);

/* The members of an ignored object or elements of an array, after the
 * opening bracket. */
static void skip_container(reader *r, int depth, char close)
{
    if (depth > MAX_DEPTH) {
        fail(r, "nested deeper than %d levels", MAX_DEPTH);
        return;
    }
    skip_ws(r);
    if (r->i < r->n && r->s[r->i] == close) {
        r->i++;
        return;
    }
    for (;;) {
        skip_ws(r);
        if (close == '}') {
            if (r->i >= r->n || r->s[r->i] != '"') {
                fail(r, "expected a key (a string)");
                return;
            }
            read_string(r, NULL);
            skip_ws(r);
            if (r->failed)
                return;
            if (r->i >= r->n || r->s[r->i] != ':') {
                fail(r, "expected ':' after a key");
                return;
            }
            r->i++;
        }
        skip_value(r, depth + 1);
        if (r->failed)
            return;
        skip_ws(r);
        if (r->i < r->n && r->s[r->i] == ',') {
            r->i++;
            continue;
        }
        if (r->i < r->n && r->s[r->i] == close) {
            r->i++;
            return;
        }
        fail(r, "expected ',' or '%c'", close);
        return;
    }
}

static void skip_value(reader *r, int depth)
{
    skip_ws(r);
    if (r->i >= r->n) {
        fail(r, "expected a value, found the end of the line");
        return;
    }
    switch (r->s[r->i]) {
    case '"':
        read_string(r, NULL);
        break;
    case '{':
        r->i++;
        skip_container(r, depth, '}');
        break;
    case '[':
        r->i++;
        skip_container(r, depth, ']');
        break;
    case 't':
        expect_word(r, "true");
        break;
    case 'f':
        expect_word(r, "false");
        break;
    case 'n':
        expect_word(r, "null");
        break;
    default:
        if (r->s[r->i] == '-' || (r->s[r->i] >= '0' && r->s[r->i] <= '9'))
            skip_number(r);
        else
            expect_word(r, "a value"); /* never matches: reports the character */
        break;
    }
}

static int field_index(const att_buf *key)
{
    for (int f = 0; f < N_FIELDS; f++)
        if (key->len == strlen(FIELD_NAMES[f]) && memcmp(key->data, FIELD_NAMES[f], key->len) == 0)
            return f;
    return -1;
}

/* The members of the record object, after its '{'. */
static void read_record(reader *r, char *vals[N_FIELDS], size_t lens[N_FIELDS])
{
    att_buf key, val;
    buf_init(&key);
    buf_init(&val);
    int seen[N_FIELDS] = {0};
    skip_ws(r);
    if (r->i < r->n && r->s[r->i] == '}') {
        r->i++;
        goto done;
    }
    for (;;) {
        skip_ws(r);
        if (r->i >= r->n || r->s[r->i] != '"') {
            fail(r, "expected a key (a string)");
            goto done;
        }
        key.len = 0;
        read_string(r, &key);
        if (r->failed)
            goto done;
        skip_ws(r);
        if (r->i >= r->n || r->s[r->i] != ':') {
            fail(r, "expected ':' after a key");
            goto done;
        }
        r->i++;
        skip_ws(r);
        int f = field_index(&key);
        if (f < 0) {
            skip_value(r, 1);
        } else if (seen[f]) {
            fail(r, "field \"%s\" given twice", FIELD_NAMES[f]);
        } else if (r->i < r->n && r->s[r->i] == '"') {
            seen[f] = 1;
            val.len = 0;
            read_string(r, &val);
            if (!r->failed && f != F_TEXT && memchr(val.data ? val.data : "", '\0', val.len)) {
                fail(r, "field \"%s\" holds a NUL character", FIELD_NAMES[f]);
            } else if (!r->failed) {
                vals[f] = att_strndup(val.data ? val.data : "", val.len);
                lens[f] = val.len;
                if (!vals[f])
                    nomem(r);
            }
        } else if (r->n - r->i >= 4 && memcmp(r->s + r->i, "null", 4) == 0) {
            seen[f] = 1;
            r->i += 4;
        } else {
            fail(r, "field \"%s\" must be a string", FIELD_NAMES[f]);
        }
        if (r->failed)
            goto done;
        skip_ws(r);
        if (r->i < r->n && r->s[r->i] == ',') {
            r->i++;
            continue;
        }
        if (r->i < r->n && r->s[r->i] == '}') {
            r->i++;
            goto done;
        }
        fail(r, "expected ',' or '}'");
        goto done;
    }
done:
    buf_free(&key);
    buf_free(&val);
}

att_jsonl_result att_jsonl_parse(const char *line, size_t len, att_jsonl_rec *rec, char *err,
                                 size_t errlen)
{
    memset(rec, 0, sizeof *rec);
    if (errlen)
        err[0] = '\0';
    reader r = {(const unsigned char *)line, len, 0, err, errlen, 0};
    /* a byte order mark some tools put at the head of the first line */
    if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
        r.i = 3;
    skip_ws(&r);
    if (r.i >= r.n)
        return ATT_JSONL_BLANK;
    if (r.s[r.i] != '{') {
        fail(&r, "a record must be a JSON object ({...})");
        return ATT_JSONL_ERROR;
    }
    r.i++;
    char *vals[N_FIELDS] = {NULL};
    size_t lens[N_FIELDS] = {0};
    read_record(&r, vals, lens);
    if (!r.failed) {
        skip_ws(&r);
        if (r.i < r.n)
            fail(&r, "text after the record's closing '}' (one object per line)");
    }
    if (r.failed) {
        for (int f = 0; f < N_FIELDS; f++)
            free(vals[f]);
        return r.failed == 2 ? ATT_JSONL_NOMEM : ATT_JSONL_ERROR;
    }
    rec->id = vals[F_ID];
    rec->date = vals[F_DATE];
    rec->text = vals[F_TEXT];
    rec->text_len = lens[F_TEXT];
    rec->url = vals[F_URL];
    rec->source = vals[F_SOURCE];
    return ATT_JSONL_OK;
}

void att_jsonl_rec_clear(att_jsonl_rec *rec)
{
    if (!rec)
        return;
    free(rec->id);
    free(rec->date);
    free(rec->text);
    free(rec->url);
    free(rec->source);
    memset(rec, 0, sizeof *rec);
}

int att_jsonl_date(const char *s, char day[11])
{
    att_ymd v;
    size_t n = s ? strlen(s) : 0;
    if (n < 10)
        return 0;
    /* a time may follow ("T09:30:00Z", " 09:30"); anything else is not a date */
    if (n > 10 && ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || n < 12 || s[11] < '0' ||
                   s[11] > '9'))
        return 0;
    if (!att_ymd_parse(s, 10, &v))
        return 0;
    memcpy(day, s, 10);
    day[10] = '\0';
    return 1;
}
