/* normalize.c - find dates, times, durations and numbers in English text and normalize them.
 *
 * One pass of a hand-written tokenizer turns the text into words, numbers and
 * punctuation (byte spans, no copies); a word is looked up once in a hash table
 * of the English words the grammar cares about (months, weekdays, number
 * words, units, hedges, tense cues).  Then, at every token that can start an
 * expression, the matchers (dates, times, durations, numbers) each try
 * to read one; the longest reading wins and scanning resumes after it.
 *
 * Interval rules for hedged numbers (documented in normalize.h too):
 *   about/around/roughly/approximately/some/an estimated/or so X  [0.9X, 1.1X]
 *   nearly/almost/close to/just under X                           [0.9X, X)
 *   more than/over/above/greater than/in excess of/upwards of X   (X, +inf)
 *   at least/no fewer than/no less than/X or more                 [X, +inf)
 *   less than/fewer than/under/below X                            [0, X)
 *   up to/at most/no more than/as many as X                       [0, X]
 *
 * Modules: nx_scan.c (tokens, word table), number.c (numbers and hedges),
 * timex.c (dates, times, durations, tense); this file drives them. */
#include "normalize.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "number.h"
#include "nx_scan.h"
#include "timex.h"
#include "xalloc.h"

/* Which matchers a word can start (SM_*): built once by normalize_init. */
static uint8_t start_mask[W_COUNT];

#define SM_DATE 1
#define SM_TIME 2
#define SM_DUR 4
#define SM_NUM 8
#define SM_ALL 15

/* Which expressions can begin with word id. */
static unsigned word_starts(int id)
{
    unsigned m = 0;
    switch (WORD[id].kind) {
    case K_MONTH:
    case K_MONTH_ABBR:
    case K_WDAY:
    case K_WDAY_ABBR: m |= SM_DATE; break;
    case K_CARD:
    case K_TENS:
    case K_ORD:
    case K_ORD_TENS: m |= SM_DATE | SM_DUR | SM_NUM; break;
    case K_HUNDRED:
    case K_SCALE:
    case K_ORD_SCALE:
    case K_DOZEN: m |= SM_DUR | SM_NUM; break;
    case K_TOD:
        if (id == W_NOON || id == W_MIDDAY || id == W_MIDNIGHT) m |= SM_TIME;
        break;
    default: break;
    }
    if (timex_relative_start(id)) m |= SM_DATE;
    switch (id) {
    case W_A:
    case W_AN: m |= SM_DATE | SM_DUR | SM_NUM; break;
    case W_SINCE:
    case W_FROM:
    case W_BETWEEN:
    case W_Q:
    case W_WEEK:
    case W_REST:
    case W_AFTER:
    case W_MID:
    case W_REMAINDER:
    case W_REMAINING: m |= SM_DATE; break;
    case W_IN:
    case W_OVER: m |= SM_DATE | SM_DUR | SM_NUM; break;
    case W_AROUND:
    case W_ABOUT:
    case W_APPROXIMATELY:
    case W_ROUGHLY:
    case W_JUST: m |= SM_TIME | SM_DUR | SM_NUM; break;
    case W_APPROX:
    case W_SOME:
    case W_ESTIMATED:
    case W_NEARLY:
    case W_ALMOST:
    case W_CLOSE:
    case W_MORE:
    case W_GREATER:
    case W_ABOVE:
    case W_EXCEEDING:
    case W_UPWARDS:
    case W_AT:
    case W_NO:
    case W_NOT:
    case W_LESS:
    case W_FEWER:
    case W_UNDER:
    case W_BELOW:
    case W_UP:
    case W_AS:
    case W_HALF:
    case W_QUARTER:
    case W_NEGATIVE:
    case W_MINUS: m |= SM_DUR | SM_NUM; break;
    case W_HUNDREDS:
    case W_THOUSANDS:
    case W_MILLIONS:
    case W_BILLIONS:
    case W_TENS:
    case W_PERCENT:
    case W_PERCENTS:
    case W_PER: m |= SM_NUM; break;
    default: break;
    }
    return m;
}

static void init_once(void)
{
    nx_words_init();
    for (int id = 1; id < W_COUNT; id++) start_mask[id] = (uint8_t)word_starts(id);
}

/* Safe to call from any thread, any number of times. */
int normalize_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_once);
    return 0;
}

void normalize_fini(void) {}

/* ==== Scan ==== */

size_t normalize_scan(const char *text, size_t len, const struct nx_ref *ref, struct nx_expr *out, size_t max)
{
    normalize_init();
    if (len > UINT32_MAX) len = UINT32_MAX;
    struct tok stack[256];
    struct tok *tv = stack;
    int cap = 256;
    int n = nx_tokenize((const unsigned char *)text, len, &tv, &cap);
#ifdef NX_TOKONLY
    if (tv != stack) free(tv);
    return (size_t)n;
#endif
    if (n == 0) return 0;
    struct num_memo mstack[128];
    uint8_t cstack[128];
    struct num_memo *memo = n <= 128 ? mstack : xmalloc((size_t)n * sizeof *memo);
    uint8_t *cue = n <= 128 ? cstack : xmalloc((size_t)n);
    int cue_ready = 0;
    memset(memo, 0, (size_t)n * sizeof *memo);
    struct scan S = {.text = text, .t = tv, .n = n, .memo = memo, .cue = cue, .cue_ready = &cue_ready};
    if (ref && ref->has_date) {
        S.has_ref = 1;
        S.ref = ref->date;
        cal_civil(S.ref, &S.ry, &S.rm, &S.rd);
        S.rwd = cal_weekday(S.ref);
    }
    size_t count = 0;
    for (int i = 0; i < n;) {
        const struct tok *t = &tv[i];
        unsigned m;
        if (t->type == T_NUM)
            m = SM_ALL;
        else if (t->type == T_WORD)
            m = start_mask[t->id];
        else
            m = t->id == '-' || t->id == '$' ? SM_NUM : t->id == '\'' ? SM_DATE : 0;
        if (!m) {
            i++;
            continue;
        }
        struct cand best, c;
        best.end = 0;
        if ((m & SM_DATE) && timex_match_date(&S, i, &c) && c.end > best.end) best = c;
        if ((m & SM_TIME) && timex_match_time(&S, i, &c) && c.end > best.end) best = c;
        if ((m & SM_DUR) && timex_match_duration(&S, i, &c) && c.end > best.end) best = c;
        if ((m & SM_NUM) && number_match(&S, i, &c) && c.end > best.end) best = c;
        if (!best.end) {
            i++;
            continue;
        }
        if (count < max) out[count] = best.x;
        count++;
        i = best.end;
    }
    if (tv != stack) free(tv);
    if (memo != mstack) free(memo);
    if (cue != cstack) free(cue);
    return count;
}

const char *nx_kind_name(int kind)
{
    switch (kind) {
    case NX_DATE: return "date";
    case NX_TIME: return "time";
    case NX_DURATION: return "duration";
    case NX_NUMBER: return "number";
    case NX_ORDINAL: return "ordinal";
    case NX_PERCENT: return "percent";
    default: return "unknown";
    }
}

const char *nx_gran_name(int gran)
{
    static const char *const names[] = {"none", "day", "week", "month", "quarter", "year", "decade", "century"};
    return gran >= 0 && gran <= NX_GRAN_CENTURY ? names[gran] : "none";
}

const char *nx_tod_name(int tod)
{
    static const char *const names[] = {"none", "morning", "noon", "afternoon", "evening", "night", "midnight"};
    return tod >= 0 && tod <= NX_TOD_MIDNIGHT ? names[tod] : "none";
}

const char *nx_weekday_name(int wd)
{
    static const char *const names[] = {"",         "Monday", "Tuesday",  "Wednesday",
                                        "Thursday", "Friday", "Saturday", "Sunday"};
    return wd >= 1 && wd <= 7 ? names[wd] : "";
}
