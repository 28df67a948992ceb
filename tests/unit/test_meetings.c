/* test_meetings.c - unit tests of meetings.c: meeting – participants –
 * place – date, as tables of cases in sentences written for these tests.
 * Each case is a short document read with attache_doc_read_mem and
 * extracted with attache_extract on one world per TCase; the meetings are
 * read back through the public views (attache_doc_meeting,
 * attache_doc_meeting_participant) and compared, as a set, with what a
 * careful reader gives (../shared/eval/GUIDELINE.md). Meeting IRIs are
 * checked through the writer (N-Triples into a memory stream). */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "attache/attache.h"
#include "unit.h"

#define MAX_MEETINGS 4
#define MAX_PEOPLE 6



/* A name as the scorer compares it: case and one-letter initials ignored. */
static int same_name(const char *a, const char *b)
{
    char x[256], y[256];
    size_t i = 0, j = 0;
    for (; *a && i < sizeof x - 1; a++)
        if (*a != '.')
            x[i++] = (char)tolower((unsigned char)*a);
    for (; *b && j < sizeof y - 1; b++)
        if (*b != '.')
            y[j++] = (char)tolower((unsigned char)*b);
    x[i] = y[j] = '\0';
    return strcmp(x, y) == 0;
}

/* want: "A|B" alternatives, NULL for none */
static int same_place(const char *want, const char *got)
{
    if (!want)
        return got == NULL;
    if (!got)
        return 0;
    const char *p = want;
    while (*p) {
        size_t n = strcspn(p, "|");
        if (strlen(got) == n && strncasecmp(p, got, n) == 0)
            return 1;
        p += n;
        if (*p == '|')
            p++;
    }
    return 0;
}

typedef struct {
    const char *people[MAX_PEOPLE]; /* the participants, as a set */
    const char *place;              /* "A|B" alternatives; NULL: none */
    const char *date;               /* NULL: none */
    const char *mode;               /* NULL: not checked */
} meeting_fact;

typedef struct {
    const char *date; /* the date line */
    const char *text;
    meeting_fact meetings[MAX_MEETINGS]; /* the whole set of the document's meetings */
} meeting_case;

static const char *show(const char *s) { return s ? s : "(null)"; }

static void dump(const attache_doc *d, char *out, size_t n)
{
    attache_meeting_view v;
    out[0] = '\0';
    for (size_t i = 0; attache_doc_meeting(d, i, &v); i++) {
        char line[1024];
        snprintf(line, sizeof line, " [{");
        for (size_t k = 0; k < v.n_participants; k++) {
            strncat(line, k ? ", " : "", sizeof line - strlen(line) - 1);
            strncat(line, attache_doc_meeting_participant(d, i, k), sizeof line - strlen(line) - 1);
        }
        char tail[256];
        snprintf(tail, sizeof tail, "} %s %s %s]", show(v.place), show(v.date), show(v.mode));
        strncat(line, tail, sizeof line - strlen(line) - 1);
        strncat(out, line, n - strlen(out) - 1);
    }
}

static int matches(const attache_doc *d, size_t i, const meeting_fact *f)
{
    attache_meeting_view v;
    if (!attache_doc_meeting(d, i, &v))
        return 0;
    size_t n = 0;
    while (n < MAX_PEOPLE && f->people[n])
        n++;
    if (v.n_participants != n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        int found = 0;
        for (size_t j = 0; j < v.n_participants && !found; j++)
            found = same_name(f->people[k], attache_doc_meeting_participant(d, i, j));
        if (!found)
            return 0;
    }
    if (!same_place(f->place, v.place))
        return 0;
    if (f->date ? !v.date || strcmp(f->date, v.date) != 0 : v.date != NULL)
        return 0;
    if (f->mode && (!v.mode || strcmp(f->mode, v.mode) != 0))
        return 0;
    return 1;
}

/* The document's meetings must be exactly `want`. */
static void check_meetings(const meeting_case *c)
{
    attache_doc *d = extract(c->date, c->text);
    char got[4096];
    dump(d, got, sizeof got);
    size_t n_want = 0;
    while (n_want < MAX_MEETINGS && c->meetings[n_want].people[0])
        n_want++;
    size_t n_got = attache_doc_counts(d).meetings;
    ck_assert_msg(n_got == n_want, "\"%s\": %zu meetings expected, got %zu:%s", c->text, n_want,
                  n_got, got);
    int used[MAX_MEETINGS] = {0};
    for (size_t k = 0; k < n_want; k++) {
        int found = 0;
        for (size_t i = 0; i < n_got && !found; i++)
            if (!used[i] && matches(d, i, &c->meetings[k]))
                found = used[i] = 1;
        ck_assert_msg(found, "\"%s\": meeting %zu (%s, %s, %s ...) not found; got:%s", c->text, k,
                      show(c->meetings[k].place), show(c->meetings[k].date),
                      c->meetings[k].people[0], got);
    }
    attache_doc_free(d);
}

/* 2024-03-14 is a Thursday. */
#define THU "2024-03-14"
#define KE "Kenyan President Amara Odhiambo"
#define NO "Norwegian Foreign Minister Ingrid Solberg"
#define AO "Amara Odhiambo"
#define IS "Ingrid Solberg"

/* ------------------------------------------------------------------ */
/* Triggers                                                             */

static const meeting_case trigger_cases[] = {
    {THU, KE " met " NO " in Oslo on Tuesday.", {{{AO, IS}, "Oslo", "2024-03-12", "in-person"}}},
    {THU, KE " met with " NO " in Oslo on Tuesday.", {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, KE " held talks with " NO " in Oslo on Tuesday.",
     {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, KE " had talks with " NO " in Oslo on Tuesday.",
     {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, KE " and " NO " held talks in Oslo on Tuesday.",
     {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, NO " received " KE " in Oslo on Tuesday.", {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, NO " hosted " KE " in Oslo on Tuesday.", {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, NO " welcomed " KE " in Oslo on Tuesday.", {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, KE " called on " NO " in Oslo on Tuesday.", {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, KE " paid a courtesy call on " NO " in Oslo on Tuesday.",
     {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, KE " was received by " NO " in Oslo on Tuesday.",
     {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, "A meeting between " KE " and " NO " took place in Geneva on Monday.",
     {{{AO, IS}, "Geneva", "2024-03-11", NULL}}},
    {THU, KE " exchanged greetings with " NO " at the reception in Oslo on Tuesday.",
     {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, "On the sidelines of the Nordic-African summit in Oslo, " KE " met " NO " on Tuesday.",
     {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, KE " met " NO " on the margins of the climate conference in Dubai on Tuesday.",
     {{{AO, IS}, "Dubai", "2024-03-12", NULL}}},
    /* calls: no place, a mode */
    {THU, KE " spoke by phone with " NO " on Wednesday.",
     {{{AO, IS}, NULL, "2024-03-13", "phone"}}},
    {THU, KE " spoke over the phone with " NO " on Wednesday.",
     {{{AO, IS}, NULL, "2024-03-13", "phone"}}},
    {THU, KE " held a phone call with " NO " on Wednesday.",
     {{{AO, IS}, NULL, "2024-03-13", "phone"}}},
    {THU, KE " had a telephone conversation with " NO " on Wednesday.",
     {{{AO, IS}, NULL, "2024-03-13", "phone"}}},
    {THU, KE " held a video call with " NO " on Wednesday.",
     {{{AO, IS}, NULL, "2024-03-13", "video"}}},
    {THU, KE " held a videoconference with " NO " on Wednesday.",
     {{{AO, IS}, NULL, "2024-03-13", "video"}}},
    {THU, KE " and " NO " held a virtual meeting on Wednesday.",
     {{{AO, IS}, NULL, "2024-03-13", "video"}}},
};

START_TEST(test_trigger)
{
    check_meetings(&trigger_cases[_i]);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Participants                                                         */

static const meeting_case participant_cases[] = {
    /* coordinated objects: one meeting of all */
    {THU,
     "Spanish Foreign Minister Luis Moreno met with Peruvian Foreign Minister Lucia Ramos, "
     "Chilean Foreign Minister Elena Ruiz and Ecuadorian Foreign Minister Jorge Vela in Madrid on "
     "Tuesday.",
     {{{"Luis Moreno", "Lucia Ramos", "Elena Ruiz", "Jorge Vela"}, "Madrid", "2024-03-12", NULL}}},
    /* "bilateral meetings with A, B and C": one meeting each */
    {THU,
     "In Madrid on Tuesday, Spanish Foreign Minister Luis Moreno held bilateral meetings with "
     "Peruvian Foreign Minister Lucia Ramos, Chilean Foreign Minister Elena Ruiz and Ecuadorian "
     "Foreign Minister Jorge Vela.",
     {{{"Luis Moreno", "Lucia Ramos"}, "Madrid", "2024-03-12", NULL},
      {{"Luis Moreno", "Elena Ruiz"}, "Madrid", "2024-03-12", NULL},
      {{"Luis Moreno", "Jorge Vela"}, "Madrid", "2024-03-12", NULL}}},
    /* people present at the talks join them */
    {THU,
     KE " held talks with " NO " in Oslo on Tuesday. Also present at the talks were Kenyan "
        "Ambassador Joseph Kamau and Norwegian State Secretary Erik Dahl.",
     {{{AO, IS, "Joseph Kamau", "Erik Dahl"}, "Oslo", "2024-03-12", NULL}}},
    /* people accompanying a visit do not */
    {THU,
     KE ", accompanied by Kenyan Ambassador Joseph Kamau, met " NO " in Oslo on Tuesday.",
     {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    /* a surname later is the same person: one meeting, full names */
    {THU, KE " met " NO " in Oslo on Tuesday. Odhiambo and Solberg discussed fisheries.",
     {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
};

START_TEST(test_participants)
{
    check_meetings(&participant_cases[_i]);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Places                                                               */

static const meeting_case place_cases[] = {
    {THU, KE " met " NO " in Bergen on Tuesday.", {{{AO, IS}, "Bergen", "2024-03-12", NULL}}},
    /* a venue in a city: the venue or the city */
    {THU, KE " met " NO " at the Grand Hotel in Oslo on Tuesday.",
     {{{AO, IS}, "Grand Hotel|Oslo", "2024-03-12", NULL}}},
    /* a dateline gives the place and the day */
    {"2024-03-15",
     "OSLO, March 13 (NTB) -- " KE " held talks with " NO " on Wednesday.",
     {{{AO, IS}, "Oslo|OSLO", "2024-03-13", NULL}}},
    {"2024-03-15", "WASHINGTON, March 13 (Xinhua) -- " KE " met " NO " today.",
     {{{AO, IS}, "Washington|WASHINGTON", "2024-03-13", NULL}}},
    /* no place given */
    {THU, KE " met " NO " on Tuesday.", {{{AO, IS}, NULL, "2024-03-12", NULL}}},
    /* welcomed to a city */
    {THU, NO " welcomed " KE " to Oslo on Tuesday.", {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    /* a venue the gazetteer does not know is a place, not a person */
    {THU, NO " hosted " KE " at Akershus Fortress in Oslo on Tuesday.",
     {{{AO, IS}, "Akershus Fortress|Oslo", "2024-03-12", NULL}}},
    /* the manner of a contact belongs to its trigger: a video call has no place */
    {THU, KE " held talks with " NO " via videoconference on Wednesday.",
     {{{AO, IS}, NULL, "2024-03-13", "video"}}},
};

START_TEST(test_places)
{
    check_meetings(&place_cases[_i]);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Dates, resolved against the reference date                           */

static const meeting_case date_cases[] = {
    {THU, KE " met " NO " in Oslo on September 17, 2023.",
     {{{AO, IS}, "Oslo", "2023-09-17", NULL}}},
    {THU, KE " met " NO " in Oslo on 17 September 2023.",
     {{{AO, IS}, "Oslo", "2023-09-17", NULL}}},
    {THU, KE " met " NO " in Oslo on Feb. 6.", {{{AO, IS}, "Oslo", "2024-02-06", NULL}}},
    {THU, KE " met " NO " in Oslo on 4 March.", {{{AO, IS}, "Oslo", "2024-03-04", NULL}}},
    {THU, KE " met " NO " in Oslo on 12/3/2024.", {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    {THU, KE " met " NO " in Oslo today.", {{{AO, IS}, "Oslo", THU, NULL}}},
    {THU, KE " met " NO " in Oslo yesterday.", {{{AO, IS}, "Oslo", "2024-03-13", NULL}}},
    /* the reference day's own weekday is that day */
    {THU, KE " met " NO " in Oslo on Thursday.", {{{AO, IS}, "Oslo", THU, NULL}}},
    /* weekday arithmetic across a year end: Tuesday 2024-01-02, "on Friday" */
    {"2024-01-02", KE " met " NO " in Oslo on Friday.",
     {{{AO, IS}, "Oslo", "2023-12-29", NULL}}},
    /* across a month end in a leap year: Monday 2024-03-04, "on Thursday" */
    {"2024-03-04", KE " met " NO " in Oslo on Thursday.",
     {{{AO, IS}, "Oslo", "2024-02-29", NULL}}},
    /* across a month end: Wednesday 2023-11-01, "on Monday" */
    {"2023-11-01", KE " met " NO " in Oslo on Monday.",
     {{{AO, IS}, "Oslo", "2023-10-30", NULL}}},
    {THU, KE " met " NO " in Oslo later on Wednesday.",
     {{{AO, IS}, "Oslo", "2024-03-13", NULL}}},
    {THU,
     KE " met " NO " in Oslo on Tuesday. Earlier on the same day, Odhiambo met Danish Foreign "
        "Minister Mette Holm in Oslo.",
     {{{AO, IS}, "Oslo", "2024-03-12", NULL}, {{AO, "Mette Holm"}, "Oslo", "2024-03-12", NULL}}},
    /* "the same day" is the day the sentence before named, meeting or not */
    {THU,
     "On Tuesday, " KE " opened a trade fair in Bergen. Earlier on the same day, she met " NO
     " in Oslo.",
     {{{AO, IS}, "Oslo", "2024-03-12", NULL}}},
    /* no day settled */
    {THU, KE " met " NO " in Oslo last week.", {{{AO, IS}, "Oslo", NULL, NULL}}},
    /* a range: the first day */
    {THU, KE " held talks with " NO " in Oslo on March 11-12.",
     {{{AO, IS}, "Oslo", "2024-03-11", NULL}}},
};

START_TEST(test_dates)
{
    check_meetings(&date_cases[_i]);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Not meetings (each text also names two people, who did not meet)     */

static const char *const excluded_cases[] = {
    KE " will meet " NO " in Oslo on Friday.",
    KE " is expected to hold talks with " NO " in Oslo next week.",
    KE " invited " NO " to visit Nairobi.",
    KE " and " NO " recalled the meeting of their predecessors in 2019.",
    "The two sides held talks on fisheries in Oslo on Tuesday. " KE " praised " NO
    "'s leadership.",
};

START_TEST(test_excluded)
{
    attache_doc *d = extract(THU, excluded_cases[_i]);
    char got[4096];
    dump(d, got, sizeof got);
    ck_assert_msg(attache_doc_counts(d).meetings == 0, "\"%s\": no meeting expected, got:%s",
                  excluded_cases[_i], got);
    /* the people were read: the exclusion is not an extractor that saw nothing */
    ck_assert_uint_ge(attache_doc_counts(d).roles, 2);
    attache_doc_free(d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* One meeting, one node; the same meeting from two documents, one IRI  */

START_TEST(test_one_node)
{
    attache_doc *d = extract(THU, KE " held talks with " NO " in Oslo on Tuesday. The two "
                                     "leaders discussed fisheries. Odhiambo also met Solberg "
                                     "over lunch.");
    char got[2048];
    dump(d, got, sizeof got);
    ck_assert_msg(attache_doc_counts(d).meetings == 1, "one meeting expected, got:%s", got);
    attache_doc_free(d);
}
END_TEST

/* The meeting IRIs a document is written with (N-Triples in memory),
 * joined by spaces in out. Returns their number. */
static size_t meeting_iris(const attache_doc *d, char *out, size_t n)
{
    char *mem = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&mem, &len);
    ck_assert_ptr_nonnull(fp);
    attache_writer *wr = NULL;
    ck_assert_int_eq(attache_writer_new(world, "ntriples", fp, &wr), ATTACHE_SUCCESS);
    ck_assert_int_eq(attache_writer_write(wr, d), ATTACHE_SUCCESS);
    ck_assert_int_eq(attache_writer_free(wr), ATTACHE_SUCCESS);
    ck_assert_int_eq(fclose(fp), 0);
    size_t count = 0;
    out[0] = '\0';
    const char *needle = "<https://w3id.org/attache/id/event/meeting-";
    for (const char *p = strstr(mem, needle); p; p = strstr(p + 1, needle)) {
        if (p != mem && p[-1] != '\n')
            continue; /* subjects only */
        const char *e = strchr(p, '>');
        ck_assert_ptr_nonnull(e);
        char iri[256];
        size_t l = (size_t)(e - p + 1) < sizeof iri - 1 ? (size_t)(e - p + 1) : sizeof iri - 1;
        memcpy(iri, p, l);
        iri[l] = '\0';
        if (!strstr(out, iri)) {
            if (count)
                strncat(out, " ", n - strlen(out) - 1);
            strncat(out, iri, n - strlen(out) - 1);
            count++;
        }
    }
    free(mem);
    return count;
}

START_TEST(test_same_meeting_same_iri)
{
    /* two readouts of one meeting, one from each side, different words */
    attache_doc *a = extract_as("ke-readout", THU,
                                KE " held talks with " NO " in Oslo on Tuesday.");
    attache_doc *b = extract_as("no-readout", "2024-03-13",
                                "Foreign Minister Ingrid Solberg of Norway received President "
                                "Amara Odhiambo of Kenya in Oslo yesterday.");
    char ia[512], ib[512];
    ck_assert_uint_eq(meeting_iris(a, ia, sizeof ia), 1);
    ck_assert_uint_eq(meeting_iris(b, ib, sizeof ib), 1);
    ck_assert_str_eq(ia, ib);
    /* another day is another meeting */
    attache_doc *c = extract_as("ke-readout-2", THU,
                                KE " held talks with " NO " in Oslo on Monday.");
    char ic[512];
    ck_assert_uint_eq(meeting_iris(c, ic, sizeof ic), 1);
    ck_assert_str_ne(ia, ic);
    attache_doc_free(a);
    attache_doc_free(b);
    attache_doc_free(c);
}
END_TEST

START_TEST(test_view_bounds)
{
    attache_doc *d = extract(THU, KE " met " NO " in Oslo on Tuesday.");
    attache_meeting_view v;
    ck_assert_int_eq(attache_doc_meeting(d, 0, &v), 1);
    ck_assert_uint_eq(v.n_participants, 2);
    ck_assert_ptr_null(attache_doc_meeting_participant(d, 0, 2));
    ck_assert_ptr_null(attache_doc_meeting_participant(d, 1, 0));
    ck_assert_int_eq(attache_doc_meeting(d, 1, &v), 0);
    attache_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("meetings");
    TCase *tc = unit_group("triggers");
    tcase_add_loop_test(tc, test_trigger, 0, (int)N_OF(trigger_cases));
    suite_add_tcase(s, tc);
    tc = unit_group("participants");
    tcase_add_loop_test(tc, test_participants, 0, (int)N_OF(participant_cases));
    suite_add_tcase(s, tc);
    tc = unit_group("places");
    tcase_add_loop_test(tc, test_places, 0, (int)N_OF(place_cases));
    suite_add_tcase(s, tc);
    tc = unit_group("dates");
    tcase_add_loop_test(tc, test_dates, 0, (int)N_OF(date_cases));
    suite_add_tcase(s, tc);
    tc = unit_group("exclusions");
    tcase_add_loop_test(tc, test_excluded, 0, (int)N_OF(excluded_cases));
    suite_add_tcase(s, tc);
    tc = unit_group("identity");
    tcase_add_test(tc, test_one_node);
    tcase_add_test(tc, test_same_meeting_same_iri);
    tcase_add_test(tc, test_view_bounds);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return unit_run(suite()); }
