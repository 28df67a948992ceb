/* test_prefilter.c - unit tests of prefilter.c: the words a pattern cannot
 * match without (patterns.h ATT_PF_*). The prefilter may only spare pcre2
 * searches that find nothing, so every case compares re_find_in (prefilter
 * on) with re_find (the bare pattern): matches that must survive the
 * prefilter (capitals, hyphens, apostrophes, pairs across a line break, a
 * word cut by the subject's end, ſ and K), and agreement on every span of
 * a table of sentences (which also holds the start offsets att_pf_from
 * gives pcre2 to the white space each pattern can have before its words). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "world.h"

/* The prefiltered patterns of the world, by name. */
static const att_re *pattern(const char *name)
{
    const att_patterns *p = &world->pat;
    if (!strcmp(name, "meet_trigger"))
        return &p->meet_trigger;
    if (!strcmp(name, "meet_join"))
        return &p->meet_join;
    if (!strcmp(name, "phone"))
        return &p->phone;
    if (!strcmp(name, "video"))
        return &p->video;
    if (!strcmp(name, "future"))
        return &p->future;
    if (!strcmp(name, "sched_trigger"))
        return &p->sched_trigger;
    if (!strcmp(name, "not_happened"))
        return &p->not_happened;
    if (!strcmp(name, "sched_exclude"))
        return &p->sched_exclude;
    return NULL;
}

static const char *const names[] = {"meet_trigger", "future",       "sched_trigger", "meet_join",
                                    "phone",        "video",        "not_happened",  "sched_exclude"};

/* Must still match with the prefilter on: the first match of `pat` in
 * text[0..len) (len 0: all of it) is `want`. */
static const struct {
    const char *pat, *text;
    size_t len;
    const char *want;
} must[] = {
    {"meet_trigger", "Wang Yi MET WITH Antony Blinken.", 0, "MET WITH"},
    {"meet_trigger", "The two ministers co-chaired the commission.", 0, "co-chaired"},
    {"meet_trigger", "Li Qiang Held Talks With the premier.", 0, "Held Talks With"},
    {"meet_trigger", "She joined a mini-summit of the G7 on Friday.", 0, "joined a mini-summit"},
    {"meet_trigger", "the leaders’ video call with them", 0, "the leaders’ video call with"},
    {"meet_trigger", "He was\nwarmly received by the King.", 0, "was\nwarmly received by"},
    {"meet_trigger", "in a VideoConference on Monday", 0, "in a VideoConference"},
    {"meet_trigger", "He spoke by telephone with Sunak.", 0, "spoke by telephone"},
    {"meet_trigger", "Both took part in a high-level session.", 0, "took part in a high-level session"},
    {"meet_trigger", "received a courtesy call from the envoy", 0, "received a courtesy call from"},
    /* ſ is s and K is k to pcre2's caseless matching; the words around them
     * are not ASCII words any more */
    {"meet_trigger", "Xſpoke with the envoy.", 0, "ſpoke with"},
    {"meet_join", "Also taKing part were the envoys.", 0, "Also taKing part"},
    {"meet_join", "Also presented were the envoys.", 0, "Also present"},
    {"meet_join", "The Ministers also participated.", 0, "also participated"},
    {"phone", "They PHONED each other.", 0, "PHONE"},
    {"phone", "by telephones", 0, "telephone"},
    {"video", "met virtually on Tuesday", 0, "virtual"},
    {"video", "via videolink", 0, "video"},
    {"future", "The summit is\tto open on Monday.", 0, "is\tto"},
    {"future", "He WILL visit.", 0, "WILL"},
    /* the subject ends inside a word: pcre2 sees "will" */
    {"future", "They were willing to go.", 14, "will"},
    {"future", "The ministers are together.", 20, "are to"},
    {"future", "the summit in May", 0, "May"},
    {"sched_trigger", "The forum will be organised in June.", 0, "will be organised"},
    {"sched_trigger", "The games kicks off on Friday.", 0, "kicks off"},
    {"sched_trigger", "He accepted the kind invitation to visit China.", 0,
     "accepted the kind invitation to visit"},
    {"sched_trigger", "in the run-up and ahead of the summit", 0, "ahead of"},
    {"not_happened", "There is NO DATE yet.", 0, "NO DATE"},
    {"not_happened", "It was called\noff.", 0, "called\noff"},
    {"not_happened", "The talks were cancelled.", 0, "cancelled"},
    {"sched_exclude", "He won't attend.", 0, "won't"},
    {"sched_exclude", "They may meet again.", 0, "may meet"},
    {"sched_exclude", "They will not go.", 0, "will not"},
};

/* A table of sentences; every span of each is searched both ways. */
static const char *const table[] = {
    "Wang Yi met with Antony Blinken in Beijing on Monday.",
    "Foreign Minister Lavrov held talks with his counterpart; the meeting was also attended by aides.",
    "The two leaders co-chaired the third session and joined a mini-summit.",
    "President Xi received a phone call from Chancellor Scholz, who will visit next month.",
    "The talks, which were postponed, are to be held in May at an early date.",
    "They agreed to hold the next round of consultations in Geneva and looked forward to it.",
    "The meeting between the two Heads of State is expected to take place in the near future.",
    "Also present at the talks were the ministers’ deputies.",
    "He had not ruled out a videoconference if the summit is cancelled.",
    "The Prime Minister spoke by telephone with the King; they talked about trade.",
    "Preparations for the visit are going to start, and there is no date yet.",
    "Xſpoke with, then ſpoke to and met with K. Mills.",
    "The forum opens on Monday; the leaders will then travel to Osaka, the invitation accepted.",
    "willing to work, planning, preparedness, forwarded, rescheduled, undue",
    "is\nto, are  to, no\ttimeline, called off, could meet, may attend, won't",
    "IN A VIDEOCONFERENCE THE MINISTERS SHOOK HANDS WITH THE ENVOYS.",
    "The summit brought together leaders; the session also brought together experts.",
    /* the most white space before a listed word (patterns.h ATT_PF_*_GAPS),
     * in runs of every kind: where pcre2 starts (att_pf_from) */
    "Xi held a long and very warm talks with; they were then received by; paid a courtesy call on.",
    "Xi  held\ta\nlong  and\tvery warm talks; during their long warm meeting, in a quick secure "
    "phone call.",
    "The forum is to  also\tbe\nheld in May; it is to again take place; they are now scheduled to "
    "be hosted.",
    "Aides were also present at, was also attended by, the talks also brought together; also "
    "present.",
    "in the  near\tfuture, as soon as\npossible, at an appropriate time, did not rule out, in "
    "principle, will not",
    "It was to be  held; they looked\tforward to it; by\nphone, a  call, in virtual format.",
    "",
};

/* With sp, through the prefilter, with its start offset and (mc non-NULL)
 * its offset limit; without, the bare pattern. */
static size_t first_match(const att_re *re, const att_pf_span *sp, const char *t, size_t len,
                          size_t start, pcre2_match_data *md, pcre2_match_context *mc, size_t *b,
                          size_t *e)
{
    return (size_t)(sp ? re_find_in(re, sp, t, len, start, md, mc, b, e)
                       : re_find(re, t, len, start, md, b, e));
}

START_TEST(test_must_match)
{
    const char *text = must[_i].text;
    size_t len = must[_i].len ? must[_i].len : strlen(text);
    const att_re *re = pattern(must[_i].pat);
    ck_assert_ptr_nonnull(re);
    ck_assert_uint_ne(re->pf, 0);
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    att_pf_span sp;
    att_pf_scan(world->pf, text, 0, strlen(text), &sp);
    size_t b = 0, e = 0;
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    ck_assert_msg(first_match(re, &sp, text, len, 0, md, mc, &b, &e), "%s: no match in \"%s\"",
                  must[_i].pat, text);
    pcre2_match_context_free(mc);
    ck_assert_msg(e - b == strlen(must[_i].want) && !memcmp(text + b, must[_i].want, e - b),
                  "%s: \"%.*s\", want \"%s\"", must[_i].pat, (int)(e - b), text + b,
                  must[_i].want);
    pcre2_match_data_free(md);
}
END_TEST

/* Every (start, len) of the sentence: same answer, same match. */
START_TEST(test_agrees)
{
    const char *text = table[_i];
    size_t n = strlen(text);
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    att_pf_span sp;
    att_pf_scan(world->pf, text, 0, n, &sp);
    for (size_t p = 0; p < N_OF(names); p++) {
        const att_re *re = pattern(names[p]);
        ck_assert_uint_ne(re->pf, 0);
        for (size_t start = 0; start <= n; start++)
            for (size_t len = start; len <= n; len++) {
                size_t b1 = 0, e1 = 0, b2 = 0, e2 = 0, b3 = 0, e3 = 0;
                size_t r1 = first_match(re, NULL, text, len, start, md, NULL, &b1, &e1);
                size_t r2 = first_match(re, &sp, text, len, start, md, NULL, &b2, &e2);
                size_t r3 = first_match(re, &sp, text, len, start, md, mc, &b3, &e3);
                ck_assert_msg(r1 == r2 && b1 == b2 && e1 == e2,
                              "%s on \"%s\" [%zu, %zu): pcre2 %zu, prefiltered %zu", names[p],
                              text, start, len, r1, r2);
                ck_assert_msg(r1 == r3 && b1 == b3 && e1 == e3,
                              "%s on \"%s\" [%zu, %zu): pcre2 %zu, offset-limited %zu",
                              names[p], text, start, len, r1, r3);
            }
    }
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
}
END_TEST

/* The scan skips nothing it cannot: ſ/K open the span, and a span the scan
 * did not cover is always searched. */
START_TEST(test_open)
{
    att_pf_span sp;
    const char *t = "the ſ of it";
    att_pf_scan(world->pf, t, 0, strlen(t), &sp);
    ck_assert_int_eq(sp.open, 1);
    ck_assert_int_eq(att_pf_may(&sp, world->pat.meet_trigger.pf, 0, strlen(t)), 1);
    t = "nothing to see";
    att_pf_scan(world->pf, t, 4, strlen(t), &sp);
    ck_assert_int_eq(sp.open, 0);
    ck_assert_int_eq(att_pf_may(&sp, world->pat.meet_trigger.pf, 4, strlen(t)), 0);
    ck_assert_int_eq(att_pf_may(&sp, world->pat.meet_trigger.pf, 0, strlen(t)), 1);
    ck_assert_int_eq(att_pf_may(NULL, world->pat.meet_trigger.pf, 0, strlen(t)), 1);
}
END_TEST

/* Malformed lists are refused. */
START_TEST(test_lists)
{
    att_pf *pf = att_pf_new();
    ck_assert_ptr_nonnull(pf);
    ck_assert_int_eq(att_pf_add(pf, 1, "met|meets|is to|present*"), 1);
    ck_assert_int_eq(att_pf_add(pf, 2, "co-chaired"), 0);
    ck_assert_int_eq(att_pf_add(pf, 2, "met||meets"), 0);
    ck_assert_int_eq(att_pf_add(pf, 2, "*"), 0);
    ck_assert_int_eq(att_pf_add(pf, 0, "met"), 0);
    att_pf_free(pf);
    att_pf_free(NULL);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("prefilter");
    TCase *tc = unit_group("must match");
    tcase_add_loop_test(tc, test_must_match, 0, (int)N_OF(must));
    suite_add_tcase(s, tc);
    tc = unit_group("agrees with pcre2");
    tcase_add_loop_test(tc, test_agrees, 0, (int)N_OF(table));
    suite_add_tcase(s, tc);
    tc = unit_group("scan");
    tcase_add_test(tc, test_open);
    tcase_add_test(tc, test_lists);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return unit_run(suite());
}
