/* fuzz_scheduled.c - libFuzzer target: the scheduled-event extractor
 * (agreed/scheduled events and their time), through attache_extract on
 * documents whose text puts the input where events and times are looked for. */
#include "fuzz_common.h"

static const char *const PREFIX[] = {
    " date 2021-09-18\n\n",
    " date 2021-09-18\n\nThe two sides confirmed that the 10th meeting of the ",
    " date 2021-09-18\n\nWang Yi met Imran Khan. The two sides agreed to hold ",
    " date 2021-09-18\n\nThe next round of strategic dialogue will be held ",
    " date 2021-09-18\n\nThey agreed that the Joint Commission will meet in ",
};
static const char *const SUFFIX[] = {"", " will be held in late September.",
                                     " in October next year.", ".", " 2022."};

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
