/* test_roles.c - unit tests of roles.c (and people.c): person – role –
 * country, as tables of cases in sentences written for these tests. Each
 * case is a short document read with attache_doc_read_mem and extracted
 * with attache_extract on one world per TCase (attache_world_new(NULL, ...):
 * $ATTACHE_DATA points at ontology/data under ctest); the facts are read
 * back through the public view attache_doc_role and compared, as a set,
 * with the facts a careful reader gives (../shared/eval/GUIDELINE.md). */
#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "attache/attache.h"
#include "unit.h"

#define MAX_FACTS 6


/* Read and extract " date DATE\n\nTEXT\n"; the caller frees. */

/* A name as the scorer compares it: case, final periods, honorifics and
 * one-letter initials ignored, word order free (surname-first names). */
static void norm_name(const char *s, char *out, size_t n)
{
    static const char *const drop[] = {"mr", "mrs", "ms", "dr", "shri", "sheikh", "his",
                                       "majesty", "excellency", "h.e"};
    char words[12][48];
    size_t nw = 0;
    while (*s && nw < 12) {
        while (*s == ' ')
            s++;
        size_t l = 0;
        char w[48];
        while (s[l] && s[l] != ' ' && l < sizeof w - 1) {
            w[l] = (char)tolower((unsigned char)s[l]);
            l++;
        }
        s += l;
        w[l] = '\0';
        while (l > 0 && (w[l - 1] == '.' || w[l - 1] == ','))
            w[--l] = '\0';
        int skip = l == 0 || l == 1;
        for (size_t k = 0; k < N_OF(drop) && !skip; k++)
            skip = strcmp(w, drop[k]) == 0;
        if (!skip)
            memcpy(words[nw++], w, l + 1);
    }
    /* sort the words (insertion sort, a handful at most) */
    for (size_t i = 1; i < nw; i++)
        for (size_t j = i; j > 0 && strcmp(words[j - 1], words[j]) > 0; j--) {
            char t[48];
            memcpy(t, words[j], sizeof t);
            memcpy(words[j], words[j - 1], sizeof t);
            memcpy(words[j - 1], t, sizeof t);
        }
    out[0] = '\0';
    for (size_t i = 0; i < nw; i++) {
        if (i)
            strncat(out, " ", n - strlen(out) - 1);
        strncat(out, words[i], n - strlen(out) - 1);
    }
}

static int same_name(const char *a, const char *b)
{
    char x[256], y[256];
    norm_name(a, x, sizeof x);
    norm_name(b, y, sizeof y);
    return strcmp(x, y) == 0;
}

/* An office as the scorer compares it: case and a leading "acting" ignored. */
static int same_role(const char *want, const char *got)
{
    if (!got)
        return 0;
    if (strncasecmp(got, "acting ", 7) == 0)
        got += 7;
    return strcasecmp(want, got) == 0;
}

typedef struct {
    const char *person, *role, *country; /* role: the title as written or the canonical label */
} role_fact;

typedef struct {
    const char *text;
    role_fact facts[MAX_FACTS]; /* the whole set of the document's role facts */
} role_case;

static const char *show(const char *s) { return s ? s : "(null)"; }

static void dump(const attache_doc *d, char *out, size_t n)
{
    attache_role_view v;
    out[0] = '\0';
    for (size_t i = 0; attache_doc_role(d, i, &v); i++) {
        char line[512];
        snprintf(line, sizeof line, " [%s | %s | %s | %s]", v.person, v.title, v.role,
                 show(v.country));
        strncat(out, line, n - strlen(out) - 1);
    }
}

/* The document's role facts must be exactly `want`. */
static void check_roles(const char *date, const char *text, const role_fact *want)
{
    attache_doc *d = extract(date, text);
    char got[4096];
    dump(d, got, sizeof got);
    size_t n_want = 0;
    while (n_want < MAX_FACTS && want[n_want].person)
        n_want++;
    int used[64] = {0};
    size_t n_got = 0;
    attache_role_view v;
    while (attache_doc_role(d, n_got, &v))
        n_got++;
    ck_assert_msg(n_got == n_want, "\"%s\": %zu role facts expected, got %zu:%s", text, n_want,
                  n_got, got);
    for (size_t k = 0; k < n_want; k++) {
        const role_fact *f = &want[k];
        int found = 0;
        for (size_t i = 0; !found && attache_doc_role(d, i, &v); i++) {
            if (i < 64 && used[i])
                continue;
            if (!same_name(f->person, v.person))
                continue;
            if (!same_role(f->role, v.title) && !same_role(f->role, v.role))
                continue;
            if (f->country ? !v.country || strcmp(f->country, v.country) != 0 : v.country != NULL)
                continue;
            found = 1;
            if (i < 64)
                used[i] = 1;
        }
        ck_assert_msg(found, "\"%s\": missing (%s, %s, %s); got:%s", text, f->person, f->role,
                      show(f->country), got);
    }
    attache_doc_free(d);
}

#define DATE "2024-03-14"

/* ------------------------------------------------------------------ */
/* Demonym, possessive and "of COUNTRY" markers                         */

static const role_case marker_cases[] = {
    /* demonym + title + name */
    {"Kenyan President Amara Odhiambo arrived in Oslo on Monday.",
     {{"Amara Odhiambo", "President", "KE"}}},
    {"Norwegian Foreign Minister Ingrid Solberg opened the conference.",
     {{"Ingrid Solberg", "Foreign Minister", "NO"}}},
    {"The Brazilian Defence Minister Paulo Ferreira inspected the frigate.",
     {{"Paulo Ferreira", "Defence Minister", "BR"}}},
    {"Filipino Secretary of Foreign Affairs Maria Santos thanked the hosts.",
     {{"Maria Santos", "Secretary of Foreign Affairs", "PH"}}},
    {"Emirati Minister of State Khalid Al Nuaimi signed the memorandum.",
     {{"Khalid Al Nuaimi", "Minister of State", "AE"}}},
    /* possessive country */
    {"Peru's Foreign Minister Lucia Ramos welcomed the agreement.",
     {{"Lucia Ramos", "Foreign Minister", "PE"}}},
    {"Indonesia's President Budi Hartono spoke at the opening.",
     {{"Budi Hartono", "President", "ID"}}},
    {"China's Vice Premier Liu Changming chaired the session.",
     {{"Liu Changming", "Vice Premier", "CN"}}},
    /* "of COUNTRY" before the name */
    {"Prime Minister of Japan Kenji Sato addressed the assembly.",
     {{"Kenji Sato", "Prime Minister", "JP"}}},
    {"President of the Russian Federation Oleg Petrov signed the decree.",
     {{"Oleg Petrov", "President", "RU"}}},
    {"Minister for Foreign Affairs of Ireland Sean Gallagher attended the dinner.",
     {{"Sean Gallagher", "Minister for Foreign Affairs", "IE"}}},
    /* "of COUNTRY" after the name */
    {"Prime Minister Kenji Sato of Japan addressed the assembly.",
     {{"Kenji Sato", "Prime Minister", "JP"}}},
    {"Elena Ruiz, Foreign Minister of Chile, addressed the assembly.",
     {{"Elena Ruiz", "Foreign Minister", "CL"}}},
    {"President Kwame Mensah of Ghana opened the new terminal.",
     {{"Kwame Mensah", "President", "GH"}}},
    /* abbreviations of countries */
    {"U.S. Secretary of State John Harper arrived in Seoul.",
     {{"John Harper", "Secretary of State", "US"}}},
    {"UK Foreign Secretary David Ellison visited the embassy.",
     {{"David Ellison", "Foreign Secretary", "GB"}}},
};

START_TEST(test_marker)
{
    check_roles(DATE, marker_cases[_i].text, marker_cases[_i].facts);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Several offices: appositives, coordination, "also", "counterpart"    */

static const role_case office_cases[] = {
    /* coordination of two offices: two facts */
    {"Chinese State Councilor and Foreign Minister Zhao Ming met the press.",
     {{"Zhao Ming", "State Councilor", "CN"}, {"Zhao Ming", "Foreign Minister", "CN"}}},
    {"Belgian Deputy Prime Minister and Foreign Minister Anne Peeters arrived in Rabat.",
     {{"Anne Peeters", "Deputy Prime Minister", "BE"},
      {"Anne Peeters", "Foreign Minister", "BE"}}},
    /* an office containing "and": one fact */
    {"New Zealand's Minister of Foreign Affairs and Trade Sarah Collins arrived in Suva.",
     {{"Sarah Collins", "Minister of Foreign Affairs and Trade", "NZ"}}},
    {"French Minister for Europe and Foreign Affairs Claire Dubois visited Dakar.",
     {{"Claire Dubois", "Minister for Europe and Foreign Affairs", "FR"}}},
    /* appositive with several offices */
    {"Zhao Ming, member of the Political Bureau of the CPC Central Committee and foreign "
     "minister of China, addressed the forum.",
     {{"Zhao Ming", "member of the Political Bureau of the CPC Central Committee", "CN"},
      {"Zhao Ming", "foreign minister", "CN"}}},
    /* a demonym inside a list of offices places the office after it */
    {"Zhao Ming, member of the Political Bureau of the CPC Central Committee and Chinese "
     "foreign minister, addressed the forum.",
     {{"Zhao Ming", "member of the Political Bureau of the CPC Central Committee", "CN"},
      {"Zhao Ming", "foreign minister", "CN"}}},
    /* an "also" clause after a surname that stands for a full name */
    {"Portuguese Prime Minister Ana Duarte arrived in Rabat. Duarte, also the Defence Minister, "
     "inspected the port.",
     {{"Ana Duarte", "Prime Minister", "PT"}, {"Ana Duarte", "Defence Minister", "PT"}}},
    /* "also" clause */
    {"Chinese President Zhou Wei, also general secretary of the CPC Central Committee, gave a "
     "speech.",
     {{"Zhou Wei", "President", "CN"},
      {"Zhou Wei", "general secretary of the CPC Central Committee", "CN"}}},
    /* counterpart: the subject's office, the demonym's state */
    {"Foreign Minister Ana Duarte of Portugal held talks with her Japanese counterpart Hiroshi "
     "Tanaka in Lisbon.",
     {{"Ana Duarte", "Foreign Minister", "PT"}, {"Hiroshi Tanaka", "Foreign Minister", "JP"}}},
    /* acting holders hold the office */
    {"Acting Foreign Minister Omar Haddad of Jordan received the delegation.",
     {{"Omar Haddad", "Foreign Minister", "JO"}}},
};

START_TEST(test_offices)
{
    check_roles(DATE, office_cases[_i].text, office_cases[_i].facts);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Honorifics, surname-first names, lowercase titles                    */

static const role_case name_cases[] = {
    {"Indian External Affairs Minister Shri Arjun Mehta arrived in Colombo.",
     {{"Arjun Mehta", "External Affairs Minister", "IN"}}},
    {"Ethiopian Prime Minister Dr. Abebe Tadesse inaugurated the dam.",
     {{"Abebe Tadesse", "Prime Minister", "ET"}}},
    {"Qatari Minister of State H.E. Mr. Faisal Al Thani led the delegation.",
     {{"Faisal Al Thani", "Minister of State", "QA"}}},
    {"His Majesty King Tevita Fifita of Tonga opened the parliament.",
     {{"Tevita Fifita", "King", "TO"}}},
    /* surname first, in capitals */
    {"Japanese Foreign Minister SATO Kenji arrived in Manila.",
     {{"SATO Kenji", "Foreign Minister", "JP"}}},
    /* lower-case titles */
    {"The Chilean foreign minister Elena Ruiz said the talks were useful.",
     {{"Elena Ruiz", "foreign minister", "CL"}}},
    {"The talks were chaired by the Thai prime minister Somchai Wongsakul.",
     {{"Somchai Wongsakul", "prime minister", "TH"}}},
    /* initials kept in the fullest form */
    {"Australian Foreign Minister Penelope R. Walsh spoke to reporters.",
     {{"Penelope R. Walsh", "Foreign Minister", "AU"}}},
};

START_TEST(test_names)
{
    check_roles(DATE, name_cases[_i].text, name_cases[_i].facts);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Not roles: offices held no more or not yet; each sentence also names  */
/* a current holder, so an extractor that finds nothing fails too.       */

static const role_case excluded_cases[] = {
    {"Former President Carlos Mendes attended the ceremony hosted by Colombian President Sofia "
     "Vargas.",
     {{"Sofia Vargas", "President", "CO"}}},
    {"Moroccan Prime Minister Youssef Amrani laid a wreath at the tomb of the late King Hassan "
     "Idrissi.",
     {{"Youssef Amrani", "Prime Minister", "MA"}}},
    {"Ex-Prime Minister Lars Berg joined Danish Foreign Minister Mette Holm at the dinner.",
     {{"Mette Holm", "Foreign Minister", "DK"}}},
    {"Outgoing Prime Minister Pieter de Wit handed over to Dutch Prime Minister Anouk Visser.",
     {{"Anouk Visser", "Prime Minister", "NL"}}},
    {"Austrian Chancellor Markus Huber recalled that then-Foreign Minister Eva Gruber had "
     "signed the treaty.",
     {{"Markus Huber", "Chancellor", "AT"}}},
    {"President-elect Miguel Torres met Argentine Foreign Minister Diego Salas.",
     {{"Diego Salas", "Foreign Minister", "AR"}}},
    {"Foreign Minister-designate Tomas Novak was briefed by Czech Prime Minister Jana Kralova.",
     {{"Jana Kralova", "Prime Minister", "CZ"}}},
};

START_TEST(test_excluded)
{
    check_roles(DATE, excluded_cases[_i].text, excluded_cases[_i].facts);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Offices of international organisations have no country               */

static const role_case org_cases[] = {
    {"UN Secretary-General Antonio Ferreira called for a ceasefire.",
     {{"Antonio Ferreira", "UN Secretary-General", NULL}}},
    {"NATO Secretary General Jens Larsen visited the base in Estonia.",
     {{"Jens Larsen", "NATO Secretary General", NULL}}},
    {"WHO Director-General Amina Yusuf praised the vaccination campaign.",
     {{"Amina Yusuf", "WHO Director-General", NULL}}},
    {"President of the European Commission Ursula Becker arrived in Kyiv.",
     {{"Ursula Becker", "President of the European Commission", NULL}}},
};

START_TEST(test_orgs)
{
    check_roles(DATE, org_cases[_i].text, org_cases[_i].facts);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Country resolution beyond the marker, and one person per real person */

/* A surname, "Minister X" and "the Foreign Minister" later in the text are
 * the same person: one fact, on the full name. */
static const role_case people_cases[] = {
    {"Swedish Foreign Minister Maria Lindqvist arrived in Hanoi on Monday. Minister Lindqvist "
     "said the visit was overdue. Lindqvist also visited a school.",
     {{"Maria Lindqvist", "Foreign Minister", "SE"}}},
    {"Mr. Daniel Okafor, Nigeria's Minister of Foreign Affairs, spoke first. Okafor thanked the "
     "hosts.",
     {{"Daniel Okafor", "Minister of Foreign Affairs", "NG"}}},
    /* the person's country, settled once, holds for a later office of the same person */
    {"Portuguese Prime Minister Ana Duarte arrived in Rabat. Prime Minister Duarte later met "
     "students.",
     {{"Ana Duarte", "Prime Minister", "PT"}}},
    /* an office of one state only settles its country */
    {"State Councilor Zhao Ming chaired the meeting.", {{"Zhao Ming", "State Councilor", "CN"}}},
    {"Cabinet Secretary for Foreign and Diaspora Affairs Grace Wanjiru opened the session.",
     {{"Grace Wanjiru", "Cabinet Secretary for Foreign and Diaspora Affairs", "KE"}}},
};

START_TEST(test_people)
{
    check_roles(DATE, people_cases[_i].text, people_cases[_i].facts);
}
END_TEST

START_TEST(test_one_person)
{
    attache_doc *d = extract(DATE, "Swedish Foreign Minister Maria Lindqvist arrived in Hanoi "
                                   "on Monday. Lindqvist said the visit was overdue.");
    attache_counts c = attache_doc_counts(d);
    ck_assert_uint_eq(c.people, 1);
    ck_assert_uint_eq(c.roles, 1);
    attache_doc_free(d);
}
END_TEST

START_TEST(test_view_bounds)
{
    attache_doc *d = extract(DATE, "Kenyan President Amara Odhiambo arrived in Oslo on Monday.");
    attache_role_view v;
    memset(&v, 0, sizeof v);
    ck_assert_int_eq(attache_doc_role(d, 0, &v), 1);
    ck_assert_uint_eq(v.sentence, 0);
    ck_assert_int_eq(attache_doc_role(d, 1, &v), 0);
    ck_assert_int_eq(attache_doc_role(d, (size_t)-1, &v), 0);
    attache_doc_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("roles");
    TCase *tc = unit_group("markers");
    tcase_add_loop_test(tc, test_marker, 0, (int)N_OF(marker_cases));
    suite_add_tcase(s, tc);
    tc = unit_group("offices");
    tcase_add_loop_test(tc, test_offices, 0, (int)N_OF(office_cases));
    suite_add_tcase(s, tc);
    tc = unit_group("names");
    tcase_add_loop_test(tc, test_names, 0, (int)N_OF(name_cases));
    suite_add_tcase(s, tc);
    tc = unit_group("exclusions");
    tcase_add_loop_test(tc, test_excluded, 0, (int)N_OF(excluded_cases));
    suite_add_tcase(s, tc);
    tc = unit_group("organisations");
    tcase_add_loop_test(tc, test_orgs, 0, (int)N_OF(org_cases));
    suite_add_tcase(s, tc);
    tc = unit_group("people");
    tcase_add_loop_test(tc, test_people, 0, (int)N_OF(people_cases));
    tcase_add_test(tc, test_one_person);
    tcase_add_test(tc, test_view_bounds);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return unit_run(suite()); }
