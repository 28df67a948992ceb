/* test_gazetteer.c - unit tests of gazetteer.c: the reference data loads
 * from ontology/data, phrases are found by their folded tokens with the
 * kinds and indices the tables give, short all-capital forms match their
 * case only, same-named cities chain with capitals first, and malformed
 * files are refused with a message naming the file and the line. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gazetteer.h"
#include "grammar.h"
#include "tokens.h"
#include "unit.h"

static att_gaz *gaz;

static const char *data_dir(void)
{
    const char *d = getenv("ATTACHE_DATA");
    return d && *d ? d : "ontology/data";
}

static void gaz_up(void)
{
    char err[512];
    ck_assert_int_eq(gaz_load(data_dir(), &gaz, err, sizeof err), ATTACHE_SUCCESS);
}

static void gaz_down(void)
{
    gaz_free(gaz);
    gaz = NULL;
}

/* Folded key of a phrase, tokenized the way documents are. */
static const att_phrase *lookup(const char *phrase)
{
    att_tokens ts = {0};
    ck_assert(att_tokenize(phrase, 0, strlen(phrase), &ts));
    char key[512];
    size_t kl = att_tokens_key(phrase, ts.v, 0, ts.n, key);
    att_tokens_free(&ts);
    return gaz_get(gaz, key, kl);
}

/* ---------------------------------------------------------------- tables */

typedef struct {
    const char *phrase;
    unsigned kind;     /* a GZ_* kind the phrase must have */
    const char *code;  /* country alpha-2 of the hit (country/demonym/office scope), or NULL */
} phrase_case;

static const phrase_case phrase_cases[] = {
    /* names, formal names, abbreviations */
    {"Kenya", GZ_COUNTRY, "KE"},
    {"Republic of Korea", GZ_COUNTRY, "KR"},
    {"Russian Federation", GZ_COUNTRY, "RU"},
    {"People's Republic of China", GZ_COUNTRY, "CN"},
    {"United States of America", GZ_COUNTRY, "US"},
    {"U.S.", GZ_COUNTRY, "US"},
    {"UAE", GZ_COUNTRY, "AE"},
    {"Türkiye", GZ_COUNTRY, "TR"},
    {"Turkey", GZ_COUNTRY, "TR"},
    {"Holy See", GZ_COUNTRY, "VA"},
    {"Kosovo", GZ_COUNTRY, "XK"},
    {"Palestine", GZ_COUNTRY, "PS"},
    {"Taiwan", GZ_COUNTRY, "TW"},
    /* demonyms and adjectives */
    {"Emirati", GZ_DEMONYM, "AE"},
    {"Filipino", GZ_DEMONYM, "PH"},
    {"Philippine", GZ_DEMONYM, "PH"},
    {"Ivorian", GZ_DEMONYM, "CI"},
    {"Dutch", GZ_DEMONYM, "NL"},
    {"South Korean", GZ_DEMONYM, "KR"},
    /* case and accents are folded */
    {"KENYA", GZ_COUNTRY, "KE"},
    {"Turkiye", GZ_COUNTRY, "TR"},
};

START_TEST(test_phrases)
{
    const phrase_case *c = &phrase_cases[_i];
    const att_phrase *p = lookup(c->phrase);
    ck_assert_msg(p != NULL, "\"%s\" not found", c->phrase);
    ck_assert_msg(p->kinds & c->kind, "\"%s\": kinds %#x lack %#x", c->phrase, p->kinds,
                  c->kind);
    const att_country *k = gaz_country(gaz, p->country);
    ck_assert_msg(k && strcmp(k->a2, c->code) == 0, "\"%s\": country %s, expected %s", c->phrase,
                  k ? k->a2 : "(none)", c->code);
}
END_TEST

typedef struct {
    const char *phrase;
    const char *key;   /* canonical role key */
    const char *scope; /* alpha-2 of a single-state office, "org" or NULL (any state) */
} office_case;

static const office_case office_cases[] = {
    {"Foreign Minister", "foreign-minister", NULL},
    {"Minister of Foreign Affairs", "foreign-minister", NULL},
    {"minister for foreign affairs", "foreign-minister", NULL},
    {"Minister of Foreign Affairs and Trade", "minister-of-foreign-affairs-and-trade", NULL},
    {"State Councilor", "state-councilor", "CN"},
    {"External Affairs Minister", "external-affairs-minister", "IN"},
    {"Secretary of State", "secretary-of-state", "US"},
    {"Prime Minister", "prime-minister", NULL},
    {"Crown Prince", "crown-prince", NULL},
    {"Amir", "emir", NULL},
    {"Deputy Prime Minister", "deputy-prime-minister", NULL},
};

START_TEST(test_offices)
{
    const office_case *c = &office_cases[_i];
    const att_phrase *p = lookup(c->phrase);
    ck_assert_msg(p && (p->kinds & GZ_OFFICE), "\"%s\" is not an office", c->phrase);
    const att_office *o = gaz_office(gaz, p->office);
    ck_assert_ptr_nonnull(o);
    ck_assert_str_eq(o->key, c->key);
    const att_country *k = gaz_country(gaz, o->country);
    if (c->scope)
        ck_assert_msg(k && strcmp(k->a2, c->scope) == 0, "\"%s\": scope %s, expected %s",
                      c->phrase, k ? k->a2 : "(any)", c->scope);
    else
        ck_assert_msg(k == NULL, "\"%s\": scope %s, expected any state", c->phrase, k->a2);
}
END_TEST

/* Offices of international organisations carry their organisation. */
START_TEST(test_org_offices)
{
    const att_phrase *p = lookup("Secretary-General of the United Nations");
    ck_assert_ptr_nonnull(p);
    ck_assert(p->kinds & GZ_OFFICE);
    const att_office *o = gaz_office(gaz, p->office);
    ck_assert_int_ge(o->org, 0);
    ck_assert_int_lt(o->country, 0);
    const att_phrase *un = lookup("UN");
    ck_assert_ptr_nonnull(un);
    ck_assert(un->kinds & GZ_ORG);
    ck_assert_int_eq(un->org, o->org);
}
END_TEST

/* Lookups through a sentence: "US" is the country, "us" is not; a phrase
 * is taken whole ("New Delhi", not "New"). */
START_TEST(test_exact_case_and_longest)
{
    attache_doc *d = extract("2024-01-01", "They told us that US envoys met in New Delhi.");
    att_ctx c;
    g_ctx(&c, world, d, 0);
    const att_phrase *p;
    size_t us_lower = 0, us_upper = 0, delhi = 0;
    for (size_t i = c.tb; i < c.te; i++) {
        if (g_is(&c, i, "us") && g_tok(&c, i)->allcaps)
            us_upper = i;
        else if (g_is(&c, i, "us"))
            us_lower = i;
        if (g_is(&c, i, "new"))
            delhi = i;
    }
    ck_assert_uint_gt(us_lower, 0);
    ck_assert_uint_gt(us_upper, 0);
    ck_assert_uint_eq(g_gaz(&c, us_lower, GZ_COUNTRY, &p), 0);
    ck_assert_uint_eq(g_gaz(&c, us_upper, GZ_COUNTRY, &p), 1);
    ck_assert_uint_eq(g_gaz(&c, delhi, GZ_CITY, &p), 2);
    attache_doc_free(d);
}
END_TEST

/* Cities that share a name chain together, capitals first. */
START_TEST(test_city_chain)
{
    const att_phrase *p = lookup("Washington");
    ck_assert_ptr_nonnull(p);
    ck_assert(p->kinds & GZ_CITY);
    const att_city *first = gaz_city(gaz, p->city);
    ck_assert_ptr_nonnull(first);
    ck_assert(first->capital);
    const att_country *us = gaz_country(gaz, first->country);
    ck_assert_str_eq(us->a2, "US");
    int n = 0;
    for (int c = p->city; c >= 0 && n < 100; c = gaz_city(gaz, c)->next)
        n++;
    ck_assert_int_gt(n, 1);
    ck_assert_int_lt(n, 100); /* no cycle */
}
END_TEST

/* A malformed table is refused, naming the file and the line. */
START_TEST(test_malformed)
{
    char dir[] = "/tmp/attache-gaz-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[600];
    const char *files[] = {"orgs.tsv", "offices.tsv", "cities.tsv", "lexicon.tsv"};
    const char *headers[] = {"key\tname\tnames\tqid\n", "key\tlabel\tscope\tforms\n",
                             "name\talpha2\tgeonameid\taltnames\n", "word\tclass\tvalue\n"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        FILE *fp = fopen(path, "w");
        ck_assert_ptr_nonnull(fp);
        fputs(headers[i], fp);
        fclose(fp);
    }
    snprintf(path, sizeof path, "%s/countries.tsv", dir);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("alpha2\talpha3\tqid\tname\tnames\tdemonyms\tcapital\tseats\n"
          "KE\tKEN\tQ114\tKenya\n",
          fp);
    fclose(fp);
    att_gaz *g = NULL;
    char err[512];
    ck_assert_int_eq(gaz_load(dir, &g, err, sizeof err), ATTACHE_ERR_DATA);
    ck_assert_ptr_null(g);
    ck_assert_msg(strstr(err, "countries.tsv") && strstr(err, ":2:"), "message: %s", err);
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/countries.tsv", dir);
    unlink(path);
    rmdir(dir);
    gaz_free(NULL); /* a no-op */
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("gazetteer");
    TCase *tc = tcase_create("phrases");
    tcase_add_unchecked_fixture(tc, gaz_up, gaz_down);
    tcase_add_loop_test(tc, test_phrases, 0, (int)N_OF(phrase_cases));
    tcase_add_loop_test(tc, test_offices, 0, (int)N_OF(office_cases));
    tcase_add_test(tc, test_org_offices);
    tcase_add_test(tc, test_city_chain);
    suite_add_tcase(s, tc);
    tc = tcase_create("documents");
    tcase_add_unchecked_fixture(tc, world_up, world_down);
    tcase_add_test(tc, test_exact_case_and_longest);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, test_malformed);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return unit_run(suite()); }
