/* dates.h - find time expressions in text and resolve them against a
 * reference date (internal to attache_core).
 *
 * A readout says "on Thursday", "late September", "next year", "14/4/2024".
 * att_times_find() scans a span of UTF-8 text for such expressions and
 * resolves each against the document's reference date, keeping the precision
 * the text gives (a day, a month or a year) and earliest/latest bounds.
 */
#ifndef ATTACHE_DATES_H
#define ATTACHE_DATES_H

#include <stddef.h>

/* A calendar day; y=0 means "no date". */
typedef struct {
    int y, m, d;
} att_ymd;

typedef enum {
    ATT_PREC_NONE = 0, /* not settled (e.g. "last week" in the past) */
    ATT_PREC_DAY,
    ATT_PREC_MONTH,
    ATT_PREC_YEAR
} att_precision;

/* How to read an expression whose year or direction the text leaves open. */
typedef enum {
    ATT_DIR_PAST,  /* something that happened: "on Thursday" = last Thursday on or before ref */
    ATT_DIR_FUTURE /* something planned: "on Thursday" = next Thursday after ref,
                      "in March" written in November = next year's March */
} att_direction;

typedef enum {
    ATT_TIME_ABSOLUTE = 0, /* resolved: see prec/value/bounds */
    ATT_TIME_SAME_DAY,     /* "on the same day", "earlier on the same day", "later in the day":
                              the day of the previous dated event; caller resolves */
    ATT_TIME_UNSETTLED     /* a time phrase with no settled value ("last week", "in the near
                              future", "at an early date", "in the coming weeks") */
} att_time_kind;

typedef struct {
    att_time_kind kind;
    att_precision prec;
    att_ymd value;            /* day: y-m-d; month: y-m-0; year: y-0-0 */
    att_ymd earliest, latest; /* bounds as full days (late September = 21..30) */
    size_t begin, end;        /* byte span of the expression within the scanned text */
} att_time;

/* Opaque compiled patterns; made once, shared read-only by every thread. */
typedef struct att_dates att_dates;

/* Compile the patterns. Returns NULL on failure (out of memory / pattern error).
 * The caller owns the result; free it with att_dates_free(). */
att_dates *att_dates_new(void);
/* Free; NULL is a no-op. */
void att_dates_free(att_dates *d);

/* Scan text[0..len) (UTF-8, need not be NUL-terminated) for time expressions,
 * resolve each against ref in the given direction, and write up to max of them
 * to out in text order. Returns the number found (may exceed max: only max are
 * written). Expressions do not overlap; the longest wins ("on the evening of
 * March 29" is one expression). */
size_t att_times_find(const att_dates *d, const char *text, size_t len, att_ymd ref,
                      att_direction dir, att_time *out, size_t max);
/* Conventions of att_times_find (dates.c):
 * - The span includes a leading preposition and time-of-day words that belong
 *   to the phrase: "on Thursday", "in late September", "by the end of March",
 *   "from 13 to 15 September", "on the evening of March 29", "on Sunday,
 *   14/4/2024" (an explicit date beside a weekday wins and is one expression).
 * - Overlaps: the leftmost expression wins, the longest on a tie.
 * - Ranges give their first day (value) and earliest/latest as the first and
 *   last day. Months: early 1-10, mid 11-20, late/end 21-last. Years: early
 *   Jan-Apr, mid May-Aug, late/end Sep-Dec, halves, quarters, seasons (winter
 *   Dec-Feb, its value the year it starts in, or ref's year for "this winter"
 *   and a winter under way). "later this ..." starts at ref, "earlier this ..."
 *   ends at ref.
 * - "this week" / "next week": MONTH precision, the month of ref / of ref+7,
 *   bounds Monday-Sunday of that week. "this weekend" / "next weekend" in the
 *   future: DAY, the Saturday (bounds Saturday-Sunday).
 * - ATT_TIME_SAME_DAY has prec ATT_PREC_DAY and zero value/bounds.
 *   ATT_TIME_UNSETTLED has prec ATT_PREC_NONE and zero value/bounds; it covers
 *   "last week", "the past week", past "over the weekend", "N weeks/months/years
 *   ago", "in the coming weeks", "in the near future", "soon", "recently" ...
 * - A month-day without a year: on/before ref (PAST) or on/after ref (FUTURE);
 *   an impossible day (Feb 30, Feb 29 in a common year) is skipped.
 * - Returns 0 for d == NULL, text == NULL with len > 0, an invalid ref, or when
 *   the match data cannot be allocated. Safe to call from several threads on
 *   one att_dates; out is written only by the calling thread.
 * - The text is scanned byte-wise: invalid UTF-8 is harmless. */

/* A memo of the raw pattern matches of the spans a caller reads (one per
 * document; not shared between threads). */
typedef struct att_times_memo att_times_memo;

/* att_times_find() that reads the raw matches of text[0..len) from *memo
 * when the span was scanned before: the pattern matching does not depend on
 * ref or dir, only the resolving does, so a sentence read in the past and
 * then in the future is matched once. Same results as att_times_find().
 * *memo == NULL: one is made; the caller owns it and frees it with
 * att_times_memo_free(). The memo is keyed by the text's address and length:
 * the text must stay unchanged, and at its address, while the memo lives
 * (a document's text). Without memory for the memo it just scans. */
size_t att_times_find_memo(const att_dates *d, att_times_memo **memo, const char *text,
                           size_t len, att_ymd ref, att_direction dir, att_time *out,
                           size_t max);
/* Free; NULL is a no-op. */
void att_times_memo_free(att_times_memo *m);

/* The prefilter of att_times_find() (see dates.c), for tests: bit k set when
 * pattern k may match somewhere in text[0..len); a clear bit means it cannot.
 * Cheap: one pass over the bytes. */
unsigned att_times_prefilter(const char *text, size_t len);
/* att_times_find() running only the patterns whose bit is set in pats
 * (~0u: all of them, no prefilter), each search from its plain start (not
 * from the prefilter's key positions); for tests comparing the two. */
size_t att_times_find_pats(const att_dates *d, const char *text, size_t len, att_ymd ref,
                           att_direction dir, unsigned pats, att_time *out, size_t max);

/* Parse "YYYY-MM-DD" exactly (len bytes). Returns 1 and fills *out when it is a
 * valid calendar day, else 0. */
int att_ymd_parse(const char *s, size_t len, att_ymd *out);

/* 1 when y-m-d is a valid Gregorian day. */
int att_ymd_valid(att_ymd v);
/* Day of week, 0 = Monday .. 6 = Sunday. */
int att_ymd_weekday(att_ymd v);
/* v plus n days (n may be negative). */
att_ymd att_ymd_add_days(att_ymd v, int n);
/* Days in month m of year y. */
int att_days_in_month(int y, int m);
/* Compare: <0, 0, >0. */
int att_ymd_cmp(att_ymd a, att_ymd b);
/* Lexical form at a precision into buf (at least 11 bytes): "2021-09-17",
 * "2021-09", "2021". Returns buf. */
char *att_time_lexical(att_ymd v, att_precision p, char *buf);

#endif
