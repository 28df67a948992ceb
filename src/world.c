/* world.c - attache_world: load the reference data and compile the patterns
 * once; everything after that reads them. */
#include "world.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "patterns.h"
#include "util.h"

#ifndef ATTACHE_DATA_DIR
#define ATTACHE_DATA_DIR "/usr/local/share/attache/data"
#endif

const char *attache_strerror(attache_status st)
{
    switch (st) {
    case ATTACHE_SUCCESS:
        return "success";
    case ATTACHE_FAILURE:
        return "nothing done";
    case ATTACHE_ERR_NOMEM:
        return "out of memory";
    case ATTACHE_ERR_IO:
        return "input/output error";
    case ATTACHE_ERR_DATA:
        return "reference data missing or malformed";
    case ATTACHE_ERR_PATTERN:
        return "pattern failed to compile";
    case ATTACHE_ERR_INPUT:
        return "unusable input document";
    case ATTACHE_ERR_ARG:
        return "bad argument";
    case ATTACHE_ERR_RDF:
        return "RDF library error";
    case ATTACHE_ERR_QUERY:
        return "query error";
    case ATTACHE_ERR_STORE:
        return "store error";
    }
    return "unknown status";
}

void world_diag(const attache_world *w, attache_level lvl, const char *where, const char *fmt,
                ...)
{
    if (!w || !w->diag)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    w->diag(w->diag_ctx, lvl, where, msg);
}

attache_status re_compile(const attache_world *w, att_re *re, const char *name, const char *src,
                          uint32_t flags)
{
    int err;
    PCRE2_SIZE off;
    re->code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, flags, &err, &off, NULL);
    if (!re->code) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(err, buf, sizeof buf);
        world_diag(w, ATTACHE_DIAG_ERROR, name, "pattern error at offset %zu: %s", (size_t)off,
                   (const char *)buf);
        return ATTACHE_ERR_PATTERN;
    }
    /* JIT when the platform has it; the interpreter otherwise */
    (void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
    return ATTACHE_SUCCESS;
}

void re_free(att_re *re)
{
    if (re && re->code) {
        pcre2_code_free(re->code);
        re->code = NULL;
    }
}

int re_find(const att_re *re, const char *s, size_t len, size_t start, pcre2_match_data *md,
            size_t *b, size_t *e)
{
    return re_find_mc(re, s, len, start, md, NULL, b, e);
}

int re_find_mc(const att_re *re, const char *s, size_t len, size_t start, pcre2_match_data *md,
               pcre2_match_context *mc, size_t *b, size_t *e)
{
    int rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, md, mc);
    if (rc <= 0)
        return 0; /* PCRE2_ERROR_NOMATCH, or a limit: treated as no match */
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    *b = ov[0];
    *e = ov[1];
    return 1;
}

static int is_dir(const char *p)
{
    struct stat st;
    return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static attache_status compile_all(attache_world *w)
{
    const uint32_t T = PCRE2_CASELESS | PCRE2_UTF;
    /* the prefiltered patterns stop at the last of their words (re_find_in) */
    const uint32_t TL = T | PCRE2_USE_OFFSET_LIMIT;
    struct {
        att_re *re;
        const char *name, *src;
        uint32_t flags;
        const char *words; /* prefilter list (NULL: none); see prefilter.h */
        int gaps;          /* its ATT_PF_*_GAPS, -1 */
    } all[] = {
        {&w->pat.meet_trigger, "meeting trigger", ATT_RE_MEET_TRIGGER, TL, ATT_PF_MEET_TRIGGER,
         ATT_PF_MEET_TRIGGER_GAPS},
        {&w->pat.meet_join, "meeting join", ATT_RE_MEET_JOIN, TL, ATT_PF_MEET_JOIN,
         ATT_PF_MEET_JOIN_GAPS},
        {&w->pat.phone, "phone", ATT_RE_PHONE, TL, ATT_PF_PHONE, ATT_PF_PHONE_GAPS},
        {&w->pat.video, "video", ATT_RE_VIDEO, TL, ATT_PF_VIDEO, ATT_PF_VIDEO_GAPS},
        {&w->pat.future, "future", ATT_RE_FUTURE, TL, ATT_PF_FUTURE, ATT_PF_FUTURE_GAPS},
        {&w->pat.sched_trigger, "scheduled trigger", ATT_RE_SCHED_TRIGGER, TL,
         ATT_PF_SCHED_TRIGGER, ATT_PF_SCHED_TRIGGER_GAPS},
        {&w->pat.not_happened, "not happened", ATT_RE_NOT_HAPPENED, TL, ATT_PF_NOT_HAPPENED,
         ATT_PF_NOT_HAPPENED_GAPS},
        {&w->pat.sched_exclude, "scheduled exclusion", ATT_RE_SCHED_EXCLUDE, TL,
         ATT_PF_SCHED_EXCLUDE, ATT_PF_SCHED_EXCLUDE_GAPS},
        {&w->pat.speech, "speech", ATT_RE_SPEECH, T, NULL, -1},
        {&w->pat.dateline, "dateline", ATT_RE_DATELINE, PCRE2_UTF | PCRE2_UCP, NULL, -1},
    };
    w->pf = att_pf_new();
    if (!w->pf)
        return ATTACHE_ERR_NOMEM;
    uint32_t bit = 1;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        TRY(re_compile(w, all[i].re, all[i].name, all[i].src, all[i].flags));
        all[i].re->pf = 0;
        all[i].re->gaps = all[i].gaps;
        if (!all[i].words)
            continue;
        if (!att_pf_add(w->pf, bit, all[i].words)) {
            world_diag(w, ATTACHE_DIAG_ERROR, all[i].name, "bad prefilter word list");
            return ATTACHE_ERR_PATTERN;
        }
        all[i].re->pf = bit;
        bit <<= 1;
    }
    return ATTACHE_SUCCESS;
}

attache_status attache_world_new(const char *data_dir, attache_diag_fn diag, void *diag_ctx,
                                 attache_world **out)
{
    *out = NULL;
    attache_world *w = calloc(1, sizeof *w);
    if (!w)
        return ATTACHE_ERR_NOMEM;
    w->diag = diag;
    w->diag_ctx = diag_ctx;
    const char *dir = data_dir;
    if (!dir)
        dir = getenv("ATTACHE_DATA");
    if (!dir || !*dir)
        dir = is_dir(ATTACHE_DATA_DIR) ? ATTACHE_DATA_DIR : "ontology/data";
    w->data_dir = att_strdup(dir);
    w->base = att_strdup(ATTACHE_DEFAULT_BASE);
    if (!w->data_dir || !w->base) {
        attache_world_free(w);
        return ATTACHE_ERR_NOMEM;
    }
    char err[512];
    attache_status st = gaz_load(dir, &w->gaz, err, sizeof err);
    if (st != ATTACHE_SUCCESS) {
        world_diag(w, ATTACHE_DIAG_ERROR, dir, "%s", err[0] ? err : attache_strerror(st));
        attache_world_free(w);
        return st;
    }
    w->dates = att_dates_new();
    if (!w->dates) {
        attache_world_free(w);
        return ATTACHE_ERR_PATTERN;
    }
    st = compile_all(w);
    if (st != ATTACHE_SUCCESS) {
        attache_world_free(w);
        return st;
    }
    *out = w;
    return ATTACHE_SUCCESS;
}

void attache_world_free(attache_world *w)
{
    if (!w)
        return;
    att_re *res[] = {&w->pat.meet_trigger, &w->pat.meet_join, &w->pat.phone,  &w->pat.video,
                     &w->pat.future,       &w->pat.sched_trigger, &w->pat.not_happened,
                     &w->pat.sched_exclude,
                     &w->pat.speech,       &w->pat.dateline};
    for (size_t i = 0; i < sizeof res / sizeof res[0]; i++)
        re_free(res[i]);
    att_pf_free(w->pf);
    gaz_free(w->gaz);
    att_dates_free(w->dates);
    free(w->base);
    free(w->data_dir);
    free(w);
}

attache_status attache_world_set_base(attache_world *w, const char *base)
{
    size_t n = base ? strlen(base) : 0;
    if (n < 8 || (base[n - 1] != '/' && base[n - 1] != '#') || !strchr(base, ':'))
        return ATTACHE_ERR_ARG;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)base[i];
        if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
            c == '\\' || c == '^' || c == '`')
            return ATTACHE_ERR_ARG;
    }
    char *b = att_strdup(base);
    if (!b)
        return ATTACHE_ERR_NOMEM;
    free(w->base);
    w->base = b;
    return ATTACHE_SUCCESS;
}

const char *attache_world_base(const attache_world *w) { return w->base; }

void attache_world_counts(const attache_world *w, size_t *countries, size_t *offices,
                          size_t *places)
{
    if (countries)
        *countries = gaz_country_count(w->gaz);
    if (offices)
        *offices = gaz_office_count(w->gaz);
    if (places)
        *places = gaz_city_count(w->gaz);
}
