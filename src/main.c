/* main.c - the attache command line: options, calls into libattache, exit
 * codes (0 all good, 1 some input or output failed, 2 usage). */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "attache/attache.h"
#include "cli.h"

static const char *prog = "attache";

void cli_diag(void *ctx, attache_level level, const char *where, const char *msg)
{
    const cli_opts *o = ctx;
    if (level == ATTACHE_DIAG_INFO && (!o || !o->verbose))
        return;
    if (level == ATTACHE_DIAG_WARNING && o && o->quiet)
        return;
    fprintf(stderr, "%s: %s%s%s: %s\n", prog, where ? where : "", where ? ": " : "",
            level == ATTACHE_DIAG_ERROR ? "error" : level == ATTACHE_DIAG_WARNING ? "warning"
                                                                                  : "info",
            msg);
}

static void usage(FILE *fp)
{
    fprintf(fp,
            "Usage: %s COMMAND [options] [arguments]\n"
            "\n"
            "Turn diplomatic readouts into an RDF knowledge graph.\n"
            "\n"
            "Commands:\n"
            "  extract [options] [FILE|DIR|-]...  extract facts and write RDF (default: stdin)\n"
            "  query [options] (-e TEXT | QUERY.rq) [--db DIR | RDF-FILE...]\n"
            "                                     run SPARQL over RDF files or a store\n"
            "  load --db DIR [options] [FILE|DIR|-]...  extract into a persistent store\n"
            "  export --db DIR [-f nquads|turtle]      write the store out\n"
            "  remove --db DIR DOC...                  take documents out of the store\n"
            "\n"
            "Options of extract and load:\n"
            "  -o, --output FILE    write to FILE instead of standard output\n"
            "  -f, --format SYNTAX  turtle (default), ntriples, nquads (one named graph per\n"
            "                       document), rdfxml or dot\n"
            "      --writer raptor  write with raptor2's serializers (slower; the default\n"
            "                       writes Turtle/N-Triples/N-Quads itself, same graph)\n"
            "      --base IRI       base for minted IRIs (default %s)\n"
            "      --date DATE      reference date YYYY-MM-DD for documents without a date line\n"
            "      --jsonl          inputs are JSON Lines: id, date, text, optional url, source\n"
            "      --data DIR       reference data directory (default: installed data)\n"
            "  -q, --quiet          no warnings and no summary on standard error\n"
            "  -v, --verbose        also informational messages\n"
            "\n"
            "Options of query:\n"
            "  -e, --query TEXT     the SPARQL query text (else the first argument is a .rq file)\n"
            "      --format FMT     table (default), csv, tsv or json\n"
            "      --db DIR         query a store made by 'attache load'\n"
            "\n"
            "  -h, --help           this help\n"
            "  -V, --version        version and reference data counts\n"
            "\n"
            "Exit status: 0 all good; 1 some input failed (each named on standard error,\n"
            "the rest processed and written) or output failed; 2 usage error.\n"
            "See attache(1).\n",
            prog, ATTACHE_DEFAULT_BASE);
}

static int version(const cli_opts *o)
{
    attache_world *w = NULL;
    printf("attache %s\n", ATTACHE_VERSION);
    if (attache_world_new(o->data_dir, cli_diag, (void *)o, &w) == ATTACHE_SUCCESS) {
        size_t c, f, p;
        attache_world_counts(w, &c, &f, &p);
        printf("reference data: %zu countries, %zu offices, %zu places\n", c, f, p);
        attache_world_free(w);
    }
    return EXIT_OK;
}

/* ---------------------------------------------------------------- inputs */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Inputs named on the command line or found in a directory that could not be
 * opened as documents at all: they count as read and failed in the summary. */
static size_t inputs_unopened;

int cli_each_input(const char *path, int (*fn)(void *ctx, const char *file), void *ctx,
                   int depth)
{
    struct stat st;
    if (strcmp(path, "-") == 0)
        return fn(ctx, path);
    if (stat(path, &st) != 0) {
        fprintf(stderr, "%s: %s: error: cannot open: %s\n", prog, path, strerror(errno));
        inputs_unopened++;
        return 1;
    }
    if (depth > 0) {
        /* found in a directory: a symbolic link to a directory could loop,
         * and a FIFO, socket or device would block or never end */
        struct stat lst;
        if (S_ISDIR(st.st_mode) && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
            fprintf(stderr, "%s: %s: warning: symbolic link to a directory not followed\n",
                    prog, path);
            return 0;
        }
        if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
            fprintf(stderr, "%s: %s: error: not a regular file\n", prog, path);
            inputs_unopened++;
            return 1;
        }
    }
    if (!S_ISDIR(st.st_mode))
        return fn(ctx, path);
    if (depth > 16) {
        fprintf(stderr, "%s: %s: error: directories nested too deep\n", prog, path);
        return 1;
    }
    DIR *dir = opendir(path);
    if (!dir) {
        fprintf(stderr, "%s: %s: error: cannot open directory: %s\n", prog, path,
                strerror(errno));
        inputs_unopened++;
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    int failed = 0;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                failed = 1;
                break;
            }
            names = nn;
        }
        size_t len = strlen(path) + strlen(de->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) {
            failed = 1;
            break;
        }
        snprintf(names[n], len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
                 de->d_name);
        n++;
    }
    closedir(dir);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        failed |= cli_each_input(names[i], fn, ctx, depth + 1);
        free(names[i]);
    }
    free(names);
    return failed;
}

/* --------------------------------------------------------------- extract */

typedef struct {
    const cli_opts *o;
    attache_world *w;
    attache_writer *out;
    size_t read, written, failed;
    attache_counts total;
    int output_failed;
    const char *file; /* the file being extracted, for messages (NULL: JSON Lines) */
} extract_run;

static int extract_doc(extract_run *r, attache_doc *d)
{
    attache_status st = attache_extract(r->w, d);
    if (st == ATTACHE_SUCCESS)
        st = attache_writer_write(r->out, d);
    if (st == ATTACHE_SUCCESS) {
        attache_counts c = attache_doc_counts(d);
        r->total.roles += c.roles;
        r->total.meetings += c.meetings;
        r->total.scheduled += c.scheduled;
        r->written++;
        return 0;
    }
    if (st == ATTACHE_ERR_IO)
        r->output_failed = 1;
    fprintf(stderr, "%s: %s: error: %s\n", prog, r->file ? r->file : attache_doc_id(d),
            attache_strerror(st));
    r->failed++;
    return 1;
}

static int extract_file(void *ctx, const char *file)
{
    extract_run *r = ctx;
    if (r->output_failed)
        return 1;
    if (r->o->jsonl) {
        size_t rd = 0, wr = 0, fl = 0;
        int rc = cli_jsonl_each(r->w, r->o, file, &rd, &fl,
                                (int (*)(void *, attache_doc *))extract_doc, r);
        (void)wr;
        r->read += rd;
        r->failed += fl;
        return rc;
    }
    attache_doc_options opts = {0};
    opts.default_date = r->o->date;
    attache_doc *d = NULL;
    r->read++;
    attache_status st = attache_doc_read_file(r->w, file, &opts, &d);
    if (st != ATTACHE_SUCCESS) {
        r->failed++;
        return 1;
    }
    r->file = file;
    int rc = extract_doc(r, d);
    r->file = NULL;
    attache_doc_free(d);
    return rc;
}

static int cmd_extract(cli_opts *o)
{
    attache_world *w = NULL;
    if (attache_world_new(o->data_dir, cli_diag, o, &w) != ATTACHE_SUCCESS)
        return EXIT_INPUT;
    if (o->base && attache_world_set_base(w, o->base) != ATTACHE_SUCCESS) {
        fprintf(stderr, "%s: --base '%s' is not an absolute IRI ending in / or #\n", prog,
                o->base);
        attache_world_free(w);
        return EXIT_USAGE;
    }
    FILE *fp = stdout;
    if (o->output && strcmp(o->output, "-") != 0) {
        fp = fopen(o->output, "wb");
        if (!fp) {
            fprintf(stderr, "%s: %s: error: cannot write: %s\n", prog, o->output,
                    strerror(errno));
            attache_world_free(w);
            return EXIT_INPUT;
        }
    }
    extract_run r = {0};
    r.o = o;
    r.w = w;
    if (attache_writer_new(w, o->format, fp, &r.out) != ATTACHE_SUCCESS ||
        (o->raptor_writer &&
         attache_writer_set_engine(r.out, ATTACHE_WRITER_RAPTOR) != ATTACHE_SUCCESS)) {
        fprintf(stderr, "%s: cannot make a %s writer\n", prog, o->format);
        if (fp != stdout)
            fclose(fp);
        attache_world_free(w);
        return EXIT_INPUT;
    }
    int failed = 0;
    if (o->n_inputs == 0)
        failed |= extract_file(&r, "-");
    for (size_t i = 0; i < o->n_inputs; i++)
        failed |= cli_each_input(o->inputs[i], extract_file, &r, 0);
    r.read += inputs_unopened;
    r.failed += inputs_unopened;
    if (attache_writer_free(r.out) != ATTACHE_SUCCESS)
        r.output_failed = 1;
    if (fp != stdout) {
        if (fclose(fp) != 0)
            r.output_failed = 1;
    } else if (fflush(stdout) != 0 || ferror(stdout)) {
        r.output_failed = 1;
    }
    if (r.output_failed)
        fprintf(stderr, "%s: %s: error: writing the output failed: %s\n", prog,
                o->output ? o->output : "standard output", strerror(errno ? errno : EIO));
    if (!o->quiet)
        fprintf(stderr,
                "%s: %zu documents read, %zu written, %zu failed; %zu roles, %zu meetings, %zu "
                "scheduled events\n",
                prog, r.read, r.written, r.failed, r.total.roles, r.total.meetings,
                r.total.scheduled);
    attache_world_free(w);
    return (failed || r.failed || r.output_failed) ? EXIT_INPUT : EXIT_OK;
}

/* ----------------------------------------------------------------- query */

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    size_t k;
    while (s && (k = fread(s + n, 1, cap - n - 1, fp)) > 0) {
        n += k;
        if (n + 1 == cap) {
            char *t = realloc(s, cap * 2);
            if (!t) {
                free(s);
                s = NULL;
                break;
            }
            s = t;
            cap *= 2;
        }
    }
    fclose(fp);
    if (s)
        s[n] = '\0';
    return s;
}

static int cmd_query(cli_opts *o)
{
    char *text = NULL;
    size_t first = 0;
    if (o->query) {
        text = strdup(o->query);
    } else if (o->n_inputs > 0) {
        text = slurp(o->inputs[0]);
        if (!text) {
            fprintf(stderr, "%s: %s: error: cannot read the query: %s\n", prog, o->inputs[0],
                    strerror(errno));
            return EXIT_INPUT;
        }
        first = 1;
    } else {
        fprintf(stderr, "%s: query: give -e TEXT or a .rq file\n", prog);
        return EXIT_USAGE;
    }
    attache_world *w = NULL;
    if (attache_world_new(o->data_dir, cli_diag, o, &w) != ATTACHE_SUCCESS) {
        free(text);
        return EXIT_INPUT;
    }
    attache_status st;
    size_t rows = 0;
    if (o->db)
        st = cli_store_query(w, o, text, &rows);
    else
        st = attache_query_files(w, text, (const char *const *)o->inputs + first,
                                 o->n_inputs - first, o->results, stdout, &rows);
    if (st == ATTACHE_SUCCESS && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "%s: error: writing the results failed\n", prog);
        st = ATTACHE_ERR_IO;
    }
    if (st != ATTACHE_SUCCESS)
        fprintf(stderr, "%s: query: error: %s\n", prog, attache_strerror(st));
    attache_world_free(w);
    free(text);
    return st == ATTACHE_SUCCESS ? EXIT_OK : EXIT_INPUT;
}

/* ------------------------------------------------------------------ main */

static int parse(int argc, char **argv, cli_opts *o)
{
    static const struct option longs[] = {{"output", required_argument, NULL, 'o'},
                                          {"format", required_argument, NULL, 'f'},
                                          {"base", required_argument, NULL, 'B'},
                                          {"date", required_argument, NULL, 'D'},
                                          {"data", required_argument, NULL, 'd'},
                                          {"jsonl", no_argument, NULL, 'J'},
                                          {"writer", required_argument, NULL, 'W'},
                                          {"query", required_argument, NULL, 'e'},
                                          {"db", required_argument, NULL, 'b'},
                                          {"quiet", no_argument, NULL, 'q'},
                                          {"verbose", no_argument, NULL, 'v'},
                                          {"help", no_argument, NULL, 'h'},
                                          {"version", no_argument, NULL, 'V'},
                                          {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:e:qvhV", longs, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->output = optarg;
            break;
        case 'f':
            o->format = optarg;
            o->format_given = 1;
            break;
        case 'B':
            o->base = optarg;
            break;
        case 'D':
            o->date = optarg;
            break;
        case 'd':
            o->data_dir = optarg;
            break;
        case 'J':
            o->jsonl = 1;
            break;
        case 'W':
            if (strcmp(optarg, "raptor") == 0) {
                o->raptor_writer = 1;
            } else if (strcmp(optarg, "native") == 0) {
                o->raptor_writer = 0;
            } else {
                fprintf(stderr, "%s: --writer: '%s' is neither raptor nor native\n", prog, optarg);
                return 0;
            }
            break;
        case 'e':
            o->query = optarg;
            break;
        case 'b':
            o->db = optarg;
            break;
        case 'q':
            o->quiet = 1;
            break;
        case 'v':
            o->verbose = 1;
            break;
        case 'h':
            o->help = 1;
            break;
        case 'V':
            o->version = 1;
            break;
        default:
            return 0;
        }
    }
    o->inputs = argv + optind;
    o->n_inputs = (size_t)(argc - optind);
    return 1;
}

int main(int argc, char **argv)
{
    /* a closed pipe is an output error we report, not a silent death */
    signal(SIGPIPE, SIG_IGN);
    cli_opts o = {0};
    o.format = "turtle";
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0)
        return version(&o);
    if (!parse(argc - 1, argv + 1, &o)) {
        fprintf(stderr, "Try '%s --help'.\n", prog);
        return EXIT_USAGE;
    }
    if (o.help) {
        usage(stdout);
        return EXIT_OK;
    }
    if (o.version)
        return version(&o);
    if (strcmp(cmd, "query") == 0) {
        if (o.format_given) {
            if (strcmp(o.format, "table") == 0)
                o.results = ATTACHE_RESULTS_TABLE;
            else if (strcmp(o.format, "csv") == 0)
                o.results = ATTACHE_RESULTS_CSV;
            else if (strcmp(o.format, "tsv") == 0)
                o.results = ATTACHE_RESULTS_TSV;
            else if (strcmp(o.format, "json") == 0)
                o.results = ATTACHE_RESULTS_JSON;
            else {
                fprintf(stderr, "%s: query: unknown --format '%s' (table, csv, tsv, json)\n",
                        prog, o.format);
                return EXIT_USAGE;
            }
        }
        return cmd_query(&o);
    }
    if (strcmp(cmd, "extract") == 0 || strcmp(cmd, "load") == 0) {
        if (!attache_syntax_supported(o.format)) {
            fprintf(stderr, "%s: unknown -f '%s' (turtle, ntriples, nquads, rdfxml, dot)\n",
                    prog, o.format);
            return EXIT_USAGE;
        }
        if (o.date && strlen(o.date) != 10) {
            fprintf(stderr, "%s: --date takes YYYY-MM-DD\n", prog);
            return EXIT_USAGE;
        }
        if (strcmp(cmd, "load") == 0)
            return cli_load(&o);
        return cmd_extract(&o);
    }
    if (strcmp(cmd, "export") == 0)
        return cli_export(&o);
    if (strcmp(cmd, "remove") == 0)
        return cli_remove(&o);
    fprintf(stderr, "%s: unknown command '%s'\nTry '%s --help'.\n", prog, cmd, prog);
    return EXIT_USAGE;
}
