/* test_rdf_native.c - unit tests of rdf_native.c, the writer's own
 * N-Triples, N-Quads and Turtle, against raptor2 itself:
 *  - N-Triples/N-Quads: the same bytes as raptor2's N-Triples serializer for
 *    literals holding every code point of the BMP and a sample of the
 *    others, with and without language or datatype, and for IRIs holding
 *    every printable ASCII character and non-ASCII ones;
 *  - Turtle: parsed back by raptor2's Turtle parser, the same statements
 *    (as sorted N-Triples lines) as raptor2 writes for the input, for
 *    hostile strings, prefix edge cases (local names starting with a digit,
 *    with dots, empty, overlapping prefixes) and repeated statements;
 *  - whole documents through attache_writer: native and raptor2 engines
 *    give byte-identical N-Triples, N-Quads and Turtle.
 * No mocks: every comparison runs raptor2's real serializers and parser. */
#define _GNU_SOURCE /* open_memstream */

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <raptor2.h>

#include "attache/attache.h"
#include "rdf_native.h"
#include "util.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------ helpers */

typedef struct {
    const char *s, *p, *o; /* o: IRI, or the literal's value when lit */
    int lit;
    const char *dt, *lang;
} stmt;

static raptor_world *rw;

static void rw_up(void)
{
    rw = raptor_new_world();
    ck_assert_ptr_nonnull(rw);
    ck_assert_int_eq(raptor_world_open(rw), 0);
}

static void rw_down(void)
{
    raptor_free_world(rw);
    rw = NULL;
}

static raptor_term *iri_term(const char *s)
{
    return raptor_new_term_from_uri_string(rw, (const unsigned char *)s);
}

/* The statements written by raptor2's serializer `syntax` (graph for
 * nquads); caller frees with free(). */
static char *raptor_text(const char *syntax, const stmt *v, size_t n, const char *graph)
{
    raptor_serializer *ser = raptor_new_serializer(rw, syntax);
    ck_assert_ptr_nonnull(ser);
    void *str = NULL;
    size_t len = 0;
    ck_assert_int_eq(raptor_serializer_start_to_string(ser, NULL, &str, &len), 0);
    for (size_t i = 0; i < n; i++) {
        raptor_statement st;
        raptor_statement_init(&st, rw);
        st.subject = iri_term(v[i].s);
        st.predicate = iri_term(v[i].p);
        if (v[i].lit) {
            raptor_uri *dt = v[i].dt ? raptor_new_uri(rw, (const unsigned char *)v[i].dt) : NULL;
            st.object = raptor_new_term_from_counted_literal(
                rw, (const unsigned char *)v[i].o, strlen(v[i].o), dt,
                (const unsigned char *)v[i].lang,
                v[i].lang ? (unsigned char)strlen(v[i].lang) : 0);
            if (dt)
                raptor_free_uri(dt);
        } else {
            st.object = iri_term(v[i].o);
        }
        st.graph = graph ? iri_term(graph) : NULL;
        ck_assert_int_eq(raptor_serializer_serialize_statement(ser, &st), 0);
        raptor_statement_clear(&st);
    }
    ck_assert_int_eq(raptor_serializer_serialize_end(ser), 0);
    raptor_free_serializer(ser);
    char *copy = att_strndup(str ? str : "", str ? len : 0);
    raptor_free_memory(str);
    return copy;
}

/* The same statements through nat_writer; caller frees. */
static char *native_text(nat_syntax syn, const stmt *v, size_t n, const char *graph,
                         const nat_prefix *px, size_t npx)
{
    nat_writer *nw = nat_new(rw, syn);
    ck_assert_ptr_nonnull(nw);
    att_buf out;
    buf_init(&out);
    nat_begin(nw, &out, graph, px, npx);
    for (size_t i = 0; i < n; i++) {
        int ok = v[i].lit ? nat_lit(nw, v[i].s, v[i].p, v[i].o, v[i].dt, v[i].lang)
                          : nat_iri(nw, v[i].s, v[i].p, v[i].o);
        ck_assert_int_eq(ok, 1);
    }
    ck_assert_int_eq(nat_end(nw), 1);
    nat_free(nw);
    char *s = att_strdup(buf_cstr(&out));
    buf_free(&out);
    return s;
}

/* UTF-8 of code point cp into o (room for 4); its length. */
static size_t utf8(unsigned cp, char *o)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Code points for literal tests: all of the BMP but the surrogates, then
 * every 61st above it. */
static size_t code_points(unsigned *out, size_t max)
{
    size_t n = 0;
    for (unsigned cp = 1; cp <= 0x10FFFF && n < max; cp += cp < 0x10000 ? 1 : 61)
        if (cp < 0xD800 || cp > 0xDFFF)
            out[n++] = cp;
    return n;
}

static void assert_same_bytes(const char *what, const char *a, const char *b)
{
    if (strcmp(a, b) != 0) {
        size_t i = 0;
        while (a[i] && a[i] == b[i])
            i++;
        size_t from = i > 60 ? i - 60 : 0;
        ck_abort_msg("%s: native and raptor2 differ at byte %zu:\n native: %.120s\n raptor: %.120s",
                     what, i, a + from, b + from);
    }
}

/* ------------------------------------------------- N-Triples, N-Quads */

START_TEST(nt_literals_every_code_point)
{
    static unsigned cps[0x10000 + 0x10000 / 61 + 64];
    size_t ncp = code_points(cps, N_OF(cps));
    ck_assert_uint_gt(ncp, 63000);
    /* 16 code points a literal, between ASCII letters; every third literal
     * with a language, every third with a datatype */
    size_t nst = (ncp + 15) / 16;
    stmt *v = calloc(nst, sizeof *v);
    char (*text)[16 * 4 + 3] = calloc(nst, sizeof *text);
    ck_assert(v && text);
    for (size_t i = 0; i < nst; i++) {
        size_t o = 0;
        text[i][o++] = 'a';
        for (size_t k = i * 16; k < i * 16 + 16 && k < ncp; k++)
            o += utf8(cps[k], text[i] + o);
        text[i][o++] = 'z';
        text[i][o] = '\0';
        v[i] = (stmt){"http://example.org/s", "http://example.org/p", text[i], 1,
                      i % 3 == 1 ? "http://www.w3.org/2001/XMLSchema#string" : NULL,
                      i % 3 == 2 ? "en-GB" : NULL};
    }
    char *a = native_text(NAT_NTRIPLES, v, nst, NULL, NULL, 0);
    char *b = raptor_text("ntriples", v, nst, NULL);
    assert_same_bytes("literals", a, b);
    free(a);
    free(b);
    a = native_text(NAT_NQUADS, v, nst, "http://example.org/g#1", NULL, 0);
    b = raptor_text("nquads", v, nst, "http://example.org/g#1");
    assert_same_bytes("literals, quads", a, b);
    free(a);
    free(b);
    free(v);
    free(text);
}
END_TEST

START_TEST(nt_iris_every_ascii_and_some_unicode)
{
    static char text[0x7F + 40][32];
    stmt v[N_OF(text)];
    size_t n = 0;
    for (unsigned c = 0x21; c < 0x7F; c++, n++) {
        snprintf(text[n], sizeof text[n], "http://example.org/a%cb", (char)c);
        v[n] = (stmt){text[n], "http://example.org/p", text[n], 0, NULL, NULL};
    }
    static const unsigned uni[] = {0xA0, 0xE9, 0x2013, 0x4E2D, 0xFEFF, 0x1F600, 0x10FFFD};
    for (size_t i = 0; i < N_OF(uni); i++, n++) {
        char u[5] = {0};
        utf8(uni[i], u);
        snprintf(text[n], sizeof text[n], "http://example.org/%s/x", u);
        v[n] = (stmt){"http://example.org/s", text[n], text[n], 0, NULL, NULL};
    }
    char *a = native_text(NAT_NTRIPLES, v, n, NULL, NULL, 0);
    char *b = raptor_text("ntriples", v, n, NULL);
    assert_same_bytes("IRIs", a, b);
    free(a);
    free(b);
}
END_TEST

/* ------------------------------------------------------------- Turtle */

static void collect(void *ctx, raptor_statement *st)
{
    raptor_serializer *ser = ctx;
    ck_assert_int_eq(raptor_serializer_serialize_statement(ser, st), 0);
}

/* N-Triples lines, sorted and without repeats, into a NUL-joined string. */
static char *sorted_lines(char *text)
{
    size_t n = 0, cap = 0;
    char **lines = NULL;
    for (char *save = NULL, *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        ck_assert(ATT_PUSH(lines, n, cap));
        lines[n++] = l;
    }
    for (size_t i = 1; i < n; i++) /* insertion sort: small inputs */
        for (size_t k = i; k > 0 && strcmp(lines[k - 1], lines[k]) > 0; k--) {
            char *t = lines[k];
            lines[k] = lines[k - 1];
            lines[k - 1] = t;
        }
    att_buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(lines[i], lines[i - 1]) != 0) {
            buf_adds(&b, lines[i]);
            buf_addc(&b, '\n');
        }
    free(lines);
    char *s = att_strdup(buf_cstr(&b));
    buf_free(&b);
    return s;
}

/* Turtle text parsed by raptor2 and written as sorted N-Triples lines. */
static char *turtle_as_lines(const char *ttl)
{
    raptor_serializer *ser = raptor_new_serializer(rw, "ntriples");
    void *str = NULL;
    size_t len = 0;
    ck_assert_int_eq(raptor_serializer_start_to_string(ser, NULL, &str, &len), 0);
    raptor_parser *p = raptor_new_parser(rw, "turtle");
    ck_assert_ptr_nonnull(p);
    raptor_parser_set_statement_handler(p, ser, collect);
    raptor_uri *base = raptor_new_uri(rw, (const unsigned char *)"http://example.org/base/");
    ck_assert_int_eq(raptor_parser_parse_start(p, base), 0);
    ck_assert_msg(raptor_parser_parse_chunk(p, (const unsigned char *)ttl, strlen(ttl), 1) == 0,
                  "raptor2 cannot parse the Turtle:\n%s", ttl);
    raptor_free_parser(p);
    raptor_free_uri(base);
    raptor_serializer_serialize_end(ser);
    raptor_free_serializer(ser);
    char *text = att_strndup(str ? str : "", str ? len : 0);
    raptor_free_memory(str);
    char *s = sorted_lines(text);
    free(text);
    return s;
}

START_TEST(turtle_same_graph_as_raptor)
{
    static const nat_prefix px[] = {
        {"ex", "http://example.org/"},
        {"exa", "http://example.org/a/"}, /* longer, inside ex */
        {"xsd", "http://www.w3.org/2001/XMLSchema#"},
        {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    };
    static const stmt v[] = {
        {"http://example.org/s1", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
         "http://example.org/C", 0, NULL, NULL},
        {"http://example.org/s1", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
         "http://example.org/a/D", 0, NULL, NULL},
        {"http://example.org/s1", "http://example.org/p", "plain", 1, NULL, NULL},
        {"http://example.org/s1", "http://example.org/p", "plain", 1, NULL, NULL}, /* again */
        {"http://example.org/s1", "http://example.org/p", "plain", 1, NULL, "en"},
        {"http://example.org/s1", "http://example.org/p", "2024-01-02", 1,
         "http://www.w3.org/2001/XMLSchema#date", NULL},
        {"http://example.org/s1", "http://example.org/q", "say \"no\" \\ back", 1, NULL, NULL},
        {"http://example.org/s1", "http://example.org/q", "line\nbreak\r\ttab\b\f", 1, NULL,
         NULL},
        {"http://example.org/s1", "http://example.org/q", "\x01\x02\x1f\x7f end", 1, NULL, NULL},
        {"http://example.org/s1", "http://example.org/q", "T\xc3\xbcrkiye \xe4\xb8\xad \xf0\x9f\x98\x80",
         1, NULL, "tr"},
        {"http://example.org/s1", "http://example.org/q", "\"\"\"triple\"\"\"", 1, NULL, NULL},
        {"http://example.org/s1", "http://example.org/q", "", 1, NULL, NULL},
        {"http://example.org/2024-01-02", "http://example.org/p", "http://example.org/", 0,
         NULL, NULL}, /* local names: digit first, empty */
        {"http://example.org/a.b", "http://example.org/p.q", "http://example.org/x.", 0, NULL,
         NULL}, /* dots */
        {"http://example.org/doc#char=0,12", "http://example.org/p",
         "http://example.org/a/x-y_z", 0, NULL, NULL},
        {"http://other.example/s", "http://example.org/p",
         "http://other.example/\xc3\xa9t\xc3\xa9", 0, NULL, NULL},
        {"urn:x-attache:s", "http://example.org/p", "urn:x-attache:o", 0, NULL, NULL},
    };
    char *ttl = native_text(NAT_TURTLE, v, N_OF(v), NULL, px, N_OF(px));
    char *got = turtle_as_lines(ttl);
    char *nt = raptor_text("ntriples", v, N_OF(v), NULL);
    char *want = sorted_lines(nt);
    ck_assert_msg(strcmp(got, want) == 0, "Turtle:\n%s\nparsed:\n%s\nwant:\n%s", ttl, got,
                  want);
    /* prefixed names where they are plain names, full IRIs elsewhere */
    ck_assert_ptr_nonnull(strstr(ttl, "\nex:s1\n    ex:p "));
    ck_assert_ptr_nonnull(strstr(ttl, " ;\n    a ex:C, exa:D .\n"));
    ck_assert_ptr_nonnull(strstr(ttl, "exa:x-y_z"));
    ck_assert_ptr_nonnull(strstr(ttl, "<http://example.org/2024-01-02>"));
    ck_assert_ptr_nonnull(strstr(ttl, "\"2024-01-02\"^^xsd:date"));
    /* the repeated statement is written once: "plain" and "plain"@en */
    size_t plain = 0;
    for (const char *q = ttl; (q = strstr(q, "\"plain\"")) != NULL; q++)
        plain++;
    ck_assert_uint_eq(plain, 2);
    free(ttl);
    free(got);
    free(nt);
    free(want);
}
END_TEST

/* An IRI with characters no IRI may hold (never minted by attache) is
 * percent-encoded, so the Turtle still parses. */
START_TEST(turtle_bad_iri_characters_percent_encoded)
{
    static const stmt v[] = {{"http://other.example/s>\"{}|^`\\ x", "http://example.org/p",
                              "http://other.example/o", 0, NULL, NULL}};
    char *ttl = native_text(NAT_TURTLE, v, 1, NULL, NULL, 0);
    char *got = turtle_as_lines(ttl);
    ck_assert_str_eq(got, "<http://other.example/s%3E%22%7B%7D%7C%5E%60%5C%20x> "
                          "<http://example.org/p> <http://other.example/o> .\n");
    free(ttl);
    free(got);
}
END_TEST

START_TEST(turtle_empty_document_is_prefixes_only)
{
    static const nat_prefix px[] = {{"ex", "http://example.org/"}};
    char *ttl = native_text(NAT_TURTLE, NULL, 0, NULL, px, 1);
    ck_assert_str_eq(ttl, "@prefix ex: <http://example.org/> .\n\n");
    char *got = turtle_as_lines(ttl);
    ck_assert_str_eq(got, "");
    free(ttl);
    free(got);
}
END_TEST

/* ------------------------------------------- whole documents, both engines */

static const char *const DOCS[] = {
    " date 2024-03-14\n\nOTTAWA, March 14 -- Canadian Prime Minister Mark Ellison spoke by phone "
    "on Wednesday with German Chancellor Petra Vogt about \"energy\" and trade. The two leaders "
    "agreed that the next round of consultations will be held in Berlin in late April.\n",
    " date 2023-11-02\n\nJAKARTA, Nov. 2 -- Indonesian Foreign Minister Sari Wulandari met "
    "T\xc3\xbcrkiye's Foreign Minister Kemal \xc3\x96zt\xc3\xbcrk in Jakarta on Thursday. "
    "\xe4\xb8\xad\xe5\x9b\xbd <b>tag</b> & \\ back\\slash. The joint commission is "
    "scheduled to meet in 2024.\n",
};

static attache_world *world;

static void world_up(void)
{
    rw_up();
    ck_assert_int_eq(attache_world_new(NULL, NULL, NULL, &world), ATTACHE_SUCCESS);
}

static void world_down(void)
{
    attache_world_free(world);
    world = NULL;
    rw_down();
}

static char *write_docs(const char *syntax, attache_writer_engine engine)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(fp);
    attache_writer *wr = NULL;
    ck_assert_int_eq(attache_writer_new(world, syntax, fp, &wr), ATTACHE_SUCCESS);
    ck_assert_int_eq(attache_writer_set_engine(wr, engine), ATTACHE_SUCCESS);
    for (size_t i = 0; i < N_OF(DOCS); i++) {
        char id[16];
        snprintf(id, sizeof id, "doc-%zu", i);
        attache_doc_options o;
        memset(&o, 0, sizeof o);
        o.id = id;
        attache_doc *d = NULL;
        ck_assert_int_eq(attache_doc_read_mem(world, id, DOCS[i], strlen(DOCS[i]), &o, &d),
                         ATTACHE_SUCCESS);
        ck_assert_int_eq(attache_extract(world, d), ATTACHE_SUCCESS);
        ck_assert_int_eq(attache_writer_write(wr, d), ATTACHE_SUCCESS);
        attache_doc_free(d);
    }
    ck_assert_uint_gt(attache_writer_triples(wr), 40);
    ck_assert_int_eq(attache_writer_free(wr), ATTACHE_SUCCESS);
    fclose(fp);
    return text;
}

START_TEST(documents_same_bytes_both_engines)
{
    static const char *const syntaxes[] = {"ntriples", "nquads", "turtle"};
    for (size_t i = 0; i < N_OF(syntaxes); i++) {
        char *a = write_docs(syntaxes[i], ATTACHE_WRITER_NATIVE);
        char *b = write_docs(syntaxes[i], ATTACHE_WRITER_RAPTOR);
        ck_assert_ptr_nonnull(strstr(a, "Wulandari"));
        assert_same_bytes(syntaxes[i], a, b);
        free(a);
        free(b);
    }
}
END_TEST

START_TEST(native_engine_refused_where_raptor_writes)
{
    attache_writer *wr = NULL;
    FILE *devnull = fopen("/dev/null", "w");
    ck_assert_ptr_nonnull(devnull);
    ck_assert_int_eq(attache_writer_new(world, "rdfxml", devnull, &wr), ATTACHE_SUCCESS);
    ck_assert_int_eq(attache_writer_set_engine(wr, ATTACHE_WRITER_NATIVE), ATTACHE_ERR_ARG);
    ck_assert_int_eq(attache_writer_set_engine(wr, ATTACHE_WRITER_RAPTOR), ATTACHE_SUCCESS);
    ck_assert_int_eq(attache_writer_free(wr), ATTACHE_SUCCESS);
    fclose(devnull);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rdf_native");
    TCase *tc = tcase_create("raptor2 parity");
    tcase_add_unchecked_fixture(tc, rw_up, rw_down);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, nt_literals_every_code_point);
    tcase_add_test(tc, nt_iris_every_ascii_and_some_unicode);
    tcase_add_test(tc, turtle_same_graph_as_raptor);
    tcase_add_test(tc, turtle_bad_iri_characters_percent_encoded);
    tcase_add_test(tc, turtle_empty_document_is_prefixes_only);
    suite_add_tcase(s, tc);
    TCase *td = tcase_create("documents");
    tcase_add_unchecked_fixture(td, world_up, world_down);
    tcase_set_timeout(td, 120);
    tcase_add_test(td, documents_same_bytes_both_engines);
    tcase_add_test(td, native_engine_refused_where_raptor_writes);
    suite_add_tcase(s, td);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
