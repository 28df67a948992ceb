/* test_document.c - unit tests of document.c: the ` date` line, datelines
 * and the reference date, header lines and the title, BOM/CRLF, UTF-8
 * repair and unusable input, as tables of texts written for these tests.
 * One world per TCase (attache_world_new(NULL, ...), $ATTACHE_DATA). */
#define _POSIX_C_SOURCE 200809L /* mkstemp, write, close */

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attache/attache.h"
#include "doc.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static attache_world *world;
static int n_errors, n_warnings;

static void diag(void *ctx, attache_level level, const char *where, const char *msg)
{
    (void)ctx;
    (void)where;
    ck_assert_ptr_nonnull(msg);
    if (level == ATTACHE_DIAG_ERROR)
        n_errors++;
    else if (level == ATTACHE_DIAG_WARNING)
        n_warnings++;
}

static void world_up(void)
{
    ck_assert_int_eq(attache_world_new(NULL, diag, NULL, &world), ATTACHE_SUCCESS);
}

static void world_down(void)
{
    attache_world_free(world);
    world = NULL;
}

static attache_status read_text(const char *text, size_t len, const attache_doc_options *o,
                                attache_doc **d)
{
    n_errors = n_warnings = 0;
    return attache_doc_read_mem(world, "test", text, len, o, d);
}

static char ymd_buf[16];
static const char *ymd(att_ymd v)
{
    if (!v.y)
        return "";
    snprintf(ymd_buf, sizeof ymd_buf, "%04d-%02d-%02d", v.y, v.m, v.d);
    return ymd_buf;
}

/* ------------------------------------------------------------------ */
/* The date line                                                        */

typedef struct {
    const char *text;
    const char *default_date; /* attache_doc_options.default_date */
    attache_status st;
    const char *date; /* attache_doc_date; the reference date too */
} date_line_case;

static const date_line_case date_line_cases[] = {
    {" date 2024-03-14\n\nThe ministers met in Oslo.\n", NULL, ATTACHE_SUCCESS, "2024-03-14"},
    /* blank lines and tabs before and after */
    {"\n\n date\t2024-03-14  \n\nThe ministers met in Oslo.\n", NULL, ATTACHE_SUCCESS,
     "2024-03-14"},
    {"date 2024-02-29\nThe ministers met in Oslo.\n", NULL, ATTACHE_SUCCESS, "2024-02-29"},
    /* a date line that is not a calendar day, or not ISO */
    {" date 2023-02-29\n\nThe ministers met in Oslo.\n", NULL, ATTACHE_ERR_INPUT, NULL},
    {" date 2024/03/14\n\nThe ministers met in Oslo.\n", NULL, ATTACHE_ERR_INPUT, NULL},
    {" date 14 March 2024\n\nThe ministers met in Oslo.\n", NULL, ATTACHE_SUCCESS, ""},
    /* text that begins with the word "date" */
    {"date of the visit was not announced.\n", NULL, ATTACHE_SUCCESS, ""},
    /* no date line: the default date, if any */
    {"The ministers met in Oslo.\n", NULL, ATTACHE_SUCCESS, ""},
    {"The ministers met in Oslo.\n", "2024-01-05", ATTACHE_SUCCESS, "2024-01-05"},
    /* the date line wins over the default */
    {" date 2024-03-14\n\nThe ministers met in Oslo.\n", "2024-01-05", ATTACHE_SUCCESS,
     "2024-03-14"},
    {"The ministers met in Oslo.\n", "2024-13-05", ATTACHE_ERR_ARG, NULL},
    /* nothing after the date line, nothing at all */
    {" date 2024-03-14\n\n\n", NULL, ATTACHE_ERR_INPUT, NULL},
    {"", NULL, ATTACHE_ERR_INPUT, NULL},
    {"   \n\t\n", NULL, ATTACHE_ERR_INPUT, NULL},
};

START_TEST(test_date_line)
{
    const date_line_case *c = &date_line_cases[_i];
    attache_doc_options o;
    memset(&o, 0, sizeof o);
    o.default_date = c->default_date;
    attache_doc *d = (attache_doc *)0x1;
    attache_status st = read_text(c->text, strlen(c->text), &o, &d);
    ck_assert_msg(st == c->st, "\"%s\": status %s, expected %s", c->text, attache_strerror(st),
                  attache_strerror(c->st));
    if (st != ATTACHE_SUCCESS) {
        ck_assert_ptr_null(d);
        ck_assert_int_ge(n_errors, 1); /* a refusal always says why */
        return;
    }
    ck_assert_str_eq(attache_doc_date(d), c->date);
    ck_assert_str_eq(ymd(d->ref), c->date);
    ck_assert_int_eq(d->ref_from_dateline, 0);
    attache_doc_free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Datelines: the place and the day the text speaks from                */

typedef struct {
    const char *date; /* the date line */
    const char *para; /* the first paragraph */
    const char *place; /* NULL: no dateline */
    const char *ref;
    int from_dateline;
    const char *body; /* what the first sentence starts with */
} dateline_case;

static const dateline_case dateline_cases[] = {
    {"2023-10-27", "BEIJING, Oct. 26 (Xinhua) -- Chinese Vice Premier Liu Changming met guests.",
     "BEIJING", "2023-10-26", 1, "Chinese Vice Premier"},
    {"2023-08-24", "MOSCOW, August 23. /TASS/. The Russian foreign minister met guests.", "MOSCOW",
     "2023-08-23", 1, "The Russian"},
    /* no day in the dateline: the date line's */
    {"2023-08-24", "Hanoi (VNA) - The Vietnamese foreign minister met guests.", "Hanoi",
     "2023-08-24", 0, "The Vietnamese"},
    /* two cities: the last is where the text speaks from */
    {"2024-03-04", "GENEVA/BEIJING, March 3 (Xinhua) -- The envoys met guests.", "BEIJING",
     "2024-03-03", 1, "The envoys"},
    /* across a year end: the dateline's December is last year's */
    {"2024-01-02", "WASHINGTON, Dec. 31 (Xinhua) -- The Secretary met guests.", "WASHINGTON",
     "2023-12-31", 1, "The Secretary"},
    {"2024-05-09", "OTTAWA, May 8 (Office of the Prime Minister) -- The leaders spoke today.",
     "OTTAWA", "2024-05-08", 1, "The leaders"},
    /* no dateline */
    {"2024-03-14", "Foreign Minister Elena Ruiz of Chile met guests in Oslo.", NULL, "2024-03-14",
     0, "Foreign Minister"},
    {"2024-03-14", "In Oslo, the ministers met guests.", NULL, "2024-03-14", 0, "In Oslo"},
};

START_TEST(test_dateline)
{
    const dateline_case *c = &dateline_cases[_i];
    char buf[1024];
    snprintf(buf, sizeof buf, " date %s\n\n%s\n", c->date, c->para);
    attache_doc *d = NULL;
    ck_assert_int_eq(read_text(buf, strlen(buf), NULL, &d), ATTACHE_SUCCESS);
    if (c->place) {
        ck_assert_ptr_nonnull(d->dateline_place);
        ck_assert_str_eq(d->dateline_place, c->place);
    } else {
        ck_assert_ptr_null(d->dateline_place);
    }
    ck_assert_str_eq(ymd(d->ref), c->ref);
    ck_assert_int_eq(d->ref_from_dateline, c->from_dateline);
    /* the date line stays the document's date */
    ck_assert_str_eq(attache_doc_date(d), c->date);
    /* the first sentence starts after the dateline */
    ck_assert_uint_ge(d->n_sents, 1);
    const char *first = d->text + d->sents[0].b;
    ck_assert_msg(strncmp(first, c->body, strlen(c->body)) == 0, "first sentence: \"%.40s\"",
                  first);
    attache_doc_free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Header lines and the title                                           */

typedef struct {
    const char *text;
    const char *title; /* NULL: none */
    size_t sentences, headers; /* sentences 0: not checked */
} header_case;

static const header_case header_cases[] = {
    {" date 2024-03-14\n\nForeign Minister meets Kenyan President\n\nThe ministers met. They "
     "talked.\n",
     "Foreign Minister meets Kenyan President", 3, 1},
    /* a headline and a byline */
    {" date 2024-03-14\n\nTalks in Oslo\nBy Staff Reporter\n\nThe ministers met in Oslo.\n",
     "Talks in Oslo", 3, 2},
    /* no headline */
    {" date 2024-03-14\n\nThe ministers met in Oslo. They talked.\n", NULL, 2, 0},
    /* a wire service's end mark: the paragraph is text (the mark may stand alone) */
    {" date 2024-03-14\n\nThe ministers met in Oslo. (END)\n", NULL, 0, 0},
    /* a line ending without punctuation after the text is a header, never the title */
    {" date 2024-03-14\n\nThe ministers met in Oslo.\n\nRelated stories\n", NULL, 2, 1},
    /* a question ends a sentence */
    {" date 2024-03-14\n\nWhat did the ministers agree?\n", NULL, 1, 0},
};

START_TEST(test_headers)
{
    const header_case *c = &header_cases[_i];
    attache_doc *d = NULL;
    ck_assert_int_eq(read_text(c->text, strlen(c->text), NULL, &d), ATTACHE_SUCCESS);
    if (c->title) {
        ck_assert_ptr_nonnull(d->title);
        ck_assert_str_eq(d->title, c->title);
    } else {
        ck_assert_ptr_null(d->title);
    }
    if (c->sentences)
        ck_assert_uint_eq(attache_doc_sentence_count(d), c->sentences);
    ck_assert_uint_ge(attache_doc_sentence_count(d), 1);
    size_t headers = 0;
    for (size_t i = 0; i < d->n_sents; i++)
        headers += d->sents[i].header != 0;
    ck_assert_uint_eq(headers, c->headers);
    attache_doc_free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* BOM, CRLF and repair                                                  */

typedef struct {
    const char *text;
    size_t len;
    const char *clean; /* the cleaned text after the date line */
    size_t repaired;
    const char *date;
} clean_case;

#define T(s) s, sizeof(s) - 1

static const clean_case clean_cases[] = {
    /* a BOM before the date line */
    {T("\xEF\xBB\xBF date 2024-03-14\n\nThe ministers met.\n"), "The ministers met.\n", 0,
     "2024-03-14"},
    /* CRLF and lone CR line ends */
    {T(" date 2024-03-14\r\n\r\nThe ministers met.\r\nThey talked.\r"),
     "The ministers met.\nThey talked.\n", 0, "2024-03-14"},
    /* an invalid byte becomes U+FFFD */
    {T(" date 2024-03-14\n\nThe ministers met in Osl\xFF.\n"),
     "The ministers met in Osl\xEF\xBF\xBD.\n", 1, "2024-03-14"},
    /* a truncated sequence too */
    {T(" date 2024-03-14\n\nThe ministers met in S\xC3o Paulo.\n"),
     "The ministers met in S\xEF\xBF\xBDo Paulo.\n", 1, "2024-03-14"},
    /* NUL and a control character become spaces */
    {T(" date 2024-03-14\n\nThe ministers\0met.\x07They talked.\n"),
     "The ministers met. They talked.\n", 2, "2024-03-14"},
    /* valid UTF-8 is kept as it is */
    {T(" date 2024-03-14\n\nMélanie Joly met Nguyễn Văn An in Hà Nội.\n"),
     "Mélanie Joly met Nguyễn Văn An in Hà Nội.\n", 0, "2024-03-14"},
};

START_TEST(test_clean)
{
    const clean_case *c = &clean_cases[_i];
    attache_doc *d = NULL;
    ck_assert_int_eq(read_text(c->text, c->len, NULL, &d), ATTACHE_SUCCESS);
    ck_assert_str_eq(attache_doc_date(d), c->date);
    ck_assert_uint_eq(d->repaired, c->repaired);
    ck_assert_int_eq(n_warnings > 0, c->repaired > 0); /* a repair is reported */
    ck_assert_ptr_null(strchr(d->text, '\r'));
    ck_assert_uint_eq(strlen(d->text), d->len);
    size_t cl = strlen(c->clean);
    ck_assert_uint_ge(d->len, cl);
    ck_assert_str_eq(d->text + d->len - cl, c->clean);
    attache_doc_free(d);
}
END_TEST

START_TEST(test_binary_refused)
{
    unsigned char bin[512];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (unsigned char)((i * 131u + 7u) & 0xFFu) | 0x80u; /* no valid UTF-8 */
    attache_doc *d = (attache_doc *)0x1;
    ck_assert_int_eq(read_text((const char *)bin, sizeof bin, NULL, &d), ATTACHE_ERR_INPUT);
    ck_assert_ptr_null(d);
    ck_assert_int_ge(n_errors, 1);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Names, files and the NULL conventions                                */

typedef struct {
    const char *where, *id_opt, *id;
} id_case;

static const id_case id_cases[] = {
    {"readouts/2024/oslo-talks.txt", NULL, "oslo-talks"},
    {"oslo-talks", NULL, "oslo-talks"},
    {"dir.v2/oslo.talks.txt", NULL, "oslo.talks"},
    {"-", NULL, "stdin"},
    {"readouts/oslo.txt", "given id", "given id"},
};

START_TEST(test_id)
{
    const id_case *c = &id_cases[_i];
    const char *text = " date 2024-03-14\n\nThe ministers met.\n";
    attache_doc_options o;
    memset(&o, 0, sizeof o);
    o.id = c->id_opt;
    attache_doc *d = NULL;
    ck_assert_int_eq(attache_doc_read_mem(world, c->where, text, strlen(text), &o, &d),
                     ATTACHE_SUCCESS);
    ck_assert_str_eq(attache_doc_id(d), c->id);
    attache_doc_free(d);
}
END_TEST

START_TEST(test_read_file)
{
    char path[] = "/tmp/attache-test-docXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *text = " date 2024-03-14\n\nOSLO, March 13 (NTB) -- The ministers met. They "
                       "talked.\n";
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    ck_assert_int_eq(close(fd), 0);
    attache_doc *d = NULL;
    n_errors = 0;
    ck_assert_int_eq(attache_doc_read_file(world, path, NULL, &d), ATTACHE_SUCCESS);
    ck_assert_str_eq(attache_doc_date(d), "2024-03-14");
    ck_assert_str_eq(ymd(d->ref), "2024-03-13");
    ck_assert_uint_eq(attache_doc_sentence_count(d), 2);
    attache_doc_free(d);
    ck_assert_int_eq(unlink(path), 0);
    /* a file that is not there */
    d = (attache_doc *)0x1;
    ck_assert_int_eq(attache_doc_read_file(world, path, NULL, &d), ATTACHE_ERR_IO);
    ck_assert_ptr_null(d);
    ck_assert_int_ge(n_errors, 1);
}
END_TEST

START_TEST(test_free_null)
{
    attache_doc_free(NULL);
    attache_world_free(NULL);
    ck_assert_int_eq(attache_writer_free(NULL), ATTACHE_SUCCESS);
}
END_TEST

START_TEST(test_counts_before_extract)
{
    const char *text = " date 2024-03-14\n\nKenyan President Amara Odhiambo arrived.\n";
    attache_doc *d = NULL;
    ck_assert_int_eq(read_text(text, strlen(text), NULL, &d), ATTACHE_SUCCESS);
    attache_counts c = attache_doc_counts(d);
    ck_assert_uint_eq(c.roles, 0);
    ck_assert_uint_eq(c.meetings, 0);
    ck_assert_int_eq(attache_extract(world, d), ATTACHE_SUCCESS);
    c = attache_doc_counts(d);
    ck_assert_uint_eq(c.roles, 1);
    ck_assert_uint_eq(c.sentences, 1);
    attache_doc_free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Threads: one world, documents read and extracted on several threads at
 * once. The grammar's word lists are prepared on first use in a table of
 * the process (this forked test starts with it empty): the threads race to
 * fill it, and every thread must get the facts one thread alone gets. */

static const char THREAD_DOC[] =
    " date 2021-09-18\n\nForeign Minister Wang Yi met with Indonesian Foreign Minister Retno "
    "Marsudi in Beijing on Thursday. The two sides agreed to hold the next meeting of the Joint "
    "Commission in early 2022. Chinese President Xi Jinping held talks by phone with French "
    "President Emmanuel Macron on Monday, and they will meet in Rome next month.\n";

/* A digest of the facts of one extraction, to compare runs. */
static void thread_digest(char *out, size_t n)
{
    attache_doc *d = NULL;
    size_t o = 0;
    out[0] = '\0';
    if (attache_doc_read_mem(world, "t.txt", THREAD_DOC, sizeof THREAD_DOC - 1, NULL, &d) !=
            ATTACHE_SUCCESS ||
        attache_extract(world, d) != ATTACHE_SUCCESS) {
        attache_doc_free(d);
        return;
    }
    attache_counts c = attache_doc_counts(d);
    o += (size_t)snprintf(out + o, n - o, "%zu %zu %zu %zu|", c.roles, c.meetings, c.scheduled,
                          c.people);
    attache_role_view r;
    for (size_t i = 0; attache_doc_role(d, i, &r) && o < n; i++)
        o += (size_t)snprintf(out + o, n - o, "%s/%s/%s|", r.person, r.role,
                              r.country ? r.country : "-");
    attache_meeting_view m;
    for (size_t i = 0; attache_doc_meeting(d, i, &m) && o < n; i++)
        o += (size_t)snprintf(out + o, n - o, "%zu@%s:%s|", m.n_participants,
                              m.place ? m.place : "-", m.date ? m.date : "-");
    attache_scheduled_view v;
    for (size_t i = 0; attache_doc_scheduled(d, i, &v) && o < n; i++)
        o += (size_t)snprintf(out + o, n - o, "%s:%s|", v.label ? v.label : "-",
                              v.when ? v.when : "-");
    attache_doc_free(d);
}

typedef struct {
    char digest[2048];
    int same; /* every run of the thread gave the same digest */
} thread_run;

static void *thread_main(void *arg)
{
    thread_run *t = arg;
    char again[sizeof t->digest];
    thread_digest(t->digest, sizeof t->digest);
    t->same = 1;
    for (int k = 0; k < 10; k++) {
        thread_digest(again, sizeof again);
        t->same &= strcmp(again, t->digest) == 0;
    }
    return NULL;
}

START_TEST(test_threads)
{
    pthread_t th[4];
    thread_run runs[4];
    for (size_t i = 0; i < N_OF(th); i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, thread_main, &runs[i]), 0);
    for (size_t i = 0; i < N_OF(th); i++)
        ck_assert_int_eq(pthread_join(th[i], NULL), 0);
    char alone[sizeof runs[0].digest];
    thread_digest(alone, sizeof alone);
    ck_assert_msg(strstr(alone, "Wang Yi") != NULL, "no facts: %s", alone);
    for (size_t i = 0; i < N_OF(th); i++) {
        ck_assert(runs[i].same);
        ck_assert_str_eq(runs[i].digest, alone);
    }
}
END_TEST

static TCase *group(const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_add_unchecked_fixture(tc, world_up, world_down);
    return tc;
}

static Suite *suite(void)
{
    Suite *s = suite_create("document");
    TCase *tc = group("date line");
    tcase_add_loop_test(tc, test_date_line, 0, (int)N_OF(date_line_cases));
    suite_add_tcase(s, tc);
    tc = group("dateline");
    tcase_add_loop_test(tc, test_dateline, 0, (int)N_OF(dateline_cases));
    suite_add_tcase(s, tc);
    tc = group("headers");
    tcase_add_loop_test(tc, test_headers, 0, (int)N_OF(header_cases));
    suite_add_tcase(s, tc);
    tc = group("clean");
    tcase_add_loop_test(tc, test_clean, 0, (int)N_OF(clean_cases));
    tcase_add_test(tc, test_binary_refused);
    suite_add_tcase(s, tc);
    tc = group("misc");
    tcase_add_loop_test(tc, test_id, 0, (int)N_OF(id_cases));
    tcase_add_test(tc, test_read_file);
    tcase_add_test(tc, test_free_null);
    tcase_add_test(tc, test_counts_before_extract);
    suite_add_tcase(s, tc);
    tc = group("threads");
    tcase_add_test(tc, test_threads);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
