/* test_iri.c - unit tests of iri.c: deterministic IRIs. The same person,
 * country, place or meeting named differently or in two documents gets one
 * IRI; different ones get different IRIs; document names are
 * percent-encoded; scheduled events are not keyed by their date. Tables of
 * names written for these tests, plus whole documents through the writer
 * (N-Triples into a memory stream) on one world per TCase. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attache/attache.h"
#include "iri.h"
#include "util.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define BASE "https://example.org/kg/"

static char iri_buf[4][512];

/* iri_person into a static slot. */
static const char *person(int slot, const char *name)
{
    att_buf b;
    buf_init(&b);
    ck_assert_int_eq(iri_person(&b, BASE, name), 1);
    snprintf(iri_buf[slot], sizeof iri_buf[slot], "%s", buf_cstr(&b));
    buf_free(&b);
    return iri_buf[slot];
}

/* ------------------------------------------------------------------ */
/* People                                                               */

typedef struct {
    const char *a, *b;
    int same;
} pair_case;

static const pair_case person_cases[] = {
    /* initials, honorifics and suffixes folded */
    {"Daniel J. Harper", "Daniel Harper", 1},
    {"Mr. Daniel Harper", "Daniel Harper", 1},
    {"Dr. Abebe Tadesse", "Abebe Tadesse", 1},
    {"H.E. Faisal Al Thani", "Faisal Al Thani", 1},
    {"Shri Arjun Mehta", "Arjun Mehta", 1},
    {"Carlos Mendes Jr.", "Carlos Mendes", 1},
    /* word order (surname first) and case */
    {"SATO Kenji", "Kenji Sato", 1},
    {"Kenji SATO", "kenji sato", 1},
    /* accents */
    {"Mélanie Joly", "Melanie Joly", 1},
    {"Nguyễn Văn An", "Nguyen Van An", 1},
    {"Ursula Böhm", "Ursula Bohm", 1},
    /* different people */
    {"Kenji Sato", "Kenji Saito", 0},
    {"Daniel Harper", "Daniela Harper", 0},
    {"Amara Odhiambo", "Amara Odhiambo Otieno", 0},
    {"Zhao Ming", "Zhao Minghua", 0},
};

START_TEST(test_person)
{
    const pair_case *c = &person_cases[_i];
    const char *a = person(0, c->a);
    const char *b = person(1, c->b);
    ck_assert_msg((strcmp(a, b) == 0) == c->same, "\"%s\" -> %s, \"%s\" -> %s", c->a, a, c->b,
                  b);
    ck_assert_int_eq(strncmp(a, BASE "person/", strlen(BASE "person/")), 0);
    /* the same name twice: the same IRI */
    ck_assert_str_eq(person(2, c->a), a);
}
END_TEST

/* An IRI's local part is safe: [a-z0-9-] only. */
START_TEST(test_person_chars)
{
    const char *names[] = {"Nguyễn Văn An", "Ma'ruf Amin", "Akufo-Addo", "Президент Путин",
                           "O'Sullivan, Jr."};
    for (size_t i = 0; i < N_OF(names); i++) {
        const char *p = person(0, names[i]) + strlen(BASE "person/");
        ck_assert_uint_gt(strlen(p), 0);
        for (; *p; p++)
            ck_assert_msg((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-',
                          "%s: '%c'", names[i], *p);
    }
}
END_TEST

/* ------------------------------------------------------------------ */
/* Countries, places, time, documents                                   */

START_TEST(test_country_time)
{
    att_buf b;
    buf_init(&b);
    ck_assert_int_eq(iri_country(&b, BASE, "JP"), 1);
    ck_assert_str_eq(buf_cstr(&b), BASE "country/JP");
    buf_free(&b);
    buf_init(&b);
    ck_assert_int_eq(iri_time(&b, BASE, "2024-03-14"), 1);
    ck_assert_str_eq(buf_cstr(&b), BASE "time/2024-03-14");
    buf_free(&b);
}
END_TEST

typedef struct {
    const char *name, *a2, *geonameid;
    const char *name2, *a2_2, *geonameid2;
    int same;
} place_case;

static const place_case place_cases[] = {
    {"Oslo", "NO", "3143244", "Oslo", "NO", "3143244", 1},
    /* a venue without GeoNames: name and country */
    {"Grand Hotel", "NO", NULL, "Grand Hotel", "NO", NULL, 1},
    {"Grand Hotel", "NO", NULL, "GRAND HOTEL", "NO", NULL, 1},
    {"Palácio do Itamaraty", "BR", NULL, "Palacio do Itamaraty", "BR", NULL, 1},
    {"Grand Hotel", "NO", NULL, "Grand Hotel", "SE", NULL, 0},
    {"Grand Hotel", "NO", NULL, "Grand Palace", "NO", NULL, 0},
    /* two cities of one name in two countries */
    {"Victoria", "CA", "6174041", "Victoria", "SC", "241131", 0},
};

static void place_iri(char *out, size_t n, const char *name, const char *a2, const char *gid)
{
    att_buf b;
    buf_init(&b);
    ck_assert_int_eq(iri_place(&b, BASE, name, a2, gid), 1);
    snprintf(out, n, "%s", buf_cstr(&b));
    buf_free(&b);
}

START_TEST(test_place)
{
    const place_case *c = &place_cases[_i];
    char a[512], b[512];
    place_iri(a, sizeof a, c->name, c->a2, c->geonameid);
    place_iri(b, sizeof b, c->name2, c->a2_2, c->geonameid2);
    ck_assert_msg((strcmp(a, b) == 0) == c->same, "%s vs %s", a, b);
    ck_assert_int_eq(strncmp(a, BASE "place/", strlen(BASE "place/")), 0);
}
END_TEST

typedef struct {
    const char *id, *iri;
} doc_case;

static const doc_case doc_cases[] = {
    {"oslo-talks", BASE "doc/oslo-talks"},
    {"oslo talks", BASE "doc/oslo%20talks"},
    {"2024/oslo", BASE "doc/2024%2Foslo"},
    {"a-b_c.d~e", BASE "doc/a-b_c.d~e"},
    {"Hà Nội", BASE "doc/H%C3%A0%20N%E1%BB%99i"},
    {"50%#?", BASE "doc/50%25%23%3F"},
    {"<x>\"y\"", BASE "doc/%3Cx%3E%22y%22"},
};

START_TEST(test_doc)
{
    att_buf b;
    buf_init(&b);
    ck_assert_int_eq(iri_doc(&b, BASE, doc_cases[_i].id), 1);
    ck_assert_str_eq(buf_cstr(&b), doc_cases[_i].iri);
    buf_free(&b);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Meetings and scheduled events                                        */

static void meeting_iri(char *out, size_t n, const char *date, const char *const *people,
                        size_t np, const char *doc)
{
    att_buf b;
    buf_init(&b);
    ck_assert_int_eq(iri_meeting(&b, BASE, date, people, np, doc), 1);
    snprintf(out, n, "%s", buf_cstr(&b));
    buf_free(&b);
}

START_TEST(test_meeting)
{
    const char *ab[] = {"Amara Odhiambo", "Ingrid Solberg"};
    const char *ba[] = {"Ingrid Solberg", "Amara Odhiambo"};
    const char *forms[] = {"Mrs. Ingrid M. Solberg", "ODHIAMBO Amara"};
    const char *ac[] = {"Amara Odhiambo", "Luis Moreno"};
    const char *abc[] = {"Amara Odhiambo", "Ingrid Solberg", "Luis Moreno"};
    char x[512], y[512];
    meeting_iri(x, sizeof x, "2024-03-12", ab, 2, "doc-a");
    ck_assert_int_eq(strncmp(x, BASE "event/meeting-2024-03-12-",
                             strlen(BASE "event/meeting-2024-03-12-")),
                     0);
    /* participant order, name forms and the document do not matter when dated */
    meeting_iri(y, sizeof y, "2024-03-12", ba, 2, "doc-b");
    ck_assert_str_eq(x, y);
    meeting_iri(y, sizeof y, "2024-03-12", forms, 2, "doc-c");
    ck_assert_str_eq(x, y);
    /* another day, another participant, one more participant */
    meeting_iri(y, sizeof y, "2024-03-13", ab, 2, "doc-a");
    ck_assert_str_ne(x, y);
    meeting_iri(y, sizeof y, "2024-03-12", ac, 2, "doc-a");
    ck_assert_str_ne(x, y);
    meeting_iri(y, sizeof y, "2024-03-12", abc, 3, "doc-a");
    ck_assert_str_ne(x, y);
    /* undated: the document keeps two documents' undated meetings apart */
    meeting_iri(x, sizeof x, NULL, ab, 2, "doc-a");
    meeting_iri(y, sizeof y, NULL, ba, 2, "doc-a");
    ck_assert_str_eq(x, y);
    meeting_iri(y, sizeof y, NULL, ab, 2, "doc-b");
    ck_assert_str_ne(x, y);
}
END_TEST

START_TEST(test_event)
{
    const char *p1[] = {"CN", "PK"};
    const char *p2[] = {"PK", "CN"};
    const char *p3[] = {"CN", "IN"};
    char x[512], y[512];
    att_buf b;
    buf_init(&b);
    ck_assert_int_eq(iri_event(&b, BASE, "10th meeting of the Joint Committee", p1, 2), 1);
    snprintf(x, sizeof x, "%s", buf_cstr(&b));
    buf_free(&b);
    ck_assert_int_eq(strncmp(x, BASE "event/", strlen(BASE "event/")), 0);
    buf_init(&b);
    ck_assert_int_eq(iri_event(&b, BASE, "10th Meeting of the Joint Committee", p2, 2), 1);
    snprintf(y, sizeof y, "%s", buf_cstr(&b));
    buf_free(&b);
    ck_assert_str_eq(x, y); /* case and party order folded */
    buf_init(&b);
    ck_assert_int_eq(iri_event(&b, BASE, "10th meeting of the Joint Committee", p3, 2), 1);
    ck_assert_str_ne(x, buf_cstr(&b)); /* other parties: another event */
    buf_free(&b);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Whole documents: the IRIs two readouts share                          */

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

/* The N-Triples of one document (caller frees). */
static char *ntriples(const char *id, const char *date, const char *text)
{
    char buf[4096];
    snprintf(buf, sizeof buf, " date %s\n\n%s\n", date, text);
    attache_doc_options o;
    memset(&o, 0, sizeof o);
    o.id = id;
    attache_doc *d = NULL;
    ck_assert_int_eq(attache_doc_read_mem(world, id, buf, strlen(buf), &o, &d), ATTACHE_SUCCESS);
    ck_assert_int_eq(attache_extract(world, d), ATTACHE_SUCCESS);
    char *mem = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&mem, &len);
    ck_assert_ptr_nonnull(fp);
    attache_writer *wr = NULL;
    ck_assert_int_eq(attache_writer_new(world, "ntriples", fp, &wr), ATTACHE_SUCCESS);
    ck_assert_int_eq(attache_writer_write(wr, d), ATTACHE_SUCCESS);
    ck_assert_int_eq(attache_writer_free(wr), ATTACHE_SUCCESS);
    ck_assert_int_eq(fclose(fp), 0);
    attache_doc_free(d);
    return mem;
}

/* The sorted, distinct subject IRIs starting ATTACHE_DEFAULT_BASE KIND of an
 * N-Triples text, joined by spaces. */
static void subjects(const char *nt, const char *kind, char *out, size_t n)
{
    char prefix[128];
    snprintf(prefix, sizeof prefix, "<" ATTACHE_DEFAULT_BASE "%s", kind);
    char list[64][256];
    size_t k = 0;
    for (const char *line = nt; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, prefix, strlen(prefix)) != 0)
            continue;
        const char *e = strchr(line, '>');
        size_t l = (size_t)(e - line + 1);
        if (l >= sizeof list[0])
            continue;
        char iri[256];
        memcpy(iri, line, l);
        iri[l] = '\0';
        int seen = 0;
        for (size_t i = 0; i < k && !seen; i++)
            seen = strcmp(list[i], iri) == 0;
        if (!seen && k < 64)
            snprintf(list[k++], sizeof list[0], "%s", iri);
    }
    for (size_t i = 1; i < k; i++)
        for (size_t j = i; j > 0 && strcmp(list[j - 1], list[j]) > 0; j--) {
            char t[256];
            memcpy(t, list[j], sizeof t);
            memcpy(list[j], list[j - 1], sizeof t);
            memcpy(list[j - 1], t, sizeof t);
        }
    out[0] = '\0';
    for (size_t i = 0; i < k; i++) {
        if (i)
            strncat(out, " ", n - strlen(out) - 1);
        strncat(out, list[i], n - strlen(out) - 1);
    }
}

/* Two readouts of one meeting, from each side, worded differently. */
START_TEST(test_two_documents)
{
    char *a = ntriples("oslo-ke", "2024-03-14",
                       "Kenyan President Amara Odhiambo held talks with Norwegian Foreign "
                       "Minister Ingrid Solberg in Oslo on Tuesday.");
    char *b = ntriples("oslo-no", "2024-03-13",
                       "OSLO, March 12 (NTB) -- Foreign Minister SOLBERG Ingrid of Norway "
                       "received President Amara Odhiambo of Kenya in Oslo today.");
    static const char *const kinds[] = {"person/", "country/", "place/",
                                         "event/meeting-2024-03-12-"};
    for (size_t i = 0; i < N_OF(kinds); i++) {
        char sa[4096], sb[4096];
        subjects(a, kinds[i], sa, sizeof sa);
        subjects(b, kinds[i], sb, sizeof sb);
        ck_assert_msg(sa[0] != '\0', "no %s IRI in the first document", kinds[i]);
        ck_assert_str_eq(sa, sb);
    }
    char sa[4096], sb[4096];
    subjects(a, "person/", sa, sizeof sa);
    ck_assert_ptr_nonnull(strchr(sa, ' ')); /* two people */
    subjects(a, "country/", sa, sizeof sa);
    ck_assert_str_eq(sa, "<" ATTACHE_DEFAULT_BASE "country/KE> <" ATTACHE_DEFAULT_BASE
                          "country/NO>");
    /* the documents themselves differ, percent-encoded names included */
    subjects(a, "doc/", sa, sizeof sa);
    subjects(b, "doc/", sb, sizeof sb);
    ck_assert_str_ne(sa, sb);
    free(a);
    free(b);
}
END_TEST

/* A scheduled event is the same event whatever time each readout gives. */
START_TEST(test_event_not_keyed_by_date)
{
    char *a = ntriples("sched-a", "2024-03-14",
                       "Kenya and Norway agreed that the fifth round of the energy dialogue "
                       "will be held in Nairobi in October.");
    char *b = ntriples("sched-b", "2024-05-20",
                       "Kenya and Norway confirmed that the fifth round of the energy dialogue "
                       "will be held in Nairobi on 14 October.");
    char sa[4096], sb[4096];
    subjects(a, "event/", sa, sizeof sa);
    subjects(b, "event/", sb, sizeof sb);
    ck_assert_msg(sa[0] != '\0', "no scheduled event extracted");
    ck_assert_str_eq(sa, sb);
    free(a);
    free(b);
}
END_TEST

START_TEST(test_doc_name_encoded)
{
    char *a = ntriples("Hà Nội talks/1", "2024-03-14",
                       "Kenyan President Amara Odhiambo arrived in Hanoi.");
    ck_assert_ptr_nonnull(strstr(a, "<" ATTACHE_DEFAULT_BASE "doc/H%C3%A0%20N%E1%BB%99i%20talks%2F1>"));
    ck_assert_ptr_null(strstr(a, "doc/Hà"));
    free(a);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("iri");
    TCase *tc = tcase_create("keys");
    tcase_add_loop_test(tc, test_person, 0, (int)N_OF(person_cases));
    tcase_add_test(tc, test_person_chars);
    tcase_add_test(tc, test_country_time);
    tcase_add_loop_test(tc, test_place, 0, (int)N_OF(place_cases));
    tcase_add_loop_test(tc, test_doc, 0, (int)N_OF(doc_cases));
    tcase_add_test(tc, test_meeting);
    tcase_add_test(tc, test_event);
    suite_add_tcase(s, tc);
    tc = tcase_create("documents");
    tcase_add_unchecked_fixture(tc, world_up, world_down);
    tcase_add_test(tc, test_two_documents);
    tcase_add_test(tc, test_event_not_keyed_by_date);
    tcase_add_test(tc, test_doc_name_encoded);
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
