/* document.c - read a readout: repair its UTF-8, take its date line, find
 * header lines and the dateline, and cut it into sentences and tokens. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "grammar.h"
#include "sentences.h"
#include "util.h"
#include "world.h"

/* Longest document we accept (bytes); larger inputs are refused with a message. */
#define MAX_DOC_BYTES ((size_t)256 * 1024 * 1024)

const att_pf_span *doc_pf_span(const attache_world *w, attache_doc *d, size_t s)
{
    if (s >= d->n_sents)
        return NULL;
    if (!d->pf_spans) {
        /* a span whose pf is NULL is not scanned yet (no calloc: the spans
         * are large and most of each is never read) */
        d->pf_spans = malloc(d->n_sents * sizeof *d->pf_spans);
        if (!d->pf_spans)
            return NULL;
        for (size_t i = 0; i < d->n_sents; i++)
            d->pf_spans[i].pf = NULL;
    }
    att_pf_span *sp = &d->pf_spans[s];
    if (!sp->pf)
        att_pf_scan(w->pf, d->text, d->sents[s].b, d->sents[s].e, sp);
    return sp;
}

static void free_facts(attache_doc *d)
{
    for (size_t i = 0; i < d->n_people; i++) {
        free(d->people[i].name);
        free(d->people[i].words);
    }
    free(d->mention_at);
    d->mention_at = NULL;
    free(d->gz_hits);
    d->gz_hits = NULL;
    att_times_memo_free(d->times_memo);
    d->times_memo = NULL;
    free(d->pf_spans);
    d->pf_spans = NULL;
    for (size_t i = 0; i < d->n_roles; i++) {
        free(d->roles[i].title);
        free(d->roles[i].role_key);
        free(d->roles[i].role_label);
    }
    for (size_t i = 0; i < d->n_meetings; i++) {
        free(d->meetings[i].people);
        free(d->meetings[i].place);
        free(d->meetings[i].place_in);
        free(d->meetings[i].super_event);
    }
    for (size_t i = 0; i < d->n_sched; i++) {
        free(d->sched[i].label);
        free(d->sched[i].phrase);
        free(d->sched[i].body);
        free(d->sched[i].parties);
    }
    free(d->people);
    free(d->mentions);
    d->mentions = NULL;
    d->n_mentions = d->cap_mentions = 0;
    free(d->roles);
    free(d->meetings);
    free(d->sched);
    d->people = NULL;
    d->roles = NULL;
    d->meetings = NULL;
    d->sched = NULL;
    d->n_people = d->n_roles = d->n_meetings = d->n_sched = 0;
    d->cap_people = d->cap_roles = d->cap_meetings = d->cap_sched = 0;
}

void attache_doc_free(attache_doc *d)
{
    if (!d)
        return;
    free_facts(d);
    free(d->id);
    free(d->where);
    free(d->url);
    free(d->source);
    free(d->text);
    free(d->title);
    free(d->dateline_place);
    free(d->sents);
    att_tokens_free(&d->toks);
    free(d);
}

/* The document name from a path: the file name without its extension. */
static char *id_from_path(const char *path)
{
    if (!path || strcmp(path, "-") == 0)
        return att_strdup("stdin");
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return att_strndup(base, n);
}

/* The ` date YYYY-MM-DD` line: returns 1 with *end past it when the first
 * non-blank line is a date line; -1 when it is one but malformed. */
static int date_line(const char *t, size_t len, char date[11], size_t *end)
{
    size_t i = 0;
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n'))
        i++;
    if (len - i < 5 || strncmp(t + i, "date", 4) != 0 || (t[i + 4] != ' ' && t[i + 4] != '\t'))
        return 0;
    size_t j = i + 4;
    while (j < len && (t[j] == ' ' || t[j] == '\t'))
        j++;
    size_t vb = j;
    while (j < len && t[j] != '\n' && t[j] != ' ' && t[j] != '\t')
        j++;
    size_t ve = j;
    while (j < len && t[j] != '\n') {
        if (t[j] != ' ' && t[j] != '\t')
            return 0; /* "date of the visit ..." is text, not a date line */
        j++;
    }
    att_ymd v;
    if (!att_ymd_parse(t + vb, ve - vb, &v))
        return -1;
    memcpy(date, t + vb, 10);
    date[10] = '\0';
    *end = j;
    return 1;
}

static int ends_like_sentence(const char *s, size_t b, size_t e)
{
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    /* a wire service's end mark after the last sentence: "... said. (END)" */
    if (e - b > 8 && s[e - 1] == ')') {
        size_t k = e - 1;
        while (k > b && k + 8 > e && s[k - 1] != '(')
            k--;
        if (k > b && s[k - 1] == '(' && k + 8 > e) {
            size_t q = k - 1;
            while (q > b && s[q - 1] == ' ')
                q--;
            if (q > b && (s[q - 1] == '.' || s[q - 1] == '!' || s[q - 1] == '?'))
                return 1;
        }
    }
    if (e == b)
        return 0;
    unsigned char c = (unsigned char)s[e - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
        return 1;
    /* closing quote/parenthesis after punctuation: ." .” .) */
    if ((c == '"' || c == ')' || c == '\'') && e - b >= 2 &&
        (s[e - 2] == '.' || s[e - 2] == '!' || s[e - 2] == '?'))
        return 1;
    if (e - b >= 4 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
        ((unsigned char)s[e - 1] == 0x9D || (unsigned char)s[e - 1] == 0x99) &&
        (s[e - 4] == '.' || s[e - 4] == '!' || s[e - 4] == '?'))
        return 1;
    return 0;
}

/* Recognise a dateline at the head of paragraph [b, e): "BEIJING, Nov. 6
 * (Xinhua) --", "MOSCOW, August 23. /TASS/.", "Hanoi (VNA) -", "San
 * Cristóbal (Táchira, Venezuela), August 11, 2022.". Sets the place, the
 * reference date when one is given and d->body. */
static void find_dateline(const attache_world *w, attache_doc *d, size_t b, size_t e)
{
    size_t b0, e0;
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    if (!md)
        return;
    size_t lim = e - b > 200 ? b + 200 : e;
    int rc = pcre2_match(w->pat.dateline.code, (PCRE2_SPTR)d->text + b, lim - b, 0,
                         PCRE2_NO_UTF_CHECK, md, NULL);
    if (rc > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        b0 = ov[2];
        e0 = ov[3];
        free(d->dateline_place);
        /* "GENEVA/BEIJING": the last city is where the text speaks from */
        size_t pb = b0;
        for (size_t i = b0; i < e0; i++)
            if (d->text[b + i] == '/')
                pb = i + 1;
        d->dateline_place = att_strndup(d->text + b + pb, e0 - pb);
        d->body = b + ov[1];
        /* the date part, if any, between the place and the separator */
        att_time t[2];
        att_ymd ref = d->ref;
        if (!ref.y) {
            ref.y = 0;
        }
        if (ref.y) {
            size_t n = att_times_find(w->dates, d->text + b, ov[1], ref, ATT_DIR_PAST, t, 2);
            if (n > 0 && t[0].kind == ATT_TIME_ABSOLUTE && t[0].prec == ATT_PREC_DAY) {
                d->ref = t[0].value;
                d->ref_from_dateline = 1;
            }
        }
    }
    pcre2_match_data_free(md);
}

attache_status attache_doc_read_mem(const attache_world *w, const char *where, const char *text,
                                    size_t len, const attache_doc_options *opts,
                                    attache_doc **out)
{
    *out = NULL;
    const char *name = where ? where : "-";
    if (len > MAX_DOC_BYTES) {
        world_diag(w, ATTACHE_DIAG_ERROR, name, "document too large (%zu bytes, limit %zu)", len,
                   MAX_DOC_BYTES);
        return ATTACHE_ERR_INPUT;
    }
    attache_doc *d = calloc(1, sizeof *d);
    if (!d)
        return ATTACHE_ERR_NOMEM;
    d->issuing_country = -1;
    d->where = att_strdup(name);
    d->id = opts && opts->id ? att_strdup(opts->id) : id_from_path(where);
    d->url = opts && opts->url ? att_strdup(opts->url) : NULL;
    d->source = opts && opts->source ? att_strdup(opts->source) : NULL;
    d->text = att_utf8_clean(text, len, &d->len, &d->repaired);
    if (!d->where || !d->id || !d->text) {
        attache_doc_free(d);
        return ATTACHE_ERR_NOMEM;
    }
    d->hash = att_hash64(d->text, d->len, ATT_HASH_SEED);
    if (d->repaired > 0) {
        /* mostly-binary input is not a readout */
        if (d->repaired * 10 > d->len / 3 + 8 && d->repaired > 16) {
            world_diag(w, ATTACHE_DIAG_ERROR, name,
                       "not a text document (%zu of %zu bytes are invalid UTF-8 or control "
                       "characters)",
                       d->repaired, len);
            attache_doc_free(d);
            return ATTACHE_ERR_INPUT;
        }
        world_diag(w, ATTACHE_DIAG_WARNING, name,
                   "%zu invalid UTF-8 sequences or control characters replaced", d->repaired);
    }
    size_t start = 0;
    int dl = date_line(d->text, d->len, d->date, &start);
    if (dl < 0) {
        world_diag(w, ATTACHE_DIAG_ERROR, name,
                   "malformed date line (expected ' date YYYY-MM-DD' with a real calendar day)");
        attache_doc_free(d);
        return ATTACHE_ERR_INPUT;
    }
    if (dl > 0)
        att_ymd_parse(d->date, 10, &d->ref);
    else if (opts && opts->default_date) {
        if (!att_ymd_parse(opts->default_date, strlen(opts->default_date), &d->ref)) {
            world_diag(w, ATTACHE_DIAG_ERROR, name, "bad --date '%s'", opts->default_date);
            attache_doc_free(d);
            return ATTACHE_ERR_ARG;
        }
        memcpy(d->date, opts->default_date, 10);
        d->date[10] = '\0';
    }
    /* readouts run at about a token per 5 bytes and fold to about their
     * own length: room for a typical document's tokens up front (more
     * still grow the arrays as before) */
    if (!att_tokens_reserve(&d->toks, d->len / 5 + 16, d->len + d->len / 4 + 64)) {
        attache_doc_free(d);
        return ATTACHE_ERR_NOMEM;
    }
    /* paragraphs: header lines before the first real paragraph give the title */
    size_t i = start, para = 0;
    int first_para = 1;
    d->body = start;
    while (i < d->len) {
        size_t e = i;
        while (e < d->len && d->text[e] != '\n')
            e++;
        size_t b = i;
        while (b < e && (d->text[b] == ' ' || d->text[b] == '\t'))
            b++;
        if (b < e) {
            /* a line too long for a title is text, however it ends */
            /* a line without closing punctuation is a headline, byline or
             * dateline; a long one is a paragraph that ends oddly ("(END)") */
            size_t spaces = 0;
            for (size_t k = b; k < e && spaces < 25; k++)
                spaces += d->text[k] == ' ';
            int header = !ends_like_sentence(d->text, b, e) && e - b <= ATT_MAX_SENTENCE &&
                         spaces < 25;
            if (header && !d->title && first_para) {
                size_t te = e;
                while (te > b && d->text[te - 1] == ' ')
                    te--;
                d->title = att_strndup(d->text + b, te - b);
            }
            size_t sb = b;
            if (!header && first_para) {
                find_dateline(w, d, b, e);
                if (d->body > b && d->body <= e)
                    sb = d->body;
                first_para = 0;
            }
            if (!att_split_sentences(d, sb, e, header, para)) {
                attache_doc_free(d);
                return ATTACHE_ERR_NOMEM;
            }
            para++;
        }
        i = e + 1;
    }
    size_t real = 0;
    for (size_t k = 0; k < d->n_sents; k++)
        real += !d->sents[k].header;
    if (d->n_sents == 0) {
        world_diag(w, ATTACHE_DIAG_ERROR, name, "empty document (no text%s)",
                   dl > 0 ? " after the date line" : "");
        attache_doc_free(d);
        return ATTACHE_ERR_INPUT;
    }
    if (!d->ref.y)
        world_diag(w, ATTACHE_DIAG_WARNING, name,
                   "no date line, dateline or --date: relative dates are left unresolved");
    (void)real;
    *out = d;
    return ATTACHE_SUCCESS;
}

attache_status attache_doc_read_file(const attache_world *w, const char *path,
                                     const attache_doc_options *opts, attache_doc **out)
{
    *out = NULL;
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!fp) {
        world_diag(w, ATTACHE_DIAG_ERROR, path, "cannot open: %s", strerror(errno));
        return ATTACHE_ERR_IO;
    }
    att_buf b;
    buf_init(&b);
    char chunk[65536];
    size_t n;
    attache_status st = ATTACHE_SUCCESS;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (b.len + n > MAX_DOC_BYTES) {
            world_diag(w, ATTACHE_DIAG_ERROR, path, "document too large (over %zu bytes)",
                       MAX_DOC_BYTES);
            st = ATTACHE_ERR_INPUT;
            break;
        }
        if (!buf_add(&b, chunk, n)) {
            st = ATTACHE_ERR_NOMEM;
            break;
        }
    }
    if (st == ATTACHE_SUCCESS && ferror(fp)) {
        world_diag(w, ATTACHE_DIAG_ERROR, path, "read error: %s", strerror(errno));
        st = ATTACHE_ERR_IO;
    }
    if (fp != stdin)
        fclose(fp);
    if (st == ATTACHE_SUCCESS)
        st = attache_doc_read_mem(w, path, b.data ? b.data : "", b.len, opts, out);
    buf_free(&b);
    return st;
}

const char *attache_doc_id(const attache_doc *d) { return d->id; }
const char *attache_doc_date(const attache_doc *d) { return d->date; }
size_t attache_doc_sentence_count(const attache_doc *d) { return d->n_sents; }

size_t doc_char_offset(const attache_doc *d, size_t b)
{
    /* sentences know their code-point starts: count from the nearest */
    size_t base_b = 0, base_c = 0;
    for (size_t i = 0; i < d->n_sents; i++) {
        if (d->sents[i].b <= b) {
            base_b = d->sents[i].b;
            base_c = d->sents[i].cb;
        } else {
            break;
        }
    }
    return base_c + att_utf8_count(d->text + base_b, b - base_b);
}
