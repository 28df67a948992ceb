/* test_jsonl.c - unit tests of jsonl.c: the strict JSON Lines record reader,
 * as tables of good and bad lines. One Suite, a TCase per concern. */
#include "jsonl.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Records that parse: the whole expected record compared at once       */

typedef struct {
    const char *line;
    const char *id, *date, *text, *url, *source; /* NULL: absent */
} good_case;

static const good_case good_cases[] = {
    {"{\"id\":\"a\",\"date\":\"2024-03-01\",\"text\":\"Hello.\"}", "a", "2024-03-01", "Hello.",
     NULL, NULL},
    {"{\"id\":\"b\",\"text\":\"x\",\"url\":\"https://e.org/b\",\"source\":\"Agency\"}\n", "b",
     NULL, "x", "https://e.org/b", "Agency"},
    /* whitespace everywhere JSON allows it, CRLF line end */
    {"  { \"text\" : \"t\" , \"id\" : \"c\" }  \r\n", "c", NULL, "t", NULL, NULL},
    /* the eight simple escapes */
    {"{\"text\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t.\"}", NULL, NULL, "q\" b\\ s/ \b\f\n\r\t.",
     NULL, NULL},
    /* \u escapes: 1, 2 and 3 byte UTF-8, and a surrogate pair (4 bytes) */
    {"{\"text\":\"\\u0041\\u00e9\\u20AC\\ud83c\\uDF0D\"}", NULL, NULL,
     "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8C\x8D", NULL, NULL},
    /* raw UTF-8 passes through */
    {"{\"text\":\"S\xC3\xA9journ\xC3\xA9 \xE5\x8C\x97\xE4\xBA\xAC \xF0\x9F\x8C\x8D\"}", NULL,
     NULL, "S\xC3\xA9journ\xC3\xA9 \xE5\x8C\x97\xE4\xBA\xAC \xF0\x9F\x8C\x8D", NULL, NULL},
    /* other fields of every kind are ignored */
    {"{\"lang\":\"en\",\"n\":-12.5e+3,\"ok\":true,\"no\":false,\"z\":null,\"tags\":[1,[2,{}],"
     "{\"k\":[]}],\"meta\":{\"a\":{\"b\":\"\\u00e9\"}},\"id\":\"d\",\"text\":\"t\",\"zero\":0}",
     "d", NULL, "t", NULL, NULL},
    /* null is absent */
    {"{\"id\":\"e\",\"text\":\"t\",\"url\":null,\"date\":null}", "e", NULL, "t", NULL, NULL},
    /* an escaped key is still the key */
    {"{\"\\u0069d\":\"f\",\"text\":\"t\"}", "f", NULL, "t", NULL, NULL},
    /* an empty object: no fields (the caller decides that is not a document) */
    {"{}", NULL, NULL, NULL, NULL, NULL},
    /* a byte order mark at the head */
    {"\xEF\xBB\xBF{\"id\":\"g\"}", "g", NULL, NULL, NULL, NULL},
    /* keys that merely start like ours */
    {"{\"ids\":\"x\",\"textual\":1,\"id\":\"h\"}", "h", NULL, NULL, NULL, NULL},
};

static void assert_field(const char *name, const char *got, const char *want)
{
    if (!want)
        ck_assert_msg(got == NULL, "%s: expected absent, got \"%s\"", name, got);
    else {
        ck_assert_msg(got != NULL, "%s: expected \"%s\", got absent", name, want);
        ck_assert_str_eq(got, want);
    }
}

START_TEST(test_good)
{
    const good_case *c = &good_cases[_i];
    att_jsonl_rec r;
    char err[256];
    att_jsonl_result res = att_jsonl_parse(c->line, strlen(c->line), &r, err, sizeof err);
    ck_assert_msg(res == ATT_JSONL_OK, "line %d: %s", _i, err);
    assert_field("id", r.id, c->id);
    assert_field("date", r.date, c->date);
    assert_field("text", r.text, c->text);
    assert_field("url", r.url, c->url);
    assert_field("source", r.source, c->source);
    if (c->text)
        ck_assert_uint_eq(r.text_len, strlen(c->text));
    att_jsonl_rec_clear(&r);
    ck_assert_ptr_null(r.text);
}
END_TEST

START_TEST(test_nul_in_text)
{
    /* \u0000 is a real NUL in the text (the document reader repairs it) */
    const char *line = "{\"text\":\"a\\u0000b\"}";
    att_jsonl_rec r;
    char err[256];
    ck_assert_int_eq(att_jsonl_parse(line, strlen(line), &r, err, sizeof err), ATT_JSONL_OK);
    ck_assert_uint_eq(r.text_len, 3);
    ck_assert_mem_eq(r.text, "a\0b", 3);
    att_jsonl_rec_clear(&r);
}
END_TEST

START_TEST(test_clear_null)
{
    att_jsonl_rec_clear(NULL); /* a no-op */
}
END_TEST

/* ------------------------------------------------------------------ */
/* Blank lines                                                          */

static const char *const blank_cases[] = {"", "\n", "   \t \r\n", "\xEF\xBB\xBF"};

START_TEST(test_blank)
{
    att_jsonl_rec r;
    char err[64];
    const char *l = blank_cases[_i];
    ck_assert_int_eq(att_jsonl_parse(l, strlen(l), &r, err, sizeof err), ATT_JSONL_BLANK);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Malformed lines: refused, with a message naming the column           */

typedef struct {
    const char *line;
    const char *msg; /* a substring of the message */
} bad_case;

static const bad_case bad_cases[] = {
    {"[1,2]", "must be a JSON object"},
    {"\"text\"", "must be a JSON object"},
    {"{\"text\":\"t\"", "expected ',' or '}'"},
    {"{\"text\":\"t\",}", "expected a key"},
    {"{\"text\" \"t\"}", "expected ':'"},
    {"{text:\"t\"}", "expected a key"},
    {"{\"text\":\"t\"} {}", "text after the record"},
    {"{\"text\":\"t\"}x", "text after the record"},
    {"{\"text\":\"unterminated}", "unterminated string"},
    {"{\"text\":\"tab\there\"}", "raw control character"},
    {"{\"text\":\"bad \\x escape\"}", "unknown escape"},
    {"{\"text\":\"\\u12\"}", "four hex digits"},
    {"{\"text\":\"\\u12G4\"}", "four hex digits"},
    {"{\"text\":\"\\ud83d\"}", "unpaired high surrogate"},
    {"{\"text\":\"\\ud83d\\u0041\"}", "not followed by a low one"},
    {"{\"text\":\"\\ude00\"}", "unpaired low surrogate"},
    {"{\"text\":\"\xC3\"}", "invalid UTF-8"},
    {"{\"text\":\"\xC0\xAF\"}", "invalid UTF-8"},          /* overlong '/' */
    {"{\"text\":\"\xED\xA0\x80\"}", "invalid UTF-8"},      /* an encoded surrogate */
    {"{\"text\":\"\xF4\x90\x80\x80\"}", "invalid UTF-8"},  /* past U+10FFFF */
    {"{\"text\":\"\xFF\"}", "invalid UTF-8"},
    {"{\"text\":42}", "must be a string"},
    {"{\"id\":[\"a\"],\"text\":\"t\"}", "must be a string"},
    {"{\"id\":\"a\",\"id\":\"b\"}", "given twice"},
    {"{\"id\":\"a\\u0000b\"}", "NUL"},
    {"{\"n\":01}", "expected ',' or '}'"},
    {"{\"n\":-}", "malformed number"},
    {"{\"n\":1.}", "malformed number"},
    {"{\"n\":1e}", "malformed number"},
    {"{\"n\":tru}", "unexpected character"},
    {"{\"n\":nul}", "unexpected character"},
    {"{\"n\":[1,]}", "unexpected character"},
    {"{\"n\":[1 2]}", "expected ',' or ']'"},
    {"{\"n\":{\"a\" 1}}", "expected ':'"},
    {"{\"n\":'single'}", "unexpected character"},
    {"{\"n\":", "end of the line"},
};

START_TEST(test_bad)
{
    const bad_case *c = &bad_cases[_i];
    att_jsonl_rec r;
    char err[256];
    att_jsonl_result res = att_jsonl_parse(c->line, strlen(c->line), &r, err, sizeof err);
    ck_assert_msg(res == ATT_JSONL_ERROR, "case %d (%s) was accepted", _i, c->line);
    ck_assert_msg(strstr(err, c->msg) != NULL, "case %d: message \"%s\" lacks \"%s\"", _i, err,
                  c->msg);
    ck_assert_msg(strncmp(err, "column ", 7) == 0, "case %d: no column in \"%s\"", _i, err);
    /* nothing is left to free on failure */
    ck_assert_ptr_null(r.id);
    ck_assert_ptr_null(r.text);
}
END_TEST

START_TEST(test_too_deep)
{
    char line[400] = "{\"n\":";
    size_t n = strlen(line);
    for (int i = 0; i < 100; i++)
        line[n++] = '[';
    line[n] = '\0';
    att_jsonl_rec r;
    char err[256];
    ck_assert_int_eq(att_jsonl_parse(line, n, &r, err, sizeof err), ATT_JSONL_ERROR);
    ck_assert_ptr_nonnull(strstr(err, "nested deeper"));
}
END_TEST

START_TEST(test_column)
{
    const char *line = "{\"id\":\"a\",\"text\":7}";
    att_jsonl_rec r;
    char err[256];
    ck_assert_int_eq(att_jsonl_parse(line, strlen(line), &r, err, sizeof err), ATT_JSONL_ERROR);
    ck_assert_str_eq(err, "column 18: field \"text\" must be a string");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Dates                                                                */

typedef struct {
    const char *s;
    const char *day; /* NULL: refused */
} date_case;

static const date_case date_cases[] = {
    {"2024-03-01", "2024-03-01"},
    {"2024-02-29", "2024-02-29"},
    {"2024-03-01T09:30:00Z", "2024-03-01"},
    {"2024-03-01 09:30", "2024-03-01"},
    {"2023-02-29", NULL},
    {"2024-13-01", NULL},
    {"2024-3-1", NULL},
    {"01/03/2024", NULL},
    {"2024-03-01x", NULL},
    {"2024-03-01T", NULL},
    {"2024-03-01 junk", NULL},
    {"", NULL},
    {"March 1, 2024", NULL},
};

START_TEST(test_date)
{
    const date_case *c = &date_cases[_i];
    char day[11] = "";
    int ok = att_jsonl_date(c->s, day);
    ck_assert_msg(ok == (c->day != NULL), "\"%s\": got %d", c->s, ok);
    if (c->day)
        ck_assert_str_eq(day, c->day);
}
END_TEST

static Suite *jsonl_suite(void)
{
    Suite *s = suite_create("jsonl");
    TCase *tc = tcase_create("records");
    tcase_add_loop_test(tc, test_good, 0, (int)N_OF(good_cases));
    tcase_add_test(tc, test_nul_in_text);
    tcase_add_test(tc, test_clear_null);
    suite_add_tcase(s, tc);
    tc = tcase_create("blank");
    tcase_add_loop_test(tc, test_blank, 0, (int)N_OF(blank_cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("malformed");
    tcase_add_loop_test(tc, test_bad, 0, (int)N_OF(bad_cases));
    tcase_add_test(tc, test_too_deep);
    tcase_add_test(tc, test_column);
    suite_add_tcase(s, tc);
    tc = tcase_create("dates");
    tcase_add_loop_test(tc, test_date, 0, (int)N_OF(date_cases));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(jsonl_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
