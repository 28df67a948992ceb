/* fuzz_pipeline.c - libFuzzer target: the whole pipeline, read -> extract ->
 * write, through every serializer, with each RDF result parsed back by
 * raptor2 in the same process: any parse error, a triple count that does
 * not match, or a document missing from its own output aborts.
 *
 * Input: the document text; or, when the first byte is 0x01, a first line
 * "ID\x02URL\x02SOURCE" (the metadata --jsonl gives) and then the text. */
#include <raptor2.h>

#include "fuzz_common.h"
#include "iri.h"
#include "util.h"

static const char *const SYNTAX[] = {"turtle", "ntriples", "nquads", "rdfxml", "dot"};
static const char *const PARSER[] = {"turtle", "ntriples", "nquads", "rdfxml", NULL};

static raptor_world *rw;
/* Fuzzing: one syntax per input (picked by its size), for speed; replaying
 * (standalone.c sets ATTACHE_FUZZ_ALL_SYNTAXES): every syntax. */
static int all_syntaxes;
static int parse_errors;
static size_t parsed;

static void on_log(void *ctx, raptor_log_message *m) {
    (void)ctx;
    if (m->level >= RAPTOR_LOG_LEVEL_ERROR) {
        parse_errors++;
        fprintf(stderr, "fuzz: raptor: %s (line %d)\n", m->text,
                m->locator ? m->locator->line : -1);
    }
}

static void on_statement(void *ctx, raptor_statement *st) {
    (void)ctx;
    (void)st;
    parsed++;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    fuzz_world();
    all_syntaxes = getenv("ATTACHE_FUZZ_ALL_SYNTAXES") != NULL;
    rw = raptor_new_world();
    if (!rw || raptor_world_open(rw))
        abort();
    raptor_world_set_log_handler(rw, NULL, on_log);
    return 0;
}

/* Parse buf as `syntax`; returns the number of statements, aborts on error. */
static size_t parse_back(const char *syntax, const char *buf, size_t len) {
    raptor_parser *p = raptor_new_parser(rw, syntax);
    raptor_uri *base = raptor_new_uri(rw, (const unsigned char *)"http://example.org/fuzz");
    FUZZ_CHECK(p && base);
    raptor_parser_set_statement_handler(p, NULL, on_statement);
    parse_errors = 0;
    parsed = 0;
    int rc = raptor_parser_parse_start(p, base);
    if (!rc)
        rc = raptor_parser_parse_chunk(p, (const unsigned char *)buf, len, 1);
    raptor_free_parser(p);
    raptor_free_uri(base);
    if (rc || parse_errors) {
        fprintf(stderr, "fuzz: %s output does not parse:\n%.*s\n", syntax,
                (int)(len > 4000 ? 4000 : len), buf);
        abort();
    }
    return parsed;
}

static void write_and_check(const attache_doc *d, size_t k) {
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    if (!fp)
        return;
    attache_writer *wr = NULL;
    FUZZ_CHECK(attache_writer_new(fuzz_world(), SYNTAX[k], fp, &wr) == ATTACHE_SUCCESS);
    attache_status st = attache_writer_write(wr, d);
    /* ERR_ARG: a document name too long for an IRI, refused with a message */
    FUZZ_CHECK(st == ATTACHE_SUCCESS || (st == ATTACHE_ERR_ARG && strlen(attache_doc_id(d)) > 300));
    size_t triples = attache_writer_triples(wr);
    FUZZ_CHECK(attache_writer_free(wr) == ATTACHE_SUCCESS);
    fclose(fp);
    FUZZ_CHECK(out != NULL);
    FUZZ_CHECK(fuzz_utf8_ok(out, len));
    if (PARSER[k] && st == ATTACHE_SUCCESS) {
        size_t n = parse_back(PARSER[k], out, len);
        /* the streaming syntaxes give back exactly what was written; the
         * pretty ones may fold duplicate triples */
        if (k == 1 || k == 2)
            FUZZ_CHECK(n == triples);
        else
            FUZZ_CHECK(n > 0 && n <= triples);
        /* accounting: the document node is in its own output */
        att_buf iri;
        buf_init(&iri);
        FUZZ_CHECK(iri_doc(&iri, attache_world_base(fuzz_world()), attache_doc_id(d)));
        FUZZ_CHECK(strstr(out, buf_cstr(&iri)) != NULL);
        buf_free(&iri);
    }
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    attache_doc_options opts = {0};
    char *meta = NULL;
    if (size > 0 && data[0] == 0x01) {
        size_t e = 1;
        while (e < size && data[e] != '\n')
            e++;
        meta = att_strndup((const char *)data + 1, e - 1); /* stops at a NUL, as C would */
        if (!meta)
            return 0;
        char *f[3] = {meta, NULL, NULL};
        for (int i = 1; i < 3 && f[i - 1]; i++) {
            char *sep = strchr(f[i - 1], 0x02);
            if (sep) {
                *sep = '\0';
                f[i] = sep + 1;
            }
        }
        opts.id = f[0];
        opts.url = f[1];
        opts.source = f[2];
        data += e < size ? e + 1 : e;
        size -= e < size ? e + 1 : e;
    }
    attache_doc *d = NULL;
    if (attache_doc_read_mem(fuzz_world(), "fuzz", (const char *)data, size, &opts, &d) ==
        ATTACHE_SUCCESS) {
        FUZZ_CHECK(attache_extract(fuzz_world(), d) == ATTACHE_SUCCESS);
        size_t n = sizeof SYNTAX / sizeof SYNTAX[0];
        for (size_t k = 0; k < n; k++)
            if (all_syntaxes || k == size % n)
                write_and_check(d, k);
    }
    attache_doc_free(d);
    free(meta);
    return 0;
}
