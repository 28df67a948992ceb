/* fuzz_roles.c - libFuzzer target: the role extractor (person – role –
 * country), through attache_extract on documents whose text puts the input
 * where titles and names are looked for. */
#include "fuzz_common.h"

static const char *const PREFIX[] = {
    " date 2022-01-13\n\n",
    " date 2022-01-13\n\nChinese State Councilor and Foreign Minister ",
    " date 2022-01-13\n\nOn January 12, President Xi Jinping met ",
    " date 2022-01-13\n\nBEIJING, Jan. 12 (Xinhua) -- Foreign Minister Wang Yi said ",
    " date 2022-01-13\n\nThe Prime Minister of ",
};
static const char *const SUFFIX[] = {"", " said.", ", who is visiting China.",
                                     " in Beijing on Wednesday.", " held talks."};

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    fuzz_world();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    size_t k = size % FUZZ_NTEMPLATES(PREFIX);
    fuzz_extract_wrapped(PREFIX[k], data, size, SUFFIX[k]);
    return 0;
}
