/* test_scheduled.c - unit tests of scheduled.c: agreement – scheduled-for,
 * as tables of cases in sentences written for these tests. Each case is a
 * short document (a date line and a paragraph) read with
 * attache_doc_read_mem on a world made with attache_world_new(NULL, ...)
 * ($ATTACHE_DATA points at ontology/data under ctest). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attache/attache.h"
#include "unit.h"
#include "doc.h"
#include "gazetteer.h"
#include "world.h"




static char when_buf[16];
static const char *when(const att_sched *s)
{
    return att_time_lexical(s->time.value, s->time.prec, when_buf);
}

/* ------------------------------------------------------------------ */
/* Triggers: one event each, its label and its time                     */

typedef struct {
    const char *date, *text, *label, *when;
} fact_case;

static const fact_case trigger_cases[] = {
    /* will be held */
    {"2023-11-10", "The fourth round of the strategic dialogue will be held in Oslo next month.",
     "fourth round of the strategic dialogue", "2023-12"},
    /* will hold */
    {"2023-11-10", "Vietnam will hold the Mekong-Lancang Summit on 4 July.",
     "Mekong-Lancang Summit", "2024-07-04"},
    /* will visit (a country: a visit to it) */
    {"2023-11-10", "Mr Hale will also visit Laos later this month, the ministry said.",
     "visit to Laos", "2023-11"},
    /* will take place */
    {"2023-11-10", "The signing ceremony will take place on Friday morning.", "signing ceremony",
     "2023-11-17"},
    /* is scheduled to (the verb stays with what is not a meeting) */
    {"2023-11-10", "Ms Tanaka is scheduled to address the Pacific Forum on Tuesday.",
     "address the Pacific Forum", "2023-11-14"},
    /* is set to, a body that meets */
    {"2023-11-10", "The Arctic Council is set to convene in Reykjavik from 13 to 15 December.",
     "meeting of the Arctic Council in Reykjavik", "2023-12-13"},
    /* is expected to */
    {"2023-11-10", "She is expected to attend the Pacific Islands Forum this autumn.",
     "Pacific Islands Forum", "2023"},
    /* agreed to hold */
    {"2023-11-10",
     "The two ministers agreed to hold the next round of consultations in Canberra early next "
     "year.",
     "next round of consultations in Canberra", "2024"},
    /* confirmed that ... will */
    {"2023-11-10",
     "The sides confirmed that the 7th meeting of the Joint Economic Commission will be held in "
     "late January.",
     "7th meeting of the Joint Economic Commission", "2024-01"},
    /* decided to convene */
    {"2023-11-10", "The council decided to convene an extraordinary session next week.",
     "extraordinary session", "2023-11"},
    /* look forward to ... in */
    {"2023-11-10", "They looked forward to the Asia-Europe Meeting in Brussels in March.",
     "Asia-Europe Meeting in Brussels", "2024-03"},
    /* plan to */
    {"2023-11-10", "Both sides plan to launch the Green Corridor initiative in the first half of 2024.",
     "launch the Green Corridor initiative", "2024"},
    /* reported speech, no "that" */
    {"2023-11-10", "Lavrov said the next round of talks would take place in Geneva later this year.",
     "next round of talks", "2023"},
    /* preparations for X, which will take place */
    {"2023-11-10",
     "The ministers discussed preparations for the Nordic-African summit, which will take place "
     "in Accra on Friday morning.",
     "Nordic-African summit", "2023-11-17"},
    /* X, which COUNTRY will host */
    {"2023-11-10", "Norway welcomed the Ocean Conference, which Chile will host in June next year.",
     "Ocean Conference", "2024-06"},
    /* X, whose N will take place */
    {"2023-11-10",
     "He briefed them on the Lisbon Platform, whose second summit will take place in Lisbon in "
     "August.",
     "second summit of the Lisbon Platform", "2024-08"},
    /* the visit that X will pay to Y */
    {"2023-11-10", "They prepared the visit that President Silva will pay to Ghana in February.",
     "visit of President Silva to Ghana", "2024-02"},
    /* an invitation taken up, with a time: the trip's purpose is the event */
    {"2023-11-10", "The President accepted the invitation to visit Peru next year for the APEC Summit.",
     "APEC Summit", "2024"},
    /* travel ... to attend X */
    {"2023-11-10", "The minister will travel to Rome early next month to attend the FAO Council.",
     "FAO Council", "2023-12"},
    /* two people will hold talks */
    {"2023-11-10", "President Lee and Premier Wen will hold talks on Friday.",
     "talks between President Lee and Premier Wen", "2023-11-17"},
    /* a titled visitor */
    {"2023-11-10", "Secretary of State Mary Lund is set to visit Hanoi in mid-December.",
     "Secretary of State Mary Lund's visit to Hanoi", "2023-12"},
    /* a body that will hold its next meeting */
    {"2023-11-10",
     "The Joint Border Commission will hold its next meeting in Dakar later this month.",
     "next meeting in Dakar of the Joint Border Commission", "2023-11"},
    /* participation in X with a time */
    {"2023-11-10",
     "The Prime Minister looked forward to Brazil's participation in the Climate Summit in "
     "Nairobi on 4 December.",
     "Climate Summit in Nairobi", "2023-12-04"},
    /* looking forward to welcoming someone: a visit */
    {"2023-11-10", "He said Japan looks forward to welcoming President Ruto to Tokyo in August.",
     "visit of President Ruto to Tokyo", "2024-08"},
    /* a time that opens the sentence */
    {"2023-11-10", "On Wednesday, Prime Minister Rao is set to inaugurate the Solar Park.",
     "inaugurate the Solar Park", "2023-11-15"},
    /* "the forum" named before */
    {"2023-11-10",
     "Ministers arrived for the Baltic Security Forum. The forum, which gathers forty "
     "delegations, opens on Monday.",
     "Baltic Security Forum", "2023-11-13"},
    /* passive of a deed: its noun */
    {"2023-11-10", "The first trains are expected to be delivered in the first quarter of 2024.",
     "delivery of the first trains", "2024"},
};

START_TEST(test_trigger)
{
    const fact_case *c = &trigger_cases[_i];
    attache_doc *d = extract(c->date, c->text);
    ck_assert_msg(d->n_sched == 1, "%s: %zu facts", c->text, d->n_sched);
    ck_assert_str_eq(d->sched[0].label, c->label);
    ck_assert_str_eq(when(&d->sched[0]), c->when);
    ck_assert_ptr_nonnull(d->sched[0].phrase);
    ck_assert_int_eq(d->sched[0].agreed_at, -1); /* no meeting reported */
    attache_doc_free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Time forms: the same event, times of every form                     */

typedef struct {
    const char *date, *time, *when, *earliest, *latest;
} time_case;

static const time_case time_cases[] = {
    {"2021-09-18", "in late September", "2021-09", "2021-09-21", "2021-09-30"},
    {"2021-09-18", "in October", "2021-10", "2021-10-01", "2021-10-31"},
    {"2021-09-18", "next month", "2021-10", "2021-10-01", "2021-10-31"},
    {"2021-09-18", "later this month", "2021-09", "2021-09-18", "2021-09-30"},
    {"2021-09-18", "later this year", "2021", "2021-09-18", "2021-12-31"},
    {"2021-09-18", "next year", "2022", "2022-01-01", "2022-12-31"},
    {"2021-09-18", "early next year", "2022", "2022-01-01", "2022-04-30"},
    {"2021-09-18", "in the first half of 2024", "2024", "2024-01-01", "2024-06-30"},
    {"2021-09-18", "this autumn", "2021", NULL, NULL},
    {"2021-09-18", "on Friday morning", "2021-09-24", "2021-09-24", "2021-09-24"},
    {"2021-09-18", "on 4 July", "2022-07-04", "2022-07-04", "2022-07-04"},
    {"2021-09-18", "from 13 to 15 October", "2021-10-13", "2021-10-13", "2021-10-15"},
    {"2021-09-18", "next week", "2021-09", NULL, NULL},
    /* year roll-over: a month already past this year is next year's */
    {"2021-11-20", "in March", "2022-03", "2022-03-01", "2022-03-31"},
    {"2021-11-20", "in late January", "2022-01", "2022-01-21", "2022-01-31"},
    /* a day with "next year" after it */
    {"2021-03-10", "on 4 July next year", "2022-07-04", "2022-07-04", "2022-07-04"},
};

START_TEST(test_time)
{
    const time_case *c = &time_cases[_i];
    char text[256];
    snprintf(text, sizeof text, "The sides confirmed that the 3rd Joint Trade Forum will be held %s.",
             c->time);
    attache_doc *d = extract(c->date, text);
    ck_assert_msg(d->n_sched == 1, "%s: %zu facts", text, d->n_sched);
    const att_sched *s = &d->sched[0];
    ck_assert_str_eq(s->label, "3rd Joint Trade Forum");
    ck_assert_str_eq(when(s), c->when);
    ck_assert_int_eq(s->ordinal, 3);
    ck_assert_str_eq(s->body, "Joint Trade Forum");
    ck_assert_str_eq(s->phrase, c->time);
    char buf[16];
    if (c->earliest)
        ck_assert_str_eq(att_time_lexical(s->time.earliest, ATT_PREC_DAY, buf), c->earliest);
    if (c->latest)
        ck_assert_str_eq(att_time_lexical(s->time.latest, ATT_PREC_DAY, buf), c->latest);
    attache_doc_free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Exclusions: nothing scheduled                                        */

static const char *const excluded_cases[] = {
    /* unsettled times */
    "The two sides agreed to hold the next meeting of the Joint Commission in the near future.",
    "The sides agreed that the Strategic Dialogue will be held at an early date.",
    "Officials said the Border Summit will take place in the coming weeks.",
    /* no time at all */
    "The two leaders agreed to hold the Economic Forum.",
    "Wang said the visit would take place once the situation is stabilized.",
    /* already happened */
    "The 12th meeting of the Joint Trade Committee was held in Rome on Monday.",
    "The ministers attended the Energy Summit in Oslo last week.",
    /* invitations not taken up */
    "The President invited him to visit Kenya next year.",
    "He accepted the invitation to visit Chile.",
    "Kishida is considering inviting Yoon to the summit in May.",
    /* anniversaries */
    "The two countries will celebrate the 30th anniversary of diplomatic relations next year.",
    /* hypotheticals, called off */
    "Prime Minister Ito could speak with President Lula on Friday.",
    "The planned Trade Summit was postponed and will not take place in December.",
    "The Cabinet said the Gulf Summit might take place in March.",
    /* past participation, no future in the sentence */
    "Mr Ruto thanked Germany for its participation in the Africa Summit on Monday.",
    /* no event named: preparations alone */
    "They will make preparations to celebrate the 50th anniversary of ties in 2026.",
    /* an explicit date already past */
    "The Ocean Conference will be held on 5 May 2019.",
};

START_TEST(test_excluded)
{
    const char *text = excluded_cases[_i];
    attache_doc *d = extract("2023-11-10", text);
    ck_assert_msg(d->n_sched == 0, "%s: %zu facts, first [%s]", text, d->n_sched,
                  d->n_sched ? d->sched[0].label : "");
    attache_doc_free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Several events, one event twice, properties                          */

START_TEST(test_two_in_one_sentence)
{
    attache_doc *d = extract(
        "2021-09-18",
        "The two sides confirmed that the 10th meeting of the Joint Cooperation Committee will be "
        "held in late September, and the 15th meeting of the Joint Economic and Trade Commission "
        "will be held in October.");
    ck_assert_uint_eq(d->n_sched, 2);
    ck_assert_str_eq(d->sched[0].label, "10th meeting of the Joint Cooperation Committee");
    ck_assert_str_eq(when(&d->sched[0]), "2021-09");
    ck_assert_int_eq(d->sched[0].ordinal, 10);
    ck_assert_str_eq(d->sched[0].body, "Joint Cooperation Committee");
    ck_assert_str_eq(d->sched[1].label, "15th meeting of the Joint Economic and Trade Commission");
    ck_assert_str_eq(when(&d->sched[1]), "2021-10");
    ck_assert_int_eq(d->sched[1].ordinal, 15);
    ck_assert_str_eq(d->sched[1].body, "Joint Economic and Trade Commission");
    attache_doc_free(d);
}
END_TEST

START_TEST(test_coordinated_participation)
{
    attache_doc *d = extract("2023-06-30",
                             "The Prime Minister looked forward to President Okafor's participation "
                             "in the Delta Summit, to be hosted by Ghana on 4 July, and in the "
                             "Ocean Leaders' Summit in Lisbon in September.");
    ck_assert_uint_eq(d->n_sched, 2);
    size_t delta = strcmp(d->sched[0].label, "Delta Summit") == 0 ? 0 : 1;
    ck_assert_str_eq(d->sched[delta].label, "Delta Summit");
    ck_assert_str_eq(when(&d->sched[delta]), "2023-07-04");
    ck_assert_str_eq(d->sched[1 - delta].label, "Ocean Leaders' Summit in Lisbon");
    ck_assert_str_eq(when(&d->sched[1 - delta]), "2023-09");
    attache_doc_free(d);
}
END_TEST

START_TEST(test_named_twice)
{
    /* one event, two times: one fact with the more specific time */
    attache_doc *d = extract("2023-11-10",
                             "The Leaders' Summit will be held later this year. The Leaders' "
                             "Summit will open in Lima on 14 November.");
    ck_assert_uint_eq(d->n_sched, 1);
    ck_assert_str_eq(d->sched[0].label, "Leaders' Summit");
    ck_assert_str_eq(when(&d->sched[0]), "2023-11-14");
    ck_assert_str_eq(d->sched[0].phrase, "on 14 November");
    attache_doc_free(d);
}
END_TEST

START_TEST(test_two_verbs_one_time)
{
    attache_doc *d = extract("2024-02-13",
                             "On Wednesday, Prime Minister Rao is set to inaugurate the Solar Park "
                             "and will deliver an address at the Energy Summit in Dubai.");
    ck_assert_uint_eq(d->n_sched, 2);
    ck_assert_str_eq(d->sched[0].label, "inaugurate the Solar Park");
    ck_assert_str_eq(d->sched[1].label, "address at the Energy Summit in Dubai");
    ck_assert_str_eq(when(&d->sched[0]), "2024-02-14");
    ck_assert_str_eq(when(&d->sched[1]), "2024-02-14");
    attache_doc_free(d);
}
END_TEST

START_TEST(test_parties_from_clause)
{
    attache_doc *d = extract("2023-05-05", "Kenya will host the Africa Climate Summit in Nairobi "
                                           "from 4 to 6 September.");
    ck_assert_uint_eq(d->n_sched, 1);
    ck_assert_str_eq(d->sched[0].label, "Africa Climate Summit in Nairobi");
    ck_assert_str_eq(when(&d->sched[0]), "2023-09-04");
    int ke = gaz_country_by_code(world->gaz, "KE");
    int found = 0;
    for (size_t i = 0; i < d->sched[0].n_parties; i++)
        found |= d->sched[0].parties[i] == ke;
    ck_assert_msg(found, "Kenya is a party");
    attache_doc_free(d);
}
END_TEST

START_TEST(test_header_with_sentence)
{
    /* a last paragraph ending "(END)" reads as a header line, yet holds a sentence */
    attache_doc *d = extract("2020-11-26", "Kang, meanwhile, is set to travel to Bahrain early next "
                                           "month to attend the Manama Dialogue. (END)");
    ck_assert_uint_eq(d->n_sched, 1);
    ck_assert_str_eq(d->sched[0].label, "Manama Dialogue");
    ck_assert_str_eq(when(&d->sched[0]), "2020-12");
    attache_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("scheduled");
    TCase *tc = tcase_create("triggers");
    tcase_add_checked_fixture(tc, world_up, world_down);
    tcase_add_loop_test(tc, test_trigger, 0, (int)N_OF(trigger_cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("times");
    tcase_add_checked_fixture(tc, world_up, world_down);
    tcase_add_loop_test(tc, test_time, 0, (int)N_OF(time_cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("exclusions");
    tcase_add_checked_fixture(tc, world_up, world_down);
    tcase_add_loop_test(tc, test_excluded, 0, (int)N_OF(excluded_cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("events");
    tcase_add_checked_fixture(tc, world_up, world_down);
    tcase_add_test(tc, test_two_in_one_sentence);
    tcase_add_test(tc, test_coordinated_participation);
    tcase_add_test(tc, test_named_twice);
    tcase_add_test(tc, test_two_verbs_one_time);
    tcase_add_test(tc, test_parties_from_clause);
    tcase_add_test(tc, test_header_with_sentence);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return unit_run(suite()); }
