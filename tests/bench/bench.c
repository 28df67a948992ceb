/* bench.c - attache_bench: the whole pipeline in-process over a corpus it
 * makes itself, for each output syntax.
 *
 * The corpus is deterministic: a seeded PRNG composes readouts of about
 * 2.2 KB from the templates below (a date line, a headline with demonyms and
 * offices, a dateline, then paragraphs of meetings, phone and video calls,
 * visits and agreed future events, and the usual diplomatic filler). The
 * sentences are the benchmark's own; they only need to look like readouts
 * to the extractors.
 *
 * For each syntax it reads, extracts and writes every document through one
 * attache_writer into a counting sink (nothing is kept) and prints
 * documents/s, MB/s of input, triples/s, and RSS: the process's current RSS
 * after a tenth of the documents and at the end (flat memory shows as equal
 * figures) and its peak (getrusage ru_maxrss). Start-up is the time to make
 * an attache_world: reference data loaded and every pattern compiled.
 *
 *   attache_bench [--docs N] [--syntax S]... [--seed N] [--data DIR] [--startup-runs N]
 *   attache_bench --docs N --write-corpus DIR    (files DIR/readout-NNNNNN.txt)
 *   attache_bench --docs N --write-jsonl FILE    (JSON Lines, "-" = stdout)
 *
 * Not a ctest test: run it by hand (tests/bench/run.sh runs both sizes). */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "attache/attache.h"

#ifndef ATTACHE_BENCH_DATA
#define ATTACHE_BENCH_DATA NULL
#endif

/* ------------------------------------------------------------ the PRNG */

typedef struct {
    uint64_t s;
} rng;

/* splitmix64: small, fast, and the same sequence everywhere */
static uint64_t rng_next(rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static size_t pick(rng *r, size_t n) { return (size_t)(rng_next(r) % n); }

#define PICK(r, a) (a)[pick((r), sizeof(a) / sizeof((a)[0]))]

/* ------------------------------------------------------------ templates */

typedef struct {
    const char *name, *demonym, *capital, *agency;
} nation;

static const nation NATIONS[] = {
    {"China", "Chinese", "Beijing", "Xinhua"},
    {"Russia", "Russian", "Moscow", "TASS"},
    {"France", "French", "Paris", "AFP"},
    {"Germany", "German", "Berlin", "dpa"},
    {"Japan", "Japanese", "Tokyo", "Kyodo"},
    {"India", "Indian", "New Delhi", "PTI"},
    {"Brazil", "Brazilian", "Brasilia", "Agencia Brasil"},
    {"Egypt", "Egyptian", "Cairo", "MENA"},
    {"Kenya", "Kenyan", "Nairobi", "KNA"},
    {"Indonesia", "Indonesian", "Jakarta", "Antara"},
    {"Vietnam", "Vietnamese", "Hanoi", "VNA"},
    {"Turkey", "Turkish", "Ankara", "Anadolu"},
    {"Mexico", "Mexican", "Mexico City", "Notimex"},
    {"Canada", "Canadian", "Ottawa", "CP"},
    {"Italy", "Italian", "Rome", "ANSA"},
    {"Spain", "Spanish", "Madrid", "EFE"},
    {"Poland", "Polish", "Warsaw", "PAP"},
    {"Nigeria", "Nigerian", "Abuja", "NAN"},
    {"Argentina", "Argentine", "Buenos Aires", "Telam"},
    {"Pakistan", "Pakistani", "Islamabad", "APP"},
    {"Kazakhstan", "Kazakh", "Astana", "Kazinform"},
    {"Singapore", "Singaporean", "Singapore", "CNA"},
    {"South Africa", "South African", "Pretoria", "SAnews"},
    {"Saudi Arabia", "Saudi", "Riyadh", "SPA"},
    {"Norway", "Norwegian", "Oslo", "NTB"},
    {"Chile", "Chilean", "Santiago", "EFE"},
};

static const char *const OFFICES[] = {
    "Foreign Minister", "Prime Minister",   "President",       "Vice President",
    "Defence Minister", "Trade Minister",   "Vice Premier",    "Deputy Prime Minister",
    "Finance Minister", "Foreign Minister", "Foreign Minister", "Prime Minister",
};

static const char *const GIVEN[] = {
    "Anna",   "Marek",  "Li",      "Sergei", "Amara",  "Kenji",   "Priya",   "Lucas",
    "Fatima", "Omar",   "Ingrid",  "Tomas",  "Mei",    "Rafael",  "Aylin",   "Dmitri",
    "Nadia",  "Hiroshi", "Camila", "Joseph", "Elena",  "Kwame",   "Sofia",   "Arjun",
    "Leila",  "Pablo",  "Hana",    "Viktor", "Grace",  "Nguyen",  "Chidi",   "Astrid",
};

static const char *const FAMILY[] = {
    "Novak",    "Petrov",   "Tanaka",   "Okafor",    "Haddad",   "Lindqvist", "Moreau",
    "Schulz",   "Rossi",    "Castillo", "Yilmaz",    "Sharma",   "Kowalski",  "Mensah",
    "Pereira",  "Ivanova",  "Suzuki",   "Nakamura",  "Andersen", "Dubois",    "Fischer",
    "Bianchi",  "Romero",   "Demir",    "Kapoor",    "Adeyemi",  "Halvorsen", "Santos",
    "Volkov",   "Mahmoud",  "Brennan",  "Takahashi",
};

static const char *const MONTHS[] = {"January", "February", "March",     "April",
                                     "May",     "June",     "July",      "August",
                                     "September", "October", "November", "December"};
static const char *const WEEKDAYS[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
static const char *const TOPICS[] = {
    "trade and investment",   "energy security",      "climate change",
    "food security",          "regional connectivity", "maritime cooperation",
    "public health",          "the digital economy",  "people-to-people exchanges",
    "infrastructure finance", "nuclear safety",       "counter-terrorism",
};
static const char *const EVENTS[] = {
    "the next round of strategic dialogue", "the joint economic commission",
    "a business forum",                     "consultations on consular affairs",
    "the intergovernmental committee",      "a summit",
    "talks on a free trade agreement",      "the high-level security dialogue",
};
static const char *const ORDINALS[] = {"second", "third", "fourth", "fifth",
                                       "sixth",  "seventh", "eighth", "ninth"};

typedef struct {
    const nation *n;
    const char *office;
    char name[64];
} official;

static void make_official(rng *r, const nation *n, official *o)
{
    o->n = n;
    o->office = PICK(r, OFFICES);
    snprintf(o->name, sizeof o->name, "%s %s", PICK(r, GIVEN), PICK(r, FAMILY));
}

typedef struct {
    char *s;
    size_t len, cap;
} sbuf;

static void put(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(sbuf *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        if (k < 0)
            return;
        if ((size_t)k < b->cap - b->len) {
            b->len += (size_t)k;
            return;
        }
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap - b->len <= (size_t)k)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            fprintf(stderr, "attache_bench: out of memory\n");
            exit(1);
        }
        b->s = s;
        b->cap = cap;
    }
}

static const char *family_of(const official *o) { return strchr(o->name, ' ') + 1; }

/* One sentence about the host, the guest and a third party, of a random kind. */
static void sentence(rng *r, sbuf *b, const official *h, const official *g, const official *t,
                     int year, int month, int day)
{
    switch (pick(r, 14)) {
    case 0:
        put(b, "%s %s %s met with %s %s %s in %s on %s. ", h->n->demonym, h->office, h->name,
            g->n->demonym, g->office, g->name, h->n->capital, PICK(r, WEEKDAYS));
        break;
    case 1:
        put(b, "%s held a phone call with %s %s %s on %s, and the two discussed %s. ", h->name,
            t->n->demonym, t->office, t->name, PICK(r, WEEKDAYS), PICK(r, TOPICS));
        break;
    case 2:
        put(b, "Later in the day, %s spoke by video link with the %s %s, %s, about %s. ",
            family_of(h), t->n->demonym, t->office, t->name, PICK(r, TOPICS));
        break;
    case 3:
        put(b, "The two sides agreed to hold %s in %s in %s %d. ", PICK(r, EVENTS),
            g->n->capital, MONTHS[(month + (int)pick(r, 5)) % 12], year + (month > 9));
        break;
    case 4:
        put(b, "%s said %s will visit %s next month at the invitation of %s. ", family_of(g),
            h->name, g->n->name, g->name);
        break;
    case 5:
        put(b, "The %s meeting of the joint commission is scheduled for %s %d in %s. ",
            PICK(r, ORDINALS), MONTHS[(month + 1) % 12], 1 + (int)pick(r, 28), g->n->capital);
        break;
    case 6:
        put(b, "%s said that %s is ready to work with %s to deepen cooperation in %s and %s. ",
            family_of(h), h->n->name, g->n->name, PICK(r, TOPICS), PICK(r, TOPICS));
        break;
    case 7:
        put(b, "Both sides exchanged views on bilateral relations and on regional and "
               "international issues of common concern. ");
        break;
    case 8:
        put(b, "%s noted that this year marks the %s anniversary of diplomatic relations "
               "between the two countries. ",
            family_of(g), PICK(r, ORDINALS));
        break;
    case 9:
        put(b, "On %s %d, %s also met %s %s %s on the sidelines of the forum. ",
            MONTHS[month - 1], day, g->name, t->n->demonym, t->office, t->name);
        break;
    case 10:
        put(b, "\"We value the trust between our peoples,\" %s told reporters after the talks. ",
            g->name);
        break;
    case 11:
        put(b, "The ministers signed memorandums of understanding on %s, %s and %s. ",
            PICK(r, TOPICS), PICK(r, TOPICS), PICK(r, TOPICS));
        break;
    case 12:
        put(b, "%s %s %s will travel to %s next week for talks with %s. ", t->n->demonym,
            t->office, t->name, h->n->capital, h->name);
        break;
    default:
        put(b, "The %s side briefed the guests on its position on %s and welcomed further "
               "dialogue at all levels. ",
            h->n->demonym, PICK(r, TOPICS));
        break;
    }
}

/* Document k of the corpus for seed: the same text for the same (seed, k)
 * whatever was generated before, so any slice of the corpus can be remade. */
static void make_doc(uint64_t seed, size_t k, sbuf *b, char date[11])
{
    rng r = {seed * 0x100000001B3ULL + k};
    b->len = 0;
    const nation *hn = &PICK(&r, NATIONS);
    const nation *gn = hn, *tn = hn;
    while (gn == hn)
        gn = &PICK(&r, NATIONS);
    while (tn == hn || tn == gn)
        tn = &PICK(&r, NATIONS);
    official h, g, t;
    make_official(&r, hn, &h);
    make_official(&r, gn, &g);
    make_official(&r, tn, &t);
    int year = 2015 + (int)pick(&r, 10), month = 1 + (int)pick(&r, 12),
        day = 1 + (int)pick(&r, 28);
    snprintf(date, 11, "%04d-%02d-%02d", year, month, day);
    put(b, " date %s\n", date);
    put(b, "%s %s holds talks with %s %s in %s\n\n", hn->demonym, h.office, gn->demonym,
        g.office, hn->capital);
    char cap[64];
    snprintf(cap, sizeof cap, "%s", hn->capital);
    for (char *p = cap; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    put(b, "%s, %s %d (%s) -- %s %s %s held talks with visiting %s %s %s in %s on %s. ", cap,
        MONTHS[month - 1], day, hn->agency, hn->demonym, h.office, h.name, gn->demonym,
        g.office, g.name, hn->capital, PICK(&r, WEEKDAYS));
    size_t target = 1950 + pick(&r, 500);
    size_t para = b->len;
    while (b->len < target) {
        sentence(&r, b, &h, &g, &t, year, month, day);
        if (b->len - para > 450 + pick(&r, 300)) {
            b->s[b->len - 1] = '\n'; /* the space after the last sentence */
            put(b, "\n");
            para = b->len;
        }
    }
    if (b->s[b->len - 1] == ' ')
        b->s[b->len - 1] = '\n';
}

/* ------------------------------------------------------- measurement */

/* Rates are per CPU second of this process (one core), so that a busy
 * machine does not make the pipeline look slower than it is; wall-clock
 * seconds are printed beside them. */
static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double wall_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double peak_rss_mib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0; /* KiB on Linux */
}

static double current_rss_mib(void)
{
    long pages = 0, rss = 0;
    FILE *fp = fopen("/proc/self/statm", "r");
    if (!fp)
        return 0;
    if (fscanf(fp, "%ld %ld", &pages, &rss) != 2)
        rss = 0;
    fclose(fp);
    return (double)rss * (double)sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* A sink that counts the bytes written and keeps none. */
static ssize_t count_write(void *cookie, const char *buf, size_t n)
{
    (void)buf;
    *(size_t *)cookie += n;
    return (ssize_t)n;
}

typedef struct {
    size_t warnings, errors;
} diag_counts;

static void diag(void *ctx, attache_level level, const char *where, const char *msg)
{
    diag_counts *c = ctx;
    if (level == ATTACHE_DIAG_ERROR) {
        if (c->errors++ < 5)
            fprintf(stderr, "attache_bench: %s: %s\n", where ? where : "", msg);
    } else if (level == ATTACHE_DIAG_WARNING) {
        c->warnings++;
    }
}

static int run_syntax(const attache_world *w, const char *syntax, size_t docs, uint64_t seed,
                      sbuf *b)
{
    size_t out_bytes = 0;
    cookie_io_functions_t io = {NULL, count_write, NULL, NULL};
    FILE *sink = fopencookie(&out_bytes, "w", io);
    if (!sink) {
        fprintf(stderr, "attache_bench: fopencookie: %s\n", strerror(errno));
        return 1;
    }
    setvbuf(sink, NULL, _IOFBF, 1 << 16);
    attache_writer *wr = NULL;
    int extract_only = strcmp(syntax, "none") == 0; /* read and extract, write nothing */
    if (!extract_only && attache_writer_new(w, syntax, sink, &wr) != ATTACHE_SUCCESS) {
        fprintf(stderr, "attache_bench: cannot make a %s writer\n", syntax);
        fclose(sink);
        return 1;
    }
    double busy = 0, rss_tenth = 0, wall0 = wall_s();
    size_t in_bytes = 0, failed = 0, facts = 0;
    char date[11];
    for (size_t k = 0; k < docs; k++) {
        make_doc(seed, k, b, date);
        char id[32];
        snprintf(id, sizeof id, "readout-%06zu", k + 1);
        attache_doc_options opts = {0};
        opts.id = id;
        double t0 = now_s();
        attache_doc *d = NULL;
        attache_status st = attache_doc_read_mem(w, id, b->s, b->len, &opts, &d);
        if (st == ATTACHE_SUCCESS)
            st = attache_extract(w, d);
        if (st == ATTACHE_SUCCESS && !extract_only)
            st = attache_writer_write(wr, d);
        if (st == ATTACHE_SUCCESS) {
            attache_counts c = attache_doc_counts(d);
            facts += c.roles + c.meetings + c.scheduled;
        } else {
            failed++;
        }
        attache_doc_free(d);
        busy += now_s() - t0;
        in_bytes += b->len;
        if (k + 1 == (docs + 9) / 10)
            rss_tenth = current_rss_mib();
    }
    size_t triples = extract_only ? 0 : attache_writer_triples(wr);
    double t0 = now_s();
    attache_status st = extract_only ? ATTACHE_SUCCESS : attache_writer_free(wr);
    fclose(sink);
    busy += now_s() - t0;
    printf("%-9s %8zu %9.0f %7.1f %10.0f %10zu %8.1f %8zu %7.1f %6.1f %7.1f %7.1f%s\n", syntax,
           docs, (double)docs / busy, (double)in_bytes / 1e6 / busy, (double)triples / busy,
           triples, (double)out_bytes / 1e6, facts, busy, wall_s() - wall0, rss_tenth,
           current_rss_mib(),
           failed || st != ATTACHE_SUCCESS ? "  (failures!)" : "");
    fflush(stdout);
    return failed || st != ATTACHE_SUCCESS;
}

/* ------------------------------------------------------ corpus output */

static void json_string(FILE *fp, const char *s, size_t n)
{
    fputc('"', fp);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(fp, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", fp);
        else if (c < 0x20)
            fprintf(fp, "\\u%04x", c);
        else
            fputc(c, fp);
    }
    fputc('"', fp);
}

static int write_corpus(const char *dir, const char *jsonl, size_t docs, uint64_t seed)
{
    sbuf b = {0};
    char date[11];
    FILE *jp = NULL;
    if (dir && mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "attache_bench: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    if (jsonl) {
        jp = strcmp(jsonl, "-") == 0 ? stdout : fopen(jsonl, "wb");
        if (!jp) {
            fprintf(stderr, "attache_bench: %s: %s\n", jsonl, strerror(errno));
            return 1;
        }
    }
    int rc = 0;
    for (size_t k = 0; k < docs && !rc; k++) {
        make_doc(seed, k, &b, date);
        char id[32];
        snprintf(id, sizeof id, "readout-%06zu", k + 1);
        if (dir) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s.txt", dir, id);
            FILE *fp = fopen(path, "wb");
            if (!fp || fwrite(b.s, 1, b.len, fp) != b.len) {
                fprintf(stderr, "attache_bench: %s: %s\n", path, strerror(errno));
                rc = 1;
            }
            if (fp && fclose(fp) != 0)
                rc = 1;
        }
        if (jp) {
            /* the date travels in the field; the text keeps its date line too,
             * so a file and its JSON Lines twin give the same graph */
            fprintf(jp, "{\"id\":\"%s\",\"date\":\"%s\",\"url\":\"https://example.org/%s\","
                        "\"source\":\"attache bench\",\"text\":",
                    id, date, id);
            json_string(jp, b.s, b.len);
            fputs("}\n", jp);
        }
    }
    if (jp && jp != stdout && fclose(jp) != 0)
        rc = 1;
    if (jp == stdout && fflush(stdout) != 0)
        rc = 1;
    free(b.s);
    return rc;
}

/* ---------------------------------------------------------------- main */

static void usage(FILE *fp)
{
    fprintf(fp,
            "Usage: attache_bench [--docs N] [--syntax S]... [--seed N] [--data DIR]\n"
            "                     [--startup-runs N]\n"
            "       attache_bench --docs N [--seed N] --write-corpus DIR | --write-jsonl FILE\n"
            "Runs read, extract and write in-process over N generated readouts (default\n"
            "10000) for each syntax (default: turtle, ntriples, nquads; \"none\" reads and\n"
            "extracts without writing, to separate extraction from serialization).\n");
}

int main(int argc, char **argv)
{
    static const struct option longs[] = {{"docs", required_argument, NULL, 'n'},
                                          {"syntax", required_argument, NULL, 's'},
                                          {"seed", required_argument, NULL, 'S'},
                                          {"data", required_argument, NULL, 'd'},
                                          {"write-corpus", required_argument, NULL, 'w'},
                                          {"write-jsonl", required_argument, NULL, 'j'},
                                          {"startup-runs", required_argument, NULL, 'r'},
                                          {"help", no_argument, NULL, 'h'},
                                          {NULL, 0, NULL, 0}};
    size_t docs = 10000;
    uint64_t seed = 1;
    const char *syntaxes[8];
    size_t n_syntax = 0;
    const char *data = NULL, *corpus = NULL, *jsonl = NULL;
    int startup_runs = 5, c;
    while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        switch (c) {
        case 'n':
            docs = (size_t)strtoull(optarg, NULL, 10);
            break;
        case 's':
            if (n_syntax == sizeof syntaxes / sizeof syntaxes[0] ||
                (strcmp(optarg, "none") != 0 && !attache_syntax_supported(optarg))) {
                fprintf(stderr, "attache_bench: unknown or too many --syntax '%s'\n", optarg);
                return 2;
            }
            syntaxes[n_syntax++] = optarg;
            break;
        case 'S':
            seed = strtoull(optarg, NULL, 10);
            break;
        case 'd':
            data = optarg;
            break;
        case 'w':
            corpus = optarg;
            break;
        case 'j':
            jsonl = optarg;
            break;
        case 'r':
            startup_runs = atoi(optarg);
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind != argc || docs == 0) {
        usage(stderr);
        return 2;
    }
    if (corpus || jsonl)
        return write_corpus(corpus, jsonl, docs, seed);
    if (n_syntax == 0) {
        syntaxes[n_syntax++] = "turtle";
        syntaxes[n_syntax++] = "ntriples";
        syntaxes[n_syntax++] = "nquads";
    }
    if (!data && !getenv("ATTACHE_DATA"))
        data = ATTACHE_BENCH_DATA;

    /* start-up: the first world pays for cold caches; the best of five is
     * what a warm `attache extract` pays */
    diag_counts dc = {0, 0};
    attache_world *w = NULL;
    double t0 = now_s(), tw = wall_s();
    if (attache_world_new(data, diag, &dc, &w) != ATTACHE_SUCCESS) {
        fprintf(stderr, "attache_bench: cannot make the world (reference data?)\n");
        return 1;
    }
    double first = now_s() - t0, first_wall = wall_s() - tw;
    double rss_world = current_rss_mib();
    size_t nc, no, np;
    attache_world_counts(w, &nc, &no, &np);

    /* the corpus's size, made once up front (not timed with the pipeline) */
    sbuf b = {0};
    char date[11];
    size_t corpus_bytes = 0;
    for (size_t k = 0; k < docs; k++) {
        make_doc(seed, k, &b, date);
        corpus_bytes += b.len;
    }
    printf("attache_bench: attache %s, %zu documents (seed %llu), %.1f MB, %.0f bytes/doc\n",
           ATTACHE_VERSION, docs, (unsigned long long)seed, (double)corpus_bytes / 1e6,
           (double)corpus_bytes / (double)docs);
    printf("world: %zu countries, %zu offices, %zu places, patterns compiled; RSS %.1f MiB\n",
           nc, no, np, rss_world);
    printf("%-9s %8s %9s %7s %10s %10s %8s %8s %7s %6s %7s %7s\n", "syntax", "docs", "docs/s",
           "MB/s", "triples/s", "triples", "out MB", "facts", "cpu s", "wall s", "RSS@10%",
           "RSS end");
    int rc = 0;
    for (size_t i = 0; i < n_syntax; i++)
        rc |= run_syntax(w, syntaxes[i], docs, seed, &b);
    printf("peak RSS (ru_maxrss, whole process): %.1f MiB; %zu warnings, %zu errors\n",
           peak_rss_mib(), dc.warnings, dc.errors);
    free(b.s);
    attache_world_free(w);

    /* start-up again, after the runs (so the extra worlds do not count in
     * the peak RSS above): the best of five is what a warm `attache
     * extract` pays before its first document */
    double best = first, best_wall = first_wall;
    for (int i = 0; i < startup_runs; i++) {
        attache_world *w2 = NULL;
        t0 = now_s();
        tw = wall_s();
        if (attache_world_new(data, diag, &dc, &w2) == ATTACHE_SUCCESS) {
            double t = now_s() - t0, t2 = wall_s() - tw;
            best = t < best ? t : best;
            best_wall = t2 < best_wall ? t2 : best_wall;
        }
        attache_world_free(w2);
    }
    printf("start-up (attache_world_new: reference data loaded, patterns compiled): first "
           "%.1f ms CPU (%.1f wall), best of %d %.1f ms CPU (%.1f wall)\n",
           first * 1e3, first_wall * 1e3, startup_runs + 1, best * 1e3, best_wall * 1e3);
    return rc;
}
