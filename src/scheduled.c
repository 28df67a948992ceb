/* scheduled.c - agreement – scheduled-for.
 *
 * A future event that a readout says was agreed, confirmed, planned or
 * scheduled, with a stated time. The triggers (ATT_RE_SCHED_TRIGGER) come in
 * three kinds and each says where the event's noun phrase is:
 *   subject  "the 10th meeting of the JCC will be held in late September"
 *            "the Arab League summit, which will be held in Manama next month"
 *            "the Crimea Platform, whose inaugural summit will take place ..."
 *            "the Joint Committee will meet again later this year" (a meeting of it)
 *   object   "will attend the 59th Munich Security Conference on Saturday"
 *            "is scheduled to hold talks with ... on Tuesday morning"
 *            "the Ukraine Reform Conference, which Switzerland will host ..."
 *            "the visit that President X will pay to Mexico in February"
 *   noun     "preparations for the China-EU summit later this year"
 *            "looked forward to China's participation in the AI Safety Summit ..."
 * The time is the most specific settled time expression of the event's own
 * clause (att_times_find, future direction), else a time that opens the
 * sentence ("On Friday, ..."). Events with no time, with only an unsettled
 * one ("in the near future"), hypothetical, called off, invitations not taken
 * up and anniversaries are left out.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "grammar.h"
#include "util.h"

#define MAX_TIMES 32
#define MAX_TRIG 32
#define NP_MAX 28
#define NONE ((size_t)-1)

/* Nouns that name an event (or what meets): an "of"/"to" after them stays in
 * the noun phrase, and "for" + such a phrase after a visit is the event. */
#define EVENT_NOUNS                                                                                \
    "meeting|meetings|session|sessions|round|summit|conference|visit|visits|trip|tour|ceremony|"  \
    "funeral|dialogue|talks|forum|consultations|consultation|commission|committee|council|"       \
    "delegation|opening|sidelines|margins|edition|congress|assembly|election|elections|"          \
    "gathering|exercise|exercises|games|olympics|festival|expo|exhibition|celebration|"           \
    "negotiations|discussions|speech|lecture|remarks|address|signing|inauguration|retreat|"      \
    "conversation|call|platform|format|presidency|parade|debate|launch|reunion|cup|delivery"

/* Words that end a noun phrase read forwards. */
#define NP_STOP                                                                                    \
    "which|who|whom|whose|that|where|when|while|before|after|during|because|so|if|unless|until|" \
    "since|although|though|but|whereas|amid|following|including|involving|aimed|focusing|"       \
    "featuring|covering|said|says|according|once|than|together|again|respectively|thereby"

/* Verbs of a purpose clause ("to continue the mediation effort"). */
#define PURPOSE_VERBS                                                                              \
    "attend|participate|take|discuss|continue|prepare|consider|review|strengthen|promote|sign|"   \
    "meet|hold|deepen|explore|boost|celebrate|mark|further|address|deliver|launch|help|support|" \
    "advance|build|finalize|finalise|seek|push|work|ensure|exchange|follow|step|enhance|expand|" \
    "coordinate|conclude|implement|assess|evaluate|reaffirm|brief|present|negotiate|resolve|"    \
    "settle|agree|decide|establish|open|visit|receive|commemorate|honour|honor|pay|make|give|"   \
    "talk|speak|lay|inaugurate|co-chair|chair|lead|be|have|sit|see|bring|move|put|set|keep|"     \
    "tour|return|travel|fly|go|join|mediate|host|unveil|witness|cooperate|boost|revive|restore"

/* Words that end a subject read backwards. */
#define SUBJ_STOP                                                                                  \
    "that|which|who|whose|and|but|said|says|told|noted|announced|added|stated|confirmed|agreed|" \
    "decided|expects|expected|hoped|hopes|believes|stressed|informed|explained|reported|"        \
    "revealed|while|when|where|if|as|because|after|before|since|whereas|so|meanwhile|however|"   \
    "also|thus|then|now|ensure|ensured|announce|hope|believe|expect|say|know|knows|knew|learned|" \
    "understand|understood|indicated|indicate|showed|shows|show|mean|means|meant|under|by|with|" \
    "from|for|about|to|of|at|on|in|into|ahead|toward|towards"

typedef struct {
    size_t b, e; /* token span */
    att_time t;
} stime;

typedef struct {
    const attache_world *w;
    attache_doc *d;
    att_ctx c;
    size_t s;
    const char *txt; /* the document text */
    size_t sb, se;   /* byte span of the sentence */
    stime times[MAX_TIMES];
    size_t nt;
    size_t trig[MAX_TRIG]; /* first token of every trigger of the sentence */
    size_t ntrig;
    pcre2_match_data *md;
    pcre2_match_context *mc; /* its offset limit is set by each re_find_in (owned) */
    const att_pf_span *pfs;  /* the listed words of the sentence (doc_pf_span) */
} sstate;

/* A found event before it becomes a fact. */
typedef struct {
    att_buf label;
    size_t cb, ce;  /* the clause: tokens whose countries are the parties */
    size_t rb, re;  /* where its time is looked for */
    int adjacent;   /* the time must follow the noun phrase at rb directly */
    size_t lead;    /* the trigger's first token */
} cand;

/* ------------------------------------------------------------ tokens */

static const att_token *T(const sstate *st, size_t i) { return g_tok(&st->c, i); }
static int is_word(const sstate *st, size_t i)
{
    return i < st->c.te && T(st, i)->kind == TK_WORD;
}
static int is_cap(const sstate *st, size_t i)
{
    return i < st->c.te && (T(st, i)->kind == TK_WORD || T(st, i)->kind == TK_NUM) &&
           (T(st, i)->upper || T(st, i)->kind == TK_NUM);
}
static int is_lower(const sstate *st, size_t i) { return is_word(st, i) && !T(st, i)->upper; }
static int is_punct(const sstate *st, size_t i)
{
    return i >= st->c.te || T(st, i)->kind == TK_PUNCT;
}
static int in(const sstate *st, size_t i, const char *words) { return g_in(&st->c, i, words); }
static int is(const sstate *st, size_t i, const char *w) { return g_is(&st->c, i, w); }

/* Punctuation that stays inside a noun phrase: hyphens, quotes, '+', '&', '/'. */
static int np_punct(const sstate *st, size_t i)
{
    const att_token *t = T(st, i);
    const char *p = st->txt + t->b;
    size_t n = t->e - t->b;
    if (n == 1)
        return strchr("-+&/\"'", *p) != NULL;
    return (n == 3 && (memcmp(p, "\xe2\x80\x9c", 3) == 0 || memcmp(p, "\xe2\x80\x9d", 3) == 0 ||
                       memcmp(p, "\xe2\x80\x99", 3) == 0 || memcmp(p, "\xe2\x80\x98", 3) == 0 ||
                       memcmp(p, "\xe2\x80\x90", 3) == 0 || memcmp(p, "\xe2\x80\x91", 3) == 0));
}

static int time_at(const sstate *st, size_t k)
{
    for (size_t i = 0; i < st->nt; i++)
        if (k >= st->times[i].b && k < st->times[i].e)
            return (int)i;
    return -1;
}

static int trigger_at(const sstate *st, size_t k)
{
    for (size_t i = 0; i < st->ntrig; i++)
        if (st->trig[i] == k)
            return 1;
    return 0;
}

static int purpose_verb(const sstate *st, size_t i)
{
    return is_lower(st, i) && in(st, i, PURPOSE_VERBS);
}

/* A place (country or city name) starts at token i. */
static size_t place_at(const sstate *st, size_t i)
{
    const att_phrase *p;
    if (!is_cap(st, i))
        return 0;
    return g_gaz(&st->c, i, GZ_COUNTRY | GZ_CITY, &p);
}

/* ", Italy and Hungary": the comma at k continues a list of names. */
static int list_comma(const sstate *st, size_t k)
{
    size_t j = k + 1, n = 0;
    while (is_cap(st, j) && n < 5) {
        j++;
        n++;
    }
    if (!n)
        return 0;
    if (in(st, j, "and|or") && is_cap(st, j + 1))
        return 1;
    if (g_punct(&st->c, j, ','))
        return list_comma(st, j);
    return 0;
}

/* ", France," after a city: the comma at k is followed by a country name. */
static size_t country_comma(const sstate *st, size_t k)
{
    if (k == st->c.tb || !is_cap(st, k - 1))
        return 0;
    const att_phrase *p;
    size_t n = g_gaz(&st->c, k + 1, GZ_COUNTRY, &p);
    if (!n)
        return 0;
    size_t after = k + 1 + n;
    if (after >= st->c.te || g_punct(&st->c, after, ',') || g_punct(&st->c, after, '.') ||
        time_at(st, after) >= 0)
        return n + 1;
    return 0;
}

/* "and" at k starts a new clause ("and deliver a keynote speech"). */
static int and_clause(const sstate *st, size_t k)
{
    size_t j = k + 1;
    if (in(st, j, "will|would|shall|to|is|are|was|were|also|then|has|have|had|can|could|should|"
                  "must|it|he|she|they|we|i|agreed|invited|said|noted|stressed|discussed"))
        return 1;
    if (purpose_verb(st, j))
        return 1;
    if (is_lower(st, j) && j + 1 < st->c.te) {
        const att_token *t = T(st, j);
        size_t n = t->e - t->b;
        if (n > 3 && memcmp(st->txt + t->e - 2, "ed", 2) == 0)
            return 1;
    }
    return 0;
}

/* The noun phrase that starts at token i, read forwards up to lim. Returns
 * the token after it. */
static size_t np_fwd(const sstate *st, size_t i, size_t lim)
{
    size_t k = i;
    if (lim > st->c.te)
        lim = st->c.te;
    while (k < lim && k - i < NP_MAX) {
        if (time_at(st, k) >= 0)
            break;
        if (k > i && trigger_at(st, k))
            break;
        if (is_punct(st, k)) {
            if (g_punct(&st->c, k, ',')) {
                size_t n = country_comma(st, k);
                if (n) {
                    k += n;
                    continue;
                }
                if (list_comma(st, k)) {
                    k++;
                    continue;
                }
                break;
            }
            if (!np_punct(st, k))
                break;
            k++;
            continue;
        }
        if (T(st, k)->kind == TK_POSS) {
            k++;
            continue;
        }
        if (in(st, k, NP_STOP))
            break;
        if (is(st, k, "in") && is(st, k + 1, "order"))
            break;
        if (in(st, k, "at|on|upon") && is(st, k + 1, "the") && in(st, k + 2, "invitation|initiative"))
            break;
        if (is(st, k, "to") && purpose_verb(st, k + 1))
            break;
        if (is(st, k, "and") && and_clause(st, k))
            break;
        if (is(st, k, "as") && in(st, k + 1, "well|part|soon|planned|scheduled|agreed"))
            break;
        if (k > i && is_lower(st, k) && in(st, k, "will|would|is|are|was|were|has|have|had"))
            break;
        k++;
    }
    while (k > i && (in(st, k - 1, "and|or|of|in|at|on|to|for|with|by|the|a|an|from") ||
                     (is_punct(st, k - 1) && !np_punct(st, k - 1)) ||
                     g_punct(&st->c, k - 1, '-')))
        k--;
    return k;
}

/* A link word at t inside a noun phrase read backwards ("meeting of the
 * Council", "visit to Russia"): kept when the word before it names an event
 * (or, for "of", is a name). */
static int link_ok(const sstate *st, size_t t)
{
    if (t == st->c.tb)
        return 0;
    if (in(st, t - 1, EVENT_NOUNS))
        return 1;
    return is(st, t, "of") && is_cap(st, t - 1) && !in(st, t - 1, "the|a|an");
}

/* The noun phrase that ends before token p (a comma, "which", "that"),
 * read backwards. Skips a relative clause in between (", which also
 * includes ..., that Japan plans to host") and a trailing time. Returns 1
 * with [*ob, *oe). */
static int np_ante(const sstate *st, size_t p, size_t *ob, size_t *oe)
{
    const att_ctx *c = &st->c;
    size_t e = p;
    if (e > c->tb && g_punct(c, e - 1, ','))
        e--;
    for (int guard = 0; guard < 2; guard++) {
        size_t q = e;
        int found = 0;
        while (q > c->tb && e - q < 30) {
            q--;
            if (g_punct(c, q, ',')) {
                if (in(st, q + 1, "which|who"))
                    found = 1;
                break;
            }
        }
        if (!found)
            break;
        e = q;
    }
    for (int ti; e > c->tb && (ti = time_at(st, e - 1)) >= 0;)
        e = st->times[ti].b;
    size_t k = e;
    int det = 0;
    while (k > c->tb && e - k < NP_MAX) {
        size_t t = k - 1;
        if (is_punct(st, t)) {
            if (T(st, t)->kind == TK_POSS || np_punct(st, t)) {
                k = t;
                continue;
            }
            if (g_punct(c, t, ',') && (country_comma(st, t) || list_comma(st, t)) && t > c->tb) {
                k = t;
                continue;
            }
            break;
        }
        if (T(st, t)->kind == TK_POSS) {
            k = t;
            continue;
        }
        if (in(st, t, "the|a|an|its|their|his|her|this|our|these|those")) {
            k = t;
            det = 1;
            if (t > c->tb && in(st, t - 1, "of|to|for|with|between|on|in|at") && link_ok(st, t - 1)) {
                k = t - 1;
                det = 0;
                continue;
            }
            break;
        }
        if (in(st, t, "of|to|for|with|between|on|in|at|from|by")) {
            if (link_ok(st, t)) {
                k = t;
                continue;
            }
            break;
        }
        if (is(st, t, "and")) {
            if (is_cap(st, t + 1) && t > c->tb && is_cap(st, t - 1)) {
                k = t;
                continue;
            }
            break;
        }
        if (is_lower(st, t) && in(st, t, NP_STOP "|" SUBJ_STOP))
            break;
        k = t;
    }
    if (!det) /* no determiner: leading lower-case words are the verb before it */
        while (k < e && is_lower(st, k) && !in(st, k, "next|first|second|third|inaugural"))
            k++;
    if (k >= e)
        return 0;
    *ob = k;
    *oe = e;
    return 1;
}

/* The subject before token j, read backwards to a clause boundary. *bnd is
 * the boundary token (NONE at the start of the sentence). */
static size_t subj_back(const sstate *st, size_t j, size_t *bnd)
{
    const att_ctx *c = &st->c;
    size_t k = j;
    *bnd = NONE;
    while (k > c->tb && j - k < NP_MAX) {
        size_t t = k - 1;
        if (time_at(st, t) >= 0) {
            *bnd = t;
            break;
        }
        if (is_punct(st, t)) {
            if (T(st, t)->kind == TK_POSS || np_punct(st, t)) {
                k = t;
                continue;
            }
            if (g_punct(c, t, '.') && t > c->tb && is_cap(st, t - 1)) { /* "Lloyd J. Austin" */
                k = t;
                continue;
            }
            *bnd = t;
            break;
        }
        if (T(st, t)->kind == TK_POSS) {
            k = t;
            continue;
        }
        if (in(st, t, SUBJ_STOP)) {
            if (is(st, t, "and") && is_cap(st, t + 1) && t > c->tb && is_cap(st, t - 1)) {
                k = t;
                continue;
            }
            if (in(st, t, "of|for|with|to|in|on|at|by|from|between") && t > c->tb &&
                !in(st, t - 1, "ahead|because|instead|behalf|terms|front|spite|part|out|according|"
                               "agreed|decided|said|confirmed|announced|expected|due|set|up") &&
                !is_punct(st, t - 1) && !(is(st, t, "to") && purpose_verb(st, t + 1))) {
                k = t;
                continue;
            }
            *bnd = t;
            break;
        }
        k = t;
    }
    return k;
}

/* ------------------------------------------------------------ labels */

static int add_span(const sstate *st, att_buf *b, size_t i, size_t j)
{
    if (i >= j)
        return 1;
    if (b->len && !buf_addc(b, ' '))
        return 0;
    if (b->len && is(st, i, "the") && T(st, i)->upper) { /* "of The Joint ...": "of the" */
        if (!buf_adds(b, "the"))
            return 0;
        if (i + 1 == j)
            return 1;
        return buf_add(b, st->txt + T(st, i)->e, T(st, j - 1)->e - T(st, i)->e);
    }
    return buf_add(b, st->txt + T(st, i)->b, T(st, j - 1)->e - T(st, i)->b);
}

/* Skip leading determiners and adverbs of a span. */
static size_t skip_det(const sstate *st, size_t i, size_t j)
{
    while (i < j && in(st, i, "the|a|an|its|their|his|her|our|also|both"))
        i++;
    return i;
}

static int is_pronoun(const sstate *st, size_t i, size_t j)
{
    return j == i + 1 && in(st, i, "it|this|that|they|he|she|we|i|which|who|these|those|there");
}

/* Persons named in tokens [b, e) of the sentence. */
static size_t persons_in(const sstate *st, size_t b, size_t e)
{
    size_t n = 0;
    for (size_t k = 0; k < st->d->n_mentions; k++) {
        const att_mention *m = &st->d->mentions[k];
        if (m->s == st->s && m->b >= b && m->e <= e)
            n++;
    }
    return n;
}

static int has_and(const sstate *st, size_t b, size_t e)
{
    for (size_t k = b; k < e; k++)
        if (is(st, k, "and"))
            return 1;
    return 0;
}

/* A title and a name only ("Secretary of State Antony Blinken"). */
static int titled_person(const sstate *st, size_t b, size_t e)
{
    if (e < b + 3 || !persons_in(st, b, e))
        return 0;
    for (size_t k = b; k < e; k++)
        if (!is_cap(st, k) && !is(st, k, "of") && T(st, k)->kind != TK_PUNCT)
            return 0;
    for (size_t k = 0; k < st->d->n_mentions; k++) {
        const att_mention *m = &st->d->mentions[k];
        if (m->s == st->s && m->e == e && m->b > b)
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ time */

static int prec_rank(att_precision p)
{
    return p == ATT_PREC_DAY ? 3 : p == ATT_PREC_MONTH ? 2 : p == ATT_PREC_YEAR ? 1 : 0;
}

/* Most specific settled time among times starting in tokens [b, e). Returns
 * its index, -1 none; *unsettled when an unsettled one was seen. */
static int best_time(const sstate *st, size_t b, size_t e, int *unsettled)
{
    int best = -1;
    for (size_t i = 0; i < st->nt; i++) {
        const stime *t = &st->times[i];
        if (t->b < b || t->b >= e)
            continue;
        if (t->t.kind == ATT_TIME_UNSETTLED) {
            *unsettled = 1;
            continue;
        }
        if (t->t.kind != ATT_TIME_ABSOLUTE || t->t.prec == ATT_PREC_NONE)
            continue;
        if (best < 0 || prec_rank(t->t.prec) > prec_rank(st->times[best].t.prec))
            best = (int)i;
    }
    return best;
}

/* "on 4 July next year": a day or month directly followed by a year takes
 * that year. */
static att_time with_year(const sstate *st, int i, size_t *pend)
{
    att_time t = st->times[i].t;
    size_t n = (size_t)i + 1;
    *pend = t.end;
    if (n < st->nt && st->times[n].b == st->times[i].e && st->times[n].t.prec == ATT_PREC_YEAR &&
        st->times[n].t.kind == ATT_TIME_ABSOLUTE && t.prec != ATT_PREC_YEAR &&
        t.value.y != st->times[n].t.value.y) {
        int dy = st->times[n].t.value.y - t.value.y;
        t.value.y += dy;
        t.earliest.y += dy;
        t.latest.y += dy;
        if (!att_ymd_valid(t.value) || !att_ymd_valid(t.earliest) || !att_ymd_valid(t.latest))
            return st->times[i].t;
        *pend = st->times[n].t.end;
    }
    return t;
}

/* ------------------------------------------------------------ facts */

#define LABEL_WORDS 32

static size_t label_words(const char *s, char words[][32], size_t max)
{
    static const char *const stop[] = {"the", "of",  "and", "for", "a",     "an",    "in",
                                       "on",  "to",  "will", "be", "held",  "its",   "their",
                                       "next", NULL};
    size_t n = 0;
    size_t len = strlen(s);
    char *f = malloc(2 * len + 1);
    if (!f)
        return 0;
    att_fold(s, len, f);
    char *p = f;
    while (*p && n < max) {
        while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p & 0x80)))
            p++;
        char *q = p;
        while (*q && ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || (*q & 0x80)))
            q++;
        size_t wl = (size_t)(q - p);
        if (wl && wl < 32) {
            int skip = 0;
            for (size_t k = 0; stop[k]; k++)
                if (stop[k][0] == p[0] && strlen(stop[k]) == wl && memcmp(stop[k], p, wl) == 0)
                    skip = 1;
            for (size_t k = 0; k < n && !skip; k++)
                if (strlen(words[k]) == wl && memcmp(words[k], p, wl) == 0)
                    skip = 1;
            if (!skip) {
                memcpy(words[n], p, wl);
                words[n][wl] = '\0';
                n++;
            }
        }
        p = q;
    }
    free(f);
    return n;
}

/* 1 when every word of a is among b's. */
static int words_within(char a[][32], size_t na, char b[][32], size_t nb)
{
    for (size_t i = 0; i < na; i++) {
        int found = 0;
        for (size_t j = 0; j < nb && !found; j++)
            found = strcmp(a[i], b[j]) == 0;
        if (!found)
            return 0;
    }
    return 1;
}

static int time_within(const att_time *a, const att_time *b)
{
    return att_ymd_cmp(a->earliest, b->earliest) >= 0 && att_ymd_cmp(a->latest, b->latest) <= 0;
}

/* Ordinal of the label's first word ("10th", "fifth"), 0 none. */
static int label_ordinal(const attache_world *w, const char *s, size_t *len)
{
    size_t n = 0;
    while (s[n] && s[n] != ' ')
        n++;
    *len = n;
    if (!n || n > 20)
        return 0;
    if (s[0] >= '0' && s[0] <= '9') {
        int v = 0;
        size_t k = 0;
        while (k < n && s[k] >= '0' && s[k] <= '9' && v < 100000)
            v = v * 10 + (s[k++] - '0');
        if (k + 2 == n && (strncmp(s + k, "th", 2) == 0 || strncmp(s + k, "st", 2) == 0 ||
                           strncmp(s + k, "nd", 2) == 0 || strncmp(s + k, "rd", 2) == 0))
            return v;
        return 0;
    }
    char f[48];
    att_fold(s, n, f);
    const att_phrase *p = gaz_get(w->gaz, f, strlen(f));
    if (p && (p->kinds & GZ_LEX) && (p->lex & LX_ORDINAL))
        return p->lex_value;
    return 0;
}

/* The body that meets: the capitalised words after "meeting/session/round
 * of (the)", else after the ordinal. Caller frees; NULL none. */
static char *label_body(const char *s, size_t ordlen, int ordinal)
{
    const char *p = NULL;
    static const char *const heads[] = {"meeting of ", "session of ", "round of ",
                                        "sitting of ", "meeting of the ", "session of the ",
                                        "round of the ", "sitting of the ", NULL};
    for (size_t k = 0; heads[k]; k++) {
        const char *q = strstr(s, heads[k]);
        if (q)
            p = q + strlen(heads[k]);
    }
    if (!p && ordinal)
        p = s + ordlen + (s[ordlen] == ' ' ? 1 : 0);
    if (!p || !att_is_upper_at(p))
        return NULL;
    const char *e = p;
    for (;;) {
        const char *sp = strchr(e, ' ');
        const char *we = sp ? sp : e + strlen(e);
        if (!att_is_upper_at(e) && !(*e >= '0' && *e <= '9') && !(we - e == 3 && !strncmp(e, "and", 3)))
            break;
        e = we;
        if (!sp)
            break;
        e = sp + 1;
    }
    size_t n = (size_t)(e - p);
    while (n && (p[n - 1] == ' '))
        n--;
    if (n >= 4 && !strncmp(p + n - 4, " and", 4))
        n -= 4;
    return n ? att_strndup(p, n) : NULL;
}

static void sched_free_one(att_sched *f)
{
    free(f->label);
    free(f->phrase);
    free(f->body);
    free(f->parties);
}

/* The meeting at which it was agreed: the last one reported in this or an
 * earlier sentence of the same paragraph. */
static int agreed_at(const attache_doc *d, size_t s)
{
    for (size_t i = d->n_meetings; i-- > 0;) {
        size_t ms = d->meetings[i].sent;
        if (ms <= s && ms < d->n_sents && d->sents[ms].para == d->sents[s].para)
            return (int)i;
    }
    return -1;
}

static int add_party(att_sched *f, int country)
{
    if (country < 0)
        return 1;
    for (size_t i = 0; i < f->n_parties; i++)
        if (f->parties[i] == country)
            return 1;
    int *v = realloc(f->parties, (f->n_parties + 1) * sizeof *v);
    if (!v)
        return 0;
    f->parties = v;
    f->parties[f->n_parties++] = country;
    return 1;
}

static int fill_parties(const sstate *st, att_sched *f, size_t cb, size_t ce)
{
    const attache_doc *d = st->d;
    int sides = 0;
    for (size_t k = st->c.tb; k < st->c.te; k++) {
        if ((in(st, k, "two|both") && in(st, k + 1, "sides|leaders|ministers|parties|countries")) ||
            (is(st, k, "the") && in(st, k + 1, "leaders|parties|ministers|sides")) ||
            (k == st->c.tb && in(st, k, "they|we")))
            sides = 1;
    }
    if (sides && f->agreed_at >= 0) {
        const att_meeting *m = &d->meetings[f->agreed_at];
        for (size_t i = 0; i < m->n_people; i++) {
            int p = m->people[i], country = -1;
            for (size_t r = 0; r < d->n_roles && country < 0; r++)
                if (d->roles[r].person == p)
                    country = d->roles[r].country;
            if (country < 0 && p >= 0 && (size_t)p < d->n_people)
                country = d->people[p].country;
            if (!add_party(f, country))
                return 0;
        }
    }
    if (f->n_parties)
        return 1;
    for (size_t k = cb; k < ce && k < st->c.te;) {
        int country;
        size_t n = g_country_marker(&st->c, k, &country);
        if (n) {
            if (!add_party(f, country))
                return 0;
            k += n;
        } else
            k++;
    }
    return 1;
}

/* 1 when word w (folded) is one of the '|'-separated list. */
static int word_in(const char *w, const char *list)
{
    size_t n = strlen(w);
    for (const char *p = list; *p;) {
        const char *bar = strchr(p, '|');
        size_t m = bar ? (size_t)(bar - p) : strlen(p);
        if (m == n && strncmp(p, w, n) == 0)
            return 1;
        if (!bar)
            break;
        p = bar + 1;
    }
    return 0;
}

/* A label names an event when it has a name in it (a capitalised word) or
 * an event noun; "preparations" or "efforts" alone do not. */
static int names_event(const char *label, char words[][32], size_t nw)
{
    for (const char *p = label; *p; p++)
        if ((p == label || p[-1] == ' ' || p[-1] == '-') && att_is_upper_at(p))
            return 1;
    for (size_t k = 0; k < nw; k++)
        if (word_in(words[k], EVENT_NOUNS))
            return 1;
    return 0;
}

/* Make the fact of a candidate whose time is time index ti. */
static attache_status emit(sstate *st, cand *cd, int ti)
{
    attache_doc *d = st->d;
    char *label = buf_take(&cd->label);
    if (!label)
        return ATTACHE_ERR_NOMEM;
    /* trim */
    size_t n = strlen(label);
    while (n && strchr(" ,.;:-", label[n - 1]))
        label[--n] = '\0';
    if (!n) {
        free(label);
        return ATTACHE_SUCCESS;
    }
    char words[LABEL_WORDS][32];
    size_t nw = label_words(label, words, LABEL_WORDS);
    if (!nw) {
        free(label);
        return ATTACHE_SUCCESS;
    }
    for (size_t k = 0; k < nw; k++)
        if (!strcmp(words[k], "anniversary") || !strcmp(words[k], "anniversaries")) {
            free(label);
            return ATTACHE_SUCCESS;
        }
    if (!names_event(label, words, nw)) {
        free(label);
        return ATTACHE_SUCCESS;
    }
    size_t pend;
    att_time t = with_year(st, ti, &pend);
    size_t pbeg = st->times[ti].t.begin;
    if (att_ymd_cmp(t.latest, d->ref) < 0) { /* already past */
        free(label);
        return ATTACHE_SUCCESS;
    }
    /* the same event named twice: one fact, the more specific time */
    for (size_t i = 0; i < d->n_sched; i++) {
        att_sched *o = &d->sched[i];
        char ow[LABEL_WORDS][32];
        size_t on = label_words(o->label, ow, LABEL_WORDS);
        int same = nw == on && words_within(words, nw, ow, on);
        int nested = (words_within(words, nw, ow, on) || words_within(ow, on, words, nw)) &&
                     (time_within(&t, &o->time) || time_within(&o->time, &t));
        if (same || nested) {
            if (prec_rank(t.prec) > prec_rank(o->time.prec) && time_within(&t, &o->time)) {
                char *ph = att_strndup(st->txt + st->sb + pbeg, pend - pbeg);
                if (!ph) {
                    free(label);
                    return ATTACHE_ERR_NOMEM;
                }
                free(o->phrase);
                o->phrase = ph;
                o->time = t;
            }
            if (nested && !same && nw > on) {
                free(o->label);
                o->label = label;
                label = NULL;
            }
            free(label);
            return ATTACHE_SUCCESS;
        }
    }
    if (!ATT_PUSH(d->sched, d->n_sched, d->cap_sched)) {
        free(label);
        return ATTACHE_ERR_NOMEM;
    }
    att_sched *f = &d->sched[d->n_sched];
    memset(f, 0, sizeof *f);
    f->label = label;
    f->time = t;
    f->sent = st->s;
    f->phrase = att_strndup(st->txt + st->sb + pbeg, pend - pbeg);
    f->agreed_at = agreed_at(d, st->s);
    size_t ol;
    f->ordinal = label_ordinal(st->w, label, &ol);
    f->body = label_body(label, ol, f->ordinal);
    if (!f->phrase || !fill_parties(st, f, cd->cb, cd->ce)) {
        sched_free_one(f);
        return ATTACHE_ERR_NOMEM;
    }
    d->n_sched++;
    return ATTACHE_SUCCESS;
}

/* Is the clause [b, e) hypothetical, refused, called off? */
static int excluded(sstate *st, size_t b, size_t e)
{
    if (b >= e)
        return 0;
    size_t bb = T(st, b)->b, be = T(st, e - 1)->e, mb, me;
    return re_find_in(&st->w->pat.sched_exclude, st->pfs, st->txt, be, bb, st->md, st->mc, &mb,
                      &me);
}

/* An invitation not taken up: "invited him to visit ...". */
static int invitation(const sstate *st, size_t lead)
{
    size_t lo = lead > st->c.tb + 10 ? lead - 10 : st->c.tb;
    for (size_t k = lo; k < lead; k++)
        if (in(st, k, "invited|inviting|invites|invite|invitation"))
            return 1;
    return 0;
}

/* Where the trigger's clause ends: ';', the next trigger, a comma that does
 * not continue a list, a place or a time. */
static size_t clause_end(const sstate *st, size_t from)
{
    size_t k = from;
    while (k < st->c.te) {
        if (k > from && trigger_at(st, k))
            break;
        if (g_punct(&st->c, k, ';') || g_punct(&st->c, k, ':'))
            break;
        if (g_punct(&st->c, k, ',')) {
            if (time_at(st, k + 1) >= 0 || (k > st->c.tb && time_at(st, k - 1) >= 0 &&
                                             time_at(st, k + 1) >= 0)) {
                k++;
                continue;
            }
            size_t n = country_comma(st, k);
            if (n) {
                k += n;
                continue;
            }
            if (list_comma(st, k)) {
                k++;
                continue;
            }
            break;
        }
        k++;
    }
    return k;
}

/* A time that opens the sentence ("On Friday, ..."). */
static int leading_time(const sstate *st)
{
    size_t k = st->c.tb;
    if (in(st, k, "and|but|meanwhile"))
        k++;
    int ti = time_at(st, k);
    if (ti < 0 || st->times[ti].b != k)
        return -1;
    if (!g_punct(&st->c, st->times[ti].e, ','))
        return -1;
    if (st->times[ti].t.kind != ATT_TIME_ABSOLUTE || st->times[ti].t.prec == ATT_PREC_NONE)
        return -1;
    return ti;
}

/* Decide the candidate's time and emit it. */
static attache_status resolve(sstate *st, cand *cd, size_t subj_b)
{
    int unsettled = 0, ti = -1;
    if (cd->adjacent) {
        size_t k = cd->rb;
        if (g_punct(&st->c, k, ','))
            k++;
        int t = time_at(st, k);
        if (t >= 0 && st->times[t].b == k) {
            if (st->times[t].t.kind == ATT_TIME_ABSOLUTE && st->times[t].t.prec != ATT_PREC_NONE) {
                ti = t;
                /* "in July ... on 4 July": the next one too when it follows */
                int t2 = t + 1 < (int)st->nt && st->times[t + 1].b == st->times[t].e
                             ? t + 1
                             : -1;
                if (t2 >= 0 && st->times[t2].t.kind == ATT_TIME_ABSOLUTE &&
                    prec_rank(st->times[t2].t.prec) > prec_rank(st->times[t].t.prec))
                    ti = t2;
            }
        }
    } else {
        ti = best_time(st, cd->rb, cd->re, &unsettled);
        if (ti < 0 && !unsettled && subj_b < cd->lead)
            ti = best_time(st, subj_b, cd->lead, &unsettled);
        if (ti < 0 && !unsettled)
            ti = leading_time(st);
    }
    if (ti < 0) {
        buf_free(&cd->label);
        return ATTACHE_SUCCESS;
    }
    size_t xe = cd->re;
    if (cd->adjacent && (size_t)st->times[ti].e > xe)
        xe = st->times[ti].e;
    if (excluded(st, cd->cb < subj_b ? cd->cb : subj_b, xe)) {
        buf_free(&cd->label);
        return ATTACHE_SUCCESS;
    }
    return emit(st, cd, ti);
}

static void cand_init(cand *cd, size_t lead)
{
    memset(cd, 0, sizeof *cd);
    buf_init(&cd->label);
    cd->lead = lead;
}

/* "the forum": the name it had earlier in the document ("Antalya Diplomacy
 * Forum"). Adds the name to b and returns 1 when found. */
static int coreferent(const sstate *st, size_t head, att_buf *b)
{
    const attache_doc *d = st->d;
    const att_token *h = T(st, head);
    size_t hl = h->e - h->b;
    for (size_t k = st->c.tb; k-- > d->sents[0].tb;) {
        const att_token *t = &d->toks.v[k];
        if (t->kind != TK_WORD || t->e - t->b != hl ||
            strncasecmp(st->txt + t->b, st->txt + h->b, hl) != 0)
            continue;
        size_t j = k;
        while (j > 0 && j + 4 > k && d->toks.v[j - 1].upper && d->toks.v[j - 1].kind == TK_WORD &&
               d->toks.v[j - 1].e + 2 > d->toks.v[j].b)
            j--;
        while (j < k && d->toks.v[j].e - d->toks.v[j].b <= 3 &&
               (strncmp(st->txt + d->toks.v[j].b, "The", 3) == 0 ||
                strncmp(st->txt + d->toks.v[j].b, "An", 2) == 0 ||
                (d->toks.v[j].e - d->toks.v[j].b == 1 && st->txt[d->toks.v[j].b] == 'A')))
            j++;
        if (j < k && t->upper) /* "the forum" = "Antalya Diplomacy Forum" */
            return buf_add(b, st->txt + d->toks.v[j].b, t->e - d->toks.v[j].b);
        /* "the visit" = "visit to China" */
        size_t e = k + 1;
        const att_token *p = &d->toks.v[e];
        if (e + 1 < d->toks.n && p->kind == TK_WORD && p->e - p->b == 2 &&
            (strncmp(st->txt + p->b, "to", 2) == 0 || strncmp(st->txt + p->b, "of", 2) == 0) &&
            d->toks.v[e + 1].upper && d->toks.v[e + 1].kind == TK_WORD) {
            e += 2;
            while (e < d->toks.n && e < k + 8 && d->toks.v[e].upper && d->toks.v[e].kind == TK_WORD &&
                   d->toks.v[e - 1].e + 2 > d->toks.v[e].b)
                e++;
            return buf_add(b, st->txt + t->b, d->toks.v[e - 1].e - t->b);
        }
    }
    return 0;
}

static int trip_event(const sstate *st, size_t from, size_t lim, size_t *eb, size_t *ee);

/* Subject-kind trigger at tokens [tb, te). */
static attache_status on_subject(sstate *st, size_t tb, size_t te, int present, int intrans,
                                 const char *nominal)
{
    size_t bnd, sb = subj_back(st, tb, &bnd);
    cand cd;
    cand_init(&cd, tb);
    if (present && !(time_at(st, te) >= 0 && st->times[time_at(st, te)].b == te))
        return ATTACHE_SUCCESS;
    size_t ab, ae;
    int ok = 1;
    if (sb < tb && bnd != NONE && is(st, bnd, "whose")) {
        ok = add_span(st, &cd.label, skip_det(st, sb, tb), tb) && buf_adds(&cd.label, " of");
        if (ok && np_ante(st, bnd, &ab, &ae))
            ok = (!is(st, ab, "the") || buf_adds(&cd.label, " the")) &&
                 add_span(st, &cd.label, skip_det(st, ab, ae), ae);
        else
            ok = 0;
        sb = bnd;
    } else if (sb == tb || is_pronoun(st, sb, tb)) {
        if (sb < tb && !in(st, sb, "which|that|who"))
            return ATTACHE_SUCCESS;
        size_t p = sb < tb ? sb : bnd;
        if (p == NONE)
            return ATTACHE_SUCCESS;
        if (is(st, p, "which") && p > st->c.tb && is(st, p - 1, "and")) {
            /* "which Switzerland will host and which will open": the earlier which */
            size_t q = p - 1;
            while (q > st->c.tb && !is(st, q - 1, "which"))
                q--;
            if (q > st->c.tb)
                p = q - 1;
        }
        if (!(g_punct(&st->c, p, ',') || in(st, p, "which|that|who")))
            return ATTACHE_SUCCESS;
        if (!np_ante(st, p, &ab, &ae))
            return ATTACHE_SUCCESS;
        size_t lb = skip_det(st, ab, ae);
        if (lb + 1 == ae && is_lower(st, lb) && in(st, lb, EVENT_NOUNS)) {
            if (!coreferent(st, lb, &cd.label))
                ok = add_span(st, &cd.label, lb, ae);
        } else
            ok = add_span(st, &cd.label, lb, ae);
        sb = ab;
    } else {
        /* cut "produced by ..." off the subject */
        size_t e = tb;
        for (size_t k = sb + 1; k < tb; k++)
            if (is_lower(st, k) && is(st, k + 1, "by") && T(st, k)->e - T(st, k)->b > 3 &&
                memcmp(st->txt + T(st, k)->e - 2, "ed", 2) == 0) {
                e = k;
                break;
            }
        size_t lb = skip_det(st, sb, e);
        if (intrans) {
            int people = persons_in(st, sb, tb) >= 2 && has_and(st, sb, tb);
            size_t ev_b, ev_e;
            if (trip_event(st, te, clause_end(st, te), &ev_b, &ev_e)) {
                ok = add_span(st, &cd.label, skip_det(st, ev_b, ev_e), ev_e);
            } else {
                ok = buf_adds(&cd.label, people ? "meeting between" : "meeting of");
                if (ok && !people && lb > sb && is(st, sb, "the"))
                    ok = buf_adds(&cd.label, " the");
                if (ok && !people && lb + 1 == e && is_lower(st, lb) && in(st, lb, EVENT_NOUNS) &&
                    cd.label.len) {
                    att_buf name;
                    buf_init(&name);
                    if (coreferent(st, lb, &name)) {
                        cd.label.len = 0;
                        ok = buf_adds(&cd.label, "meeting of the ") && buf_adds(&cd.label, buf_cstr(&name));
                        lb = e;
                    }
                    buf_free(&name);
                }
                ok = ok && add_span(st, &cd.label, lb, e);
            }
            size_t k = te;
            while (in(st, k, "again|together|separately|jointly"))
                k++;
            if (ok && in(st, k, "in|at") && time_at(st, k) < 0 && place_at(st, k + 1))
                ok = add_span(st, &cd.label, k, k + 1 + place_at(st, k + 1));
        } else if (nominal) {
            ok = buf_adds(&cd.label, nominal) && buf_adds(&cd.label, " of") &&
                 add_span(st, &cd.label, sb, e);
        } else if (lb + 1 == e && is_lower(st, lb) && in(st, lb, EVENT_NOUNS)) {
            if (!coreferent(st, lb, &cd.label))
                ok = add_span(st, &cd.label, lb, e);
        } else
            ok = add_span(st, &cd.label, lb, e);
    }
    if (!ok) {
        buf_free(&cd.label);
        return ATTACHE_ERR_NOMEM;
    }
    cd.rb = te;
    cd.re = clause_end(st, te);
    cd.cb = sb;
    cd.ce = cd.re;
    return resolve(st, &cd, sb);
}

/* An event noun phrase introduced by "for" or "to attend" in [from, lim):
 * the purpose of a trip. */
static int trip_event(const sstate *st, size_t from, size_t lim, size_t *eb, size_t *ee)
{
    for (size_t k = from; k < lim && k < st->c.te; k++) {
        size_t o = NONE;
        if (is(st, k, "to") && in(st, k + 1, "attend|join"))
            o = k + 2;
        else if (is(st, k, "to") && in(st, k + 1, "participate") && is(st, k + 2, "in"))
            o = k + 3;
        else if (is(st, k, "to") && is(st, k + 1, "take") && is(st, k + 2, "part") &&
                 is(st, k + 3, "in"))
            o = k + 4;
        else if (is(st, k, "for")) {
            size_t e = np_fwd(st, k + 1, lim);
            for (size_t q = skip_det(st, k + 1, e); q < e; q++)
                if (in(st, q, EVENT_NOUNS)) {
                    o = k + 1;
                    break;
                }
        } else if (k > from && trigger_at(st, k))
            break;
        if (o != NONE) {
            size_t e = np_fwd(st, o, st->c.te);
            if (e > o) {
                *eb = o;
                *ee = e;
                return 1;
            }
        }
    }
    return 0;
}

/* Object-kind trigger: tokens [tb, te), the verb is the last word (vb). */
static attache_status on_object(sstate *st, size_t tb, size_t te, size_t vb)
{
    size_t bnd, sb = subj_back(st, tb, &bnd);
    size_t o = te;
    while (in(st, o, "again|together|jointly|separately|also"))
        o++;
    if (is(st, vb, "have") && in(st, o, "been|to|had"))
        return ATTACHE_SUCCESS;
    int accepted = in(st, tb, "accepted");
    if (!accepted && invitation(st, tb))
        return ATTACHE_SUCCESS;
    int meet = in(st, vb, "meet|convene|reconvene|gather");
    int missing = o >= st->c.te || is_punct(st, o) || time_at(st, o) >= 0 ||
                  in(st, o, "in|at|on|to|for|from|by|and|there|here|next|later|early|this|"
                            "before|after|during|once|soon|as|when|where|while|but|with");
    if (missing && in(st, vb, "travel|go|fly|return|head") && in(st, o, "to|for") && !is_punct(st, o + 1))
        missing = 0;
    if (meet && missing && !is(st, o, "with"))
        return on_subject(st, tb, te, 0, 1, NULL);
    if (missing && in(st, vb, "open|begin|start") && !is_punct(st, o) &&
        !(bnd != NONE && in(st, bnd, "which|that") && sb < tb))
        return on_subject(st, tb, te, 0, 0, NULL);
    cand cd;
    cand_init(&cd, tb);
    size_t rend = clause_end(st, te);
    int ok = 1;
    if (missing && !(meet && is(st, o, "with"))) {
        /* an object gap: "X, which Brazil will host", "the visit that Y will pay to Z" */
        if (bnd == NONE || !in(st, bnd, "which|that"))
            return ATTACHE_SUCCESS;
        size_t ab, ae;
        if (!np_ante(st, bnd, &ab, &ae))
            return ATTACHE_SUCCESS;
        size_t lb = skip_det(st, ab, ae);
        ok = add_span(st, &cd.label, lb, ae);
        if (ok && lb + 1 == ae && in(st, lb, "visit|trip|visits|tour") && sb < tb) {
            ok = buf_adds(&cd.label, " of") && add_span(st, &cd.label, sb, tb);
            if (ok && is(st, o, "to")) {
                size_t e = np_fwd(st, o + 1, rend);
                ok = add_span(st, &cd.label, o, e);
            }
        }
        cd.cb = ab;
        cd.ce = rend;
        cd.rb = te;
        cd.re = rend;
        if (!ok) {
            buf_free(&cd.label);
            return ATTACHE_ERR_NOMEM;
        }
        return resolve(st, &cd, sb);
    }
    size_t oe = np_fwd(st, o, rend);
    if (oe <= o)
        return ATTACHE_SUCCESS;
    size_t ob = skip_det(st, o, oe);
    if (ob >= oe)
        return ATTACHE_SUCCESS;
    int possessive = in(st, o, "its|their");
    int people = persons_in(st, sb, tb) >= 2 && has_and(st, sb, tb);
    cd.cb = sb;
    cd.ce = rend;
    cd.rb = te;
    cd.re = rend;
    size_t eb, ee;
    if (in(st, vb, "visit|travel|go|fly|return|head")) {
        /* the purpose of the trip names the event when it is one */
        size_t far = st->c.te;
        for (size_t k = te + 1; k < st->c.te; k++)
            if (trigger_at(st, k)) {
                far = k;
                break;
            }
        if (trip_event(st, o, far, &eb, &ee)) {
            ok = add_span(st, &cd.label, skip_det(st, eb, ee), ee);
            if (ee > cd.re)
                cd.re = ee;
            if (cd.re < far && time_at(st, cd.re) >= 0)
                cd.re = (size_t)st->times[time_at(st, cd.re)].e;
        } else if (is(st, vb, "visit") && place_at(st, ob)) {
            if (titled_person(st, sb, tb))
                ok = add_span(st, &cd.label, sb, tb) && buf_adds(&cd.label, "'s");
            ok = ok && buf_adds(&cd.label, cd.label.len ? " visit to" : "visit to") &&
                 add_span(st, &cd.label, ob, oe);
        } else
            ok = add_span(st, &cd.label, vb, vb + 1) && add_span(st, &cd.label, o, oe);
    } else if (is(st, vb, "lead") && in(st, ob, "delegation|delegations") && is(st, ob + 1, "to") &&
               sb < tb) {
        ok = add_span(st, &cd.label, ob, ob + 1) && buf_adds(&cd.label, " visit") &&
             add_span(st, &cd.label, ob + 1, oe) && buf_adds(&cd.label, " led by") &&
             add_span(st, &cd.label, skip_det(st, sb, tb), tb);
    } else if (in(st, vb, "address|inaugurate|meet|open|launch|sign|resume|lead|unveil")) {
        ok = add_span(st, &cd.label, vb, vb + 1) && add_span(st, &cd.label, o, oe);
    } else {
        ok = add_span(st, &cd.label, ob, oe);
        if (ok && possessive && sb < tb && !people && !persons_in(st, sb, tb))
            ok = buf_adds(&cd.label, " of") && add_span(st, &cd.label, sb, tb);
        else if (ok && people && !in(st, o, "their|its|the") && in(st, vb, "hold|have"))
            ok = buf_adds(&cd.label, " between") && add_span(st, &cd.label, skip_det(st, sb, tb), tb);
    }
    if (!ok) {
        buf_free(&cd.label);
        return ATTACHE_ERR_NOMEM;
    }
    return resolve(st, &cd, sb);
}

/* Noun-kind trigger: the event follows; its time must follow it directly. */
static attache_status on_noun(sstate *st, size_t tb, size_t te)
{
    size_t o = te;
    size_t oe = np_fwd(st, o, st->c.te);
    if (oe <= o)
        return ATTACHE_SUCCESS;
    for (size_t k = o; k < oe; k++)
        if (trigger_at(st, k))
            return ATTACHE_SUCCESS; /* "participation in" inside: that one speaks */
    int part = in(st, te - 1, "in|at") && in(st, te - 2, "participation|attendance");
    size_t mb, me;
    if ((part || is(st, tb, "ahead")) &&
        !re_find_in(&st->w->pat.future, st->pfs, st->txt, st->se, st->sb, st->md, st->mc, &mb, &me))
        return ATTACHE_SUCCESS; /* "thanked him for his participation in ...": past */
    for (int round = 0; round < 4; round++) {
        cand cd;
        cand_init(&cd, tb);
        size_t lb = skip_det(st, o, oe);
        int ok = 1;
        if (in(st, lb, "welcoming|receiving") && lb + 1 < oe) /* "welcoming X to Tokyo" */
            ok = buf_adds(&cd.label, "visit of");
        if (in(st, lb, "welcoming|receiving|hosting|attending|holding|convening") && lb + 1 < oe)
            lb = skip_det(st, lb + 1, oe);
        if (!ok || !add_span(st, &cd.label, lb, oe)) {
            buf_free(&cd.label);
            return ATTACHE_ERR_NOMEM;
        }
        cd.adjacent = 1;
        cd.rb = oe;
        cd.re = oe;
        cd.cb = tb;
        cd.ce = oe;
        TRY(resolve(st, &cd, tb));
        if (!part)
            break;
        /* "participation in X, ..., and in Y in September" */
        size_t k = oe, next = NONE;
        while (k + 1 < st->c.te) {
            if (is(st, k, "and") && is(st, k + 1, T(st, te - 1)->e - T(st, te - 1)->b == 2 &&
                                                          st->txt[T(st, te - 1)->b] == 'a'
                                                      ? "at"
                                                      : "in")) {
                next = k + 2;
                break;
            }
            k++;
        }
        if (next == NONE)
            break;
        o = next;
        oe = np_fwd(st, o, st->c.te);
        if (oe <= o)
            break;
    }
    return ATTACHE_SUCCESS;
}

/* Token index of the first token starting at or after byte b. */
static size_t tok_from(const sstate *st, size_t b)
{
    size_t k = st->c.tb;
    while (k < st->c.te && T(st, k)->b < b)
        k++;
    return k;
}
/* Token index after the last token ending at or before byte e. */
static size_t tok_to(const sstate *st, size_t e)
{
    size_t k = st->c.tb;
    while (k < st->c.te && T(st, k)->e <= e)
        k++;
    return k;
}

static attache_status do_sentence(sstate *st)
{
    const char *text = st->txt;
    att_time tt[MAX_TIMES];
    size_t n = att_times_find_memo(st->w->dates, &st->d->times_memo, text + st->sb,
                                   st->se - st->sb, st->d->ref, ATT_DIR_FUTURE, tt, MAX_TIMES);
    if (n > MAX_TIMES)
        n = MAX_TIMES;
    st->nt = 0;
    for (size_t i = 0; i < n; i++) {
        stime *s = &st->times[st->nt];
        s->t = tt[i];
        s->b = tok_from(st, st->sb + tt[i].begin);
        s->e = tok_to(st, st->sb + tt[i].end);
        if (s->e > s->b)
            st->nt++;
    }
    /* triggers */
    typedef struct {
        size_t tb, te;
        int kind;
    } trig;
    trig tr[MAX_TRIG];
    size_t ntr = 0, pos = st->sb, mb, me;
    while (ntr < MAX_TRIG && re_find_in(&st->w->pat.sched_trigger, st->pfs, text, st->se, pos,
                                        st->md, st->mc, &mb, &me)) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
        int kind = 0;
        for (int g = 1; g <= 3; g++)
            if (ov[2 * g] != PCRE2_UNSET)
                kind = g;
        tr[ntr].tb = tok_from(st, mb);
        tr[ntr].te = tok_to(st, me);
        tr[ntr].kind = kind;
        if (tr[ntr].te > tr[ntr].tb && kind)
            ntr++;
        pos = me > mb ? me : mb + 1;
    }
    st->ntrig = 0;
    for (size_t i = 0; i < ntr; i++)
        st->trig[st->ntrig++] = tr[i].tb;
    for (size_t i = 0; i < ntr; i++) {
        size_t tb = tr[i].tb, te = tr[i].te;
        if (tr[i].kind == 1) {
            int present = in(st, tb, "opens|begins|starts|convenes|kicks");
            const char *nominal = NULL;
            if (!present && te >= tb + 2 && is(st, te - 2, "be")) {
                static const char *const nom[][2] = {
                    {"delivered", "delivery"}, {"signed", "signing"},
                    {"launched", "launch"},    {"opened", "opening"},
                    {"inaugurated", "inauguration"}};
                for (size_t k = 0; k < sizeof nom / sizeof nom[0]; k++)
                    if (is(st, te - 1, nom[k][0]))
                        nominal = nom[k][1];
            }
            TRY(on_subject(st, tb, te, present, 0, nominal));
        } else if (tr[i].kind == 2) {
            size_t vb = te - 1;
            if (is(st, vb, "in") && vb > tb + 1)
                vb = is(st, vb - 1, "part") ? vb - 2 : vb - 1;
            TRY(on_object(st, tb, te, vb));
        } else {
            TRY(on_noun(st, tb, te));
        }
    }
    return ATTACHE_SUCCESS;
}

/* A line taken for a header that holds a whole sentence all the same: a
 * closing ". " inside it ("... a regional security forum. (END)"). */
static int sentence_inside(const attache_doc *d, size_t s)
{
    const att_sentence *se = &d->sents[s];
    for (size_t k = se->b + 1; k + 1 < se->e; k++)
        if ((d->text[k] == '.' || d->text[k] == '!' || d->text[k] == '?') && d->text[k + 1] == ' ' &&
            k - se->b > 40 && d->text[k - 1] >= 'a' && d->text[k - 1] <= 'z')
            return 1;
    return 0;
}

attache_status scheduled_extract(const attache_world *w, attache_doc *d)
{
    if (!w || !d)
        return ATTACHE_ERR_ARG;
    sstate st;
    memset(&st, 0, sizeof st);
    st.w = w;
    st.d = d;
    st.txt = d->text;
    st.md = pcre2_match_data_create(16, NULL);
    st.mc = pcre2_match_context_create(NULL);
    if (!st.md || !st.mc) {
        pcre2_match_data_free(st.md);
        pcre2_match_context_free(st.mc);
        return ATTACHE_ERR_NOMEM;
    }
    attache_status rc = ATTACHE_SUCCESS;
    for (size_t s = 0; s < d->n_sents && rc == ATTACHE_SUCCESS; s++) {
        if ((d->sents[s].header && !sentence_inside(d, s)) || d->sents[s].te <= d->sents[s].tb)
            continue;
        g_ctx(&st.c, w, d, s);
        st.s = s;
        st.sb = d->sents[s].b;
        st.se = d->sents[s].e;
        st.pfs = doc_pf_span(w, d, s);
        rc = do_sentence(&st);
    }
    pcre2_match_data_free(st.md);
    pcre2_match_context_free(st.mc);
    return rc;
}
