/* fuzz_sentences.c - libFuzzer target: the sentence splitter and tokenizer
 * on their own. The input, repaired to UTF-8 as the reader would, is cut
 * into paragraphs at newlines and each is split; the spans must be ordered,
 * bounded, on character boundaries and agree with their code-point offsets. */
#include "fuzz_common.h"
#include "sentences.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    attache_doc *d = calloc(1, sizeof *d);
    if (!d)
        return 0;
    d->issuing_country = -1;
    d->id = att_strdup("fuzz");
    d->where = att_strdup("fuzz");
    d->text = att_utf8_clean((const char *)data, size, &d->len, &d->repaired);
    if (!d->id || !d->where || !d->text) {
        attache_doc_free(d);
        return 0;
    }
    FUZZ_CHECK(fuzz_utf8_ok(d->text, d->len));
    /* the last byte says whether the first line is a header line */
    int header_first = size > 0 && (data[size - 1] & 1);
    size_t i = 0, para = 0;
    while (i < d->len) {
        size_t e = i;
        while (e < d->len && d->text[e] != '\n')
            e++;
        if (!att_split_sentences(d, i, e, header_first && para == 0, para))
            break;
        para++;
        i = e + 1;
    }
    if (d->n_sents > 0)
        fuzz_check_doc(d);
    attache_doc_free(d);
    return 0;
}
