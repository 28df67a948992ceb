/* test_grammar.c - unit tests of grammar.c's shortcuts: the per-token
 * predicate cache (g_tok_pred, g_notnow) answers as the predicates worked
 * out afresh do, g_kinds covers every kind g_gaz can find, and g_in's
 * prepared lists (with their length and hash filters) agree with a plain
 * scan of the list. Over every token of the documents below and of
 * the .txt files of samples/, read with attache_doc_read_mem; the cache is asked both
 * before anything else touched the tokens and after attache_extract
 * filled it. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "grammar.h"
#include "unit.h"

/* Sentences with the words the predicates are about: not-now titles
 * (former, late, ex-, then-, outgoing, -elect, designate, incoming),
 * name particles ("al-Assad", "von der Leyen"), honorifics, "He"/"HE",
 * months and weekdays, function words, acronyms of states and
 * organisations, thing words, and non-ASCII words. */
static const char *const DOCS[] = {
    "Former President Barack Obama met ex-Prime Minister Tony Blair and then-Foreign "
    "Minister Wang Yi in Beijing on Monday, 3 March 2024. The late King Hussein was "
    "remembered. Then-President Trump spoke.\n\nPresident-elect Joe Biden and Prime "
    "Minister designate Kim called the outgoing Chancellor. Incoming Secretary-General "
    "Ex-Minister Smith attended.",
    "H.E. Mr. Sergey Lavrov, Minister of Foreign Affairs of the Russian Federation, held "
    "talks with His Highness Sheikh Abdullah bin Zayed Al Nahyan. President Bashar "
    "al-Assad and President Abdel Fattah el-Sisi of Egypt met Ursula von der Leyen, "
    "President of the European Commission.\n\nVice Premier He Lifeng met HE Safadi. He "
    "said the NATO and UN summit in the USA was useful. The EU-China Summit will be held "
    "in June; during the Summit, the Council met at the Palace.",
    "Secretary of State Antony J. Blinken spoke with Japanese Foreign Minister Hayashi "
    "Yoshimasa. Ministra de Relaciones Exteriores María Ángela Holguín met Señor "
    "José Müller in Bogotá. The acting Minister of Defence and the interim President "
    "of the Republic of Moldova attended, with Martin Luther King, Jr. and SAUDI "
    "Crown Prince Mohammed bin Salman.",
    "(Xinhua) -- Chinese President Xi Jinping on Tuesday held talks with his Russian "
    "counterpart Vladimir Putin, the Governor of Norte de Santander, and the former and "
    "the incoming Ministers. U.S.-India ties and the China-EU dialogue, said Mr Modi.",
};

#define N_PREDS 4
static const unsigned PREDS[N_PREDS] = {G_TB_NOTNOW, G_TB_NAMEWORD, G_TB_FUNCTION,
                                        G_TB_HONORIFIC};

static const unsigned KINDS[] = {GZ_COUNTRY, GZ_DEMONYM, GZ_OFFICE, GZ_CITY,      GZ_VENUE,
                                 GZ_ORG,     GZ_LEX,     GZ_TITLEWORD, GZ_REGION};

static const char *const LISTS[] = {"his|her|their|its", "the|a|an|his|her|their",
                                    "of|for|on|to", "and|of|for|the|&|on",
                                    "in|at|to|from|of|on|near|visiting|via",
                                    "also|currently|now|the|a|an|concurrently|new|newly",
                                    "conveyed|convey|conveys|conveying", "counterpart|counterparts",
                                    "de|del|la|do|da|of", "Señor|müller|he"};

static attache_doc *read_doc(const char *text)
{
    attache_doc_options o;
    memset(&o, 0, sizeof o);
    o.id = "grammar";
    attache_doc *d = NULL;
    ck_assert_int_eq(attache_doc_read_mem(world, "grammar", text, strlen(text), &o, &d),
                     ATTACHE_SUCCESS);
    return d;
}

/* g_in's answer by scanning the list, as the prepared sets must give. */
static int in_list(const att_ctx *c, size_t i, const char *words)
{
    if (i >= c->te || g_tok(c, i)->kind == TK_PUNCT)
        return 0;
    const att_token *t = g_tok(c, i);
    size_t n = t->e - t->b;
    for (const char *p = words; *p;) {
        size_t wn = strcspn(p, "|");
        if (wn == n && g_same_word(c->d->text + t->b, p, n))
            return 1;
        p += wn;
        if (*p == '|')
            p++;
    }
    return 0;
}

/* Every token of every sentence (and one past the end) against the
 * uncached predicates; `cached_first` asks the cache before anything else. */
static size_t check_doc(attache_doc *d, int cached_first)
{
    size_t checked = 0;
    for (size_t s = 0; s < d->n_sents; s++) {
        att_ctx c;
        g_ctx(&c, world, d, s);
        for (size_t i = c.tb; i <= c.te; i++) {
            for (size_t k = 0; k < N_PREDS; k++) {
                int a, b;
                if (cached_first) {
                    a = g_tok_pred(&c, i, PREDS[k]);
                    b = g_tok_pred_uncached(&c, i, PREDS[k]);
                } else {
                    b = g_tok_pred_uncached(&c, i, PREDS[k]);
                    a = g_tok_pred(&c, i, PREDS[k]);
                }
                ck_assert_msg(a == b, "predicate %u of token %zu (sentence %zu): cached %d, "
                                      "afresh %d", PREDS[k], i, s, a, b);
                /* asked again: from the cache now */
                ck_assert_int_eq(g_tok_pred(&c, i, PREDS[k]), b);
                checked++;
            }
            ck_assert_int_eq(g_notnow(&c, i), g_tok_pred_uncached(&c, i, G_TB_NOTNOW));
            unsigned kinds = g_kinds(&c, i);
            for (size_t k = 0; k < N_OF(KINDS); k++) {
                const att_phrase *p;
                if (g_gaz(&c, i, KINDS[k], &p))
                    ck_assert_msg(kinds & KINDS[k], "token %zu: g_gaz finds kind %u, g_kinds "
                                                    "says none", i, KINDS[k]);
            }
            for (size_t k = 0; k < N_OF(LISTS); k++)
                ck_assert_int_eq(g_in(&c, i, LISTS[k]), in_list(&c, i, LISTS[k]));
        }
    }
    return checked;
}

static void check_text(const char *text)
{
    for (int cached_first = 0; cached_first < 2; cached_first++) {
        attache_doc *d = read_doc(text);
        ck_assert_uint_gt(check_doc(d, cached_first), 0);
        /* the extractors filled the cache their own way */
        ck_assert_int_eq(attache_extract(world, d), ATTACHE_SUCCESS);
        check_doc(d, cached_first);
        attache_doc_free(d);
    }
}

START_TEST(cache_agrees_written)
{
    check_text(DOCS[_i]);
}
END_TEST

/* The .txt files of samples/ in the source tree ($ATTACHE_DATA is its ontology/data). */
START_TEST(cache_agrees_samples)
{
    const char *data = getenv("ATTACHE_DATA");
    ck_assert_ptr_nonnull(data);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/../../samples", data);
    DIR *dh = opendir(dir);
    ck_assert_ptr_nonnull(dh);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(dh));) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        ck_assert_ptr_nonnull(f);
        static char buf[1 << 20];
        size_t len = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[len] = '\0';
        check_text(buf);
        n++;
    }
    closedir(dh);
    ck_assert_uint_gt(n, 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("grammar");
    TCase *tc = unit_group("token cache");
    tcase_add_loop_test(tc, cache_agrees_written, 0, (int)N_OF(DOCS));
    tcase_add_test(tc, cache_agrees_samples);
    suite_add_tcase(s, tc);
    return unit_run(s);
}
