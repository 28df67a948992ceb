/* fuzz_document.c - libFuzzer target: the document reader (UTF-8 repair,
 * BOM/CRLF, the ` date` line, header lines, the dateline) on raw bytes.
 * The input's last byte chooses whether a --date default is given. */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    fuzz_world();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    attache_doc_options opts = {0};
    if (size > 0 && (data[size - 1] & 1))
        opts.default_date = "2021-02-28";
    attache_doc *d = NULL;
    attache_status st =
        attache_doc_read_mem(fuzz_world(), "fuzz", (const char *)data, size, &opts, &d);
    if (st == ATTACHE_SUCCESS) {
        FUZZ_CHECK(d != NULL);
        fuzz_check_doc(d);
        FUZZ_CHECK(strlen(attache_doc_date(d)) == 0 || strlen(attache_doc_date(d)) == 10);
        FUZZ_CHECK(attache_doc_sentence_count(d) > 0);
    } else {
        FUZZ_CHECK(d == NULL);
        FUZZ_CHECK(st == ATTACHE_ERR_INPUT || st == ATTACHE_ERR_NOMEM);
    }
    attache_doc_free(d);
    return 0;
}
