/* test_sentences.c - unit tests of sentences.c: sentence spans over a
 * paragraph (abbreviations and initials never end one), their byte and
 * code-point offsets with non-ASCII text, and the bound on a sentence's
 * length. Paragraphs written for these tests, read with attache_doc_read_mem
 * on one world per TCase. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attache/attache.h"
#include "doc.h"
#include "sentences.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_SENTS 5

static attache_world *world;

static void world_up(void)
{
    ck_assert_int_eq(attache_world_new(NULL, NULL, NULL, &world), ATTACHE_SUCCESS);
}

static void world_down(void)
{
    attache_world_free(world);
    world = NULL;
}

static attache_doc *read_para(const char *para)
{
    size_t n = strlen(para) + 32;
    char *buf = malloc(n);
    ck_assert_ptr_nonnull(buf);
    snprintf(buf, n, " date 2024-03-14\n\n%s\n", para);
    attache_doc *d = NULL;
    ck_assert_int_eq(attache_doc_read_mem(world, "test", buf, strlen(buf), NULL, &d),
                     ATTACHE_SUCCESS);
    free(buf);
    return d;
}

/* Code points in s[0..n), counted here independently of util.c. */
static size_t code_points(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* ------------------------------------------------------------------ */
/* Where sentences end                                                  */

typedef struct {
    const char *para;
    const char *sents[MAX_SENTS];
} split_case;

static const split_case split_cases[] = {
    {"The U.S. Secretary of State arrived in Oslo. He met the press.",
     {"The U.S. Secretary of State arrived in Oslo.", "He met the press."}},
    {"Mr. Sato met Dr. Kim at 10 a.m. on Monday. They talked for an hour.",
     {"Mr. Sato met Dr. Kim at 10 a.m. on Monday.", "They talked for an hour."}},
    {"Ms. Ruiz arrived. Mrs. Holm left.", {"Ms. Ruiz arrived.", "Mrs. Holm left."}},
    {"The talks began on Sept. 17 in Oslo. Both sides agreed.",
     {"The talks began on Sept. 17 in Oslo.", "Both sides agreed."}},
    {"They met on Oct. 26 and Nov. 2. The dates were agreed.",
     {"They met on Oct. 26 and Nov. 2.", "The dates were agreed."}},
    {"Resolution No. 2231 was discussed. The ministers agreed.",
     {"Resolution No. 2231 was discussed.", "The ministers agreed."}},
    /* initials */
    {"Secretary Daniel J. Harper met R. Kumar in New Delhi. They talked.",
     {"Secretary Daniel J. Harper met R. Kumar in New Delhi.", "They talked."}},
    {"The U.N. envoy met the U.K. minister. Both spoke.",
     {"The U.N. envoy met the U.K. minister.", "Both spoke."}},
    /* ! and ? end sentences; a closing quote stays with its sentence */
    {"Did they agree? Yes! The ministers signed.",
     {"Did they agree?", "Yes!", "The ministers signed."}},
    {"He said: \"We agree.\" The talks ended.", {"He said: \"We agree.\"", "The talks ended."}},
    {"She said the talks were \xE2\x80\x9C" "useful.\xE2\x80\x9D Both sides agreed.",
     {"She said the talks were \xE2\x80\x9C" "useful.\xE2\x80\x9D", "Both sides agreed."}},
    /* a decimal point and an abbreviation inside a word */
    {"Trade rose by 3.5 percent. Both sides welcomed it.",
     {"Trade rose by 3.5 percent.", "Both sides welcomed it."}},
    /* a lower-case word after an abbreviation's period: the same sentence */
    {"The Philippines and the U.S. agreed to talk. The talks start soon.",
     {"The Philippines and the U.S. agreed to talk.", "The talks start soon."}},
};

START_TEST(test_split)
{
    const split_case *c = &split_cases[_i];
    attache_doc *d = read_para(c->para);
    size_t n = 0;
    while (n < MAX_SENTS && c->sents[n])
        n++;
    ck_assert_msg(d->n_sents == n, "\"%s\": %zu sentences expected, got %zu", c->para, n,
                  d->n_sents);
    for (size_t i = 0; i < n; i++) {
        const att_sentence *s = &d->sents[i];
        size_t l = s->e - s->b;
        ck_assert_msg(l == strlen(c->sents[i]) && memcmp(d->text + s->b, c->sents[i], l) == 0,
                      "sentence %zu: \"%.*s\", expected \"%s\"", i, (int)l, d->text + s->b,
                      c->sents[i]);
        ck_assert_int_eq(s->header, 0);
        ck_assert_uint_le(s->tb, s->te);
    }
    attache_doc_free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Byte and code-point offsets                                          */

typedef struct {
    const char *para;
    size_t n;
    const char *second; /* the second sentence */
} offset_case;

static const offset_case offset_cases[] = {
    {"Mélanie Joly met Nguyễn Văn An. Họ đã thảo luận về thương mại.", 2,
     "Họ đã thảo luận về thương mại."},
    {"Президент прибыл в Москву. The talks began.", 2, "The talks began."},
    {"Le ministre a rencontré M. Dupont à l’Élysée. The talks began.", 2, "The talks began."},
    {"The Emir of Qatar arrived 🇶🇦 today. Ministers met in Doha.", 2, "Ministers met in Doha."},
    {"Plain ASCII text here. Second sentence.", 2, "Second sentence."},
};

START_TEST(test_offsets)
{
    const offset_case *c = &offset_cases[_i];
    attache_doc *d = read_para(c->para);
    if (c->n)
        ck_assert_uint_eq(d->n_sents, c->n);
    ck_assert_uint_ge(d->n_sents, 2);
    size_t prev_ce = 0;
    for (size_t i = 0; i < d->n_sents; i++) {
        const att_sentence *s = &d->sents[i];
        /* code points count from the start of the document's text */
        ck_assert_uint_eq(s->cb, code_points(d->text, s->b));
        ck_assert_uint_eq(s->ce, code_points(d->text, s->e));
        ck_assert_uint_eq(doc_char_offset(d, s->b), s->cb);
        ck_assert_uint_ge(s->cb, prev_ce);
        prev_ce = s->ce;
        /* spans start and end on character boundaries */
        ck_assert_int_ne((unsigned char)d->text[s->b] & 0xC0, 0x80);
        ck_assert(s->e == d->len || ((unsigned char)d->text[s->e] & 0xC0) != 0x80);
    }
    const att_sentence *last = &d->sents[d->n_sents - 1];
    size_t l = last->e - last->b;
    ck_assert_uint_eq(l, strlen(c->second));
    ck_assert_int_eq(memcmp(d->text + last->b, c->second, l), 0);
    /* non-ASCII before the sentence: bytes run ahead of code points */
    if (strcmp(c->para, "Plain ASCII text here. Second sentence.") != 0)
        ck_assert_uint_gt(last->b, last->cb);
    else
        ck_assert_uint_eq(last->b, last->cb);
    attache_doc_free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* A paragraph with no sentence end is cut into bounded spans             */

START_TEST(test_bounded)
{
    static char para[6 * ATT_MAX_SENTENCE + 1];
    size_t n = 0;
    while (n + 12 < sizeof para - 1) {
        memcpy(para + n, "ministers ", 10);
        n += 10;
    }
    para[n] = '\0';
    attache_doc *d = read_para(para);
    ck_assert_uint_ge(d->n_sents, 2);
    size_t covered = 0;
    for (size_t i = 0; i < d->n_sents; i++) {
        ck_assert_uint_le(d->sents[i].e - d->sents[i].b, 2 * ATT_MAX_SENTENCE);
        covered += d->sents[i].e - d->sents[i].b;
        if (i)
            ck_assert_uint_ge(d->sents[i].b, d->sents[i - 1].e);
    }
    /* nothing but the spaces at the cuts is lost */
    ck_assert_uint_ge(covered + d->n_sents + 1, n);
    attache_doc_free(d);
}
END_TEST

/* Sentences of separate paragraphs never join. */
START_TEST(test_paragraphs)
{
    attache_doc *d = read_para("The ministers met in Oslo\non Monday. They talked.\n\nA third one.");
    /* a line without closing punctuation is a header line of its own */
    ck_assert_uint_eq(d->n_sents, 4);
    ck_assert_int_eq(d->sents[0].header, 1);
    ck_assert_uint_lt(d->sents[1].para, d->sents[3].para);
    ck_assert_uint_eq(d->sents[1].para, d->sents[2].para);
    attache_doc_free(d);
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
    Suite *s = suite_create("sentences");
    TCase *tc = group("split");
    tcase_add_loop_test(tc, test_split, 0, (int)N_OF(split_cases));
    tcase_add_test(tc, test_paragraphs);
    suite_add_tcase(s, tc);
    tc = group("offsets");
    tcase_add_loop_test(tc, test_offsets, 0, (int)N_OF(offset_cases));
    tcase_add_test(tc, test_bounded);
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
