/* test_store.c - unit tests of store.c on a real Redland/Berkeley DB store in
 * a temporary directory: idempotent loads, replacing and removing one
 * document's graph, merging what two readouts of one meeting share, a bad
 * document in the middle of a load, locking, export and query. The readouts
 * are the two files in tests/data/merge/ (one meeting told by each side) and short texts
 * written below. One Suite, a TCase per concern. */
#include "store.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "iri.h"
#include "util.h"

#ifndef ATTACHE_TEST_DATA
#define ATTACHE_TEST_DATA "tests/data"
#endif
#define MERGE_CN ATTACHE_TEST_DATA "/merge/merge-cn.txt"
#define MERGE_PK ATTACHE_TEST_DATA "/merge/merge-pk.txt"
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static attache_world *w;
static char dir[64];

static void setup(void)
{
    ck_assert_int_eq(attache_world_new(NULL, NULL, NULL, &w), ATTACHE_SUCCESS);
    strcpy(dir, "/tmp/attache-store-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    attache_world_free(w);
    w = NULL;
}

/* Short readouts written for these tests. */
typedef struct {
    const char *id, *text;
} text_doc;

static const text_doc texts[] = {
    {"t-rome", " date 2022-05-10\n"
               "On May 9, 2022, Foreign Minister Wang Yi met with Italian Foreign Minister "
               "Luigi Di Maio in Rome.\n\nThe two sides exchanged views on bilateral "
               "relations.\n"},
    {"t-call", " date 2022-06-02\n"
               "Foreign Minister Wang Yi spoke by phone with Turkish Foreign Minister "
               "Mevlut Cavusoglu on June 1, 2022.\n"},
};

static attache_doc *read_text(const char *id, const char *text)
{
    attache_doc_options o = {0};
    o.id = id;
    attache_doc *d = NULL;
    ck_assert_int_eq(attache_doc_read_mem(w, id, text, strlen(text), &o, &d), ATTACHE_SUCCESS);
    ck_assert_int_eq(attache_extract(w, d), ATTACHE_SUCCESS);
    return d;
}

static attache_doc *read_path(const char *path)
{
    attache_doc *d = NULL;
    ck_assert_int_eq(attache_doc_read_file(w, path, NULL, &d), ATTACHE_SUCCESS);
    ck_assert_int_eq(attache_extract(w, d), ATTACHE_SUCCESS);
    return d;
}

static attache_store *open_store(int flags)
{
    attache_store *s = NULL;
    ck_assert_int_eq(attache_store_open(w, dir, flags, &s), ATTACHE_SUCCESS);
    return s;
}

static void load(attache_store *s, attache_doc *d)
{
    size_t n = 0;
    ck_assert_int_eq(attache_store_load(s, d, &n), ATTACHE_SUCCESS);
    ck_assert_uint_gt(n, 0);
    attache_doc_free(d);
}

/* Load the two merge readouts and the short texts. */
static void load_all(attache_store *s)
{
    load(s, read_path(MERGE_CN));
    load(s, read_path(MERGE_PK));
    for (size_t i = 0; i < N_OF(texts); i++)
        load(s, read_text(texts[i].id, texts[i].text));
}

static size_t count(attache_store *s, const char *doc)
{
    size_t n = 0;
    ck_assert_int_eq(attache_store_count(s, doc, &n), ATTACHE_SUCCESS);
    return n;
}

static size_t n_docs(attache_store *s)
{
    size_t n = 0;
    ck_assert_int_eq(attache_store_documents(s, NULL, NULL, &n), ATTACHE_SUCCESS);
    return n;
}

/* Statements with subject or object iri in document doc's graph. */
static size_t mentions(attache_store *s, const char *doc, const char *iri)
{
    librdf_world *lw = store_librdf_world(s);
    char *g = store_find_doc(s, doc);
    ck_assert_ptr_nonnull(g);
    librdf_node *ctx = librdf_new_node_from_uri_string(lw, (const unsigned char *)g);
    librdf_stream *st = librdf_model_context_as_stream(store_model(s), ctx);
    size_t n = 0;
    for (; st && !librdf_stream_end(st); librdf_stream_next(st)) {
        librdf_statement *t = librdf_stream_get_object(st);
        librdf_node *parts[2] = {librdf_statement_get_subject(t),
                                 librdf_statement_get_object(t)};
        for (int k = 0; k < 2; k++)
            if (librdf_node_is_resource(parts[k]) &&
                strcmp((const char *)librdf_uri_as_string(librdf_node_get_uri(parts[k])),
                       iri) == 0) {
                n++;
                break;
            }
    }
    librdf_free_stream(st);
    librdf_free_node(ctx);
    free(g);
    return n;
}

static char *iri_of_person(const char *name)
{
    att_buf b;
    buf_init(&b);
    iri_person(&b, attache_world_base(w), name);
    return buf_take(&b);
}

/* Run query over the store; the CSV results in a string the caller frees. */
static char *query_csv(attache_store *s, const char *q, size_t *rows)
{
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_eq(attache_store_query(s, q, ATTACHE_RESULTS_CSV, fp, rows), ATTACHE_SUCCESS);
    fclose(fp);
    return out;
}

/* ------------------------------------------------------------------ */
/* Lifecycle                                                            */

START_TEST(test_free_null)
{
    ck_assert_int_eq(attache_store_close(NULL), ATTACHE_SUCCESS);
}
END_TEST

typedef struct {
    const char *sub; /* below the temp dir; NULL: the temp dir itself */
    int flags;
    attache_status want;
} open_case;

static const open_case open_cases[] = {
    {NULL, 0, ATTACHE_ERR_STORE},                     /* empty dir, no create */
    {NULL, ATTACHE_STORE_READONLY, ATTACHE_ERR_STORE}, /* empty dir, read-only */
    {"missing", 0, ATTACHE_ERR_STORE},                /* no such dir */
    {"new", ATTACHE_STORE_CREATE, ATTACHE_SUCCESS},   /* made */
    {NULL, ATTACHE_STORE_CREATE, ATTACHE_SUCCESS},    /* made in the empty dir */
    {"it's", ATTACHE_STORE_CREATE, ATTACHE_ERR_ARG},  /* quote: unusable in librdf options */
    {NULL, ATTACHE_STORE_CREATE | ATTACHE_STORE_READONLY, ATTACHE_ERR_ARG},
};

START_TEST(test_open)
{
    const open_case *c = &open_cases[_i];
    char path[128];
    snprintf(path, sizeof path, "%s%s%s", dir, c->sub ? "/" : "", c->sub ? c->sub : "");
    attache_store *s = NULL;
    ck_assert_int_eq(attache_store_open(w, path, c->flags, &s), c->want);
    ck_assert(c->want == ATTACHE_SUCCESS ? s != NULL : s == NULL);
    if (s) {
        ck_assert_uint_eq(count(s, NULL), 0);
        ck_assert_uint_eq(n_docs(s), 0);
    }
    ck_assert_int_eq(attache_store_close(s), ATTACHE_SUCCESS);
}
END_TEST

START_TEST(test_persist_and_lock)
{
    attache_store *s = open_store(ATTACHE_STORE_CREATE);
    load_all(s);
    size_t n = count(s, NULL);
    /* one writer at a time; readers wait for no one but writers */
    attache_store *other = NULL;
    ck_assert_int_eq(attache_store_open(w, dir, 0, &other), ATTACHE_ERR_STORE);
    ck_assert_int_eq(attache_store_open(w, dir, ATTACHE_STORE_READONLY, &other),
                     ATTACHE_ERR_STORE);
    ck_assert_int_eq(attache_store_close(s), ATTACHE_SUCCESS);

    attache_store *r1 = open_store(ATTACHE_STORE_READONLY);
    attache_store *r2 = open_store(ATTACHE_STORE_READONLY);
    ck_assert_uint_eq(count(r1, NULL), n);
    ck_assert_uint_eq(n_docs(r2), 2 + N_OF(texts));
    /* a read-only store refuses changes */
    attache_doc *d = read_text(texts[0].id, texts[0].text);
    ck_assert_int_eq(attache_store_load(r1, d, NULL), ATTACHE_ERR_ARG);
    ck_assert_int_eq(attache_store_remove(r1, texts[0].id, NULL), ATTACHE_ERR_ARG);
    attache_doc_free(d);
    attache_store_close(r1);
    attache_store_close(r2);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Loading, replacing, removing                                         */

START_TEST(test_load_twice)
{
    attache_store *s = open_store(ATTACHE_STORE_CREATE);
    load_all(s);
    size_t n = count(s, NULL), docs = n_docs(s);
    ck_assert_uint_eq(docs, 2 + N_OF(texts));
    load_all(s);
    ck_assert_uint_eq(count(s, NULL), n);
    ck_assert_uint_eq(n_docs(s), docs);
    attache_store_close(s);
    /* and again in a new process life of the store */
    s = open_store(0);
    load_all(s);
    ck_assert_uint_eq(count(s, NULL), n);
    attache_store_close(s);
}
END_TEST

START_TEST(test_replace_one)
{
    attache_store *s = open_store(ATTACHE_STORE_CREATE);
    load_all(s);
    size_t total = count(s, NULL);
    size_t rome = count(s, "t-rome"), cn = count(s, "merge-cn"), pk = count(s, "merge-pk");
    /* a corrected t-rome: another place and an extra paragraph */
    const char *fixed = " date 2022-05-10\n"
                        "On May 9, 2022, Foreign Minister Wang Yi met with Italian Foreign "
                        "Minister Luigi Di Maio in Milan.\n\nThe two sides agreed to hold the "
                        "next meeting of the joint committee in Beijing in October.\n";
    attache_doc *d = read_text("t-rome", fixed);
    size_t n = 0;
    ck_assert_int_eq(attache_store_load(s, d, &n), ATTACHE_SUCCESS);
    attache_doc_free(d);
    ck_assert_uint_eq(count(s, "t-rome"), n);
    ck_assert_uint_ne(n, rome);
    ck_assert_uint_eq(count(s, "merge-cn"), cn);
    ck_assert_uint_eq(count(s, "merge-pk"), pk);
    ck_assert_uint_eq(count(s, NULL), total - rome + n);
    ck_assert_uint_eq(n_docs(s), 2 + N_OF(texts));
    /* the old text is gone from the store, the new one is there */
    size_t rows = 0;
    free(query_csv(s,
                   "SELECT ?s WHERE { ?s <http://persistence.uni-leipzig.org/nlp2rdf/"
                   "ontologies/nif-core#anchorOf> ?t . FILTER(CONTAINS(?t, \"in Rome\")) }",
                   &rows));
    ck_assert_uint_eq(rows, 0);
    free(query_csv(s,
                   "SELECT ?s WHERE { ?s <http://persistence.uni-leipzig.org/nlp2rdf/"
                   "ontologies/nif-core#anchorOf> ?t . FILTER(CONTAINS(?t, \"in Milan\")) }",
                   &rows));
    ck_assert_uint_eq(rows, 1);
    attache_store_close(s);
}
END_TEST

typedef struct {
    const char *doc; /* how the document is named */
    attache_status want;
} remove_case;

static const remove_case remove_cases[] = {
    {"merge-cn", ATTACHE_SUCCESS},
    {"https://w3id.org/attache/id/doc/merge-cn", ATTACHE_SUCCESS},
    {"nosuch", ATTACHE_FAILURE},
    {"https://w3id.org/attache/id/doc/nosuch", ATTACHE_FAILURE},
    {"https://example.org/doc/merge-cn", ATTACHE_FAILURE}, /* an IRI is taken as is */
};

START_TEST(test_remove)
{
    const remove_case *c = &remove_cases[_i];
    attache_store *s = open_store(ATTACHE_STORE_CREATE);
    load_all(s);
    size_t total = count(s, NULL), cn = count(s, "merge-cn"), pk = count(s, "merge-pk");
    size_t removed = 0;
    ck_assert_int_eq(attache_store_remove(s, c->doc, &removed), c->want);
    if (c->want != ATTACHE_SUCCESS) {
        ck_assert_uint_eq(count(s, NULL), total);
        attache_store_close(s);
        return;
    }
    ck_assert_uint_eq(removed, cn);
    ck_assert_uint_eq(count(s, NULL), total - cn);
    ck_assert_uint_eq(n_docs(s), 1 + N_OF(texts));
    size_t n = 0;
    ck_assert_int_eq(attache_store_count(s, "merge-cn", &n), ATTACHE_FAILURE);
    /* what the other side's readout says about the shared people stays */
    ck_assert_uint_eq(count(s, "merge-pk"), pk);
    char *wang = iri_of_person("Wang Yi");
    ck_assert_uint_gt(mentions(s, "merge-pk", wang), 0);
    size_t rows = 0;
    char *csv = query_csv(s, "SELECT ?n WHERE { ?p a <http://schema.org/Person> . "
                             "?p <http://schema.org/name> ?n . FILTER(?n = \"Wang Yi\"@en) }",
                          &rows);
    ck_assert_uint_eq(rows, 1);
    free(csv);
    free(wang);
    ck_assert_int_eq(attache_store_remove(s, c->doc, NULL), ATTACHE_FAILURE);
    attache_store_close(s);
}
END_TEST

/* A load in which one document is bad: the others go in, the bad one is
 * reported, and the store stays usable. */
START_TEST(test_bad_in_middle)
{
    static const text_doc batch[] = {
        {"good-1", " date 2022-05-10\nForeign Minister Wang Yi met with Italian Foreign "
                   "Minister Luigi Di Maio in Rome on May 9, 2022.\n"},
        {"bad", ""},                              /* empty: not a document */
        {"bad-date", " date 2022-13-45\nText.\n"}, /* malformed date line */
        {"good-2", " date 2022-06-02\nForeign Minister Wang Yi spoke by phone with "
                   "Turkish Foreign Minister Mevlut Cavusoglu on June 1, 2022.\n"},
    };
    attache_store *s = open_store(ATTACHE_STORE_CREATE);
    size_t ok = 0, failed = 0;
    for (size_t i = 0; i < N_OF(batch); i++) {
        attache_doc_options o = {0};
        o.id = batch[i].id;
        attache_doc *d = NULL;
        attache_status st = attache_doc_read_mem(w, batch[i].id, batch[i].text,
                                                 strlen(batch[i].text), &o, &d);
        if (st == ATTACHE_SUCCESS)
            st = attache_extract(w, d);
        if (st == ATTACHE_SUCCESS)
            st = attache_store_load(s, d, NULL);
        attache_doc_free(d);
        if (st == ATTACHE_SUCCESS)
            ok++;
        else
            failed++;
    }
    ck_assert_uint_eq(ok, 2);
    ck_assert_uint_eq(failed, 2);
    attache_store_close(s);
    s = open_store(0);
    ck_assert_uint_eq(n_docs(s), 2);
    ck_assert_uint_gt(count(s, "good-1"), 0);
    ck_assert_uint_gt(count(s, "good-2"), 0);
    size_t n = 0;
    ck_assert_int_eq(attache_store_count(s, "bad", &n), ATTACHE_FAILURE);
    load(s, read_text(texts[0].id, texts[0].text));
    ck_assert_uint_eq(n_docs(s), 3);
    attache_store_close(s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Merging: one meeting, a readout from each side                       */

START_TEST(test_merge)
{
    attache_store *s = open_store(ATTACHE_STORE_CREATE);
    load(s, read_path(MERGE_CN));
    load(s, read_path(MERGE_PK));
    static const char *const people[] = {"Wang Yi", "Shah Mahmood Qureshi"};
    for (size_t i = 0; i < N_OF(people); i++) {
        char *p = iri_of_person(people[i]);
        ck_assert_msg(mentions(s, "merge-cn", p) > 0, "%s not in merge-cn", p);
        ck_assert_msg(mentions(s, "merge-pk", p) > 0, "%s not in merge-pk", p);
        free(p);
    }
    static const char *const shared[] = {
        "https://w3id.org/attache/id/country/CN",
        "https://w3id.org/attache/id/country/PK",
        "https://w3id.org/attache/id/post/CN-foreign-minister",
        "https://w3id.org/attache/id/post/PK-foreign-minister",
    };
    for (size_t i = 0; i < N_OF(shared); i++) {
        ck_assert_msg(mentions(s, "merge-cn", shared[i]) > 0, "%s not in merge-cn", shared[i]);
        ck_assert_msg(mentions(s, "merge-pk", shared[i]) > 0, "%s not in merge-pk", shared[i]);
    }
    /* both sides' meeting is one event with two attendees, in one place */
    size_t rows = 0;
    char *csv = query_csv(s,
                          "PREFIX schema: <http://schema.org/>\n"
                          "SELECT DISTINCT ?m ?a ?pl WHERE { ?a schema:name ?n . "
                          "?m schema:attendee ?a . ?m a schema:Event . "
                          "?m schema:location ?pl . "
                          "?m schema:startDate \"2021-07-24\"^^"
                          "<http://www.w3.org/2001/XMLSchema#date> }",
                          &rows);
    ck_assert_msg(rows == 2, "want one meeting with two attendees, got:\n%s", csv);
    free(csv);
    /* the query sees the merged graph: Wang Yi's name once, not once per document */
    csv = query_csv(s, "SELECT ?p WHERE { ?p <http://schema.org/name> \"Wang Yi\"@en }", &rows);
    ck_assert_uint_eq(rows, 1);
    free(csv);
    attache_store_close(s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Export                                                               */

START_TEST(test_export)
{
    attache_store *s = open_store(ATTACHE_STORE_CREATE);
    load_all(s);
    size_t total = count(s, NULL), n = 0;
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    ck_assert_int_eq(attache_store_export(s, "nquads", fp, &n), ATTACHE_SUCCESS);
    fclose(fp);
    ck_assert_uint_eq(n, total);
    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += out[i] == '\n';
    ck_assert_uint_eq(lines, total);
    free(out);
    /* Turtle: the merged graph, a triple two documents state written once */
    fp = open_memstream(&out, &len);
    ck_assert_int_eq(attache_store_export(s, "turtle", fp, &n), ATTACHE_SUCCESS);
    fclose(fp);
    ck_assert_uint_gt(n, 0);
    ck_assert_uint_lt(n, total);
    ck_assert_ptr_nonnull(strstr(out, "@prefix schema:"));
    free(out);
    fp = fopen("/dev/null", "w");
    ck_assert_int_eq(attache_store_export(s, "rdfxml", fp, NULL), ATTACHE_ERR_ARG);
    fclose(fp);
    fp = fopen("/dev/full", "w");
    if (fp) {
        ck_assert_int_eq(attache_store_export(s, "nquads", fp, NULL), ATTACHE_ERR_IO);
        fclose(fp);
    }
    attache_store_close(s);
}
END_TEST

static Suite *store_suite(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("lifecycle");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_free_null);
    tcase_add_loop_test(tc, test_open, 0, (int)N_OF(open_cases));
    tcase_add_test(tc, test_persist_and_lock);
    suite_add_tcase(s, tc);

    tc = tcase_create("load");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_load_twice);
    tcase_add_test(tc, test_replace_one);
    tcase_add_loop_test(tc, test_remove, 0, (int)N_OF(remove_cases));
    tcase_add_test(tc, test_bad_in_middle);
    suite_add_tcase(s, tc);

    tc = tcase_create("merge");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_merge);
    suite_add_tcase(s, tc);

    tc = tcase_create("export");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_export);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(store_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
