/* fuzz_normalize.c - libFuzzer target: the date, time, duration and number
 * normalizer (normalize_scan over number.c and timex.c).
 *
 * The first two bytes choose the reference date (or none) and how many
 * expressions the caller has room for; the rest is the text, which need not
 * be valid UTF-8 nor NUL-terminated (it is copied to a buffer of its exact
 * size so ASan sees any read past the end). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return normalize_init() == 0 ? 0 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    struct nx_ref ref = {data[0] & 1, 19000 + (int32_t)(data[0] >> 1) * 7 + (data[1] & 7)};
    static const size_t room[] = {0, 1, 4, 256};
    size_t max = room[(data[1] >> 3) & 3];
    size_t len = size - 2;
    char *text = malloc(len ? len : 1);
    if (!text) return 0;
    memcpy(text, data + 2, len);
    struct nx_expr out[256];
    size_t n = normalize_scan(text, len, (data[1] & 0x80) ? NULL : &ref, out, max);
    size_t shown = n < max ? n : max;
    uint32_t prev_end = 0;
    for (size_t i = 0; i < shown; i++) {
        const struct nx_expr *e = &out[i];
        /* the contract: in text order, inside the text, not overlapping */
        if (e->start > e->end || e->end > len || e->start < prev_end) abort();
        prev_end = e->end;
        if (!memchr(e->value, '\0', sizeof e->value)) abort();
        if (e->kind < NX_DATE || e->kind > NX_PERCENT) abort();
        (void)nx_kind_name(e->kind);
        (void)nx_gran_name(e->date.gran);
        (void)nx_tod_name(e->date.tod);
        (void)nx_weekday_name(e->date.weekday);
    }
    free(text);
    return 0;
}
