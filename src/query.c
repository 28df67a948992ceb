/* query.c - SPARQL over RDF files (or a store) through librdf/rasqal.
 *
 * The shipped queries avoid rasqal 0.9.33's defects (see ../shared/MODEL.md
 * and ontology/README.md); this module runs whatever it is given. */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "world.h"

typedef struct {
    const attache_world *w;
} log_ctx;

static int log_handler(void *user, librdf_log_message *msg)
{
    const attache_world *w = user;
    int lvl = librdf_log_message_level(msg);
    const char *m = librdf_log_message_message(msg);
    raptor_locator *loc = librdf_log_message_locator(msg);
    char where[512] = "";
    if (loc && raptor_locator_file(loc))
        snprintf(where, sizeof where, "%s:%d", raptor_locator_file(loc), raptor_locator_line(loc));
    world_diag(w, lvl >= LIBRDF_LOG_ERROR ? ATTACHE_DIAG_ERROR : ATTACHE_DIAG_WARNING,
               where[0] ? where : "librdf", "%s", m ? m : "(no message)");
    return 1;
}

librdf_world *query_librdf_world(const attache_world *w)
{
    librdf_world *lw = librdf_new_world();
    if (!lw)
        return NULL;
    librdf_world_set_logger(lw, (void *)w, log_handler);
    librdf_world_open(lw);
    return lw;
}

const char *query_syntax_for(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return "turtle";
    if (strcmp(dot, ".nt") == 0)
        return "ntriples";
    if (strcmp(dot, ".nq") == 0)
        return "nquads";
    if (strcmp(dot, ".rdf") == 0 || strcmp(dot, ".xml") == 0 || strcmp(dot, ".owl") == 0)
        return "rdfxml";
    return "turtle";
}

/* The printable value of a node; caller frees. */
static char *node_value(librdf_node *n, int *kind)
{
    *kind = 0;
    if (!n)
        return att_strdup("");
    if (librdf_node_is_resource(n)) {
        *kind = 1;
        return att_strdup((const char *)librdf_uri_as_string(librdf_node_get_uri(n)));
    }
    if (librdf_node_is_literal(n)) {
        *kind = 2;
        return att_strdup((const char *)librdf_node_get_literal_value(n));
    }
    *kind = 3;
    return att_strdup((const char *)librdf_node_get_blank_identifier(n));
}

static void put_csv(FILE *fp, const char *v)
{
    int quote = strpbrk(v, ",\"\n\r") != NULL;
    if (!quote) {
        fputs(v, fp);
        return;
    }
    fputc('"', fp);
    for (const char *p = v; *p; p++) {
        if (*p == '"')
            fputc('"', fp);
        fputc(*p, fp);
    }
    fputc('"', fp);
}

static void put_tsv(FILE *fp, const char *v)
{
    for (const char *p = v; *p; p++) {
        if (*p == '\t')
            fputs("\\t", fp);
        else if (*p == '\n')
            fputs("\\n", fp);
        else if (*p == '\\')
            fputs("\\\\", fp);
        else
            fputc(*p, fp);
    }
}

static void put_json_str(FILE *fp, const char *v)
{
    fputc('"', fp);
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", fp);
        else if (*p == '\t')
            fputs("\\t", fp);
        else if (*p < 0x20)
            fprintf(fp, "\\u%04x", *p);
        else
            fputc(*p, fp);
    }
    fputc('"', fp);
}

#define CELL_MAX 60

typedef struct {
    char **cells; /* rows * cols values, owned */
    int *kinds;
    size_t rows, cols, cap;
} table_t;

static void table_free(table_t *t)
{
    for (size_t i = 0; i < t->rows * t->cols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->kinds);
}

static void print_table(FILE *fp, const char *const *names, const table_t *t,
                        attache_results_format fmt)
{
    size_t c = t->cols;
    if (fmt == ATTACHE_RESULTS_JSON) {
        fputs("{\"head\":{\"vars\":[", fp);
        for (size_t j = 0; j < c; j++) {
            if (j)
                fputc(',', fp);
            put_json_str(fp, names[j]);
        }
        fputs("]},\"results\":{\"bindings\":[", fp);
        for (size_t i = 0; i < t->rows; i++) {
            fputs(i ? ",\n{" : "\n{", fp);
            int first = 1;
            for (size_t j = 0; j < c; j++) {
                int k = t->kinds[i * c + j];
                if (k == 0)
                    continue;
                if (!first)
                    fputc(',', fp);
                first = 0;
                put_json_str(fp, names[j]);
                fprintf(fp, ":{\"type\":\"%s\",\"value\":",
                        k == 1 ? "uri" : k == 2 ? "literal" : "bnode");
                put_json_str(fp, t->cells[i * c + j]);
                fputc('}', fp);
            }
            fputc('}', fp);
        }
        fputs("]}}\n", fp);
        return;
    }
    if (fmt == ATTACHE_RESULTS_CSV || fmt == ATTACHE_RESULTS_TSV) {
        for (size_t j = 0; j < c; j++) {
            if (j)
                fputc(fmt == ATTACHE_RESULTS_CSV ? ',' : '\t', fp);
            fputs(names[j], fp);
        }
        fputc('\n', fp);
        for (size_t i = 0; i < t->rows; i++) {
            for (size_t j = 0; j < c; j++) {
                if (j)
                    fputc(fmt == ATTACHE_RESULTS_CSV ? ',' : '\t', fp);
                if (fmt == ATTACHE_RESULTS_CSV)
                    put_csv(fp, t->cells[i * c + j]);
                else
                    put_tsv(fp, t->cells[i * c + j]);
            }
            fputc('\n', fp);
        }
        return;
    }
    /* an aligned table; long literals are cut at CELL_MAX characters, IRIs
     * never (a cut IRI names nothing) */
    size_t *wd = calloc(c ? c : 1, sizeof *wd);
    if (!wd)
        return;
    for (size_t j = 0; j < c; j++)
        wd[j] = att_utf8_count(names[j], strlen(names[j]));
    for (size_t i = 0; i < t->rows; i++)
        for (size_t j = 0; j < c; j++) {
            const char *v = t->cells[i * c + j];
            size_t n = att_utf8_count(v, strlen(v));
            size_t lim = t->kinds[i * c + j] == 1 ? (size_t)-1 : CELL_MAX;
            if (n > lim)
                n = lim;
            if (n > wd[j])
                wd[j] = n;
        }
    for (size_t j = 0; j < c; j++)
        fprintf(fp, "%s%-*s", j ? " | " : "", (int)wd[j], names[j]);
    fputc('\n', fp);
    for (size_t j = 0; j < c; j++) {
        fputs(j ? "-+-" : "", fp);
        for (size_t k = 0; k < wd[j]; k++)
            fputc('-', fp);
    }
    fputc('\n', fp);
    for (size_t i = 0; i < t->rows; i++) {
        for (size_t j = 0; j < c; j++) {
            const char *v = t->cells[i * c + j];
            size_t n = att_utf8_count(v, strlen(v)), bytes = 0, chars = 0;
            size_t lim = t->kinds[i * c + j] == 1 ? (size_t)-1 : CELL_MAX;
            while (v[bytes] && chars < lim) {
                uint32_t cp;
                size_t l = att_utf8_next(v + bytes, &cp);
                bytes += l;
                chars++;
            }
            fputs(j ? " | " : "", fp);
            fwrite(v, 1, bytes, fp);
            for (size_t k = (n > lim ? lim : n); k < wd[j]; k++)
                fputc(' ', fp);
        }
        fputc('\n', fp);
    }
    free(wd);
}

attache_status query_model(const attache_world *w, librdf_world *lw, librdf_model *model,
                           const char *query, attache_results_format fmt, FILE *fp, size_t *rows)
{
    if (rows)
        *rows = 0;
    librdf_query *q = librdf_new_query(lw, "sparql", NULL, (const unsigned char *)query, NULL);
    if (!q) {
        world_diag(w, ATTACHE_DIAG_ERROR, "query", "the SPARQL query does not parse");
        return ATTACHE_ERR_QUERY;
    }
    librdf_query_results *res = librdf_model_query_execute(model, q);
    if (!res) {
        librdf_free_query(q);
        world_diag(w, ATTACHE_DIAG_ERROR, "query", "the SPARQL query failed to run");
        return ATTACHE_ERR_QUERY;
    }
    attache_status st = ATTACHE_SUCCESS;
    if (librdf_query_results_is_boolean(res)) {
        fprintf(fp, "%s\n", librdf_query_results_get_boolean(res) > 0 ? "true" : "false");
        if (rows)
            *rows = 1;
    } else if (librdf_query_results_is_graph(res)) {
        librdf_stream *stream = librdf_query_results_as_stream(res);
        librdf_serializer *ser = librdf_new_serializer(lw, "turtle", NULL, NULL);
        size_t n = 0;
        if (stream && ser) {
            librdf_model *tmp = librdf_new_model(
                lw, librdf_new_storage(lw, "memory", NULL, NULL), NULL);
            if (tmp) {
                for (; !librdf_stream_end(stream); librdf_stream_next(stream)) {
                    librdf_statement *s = librdf_stream_get_object(stream);
                    if (s && !librdf_model_add_statement(tmp, s))
                        n++;
                }
                librdf_serializer_serialize_model_to_file_handle(ser, fp, NULL, tmp);
                librdf_storage *sto = librdf_model_get_storage(tmp);
                librdf_free_model(tmp);
                if (sto)
                    librdf_free_storage(sto);
            }
        } else {
            st = ATTACHE_ERR_QUERY;
        }
        if (stream)
            librdf_free_stream(stream);
        if (ser)
            librdf_free_serializer(ser);
        if (rows)
            *rows = n;
    } else {
        int nb = librdf_query_results_get_bindings_count(res);
        size_t cols = nb > 0 ? (size_t)nb : 0;
        const char **names = calloc(cols + 1, sizeof *names);
        table_t t = {0};
        t.cols = cols;
        for (size_t j = 0; names && j < cols; j++)
            names[j] = librdf_query_results_get_binding_name(res, (int)j);
        while (names && !librdf_query_results_finished(res)) {
            if (t.rows == t.cap) {
                size_t nc = t.cap ? t.cap * 2 : 64;
                char **cells = realloc(t.cells, nc * (cols ? cols : 1) * sizeof *cells);
                if (!cells) {
                    st = ATTACHE_ERR_NOMEM;
                    break;
                }
                t.cells = cells;
                int *kinds = realloc(t.kinds, nc * (cols ? cols : 1) * sizeof *kinds);
                if (!kinds) {
                    st = ATTACHE_ERR_NOMEM;
                    break;
                }
                t.kinds = kinds;
                t.cap = nc;
            }
            for (size_t j = 0; j < cols; j++) {
                librdf_node *n = librdf_query_results_get_binding_value(res, (int)j);
                int k;
                t.cells[t.rows * cols + j] = node_value(n, &k);
                t.kinds[t.rows * cols + j] = n ? k : 0;
                if (n)
                    librdf_free_node(n);
            }
            t.rows++;
            librdf_query_results_next(res);
        }
        if (st == ATTACHE_SUCCESS && names)
            print_table(fp, names, &t, fmt);
        if (rows)
            *rows = t.rows;
        table_free(&t);
        free(names);
    }
    librdf_free_query_results(res);
    librdf_free_query(q);
    if (ferror(fp))
        st = ATTACHE_ERR_IO;
    return st;
}

attache_status attache_query_files(const attache_world *w, const char *query,
                                   const char *const *files, size_t n_files,
                                   attache_results_format fmt, FILE *fp, size_t *rows)
{
    librdf_world *lw = query_librdf_world(w);
    if (!lw)
        return ATTACHE_ERR_RDF;
    attache_status st = ATTACHE_SUCCESS;
    librdf_storage *sto = librdf_new_storage(lw, "memory", NULL, "contexts='yes'");
    librdf_model *model = sto ? librdf_new_model(lw, sto, NULL) : NULL;
    if (!model)
        st = ATTACHE_ERR_RDF;
    for (size_t i = 0; st == ATTACHE_SUCCESS && i < n_files; i++) {
        const char *syntax = query_syntax_for(files[i]);
        librdf_parser *p = librdf_new_parser(lw, syntax, NULL, NULL);
        librdf_uri *u = librdf_new_uri_from_filename(lw, files[i]);
        FILE *in = fopen(files[i], "rb");
        if (!p || !u || !in) {
            world_diag(w, ATTACHE_DIAG_ERROR, files[i], "cannot read");
            st = ATTACHE_ERR_IO;
        } else if (librdf_parser_parse_file_handle_into_model(p, in, 0, u, model)) {
            world_diag(w, ATTACHE_DIAG_ERROR, files[i], "not valid %s", syntax);
            st = ATTACHE_ERR_RDF;
        }
        if (in)
            fclose(in);
        if (u)
            librdf_free_uri(u);
        if (p)
            librdf_free_parser(p);
    }
    if (st == ATTACHE_SUCCESS)
        st = query_model(w, lw, model, query, fmt, fp, rows);
    if (model)
        librdf_free_model(model);
    if (sto)
        librdf_free_storage(sto);
    librdf_free_world(lw);
    return st;
}
