/* dates.c - find time expressions in text and resolve them against a
 * reference date.
 *
 * How it works: a small set of pcre2 patterns, one per family of forms
 * (month-day dates, day-month dates, numeric dates, weekdays, "next month",
 * "late September", "early next year", "this spring", vague phrases ...),
 * compiled once in att_dates_new() (JIT when available). att_times_find()
 * runs them like a lexer: it keeps the next match of every pattern, takes
 * the leftmost one (the longest on a tie, then the earlier pattern), asks the
 * pattern's resolver to turn it into an att_time, and continues after it.
 * A resolver may refuse a match (an invalid day, a bare "May" with no
 * preposition, day or year); that pattern then searches again one byte on.
 *
 * A prefilter comes first: the patterns start with a look-behind and
 * optional words, so pcre2 tries each at every byte, and most sentences hold
 * no time expression. One pass over the span (att_times_prefilter) notes the
 * key words and digit shapes present (a month name, a weekday, "ago", a
 * 19xx/20xx year ...); a pattern none of whose keys occurs cannot match and
 * is not run. The keys are chosen so that every match contains one (see
 * "Prefilter" below): the result is the same as running all patterns.
 *
 * The patterns are ASCII and compiled in byte mode (no PCRE2_UTF): bytes of
 * multi-byte characters never match a letter or digit class, so the text
 * needs no UTF-8 check and a stray invalid byte cannot cause trouble. Two
 * UTF-8 sequences are spelled out where they matter: the no-break space
 * (C2 A0) as a space and the en/em dashes (E2 80 93/94) as range dashes.
 *
 * The month, weekday and season words below are the grammar of the
 * expressions themselves, not reference data, so they live in the patterns.
 */
#include "dates.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Calendar arithmetic                                                  */

static int is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int att_days_in_month(int y, int m) {
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) {
        return 0;
    }
    if (m == 2 && is_leap(y)) {
        return 29;
    }
    return dim[m - 1];
}

int att_ymd_valid(att_ymd v) {
    return v.y >= 1 && v.y <= 9999 && v.m >= 1 && v.m <= 12 && v.d >= 1 &&
           v.d <= att_days_in_month(v.y, v.m);
}

/* Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm). */
static long days_from_civil(att_ymd v) {
    long y = (long)v.y - (v.m <= 2 ? 1 : 0);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (long)(v.m > 2 ? v.m - 3 : v.m + 9);
    long doy = (153 * mp + 2) / 5 + (long)v.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static att_ymd civil_from_days(long z) {
    att_ymd r;
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    r.y = (int)(y + (m <= 2 ? 1 : 0));
    r.m = (int)m;
    r.d = (int)d;
    return r;
}

int att_ymd_weekday(att_ymd v) {
    long z = days_from_civil(v);
    /* 1970-01-01 was a Thursday (3 with Monday = 0). */
    long w = (z + 3) % 7;
    if (w < 0) {
        w += 7;
    }
    return (int)w;
}

att_ymd att_ymd_add_days(att_ymd v, int n) {
    return civil_from_days(days_from_civil(v) + n);
}

int att_ymd_cmp(att_ymd a, att_ymd b) {
    if (a.y != b.y) {
        return a.y < b.y ? -1 : 1;
    }
    if (a.m != b.m) {
        return a.m < b.m ? -1 : 1;
    }
    if (a.d != b.d) {
        return a.d < b.d ? -1 : 1;
    }
    return 0;
}

static int digit_at(const char *s, size_t i) {
    return s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1;
}

int att_ymd_parse(const char *s, size_t len, att_ymd *out) {
    static const size_t pos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    int dg[8];
    att_ymd v;
    if (s == NULL || out == NULL || len != 10 || s[4] != '-' || s[7] != '-') {
        return 0;
    }
    for (size_t i = 0; i < 8; i++) {
        dg[i] = digit_at(s, pos[i]);
        if (dg[i] < 0) {
            return 0;
        }
    }
    v.y = dg[0] * 1000 + dg[1] * 100 + dg[2] * 10 + dg[3];
    v.m = dg[4] * 10 + dg[5];
    v.d = dg[6] * 10 + dg[7];
    if (!att_ymd_valid(v)) {
        return 0;
    }
    *out = v;
    return 1;
}

static char *put_digits(char *p, int v, int width) {
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return p + width;
}

char *att_time_lexical(att_ymd v, att_precision p, char *buf) {
    char *q = buf;
    int y = v.y < 0 ? 0 : (v.y > 9999 ? 9999 : v.y);
    if (p == ATT_PREC_NONE || v.y == 0) {
        buf[0] = '\0';
        return buf;
    }
    q = put_digits(q, y, 4);
    if (p == ATT_PREC_MONTH || p == ATT_PREC_DAY) {
        *q++ = '-';
        q = put_digits(q, v.m < 0 ? 0 : v.m % 100, 2);
    }
    if (p == ATT_PREC_DAY) {
        *q++ = '-';
        q = put_digits(q, v.d < 0 ? 0 : v.d % 100, 2);
    }
    *q = '\0';
    return buf;
}

/* ------------------------------------------------------------------ */
/* Patterns                                                             */

/* Building blocks (case-insensitive byte-mode pcre2). */
#define SP "(?:\\s|\\xc2\\xa0)+"
#define SP0 "(?:\\s|\\xc2\\xa0)*"
#define DASH "(?:-|\\xe2\\x80[\\x93\\x94])"
#define LB "(?<![a-z0-9_/$\\-])" /* start of a word, not inside a number */
#define NB "(?![a-z0-9])"        /* end of a word */
#define TO "(?:" SP0 DASH SP0 "|" SP "(?:to|till|until|through|thru|and)" SP ")"
#define TOD "(?:morning|afternoon|evening|night)"
#define TODOF "(?:the" SP TOD SP "of" SP ")?"
#define PARTSEP "(?:" SP "of)?(?:" SP "|" SP0 DASH SP0 ")"
/* Month names with abbreviations, for forms with a day: "Sep 17", "Sept. 17".
 * "May" and "March" must be capitalised (the modal verb, the verb). */
#define MONA(g)                                                                                    \
    "(?<" g ">(?:january|february|(?-i:M)arch|april|(?-i:M)ay|june|july|august|september"          \
    "|october|november|december)(?![a-z])|(?:jan|feb|(?-i:M)ar|apr|jun|jul|aug|sept?|oct|nov"      \
    "|dec)(?![a-z])\\.?)"
/* Month names for forms without a day: full names, or abbreviations with a dot. */
#define MONF(g)                                                                                    \
    "(?<" g ">(?:january|february|(?-i:M)arch|april|(?-i:M)ay|june|july|august|september"          \
    "|october|november|december)(?![a-z])|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.)"
/* Any month name, capturing nothing (for look-aheads). */
#define MONX                                                                                       \
    "(?:(?:january|february|(?-i:M)arch|april|(?-i:M)ay|june|july|august|september|october"        \
    "|november|december)(?![a-z])|(?:jan|feb|(?-i:M)ar|apr|jun|jul|aug|sept?|oct|nov|dec)"         \
    "(?![a-z]))"
#define DAY(g) "(?<![0-9])(?<" g ">[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9a-z:%]|[.,][0-9])"
#define YEAR(g) "(?<![0-9])(?<" g ">(?:19|20)[0-9]{2})(?![0-9a-z]|[.,][0-9])"
#define WD(g) "(?<" g ">monday|tuesday|wednesday|thursday|friday|saturday|sunday)" NB
#define PRE_DATE "(?:(?<pre>on|in|by|from|since|until|till|through|during)" SP ")?"
#define PRE_NUM "(?:(?<pre>on|by|from|since|until|till|dated)" SP ")?"
#define PRE_SPAN "(?:(?<pre>in|by|until|till|since|from|during|through|at|around)" SP ")?"
#define WDPRE "(?:" WD("wd") ",?" SP ")?"

typedef enum {
    K_MDY,       /* September 17, 2021; Sept. 17; April 28-29 */
    K_DMY,       /* 17 September 2021; from 13 to 15 September */
    K_NUM,       /* 14/4/2024 */
    K_ISO,       /* 2021-09-17 */
    K_WEEKDAY,   /* on Thursday; last Friday; Tuesday and Wednesday */
    K_RELDAY,    /* today, yesterday, tomorrow, this morning */
    K_AGO,       /* two days ago */
    K_SAMEDAY,   /* on the same day, later in the day */
    K_MONTH,     /* in late September; in May this year */
    K_MONTHREL,  /* next month; later this month */
    K_WEEKREL,   /* this week; next week; last week; this weekend */
    K_YEAR,      /* next year; in 2024; the first half of 2024 */
    K_SEASON,    /* this spring; in the summer of 2024 */
    K_UNSETTLED, /* in the near future; as soon as possible */
    K_COUNT
} pat_kind;

static const char *const pattern_src[K_COUNT] = {
    /* K_MDY */
    LB PRE_DATE TODOF WDPRE MONA("m") SP DAY("d") "(?:" TO "(?:" MONA("mb") SP
    ")?" DAY("db") "(?!" SP "(?:of" SP ")?" MONX "))?"
                   "(?:,?" SP YEAR("y") ")?",
    /* K_DMY */
    LB PRE_DATE TODOF WDPRE "(?:the" SP ")?" DAY("d") "(?:" TO "(?:the" SP ")?" DAY(
        "db") ")?" SP "(?:of" SP ")?" MONA("m") "(?:" TO "(?:the" SP ")?" DAY("dc") SP
    "(?:of" SP ")?" MONA("mc") ")?"
                               "(?:,?" SP YEAR("y") ")?",
    /* K_NUM */
    LB PRE_NUM WDPRE
    "(?<![0-9./])(?<a>[0-9]{1,2})(?<sep>[/.])(?<b>[0-9]{1,2})\\k<sep>(?<y>[0-9]{4}|[0-9]{2})"
    "(?![0-9]|[./][0-9])",
    /* K_ISO */
    LB PRE_NUM WDPRE "(?<![0-9./-])(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2})(?![0-9])",
    /* K_WEEKDAY */
    LB "(?:(?<mod>last|next|this(?:" SP "coming)?|coming|(?:later|earlier)(?:" SP "on)?|on|by"
       "|until|till|from|since)" SP ")?" TODOF
       "(?<!good\\s)(?<!black\\s)(?<!super\\s)(?<!holy\\s)(?<!ash\\s)(?<!cyber\\s)(?<!bloody\\s)"
       "(?<!easter\\s)" WD("wd") "(?:" SP TOD NB ")?(?:" TO WD("wdb") ")?(?:,?" SP "local" SP
                                                                      "time" NB ")?",
    /* K_RELDAY */
    LB "(?:(?<pre>on|by|until|till|from|since|earlier|later|as" SP "of)" SP ")?"
       "(?<w>today|tonight|yesterday|tomorrow|this" SP TOD "|last" SP "night|the" SP "day" SP
       "before" SP "yesterday|the" SP "day" SP "after" SP "tomorrow)" NB "(?:" SP TOD NB ")?",
    /* K_AGO */
    LB "(?<n>[0-9]{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a" SP "few|few"
       "|several|a" SP "couple(?:" SP "of)?|some)" SP "(?<unit>day|week|month|year)s?" SP "ago" NB,
    /* K_SAMEDAY */
    LB "(?:(?:(?:earlier|later)(?:" SP "(?:on|in))?" SP ")?(?:on" SP ")?(?:(?:that|the)" SP
       "(?:very" SP ")?same|that)" SP "(?:day|date|" TOD ")" NB "|(?:earlier|later)" SP "in" SP
       "the" SP "(?:day|" TOD ")" NB "|in" SP "the" SP "(?:morning|afternoon|evening)" NB ")",
    /* K_MONTH */
    LB PRE_SPAN
    "(?:(?:the" SP ")?(?<part>early|late|mid|middle|beginning|start|end|first" SP "half|second" SP
    "half|(?:first|second|third|fourth|last|final)" SP "week)" PARTSEP ")?"
    "(?:the" SP "month" SP "of" SP
    ")?" MONF("m") "(?:" TO MONF("mb") ")?(?:,?" SP "(?:of" SP
                                       ")?(?:" YEAR("y") "|(?<yrel>this|next|last)" SP "year" NB
                                                         "))?",
    /* K_MONTHREL */
    LB PRE_SPAN "(?:(?:the" SP ")?(?<part>early|late|mid|middle|beginning|start|end|first" SP
                "half|second" SP "half)" PARTSEP ")?(?:(?<adv>later|earlier)" SP "(?:in" SP ")?)?"
                "(?<mod>this|next|last|past|previous|coming|the" SP
                "(?:past|previous|coming|next|current|following)|the)" SP "month" NB,
    /* K_WEEKREL */
    "(?:" LB "(?<pre>in|by|until|till|since|from|during|through|at|over)" SP "|" LB ")"
    "(?:(?:the" SP ")?(?<part>early|late|mid|middle|beginning|start|end)" PARTSEP ")?"
    "(?:(?<adv>later|earlier)" SP "(?:in" SP ")?)?"
    "(?<mod>this(?:" SP "(?:coming|past))?|next|last|past|previous|coming|following|the" SP
    "(?:past|previous|coming|next|following|current)|the)" SP "(?<unit>week|weekend)" NB,
    /* K_YEAR */
    LB "(?:(?<pre>in|by|until|till|since|from|during|through|between|at|around|over)" SP ")?"
       "(?:(?:the" SP ")?(?<part>early|late|mid|middle|beginning|start|end|first" SP
       "half|second" SP "half|(?:first|second|third|fourth|last|final|1st|2nd|3rd|4th)" SP
       "quarter|q[1-4])" PARTSEP ")?(?:(?<adv>later|earlier)" SP "(?:in" SP ")?)?"
       "(?:(?<mod>this|next|last|past|previous|coming|the" SP
       "(?:current|coming|next|past|previous|following|same)|the)" SP "year" NB
       "|" YEAR("y") "(?:" TO "(?<yb>(?:19|20)[0-9]{2}|[0-9]{2})(?![0-9a-z]))?|(?<ye>year(?:" SP
                     "|" SP0 DASH SP0 ")?end)" NB ")",
    /* K_SEASON */
    LB "(?:(?<pre>in|by|until|till|since|from|during|through|over|throughout|at|around)" SP ")?"
       "(?:(?:the" SP ")?(?<part>early|late|mid|middle|beginning|start|end)" PARTSEP ")?"
       "(?:(?<mod>this|next|last|past|coming|the" SP "(?:coming|next)|the)" SP ")?"
       "(?<s>spring|summer|autumn|fall|winter)" NB "(?:(?:" SP "of)?" SP
       "(?:" YEAR("y") "|(?<yrel>this|next|last)" SP "year" NB "))?",
    /* K_UNSETTLED */
    LB "(?:in" SP "the" SP "(?:near|not" SP "(?:too" SP ")?distant|foreseeable|immediate)" SP
       "(?:future|term)" NB "|(?:(?:in|over|during|within)" SP ")?the" SP
       "(?:coming|next|following|upcoming|past|last)" SP "(?:few" SP "|several" SP "|couple" SP
       "of" SP ")?(?:days|weeks|months|years)" NB "|in" SP "(?:the" SP ")?(?:future|due" SP
       "course)" NB "|in" SP "recent" SP "(?:days|weeks|months|years|times)" NB "|at" SP
       "(?:an?|the)" SP "(?:(?:mutually" SP ")?(?:convenient|appropriate|suitable|agreed|early"
       "|earliest|later|future|proper|opportune|right)" SP ")+(?:date|time|opportunity|moment"
       "|stage)" NB "|as" SP "(?:soon|early)" SP "as" SP "(?:possible|practicable|feasible)" NB
       "|(?<!as\\s)soon" NB "(?!" SP "as" NB ")|(?:recently|lately)" NB "|shortly" NB "(?!" SP
       "(?:after|before|thereafter)" NB "))",
};

/* Named capture groups used by the resolvers; a pattern need not have all. */
typedef enum {
    G_PRE,
    G_WD,
    G_WDB,
    G_M,
    G_MB,
    G_MC,
    G_D,
    G_DB,
    G_DC,
    G_Y,
    G_YB,
    G_YREL,
    G_PART,
    G_ADV,
    G_MOD,
    G_UNIT,
    G_W,
    G_A,
    G_B,
    G_SEP,
    G_S,
    G_N,
    G_YE,
    G_COUNT
} group_slot;

static const char *const group_name[G_COUNT] = {
    "pre",  "wd",  "wdb", "m",    "mb", "mc", "d", "db",  "dc", "y", "yb", "yrel",
    "part", "adv", "mod", "unit", "w",  "a",  "b", "sep", "s",  "n", "ye",
};

/* Capture pairs kept per pattern while scanning (group 0 included). */
#define MAX_PAIRS 24

struct att_dates {
    pcre2_code *code[K_COUNT];
    int grp[K_COUNT][G_COUNT]; /* group number of each slot, 0 when absent */
    uint32_t pairs;            /* largest capture count + 1 over the patterns */
};

void att_dates_free(att_dates *d) {
    if (d == NULL) {
        return;
    }
    for (int k = 0; k < K_COUNT; k++) {
        pcre2_code_free(d->code[k]);
    }
    free(d);
}

static int prefix_words_sorted(void);

att_dates *att_dates_new(void) {
    att_dates *d;
    if (!prefix_words_sorted()) {
        return NULL; /* a table edited out of order: bsearch would miss words */
    }
    d = calloc(1, sizeof *d);
    if (d == NULL) {
        return NULL;
    }
    d->pairs = 1;
    for (int k = 0; k < K_COUNT; k++) {
        int err = 0;
        PCRE2_SIZE erroff = 0;
        uint32_t captures = 0;
        d->code[k] = pcre2_compile((PCRE2_SPTR)pattern_src[k], PCRE2_ZERO_TERMINATED,
                                   PCRE2_CASELESS, &err, &erroff, NULL);
        if (d->code[k] == NULL) {
            goto fail;
        }
        /* JIT is an optimisation only: without it pcre2_match interprets. */
        (void)pcre2_jit_compile(d->code[k], PCRE2_JIT_COMPLETE);
        if (pcre2_pattern_info(d->code[k], PCRE2_INFO_CAPTURECOUNT, &captures) != 0 ||
            captures + 1 > MAX_PAIRS) {
            goto fail;
        }
        if (captures + 1 > d->pairs) {
            d->pairs = captures + 1;
        }
        for (int g = 0; g < G_COUNT; g++) {
            int n = pcre2_substring_number_from_name(d->code[k], (PCRE2_SPTR)group_name[g]);
            d->grp[k][g] = n > 0 ? n : 0;
        }
    }
    return d;
fail:
    att_dates_free(d);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Resolvers                                                            */

typedef struct {
    const char *text;
    const PCRE2_SIZE *ov; /* 2 * MAX_PAIRS offsets of the match */
    const int *grp;       /* slot -> group number for this pattern */
    att_ymd ref;
    att_direction dir;
} mctx;

/* The text of a named group, when the group took part in the match. */
static int cap(const mctx *c, group_slot g, const char **s, size_t *n) {
    size_t k;
    if (c->grp[g] <= 0 || c->grp[g] >= MAX_PAIRS) {
        return 0;
    }
    k = (size_t)c->grp[g];
    if (c->ov[2 * k] == PCRE2_UNSET) {
        return 0;
    }
    if (s != NULL) {
        *s = c->text + c->ov[2 * k];
    }
    if (n != NULL) {
        *n = c->ov[2 * k + 1] - c->ov[2 * k];
    }
    return 1;
}

static int has(const mctx *c, group_slot g) {
    return cap(c, g, NULL, NULL);
}

static int lower(int ch) {
    return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* 1 when s[0..n) starts with the lowercase word w, case-insensitively. */
static int starts(const char *s, size_t n, const char *w) {
    size_t i = 0;
    for (; w[i] != '\0'; i++) {
        if (i >= n || lower((unsigned char)s[i]) != w[i]) {
            return 0;
        }
    }
    return 1;
}

/* 1 when the lowercase word w occurs in s[0..n), case-insensitively. */
static int contains(const char *s, size_t n, const char *w) {
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++) {
        if (starts(s + i, n - i, w)) {
            return 1;
        }
    }
    return 0;
}

/* Group g starts with word w. */
static int grp_is(const mctx *c, group_slot g, const char *w) {
    const char *s;
    size_t n;
    return cap(c, g, &s, &n) && starts(s, n, w);
}

/* Group g contains word w. */
static int grp_has(const mctx *c, group_slot g, const char *w) {
    const char *s;
    size_t n;
    return cap(c, g, &s, &n) && contains(s, n, w);
}

/* Decimal value of a group of digits (at most 4 used), -1 when absent. */
static int grp_num(const mctx *c, group_slot g) {
    const char *s;
    size_t n;
    int v = 0;
    if (!cap(c, g, &s, &n) || n == 0 || n > 4) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Month number 1..12 of a month-name group, 0 when absent. */
static int grp_month(const mctx *c, group_slot g) {
    static const char *const names[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    const char *s;
    size_t n;
    if (!cap(c, g, &s, &n)) {
        return 0;
    }
    for (int i = 0; i < 12; i++) {
        if (starts(s, n, names[i])) {
            return i + 1;
        }
    }
    return 0;
}

/* Weekday 0 = Monday .. 6 = Sunday of a weekday group, -1 when absent. */
static int grp_weekday(const mctx *c, group_slot g) {
    static const char *const names[7] = {"mo", "tu", "we", "th", "fr", "sa", "su"};
    const char *s;
    size_t n;
    if (!cap(c, g, &s, &n)) {
        return -1;
    }
    for (int i = 0; i < 7; i++) {
        if (starts(s, n, names[i])) {
            return i;
        }
    }
    return -1;
}

static att_ymd ymd(int y, int m, int d) {
    att_ymd v;
    v.y = y;
    v.m = m;
    v.d = d;
    return v;
}

static att_ymd last_of_month(int y, int m) {
    return ymd(y, m, att_days_in_month(y, m));
}

static void set_day(att_time *t, att_ymd v, att_ymd last) {
    t->kind = ATT_TIME_ABSOLUTE;
    t->prec = ATT_PREC_DAY;
    t->value = v;
    t->earliest = v;
    t->latest = att_ymd_cmp(last, v) > 0 ? last : v;
}

static void set_month(att_time *t, int y, int m, att_ymd earliest, att_ymd latest) {
    t->kind = ATT_TIME_ABSOLUTE;
    t->prec = ATT_PREC_MONTH;
    t->value = ymd(y, m, 0);
    t->earliest = earliest;
    t->latest = att_ymd_cmp(latest, earliest) >= 0 ? latest : earliest;
}

static void set_year(att_time *t, int y, att_ymd earliest, att_ymd latest) {
    t->kind = ATT_TIME_ABSOLUTE;
    t->prec = ATT_PREC_YEAR;
    t->value = ymd(y, 0, 0);
    t->earliest = earliest;
    t->latest = att_ymd_cmp(latest, earliest) >= 0 ? latest : earliest;
}

static const att_time zero_time;

static void set_kind(att_time *t, att_time_kind kind) {
    *t = zero_time;
    t->kind = kind;
    t->prec = kind == ATT_TIME_SAME_DAY ? ATT_PREC_DAY : ATT_PREC_NONE;
}

/* The year of a month-day written without one: on/before ref in the past,
 * on/after ref in the future. */
static int year_for_md(int m, int d, att_ymd ref, att_direction dir) {
    int md = m * 100 + d;
    int rmd = ref.m * 100 + ref.d;
    if (dir == ATT_DIR_PAST) {
        return md > rmd ? ref.y - 1 : ref.y;
    }
    return md < rmd ? ref.y + 1 : ref.y;
}

/* The year of a month written without one. */
static int year_for_m(int m, att_ymd ref, att_direction dir) {
    if (dir == ATT_DIR_PAST) {
        return m > ref.m ? ref.y - 1 : ref.y;
    }
    return m < ref.m ? ref.y + 1 : ref.y;
}

/* Build a day range from first (y,m,d) to (m2,d2) in y or the year after. */
static int resolve_day_range(const mctx *c, att_time *t, int y, int m, int d, int m2, int d2) {
    att_ymd first;
    att_ymd last;
    if (y < 0) {
        y = (m >= 1 && m <= 12 && d >= 1 && d <= 31) ? year_for_md(m, d, c->ref, c->dir) : 0;
    }
    first = ymd(y, m, d);
    if (!att_ymd_valid(first)) {
        return 0;
    }
    last = first;
    if (d2 > 0) {
        int mm = m2 > 0 ? m2 : m;
        att_ymd l = ymd(mm < m ? y + 1 : y, mm, d2);
        if (att_ymd_valid(l) && att_ymd_cmp(l, first) > 0 &&
            days_from_civil(l) - days_from_civil(first) <= 62) {
            last = l;
        }
    }
    set_day(t, first, last);
    return 1;
}

static int r_mdy(const mctx *c, att_time *t) {
    return resolve_day_range(c, t, grp_num(c, G_Y), grp_month(c, G_M), grp_num(c, G_D),
                             grp_month(c, G_MB), grp_num(c, G_DB));
}

static int r_dmy(const mctx *c, att_time *t) {
    int m = grp_month(c, G_M);
    if (has(c, G_DC)) { /* 30 September to 2 October */
        return resolve_day_range(c, t, grp_num(c, G_Y), m, grp_num(c, G_D), grp_month(c, G_MC),
                                 grp_num(c, G_DC));
    }
    return resolve_day_range(c, t, grp_num(c, G_Y), m, grp_num(c, G_D), 0, grp_num(c, G_DB));
}

static int r_num(const mctx *c, att_time *t) {
    int a = grp_num(c, G_A);
    int b = grp_num(c, G_B);
    int y = grp_num(c, G_Y);
    int d;
    int m;
    const char *sep;
    size_t yl = 0;
    cap(c, G_Y, NULL, &yl);
    if (cap(c, G_SEP, &sep, NULL) && *sep == '.' && yl != 4) {
        return 0; /* 1.5.24 reads like a version number */
    }
    if (yl == 2) {
        y += 2000;
    }
    if (b > 12 && a <= 12) { /* 4/14/2024: month first */
        m = a;
        d = b;
    } else { /* 14/4/2024, and the ambiguous 4/7/2024: day first */
        d = a;
        m = b;
    }
    return resolve_day_range(c, t, y, m, d, 0, 0);
}

static int r_iso(const mctx *c, att_time *t) {
    return resolve_day_range(c, t, grp_num(c, G_Y), grp_num(c, G_M), grp_num(c, G_D), 0, 0);
}

typedef enum { ON_OR_BEFORE, BEFORE, ON_OR_AFTER, AFTER } wd_rule;

/* The day with weekday wd nearest ref under the rule. */
static att_ymd weekday_near(att_ymd ref, int wd, wd_rule rule) {
    int rw = att_ymd_weekday(ref);
    int back = (rw - wd + 7) % 7;
    int fwd = (wd - rw + 7) % 7;
    switch (rule) {
    case ON_OR_BEFORE:
        return att_ymd_add_days(ref, -back);
    case BEFORE:
        return att_ymd_add_days(ref, back == 0 ? -7 : -back);
    case ON_OR_AFTER:
        return att_ymd_add_days(ref, fwd);
    case AFTER:
        return att_ymd_add_days(ref, fwd == 0 ? 7 : fwd);
    }
    return ref;
}

static int r_weekday(const mctx *c, att_time *t) {
    int wd = grp_weekday(c, G_WD);
    int wd2 = grp_weekday(c, G_WDB);
    wd_rule rule = c->dir == ATT_DIR_PAST ? ON_OR_BEFORE : AFTER;
    att_ymd first;
    if (wd < 0) {
        return 0;
    }
    if (grp_is(c, G_MOD, "last")) {
        rule = BEFORE;
    } else if (grp_is(c, G_MOD, "next") || grp_is(c, G_MOD, "coming") ||
               grp_has(c, G_MOD, "coming")) {
        rule = AFTER;
    } else if (grp_is(c, G_MOD, "this")) {
        rule = c->dir == ATT_DIR_PAST ? ON_OR_BEFORE : ON_OR_AFTER;
    }
    first = weekday_near(c->ref, wd, rule);
    set_day(t, first, wd2 >= 0 ? att_ymd_add_days(first, (wd2 - wd + 7) % 7) : first);
    return 1;
}

static int r_relday(const mctx *c, att_time *t) {
    const char *s;
    size_t n;
    int off = 0;
    att_ymd v;
    if (!cap(c, G_W, &s, &n)) {
        return 0;
    }
    if (starts(s, n, "yesterday") || starts(s, n, "last")) {
        off = -1;
    } else if (starts(s, n, "tomorrow")) {
        off = 1;
    } else if (starts(s, n, "the") && contains(s, n, "yesterday")) {
        off = -2;
    } else if (starts(s, n, "the") && contains(s, n, "tomorrow")) {
        off = 2;
    }
    v = att_ymd_add_days(c->ref, off);
    set_day(t, v, v);
    return 1;
}

static int r_ago(const mctx *c, att_time *t) {
    static const char *const words[] = {"one", "two",   "three", "four", "five",
                                        "six", "seven", "eight", "nine", "ten"};
    const char *s;
    size_t n;
    int k = grp_num(c, G_N);
    if (k < 0 && cap(c, G_N, &s, &n)) {
        if (n <= 2 && starts(s, n, "a")) {
            k = 1; /* "a", "an" */
        }
        for (int i = 0; i < 10; i++) {
            if (n == strlen(words[i]) && starts(s, n, words[i])) {
                k = i + 1;
            }
        }
    }
    if (k > 0 && grp_is(c, G_UNIT, "day")) {
        att_ymd v = att_ymd_add_days(c->ref, -k);
        set_day(t, v, v);
    } else {
        set_kind(t, ATT_TIME_UNSETTLED);
    }
    return 1;
}

static int r_sameday(const mctx *c, att_time *t) {
    (void)c;
    set_kind(t, ATT_TIME_SAME_DAY);
    return 1;
}

static int r_unsettled(const mctx *c, att_time *t) {
    (void)c;
    set_kind(t, ATT_TIME_UNSETTLED);
    return 1;
}

/* Day bounds [*d0, *d1] of a part of a month with last day `last`. */
static void month_part(const mctx *c, int last, int *d0, int *d1) {
    *d0 = 1;
    *d1 = last;
    if (!has(c, G_PART)) {
        return;
    }
    if (grp_has(c, G_PART, "week")) {
        if (grp_is(c, G_PART, "first")) {
            *d1 = 7;
        } else if (grp_is(c, G_PART, "second")) {
            *d0 = 8;
            *d1 = 14;
        } else if (grp_is(c, G_PART, "third")) {
            *d0 = 15;
            *d1 = 21;
        } else if (grp_is(c, G_PART, "fourth")) {
            *d0 = 22;
            *d1 = 28;
        } else { /* last, final */
            *d0 = last - 6;
        }
    } else if (grp_has(c, G_PART, "half")) {
        if (grp_is(c, G_PART, "first")) {
            *d1 = 15;
        } else {
            *d0 = 16;
        }
    } else if (grp_is(c, G_PART, "early") || grp_is(c, G_PART, "beginning") ||
               grp_is(c, G_PART, "start")) {
        *d1 = 10;
    } else if (grp_is(c, G_PART, "mid")) { /* mid, middle */
        *d0 = 11;
        *d1 = 20;
    } else { /* late, end */
        *d0 = 21;
    }
}

static int r_month(const mctx *c, att_time *t) {
    int m = grp_month(c, G_M);
    int m2 = grp_month(c, G_MB);
    int y;
    int d0;
    int d1;
    att_ymd latest;
    if (m == 0) {
        return 0;
    }
    /* A bare month name ("The May statement", "May the talks ...") is no
     * time expression: it needs a preposition, a part or a year. */
    if (!has(c, G_PRE) && !has(c, G_PART) && !has(c, G_Y) && !has(c, G_YREL)) {
        return 0;
    }
    if (has(c, G_Y)) {
        y = grp_num(c, G_Y);
    } else if (has(c, G_YREL)) {
        y = c->ref.y + (grp_is(c, G_YREL, "next") ? 1 : grp_is(c, G_YREL, "last") ? -1 : 0);
    } else {
        y = year_for_m(m, c->ref, c->dir);
    }
    month_part(c, att_days_in_month(y, m), &d0, &d1);
    latest = ymd(y, m, d1);
    if (m2 > 0 && m2 != m) { /* in May and June; from March to May */
        latest = last_of_month(m2 < m ? y + 1 : y, m2);
    }
    set_month(t, y, m, ymd(y, m, d0), latest);
    return 1;
}

/* Narrow [e, l] for "later ..." / "earlier ..." by the reference day. */
static void apply_adv(const mctx *c, att_ymd *e, att_ymd *l) {
    if (grp_is(c, G_ADV, "later") && att_ymd_cmp(c->ref, *e) > 0 && att_ymd_cmp(c->ref, *l) <= 0) {
        *e = c->ref;
    } else if (grp_is(c, G_ADV, "earlier") && att_ymd_cmp(c->ref, *l) < 0 &&
               att_ymd_cmp(c->ref, *e) >= 0) {
        *l = c->ref;
    }
}

/* -1 last, 0 this, +1 next, 2 vague (past/previous/following) for a "mod". */
static int rel_mod(const mctx *c) {
    const char *s;
    size_t n;
    if (!cap(c, G_MOD, &s, &n)) {
        return 0;
    }
    if (contains(s, n, "past") || contains(s, n, "previous") || contains(s, n, "following") ||
        contains(s, n, "same")) {
        return 2;
    }
    if (starts(s, n, "last")) {
        return -1;
    }
    if (contains(s, n, "next") || contains(s, n, "coming")) {
        return 1;
    }
    return 0; /* this, the, the current */
}

/* "the month" / "the week" / "the year" needs a part or later/earlier. */
static int bare_the(const mctx *c) {
    const char *s;
    size_t n;
    return cap(c, G_MOD, &s, &n) && n == 3 && starts(s, n, "the") && !has(c, G_PART) &&
           !has(c, G_ADV);
}

static int r_monthrel(const mctx *c, att_time *t) {
    int rel = rel_mod(c);
    int y = c->ref.y;
    int m = c->ref.m;
    int d0;
    int d1;
    att_ymd e;
    att_ymd l;
    if (bare_the(c)) {
        return 0;
    }
    if (rel == 2) {
        set_kind(t, ATT_TIME_UNSETTLED);
        return 1;
    }
    m += rel;
    if (m == 0) {
        m = 12;
        y--;
    } else if (m == 13) {
        m = 1;
        y++;
    }
    month_part(c, att_days_in_month(y, m), &d0, &d1);
    e = ymd(y, m, d0);
    l = ymd(y, m, d1);
    apply_adv(c, &e, &l);
    set_month(t, y, m, e, l);
    return 1;
}

static int r_weekrel(const mctx *c, att_time *t) {
    int rel = rel_mod(c);
    int weekend = grp_is(c, G_UNIT, "weekend");
    att_ymd mon;
    att_ymd e;
    att_ymd l;
    att_ymd v;
    if (bare_the(c) && !(weekend && has(c, G_PRE))) {
        return 0;
    }
    if (weekend && rel == 1 && grp_has(c, G_MOD, "coming")) {
        rel = 0; /* the coming weekend is this one */
    }
    if (rel == 2 || rel == -1) { /* last week, the past week: no day settled */
        set_kind(t, ATT_TIME_UNSETTLED);
        return 1;
    }
    mon = att_ymd_add_days(c->ref, -att_ymd_weekday(c->ref) + 7 * rel);
    if (weekend) {
        /* "this weekend" / "over the weekend" in a past context: which
         * weekend, and which of its days, is not settled. */
        if (rel == 0 && c->dir == ATT_DIR_PAST) {
            set_kind(t, ATT_TIME_UNSETTLED);
            return 1;
        }
        e = att_ymd_add_days(mon, 5);
        set_day(t, e, att_ymd_add_days(e, 1));
        return 1;
    }
    e = mon;
    l = att_ymd_add_days(mon, 6);
    if (grp_is(c, G_PART, "early") || grp_is(c, G_PART, "beginning") ||
        grp_is(c, G_PART, "start")) {
        l = att_ymd_add_days(mon, 2);
    } else if (grp_is(c, G_PART, "mid")) {
        e = att_ymd_add_days(mon, 2);
        l = att_ymd_add_days(mon, 3);
    } else if (has(c, G_PART)) { /* late, end */
        e = att_ymd_add_days(mon, 4);
    }
    apply_adv(c, &e, &l);
    /* The guideline settles "this week" / "next week" to the month of the
     * reference day / of a week after it. */
    v = rel == 0 ? c->ref : att_ymd_add_days(c->ref, 7);
    set_month(t, v.y, v.m, e, l);
    return 1;
}

/* Month bounds [*m0, *m1] of a part of a year. */
static void year_part(const mctx *c, int *m0, int *m1) {
    const char *s;
    size_t n;
    *m0 = 1;
    *m1 = 12;
    if (!cap(c, G_PART, &s, &n)) {
        return;
    }
    if (contains(s, n, "quarter") || starts(s, n, "q")) {
        int q = 4;
        if (starts(s, n, "q") && n >= 2) {
            q = s[1] - '0';
        } else if (starts(s, n, "first") || starts(s, n, "1st")) {
            q = 1;
        } else if (starts(s, n, "second") || starts(s, n, "2nd")) {
            q = 2;
        } else if (starts(s, n, "third") || starts(s, n, "3rd")) {
            q = 3;
        }
        if (q < 1 || q > 4) {
            q = 4;
        }
        *m0 = 3 * q - 2;
        *m1 = 3 * q;
    } else if (contains(s, n, "half")) {
        if (starts(s, n, "first")) {
            *m1 = 6;
        } else {
            *m0 = 7;
        }
    } else if (starts(s, n, "early") || starts(s, n, "beginning") || starts(s, n, "start")) {
        *m1 = 4;
    } else if (starts(s, n, "mid")) {
        *m0 = 5;
        *m1 = 8;
    } else { /* late, end */
        *m0 = 9;
    }
}

static int r_year(const mctx *c, att_time *t) {
    int y;
    int m0;
    int m1;
    att_ymd e;
    att_ymd l;
    if (has(c, G_Y)) {
        /* "UNCLOS 1982", "the 2030 Agenda", "over 2000 troops" */
        if ((!has(c, G_PRE) && !has(c, G_PART)) || (!has(c, G_PART) && grp_is(c, G_PRE, "over"))) {
            return 0;
        }
        y = grp_num(c, G_Y);
    } else if (has(c, G_YE)) {
        if (!has(c, G_PRE)) {
            return 0;
        }
        y = c->ref.y;
    } else {
        int rel = rel_mod(c);
        if (bare_the(c)) {
            return 0;
        }
        if (rel == 2) {
            set_kind(t, ATT_TIME_UNSETTLED);
            return 1;
        }
        y = c->ref.y + rel;
    }
    year_part(c, &m0, &m1);
    if (has(c, G_YE)) {
        m0 = 9;
    }
    e = ymd(y, m0, 1);
    l = last_of_month(y, m1);
    if (has(c, G_YB)) { /* from 1997 to 2006; 2021-22 */
        int y2 = grp_num(c, G_YB);
        if (y2 >= 0 && y2 < 100) {
            y2 += y / 100 * 100;
        }
        if (y2 > y) {
            l = ymd(y2, 12, 31);
        }
    }
    apply_adv(c, &e, &l);
    set_year(t, y, e, l);
    return 1;
}

/* Bounds of season k (0 spring, 1 summer, 2 autumn, 3 winter) starting in y;
 * winter runs from December of y to February of y + 1. */
static void season_bounds(int k, int y, att_ymd *e, att_ymd *l) {
    static const int start_month[4] = {3, 6, 9, 12};
    *e = ymd(y, start_month[k], 1);
    *l = k == 3 ? last_of_month(y + 1, 2) : last_of_month(y, start_month[k] + 2);
}

typedef enum { PICK_NEXT, PICK_LAST, PICK_FUTURE, PICK_PAST } season_pick;

/* The start year of the occurrence of season k that the rule picks near ref:
 * NEXT starts after ref, LAST ended before ref, FUTURE has not ended by ref,
 * PAST had begun by ref. */
static int season_year(int k, att_ymd ref, season_pick pick) {
    int best = ref.y;
    for (int i = 0; i <= 4; i++) {
        int y = pick == PICK_NEXT || pick == PICK_FUTURE ? ref.y - 2 + i : ref.y + 2 - i;
        att_ymd e;
        att_ymd l;
        season_bounds(k, y, &e, &l);
        if ((pick == PICK_NEXT && att_ymd_cmp(e, ref) > 0) ||
            (pick == PICK_LAST && att_ymd_cmp(l, ref) < 0) ||
            (pick == PICK_FUTURE && att_ymd_cmp(l, ref) >= 0) ||
            (pick == PICK_PAST && att_ymd_cmp(e, ref) <= 0)) {
            best = y;
            break;
        }
    }
    return best;
}

static int r_season(const mctx *c, att_time *t) {
    const char *s;
    const char *ms = "";
    size_t n;
    size_t mn = 0;
    int k;
    int y;
    int value;
    int the_only = 0;
    int modv = 0;
    int has_mod = cap(c, G_MOD, &ms, &mn);
    att_ymd e;
    att_ymd l;
    if (!cap(c, G_S, &s, &n)) {
        return 0;
    }
    k = starts(s, n, "sp") ? 0 : starts(s, n, "su") ? 1 : starts(s, n, "w") ? 3 : 2;
    if (has_mod) {
        the_only = mn == 3 && starts(ms, mn, "the");
        modv = rel_mod(c); /* 2: past */
    }
    /* "fall" is a verb too: only "this fall", "the fall", "fall 2024". */
    if (starts(s, n, "f") && !has_mod && !has(c, G_Y) && !has(c, G_YREL)) {
        return 0;
    }
    if (!has(c, G_Y) && !has(c, G_YREL) && !has(c, G_PRE) && (!has_mod || the_only)) {
        return 0;
    }
    if (has(c, G_Y) || has(c, G_YREL)) {
        y = has(c, G_Y) ? grp_num(c, G_Y)
                        : c->ref.y + (grp_is(c, G_YREL, "next")   ? 1
                                      : grp_is(c, G_YREL, "last") ? -1
                                                                  : 0);
        value = y;
    } else {
        season_pick pick = c->dir == ATT_DIR_PAST ? PICK_PAST : PICK_FUTURE;
        if (modv == 1) {
            pick = PICK_NEXT;
        } else if (modv == -1 || modv == 2) {
            pick = PICK_LAST;
        }
        y = season_year(k, c->ref, pick);
        season_bounds(k, y, &e, &l);
        value = y;
        /* "this winter" is this year's, as is the winter under way. */
        if (k == 3 && ((has_mod && starts(ms, mn, "this")) ||
                       (att_ymd_cmp(e, c->ref) <= 0 && att_ymd_cmp(l, c->ref) >= 0))) {
            value = c->ref.y;
        }
    }
    season_bounds(k, y, &e, &l);
    set_year(t, value, e, l);
    return 1;
}

typedef int (*resolver)(const mctx *c, att_time *t);

static const resolver resolvers[K_COUNT] = {
    r_mdy,     r_dmy,   r_num,      r_iso,     r_weekday, r_relday, r_ago,
    r_sameday, r_month, r_monthrel, r_weekrel, r_year,    r_season, r_unsettled,
};

/* ------------------------------------------------------------------ */
/* Prefilter                                                            */

/* The patterns begin with a look-behind and optional words, so pcre2 has no
 * first code unit to search for and tries a match at every byte: running all
 * of them over every sentence was a third of the whole extraction. Most
 * sentences hold no time expression, and each pattern needs a word or digit
 * sequence that is cheap to look for, so one pass over the span first finds
 * the patterns that can match at all; the others are not run.
 *
 * The test must be a superset of what each pattern matches, or an expression
 * would be lost. Every key below is a whole word that a match of its pattern
 * contains, with a non-letter on both sides: before it LB (not a letter,
 * digit, _ / $ -), SP (white space or the no-break space's A0 byte), a dash
 * or the start of the text; after it NB, (?![a-z]), SP, a dash, "." (the
 * abbreviations) or the end of the text. So it is enough to compare each run
 * of ASCII letters ("word") with the keys, case-insensitively (the patterns
 * are caseless, and in byte mode only ASCII letters have case), except that
 * "May" and "March" need a capital M as in the patterns. Digit keys are byte
 * sequences every match contains. */
#define PAT(k) (1u << (k))

#define KEY_MAX 11 /* the longest key word, "opportunity" */

/* pats when the word w[0..n) is the lowercase key k. */
#define KEY(k, pats) (n == sizeof k - 1 && memcmp(w, k, sizeof k - 1) == 0 ? (pats) : 0u)

/* The patterns one of whose key words is the word w[0..n) (lowercase,
 * 1 <= n <= KEY_MAX); cap_m: the word is written with a capital M. The keys,
 * by pattern:
 * - K_MDY, K_DMY, K_MONTH (MONA/MONF): the month names and abbreviations
 *   (jan ... dec, sept); "May" and "March" only with a capital M.
 * - K_WEEKDAY (WD): the full day names ("Thurs" is no weekday to WD).
 * - K_RELDAY: today tonight yesterday tomorrow, "this/last" + TOD: morning
 *   afternoon evening night.
 * - K_SAMEDAY "the same day/date/TOD", "later in the day", "in the
 *   morning": day date and the TOD words.
 * - K_AGO: ago. K_MONTHREL: month. K_WEEKREL: week weekend.
 * - K_YEAR: year ("next year", "year-end"), yearend, or a 19xx/20xx year
 *   (digits).
 * - K_SEASON: spring summer autumn fall winter.
 * - K_UNSETTLED, a word each alternative cannot do without: future term
 *   ("near future/term"), days weeks months years ("the coming days"),
 *   course ("in due course"), recent ("in recent times"), date time
 *   opportunity moment stage ("at an early ..."), soon early ("as soon/early
 *   as possible", "soon"), recently lately shortly. */
static unsigned word_pats(const char *w, size_t n, int cap_m) {
    const unsigned months = PAT(K_MDY) | PAT(K_DMY) | PAT(K_MONTH);
    const unsigned tod = PAT(K_RELDAY) | PAT(K_SAMEDAY);
    const unsigned day = PAT(K_SAMEDAY) | PAT(K_UNSETTLED);
    const unsigned unsettled = PAT(K_UNSETTLED);
    switch (w[0]) {
    case 'a':
        return KEY("april", months) | KEY("august", months) | KEY("apr", months) |
               KEY("aug", months) | KEY("afternoon", tod) | KEY("ago", PAT(K_AGO)) |
               KEY("autumn", PAT(K_SEASON));
    case 'c':
        return KEY("course", unsettled);
    case 'd':
        return KEY("december", months) | KEY("dec", months) | KEY("day", PAT(K_SAMEDAY)) |
               KEY("date", day) | KEY("days", unsettled);
    case 'e':
        return KEY("evening", tod) | KEY("early", unsettled);
    case 'f':
        return KEY("february", months) | KEY("feb", months) | KEY("friday", PAT(K_WEEKDAY)) |
               KEY("fall", PAT(K_SEASON)) | KEY("future", unsettled);
    case 'j':
        return KEY("january", months) | KEY("june", months) | KEY("july", months) |
               KEY("jan", months) | KEY("jun", months) | KEY("jul", months);
    case 'l':
        return KEY("lately", unsettled);
    case 'm':
        return (cap_m ? KEY("march", months) | KEY("may", months) : 0u) | KEY("mar", months) |
               KEY("monday", PAT(K_WEEKDAY)) | KEY("morning", tod) | KEY("month", PAT(K_MONTHREL)) |
               KEY("months", unsettled) | KEY("moment", unsettled);
    case 'n':
        return KEY("november", months) | KEY("nov", months) | KEY("night", tod);
    case 'o':
        return KEY("october", months) | KEY("oct", months) | KEY("opportunity", unsettled);
    case 'r':
        return KEY("recent", unsettled) | KEY("recently", unsettled);
    case 's':
        return KEY("september", months) | KEY("sep", months) | KEY("sept", months) |
               KEY("saturday", PAT(K_WEEKDAY)) | KEY("sunday", PAT(K_WEEKDAY)) |
               KEY("spring", PAT(K_SEASON)) | KEY("summer", PAT(K_SEASON)) |
               KEY("stage", unsettled) | KEY("soon", unsettled) | KEY("shortly", unsettled);
    case 't':
        return KEY("tuesday", PAT(K_WEEKDAY)) | KEY("thursday", PAT(K_WEEKDAY)) |
               KEY("today", PAT(K_RELDAY)) | KEY("tonight", PAT(K_RELDAY)) |
               KEY("tomorrow", PAT(K_RELDAY)) | KEY("term", unsettled) | KEY("time", unsettled);
    case 'w':
        return KEY("wednesday", PAT(K_WEEKDAY)) | KEY("week", PAT(K_WEEKREL)) |
               KEY("weekend", PAT(K_WEEKREL)) | KEY("weeks", unsettled) |
               KEY("winter", PAT(K_SEASON));
    case 'y':
        return KEY("yesterday", PAT(K_RELDAY)) | KEY("year", PAT(K_YEAR)) |
               KEY("yearend", PAT(K_YEAR)) | KEY("years", unsettled);
    default:
        return 0;
    }
}

#undef KEY

static int is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

static int is_letter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Where the keys are: every key found, in text order, with the patterns it
 * is a key of. A search of pattern k from offset `from` can then start at
 * the first key of k at or after `from` less the words a match may have
 * before its key (key_gaps below), and is not run at all when there is no
 * such key. */
#define KEYS_MAX 64

typedef struct {
    uint32_t pos;  /* byte offset of the key's first byte */
    unsigned pats; /* the patterns it is a key of */
} key_hit;

typedef struct {
    const key_hit *v; /* borrowed */
    size_t n;
    int open; /* 1: positions not kept (too many keys, or a huge span): search plainly */
} key_list;

/* att_times_prefilter, noting each key in kh[0..KEYS_MAX) (kh NULL: not
 * noted); *nk the keys noted, *open set when they did not fit. */
static unsigned prefilter_keys(const char *text, size_t len, key_hit *kh, size_t *nk, int *open) {
    const unsigned char *t = (const unsigned char *)text;
    unsigned pats = 0;
    size_t n_keys = 0;
    int full = len > UINT32_MAX;
#define NOTE(at, ps)                                                                               \
    do {                                                                                           \
        unsigned ps_ = (ps);                                                                       \
        pats |= ps_;                                                                               \
        if (ps_ != 0 && kh != NULL && !full) {                                                     \
            if (n_keys == KEYS_MAX) {                                                              \
                full = 1;                                                                          \
            } else {                                                                               \
                kh[n_keys].pos = (uint32_t)(at);                                                   \
                kh[n_keys].pats = ps_;                                                             \
                n_keys++;                                                                          \
            }                                                                                      \
        }                                                                                          \
    } while (0)
    if (text == NULL) {
        len = 0;
    }
    for (size_t i = 0; i < len; i++) {
        if (is_digit(t[i])) {
            unsigned dp = 0;
            /* K_NUM "14/4/2024", "14.4.24": a digit, / or ., a digit. */
            if (i + 2 < len && (t[i + 1] == '/' || t[i + 1] == '.') && is_digit(t[i + 2])) {
                dp |= PAT(K_NUM);
            }
            /* K_ISO "2021-09-17": a digit, -, a digit. */
            if (i + 2 < len && t[i + 1] == '-' && is_digit(t[i + 2])) {
                dp |= PAT(K_ISO);
            }
            /* YEAR: 19xx or 20xx (K_YEAR "in 2024"). */
            if (i + 3 < len &&
                ((t[i] == '1' && t[i + 1] == '9') || (t[i] == '2' && t[i + 1] == '0')) &&
                is_digit(t[i + 2]) && is_digit(t[i + 3])) {
                dp |= PAT(K_YEAR);
            }
            NOTE(i, dp);
        } else if (is_letter(t[i])) {
            /* A whole word: the byte before is no letter (the loop skips the
             * rest of each word), and it runs to the next non-letter. */
            char w[KEY_MAX] = {0}; /* zeroed: keeps gcc sure no byte is read unset */
            int cap_m = t[i] == 'M';
            size_t n = 0;
            for (; i < len && is_letter(t[i]); i++) {
                if (n < KEY_MAX) {
                    w[n] = (char)(t[i] | 0x20);
                }
                n++;
            }
            if (n <= KEY_MAX) {
                NOTE(i - n, word_pats(w, n, cap_m));
            }
            i--; /* t[i] is no letter (or i == len): let the loop look at it */
        }
    }
#undef NOTE
    if (nk != NULL) {
        *nk = n_keys;
    }
    if (open != NULL) {
        *open = full;
    }
    return pats;
}

unsigned att_times_prefilter(const char *text, size_t len) {
    return prefilter_keys(text, len, NULL, NULL, NULL);
}

/* The most white-space gaps (SP/SP0 runs) a match of each pattern can have
 * before the first key it contains, counted on the longest way through its
 * optional words; -1: no bound (K_UNSETTLED's "at an early, convenient ...
 * date" repeats words that are no keys).
 * - K_MDY 5: "on | the evening of | Thursday, | Sept" (PRE_DATE 1, TODOF 3,
 *   WDPRE 1).
 * - K_DMY 11: "on | the evening of | Thursday, | the 13th | - | the 15th of |
 *   September" (1 + 3 + 1 + the 1 + TO 2 + the 1 + SP 1 + of 1).
 * - K_NUM, K_ISO 2: "dated | Thursday, | 14/": the key is the digit before
 *   the first separator.
 * - K_WEEKDAY 5: "this coming | the evening of | Thursday" (2 + 3).
 * - K_RELDAY 5: "as of | the day before yesterday" (2 + 3).
 * - K_AGO 4: "a couple of days ago". K_SAMEDAY 6: "earlier on on the very
 *   same day".
 * - K_MONTH 9: "in | the first week | of - | the month of | May" (1 + 2 +
 *   PARTSEP 3 + 3).
 * - K_MONTHREL 10, K_YEAR 10: "in | the first half | of - | later in | the
 *   past | month" (1 + 2 + 3 + 2 + 1 + 1); K_WEEKREL 9 (no two-word part).
 * - K_SEASON 7: "in | the early | of - | the coming | spring".
 * test_dates holds the bounded search to the plain one. */
static const int key_gaps[K_COUNT] = {5, 11, 2, 2, 5, 5, 4, 6, 9, 10, 9, 10, 7, -1};

/* The bytes the patterns' SP and SP0 match (\s in byte mode, the no-break
 * space's C2 A0) and nothing else of the patterns does. */
static int gap_byte(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xC2 || c == 0xA0;
}

/* Every word the patterns have before a key: the optional prepositions,
 * parts, modifiers, time-of-day and weekday words, the letters of "13th" and
 * "Q1", the words of TO, of K_AGO's numbers and units and of K_UNSETTLED's
 * phrases (lowercase, sorted for bsearch). A word outside it cannot stand
 * between a match's start and its first key. */
static const char *const prefix_words[] = {
    "a", "after", "afternoon", "agreed", "an", "and", "appropriate", "around", "as", "at",
    "before", "beginning", "between", "by", "coming", "convenient", "couple", "current",
    "dated", "day", "days", "distant", "due", "during", "earlier", "earliest", "early",
    "eight", "end", "evening", "few", "final", "first", "five", "following", "foreseeable",
    "four", "fourth", "friday", "from", "future", "half", "immediate", "in", "last", "late",
    "later", "mid", "middle", "monday", "month", "months", "morning", "mutually", "nd", "near",
    "next", "night", "nine", "not", "of", "on", "one", "opportune", "over", "past",
    "previous", "proper", "q", "quarter", "rd", "recent", "right", "same", "saturday",
    "second", "seven", "several", "since", "six", "some", "soon", "st", "start", "suitable",
    "sunday", "ten", "th", "that", "the", "third", "this", "three", "through", "throughout",
    "thru", "thursday", "till", "to", "too", "tuesday", "two", "until", "upcoming", "very",
    "wednesday", "week", "weeks", "within", "year", "years",
};

static int prefix_words_sorted(void) {
    for (size_t i = 1; i < sizeof prefix_words / sizeof prefix_words[0]; i++) {
        if (strcmp(prefix_words[i - 1], prefix_words[i]) >= 0) {
            return 0;
        }
    }
    return 1;
}

static int cmp_word(const void *a, const void *b) {
    return strcmp((const char *)a, *(const char *const *)b);
}

/* The word t[0..n) (ASCII letters) is in prefix_words. */
static int prefix_word(const unsigned char *t, size_t n) {
    char w[16];
    if (n >= sizeof w) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        w[i] = (char)(t[i] | 0x20);
    }
    w[n] = '\0';
    return bsearch(w, prefix_words, sizeof prefix_words / sizeof prefix_words[0],
                   sizeof prefix_words[0], cmp_word) != NULL;
}

/* Every letter run of the chunk t[b..e) is a prefix word (other bytes are
 * let through: digits, commas, dashes, dots). */
static int prefix_chunk(const unsigned char *t, size_t b, size_t e) {
    for (size_t i = b; i < e;) {
        if (!is_letter(t[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < e && is_letter(t[j])) {
            j++;
        }
        if (!prefix_word(t + i, j - i)) {
            return 0;
        }
        i = j;
    }
    return 1;
}

/* The earliest offset >= from where a match whose first key is at `key`
 * can start. A match starts at a letter or digit, and what it has before
 * its first key is its optional words: chunks (runs of non-gap bytes) each
 * of whose letter runs is a prefix word, at most `gaps` gap runs of them
 * (gaps < 0: no limit). So: back from the key over its own chunk, then over
 * gaps and the chunks before them while a chunk qualifies and the gaps last;
 * the first chunk that does not qualify may still hold the start ("(on"), so
 * the search starts at its beginning. */
static size_t key_start(const unsigned char *t, size_t from, size_t key, int gaps) {
    size_t i = key;
    while (i > from && !gap_byte(t[i - 1])) {
        i--;
    }
    for (int g = 0; (gaps < 0 || g < gaps) && i > from; g++) {
        size_t ce;
        while (i > from && gap_byte(t[i - 1])) {
            i--;
        }
        ce = i;
        while (i > from && !gap_byte(t[i - 1])) {
            i--;
        }
        if (!prefix_chunk(t, i, ce)) {
            return i;
        }
    }
    while (i > from && gap_byte(t[i - 1])) {
        i--;
    }
    return i;
}

/* ------------------------------------------------------------------ */
/* Scanning                                                             */

typedef struct {
    int live;                     /* 1 while ov holds a match at or after the scan position */
    PCRE2_SIZE ov[2 * MAX_PAIRS]; /* offsets of that match */
} pending;

/* Find the next match of pattern k at or after `from`; updates p->live. */
/* With keys kl (NULL: none), the search starts where a match can (see
 * key_start), or is not made when no key of k lies at or after `from`: a
 * match starting at s >= from contains a key at or after s. pcre2 looks
 * behind its start offset, so the match found is the same. */
static void search(const att_dates *d, int k, PCRE2_SPTR subj, size_t len, PCRE2_SIZE from,
                   pcre2_match_data *md, const key_list *kl, pending *p) {
    int rc;
    PCRE2_SIZE start = from;
    p->live = 0;
    if (from > len) {
        return;
    }
    if (kl != NULL && !kl->open) {
        size_t i = 0;
        while (i < kl->n && (!(kl->v[i].pats & PAT(k)) || kl->v[i].pos < from)) {
            i++;
        }
        if (i == kl->n) {
            return;
        }
        start = key_start(subj, from, kl->v[i].pos, key_gaps[k]);
    }
    rc = pcre2_match(d->code[k], subj, len, start, PCRE2_NO_UTF_CHECK, md, NULL);
    /* rc == 0 cannot happen (the match data fits every pattern); any error
     * (match limit ...) just ends this pattern's matches. */
    if (rc <= 0) {
        return;
    }
    {
        const PCRE2_SIZE *o = pcre2_get_ovector_pointer(md);
        size_t set = 2 * (size_t)rc;
        for (size_t i = 0; i < 2 * (size_t)MAX_PAIRS; i++) {
            p->ov[i] = i < set ? o[i] : PCRE2_UNSET;
        }
    }
    p->live = p->ov[1] > p->ov[0]; /* no pattern matches the empty string */
}

/* ------------------------------------------------------------------ */
/* Memo of raw matches                                                  */

/* Which matches a pattern has in a span depends on the text alone; only the
 * resolvers read ref and dir. The meetings read every sentence in the past
 * and the scheduled events read it again in the future, so the memo keeps,
 * per span, the prefilter's result and every search made (pattern, start
 * offset, result): a second reading of the span replays them and runs only
 * the resolvers. A resolver may refuse a match in one direction and not in
 * the other, so the second reading can ask for a search the first did not
 * make: that one is run then and remembered too. The result is the same as
 * att_times_find's by construction. */

typedef struct {
    int k;              /* pattern */
    PCRE2_SIZE from;    /* start offset of the search */
    pending p;          /* its result */
    uint32_t next;      /* the span's next record, NO_REC: none */
} memo_rec;

#define NO_REC UINT32_MAX

typedef struct {
    const char *text; /* NULL: free slot */
    size_t len;
    unsigned pats; /* att_times_prefilter of the span */
    uint32_t head; /* its first record, NO_REC: none */
    uint32_t kb, kn; /* its keys: m->keys[kb..kb+kn) */
    int kopen;       /* the keys did not fit (key_list.open) */
} memo_span;

struct att_times_memo {
    const att_dates *d;   /* the patterns the records come from (borrowed) */
    memo_span *spans;     /* open-addressed on (text, len), a power of two (owned) */
    size_t n_spans, cap_spans;
    memo_rec *recs; /* owned */
    size_t n_recs, cap_recs;
    key_hit *keys; /* the keys of every span (owned) */
    size_t n_keys, cap_keys;
    pcre2_match_data *md; /* reused by every search of the memo (owned) */
};

void att_times_memo_free(att_times_memo *m) {
    if (m == NULL) {
        return;
    }
    free(m->spans);
    free(m->recs);
    free(m->keys);
    pcre2_match_data_free(m->md);
    free(m);
}

static size_t span_slot(const att_times_memo *m, const char *text, size_t len) {
    uint64_t h = ((uint64_t)(uintptr_t)text ^ ((uint64_t)len << 32)) * 0x9E3779B97F4A7C15ULL;
    size_t q = (size_t)(h >> 32) & (m->cap_spans - 1);
    while (m->spans[q].text != NULL && (m->spans[q].text != text || m->spans[q].len != len)) {
        q = (q + 1) & (m->cap_spans - 1);
    }
    return q;
}

/* The span text[0..len) of m, added (with its prefilter result) when new;
 * NULL on out of memory. */
static memo_span *memo_span_get(att_times_memo *m, const char *text, size_t len) {
    size_t q;
    if (m->cap_spans == 0 || 2 * (m->n_spans + 1) > m->cap_spans) {
        size_t cap = m->cap_spans ? 2 * m->cap_spans : 64;
        memo_span *old = m->spans;
        size_t old_cap = m->cap_spans;
        memo_span *v = calloc(cap, sizeof *v);
        if (v == NULL) {
            return NULL;
        }
        m->spans = v;
        m->cap_spans = cap;
        for (size_t i = 0; i < old_cap; i++) {
            if (old[i].text != NULL) {
                m->spans[span_slot(m, old[i].text, old[i].len)] = old[i];
            }
        }
        free(old);
    }
    q = span_slot(m, text, len);
    if (m->spans[q].text == NULL) {
        key_hit kh[KEYS_MAX];
        size_t nk = 0;
        int open = 0;
        unsigned pats = prefilter_keys(text, len, kh, &nk, &open);
        if (m->n_keys + nk > m->cap_keys) {
            size_t cap = m->cap_keys ? 2 * m->cap_keys : 256;
            while (cap < m->n_keys + nk) {
                cap *= 2;
            }
            key_hit *v = cap < UINT32_MAX ? realloc(m->keys, cap * sizeof *v) : NULL;
            if (v == NULL) {
                return NULL;
            }
            m->keys = v;
            m->cap_keys = cap;
        }
        if (nk > 0) {
            memcpy(m->keys + m->n_keys, kh, nk * sizeof *kh);
        }
        m->spans[q].text = text;
        m->spans[q].len = len;
        m->spans[q].pats = pats;
        m->spans[q].head = NO_REC;
        m->spans[q].kb = (uint32_t)m->n_keys;
        m->spans[q].kn = (uint32_t)nk;
        m->spans[q].kopen = open;
        m->n_keys += nk;
        m->n_spans++;
    }
    return &m->spans[q];
}

/* search() through the memo: a search the span has seen is replayed, any
 * other is run and remembered (when memory allows). */
static void memo_search(const att_dates *d, att_times_memo *m, memo_span *ms, int k,
                        PCRE2_SPTR subj, size_t len, PCRE2_SIZE from, pcre2_match_data *md,
                        const key_list *kl, pending *p) {
    uint32_t *link = &ms->head;
    for (uint32_t r = ms->head; r != NO_REC; r = m->recs[r].next) {
        if (m->recs[r].k == k && m->recs[r].from == from) {
            *p = m->recs[r].p;
            return;
        }
        link = &m->recs[r].next;
    }
    search(d, k, subj, len, from, md, kl, p);
    if (m->n_recs == m->cap_recs) {
        size_t cap = m->cap_recs ? 2 * m->cap_recs : 64;
        memo_rec *v;
        if (cap >= NO_REC) {
            return;
        }
        v = realloc(m->recs, cap * sizeof *v);
        if (v == NULL) {
            return; /* not remembered: a later reading searches again */
        }
        m->recs = v;
        m->cap_recs = cap;
        /* link pointed into the old array when it was a record's next */
        link = &ms->head;
        while (*link != NO_REC) {
            link = &m->recs[*link].next;
        }
    }
    m->recs[m->n_recs].k = k;
    m->recs[m->n_recs].from = from;
    m->recs[m->n_recs].p = *p;
    m->recs[m->n_recs].next = NO_REC;
    *link = (uint32_t)m->n_recs;
    m->n_recs++;
}

/* The lexer of att_times_find_pats over the patterns pats; with a memo span
 * ms (else NULL), its searches go through memo m. md: match data of at
 * least d->pairs pairs. */
static size_t find_in(const att_dates *d, att_times_memo *m, memo_span *ms, const char *text,
                      size_t len, att_ymd ref, att_direction dir, unsigned pats,
                      const key_list *kl, pcre2_match_data *md, att_time *out, size_t max) {
    pending pend[K_COUNT];
    PCRE2_SPTR subj = (PCRE2_SPTR)(text != NULL ? text : "");
    PCRE2_SIZE pos = 0;
    size_t found = 0;

#define SEARCH(k, from, p)                                                                         \
    do {                                                                                           \
        if (ms != NULL) {                                                                          \
            memo_search(d, m, ms, (k), subj, len, (from), md, kl, (p));                            \
        } else {                                                                                   \
            search(d, (k), subj, len, (from), md, kl, (p));                                        \
        }                                                                                          \
    } while (0)

    for (int k = 0; k < K_COUNT; k++) {
        if (pats & PAT(k)) {
            SEARCH(k, 0, &pend[k]);
        } else {
            pend[k].live = 0; /* never searched again: only live patterns are */
        }
    }

    for (;;) {
        int best = -1;
        for (int k = 0; k < K_COUNT; k++) {
            if (pend[k].live && pend[k].ov[0] < pos) {
                SEARCH(k, pos, &pend[k]);
            }
            if (!pend[k].live) {
                continue;
            }
            if (best < 0 || pend[k].ov[0] < pend[best].ov[0] ||
                (pend[k].ov[0] == pend[best].ov[0] && pend[k].ov[1] > pend[best].ov[1])) {
                best = k;
            }
        }
        if (best < 0) {
            break;
        }
        {
            att_time t = zero_time;
            mctx c;
            c.text = (const char *)subj;
            c.ov = pend[best].ov;
            c.grp = d->grp[best];
            c.ref = ref;
            c.dir = dir;
            if (resolvers[best](&c, &t)) {
                t.begin = pend[best].ov[0];
                t.end = pend[best].ov[1];
                if (found < max && out != NULL) {
                    out[found] = t;
                }
                found++;
                pos = t.end;
            } else {
                /* Refused: look for this pattern's next match one byte on. */
                SEARCH(best, pend[best].ov[0] + 1, &pend[best]);
            }
        }
    }
#undef SEARCH
    return found;
}

/* att_times_find_pats, with the key positions kl (NULL: plain searches). */
static size_t find_keyed(const att_dates *d, const char *text, size_t len, att_ymd ref,
                         att_direction dir, unsigned pats, const key_list *kl, att_time *out,
                         size_t max) {
    pcre2_match_data *md;
    size_t found;

    if (d == NULL || (text == NULL && len > 0) || !att_ymd_valid(ref)) {
        return 0;
    }
    pats &= PAT(K_COUNT) - 1;
    if (pats == 0) {
        return 0; /* the common case: no pattern can match */
    }
    md = pcre2_match_data_create(d->pairs, NULL);
    if (md == NULL) {
        return 0;
    }
    found = find_in(d, NULL, NULL, text, len, ref, dir, pats, kl, md, out, max);
    pcre2_match_data_free(md);
    return found;
}

size_t att_times_find(const att_dates *d, const char *text, size_t len, att_ymd ref,
                      att_direction dir, att_time *out, size_t max) {
    key_hit kh[KEYS_MAX];
    key_list kl = {kh, 0, 0};
    unsigned pats = prefilter_keys(text, len, kh, &kl.n, &kl.open);
    return find_keyed(d, text, len, ref, dir, pats, &kl, out, max);
}

size_t att_times_find_pats(const att_dates *d, const char *text, size_t len, att_ymd ref,
                           att_direction dir, unsigned pats, att_time *out, size_t max) {
    return find_keyed(d, text, len, ref, dir, pats, NULL, out, max);
}

size_t att_times_find_memo(const att_dates *d, att_times_memo **memo, const char *text,
                           size_t len, att_ymd ref, att_direction dir, att_time *out,
                           size_t max) {
    att_times_memo *m;
    memo_span *ms;

    if (d == NULL || (text == NULL && len > 0) || !att_ymd_valid(ref)) {
        return 0;
    }
    if (memo == NULL || text == NULL) {
        return att_times_find(d, text, len, ref, dir, out, max);
    }
    if (*memo == NULL) {
        m = calloc(1, sizeof *m);
        if (m == NULL || (m->md = pcre2_match_data_create(d->pairs, NULL)) == NULL) {
            free(m);
            return att_times_find(d, text, len, ref, dir, out, max);
        }
        m->d = d;
        *memo = m;
    }
    m = *memo;
    if (m->d != d || (ms = memo_span_get(m, text, len)) == NULL) {
        return att_times_find(d, text, len, ref, dir, out, max);
    }
    if ((ms->pats & (PAT(K_COUNT) - 1)) == 0) {
        return 0;
    }
    {
        key_list kl = {m->keys != NULL ? m->keys + ms->kb : NULL, ms->kn, ms->kopen};
        return find_in(d, m, ms, text, len, ref, dir, ms->pats & (PAT(K_COUNT) - 1), &kl, m->md,
                       out, max);
    }
}
