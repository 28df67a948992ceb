/* cli_jsonl.c - JSON Lines input for the command line (--jsonl): each line
 * of a file or stdin is one document {id, date, text, url?, source?}, so a
 * crawl's output feeds attache without a file per page. The record reader
 * itself is in the library (jsonl.c) where it is unit-tested. Lines are read
 * one at a time: memory holds one line and one document, whatever the file.
 *
 * A malformed line, a line without text or id, or a bad date is named
 * FILE:LINE on standard error and skipped; the rest go on. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "cli.h"
#include "jsonl.h"

static void line_error(const char *file, size_t lineno, const char *what, const char *detail)
{
    fprintf(stderr, "attache: %s:%zu: error: %s%s\n", file, lineno, what, detail);
}

/* *read counts the non-blank lines, *failed those that could not be made
 * into a document; a document that fn fails on is fn's to count. */
int cli_jsonl_each(attache_world *w, const cli_opts *o, const char *file, size_t *read,
                   size_t *failed, int (*fn)(void *ctx, attache_doc *d), void *ctx)
{
    *read = 0;
    *failed = 0;
    int is_stdin = strcmp(file, "-") == 0;
    const char *name = is_stdin ? "stdin" : file;
    FILE *fp = is_stdin ? stdin : fopen(file, "rb");
    if (!fp) {
        fprintf(stderr, "attache: %s: error: cannot open: %s\n", file, strerror(errno));
        *failed = 1;
        return 1;
    }
    char *line = NULL, *where = NULL;
    size_t cap = 0, lineno = 0, where_cap = strlen(name) + 24;
    ssize_t len;
    int rc = 0;
    where = malloc(where_cap);
    if (!where) {
        fprintf(stderr, "attache: %s: error: out of memory\n", name);
        rc = 1;
        (*failed)++;
        goto out;
    }
    while ((len = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        snprintf(where, where_cap, "%s:%zu", name, lineno);
        char err[256];
        att_jsonl_rec rec;
        att_jsonl_result jr = att_jsonl_parse(line, (size_t)len, &rec, err, sizeof err);
        if (jr == ATT_JSONL_BLANK)
            continue;
        (*read)++;
        if (jr != ATT_JSONL_OK) {
            line_error(name, lineno, "malformed JSON: ",
                       jr == ATT_JSONL_NOMEM ? "out of memory" : err);
            (*failed)++;
            rc = 1;
            continue;
        }
        attache_doc_options opts = {0};
        char day[11];
        const char *bad = NULL, *detail = "";
        char msg[160];
        if (!rec.text) {
            bad = "no \"text\" field";
        } else if ((!rec.id || !rec.id[0]) && (!rec.url || !rec.url[0])) {
            bad = "no \"id\" (or \"url\") field to name the document";
        } else if (rec.date && rec.date[0] && !att_jsonl_date(rec.date, day)) {
            snprintf(msg, sizeof msg, "'%.80s' (expected YYYY-MM-DD, a real calendar day)",
                     rec.date);
            bad = "bad date ";
            detail = msg;
        }
        if (bad) {
            line_error(name, lineno, bad, detail);
            att_jsonl_rec_clear(&rec);
            (*failed)++;
            rc = 1;
            continue;
        }
        opts.id = rec.id && rec.id[0] ? rec.id : rec.url;
        opts.default_date = rec.date && rec.date[0] ? day : o->date;
        opts.url = rec.url && rec.url[0] ? rec.url : NULL;
        opts.source = rec.source && rec.source[0] ? rec.source : NULL;
        attache_doc *d = NULL;
        attache_status st = attache_doc_read_mem(w, where, rec.text, rec.text_len, &opts, &d);
        att_jsonl_rec_clear(&rec);
        if (st != ATTACHE_SUCCESS) {
            /* the library named the problem (with FILE:LINE) through the diag callback */
            (*failed)++;
            rc = 1;
            continue;
        }
        if (fn(ctx, d))
            rc = 1;
        attache_doc_free(d);
    }
    if (ferror(fp)) {
        fprintf(stderr, "attache: %s: error: read error: %s\n", name, strerror(errno));
        (*failed)++;
        rc = 1;
    }
out:
    free(line);
    free(where);
    if (!is_stdin)
        fclose(fp);
    return rc;
}
