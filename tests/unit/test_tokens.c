/* test_tokens.c - unit tests of tokens.c: words, numbers, possessives and
 * punctuation with their flags, and the folded keys of token runs, as
 * tables of strings written for these tests. No world needed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokens.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_TOKS 10

/* An expected token: its text and its kind as a letter (W word, N number,
 * P possessive, . punctuation). */
typedef struct {
    const char *text;
    char kind;
} tok;

typedef struct {
    const char *in;
    tok toks[MAX_TOKS];
} tok_case;

static const tok_case tok_cases[] = {
    {"Foreign Minister", {{"Foreign", 'W'}, {"Minister", 'W'}}},
    /* dotted abbreviations keep their final period */
    {"U.S. Secretary", {{"U.S.", 'W'}, {"Secretary", 'W'}}},
    {"at 10 a.m. today", {{"at", 'W'}, {"10", 'N'}, {"a.m.", 'W'}, {"today", 'W'}}},
    /* a sentence's final period is punctuation */
    {"in Oslo.", {{"in", 'W'}, {"Oslo", 'W'}, {".", '.'}}},
    {"Mr. Sato", {{"Mr", 'W'}, {".", '.'}, {"Sato", 'W'}}},
    /* possessives, straight and curly, and the plural apostrophe */
    {"China's Foreign Minister", {{"China", 'W'}, {"'s", 'P'}, {"Foreign", 'W'}, {"Minister", 'W'}}},
    {"China\xE2\x80\x99s envoy", {{"China", 'W'}, {"\xE2\x80\x99s", 'P'}, {"envoy", 'W'}}},
    {"Hipkins' greetings", {{"Hipkins", 'W'}, {"'", 'P'}, {"greetings", 'W'}}},
    /* inner apostrophes and hyphens stay inside the word */
    {"Nuku'alofa and O'Sullivan", {{"Nuku'alofa", 'W'}, {"and", 'W'}, {"O'Sullivan", 'W'}}},
    {"Akufo-Addo met ex-ministers",
     {{"Akufo-Addo", 'W'}, {"met", 'W'}, {"ex-ministers", 'W'}}},
    {"Ma'ruf Amin", {{"Ma'ruf", 'W'}, {"Amin", 'W'}}},
    /* numbers */
    {"on 14/4/2024 at 9:25", {{"on", 'W'}, {"14/4/2024", 'N'}, {"at", 'W'}, {"9:25", 'N'}}},
    {"the 10th meeting", {{"the", 'W'}, {"10th", 'N'}, {"meeting", 'W'}}},
    {"September 17, 2021", {{"September", 'W'}, {"17", 'N'}, {",", '.'}, {"2021", 'N'}}},
    {"1,000 troops", {{"1,000", 'N'}, {"troops", 'W'}}},
    {"3.5 percent", {{"3.5", 'N'}, {"percent", 'W'}}},
    /* punctuation runs that are one token */
    {"(Xinhua) -- The", {{"(", '.'}, {"Xinhua", 'W'}, {")", '.'}, {"--", '.'}, {"The", 'W'}}},
    {"and so on...", {{"and", 'W'}, {"so", 'W'}, {"on", 'W'}, {"...", '.'}}},
    /* a hyphen with spaces is punctuation; a trailing one too */
    {"Hanoi - The", {{"Hanoi", 'W'}, {"-", '.'}, {"The", 'W'}}},
    /* non-ASCII letters */
    {"Hà Nội, Mélanie", {{"Hà", 'W'}, {"Nội", 'W'}, {",", '.'}, {"Mélanie", 'W'}}},
    {"Президент Путин", {{"Президент", 'W'}, {"Путин", 'W'}}},
    {"", {{NULL, 0}}},
    {"   \t ", {{NULL, 0}}},
};

static int kind_letter(int kind)
{
    switch (kind) {
    case TK_WORD:
        return 'W';
    case TK_NUM:
        return 'N';
    case TK_POSS:
        return 'P';
    default:
        return '.';
    }
}

START_TEST(test_tokenize)
{
    const tok_case *c = &tok_cases[_i];
    att_tokens ts = {0};
    ck_assert_int_eq(att_tokenize(c->in, 0, strlen(c->in), &ts), 1);
    size_t n = 0;
    while (n < MAX_TOKS && c->toks[n].text)
        n++;
    ck_assert_msg(ts.n == n, "\"%s\": %zu tokens expected, got %zu", c->in, n, ts.n);
    for (size_t i = 0; i < n; i++) {
        const att_token *t = &ts.v[i];
        size_t l = t->e - t->b;
        ck_assert_msg(l == strlen(c->toks[i].text) && memcmp(c->in + t->b, c->toks[i].text, l) == 0,
                      "\"%s\" token %zu: \"%.*s\", expected \"%s\"", c->in, i, (int)l,
                      c->in + t->b, c->toks[i].text);
        ck_assert_msg(kind_letter(t->kind) == c->toks[i].kind, "\"%s\" token %zu: kind %c, expected %c",
                      c->in, i, kind_letter(t->kind), c->toks[i].kind);
        if (i)
            ck_assert_uint_ge(t->b, ts.v[i - 1].e);
    }
    att_tokens_free(&ts);
    ck_assert_ptr_null(ts.v);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Case flags                                                           */

typedef struct {
    const char *word;
    int upper, allcaps;
} flag_case;

static const flag_case flag_cases[] = {
    {"Sato", 1, 0},   {"SATO", 1, 1},     {"sato", 0, 0},   {"A", 1, 0},
    {"UN", 1, 1},     {"Élysée", 1, 0},   {"ÉLYSÉE", 1, 1}, {"élysée", 0, 0},
    {"McDonald", 1, 0}, {"U.S.", 1, 1},   {"iPhone", 0, 0}, {"Ōno", 1, 0},
};

START_TEST(test_flags)
{
    const flag_case *c = &flag_cases[_i];
    att_tokens ts = {0};
    ck_assert_int_eq(att_tokenize(c->word, 0, strlen(c->word), &ts), 1);
    ck_assert_uint_eq(ts.n, 1);
    ck_assert_msg(ts.v[0].upper == c->upper, "%s: upper %d", c->word, ts.v[0].upper);
    ck_assert_msg(ts.v[0].allcaps == c->allcaps, "%s: allcaps %d", c->word, ts.v[0].allcaps);
    att_tokens_free(&ts);
}
END_TEST

/* ------------------------------------------------------------------ */
/* A span of the text only; tokens are appended                          */

START_TEST(test_span_append)
{
    const char *text = "Kenyan President Amara Odhiambo arrived.";
    att_tokens ts = {0};
    ck_assert_int_eq(att_tokenize(text, 7, 16, &ts), 1); /* "President" */
    ck_assert_uint_eq(ts.n, 1);
    ck_assert_uint_eq(ts.v[0].b, 7);
    ck_assert_uint_eq(ts.v[0].e, 16);
    ck_assert_int_eq(att_tokenize(text, 17, 31, &ts), 1); /* "Amara Odhiambo" */
    ck_assert_uint_eq(ts.n, 3);
    ck_assert_uint_eq(ts.v[2].e, 31);
    att_tokens_free(&ts);
    att_tokens_free(&ts); /* freeing twice is harmless */
}
END_TEST

/* Many tokens: the array grows. */
START_TEST(test_grow)
{
    static char text[20001];
    for (size_t i = 0; i < 10000; i++) {
        text[2 * i] = 'a';
        text[2 * i + 1] = ' ';
    }
    text[20000] = '\0';
    att_tokens ts = {0};
    ck_assert_int_eq(att_tokenize(text, 0, 20000, &ts), 1);
    ck_assert_uint_eq(ts.n, 10000);
    ck_assert_uint_ge(ts.cap, ts.n);
    ck_assert_uint_eq(ts.v[9999].b, 19998);
    att_tokens_free(&ts);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Folded keys of token runs                                            */

typedef struct {
    const char *in;
    size_t i, j; /* token range */
    const char *key;
} key_case;

static const key_case key_cases[] = {
    {"Foreign   Minister", 0, 2, "foreign minister"},
    {"the ÉLYSÉE Palace", 1, 3, "elysee palace"},
    {"China\xE2\x80\x99s Foreign Minister", 0, 2, "china 's"},
    {"Hà Nội", 0, 2, "ha noi"},
    {"State Councilor and Foreign Minister", 3, 5, "foreign minister"},
    {"U.S. Secretary of State", 0, 4, "u.s. secretary of state"},
    {"Kenya", 0, 0, ""},
};

START_TEST(test_key)
{
    const key_case *c = &key_cases[_i];
    att_tokens ts = {0};
    ck_assert_int_eq(att_tokenize(c->in, 0, strlen(c->in), &ts), 1);
    ck_assert_uint_ge(ts.n, c->j);
    char out[256];
    size_t n = att_tokens_key(c->in, ts.v, c->i, c->j, out);
    ck_assert_str_eq(out, c->key);
    ck_assert_uint_eq(n, strlen(c->key));
    att_tokens_free(&ts);
}
END_TEST

/* att_tokenize_folded gives what att_tokenize then att_tokens_fold give:
 * the same tokens, flags, folded forms and hashes, also when appended
 * after earlier tokens and with bytes off the ASCII fast path (accents,
 * '`', a control byte) in the middle of a token. */
static const char *const fold_cases[] = {
    "Foreign Minister Wang Yi met U.S. Secretary Blinken in Washington.",
    "China's NATO envoy, O'Sullivan and Akufo-Addo -- 10 a.m. on 14/4/2024...",
    "Hà Nội, MÉLANIE Président Путин ПУТИН Straße",
    "rock`n`roll DE`GAULLE x\x01y \xE2\x80\x99s Hipkins' greetings",
    "",
};

static void tokenize_then_fold(const char *in, att_tokens *ts)
{
    size_t n = strlen(in), half = n / 2;
    while (half > 0 && in[half] != ' ')
        half--;
    size_t from = ts->n;
    ck_assert_int_eq(att_tokenize(in, 0, half, ts), 1);
    ck_assert_int_eq(att_tokens_fold(in, ts, from), 1);
    from = ts->n;
    ck_assert_int_eq(att_tokenize(in, half, n, ts), 1);
    ck_assert_int_eq(att_tokens_fold(in, ts, from), 1);
}

START_TEST(test_folded)
{
    const char *in = fold_cases[_i];
    size_t n = strlen(in), half = n / 2;
    while (half > 0 && in[half] != ' ')
        half--;
    att_tokens a = {0}, b = {0};
    tokenize_then_fold(in, &a);
    ck_assert_int_eq(att_tokenize_folded(in, 0, half, &b), 1);
    ck_assert_int_eq(att_tokenize_folded(in, half, n, &b), 1);
    ck_assert_uint_eq(a.n, b.n);
    ck_assert_uint_eq(a.fold_len, b.fold_len);
    for (size_t k = 0; k < a.n; k++) {
        const att_token *x = &a.v[k], *y = &b.v[k];
        ck_assert_uint_eq(x->b, y->b);
        ck_assert_uint_eq(x->e, y->e);
        ck_assert_uint_eq(x->kind, y->kind);
        ck_assert_uint_eq(x->upper, y->upper);
        ck_assert_uint_eq(x->allcaps, y->allcaps);
        ck_assert_uint_eq(x->plain, y->plain);
        ck_assert_uint_eq(x->fb, y->fb);
        ck_assert_uint_eq(x->fl, y->fl);
        ck_assert(x->fh == y->fh);
        ck_assert_str_eq(att_tok_fold(&a, x), att_tok_fold(&b, y));
    }
    att_tokens_free(&a);
    att_tokens_free(&b);
}
END_TEST

/* att_tokens_reserve keeps what is there and makes the room it promises. */
START_TEST(test_reserve)
{
    const char *in = "Foreign Minister Wang Yi";
    att_tokens ts = {0};
    ck_assert_int_eq(att_tokenize_folded(in, 0, 7, &ts), 1);
    ck_assert_int_eq(att_tokens_reserve(&ts, 100, 1000), 1);
    ck_assert_uint_ge(ts.cap, ts.n + 100);
    ck_assert_uint_ge(ts.fold_cap, ts.fold_len + 1000);
    ck_assert_uint_eq(ts.n, 1);
    ck_assert_str_eq(att_tok_fold(&ts, &ts.v[0]), "foreign");
    att_token *v = ts.v;
    ck_assert_int_eq(att_tokenize_folded(in, 7, strlen(in), &ts), 1);
    ck_assert_ptr_eq(ts.v, v); /* no regrowth within the reserve */
    ck_assert_uint_eq(ts.n, 4);
    ck_assert_str_eq(att_tok_fold(&ts, &ts.v[3]), "yi");
    ck_assert_int_eq(att_tokens_reserve(&ts, 0, 0), 1);
    att_tokens_free(&ts);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("tokens");
    TCase *tc = tcase_create("tokenize");
    tcase_add_loop_test(tc, test_tokenize, 0, (int)N_OF(tok_cases));
    tcase_add_loop_test(tc, test_flags, 0, (int)N_OF(flag_cases));
    tcase_add_test(tc, test_span_append);
    tcase_add_test(tc, test_grow);
    tcase_add_loop_test(tc, test_folded, 0, (int)N_OF(fold_cases));
    tcase_add_test(tc, test_reserve);
    suite_add_tcase(s, tc);
    tc = tcase_create("keys");
    tcase_add_loop_test(tc, test_key, 0, (int)N_OF(key_cases));
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
