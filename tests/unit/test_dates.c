/* test_dates.c - unit tests of dates.c: calendar arithmetic, and finding and
 * resolving time expressions, as tables of cases (sentences written for these
 * tests). One Suite, a TCase per concern. */
#include "dates.h"

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static att_dates *dates; /* compiled once per test process (fork mode: per test) */

static void setup(void) {
    dates = att_dates_new();
    ck_assert_ptr_nonnull(dates);
}

static void teardown(void) {
    att_dates_free(dates);
    dates = NULL;
}

static att_ymd day(const char *s) {
    att_ymd v = {0, 0, 0};
    ck_assert_msg(att_ymd_parse(s, strlen(s), &v), "bad date in test table: %s", s);
    return v;
}

/* ------------------------------------------------------------------ */
/* Calendar arithmetic                                                  */

typedef struct {
    int y, m, d;
    int valid;
} valid_case;

static const valid_case valid_cases[] = {
    {2024, 2, 29, 1}, {2023, 2, 29, 0}, {1900, 2, 29, 0},  {2000, 2, 29, 1},
    {2021, 4, 31, 0}, {2021, 4, 30, 1}, {2021, 13, 1, 0},  {2021, 0, 10, 0},
    {2021, 1, 0, 0},  {0, 1, 1, 0},     {2021, 12, 31, 1}, {2021, 6, 32, 0},
};

START_TEST(test_valid) {
    const valid_case *c = &valid_cases[_i];
    att_ymd v = {c->y, c->m, c->d};
    ck_assert_int_eq(att_ymd_valid(v), c->valid);
}
END_TEST

typedef struct {
    int y, m, days;
} dim_case;

static const dim_case dim_cases[] = {
    {2024, 2, 29},  {2023, 2, 28}, {1900, 2, 28}, {2000, 2, 29}, {2021, 4, 30},
    {2021, 12, 31}, {2021, 1, 31}, {2021, 13, 0}, {2021, 0, 0},
};

START_TEST(test_days_in_month) {
    const dim_case *c = &dim_cases[_i];
    ck_assert_int_eq(att_days_in_month(c->y, c->m), c->days);
}
END_TEST

typedef struct {
    const char *date;
    int weekday; /* 0 = Monday */
} weekday_case;

static const weekday_case weekday_cases[] = {
    {"2024-01-01", 0}, {"2021-09-18", 5}, {"2021-12-25", 5}, {"2000-02-29", 1}, {"1970-01-01", 3},
    {"1969-12-31", 2}, {"2024-02-29", 3}, {"2023-04-02", 6}, {"1900-03-01", 3}, {"2100-12-31", 4},
};

START_TEST(test_weekday) {
    const weekday_case *c = &weekday_cases[_i];
    ck_assert_int_eq(att_ymd_weekday(day(c->date)), c->weekday);
}
END_TEST

typedef struct {
    const char *from;
    int n;
    const char *to;
} add_case;

static const add_case add_cases[] = {
    {"2024-02-28", 1, "2024-02-29"},   {"2023-02-28", 1, "2023-03-01"},
    {"2021-12-31", 1, "2022-01-01"},   {"2024-01-01", -3, "2023-12-29"},
    {"2024-03-01", -1, "2024-02-29"},  {"2021-09-18", 365, "2022-09-18"},
    {"2020-01-01", 366, "2021-01-01"}, {"1970-01-01", -1, "1969-12-31"},
    {"2021-09-18", 0, "2021-09-18"},   {"2000-03-01", -1, "2000-02-29"},
    {"1900-03-01", -1, "1900-02-28"},  {"2021-01-31", 30, "2021-03-02"},
};

START_TEST(test_add_days) {
    const add_case *c = &add_cases[_i];
    att_ymd got = att_ymd_add_days(day(c->from), c->n);
    ck_assert_int_eq(att_ymd_cmp(got, day(c->to)), 0);
}
END_TEST

typedef struct {
    const char *s;
    size_t len; /* 0: strlen */
    int ok;
    int y, m, d;
} parse_case;

static const parse_case parse_cases[] = {
    {"2021-09-17", 0, 1, 2021, 9, 17}, {"2024-02-29", 0, 1, 2024, 2, 29},
    {"2023-02-29", 0, 0, 0, 0, 0},     {"2021-9-17", 0, 0, 0, 0, 0},
    {"2021-09-17x", 0, 0, 0, 0, 0},    {"2021-09-17x", 10, 1, 2021, 9, 17},
    {"abcd-ef-gh", 0, 0, 0, 0, 0},     {"2021/09/17", 0, 0, 0, 0, 0},
    {"2021-09-1", 0, 0, 0, 0, 0},      {"", 0, 0, 0, 0, 0},
    {"0000-01-01", 0, 0, 0, 0, 0},     {"2021-00-17", 0, 0, 0, 0, 0},
};

START_TEST(test_parse) {
    const parse_case *c = &parse_cases[_i];
    att_ymd v = {-1, -1, -1};
    size_t len = c->len ? c->len : strlen(c->s);
    ck_assert_int_eq(att_ymd_parse(c->s, len, &v), c->ok);
    if (c->ok) {
        ck_assert_int_eq(v.y, c->y);
        ck_assert_int_eq(v.m, c->m);
        ck_assert_int_eq(v.d, c->d);
    } else {
        ck_assert_int_eq(v.y, -1); /* untouched on failure */
    }
}
END_TEST

START_TEST(test_parse_null) {
    att_ymd v;
    ck_assert_int_eq(att_ymd_parse(NULL, 10, &v), 0);
    ck_assert_int_eq(att_ymd_parse("2021-09-17", 10, NULL), 0);
}
END_TEST

typedef struct {
    int y, m, d;
    att_precision p;
    const char *lex;
} lexical_case;

static const lexical_case lexical_cases[] = {
    {2021, 9, 17, ATT_PREC_DAY, "2021-09-17"},
    {2021, 9, 0, ATT_PREC_MONTH, "2021-09"},
    {2021, 0, 0, ATT_PREC_YEAR, "2021"},
    {2021, 9, 17, ATT_PREC_NONE, ""},
    {0, 0, 0, ATT_PREC_DAY, ""},
    {987, 1, 2, ATT_PREC_DAY, "0987-01-02"},
    {2024, 12, 31, ATT_PREC_MONTH, "2024-12"},
};

START_TEST(test_lexical) {
    const lexical_case *c = &lexical_cases[_i];
    char buf[11];
    att_ymd v = {c->y, c->m, c->d};
    memset(buf, 'x', sizeof buf);
    ck_assert_ptr_eq(att_time_lexical(v, c->p, buf), buf);
    ck_assert_str_eq(buf, c->lex);
}
END_TEST

typedef struct {
    const char *a, *b;
    int sign;
} cmp_case;

static const cmp_case cmp_cases[] = {
    {"2021-09-17", "2021-09-17", 0},
    {"2021-09-17", "2021-09-18", -1},
    {"2021-10-01", "2021-09-30", 1},
    {"2020-12-31", "2021-01-01", -1},
};

START_TEST(test_cmp) {
    const cmp_case *c = &cmp_cases[_i];
    int r = att_ymd_cmp(day(c->a), day(c->b));
    ck_assert_int_eq((r > 0) - (r < 0), c->sign);
}
END_TEST

/* ------------------------------------------------------------------ */
/* One expression per sentence                                          */

#define PAST ATT_DIR_PAST
#define FUT ATT_DIR_FUTURE
#define ABS ATT_TIME_ABSOLUTE
#define SAME ATT_TIME_SAME_DAY
#define UNS ATT_TIME_UNSETTLED
#define P_DAY ATT_PREC_DAY
#define P_MON ATT_PREC_MONTH
#define P_YEAR ATT_PREC_YEAR
#define P_NONE ATT_PREC_NONE

typedef struct {
    const char *text;
    const char *ref;
    att_direction dir;
    att_time_kind kind;
    att_precision prec;
    const char *value;    /* lexical at prec, "" when none */
    const char *earliest; /* "" when none */
    const char *latest;   /* "" when none */
    const char *match;    /* the exact expression; its first occurrence in text */
} time_case;

static void check_case(const time_case *c) {
    att_time t[4];
    char buf[11];
    const char *at = strstr(c->text, c->match);
    size_t n;
    memset(t, 0xab, sizeof t);
    n = att_times_find(dates, c->text, strlen(c->text), day(c->ref), c->dir, t, N_OF(t));
    ck_assert_msg(at != NULL, "bad table: %s not in %s", c->match, c->text);
    ck_assert_msg(n == 1, "%zu expressions in \"%s\" (want \"%s\"), first \"%.*s\"", n, c->text,
                  c->match, n ? (int)(t[0].end - t[0].begin) : 0, n ? c->text + t[0].begin : "");
    ck_assert_msg(t[0].begin == (size_t)(at - c->text) && t[0].end == t[0].begin + strlen(c->match),
                  "matched \"%.*s\" in \"%s\", want \"%s\"", (int)(t[0].end - t[0].begin),
                  c->text + t[0].begin, c->text, c->match);
    ck_assert_int_eq(t[0].kind, c->kind);
    ck_assert_int_eq(t[0].prec, c->prec);
    ck_assert_str_eq(att_time_lexical(t[0].value, t[0].prec, buf), c->value);
    ck_assert_str_eq(att_time_lexical(t[0].earliest, ATT_PREC_DAY, buf), c->earliest);
    ck_assert_str_eq(att_time_lexical(t[0].latest, ATT_PREC_DAY, buf), c->latest);
}

static const time_case absolute_cases[] = {
    {"The leaders met in Geneva on September 17, 2021 to discuss trade.", "2021-09-18", PAST, ABS,
     P_DAY, "2021-09-17", "2021-09-17", "2021-09-17", "on September 17, 2021"},
    {"Ministers signed the accord on Sept. 17, 2021 in Rome.", "2021-09-18", PAST, ABS, P_DAY,
     "2021-09-17", "2021-09-17", "2021-09-17", "on Sept. 17, 2021"},
    {"A delegation arrived Sep 17 for consultations.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-17",
     "2021-09-17", "2021-09-17", "Sep 17"},
    {"The summit opened 17 September 2021 in Lisbon.", "2021-10-01", PAST, ABS, P_DAY, "2021-09-17",
     "2021-09-17", "2021-09-17", "17 September 2021"},
    {"The envoy was received on 17th September 2021.", "2021-10-01", PAST, ABS, P_DAY, "2021-09-17",
     "2021-09-17", "2021-09-17", "on 17th September 2021"},
    {"The treaty was ratified on 13th February, 2024 by both chambers.", "2024-03-01", PAST, ABS,
     P_DAY, "2024-02-13", "2024-02-13", "2024-02-13", "on 13th February, 2024"},
    {"The two ministers last spoke on 4 July about grain exports.", "2021-09-18", PAST, ABS, P_DAY,
     "2021-07-04", "2021-07-04", "2021-07-04", "on 4 July"},
    {"The ministers will meet again on 4 July in Oslo.", "2021-09-18", FUT, ABS, P_DAY,
     "2022-07-04", "2022-07-04", "2022-07-04", "on 4 July"},
    {"Talks began August 1 and ended quickly.", "2021-09-18", PAST, ABS, P_DAY, "2021-08-01",
     "2021-08-01", "2021-08-01", "August 1"},
    {"Voters went to the polls Nov. 6 in a tense contest.", "2021-09-18", PAST, ABS, P_DAY,
     "2020-11-06", "2020-11-06", "2020-11-06", "Nov. 6"},
    {"He arrived in Hanoi January 30 for a short stay.", "2022-02-05", PAST, ABS, P_DAY,
     "2022-01-30", "2022-01-30", "2022-01-30", "January 30"},
    {"A letter sent 14/4/2024 confirmed it.", "2024-05-01", PAST, ABS, P_DAY, "2024-04-14",
     "2024-04-14", "2024-04-14", "14/4/2024"},
    {"The form was filed 4/14/2024 by the embassy.", "2024-05-01", PAST, ABS, P_DAY, "2024-04-14",
     "2024-04-14", "2024-04-14", "4/14/2024"},
    {"The memo of 11/13/2021 is attached.", "2021-12-01", PAST, ABS, P_DAY, "2021-11-13",
     "2021-11-13", "2021-11-13", "11/13/2021"},
    {"Registered 05/03/2022 at the consulate.", "2022-04-01", PAST, ABS, P_DAY, "2022-03-05",
     "2022-03-05", "2022-03-05", "05/03/2022"},
    {"Filed 05.03.2022 with the registry.", "2022-04-01", PAST, ABS, P_DAY, "2022-03-05",
     "2022-03-05", "2022-03-05", "05.03.2022"},
    {"The record shows 2021-09-17 as the signing day.", "2021-09-18", PAST, ABS, P_DAY,
     "2021-09-17", "2021-09-17", "2021-09-17", "2021-09-17"},
    {"They dined together on the evening of March 29 at the residence.", "2023-04-02", PAST, ABS,
     P_DAY, "2023-03-29", "2023-03-29", "2023-03-29", "on the evening of March 29"},
    {"The next round is set for January 12.", "2021-12-20", FUT, ABS, P_DAY, "2022-01-12",
     "2022-01-12", "2022-01-12", "January 12"},
    {"The ministers met on December 20.", "2021-12-20", PAST, ABS, P_DAY, "2021-12-20",
     "2021-12-20", "2021-12-20", "on December 20"},
    {"The ministers met on December 21.", "2021-12-20", PAST, ABS, P_DAY, "2020-12-21",
     "2020-12-21", "2020-12-21", "on December 21"},
    {"The ministers will meet on December 20.", "2021-12-20", FUT, ABS, P_DAY, "2021-12-20",
     "2021-12-20", "2021-12-20", "on December 20"},
    {"The accord was signed on the 4th of July in Manila.", "2022-08-01", PAST, ABS, P_DAY,
     "2022-07-04", "2022-07-04", "2022-07-04", "on the 4th of July"},
    {"The visit took place on 29 February 2024.", "2024-03-10", PAST, ABS, P_DAY, "2024-02-29",
     "2024-02-29", "2024-02-29", "on 29 February 2024"},
    {"A second visit is planned for 29 February.", "2023-11-06", FUT, ABS, P_DAY, "2024-02-29",
     "2024-02-29", "2024-02-29", "29 February"},
    {"The meeting on Sunday, 14/4/2024 ended late.", "2024-04-15", PAST, ABS, P_DAY, "2024-04-14",
     "2024-04-14", "2024-04-14", "on Sunday, 14/4/2024"},
    {"The talks on Thursday, September 16 were frank.", "2021-09-18", PAST, ABS, P_DAY,
     "2021-09-16", "2021-09-16", "2021-09-16", "on Thursday, September 16"},
    {"They met Saturday 18 September 2021 in Ankara.", "2021-09-20", PAST, ABS, P_DAY, "2021-09-18",
     "2021-09-18", "2021-09-18", "Saturday 18 September 2021"},
    {"The pact was sealed on 5\xc2\xa0March 2022 after long talks.", "2022-03-10", PAST, ABS, P_DAY,
     "2022-03-05", "2022-03-05", "2022-03-05", "on 5\xc2\xa0March 2022"},
    {"The exchange took place on Dec. 3.", "2022-01-10", PAST, ABS, P_DAY, "2021-12-03",
     "2021-12-03", "2021-12-03", "on Dec. 3"},
    {"Both sides met on May 5 in Bern.", "2022-06-01", PAST, ABS, P_DAY, "2022-05-05", "2022-05-05",
     "2022-05-05", "on May 5"},
    {"The ceasefire began at dawn on 3 March.", "2022-03-10", PAST, ABS, P_DAY, "2022-03-03",
     "2022-03-03", "2022-03-03", "on 3 March"},
    {"Talks resumed on 1 March. The 2nd round was cordial.", "2022-03-10", PAST, ABS, P_DAY,
     "2022-03-01", "2022-03-01", "2022-03-01", "on 1 March"},
    {"Their talks on SEPTEMBER 17, 2021 were brief.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-17",
     "2021-09-17", "2021-09-17", "on SEPTEMBER 17, 2021"},
};

START_TEST(test_absolute) {
    check_case(&absolute_cases[_i]);
}
END_TEST

static const time_case range_cases[] = {
    {"Delegations will gather from 13 to 15 September in Beijing.", "2021-09-01", FUT, ABS, P_DAY,
     "2021-09-13", "2021-09-13", "2021-09-15", "from 13 to 15 September"},
    {"The forum runs from 4 to 6 September.", "2021-09-01", FUT, ABS, P_DAY, "2021-09-04",
     "2021-09-04", "2021-09-06", "from 4 to 6 September"},
    {"The summit was held 7-8 November 2022 near the sea.", "2022-11-20", PAST, ABS, P_DAY,
     "2022-11-07", "2022-11-07", "2022-11-08", "7-8 November 2022"},
    {"Consultations are planned for April 28-29.", "2022-03-01", FUT, ABS, P_DAY, "2022-04-28",
     "2022-04-28", "2022-04-29", "April 28-29"},
    {"The ministers met May 30-31 in Berlin.", "2022-06-10", PAST, ABS, P_DAY, "2022-05-30",
     "2022-05-30", "2022-05-31", "May 30-31"},
    {"The conference takes place 1 to 3 November.", "2022-10-01", FUT, ABS, P_DAY, "2022-11-01",
     "2022-11-01", "2022-11-03", "1 to 3 November"},
    {"The two sides held talks Tuesday and Wednesday in Cairo.", "2021-09-18", PAST, ABS, P_DAY,
     "2021-09-14", "2021-09-14", "2021-09-15", "Tuesday and Wednesday"},
    {"The session ran 12\xe2\x80\x93"
     "14 June 2023 in Vienna.",
     "2023-07-01", PAST, ABS, P_DAY, "2023-06-12", "2023-06-12", "2023-06-14",
     "12\xe2\x80\x93"
     "14 June 2023"},
    {"The fair runs from 30 September to 2 October 2022.", "2022-09-01", FUT, ABS, P_DAY,
     "2022-09-30", "2022-09-30", "2022-10-02", "from 30 September to 2 October 2022"},
    {"Talks ran September 30 to October 2, 2022 in Delhi.", "2022-10-05", PAST, ABS, P_DAY,
     "2022-09-30", "2022-09-30", "2022-10-02", "September 30 to October 2, 2022"},
    {"The mission runs December 30 to January 2.", "2022-12-01", FUT, ABS, P_DAY, "2022-12-30",
     "2022-12-30", "2023-01-02", "December 30 to January 2"},
    {"Drills are held Friday through Sunday.", "2021-09-13", FUT, ABS, P_DAY, "2021-09-17",
     "2021-09-17", "2021-09-19", "Friday through Sunday"},
};

START_TEST(test_ranges) {
    check_case(&range_cases[_i]);
}
END_TEST

static const time_case relday_cases[] = {
    {"The ministers met today in Doha.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-18", "2021-09-18",
     "2021-09-18", "today"},
    {"She briefed reporters this morning.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-18",
     "2021-09-18", "2021-09-18", "this morning"},
    {"He will speak this evening at the hall.", "2021-09-18", FUT, ABS, P_DAY, "2021-09-18",
     "2021-09-18", "2021-09-18", "this evening"},
    {"The leaders dine tonight.", "2021-09-18", FUT, ABS, P_DAY, "2021-09-18", "2021-09-18",
     "2021-09-18", "tonight"},
    {"They spoke by phone yesterday.", "2024-03-01", PAST, ABS, P_DAY, "2024-02-29", "2024-02-29",
     "2024-02-29", "yesterday"},
    {"The envoy arrives tomorrow.", "2021-12-31", FUT, ABS, P_DAY, "2022-01-01", "2022-01-01",
     "2022-01-01", "tomorrow"},
    {"The two leaders met on Thursday.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-16", "2021-09-16",
     "2021-09-16", "on Thursday"},
    {"The parties agreed Thursday to extend the truce.", "2021-09-18", PAST, ABS, P_DAY,
     "2021-09-16", "2021-09-16", "2021-09-16", "Thursday"},
    {"Officials met this Tuesday.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-14", "2021-09-14",
     "2021-09-14", "this Tuesday"},
    {"The ministers met on Monday local time.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-13",
     "2021-09-13", "2021-09-13", "on Monday local time"},
    {"He is scheduled to speak on Friday morning.", "2023-09-28", FUT, ABS, P_DAY, "2023-09-29",
     "2023-09-29", "2023-09-29", "on Friday morning"},
    {"The leaders met Monday evening.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-13", "2021-09-13",
     "2021-09-13", "Monday evening"},
    {"The ministers met on Saturday.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-18", "2021-09-18",
     "2021-09-18", "on Saturday"},
    {"They will meet on Saturday.", "2021-09-18", FUT, ABS, P_DAY, "2021-09-25", "2021-09-25",
     "2021-09-25", "on Saturday"},
    {"They met last Thursday.", "2021-09-16", PAST, ABS, P_DAY, "2021-09-09", "2021-09-09",
     "2021-09-09", "last Thursday"},
    {"They meet next Tuesday.", "2021-09-14", FUT, ABS, P_DAY, "2021-09-21", "2021-09-21",
     "2021-09-21", "next Tuesday"},
    {"Later on Wednesday, the minister flew home.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-15",
     "2021-09-15", "2021-09-15", "Later on Wednesday"},
    {"They met on Friday.", "2024-01-01", PAST, ABS, P_DAY, "2023-12-29", "2023-12-29",
     "2023-12-29", "on Friday"},
    {"They meet on Friday.", "2021-12-25", FUT, ABS, P_DAY, "2021-12-31", "2021-12-31",
     "2021-12-31", "on Friday"},
    {"They meet on Thursday.", "2024-02-27", FUT, ABS, P_DAY, "2024-02-29", "2024-02-29",
     "2024-02-29", "on Thursday"},
    {"They met on Wednesday.", "2024-03-01", PAST, ABS, P_DAY, "2024-02-28", "2024-02-28",
     "2024-02-28", "on Wednesday"},
    {"The ministers spoke two days ago.", "2024-03-01", PAST, ABS, P_DAY, "2024-02-28",
     "2024-02-28", "2024-02-28", "two days ago"},
    {"The president spoke earlier today.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-18",
     "2021-09-18", "2021-09-18", "earlier today"},
    {"The delegation left yesterday morning.", "2022-01-01", PAST, ABS, P_DAY, "2021-12-31",
     "2021-12-31", "2021-12-31", "yesterday morning"},
    {"The talks end this coming Monday.", "2021-09-18", FUT, ABS, P_DAY, "2021-09-20", "2021-09-20",
     "2021-09-20", "this coming Monday"},
    {"They met on the night of Sunday.", "2021-09-18", PAST, ABS, P_DAY, "2021-09-12", "2021-09-12",
     "2021-09-12", "on the night of Sunday"},
};

START_TEST(test_relative_days) {
    check_case(&relday_cases[_i]);
}
END_TEST

static const time_case month_cases[] = {
    {"The commission will meet in October.", "2021-09-18", FUT, ABS, P_MON, "2021-10", "2021-10-01",
     "2021-10-31", "in October"},
    {"The committee meets in late September.", "2021-09-18", FUT, ABS, P_MON, "2021-09",
     "2021-09-21", "2021-09-30", "in late September"},
    {"Elections are due early March.", "2021-09-18", FUT, ABS, P_MON, "2022-03", "2022-03-01",
     "2022-03-10", "early March"},
    {"A visit is planned for mid-April.", "2022-01-10", FUT, ABS, P_MON, "2022-04", "2022-04-11",
     "2022-04-20", "mid-April"},
    {"The talks resume mid-September.", "2021-09-01", FUT, ABS, P_MON, "2021-09", "2021-09-11",
     "2021-09-20", "mid-September"},
    {"They met in late March.", "2022-05-01", PAST, ABS, P_MON, "2022-03", "2022-03-21",
     "2022-03-31", "in late March"},
    {"The plan must be ready by the end of March.", "2022-01-10", FUT, ABS, P_MON, "2022-03",
     "2022-03-21", "2022-03-31", "by the end of March"},
    {"They met in September last year.", "2022-05-01", PAST, ABS, P_MON, "2021-09", "2021-09-01",
     "2021-09-30", "in September last year"},
    {"A summit is planned in March next year.", "2022-05-01", FUT, ABS, P_MON, "2023-03",
     "2023-03-01", "2023-03-31", "in March next year"},
    {"The games open in June next year.", "2021-11-30", FUT, ABS, P_MON, "2022-06", "2022-06-01",
     "2022-06-30", "in June next year"},
    {"They met in November.", "2022-05-01", PAST, ABS, P_MON, "2021-11", "2021-11-01", "2021-11-30",
     "in November"},
    {"They met in February.", "2022-05-01", PAST, ABS, P_MON, "2022-02", "2022-02-01", "2022-02-28",
     "in February"},
    {"Talks will resume in March.", "2023-11-06", FUT, ABS, P_MON, "2024-03", "2024-03-01",
     "2024-03-31", "in March"},
    {"Talks will resume in November.", "2023-11-06", FUT, ABS, P_MON, "2023-11", "2023-11-01",
     "2023-11-30", "in November"},
    {"The vote is due in late February.", "2023-12-15", FUT, ABS, P_MON, "2024-02", "2024-02-21",
     "2024-02-29", "in late February"},
    {"The vote was held in late February 2023.", "2023-12-15", PAST, ABS, P_MON, "2023-02",
     "2023-02-21", "2023-02-28", "in late February 2023"},
    {"A report is due this month.", "2021-09-18", FUT, ABS, P_MON, "2021-09", "2021-09-01",
     "2021-09-30", "this month"},
    {"A report is due later this month.", "2021-09-18", FUT, ABS, P_MON, "2021-09", "2021-09-18",
     "2021-09-30", "later this month"},
    {"The envoy visited earlier this month.", "2021-09-18", PAST, ABS, P_MON, "2021-09",
     "2021-09-01", "2021-09-18", "earlier this month"},
    {"The panel meets next month.", "2023-12-15", FUT, ABS, P_MON, "2024-01", "2024-01-01",
     "2024-01-31", "next month"},
    {"The panel meets early next month.", "2021-09-18", FUT, ABS, P_MON, "2021-10", "2021-10-01",
     "2021-10-10", "early next month"},
    {"The panel met last month.", "2024-01-10", PAST, ABS, P_MON, "2023-12", "2023-12-01",
     "2023-12-31", "last month"},
    {"The summit of May 2024 was a success.", "2024-09-01", PAST, ABS, P_MON, "2024-05",
     "2024-05-01", "2024-05-31", "May 2024"},
    {"A summit is set in May this year.", "2023-02-01", FUT, ABS, P_MON, "2023-05", "2023-05-01",
     "2023-05-31", "in May this year"},
    {"Exercises are held in May and June.", "2022-01-10", FUT, ABS, P_MON, "2022-05", "2022-05-01",
     "2022-06-30", "in May and June"},
    {"A forum is held the last week of September.", "2021-09-01", FUT, ABS, P_MON, "2021-09",
     "2021-09-24", "2021-09-30", "the last week of September"},
    {"The review ends in the first half of March.", "2022-01-10", FUT, ABS, P_MON, "2022-03",
     "2022-03-01", "2022-03-15", "in the first half of March"},
    {"A text is due by the end of the month.", "2021-09-18", FUT, ABS, P_MON, "2021-09",
     "2021-09-21", "2021-09-30", "by the end of the month"},
    {"The vote is set for Sept. 2022 at the latest.", "2022-01-10", FUT, ABS, P_MON, "2022-09",
     "2022-09-01", "2022-09-30", "Sept. 2022"},
    {"The envoy returns in December.", "2021-12-20", FUT, ABS, P_MON, "2021-12", "2021-12-01",
     "2021-12-31", "in December"},
    {"The body met in the middle of January.", "2022-02-10", PAST, ABS, P_MON, "2022-01",
     "2022-01-11", "2022-01-20", "in the middle of January"},
};

START_TEST(test_months) {
    check_case(&month_cases[_i]);
}
END_TEST

static const time_case week_cases[] = {
    {"The ministers meet this week.", "2021-09-15", FUT, ABS, P_MON, "2021-09", "2021-09-13",
     "2021-09-19", "this week"},
    {"The ministers meet next week.", "2021-09-28", FUT, ABS, P_MON, "2021-10", "2021-10-04",
     "2021-10-10", "next week"},
    {"The ministers meet later this week.", "2021-09-15", FUT, ABS, P_MON, "2021-09", "2021-09-15",
     "2021-09-19", "later this week"},
    {"The committee met last week.", "2021-09-15", PAST, UNS, P_NONE, "", "", "", "last week"},
    {"The ministers meet this week.", "2021-09-30", FUT, ABS, P_MON, "2021-09", "2021-09-27",
     "2021-10-03", "this week"},
    {"The ministers meet next week.", "2021-12-27", FUT, ABS, P_MON, "2022-01", "2022-01-03",
     "2022-01-09", "next week"},
    {"Fighting flared over the weekend.", "2023-11-06", PAST, UNS, P_NONE, "", "", "",
     "over the weekend"},
    {"Leaders gather this weekend.", "2023-11-06", FUT, ABS, P_DAY, "2023-11-11", "2023-11-11",
     "2023-11-12", "this weekend"},
    {"Leaders gather next weekend.", "2023-11-06", FUT, ABS, P_DAY, "2023-11-18", "2023-11-18",
     "2023-11-19", "next weekend"},
    {"Tension rose during the past week.", "2023-11-06", PAST, UNS, P_NONE, "", "", "",
     "during the past week"},
    {"A decision is due by the end of next week.", "2021-09-15", FUT, ABS, P_MON, "2021-09",
     "2021-09-24", "2021-09-26", "by the end of next week"},
};

START_TEST(test_weeks) {
    check_case(&week_cases[_i]);
}
END_TEST

static const time_case year_cases[] = {
    {"The fair opens next year.", "2021-09-18", FUT, ABS, P_YEAR, "2022", "2022-01-01",
     "2022-12-31", "next year"},
    {"The fair opens early next year.", "2021-09-18", FUT, ABS, P_YEAR, "2022", "2022-01-01",
     "2022-04-30", "early next year"},
    {"A summit is planned later this year.", "2021-09-18", FUT, ABS, P_YEAR, "2021", "2021-09-18",
     "2021-12-31", "later this year"},
    {"A summit is planned this year.", "2021-09-18", FUT, ABS, P_YEAR, "2021", "2021-01-01",
     "2021-12-31", "this year"},
    {"A summit was held last year.", "2021-09-18", PAST, ABS, P_YEAR, "2020", "2020-01-01",
     "2020-12-31", "last year"},
    {"A summit is planned in 2024.", "2021-09-18", FUT, ABS, P_YEAR, "2024", "2024-01-01",
     "2024-12-31", "in 2024"},
    {"Works finish in the first half of 2024.", "2023-09-18", FUT, ABS, P_YEAR, "2024",
     "2024-01-01", "2024-06-30", "in the first half of 2024"},
    {"Works finish in the first half of the year.", "2021-03-01", FUT, ABS, P_YEAR, "2021",
     "2021-01-01", "2021-06-30", "in the first half of the year"},
    {"Works finish in the second half of the year.", "2021-03-01", FUT, ABS, P_YEAR, "2021",
     "2021-07-01", "2021-12-31", "in the second half of the year"},
    {"Works began in the first quarter of 2021.", "2021-09-18", PAST, ABS, P_YEAR, "2021",
     "2021-01-01", "2021-03-31", "in the first quarter of 2021"},
    {"The leaders meet this spring.", "2021-02-01", FUT, ABS, P_YEAR, "2021", "2021-03-01",
     "2021-05-31", "this spring"},
    {"The leaders meet this autumn.", "2021-02-01", FUT, ABS, P_YEAR, "2021", "2021-09-01",
     "2021-11-30", "this autumn"},
    {"The leaders meet this fall.", "2021-02-01", FUT, ABS, P_YEAR, "2021", "2021-09-01",
     "2021-11-30", "this fall"},
    {"The leaders meet this summer.", "2021-02-01", FUT, ABS, P_YEAR, "2021", "2021-06-01",
     "2021-08-31", "this summer"},
    {"The leaders meet this winter.", "2021-11-10", FUT, ABS, P_YEAR, "2021", "2021-12-01",
     "2022-02-28", "this winter"},
    {"The leaders meet this winter.", "2024-01-15", FUT, ABS, P_YEAR, "2024", "2023-12-01",
     "2024-02-29", "this winter"},
    {"The leaders meet in spring.", "2021-07-01", FUT, ABS, P_YEAR, "2022", "2022-03-01",
     "2022-05-31", "in spring"},
    {"The leaders met in spring.", "2021-07-01", PAST, ABS, P_YEAR, "2021", "2021-03-01",
     "2021-05-31", "in spring"},
    {"Troops leave by the end of the year.", "2021-09-18", FUT, ABS, P_YEAR, "2021", "2021-09-01",
     "2021-12-31", "by the end of the year"},
    {"Troops leave by the end of this year.", "2021-09-18", FUT, ABS, P_YEAR, "2021", "2021-09-01",
     "2021-12-31", "by the end of this year"},
    {"The line opens early 2025.", "2024-06-01", FUT, ABS, P_YEAR, "2025", "2025-01-01",
     "2025-04-30", "early 2025"},
    {"The line opens mid-2024.", "2023-06-01", FUT, ABS, P_YEAR, "2024", "2024-05-01", "2024-08-31",
     "mid-2024"},
    {"She served from 1997 to 2006 as envoy.", "2021-09-18", PAST, ABS, P_YEAR, "1997",
     "1997-01-01", "2006-12-31", "from 1997 to 2006"},
    {"Output grows in Q3 2024 by a tenth.", "2024-01-10", FUT, ABS, P_YEAR, "2024", "2024-07-01",
     "2024-09-30", "in Q3 2024"},
    {"They met in the summer of 2022.", "2023-01-10", PAST, ABS, P_YEAR, "2022", "2022-06-01",
     "2022-08-31", "in the summer of 2022"},
    {"He visited earlier this year.", "2021-09-18", PAST, ABS, P_YEAR, "2021", "2021-01-01",
     "2021-09-18", "earlier this year"},
    {"Ties have grown since 2020.", "2021-09-18", PAST, ABS, P_YEAR, "2020", "2020-01-01",
     "2020-12-31", "since 2020"},
    {"The leaders meet in the fall.", "2021-12-25", FUT, ABS, P_YEAR, "2022", "2022-09-01",
     "2022-11-30", "in the fall"},
    {"Parliament votes later in the year.", "2022-05-10", FUT, ABS, P_YEAR, "2022", "2022-05-10",
     "2022-12-31", "later in the year"},
    {"The accord expires in 2026.", "2021-09-18", FUT, ABS, P_YEAR, "2026", "2026-01-01",
     "2026-12-31", "in 2026"},
    {"The goal is met by year-end.", "2021-09-18", FUT, ABS, P_YEAR, "2021", "2021-09-01",
     "2021-12-31", "by year-end"},
    {"The plan runs through the second quarter of next year.", "2021-09-18", FUT, ABS, P_YEAR,
     "2022", "2022-04-01", "2022-06-30", "through the second quarter of next year"},
};

START_TEST(test_years) {
    check_case(&year_cases[_i]);
}
END_TEST

static const time_case same_day_cases[] = {
    {"On the same day, he met the mayor.", "2021-09-18", PAST, SAME, P_DAY, "", "", "",
     "On the same day"},
    {"He met the mayor the same day.", "2021-09-18", PAST, SAME, P_DAY, "", "", "", "the same day"},
    {"He had spoken earlier on the same day.", "2021-09-18", PAST, SAME, P_DAY, "", "", "",
     "earlier on the same day"},
    {"Earlier the same day, she landed.", "2021-09-18", PAST, SAME, P_DAY, "", "", "",
     "Earlier the same day"},
    {"Later the same day, talks continued.", "2021-09-18", PAST, SAME, P_DAY, "", "", "",
     "Later the same day"},
    {"Talks continued later in the day.", "2021-09-18", PAST, SAME, P_DAY, "", "", "",
     "later in the day"},
    {"Earlier in the day, he toured a port.", "2021-09-18", PAST, SAME, P_DAY, "", "", "",
     "Earlier in the day"},
    {"In the afternoon he held further talks.", "2021-09-18", PAST, SAME, P_DAY, "", "", "",
     "In the afternoon"},
    {"He flew on to Rome later that day.", "2021-09-18", PAST, SAME, P_DAY, "", "", "",
     "later that day"},
};

START_TEST(test_same_day) {
    check_case(&same_day_cases[_i]);
}
END_TEST

#define UNSETTLED_CASE(text, match)                                                                \
    { text, "2021-09-18", FUT, UNS, P_NONE, "", "", "", match }

static const time_case unsettled_cases[] = {
    UNSETTLED_CASE("They will meet in the near future.", "in the near future"),
    UNSETTLED_CASE("The talks should resume at an early date.", "at an early date"),
    UNSETTLED_CASE("The group will convene as soon as possible.", "as soon as possible"),
    UNSETTLED_CASE("Experts will meet in the coming weeks.", "in the coming weeks"),
    UNSETTLED_CASE("Experts will meet in the coming months.", "in the coming months"),
    UNSETTLED_CASE("The text will be published in due course.", "in due course"),
    UNSETTLED_CASE("The envoy will travel there soon.", "soon"),
    UNSETTLED_CASE("The two sides recently upgraded ties.", "recently"),
    UNSETTLED_CASE("The visit will happen at an appropriate time.", "at an appropriate time"),
    UNSETTLED_CASE("Details follow at a later date.", "at a later date"),
    UNSETTLED_CASE("They meet at a mutually convenient time.", "at a mutually convenient time"),
    UNSETTLED_CASE("Trade rose in recent years.", "in recent years"),
    UNSETTLED_CASE("Ties improved over the past few months.", "over the past few months"),
    UNSETTLED_CASE("He visited a few weeks ago.", "a few weeks ago"),
    UNSETTLED_CASE("The bank opened ten years ago.", "ten years ago"),
    UNSETTLED_CASE("Trade fell over the past year.", "over the past year"),
    UNSETTLED_CASE("They will meet in the not too distant future.",
                   "in the not too distant future"),
};

START_TEST(test_unsettled) {
    check_case(&unsettled_cases[_i]);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Nothing to find                                                      */

static const char *const none_cases[] = {
    "The fund holds $5 billion in reserves.",
    "They prepared the 2+2 dialogue.",
    "The G20 summit was the focus.",
    "Both discussed the COVID-19 pandemic.",
    "Both respect UNCLOS 1982 fully.",
    "They cited the 1982 UN Convention on the Law of the Sea.",
    "The flight lands at 9:25 a.m. sharp.",
    "He spoke at the 59th Munich Security Conference.",
    "They held the 10th meeting of the committee.",
    "Section 7 of the act applies.",
    "They recalled Resolution 2231 of the Council.",
    "The ministers may attend the ceremony.",
    "May the talks succeed.",
    "Protesters march 5 kilometres to the square.",
    "The talks were held on February 30, 2024.",
    "The date 31 April is not a day.",
    "The code 13/13/2021 is not a date.",
    "They recalled the Good Friday Agreement.",
    "The Arab Spring changed the region.",
    "Prices fall when supply rises.",
    "They will act as soon as the report arrives.",
    "They support the 2030 Agenda.",
    "It took 12 years to build.",
    "Version 1.5.24 was installed.",
    "The statement by Theresa May was read out.",
    "He saw 1,2021 people.",
    "",
};

START_TEST(test_none) {
    const char *text = none_cases[_i];
    att_time t[4];
    size_t n = att_times_find(dates, text, strlen(text), day("2021-09-18"), ATT_DIR_PAST, t, 4);
    ck_assert_msg(n == 0, "\"%s\": found \"%.*s\"", text, n ? (int)(t[0].end - t[0].begin) : 0,
                  n ? text + t[0].begin : "");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Several expressions in one text                                      */

typedef struct {
    const char *text;
    att_direction dir;
    const char *matches[5]; /* in text order, NULL-terminated */
} multi_case;

static const multi_case multi_cases[] = {
    {"After talks on Thursday, the two sides agreed to meet in late September and again in "
     "October.",
     FUT,
     {"on Thursday", "in late September", "in October", NULL}},
    {"The Joint Committee met on 8 November 2022; the next session is planned for early next "
     "year.",
     FUT,
     {"on 8 November 2022", "early next year", NULL}},
    {"A visit is expected later this year, possibly in November.",
     FUT,
     {"later this year", "in November", NULL}},
    {"On Sunday, 14/4/2024, and again on Monday, the envoys met.",
     PAST,
     {"On Sunday, 14/4/2024", "on Monday", NULL}},
    {"They may meet in May.", FUT, {"in May", NULL}},
    {"Sep 17 and 17 September 2021 both appear in the file.",
     PAST,
     {"Sep 17", "17 September 2021", NULL}},
    {"Today the ministers met; yesterday they spoke; tomorrow they sign.",
     PAST,
     {"Today", "yesterday", "tomorrow", NULL}},
    {"He met her on Monday and on Friday in Paris.", PAST, {"on Monday", "on Friday", NULL}},
};

START_TEST(test_multi) {
    const multi_case *c = &multi_cases[_i];
    att_time t[8];
    size_t want = 0;
    size_t n;
    while (c->matches[want] != NULL) {
        want++;
    }
    n = att_times_find(dates, c->text, strlen(c->text), day("2021-09-18"), c->dir, t, 8);
    ck_assert_msg(n == want, "%zu expressions in \"%s\", want %zu", n, c->text, want);
    for (size_t i = 0; i < n; i++) {
        size_t len = t[i].end - t[i].begin;
        ck_assert_msg(len == strlen(c->matches[i]) &&
                          memcmp(c->text + t[i].begin, c->matches[i], len) == 0,
                      "expression %zu is \"%.*s\", want \"%s\"", i, (int)len, c->text + t[i].begin,
                      c->matches[i]);
        if (i > 0) {
            ck_assert_uint_le(t[i - 1].end, t[i].begin);
        }
    }
}
END_TEST

/* ------------------------------------------------------------------ */
/* Prefilter: att_times_find skips the patterns att_times_prefilter rules  */
/* out, so it must never rule out one that matches.                      */

/* The same expressions with and without the prefilter, in both directions,
 * and no pattern that finds something on its own has its bit clear. */
static void check_prefilter(const char *text) {
    static const att_direction dirs[2] = {ATT_DIR_PAST, ATT_DIR_FUTURE};
    size_t len = strlen(text);
    unsigned pats = att_times_prefilter(text, len);
    for (int k = 0; k < 32; k++) {
        size_t n = att_times_find_pats(dates, text, len, day("2021-09-18"), ATT_DIR_PAST, 1u << k,
                                       NULL, 0);
        ck_assert_msg(n == 0 || (pats & (1u << k)) != 0,
                      "prefilter drops pattern %d, which matches in \"%s\"", k, text);
    }
    for (int i = 0; i < 2; i++) {
        att_time a[8], b[8];
        size_t na, nb;
        memset(a, 0, sizeof a);
        memset(b, 0, sizeof b);
        na = att_times_find(dates, text, len, day("2021-09-18"), dirs[i], a, N_OF(a));
        nb = att_times_find_pats(dates, text, len, day("2021-09-18"), dirs[i], ~0u, b, N_OF(b));
        ck_assert_msg(na == nb, "\"%s\": %zu expressions with the prefilter, %zu without", text, na,
                      nb);
        ck_assert_msg(memcmp(a, b, sizeof a) == 0, "\"%s\": the prefilter changes a result", text);
    }
}

/* Every form of every pattern family the prefilter must keep: case, the
 * no-break space and dashes, abbreviations, digits, words glued to
 * punctuation. Some are no time expression at all ("Thurs", "may"): the
 * result must still be the same. */
static const char *const prefilter_cases[] = {
    "on september 17, 2021",
    "ON SEPTEMBER 17, 2021",
    "On Sept. 17",
    "on sept 17",
    "on SEPT. 17 2021",
    "Sep 17",
    "sep. 17",
    "Mar. 5",
    "mar. 5",
    "MAR 5",
    "MARCH 5",
    "march 5",
    "May 5",
    "MAY 5",
    "may 5",
    "in May",
    "in may",
    "in MAY",
    "they may meet",
    "17 September 2021",
    "from 13 to 15 September",
    "13\xe2\x80\x93"
    "15 Sept.",
    "the 17th of September",
    "September 17-18",
    "April 28-May 2",
    "(Jan. 3)",
    "\"Dec 1\"",
    "on\xc2\xa0"
    "17\xc2\xa0"
    "September",
    "mid-September",
    "mid\xe2\x80\x94September",
    "in late\xc2\xa0September",
    "end-March",
    "early Feb.",
    "in jan.",
    "Jun. 2024",
    "14/4/2024",
    "14.4.24",
    "on 1/2/21",
    "a/14/4/2024",
    "2021-09-17",
    "on 2021-09-17.",
    "x2021-09-17",
    "on Thursday",
    "ON THURSDAY",
    "on thursday",
    "Thurs",
    "Thu.",
    "(Monday)",
    "x/Monday",
    "$Monday",
    "-Monday",
    "last Friday",
    "Good Friday",
    "this coming Tuesday",
    "Tuesday and Wednesday",
    "on Sunday, 14/4/2024",
    "on the evening of March 29",
    "Saturday local time",
    "Mondays",
    "today",
    "TODAY",
    "Tonight",
    "yesterday",
    "Tomorrow",
    "this morning",
    "THIS AFTERNOON",
    "this evening",
    "last night",
    "the day before yesterday",
    "the day after tomorrow",
    "as of today",
    "two days ago",
    "TWO DAYS AGO",
    "12 weeks ago",
    "a couple of months ago",
    "a few years ago",
    "on the same day",
    "THAT SAME DAY",
    "that very same date",
    "later in the day",
    "earlier in the evening",
    "in the morning",
    "later that night",
    "next month",
    "LATER THIS MONTH",
    "the previous month",
    "early next month",
    "this week",
    "next week",
    "last week",
    "THIS WEEKEND",
    "over the weekend",
    "the following week",
    "later this week",
    "next year",
    "NEXT YEAR",
    "in 2024",
    "in 1999",
    "2024-25",
    "between 2023 and 2025",
    "q3 2024",
    "Q3 2024",
    "the 4th quarter of 2024",
    "year-end",
    "YEAR END",
    "yearend",
    "by yearend",
    "by year-end",
    "year\xe2\x80\x93"
    "end",
    "by the end of the year",
    "early next year",
    "the first half of 2024",
    "1990s",
    "12020",
    "this spring",
    "SUMMER 2024",
    "the autumn of 2023",
    "in the fall",
    "this winter",
    "late Winter",
    "in the near future",
    "IN THE NEAR FUTURE",
    "in the not too distant future",
    "in the near term",
    "in the coming days",
    "over the past few months",
    "the next several weeks",
    "within the coming years",
    "in due course",
    "in the future",
    "in recent years",
    "in recent times",
    "at an early date",
    "at the appropriate time",
    "at a mutually convenient time",
    "at the earliest opportunity",
    "at the right moment",
    "at a later stage",
    "as soon as possible",
    "AS EARLY AS PRACTICABLE",
    "soon",
    "SOON.",
    "as soon as",
    "recently",
    "Lately",
    "shortly",
    "shortly after",
    "The ministers discussed trade.",
    "",
    "\xff\xfe on Monday \xc3",
    "Monday\xc3\xa9",
    "\xc3\xa9Monday",
    "Augusta",
    "they decided in Sept.",
    "a 2-day visit",
    "in the daytime",
    "the weekends",
    "Seasons of 2024",
    "Tuesday's talks",
    "Novembers",
};

START_TEST(test_prefilter_forms) {
    check_prefilter(prefilter_cases[_i]);
}
END_TEST

/* The sentences of the other tables, again through both ways. */
START_TEST(test_prefilter_tables) {
    const time_case *const tables[] = {absolute_cases, range_cases,    relday_cases,
                                       month_cases,    week_cases,     year_cases,
                                       same_day_cases, unsettled_cases};
    const size_t sizes[] = {N_OF(absolute_cases), N_OF(range_cases),    N_OF(relday_cases),
                            N_OF(month_cases),    N_OF(week_cases),     N_OF(year_cases),
                            N_OF(same_day_cases), N_OF(unsettled_cases)};
    for (size_t t = 0; t < N_OF(tables); t++) {
        for (size_t i = 0; i < sizes[t]; i++) {
            check_prefilter(tables[t][i].text);
        }
    }
    for (size_t i = 0; i < N_OF(none_cases); i++) {
        check_prefilter(none_cases[i]);
    }
    for (size_t i = 0; i < N_OF(multi_cases); i++) {
        check_prefilter(multi_cases[i].text);
    }
}
END_TEST

/* ------------------------------------------------------------------ */
/* Key starts: att_times_find starts each search at the first key of the */
/* pattern less the words a match can have before it (dates.c key_start), */
/* or skips it when no key is left; att_times_find_pats(~0u) searches     */
/* plainly. The two must agree on any text.                               */

static size_t memo_texts(const char **v, size_t max);

static int agree_plain(const char *text, size_t len) {
    static const att_direction dirs[2] = {ATT_DIR_PAST, ATT_DIR_FUTURE};
    for (int i = 0; i < 2; i++) {
        att_time a[8], b[8];
        memset(a, 0, sizeof a);
        memset(b, 0, sizeof b);
        size_t na = att_times_find(dates, text, len, day("2021-09-18"), dirs[i], a, N_OF(a));
        size_t nb =
            att_times_find_pats(dates, text, len, day("2021-09-18"), dirs[i], ~0u, b, N_OF(b));
        if (na != nb || memcmp(a, b, sizeof a) != 0) {
            return 0;
        }
    }
    return 1;
}

/* Every suffix of every sentence of the tables: a search then starts at
 * each byte of the text, and the look-behinds see the text's start. */
START_TEST(test_key_start_suffixes) {
    const char *v[1024];
    size_t n = memo_texts(v, N_OF(v));
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(v[i]);
        for (size_t b = 0; b <= len; b++) {
            ck_assert_msg(agree_plain(v[i] + b, len - b), "key start changes \"%s\"", v[i] + b);
        }
    }
}
END_TEST

/* The longest way through each pattern's optional words before its key
 * (dates.c key_gaps counts them), some not English at all, after words
 * that belong to no pattern. Each is also read with every space doubled
 * and with every space a no-break space. */
static const char *const longest_forms[] = {
    "They met on the evening of Thursday, Sept. 17, 2021 in Oslo.",
    "They met on the evening of Thursday, the 13th - the 15th of September 2021.",
    "They met from the 13th to the 15th of September and from 3 to 5 October.",
    "The note dated Thursday, 14/4/2024 was signed.",
    "The note dated Thursday, 2021-09-17 was signed.",
    "Talks were held later on the evening of Thursday local time.",
    "They will meet this coming the morning of Monday and Tuesday.",
    "The rate as of the day before yesterday; as of this evening; as of the day after tomorrow.",
    "It was signed a couple of days ago, some years ago and 12 months ago.",
    "They met earlier on on the very same day, later in on that very same date.",
    "Talks resume in the first week of - the month of May 2024.",
    "Talks resume around the end of the month of March next year.",
    "Talks resumed in the first half of - later in the past month.",
    "Talks resume in the early of - later in this coming week, over the past weekend.",
    "Growth rose in the first half of - later in the past year and by the first quarter of - "
    "earlier in 2024, over the 2nd quarter of later year-end.",
    "Talks resume in the early of - the coming spring of 2024, at the the next winter.",
    "They will meet at a mutually convenient appropriate suitable proper right date.",
    "They will meet in the not too distant future, over the coming couple of weeks.",
    "They will meet at the earliest opportune moment, as soon as possible, in due course.",
};

/* s with each space replaced by rep, into buf. */
static const char *respace(const char *s, const char *rep, char *buf, size_t cap) {
    size_t n = 0, rl = strlen(rep);
    for (; *s && n + rl + 1 < cap; s++) {
        if (*s == ' ') {
            memcpy(buf + n, rep, rl);
            n += rl;
        } else {
            buf[n++] = *s;
        }
    }
    buf[n] = '\0';
    return buf;
}

START_TEST(test_key_start_longest) {
    static const char *const reps[] = {" ", "  ", "\xc2\xa0", " \t\n"};
    char buf[1024];
    for (size_t r = 0; r < N_OF(reps); r++) {
        const char *t = respace(longest_forms[_i], reps[r], buf, sizeof buf);
        size_t len = strlen(t);
        check_prefilter(t);
        for (size_t b = 0; b <= len; b++) {
            ck_assert_msg(agree_plain(t + b, len - b), "key start changes \"%s\"", t + b);
        }
    }
}
END_TEST

/* Phrases made at random of the patterns' own words (prefixes, keys,
 * numbers, parts), words that are neither, and every separator the
 * patterns know (spaces, tabs, the no-break space, commas, dashes): long
 * runs of optional words before a key are where a bound too tight would
 * lose a match or change its start. */
START_TEST(test_key_start_random) {
    static const char *const words[] = {
        "on", "in", "by", "from", "the", "evening", "morning", "of", "Thursday", "Monday", "this",
        "coming", "later", "earlier", "as", "early", "late", "mid", "end", "first", "second",
        "half", "quarter", "week", "weekend", "month", "year", "years", "days", "ago", "a",
        "couple", "two", "few", "same", "very", "that", "day", "date", "next", "last", "past",
        "Q3", "13th", "15", "3", "2024", "2021", "14/4/2024", "2021-09-17", "September", "Sept.",
        "May", "March", "may", "spring", "winter", "to", "and", "until", "through", "at", "an",
        "appropriate", "convenient", "time", "near", "future", "soon", "recently", "met",
        "talks", "(on", "ministers", "yesterday", "today", "before", "after", "tomorrow", "night",
        "year-end", "current", "following", "mutually", "opportunity", "Tuesday,", "2022,",
    };
    static const char *const seps[] = {" ", " ", " ", "  ", "\t", "\xc2\xa0", ", ", "-", " - ",
                                       " \xe2\x80\x93 ", "\n", ". "};
    unsigned long long r = 0x9E3779B97F4A7C15ULL;
#define RND(n)                                                                                     \
    ((r = r * 6364136223846793005ULL + 1442695040888963407ULL), (size_t)((r >> 33) % (n)))
    for (int round = 0; round < 20000; round++) {
        char text[512];
        size_t len = 0;
        size_t nw = 1 + RND(14);
        for (size_t w = 0; w < nw; w++) {
            const char *word = words[RND(N_OF(words))];
            const char *sep = w + 1 < nw ? seps[RND(N_OF(seps))] : "";
            size_t wl = strlen(word), sl = strlen(sep);
            if (len + wl + sl + 1 >= sizeof text) {
                break;
            }
            memcpy(text + len, word, wl);
            len += wl;
            memcpy(text + len, sep, sl);
            len += sl;
        }
        text[len] = '\0';
        ck_assert_msg(agree_plain(text, len), "key start changes \"%s\"", text);
    }
#undef RND
}
END_TEST

/* ------------------------------------------------------------------ */
/* Memo: att_times_find_memo replays the raw matches of a span read before */
/* and must give att_times_find's results, in either direction first.   */

/* A day a resolver reads differently by direction: February 29 is refused
 * in the past of 2023 and taken in the future (2024), so the second reading
 * asks for searches the first did not make. */
static const char *const memo_extra[] = {
    "They met on February 29 and will meet again on February 29.",
    "On Feb. 29, or on 29 February, and in May: they may meet on Monday.",
    "", "no time here at all",
};

/* Every text of the tables, and the extra ones. */
static size_t memo_texts(const char **v, size_t max) {
    const time_case *const tables[] = {absolute_cases, range_cases,    relday_cases,
                                       month_cases,    week_cases,     year_cases,
                                       same_day_cases, unsettled_cases};
    const size_t sizes[] = {N_OF(absolute_cases), N_OF(range_cases),    N_OF(relday_cases),
                            N_OF(month_cases),    N_OF(week_cases),     N_OF(year_cases),
                            N_OF(same_day_cases), N_OF(unsettled_cases)};
    size_t n = 0;
    for (size_t t = 0; t < N_OF(tables); t++) {
        for (size_t i = 0; i < sizes[t] && n < max; i++) {
            v[n++] = tables[t][i].text;
        }
    }
    for (size_t i = 0; i < N_OF(none_cases) && n < max; i++) {
        v[n++] = none_cases[i];
    }
    for (size_t i = 0; i < N_OF(multi_cases) && n < max; i++) {
        v[n++] = multi_cases[i].text;
    }
    for (size_t i = 0; i < N_OF(prefilter_cases) && n < max; i++) {
        v[n++] = prefilter_cases[i];
    }
    for (size_t i = 0; i < N_OF(memo_extra) && n < max; i++) {
        v[n++] = memo_extra[i];
    }
    return n;
}

/* One memo over every text (so its tables grow), each text read in `first`
 * then in the other direction, then in `first` again, against three
 * reference days: the same expressions as att_times_find. */
static void check_memo(att_direction first) {
    static const char *const refs[] = {"2021-09-18", "2023-09-18", "2024-02-29"};
    const att_direction order[3] = {first, first == ATT_DIR_PAST ? ATT_DIR_FUTURE : ATT_DIR_PAST,
                                    first};
    const char *texts[2048];
    size_t n = memo_texts(texts, N_OF(texts));
    ck_assert_uint_lt(n, N_OF(texts));
    for (size_t r = 0; r < N_OF(refs); r++) {
        att_times_memo *memo = NULL;
        for (int pass = 0; pass < 3; pass++) {
            for (size_t i = 0; i < n; i++) {
                att_time a[8], b[8];
                size_t len = strlen(texts[i]), na, nb;
                memset(a, 0, sizeof a);
                memset(b, 0, sizeof b);
                na = att_times_find(dates, texts[i], len, day(refs[r]), order[pass], a, N_OF(a));
                nb = att_times_find_memo(dates, &memo, texts[i], len, day(refs[r]), order[pass], b,
                                         N_OF(b));
                ck_assert_msg(na == nb, "\"%s\" (ref %s, pass %d): %zu expressions, memo %zu",
                              texts[i], refs[r], pass, na, nb);
                ck_assert_msg(memcmp(a, b, sizeof a) == 0, "\"%s\" (ref %s, pass %d): memo differs",
                              texts[i], refs[r], pass);
            }
        }
        ck_assert_ptr_nonnull(memo);
        att_times_memo_free(memo);
    }
}

START_TEST(test_memo_past_first) {
    check_memo(ATT_DIR_PAST);
}
END_TEST

START_TEST(test_memo_future_first) {
    check_memo(ATT_DIR_FUTURE);
}
END_TEST

/* A prefix of a span is another span (the end of the text changes what
 * matches), and bad arguments give what att_times_find gives. */
START_TEST(test_memo_spans) {
    const char *s = "on September 17, 2021";
    att_times_memo *memo = NULL;
    att_time a[2], b[2];
    for (size_t len = strlen(s) + 1; len-- > 0;) {
        size_t na, nb;
        memset(a, 0, sizeof a);
        memset(b, 0, sizeof b);
        na = att_times_find(dates, s, len, day("2021-09-18"), ATT_DIR_PAST, a, N_OF(a));
        nb = att_times_find_memo(dates, &memo, s, len, day("2021-09-18"), ATT_DIR_PAST, b,
                                 N_OF(b));
        ck_assert_uint_eq(na, nb);
        ck_assert_mem_eq(a, b, sizeof a);
    }
    att_ymd bad = {2021, 2, 30};
    ck_assert_uint_eq(att_times_find_memo(NULL, &memo, s, strlen(s), day("2021-09-18"),
                                          ATT_DIR_PAST, a, 2),
                      0);
    ck_assert_uint_eq(att_times_find_memo(dates, &memo, NULL, 5, day("2021-09-18"), ATT_DIR_PAST,
                                          a, 2),
                      0);
    ck_assert_uint_eq(att_times_find_memo(dates, &memo, s, strlen(s), bad, ATT_DIR_PAST, a, 2), 0);
    ck_assert_uint_eq(att_times_find_memo(dates, NULL, s, strlen(s), day("2021-09-18"),
                                          ATT_DIR_PAST, a, 2),
                      1);
    att_times_memo_free(memo);
    att_times_memo_free(NULL);
}
END_TEST

/* The point of it: ordinary sentences rule out every pattern. */
START_TEST(test_prefilter_rules_out) {
    const char *s = "The ministers discussed trade, investment and the situation in the region.";
    ck_assert_uint_eq(att_times_prefilter(s, strlen(s)), 0);
    s = "They may decide to march on the capital in a formal procession.";
    ck_assert_uint_eq(att_times_prefilter(s, strlen(s)), 0);
    ck_assert_uint_eq(att_times_prefilter(NULL, 5), 0);
    ck_assert_uint_eq(att_times_prefilter("Monday", 0), 0);
    ck_assert_uint_ne(att_times_prefilter("Monday", 6), 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* API contract                                                         */

START_TEST(test_free_null) {
    att_dates_free(NULL);
}
END_TEST

START_TEST(test_bad_arguments) {
    att_time t[2];
    att_ymd bad = {2021, 2, 30};
    const char *s = "They met on Monday.";
    ck_assert_uint_eq(att_times_find(NULL, s, strlen(s), day("2021-09-18"), PAST, t, 2), 0);
    ck_assert_uint_eq(att_times_find(dates, NULL, 0, day("2021-09-18"), PAST, t, 2), 0);
    ck_assert_uint_eq(att_times_find(dates, NULL, 5, day("2021-09-18"), PAST, t, 2), 0);
    ck_assert_uint_eq(att_times_find(dates, s, strlen(s), bad, PAST, t, 2), 0);
}
END_TEST

START_TEST(test_max_truncates) {
    const char *s = "Talks on Monday, Tuesday, and Wednesday followed.";
    att_time t[3];
    size_t n;
    memset(t, 0, sizeof t);
    t[1].begin = 12345;
    n = att_times_find(dates, s, strlen(s), day("2021-09-18"), PAST, t, 1);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(t[1].begin, 12345); /* untouched */
    ck_assert_uint_eq(att_times_find(dates, s, strlen(s), day("2021-09-18"), PAST, NULL, 0), 3);
}
END_TEST

START_TEST(test_not_terminated) {
    /* The span ends inside the year: "on 4 July 20" must not read past len. */
    const char full[] = "talks on 4 July 2021 ended";
    char *buf = malloc(16);
    att_time t[2];
    size_t n;
    ck_assert_ptr_nonnull(buf);
    memcpy(buf, full, 16); /* "talks on 4 July " without terminator */
    n = att_times_find(dates, buf, 16, day("2021-09-18"), PAST, t, 2);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(t[0].begin, 6);
    ck_assert_uint_eq(t[0].end, 15);
    ck_assert_int_eq(att_ymd_cmp(t[0].value, day("2021-07-04")), 0);
    n = att_times_find(dates, full, 18, day("2021-09-18"), PAST, t, 2);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_le(t[0].end, 18);
    free(buf);
}
END_TEST

START_TEST(test_invalid_utf8) {
    const char s[] = "\xff\xfe talks on Monday \xc3 and \xe2\x80 ok";
    att_time t[2];
    size_t n = att_times_find(dates, s, sizeof s - 1, day("2021-09-18"), PAST, t, 2);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(att_ymd_cmp(t[0].value, day("2021-09-13")), 0);
}
END_TEST

typedef struct {
    const att_dates *d;
    int ok;
} thread_arg;

static void *thread_main(void *p) {
    thread_arg *a = p;
    const char *s = "On 8 November 2022 they agreed to meet in late September and next year.";
    a->ok = 1;
    for (int i = 0; i < 200; i++) {
        att_time t[4];
        size_t n = att_times_find(a->d, s, strlen(s), day("2022-11-09"), ATT_DIR_FUTURE, t, 4);
        if (n != 3 || t[0].value.d != 8 || t[1].value.m != 9 || t[1].value.y != 2023 ||
            t[2].value.y != 2023) {
            a->ok = 0;
        }
    }
    return NULL;
}

START_TEST(test_threads) {
    pthread_t th[4];
    thread_arg arg[4];
    for (int i = 0; i < 4; i++) {
        arg[i].d = dates;
        arg[i].ok = 0;
        ck_assert_int_eq(pthread_create(&th[i], NULL, thread_main, &arg[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(pthread_join(th[i], NULL), 0);
        ck_assert_int_eq(arg[i].ok, 1);
    }
}
END_TEST

/* ------------------------------------------------------------------ */

static Suite *dates_suite(void) {
    Suite *s = suite_create("dates");
    TCase *tc;

    tc = tcase_create("calendar");
    tcase_add_loop_test(tc, test_valid, 0, (int)N_OF(valid_cases));
    tcase_add_loop_test(tc, test_days_in_month, 0, (int)N_OF(dim_cases));
    tcase_add_loop_test(tc, test_weekday, 0, (int)N_OF(weekday_cases));
    tcase_add_loop_test(tc, test_add_days, 0, (int)N_OF(add_cases));
    tcase_add_loop_test(tc, test_parse, 0, (int)N_OF(parse_cases));
    tcase_add_test(tc, test_parse_null);
    tcase_add_loop_test(tc, test_lexical, 0, (int)N_OF(lexical_cases));
    tcase_add_loop_test(tc, test_cmp, 0, (int)N_OF(cmp_cases));
    suite_add_tcase(s, tc);

#define FIND_TCASE(name, fn, table)                                                                \
    tc = tcase_create(name);                                                                       \
    tcase_add_checked_fixture(tc, setup, teardown);                                                \
    tcase_add_loop_test(tc, fn, 0, (int)N_OF(table));                                              \
    suite_add_tcase(s, tc)

    FIND_TCASE("absolute", test_absolute, absolute_cases);
    FIND_TCASE("ranges", test_ranges, range_cases);
    FIND_TCASE("relative_days", test_relative_days, relday_cases);
    FIND_TCASE("months", test_months, month_cases);
    FIND_TCASE("weeks", test_weeks, week_cases);
    FIND_TCASE("years", test_years, year_cases);
    FIND_TCASE("same_day", test_same_day, same_day_cases);
    FIND_TCASE("unsettled", test_unsettled, unsettled_cases);
    FIND_TCASE("not_times", test_none, none_cases);
    FIND_TCASE("several", test_multi, multi_cases);
#undef FIND_TCASE

    tc = tcase_create("prefilter");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_prefilter_forms, 0, (int)N_OF(prefilter_cases));
    tcase_add_test(tc, test_prefilter_tables);
    tcase_add_test(tc, test_prefilter_rules_out);
    tcase_add_test(tc, test_key_start_suffixes);
    tcase_add_loop_test(tc, test_key_start_longest, 0, (int)N_OF(longest_forms));
    tcase_add_test(tc, test_key_start_random);
    suite_add_tcase(s, tc);

    tc = tcase_create("memo");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_memo_past_first);
    tcase_add_test(tc, test_memo_future_first);
    tcase_add_test(tc, test_memo_spans);
    suite_add_tcase(s, tc);

    tc = tcase_create("api");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_free_null);
    tcase_add_test(tc, test_bad_arguments);
    tcase_add_test(tc, test_max_truncates);
    tcase_add_test(tc, test_not_terminated);
    tcase_add_test(tc, test_invalid_utf8);
    tcase_add_test(tc, test_threads);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(dates_suite());
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
