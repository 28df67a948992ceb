/* fuzz_meetings.c - libFuzzer target: the meeting extractor (meeting –
 * participants – place – date), through attache_extract on documents whose
 * text puts the input where participants, places and dates are looked for. */
#include "fuzz_common.h"

static const char *const PREFIX[] = {
    " date 2022-01-13\n\n",
    " date 2022-01-13\n\nOn January 12, 2022, Foreign Minister Wang Yi held talks in ",
    " date 2022-01-13\n\nPresident Xi Jinping met with Turkish Foreign Minister Cavusoglu ",
    " date 2022-01-13\n\nSecretary Blinken spoke by phone with ",
    " date 2022-01-13\n\nOn the margins of the ",
};
static const char *const SUFFIX[] = {
    "", " with Turkish Foreign Minister Mevlut Cavusoglu.", " at the Great Hall of the People.",
    " on Tuesday.", " summit in Dushanbe, Wang Yi met Pakistani Prime Minister Imran Khan."};

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
