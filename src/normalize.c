/* normalize.c - find dates, times, durations and numbers in English text and normalize them.
 *
 * One pass of a hand-written tokenizer turns the text into words, numbers and
 * punctuation (byte spans, no copies); a word is looked up once in a hash table
 * of the English words the grammar cares about (months, weekdays, number
 * words, units, hedges, tense cues).  Then, at every token that can start an
 * expression, the matchers below (dates, times, durations, numbers) each try
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
 * Tense: a bare weekday, month or day of month resolves backward (the latest
 * one on or before the reference date) unless a future cue governs it: "will",
 * "'ll", "shall", "going to", "scheduled", "plans to", "is to", "set to/for",
 * "due to", "expected to", "upcoming", "let's".  The nearest cue before the
 * expression decides; a past participle after "be/been" ("will be held") is
 * skipped; if there is no cue before, the first cue after it decides. */
#include "normalize.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "xalloc.h"

/* ==== Word table ==== */

enum wkind {
    K_NONE = 0,
    K_MONTH,      /* val 1..12 */
    K_MONTH_ABBR, /* "feb", "sept" */
    K_WDAY,       /* val 1..7 */
    K_WDAY_ABBR,
    K_CARD,       /* zero..nineteen */
    K_TENS,       /* twenty..ninety */
    K_HUNDRED,
    K_SCALE,      /* thousand, million, ... */
    K_DOZEN,
    K_ORD,        /* first..nineteenth: val is the number */
    K_ORD_TENS,   /* twentieth..ninetieth */
    K_ORD_SCALE,  /* hundredth, thousandth, ... */
    K_DENOM_PL,   /* thirds, quarters, halves: val is the denominator */
    K_DUR,        /* duration unit in seconds */
    K_TOD,        /* morning, evening...: val enum nx_tod */
    K_PAST,       /* irregular past verb */
    K_MISC,
};

/* X(id, text, kind, value) */
#define WORDS(X)                                                                   \
    X(JANUARY, "january", K_MONTH, 1) X(FEBRUARY, "february", K_MONTH, 2)           \
    X(MARCH, "march", K_MONTH, 3) X(APRIL, "april", K_MONTH, 4)                    \
    X(MAY, "may", K_MONTH, 5) X(JUNE, "june", K_MONTH, 6) X(JULY, "july", K_MONTH, 7) \
    X(AUGUST, "august", K_MONTH, 8) X(SEPTEMBER, "september", K_MONTH, 9)           \
    X(OCTOBER, "october", K_MONTH, 10) X(NOVEMBER, "november", K_MONTH, 11)         \
    X(DECEMBER, "december", K_MONTH, 12)                                            \
    X(JAN, "jan", K_MONTH_ABBR, 1) X(FEB, "feb", K_MONTH_ABBR, 2)                   \
    X(MAR, "mar", K_MONTH_ABBR, 3) X(APR, "apr", K_MONTH_ABBR, 4)                   \
    X(JUN, "jun", K_MONTH_ABBR, 6) X(JUL, "jul", K_MONTH_ABBR, 7)                   \
    X(AUG, "aug", K_MONTH_ABBR, 8) X(SEP, "sep", K_MONTH_ABBR, 9)                   \
    X(SEPT, "sept", K_MONTH_ABBR, 9) X(OCT, "oct", K_MONTH_ABBR, 10)                \
    X(NOV, "nov", K_MONTH_ABBR, 11) X(DEC, "dec", K_MONTH_ABBR, 12)                 \
    X(MONDAY, "monday", K_WDAY, 1) X(TUESDAY, "tuesday", K_WDAY, 2)                 \
    X(WEDNESDAY, "wednesday", K_WDAY, 3) X(THURSDAY, "thursday", K_WDAY, 4)         \
    X(FRIDAY, "friday", K_WDAY, 5) X(SATURDAY, "saturday", K_WDAY, 6)               \
    X(SUNDAY, "sunday", K_WDAY, 7)                                                  \
    X(MON, "mon", K_WDAY_ABBR, 1) X(TUE, "tue", K_WDAY_ABBR, 2)                     \
    X(TUES, "tues", K_WDAY_ABBR, 2) X(WED, "wed", K_WDAY_ABBR, 3)                   \
    X(WEDS, "weds", K_WDAY_ABBR, 3) X(THU, "thu", K_WDAY_ABBR, 4)                   \
    X(THUR, "thur", K_WDAY_ABBR, 4) X(THURS, "thurs", K_WDAY_ABBR, 4)               \
    X(FRI, "fri", K_WDAY_ABBR, 5) X(SAT, "sat", K_WDAY_ABBR, 6)                     \
    X(SUN, "sun", K_WDAY_ABBR, 7)                                                   \
    X(ZERO, "zero", K_CARD, 0) X(NOUGHT, "nought", K_CARD, 0)                       \
    X(NAUGHT, "naught", K_CARD, 0) X(ONE, "one", K_CARD, 1) X(TWO, "two", K_CARD, 2) \
    X(THREE, "three", K_CARD, 3) X(FOUR, "four", K_CARD, 4) X(FIVE, "five", K_CARD, 5) \
    X(SIX, "six", K_CARD, 6) X(SEVEN, "seven", K_CARD, 7) X(EIGHT, "eight", K_CARD, 8) \
    X(NINE, "nine", K_CARD, 9) X(TEN, "ten", K_CARD, 10) X(ELEVEN, "eleven", K_CARD, 11) \
    X(TWELVE, "twelve", K_CARD, 12) X(THIRTEEN, "thirteen", K_CARD, 13)             \
    X(FOURTEEN, "fourteen", K_CARD, 14) X(FIFTEEN, "fifteen", K_CARD, 15)           \
    X(SIXTEEN, "sixteen", K_CARD, 16) X(SEVENTEEN, "seventeen", K_CARD, 17)         \
    X(EIGHTEEN, "eighteen", K_CARD, 18) X(NINETEEN, "nineteen", K_CARD, 19)         \
    X(TWENTY, "twenty", K_TENS, 20) X(THIRTY, "thirty", K_TENS, 30)                 \
    X(FORTY, "forty", K_TENS, 40) X(FOURTY, "fourty", K_TENS, 40)                   \
    X(FIFTY, "fifty", K_TENS, 50) X(SIXTY, "sixty", K_TENS, 60)                     \
    X(SEVENTY, "seventy", K_TENS, 70) X(EIGHTY, "eighty", K_TENS, 80)               \
    X(NINETY, "ninety", K_TENS, 90)                                                 \
    X(HUNDRED, "hundred", K_HUNDRED, 100) X(HUNDREDS, "hundreds", K_MISC, 0)        \
    X(THOUSAND, "thousand", K_SCALE, 1e3) X(MILLION, "million", K_SCALE, 1e6)       \
    X(BILLION, "billion", K_SCALE, 1e9) X(TRILLION, "trillion", K_SCALE, 1e12)      \
    X(BN, "bn", K_MISC, 1e9) X(MN, "mn", K_MISC, 1e6) X(M, "m", K_MISC, 1e6)        \
    X(K, "k", K_MISC, 1e3) X(BLN, "bln", K_MISC, 1e9) X(MLN, "mln", K_MISC, 1e6) \
    X(MIL, "mil", K_MISC, 1e6) X(TN, "tn", K_MISC, 1e12) X(TLN, "tln", K_MISC, 1e12) \
    X(LAKH, "lakh", K_MISC, 1e5) X(LAKHS, "lakhs", K_MISC, 1e5) X(CRORE, "crore", K_MISC, 1e7) \
    X(CRORES, "crores", K_MISC, 1e7) X(DZS, "dzs", K_MISC, 12) X(DOZS, "dozs", K_MISC, 12) \
    X(PERCENTS, "percents", K_MISC, 0)                                                          \
    X(DOZEN, "dozen", K_DOZEN, 12) X(DOZENS, "dozens", K_DOZEN, 12)                 \
    X(FIRST, "first", K_ORD, 1) X(SECOND, "second", K_ORD, 2)                       \
    X(THIRD, "third", K_ORD, 3) X(FOURTH, "fourth", K_ORD, 4) X(FIFTH, "fifth", K_ORD, 5) \
    X(SIXTH, "sixth", K_ORD, 6) X(SEVENTH, "seventh", K_ORD, 7)                     \
    X(EIGHTH, "eighth", K_ORD, 8) X(NINTH, "ninth", K_ORD, 9) X(NINETH, "nineth", K_ORD, 9) \
    X(TENTH, "tenth", K_ORD, 10) X(ELEVENTH, "eleventh", K_ORD, 11)                 \
    X(TWELFTH, "twelfth", K_ORD, 12) X(THIRTEENTH, "thirteenth", K_ORD, 13)         \
    X(FOURTEENTH, "fourteenth", K_ORD, 14) X(FIFTEENTH, "fifteenth", K_ORD, 15)     \
    X(SIXTEENTH, "sixteenth", K_ORD, 16) X(SEVENTEENTH, "seventeenth", K_ORD, 17)   \
    X(EIGHTEENTH, "eighteenth", K_ORD, 18) X(NINETEENTH, "nineteenth", K_ORD, 19)   \
    X(TWENTIETH, "twentieth", K_ORD_TENS, 20) X(THIRTIETH, "thirtieth", K_ORD_TENS, 30) \
    X(FORTIETH, "fortieth", K_ORD_TENS, 40) X(FIFTIETH, "fiftieth", K_ORD_TENS, 50) \
    X(SIXTIETH, "sixtieth", K_ORD_TENS, 60) X(SEVENTIETH, "seventieth", K_ORD_TENS, 70) \
    X(EIGHTIETH, "eightieth", K_ORD_TENS, 80) X(NINETIETH, "ninetieth", K_ORD_TENS, 90) \
    X(HUNDREDTH, "hundredth", K_ORD_SCALE, 100) X(THOUSANDTH, "thousandth", K_ORD_SCALE, 1e3) \
    X(MILLIONTH, "millionth", K_ORD_SCALE, 1e6) X(BILLIONTH, "billionth", K_ORD_SCALE, 1e9) \
    X(TRILLIONTH, "trillionth", K_ORD_SCALE, 1e12)                                  \
    X(HALVES, "halves", K_DENOM_PL, 2) X(THIRDS, "thirds", K_DENOM_PL, 3)           \
    X(FOURTHS, "fourths", K_DENOM_PL, 4) X(QUARTERS, "quarters", K_DENOM_PL, 4)     \
    X(FIFTHS, "fifths", K_DENOM_PL, 5) X(SIXTHS, "sixths", K_DENOM_PL, 6)           \
    X(SEVENTHS, "sevenths", K_DENOM_PL, 7) X(EIGHTHS, "eighths", K_DENOM_PL, 8)     \
    X(NINTHS, "ninths", K_DENOM_PL, 9) X(TENTHS, "tenths", K_DENOM_PL, 10)          \
    X(TWELFTHS, "twelfths", K_DENOM_PL, 12) X(TWENTIETHS, "twentieths", K_DENOM_PL, 20) \
    X(HUNDREDTHS, "hundredths", K_DENOM_PL, 100) X(THOUSANDTHS, "thousandths", K_DENOM_PL, 1e3) \
    X(MILLIONTHS, "millionths", K_DENOM_PL, 1e6) X(BILLIONTHS, "billionths", K_DENOM_PL, 1e9) \
    X(TRILLIONTHS, "trillionths", K_DENOM_PL, 1e12)                                 \
    X(HALF, "half", K_MISC, 2) X(QUARTER, "quarter", K_MISC, 4)                     \
    X(SECONDS, "seconds", K_DUR, 1) X(SEC, "sec", K_DUR, 1) X(SECS, "secs", K_DUR, 1) \
    X(MINUTE, "minute", K_DUR, 60) X(MINUTES, "minutes", K_DUR, 60)                 \
    X(MIN, "min", K_DUR, 60) X(MINS, "mins", K_DUR, 60)                             \
    X(HOUR, "hour", K_DUR, 3600) X(HOURS, "hours", K_DUR, 3600)                     \
    X(HR, "hr", K_DUR, 3600) X(HRS, "hrs", K_DUR, 3600)                             \
    X(DAY, "day", K_DUR, 86400) X(DAYS, "days", K_DUR, 86400)                       \
    X(WEEK, "week", K_DUR, 604800) X(WEEKS, "weeks", K_DUR, 604800)                 \
    X(FORTNIGHT, "fortnight", K_DUR, 1209600)                                       \
    X(MONTH, "month", K_DUR, 2629746) X(MONTHS, "months", K_DUR, 2629746)           \
    X(YEAR, "year", K_DUR, 31556952) X(YEARS, "years", K_DUR, 31556952)             \
    X(DECADE, "decade", K_DUR, 315569520) X(DECADES, "decades", K_DUR, 315569520)   \
    X(CENTURY, "century", K_DUR, 3155695200.0) X(CENTURIES, "centuries", K_DUR, 3155695200.0) \
    X(MORNING, "morning", K_TOD, NX_TOD_MORNING) X(AFTERNOON, "afternoon", K_TOD, NX_TOD_AFTERNOON) \
    X(EVENING, "evening", K_TOD, NX_TOD_EVENING) X(NIGHT, "night", K_TOD, NX_TOD_NIGHT) \
    X(NOON, "noon", K_TOD, NX_TOD_NOON) X(MIDDAY, "midday", K_TOD, NX_TOD_NOON)     \
    X(MIDNIGHT, "midnight", K_TOD, NX_TOD_MIDNIGHT)                                 \
    X(TODAY, "today", K_MISC, 0) X(TONIGHT, "tonight", K_MISC, 0)                   \
    X(YESTERDAY, "yesterday", K_MISC, 0) X(TOMORROW, "tomorrow", K_MISC, 0)         \
    X(NOW, "now", K_MISC, 0) X(AGO, "ago", K_MISC, 0) X(LAST, "last", K_MISC, 0)    \
    X(THIS, "this", K_MISC, 0) X(NEXT, "next", K_MISC, 0) X(PREVIOUS, "previous", K_MISC, 0) \
    X(PAST, "past", K_MISC, 0) X(COMING, "coming", K_MISC, 0) X(UPCOMING, "upcoming", K_MISC, 0) \
    X(CURRENT, "current", K_MISC, 0) X(FOLLOWING, "following", K_MISC, 0)           \
    X(EARLIER, "earlier", K_MISC, 0) X(LATER, "later", K_MISC, 0)                   \
    X(EARLY, "early", K_MISC, 0) X(LATE, "late", K_MISC, 0) X(MID, "mid", K_MISC, 0) \
    X(WEEKEND, "weekend", K_MISC, 0) X(THE, "the", K_MISC, 0) X(OF, "of", K_MISC, 0) \
    X(ON, "on", K_MISC, 0) X(IN, "in", K_MISC, 0) X(AT, "at", K_MISC, 0)            \
    X(SINCE, "since", K_MISC, 0) X(FROM, "from", K_MISC, 0) X(TO, "to", K_MISC, 0)  \
    X(UNTIL, "until", K_MISC, 0) X(TILL, "till", K_MISC, 0) X(THROUGH, "through", K_MISC, 0) \
    X(THRU, "thru", K_MISC, 0) X(BETWEEN, "between", K_MISC, 0) X(AND, "and", K_MISC, 0) \
    X(BY, "by", K_MISC, 0) X(DURING, "during", K_MISC, 0) X(BEFORE, "before", K_MISC, 0) \
    X(AFTER, "after", K_MISC, 0) X(WITHIN, "within", K_MISC, 0) X(FOR, "for", K_MISC, 0) \
    X(OVER, "over", K_MISC, 0) X(UNDER, "under", K_MISC, 0) X(ABOUT, "about", K_MISC, 0) \
    X(AROUND, "around", K_MISC, 0) X(ROUGHLY, "roughly", K_MISC, 0)                 \
    X(APPROXIMATELY, "approximately", K_MISC, 0) X(APPROX, "approx", K_MISC, 0)     \
    X(SOME, "some", K_MISC, 0) X(NEARLY, "nearly", K_MISC, 0) X(ALMOST, "almost", K_MISC, 0) \
    X(MORE, "more", K_MISC, 0) X(LESS, "less", K_MISC, 0) X(FEWER, "fewer", K_MISC, 0) \
    X(THAN, "than", K_MISC, 0) X(ABOVE, "above", K_MISC, 0) X(BELOW, "below", K_MISC, 0) \
    X(GREATER, "greater", K_MISC, 0) X(LEAST, "least", K_MISC, 0) X(MOST, "most", K_MISC, 0) \
    X(UP, "up", K_MISC, 0) X(NO, "no", K_MISC, 0) X(NOT, "not", K_MISC, 0)          \
    X(AS, "as", K_MISC, 0) X(MANY, "many", K_MISC, 0) X(MUCH, "much", K_MISC, 0)    \
    X(JUST, "just", K_MISC, 0) X(ESTIMATED, "estimated", K_MISC, 0)                 \
    X(EXCESS, "excess", K_MISC, 0) X(UPWARDS, "upwards", K_MISC, 0)                 \
    X(EXCEEDING, "exceeding", K_MISC, 0) X(CLOSE, "close", K_MISC, 0) X(OR, "or", K_MISC, 0) \
    X(SO, "so", K_MISC, 0) X(OUT, "out", K_MISC, 0) X(OTHER, "other", K_MISC, 0) X(OTHERS, "others", K_MISC, 0) \
    X(PERCENT, "percent", K_MISC, 0) X(PER, "per", K_MISC, 0) X(CENT, "cent", K_MISC, 0) \
    X(PERCENTAGE, "percentage", K_MISC, 0) X(PCT, "pct", K_MISC, 0) X(A, "a", K_MISC, 0) \
    X(AN, "an", K_MISC, 0) X(WILL, "will", K_MISC, 0) X(SHALL, "shall", K_MISC, 0)  \
    X(LL, "ll", K_MISC, 0) X(GOING, "going", K_MISC, 0) X(SCHEDULED, "scheduled", K_MISC, 0) \
    X(PLANS, "plans", K_MISC, 0) X(PLAN, "plan", K_MISC, 0) X(PLANNED, "planned", K_MISC, 0) \
    X(PLANNING, "planning", K_MISC, 0) X(SET, "set", K_MISC, 0) X(DUE, "due", K_MISC, 0) \
    X(EXPECTED, "expected", K_MISC, 0) X(IS, "is", K_MISC, 0) X(ARE, "are", K_MISC, 0) \
    X(BE, "be", K_MISC, 0) X(BEEN, "been", K_MISC, 0) X(BEING, "being", K_MISC, 0)  \
    X(LET, "let", K_MISC, 0) X(WAS, "was", K_MISC, 0) X(WERE, "were", K_MISC, 0)    \
    X(DID, "did", K_MISC, 0) X(HAD, "had", K_MISC, 0) X(LONG, "long", K_MISC, 0)    \
    X(OLD, "old", K_MISC, 0) X(PM, "pm", K_MISC, 0) X(AM, "am", K_MISC, 0)          \
    X(P, "p", K_MISC, 0) X(O, "o", K_MISC, 0) X(CLOCK, "clock", K_MISC, 0)          \
    X(S, "s", K_MISC, 0) X(ST, "st", K_MISC, 0) X(ND, "nd", K_MISC, 0)              \
    X(RD, "rd", K_MISC, 0) X(TH, "th", K_MISC, 0) X(D, "d", K_MISC, 0)              \
    X(NEGATIVE, "negative", K_MISC, 0) X(MINUS, "minus", K_MISC, 0)                 \
    X(POINT, "point", K_MISC, 0) X(POINTS, "points", K_MISC, 0) X(SPLIT, "split", K_MISC, 0) X(Q, "q", K_MISC, 0) X(H, "h", K_MISC, 0)          \
    X(PLUS, "plus", K_MISC, 0) X(TIME, "time", K_MISC, 0) X(TIMES, "times", K_MISC, 0) \
    X(END, "end", K_MISC, 0) X(BEGINNING, "beginning", K_MISC, 0) X(START, "start", K_MISC, 0) \
    X(MIDDLE, "middle", K_MISC, 0) X(AWAY, "away", K_MISC, 0) X(HENCE, "hence", K_MISC, 0) \
    X(EVERY, "every", K_MISC, 0) X(EACH, "each", K_MISC, 0) X(REST, "rest", K_MISC, 0) X(FEW, "few", K_MISC, 0) \
    X(SEVERAL, "several", K_MISC, 0) X(SEVENTIES, "seventies", K_MISC, 0) \
    X(SAID, "said", K_PAST, 0) X(BEGAN, "began", K_PAST, 0) X(SPOKE, "spoke", K_PAST, 0) \
    X(MET, "met", K_PAST, 0) X(HELD, "held", K_PAST, 0) X(TOLD, "told", K_PAST, 0)  \
    X(WENT, "went", K_PAST, 0) X(CAME, "came", K_PAST, 0) X(TOOK, "took", K_PAST, 0) \
    X(MADE, "made", K_PAST, 0) X(GAVE, "gave", K_PAST, 0) X(SAW, "saw", K_PAST, 0)  \
    X(LEFT, "left", K_PAST, 0) X(SENT, "sent", K_PAST, 0) X(KEPT, "kept", K_PAST, 0) \
    X(FOUGHT, "fought", K_PAST, 0) X(BROUGHT, "brought", K_PAST, 0)                 \
    X(THOUGHT, "thought", K_PAST, 0) X(FOUND, "found", K_PAST, 0) X(WON, "won", K_PAST, 0) \
    X(LOST, "lost", K_PAST, 0) X(RAN, "ran", K_PAST, 0) X(WROTE, "wrote", K_PAST, 0) \
    X(SPENT, "spent", K_PAST, 0) X(STRUCK, "struck", K_PAST, 0) X(FELL, "fell", K_PAST, 0) \
    X(FLEW, "flew", K_PAST, 0) X(BECAME, "became", K_PAST, 0) X(ROSE, "rose", K_PAST, 0) \
    X(SHOT, "shot", K_PAST, 0) X(HEARD, "heard", K_PAST, 0) X(KNEW, "knew", K_PAST, 0) \
    X(STOOD, "stood", K_PAST, 0) X(BROKE, "broke", K_PAST, 0) X(CHOSE, "chose", K_PAST, 0) \
    X(DREW, "drew", K_PAST, 0) X(GREW, "grew", K_PAST, 0) X(SOLD, "sold", K_PAST, 0) \
    X(PAID, "paid", K_PAST, 0) X(LED, "led", K_PAST, 0) X(FLED, "fled", K_PAST, 0)  \
    X(SPOKEN, "spoken", K_PAST, 0) X(TAKEN, "taken", K_PAST, 0) X(GIVEN, "given", K_PAST, 0) \
    X(BEGUN, "begun", K_PAST, 0) X(SEEN, "seen", K_PAST, 0) X(GONE, "gone", K_PAST, 0) \
    X(GOT, "got", K_PAST, 0) X(WRITTEN, "written", K_PAST, 0) X(KILLED, "killed", K_PAST, 0)

enum word_id {
    W_NONE = 0,
#define X(id, s, k, v) W_##id,
    WORDS(X)
#undef X
        W_COUNT
};

struct word {
    const char *s;
    uint8_t len;
    uint8_t kind;
    double val;
};

static const struct word WORD[W_COUNT] = {
    {"", 0, K_NONE, 0},
#define X(id, str, k, v) {str, (uint8_t)(sizeof str - 1), k, v},
    WORDS(X)
#undef X
};

#define WORD_MAXLEN 14
#define HASH_SIZE 1024 /* power of two, > 2 * W_COUNT */

/* Built once by normalize_init, read-only afterwards. */
static uint16_t word_hash[HASH_SIZE];
static int inited;

static uint32_t hash_word(const unsigned char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 16777619u;
    return h;
}

int normalize_init(void)
{
    if (inited) return 0;
    memset(word_hash, 0, sizeof word_hash);
    for (int id = 1; id < W_COUNT; id++) {
        uint32_t h = hash_word((const unsigned char *)WORD[id].s, WORD[id].len) & (HASH_SIZE - 1);
        while (word_hash[h]) h = (h + 1) & (HASH_SIZE - 1);
        word_hash[h] = (uint16_t)id;
    }
    inited = 1;
    return 0;
}

void normalize_fini(void) {}

/* Id of the lowercase word lw[0..n), or W_NONE. */
static int lookup_word(const unsigned char *lw, size_t n)
{
    uint32_t h = hash_word(lw, n) & (HASH_SIZE - 1);
    for (;;) {
        int id = word_hash[h];
        if (!id) return W_NONE;
        if (WORD[id].len == n && memcmp(WORD[id].s, lw, n) == 0) return id;
        h = (h + 1) & (HASH_SIZE - 1);
    }
}

/* ==== Tokenizer ==== */

enum ttype { T_WORD = 1, T_NUM, T_PUNCT };

#define TF_SPACE 0x01 /* whitespace before the token */
#define TF_CAP 0x02   /* word starts with a capital */
#define TF_COMMA 0x04 /* number with thousands separators */
#define TF_DEC 0x08   /* number with a decimal part */
#define TF_ED 0x10    /* word that looks like a regular past tense ("-ed") */
#define TF_ZERO 0x20  /* number written with a leading zero ("08") */
#define TF_VULGAR 0x40 /* a vulgar fraction character: ½, ⅔ */

struct tok {
    uint32_t s, e;
    uint16_t id;   /* word id, or the byte for punctuation */
    uint8_t type;
    uint8_t flags;
    uint8_t ndig;  /* digits before the decimal point (no separators) */
    double val;    /* numbers */
};

static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int ed_exception(const unsigned char *w, size_t n)
{
    static const char *const ex[] = {"hundred", "indeed", "united", "need", "speed", "proceed",
                                     "exceed", "succeed", "sacred", "naked", "wicked", "kindred",
                                     "seed", "feed", "breed", "greed", "bleed", "creed", "tweed",
                                     "embed", "shred", "limited", "red", "bed", "fed", "wed",
                                     "shed", "led", "fled", "bred", "sled", "scheduled",
                                     "planned", "expected", "estimated", "needed"};
    for (size_t i = 0; i < sizeof ex / sizeof *ex; i++)
        if (strlen(ex[i]) == n && memcmp(ex[i], w, n) == 0) return 1;
    return 0;
}

/* Number literal at p: digits with optional thousands separators and decimals.
 * Returns the end; fills the token's value and flags. */
static size_t scan_number(const unsigned char *s, size_t p, size_t len, struct tok *t)
{
    size_t q = p;
    double v = 0;
    int nd = 0;
    while (q < len && is_digit(s[q])) v = v * 10 + (s[q++] - '0'), nd++;
    if (nd <= 3) {
        /* 1,234,567: groups of exactly three digits right after the comma */
        while (q + 3 < len + 0 && s[q] == ',' && is_digit(s[q + 1]) && is_digit(s[q + 2]) &&
               is_digit(s[q + 3]) && (q + 4 >= len || !is_digit(s[q + 4]))) {
            v = v * 1000 + (s[q + 1] - '0') * 100 + (s[q + 2] - '0') * 10 + (s[q + 3] - '0');
            nd += 3;
            q += 4;
            t->flags |= TF_COMMA;
        }
        if (q + 3 == len && s[q] == ',' && is_digit(s[q + 1]) && is_digit(s[q + 2]) &&
            q + 3 <= len) {
            /* "1,23" at the very end: not a group */
        }
    }
    if (q + 1 < len && s[q] == '.' && is_digit(s[q + 1])) {
        size_t r = q + 1;
        while (r < len && is_digit(s[r])) r++;
        /* 192.168.1.2 and 2015.5.13 are not decimals */
        if (!(r + 1 < len && s[r] == '.' && is_digit(s[r + 1])) && !(p > 0 && s[p - 1] == '.')) {
            double f = 0.1;
            for (size_t k = q + 1; k < r; k++, f /= 10) v += (s[k] - '0') * f;
            q = r;
            t->flags |= TF_DEC;
        }
    }
    if (s[p] == '0' && nd > 1) t->flags |= TF_ZERO;
    t->val = v;
    t->ndig = (uint8_t)(nd > 255 ? 255 : nd);
    return q;
}

/* Value of a vulgar fraction character (½, ⅔, ¾...) at s[0..n), else 0. */
static double vulgar_fraction(const unsigned char *s, size_t n)
{
    if (n == 2 && s[0] == 0xC2) {
        if (s[1] == 0xBC) return 0.25;
        if (s[1] == 0xBD) return 0.5;
        if (s[1] == 0xBE) return 0.75;
    }
    if (n == 3 && s[0] == 0xE2 && s[1] == 0x85 && s[2] >= 0x90 && s[2] <= 0x9E) {
        static const double v[] = {1.0 / 7, 1.0 / 9, 0.1, 1.0 / 3, 2.0 / 3, 0.2, 0.4, 0.6,
                                   0.8, 1.0 / 6, 5.0 / 6, 0.125, 0.375, 0.625, 0.875};
        return v[s[2] - 0x90];
    }
    return 0;
}

/* Tokenize s[0..len) into *tv (which grows); returns the count. */
static int tokenize(const unsigned char *s, size_t len, struct tok **tv, int *cap)
{
    int n = 0;
    size_t p = 0;
    uint8_t space = TF_SPACE;
    while (p < len) {
        unsigned char c = s[p];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = TF_SPACE;
            p++;
            continue;
        }
        if (c == 0xC2 && p + 1 < len && s[p + 1] == 0xA0) { /* no-break space */
            space = TF_SPACE;
            p += 2;
            continue;
        }
        if (c == 0xE2 && p + 2 < len && s[p + 1] == 0x80 &&
            (s[p + 2] == 0xAF || s[p + 2] == 0x89 || s[p + 2] == 0x8A)) { /* narrow, thin spaces */
            space = TF_SPACE;
            p += 3;
            continue;
        }
        if (n + 1 >= *cap) {
            int nc = *cap * 2;
            struct tok *nv = xmalloc((size_t)nc * sizeof *nv);
            memcpy(nv, *tv, (size_t)n * sizeof *nv);
            if (*cap > 256) free(*tv); /* the first block is the caller's stack */
            *tv = nv;
            *cap = nc;
        }
        struct tok *t = &(*tv)[n];
        memset(t, 0, sizeof *t);
        t->s = (uint32_t)p;
        t->flags = space;
        space = 0;
        if (is_alpha(c)) {
            size_t q = p;
            while (q < len && is_alpha(s[q])) q++;
            size_t wl = q - p;
            t->type = T_WORD;
            if (c >= 'A' && c <= 'Z') t->flags |= TF_CAP;
            if (wl <= WORD_MAXLEN) {
                unsigned char lw[WORD_MAXLEN];
                for (size_t k = 0; k < wl; k++) lw[k] = (unsigned char)(s[p + k] | 0x20);
                t->id = (uint16_t)lookup_word(lw, wl);
                if (!t->id && wl >= 5 && lw[wl - 2] == 'e' && lw[wl - 1] == 'd' &&
                    !ed_exception(lw, wl))
                    t->flags |= TF_ED;
            }
            p = q;
        } else if (is_digit(c) || (c == '.' && p + 1 < len && is_digit(s[p + 1]) &&
                                   (p == 0 || !is_digit(s[p - 1])))) {
            t->type = T_NUM;
            if (c == '.') {
                size_t r = p + 1;
                double v = 0, f = 0.1;
                while (r < len && is_digit(s[r])) v += (s[r++] - '0') * f, f /= 10;
                t->val = v;
                t->flags |= TF_DEC;
                p = r;
            } else {
                p = scan_number(s, p, len, t);
            }
        } else if (c >= 0x80) {
            /* typographic quotes and dashes read as their ASCII kin */
            size_t q = p + 1;
            while (q < len && (s[q] & 0xC0) == 0x80) q++;
            t->type = T_PUNCT;
            t->id = 0x80;
            double vf = vulgar_fraction(s + p, q - p);
            if (vf > 0) {
                t->type = T_NUM;
                t->val = vf;
                t->flags |= TF_DEC | TF_VULGAR;
                t->e = (uint32_t)q;
                p = q;
                n++;
                continue;
            }
            if (q - p == 3 && c == 0xE2 && s[p + 1] == 0x80) {
                unsigned char d = s[p + 2];
                if (d == 0x98 || d == 0x99) t->id = '\'';
                else if (d == 0x93 || d == 0x94) t->id = '-';
                else if (d == 0x9C || d == 0x9D) t->id = '"';
            }
            p = q;
        } else {
            t->type = T_PUNCT;
            t->id = c;
            p++;
        }
        t->e = (uint32_t)p;
        n++;
    }
    return n;
}

/* ==== Scanner state and token helpers ==== */

struct scan {
    const char *text;
    const struct tok *t;
    int n;
    int has_ref;
    int32_t ref;
    int ry, rm, rd, rwd;
};

static int wid(const struct scan *S, int i)
{
    return i >= 0 && i < S->n && S->t[i].type == T_WORD ? S->t[i].id : -1;
}
/* Word id usable as an index into WORD (0 for non-words). */
static int wix(const struct scan *S, int i)
{
    int id = wid(S, i);
    return id > 0 ? id : 0;
}
static int is_w(const struct scan *S, int i, int id) { return wid(S, i) == id; }
static int wkind(const struct scan *S, int i)
{
    int id = wid(S, i);
    return id > 0 ? WORD[id].kind : K_NONE;
}
static int is_p(const struct scan *S, int i, int ch)
{
    return i >= 0 && i < S->n && S->t[i].type == T_PUNCT && S->t[i].id == ch;
}
static int is_num(const struct scan *S, int i) { return i >= 0 && i < S->n && S->t[i].type == T_NUM; }
/* Token i follows the previous one with no space between. */
static int adj(const struct scan *S, int i) { return i < S->n && !(S->t[i].flags & TF_SPACE); }
static int is_int(const struct scan *S, int i)
{
    return is_num(S, i) && !(S->t[i].flags & (TF_DEC | TF_COMMA));
}
static int cap(const struct scan *S, int i) { return i >= 0 && i < S->n && (S->t[i].flags & TF_CAP); }

/* ==== Numbers ==== */

struct num {
    double v;
    int end;      /* token after the number */
    int words;    /* written (partly) in words */
    int ordinal;
    int fraction;
    int integer;  /* a whole number without scale words */
};

/* Cardinal in words starting at i: "one hundred and forty", "twenty-one",
 * "a dozen", "two million three hundred thousand".  Returns the end token or
 * -1.  Optional outputs: *pre_and, the value before the last "and" (-1 when
 * there is none: "one hundred and three quarters" is 100 + 3/4); *end_scale,
 * the scale word the number ends with ("one million" -> 1e6), else 0. */
static int parse_card_words(const struct scan *S, int i, double *out, double *pre_and,
                            double *end_scale)
{
    double total = 0, cur = 0, last_scale = 1e300, before_and = -1, and_scale = 1;
    int j = i, any = 0, last = K_NONE;
    double seg = 0; /* value added by the last unit/tens group */
    for (;;) {
        int id = wid(S, j), k = wkind(S, j);
        if (k == K_CARD) {
            double v = WORD[id].val;
            double low = fmod(cur, 100);
            if (low != 0 && !(last == K_TENS && v < 10 && fmod(low, 10) == 0)) break;
            if ((last == K_CARD) && low == 0 && cur != 0 && last != K_HUNDRED) break;
            cur += v;
            seg = (last == K_TENS) ? seg + v : v;
            last = K_CARD;
            any = 1;
            j++;
        } else if (k == K_TENS) {
            if (fmod(cur, 100) != 0) break;
            cur += WORD[id].val;
            seg = WORD[id].val;
            last = K_TENS;
            any = 1;
            j++;
            /* "twenty-one", "fifty - two" */
            if (is_p(S, j, '-') && wkind(S, j + 1) == K_CARD && WORD[wix(S, j + 1)].val >= 1 &&
                WORD[wix(S, j + 1)].val <= 9 && (adj(S, j) == adj(S, j + 1))) {
                cur += WORD[wix(S, j + 1)].val;
                seg += WORD[wix(S, j + 1)].val;
                last = K_CARD;
                j += 2;
            }
        } else if (k == K_HUNDRED) {
            if (cur >= 100 || last == K_HUNDRED) break;
            cur = (cur == 0 ? 1 : cur) * 100;
            last = K_HUNDRED;
            any = 1;
            j++;
        } else if (k == K_SCALE) {
            double sc = WORD[id].val;
            if (sc >= last_scale) break;
            total += (cur == 0 ? 1 : cur) * sc;
            cur = 0;
            last_scale = sc;
            last = K_SCALE;
            any = 1;
            j++;
        } else if (k == K_DOZEN && any && (last == K_CARD || last == K_TENS)) {
            cur += seg * 11;
            last = K_DOZEN;
            j++;
        } else if ((id == W_A || id == W_AN) && !any) {
            int nk = wkind(S, j + 1);
            if (nk == K_HUNDRED || nk == K_SCALE || (nk == K_DOZEN && is_w(S, j + 1, W_DOZEN))) {
                cur = 1;
                seg = 1;
                last = K_CARD;
                any = 1;
                j++;
                if (nk == K_DOZEN) {
                    cur = 12;
                    last = K_DOZEN;
                    j++;
                }
            } else
                break;
        } else if (id == W_AND && any && (last == K_HUNDRED || last == K_SCALE) &&
                   (wkind(S, j + 1) == K_CARD || wkind(S, j + 1) == K_TENS)) {
            before_and = total + cur;
            and_scale = last == K_SCALE ? last_scale : 1;
            j++;
            last = K_HUNDRED; /* "and" keeps the slot open for tens/units */
        } else
            break;
    }
    if (!any) return -1;
    *out = total + cur;
    if (pre_and) *pre_and = before_and;
    if (end_scale) *end_scale = last == K_SCALE ? last_scale : before_and >= 0 ? -and_scale : 0;
    return j;
}

/* Denominator word at j for a numerator n (plural unless n == 1): returns the
 * denominator or 0. */
static double denominator(const struct scan *S, int j, double n)
{
    int id = wid(S, j), k = wkind(S, j);
    if (k == K_DENOM_PL && n != 1) return WORD[id].val;
    if (n == 1) {
        if (id == W_HALF) return 2;
        if (id == W_QUARTER) return 4;
        if ((k == K_ORD && WORD[id].val >= 3) || k == K_ORD_SCALE) return WORD[id].val;
    }
    return 0;
}

/* Ordinal word ending at j after a cardinal prefix of value pre (0 = none):
 * "first", "twenty-first" (prefix twenty), "hundredth".  Returns the end or -1. */
static int ordinal_words(const struct scan *S, int j, double pre, double *out)
{
    int id = wid(S, j), k = wkind(S, j);
    if (k == K_ORD) {
        if (fmod(pre, 100) != 0 && !(fmod(pre, 10) == 0 && WORD[id].val < 10)) return -1;
        *out = pre + WORD[id].val;
        return j + 1;
    }
    if (k == K_ORD_TENS) {
        if (fmod(pre, 100) != 0) return -1;
        int e = j + 1;
        double v = pre + WORD[id].val;
        *out = v;
        return e;
    }
    if (k == K_ORD_SCALE) {
        *out = (pre == 0 ? 1 : pre) * WORD[id].val;
        return j + 1;
    }
    return -1;
}

/* Is gap[0..n) exactly one space (plain, no-break, narrow or thin)? */
static int one_space(const char *gap, size_t n)
{
    const unsigned char *g = (const unsigned char *)gap;
    if (n == 1) return g[0] == ' ';
    if (n == 2) return g[0] == 0xC2 && g[1] == 0xA0;
    if (n == 3) return g[0] == 0xE2 && g[1] == 0x80 && (g[2] == 0xAF || g[2] == 0x89);
    return 0;
}

/* Scale written after digits: "3 million", "10k", "3bn", "$3m", "10M",
 * "13 lakh".  Returns the multiplier (1 when none) and advances *j. */
static double digit_scale(const struct scan *S, int i, int *j)
{
    int k = *j;
    if (k >= S->n || S->t[k].type != T_WORD) return 1;
    const char *w = S->text + S->t[k].s;
    size_t n = S->t[k].e - S->t[k].s;
    int id = S->t[k].id, ad = adj(S, k);
    double m = 0;
    if (WORD[id].kind == K_SCALE || id == W_HUNDRED) m = WORD[id].val;
    else if (id == W_BN || id == W_BLN || id == W_MN || id == W_MLN || id == W_MIL || id == W_TN ||
             id == W_TLN || id == W_LAKH || id == W_LAKHS || id == W_CRORE || id == W_CRORES)
        m = WORD[id].val;
    else if (ad && n == 1 && (w[0] == 'k' || w[0] == 'K')) m = 1e3;
    else if (ad && n == 1 && (w[0] == 'B' || w[0] == 'b')) m = 1e9;
    else if (ad && n == 1 && w[0] == 'M') m = 1e6;
    else if (ad && n == 2 && w[0] == 'M' && w[1] == 'M') m = 1e6;
    else if (n == 1 && (w[0] == 'k') && !ad && !(k + 1 < S->n && S->t[k + 1].type == T_WORD)) m = 1e3;
    else if (ad && n == 1 && w[0] == 'm' && i > 0 && S->t[i - 1].type == T_PUNCT &&
             (S->t[i - 1].id == '$' || S->t[i - 1].id == 0x80))
        m = 1e6; /* "$3m", "£3m": after a currency "m" is a million */
    if (m == 0) return 1;
    /* "3 m" or "10k" followed by more letters is a unit ("10km" is one token) */
    *j = k + 1;
    return m;
}

/* A written fraction after "and": "and a half", "and two thirds".  Returns the
 * end and the value, or 0. */
static int and_fraction(const struct scan *S, int e, double *frac)
{
    if (!is_w(S, e, W_AND)) return 0;
    int f = e + 1, fe;
    double num = 0;
    if (is_w(S, f, W_A) || is_w(S, f, W_AN)) num = 1, fe = f + 1;
    else fe = parse_card_words(S, f, &num, NULL, NULL);
    if (fe <= 0) return 0;
    double d = denominator(S, fe, num);
    if (d <= 0) return 0;
    *frac = num / d;
    return fe + 1;
}

/* A number at i, in digits or words, with its scale: "1.5 million", "3rd",
 * "twenty-first", "two thirds", "one and a half".  Returns 1 and fills *r. */
static int parse_number(const struct scan *S, int i, struct num *r)
{
    memset(r, 0, sizeof *r);
    int neg = 0, j = i;
    if (is_w(S, j, W_NEGATIVE) || is_w(S, j, W_MINUS)) {
        neg = 1;
        j++;
    } else if (is_p(S, j, '-') && is_num(S, j + 1) && (adj(S, j + 1) || j == 0) &&
               (j == 0 || !adj(S, j) || S->t[j - 1].type == T_PUNCT) && !is_num(S, j - 1)) {
        neg = 1;
        j++;
    }
    if (is_num(S, j)) {
        const struct tok *t = &S->t[j];
        double v = t->val;
        int first = j;
        j++;
        r->integer = !(t->flags & TF_DEC);
        /* "40 000", "1 234 567.89": groups of three digits after single spaces */
        if (r->integer && t->ndig <= 3 && !(t->flags & (TF_COMMA | TF_VULGAR))) {
            while (is_num(S, j) && S->t[j].ndig == 3 && !(S->t[j].flags & (TF_COMMA | TF_VULGAR)) &&
                   one_space(S->text + S->t[j - 1].e, S->t[j].s - S->t[j - 1].e) &&
                   !(j + 1 < S->n && S->t[j + 1].type == T_PUNCT && S->t[j + 1].id == '/')) {
                v = v * 1000 + S->t[j].val;
                if (S->t[j].flags & TF_DEC) r->integer = 0;
                j++;
                if (!r->integer) break;
            }
        }
        /* ordinal suffix: 21st, 2nd, 3rd, 4th */
        if (r->integer && j == first + 1 && adj(S, j) &&
            (is_w(S, j, W_ST) || is_w(S, j, W_ND) || is_w(S, j, W_RD) || is_w(S, j, W_TH))) {
            r->v = v;
            r->ordinal = 1;
            r->end = j + 1;
            return 1;
        }
        /* "2½" */
        if (is_num(S, j) && adj(S, j) && (S->t[j].flags & TF_VULGAR) && r->integer) {
            v += S->t[j].val;
            j++;
            r->fraction = 1;
        }
        /* "3/4", "2 1/4" */
        if (r->integer && j == first + 1 && !r->fraction) {
            int k = j, whole = 0;
            double w0 = 0;
            if (is_int(S, k) && !adj(S, k) && is_p(S, k + 1, '/')) whole = 1, w0 = v, v = S->t[k].val, k++;
            if (is_p(S, k, '/') && adj(S, k) && adj(S, k + 1) && is_int(S, k + 1) && S->t[k + 1].val > 0 &&
                !(is_p(S, k + 2, '/') || is_p(S, k + 2, '-')) && (!whole || v < S->t[k + 1].val)) {
                v = w0 + v / S->t[k + 1].val;
                j = k + 2;
                r->fraction = 1;
                r->integer = 0;
            } else if (whole) {
                v = w0;
            }
        }
        if (r->fraction) {
            r->v = neg ? -v : v;
            r->end = j;
            return 1;
        }
        /* scales: "1.5 million", "3bn", "2 thousand", "10k" */
        int scaled = 0;
        for (int rounds = 0; rounds < 3; rounds++) {
            int k = j;
            double m = digit_scale(S, first, &k);
            if (m == 1) break;
            if (m == 100 && !r->integer) break;
            v *= m;
            j = k;
            scaled = 1;
            double fr;
            int fe = and_fraction(S, j, &fr); /* "3 million and a half" */
            if (fe) {
                v += fr * m;
                j = fe;
                break;
            }
        }
        if (is_w(S, j, W_DOZEN) || is_w(S, j, W_DOZENS) || is_w(S, j, W_DZS) || is_w(S, j, W_DOZS)) {
            v *= 12;
            j++;
            scaled = 1;
        }
        if (scaled) r->integer = 0;
        r->v = neg ? -v : v;
        r->end = j;
        return 1;
    }
    /* words */
    double v = 0, pre = -1, escale = 0;
    int e;
    if (is_w(S, j, W_HALF) || is_w(S, j, W_QUARTER)) {
        double f = is_w(S, j, W_HALF) ? 0.5 : 0.25;
        /* "half a dozen", "half a million", "quarter million" */
        int k = j + 1;
        if (is_w(S, k, W_A) || is_w(S, k, W_AN)) k++;
        if (is_w(S, k, W_DOZEN) || wkind(S, k) == K_SCALE) {
            r->v = f * WORD[wix(S, k)].val;
            r->end = k + 1;
            r->words = 1;
            return 1;
        }
        if (is_w(S, j, W_QUARTER)) return 0;
        r->v = 0.5;
        r->fraction = 1;
        r->words = 1;
        r->end = j + 1;
        return 1;
    }
    e = parse_card_words(S, j, &v, &pre, &escale);
    if (e < 0) {
        /* "a half", "a third", "a trillionth", "a quarter", "a twenty-first" */
        if (is_w(S, j, W_A) || is_w(S, j, W_AN)) {
            double d = denominator(S, j + 1, 1);
            int de = j + 2;
            if (d <= 0 && wkind(S, j + 1) == K_TENS) {
                int oj = j + 2;
                if (is_p(S, oj, '-') && adj(S, oj)) oj++;
                double o;
                int oe = ordinal_words(S, oj, WORD[wix(S, j + 1)].val, &o);
                if (oe > 0) d = o, de = oe;
            } else if (d <= 0 && wkind(S, j + 1) == K_ORD_TENS) {
                d = WORD[wix(S, j + 1)].val;
            }
            if (d <= 0) return 0;
            r->v = 1 / d;
            r->fraction = r->words = 1;
            r->end = de;
            if (wkind(S, de) == K_SCALE) { /* "a quarter million" */
                r->v *= WORD[wix(S, de)].val;
                r->end = de + 1;
                r->fraction = 0;
            }
            return 1;
        }
        double o;
        int oe = ordinal_words(S, j, 0, &o);
        if (oe < 0) return 0;
        r->v = o;
        r->ordinal = r->words = 1;
        r->end = oe;
        return 1;
    }
    r->words = 1;
    r->integer = 1;
    /* "twenty-first", "one hundred and first", "two hundredth", "three trillionth" */
    {
        double o;
        int oj = e;
        if (is_p(S, oj, '-') && adj(S, oj) && adj(S, oj + 1)) oj++;
        if (is_w(S, oj, W_AND) && fmod(v, 100) == 0) oj++;
        int k = wkind(S, oj);
        if ((k == K_ORD || k == K_ORD_TENS) && !(k == K_ORD && fmod(v, 100) != 0 && fmod(v, 10) != 0)) {
            /* "one third" is a fraction, "twenty-first" an ordinal */
            double d = denominator(S, oj, v);
            if (!(d > 0 && v == 1 && oj == e)) {
                int oe = ordinal_words(S, oj, v, &o);
                if (oe > 0) {
                    r->v = neg ? -o : o;
                    r->ordinal = 1;
                    r->integer = 0;
                    r->end = oe;
                    return 1;
                }
            }
        }
        if (k == K_ORD_SCALE && oj == e && v != 1) {
            r->v = v * WORD[wix(S, oj)].val;
            r->ordinal = 1;
            r->integer = 0;
            r->end = oj + 1;
            return 1;
        }
        /* "one twenty-fifth": a fraction with a compound denominator */
        if (v == 1 && wkind(S, e) == K_TENS) {
            int tj = e + 1;
            if (is_p(S, tj, '-') && adj(S, tj)) tj++;
            int oe = ordinal_words(S, tj, WORD[wix(S, e)].val, &o);
            if (oe > 0 && wkind(S, tj) == K_ORD && WORD[wix(S, tj)].val < 10 && WORD[wix(S, tj)].val >= 1) {
                r->v = 1 / o;
                r->fraction = 1;
                r->integer = 0;
                r->end = oe;
                return 1;
            }
        }
    }
    /* fractions: "two thirds", "one third", "one and a half", "twenty and three fifths",
     * "one hundred and three quarters" (100 + 3/4) */
    {
        double fr;
        int fe;
        int de = e;
        if (is_p(S, de, '-')) de++; /* "one-eighth", "five - eighths" */
        double post = pre >= 0 ? v - pre : v;
        double d = denominator(S, de, pre >= 0 && post < 100 ? post : v);
        if (d > 0) {
            /* "five billion and three quarters": the fraction of the scale before "and" */
            if (pre >= 0 && post < 100) v = pre + post / d * (escale < 0 ? -escale : 1);
            else v = v / d;
            e = de + 1;
            r->fraction = !(pre >= 0 && escale < -1);
            r->integer = 0;
        } else if ((fe = and_fraction(S, e, &fr))) {
            if (wkind(S, fe) == K_SCALE) { /* "one billion and a half million", "five and a half million" */
                if (escale > 0) v += fr * WORD[wix(S, fe)].val;
                else v = (v + fr) * WORD[wix(S, fe)].val;
                fe++;
            } else if (escale > 0) { /* "two million and a half" */
                v += fr * escale;
            } else {
                v += fr;
                r->fraction = 1;
            }
            e = fe;
            r->integer = 0;
        }
        if (r->fraction && wkind(S, e) == K_SCALE) { /* "one and a half million" */
            v *= WORD[wix(S, e)].val;
            e++;
            r->fraction = 0;
        } else if (r->fraction && is_w(S, e, W_OF) && (is_w(S, e + 1, W_A) || is_w(S, e + 1, W_AN)) &&
                   wkind(S, e + 2) == K_SCALE) { /* "two thirds of a million" */
            v *= WORD[wix(S, e + 2)].val;
            e += 3;
            r->fraction = 0;
        }
    }
    /* "two hundred point zero three" */
    if (!r->fraction && is_w(S, e, W_POINT)) {
        int f = e + 1;
        double frac = 0, scale = 0.1;
        int got = 0;
        while (wkind(S, f) == K_CARD && WORD[wix(S, f)].val < 10) {
            frac += WORD[wix(S, f)].val * scale;
            scale /= 10;
            f++;
            got = 1;
        }
        if (!got) {
            double two;
            int te = parse_card_words(S, f, &two, NULL, NULL);
            if (te > 0 && two < 100) {
                frac = two < 10 ? two / 10 : two / 100;
                f = te;
                got = 1;
            }
        }
        if (got) {
            v += frac;
            e = f;
            r->integer = 0;
        }
    }
    if (is_w(S, e, W_DOZEN) || is_w(S, e, W_DOZENS) || is_w(S, e, W_DZS) || is_w(S, e, W_DOZS)) {
        v *= 12;
        e++;
    }
    r->v = neg ? -v : v;
    r->end = e;
    return 1;
}

/* ==== Expressions ==== */

/* A candidate reading starting at some token. */
struct cand {
    int end; /* token after the expression, 0 = none */
    struct nx_expr x;
};

static void set_span(const struct scan *S, struct cand *c, int a, int b)
{
    c->end = b;
    c->x.start = S->t[a].s;
    c->x.end = S->t[b - 1].e;
}

static void fmt_num(char *out, size_t n, double v)
{
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(out, n, "%.0f", v);
    else
        snprintf(out, n, "%.10g", v);
}

/* Hedge words before a number: returns the first token after them, 0 if none.
 * *kind: 1 about, 2 nearly, 3 more than, 4 at least, 5 less than, 6 up to. */
static int hedge(const struct scan *S, int i, int *kind)
{
    int id = wid(S, i), id1 = wid(S, i + 1), id2 = wid(S, i + 2);
    switch (id) {
    case W_ABOUT: case W_AROUND: case W_ROUGHLY: case W_APPROXIMATELY: case W_APPROX: case W_SOME:
        *kind = 1;
        return i + 1;
    case W_AN:
        if (id1 == W_ESTIMATED) { *kind = 1; return i + 2; }
        return 0;
    case W_ESTIMATED:
        *kind = 1;
        return i + 1;
    case W_NEARLY: case W_ALMOST:
        *kind = 2;
        return i + 1;
    case W_CLOSE:
        if (id1 == W_TO) { *kind = 2; return i + 2; }
        return 0;
    case W_JUST:
        if (id1 == W_UNDER || id1 == W_BELOW) { *kind = 2; return i + 2; }
        if (id1 == W_OVER || id1 == W_ABOVE) { *kind = 3; return i + 2; }
        return 0;
    case W_MORE: case W_GREATER:
        if (id1 == W_THAN) { *kind = 3; return i + 2; }
        return 0;
    case W_OVER: case W_ABOVE: case W_EXCEEDING:
        *kind = 3;
        return i + 1;
    case W_IN:
        if (id1 == W_EXCESS && id2 == W_OF) { *kind = 3; return i + 3; }
        return 0;
    case W_UPWARDS:
        if (id1 == W_OF) { *kind = 3; return i + 2; }
        return 0;
    case W_AT:
        if (id1 == W_LEAST) { *kind = 4; return i + 2; }
        if (id1 == W_MOST) { *kind = 6; return i + 2; }
        return 0;
    case W_NO:
        if ((id1 == W_FEWER || id1 == W_LESS) && id2 == W_THAN) { *kind = 4; return i + 3; }
        if (id1 == W_MORE && id2 == W_THAN) { *kind = 6; return i + 3; }
        return 0;
    case W_NOT:
        if (id1 == W_MORE && id2 == W_THAN) { *kind = 6; return i + 3; }
        if ((id1 == W_LESS || id1 == W_FEWER) && id2 == W_THAN) { *kind = 4; return i + 3; }
        return 0;
    case W_LESS: case W_FEWER:
        if (id1 == W_THAN) { *kind = 5; return i + 2; }
        return 0;
    case W_UNDER: case W_BELOW:
        *kind = 5;
        return i + 1;
    case W_UP:
        if (id1 == W_TO) { *kind = 6; return i + 2; }
        return 0;
    case W_AS:
        if ((id1 == W_MANY || id1 == W_MUCH) && id2 == W_AS) { *kind = 6; return i + 3; }
        return 0;
    default:
        return 0;
    }
}

/* Apply a hedge to an exact value v. */
static void apply_hedge(struct nx_expr *x, int kind, double v)
{
    x->lo = x->hi = v;
    x->lo_open = x->hi_open = 0;
    switch (kind) {
    case 1: x->lo = v * 0.9; x->hi = v * 1.1; break;
    case 2: x->lo = v * 0.9; x->hi = v; x->hi_open = 1; break;
    case 3: x->lo = v; x->hi = INFINITY; x->lo_open = 1; break;
    case 4: x->hi = INFINITY; break;
    case 5: x->lo = 0; x->hi_open = 1; break;
    case 6: x->lo = 0; break;
    default: return;
    }
    if (x->lo > x->hi) { double t = x->lo; x->lo = x->hi; x->hi = t; }
    x->flags |= NX_APPROX;
}

/* Plausible year: a four-digit integer 1000..2999 without separators. */
static int is_year_tok(const struct scan *S, int i)
{
    return is_int(S, i) && S->t[i].ndig == 4 && S->t[i].val >= 1000 && S->t[i].val <= 2999;
}

static int match_number(const struct scan *S, int i, struct cand *c)
{
    int hk = 0, j = hedge(S, i, &hk);
    if (!j) j = i;
    struct num r;
    if (!parse_number(S, j, &r)) return 0;
    /* "one over three", "2 out of 5": a ratio at the end of a clause */
    if (!hk && !r.ordinal && !r.fraction && r.v == floor(r.v)) {
        int k = r.end;
        if (is_w(S, k, W_OVER)) k++;
        else if (is_w(S, k, W_OUT) && is_w(S, k + 1, W_OF)) k += 2;
        struct num r2;
        if (k != r.end && parse_number(S, k, &r2) && !r2.ordinal && r2.v != 0 &&
            (r2.end >= S->n || S->t[r2.end].type == T_PUNCT)) {
            r.v /= r2.v;
            r.end = r2.end;
            r.fraction = 1;
        }
    }
    struct nx_expr *x = &c->x;
    memset(x, 0, sizeof *x);
    int e = r.end;
    if (r.words) x->flags |= NX_WORDS;
    if (r.ordinal) {
        if (hk) return 0;
        /* "second" as a unit of time, "a second" */
        if (is_w(S, j, W_SECOND) && e == j + 1 &&
            (is_w(S, j - 1, W_A) || is_w(S, j - 1, W_PER) || is_w(S, j - 1, W_SPLIT)))
            return 0;
        x->kind = NX_ORDINAL;
        x->lo = x->hi = r.v;
        fmt_num(x->value, sizeof x->value, r.v);
        set_span(S, c, j, e);
        return 1;
    }
    x->kind = NX_NUMBER;
    /* percent */
    if (is_p(S, e, '%') && adj(S, e)) {
        x->kind = NX_PERCENT;
        e++;
    } else if (is_w(S, e, W_PERCENT) || is_w(S, e, W_PCT) || is_w(S, e, W_PERCENTAGE) ||
               is_w(S, e, W_PERCENTS)) {
        x->kind = NX_PERCENT;
        e++;
        if (is_w(S, e, W_POINTS)) e++;
    } else if (is_w(S, e, W_PER) && is_w(S, e + 1, W_CENT)) {
        x->kind = NX_PERCENT;
        e += 2;
    }
    double v = r.v;
    /* ranges: "between 10 and 20", "10-20", "10 to 20", "from 10 to 20" */
    int rs = j;
    if (!hk && x->kind == NX_NUMBER) {
        int k = e, ok = 0;
        if ((is_w(S, j - 1, W_BETWEEN) && is_w(S, k, W_AND)) ||
            (is_w(S, j - 1, W_FROM) && (is_w(S, k, W_TO) || is_w(S, k, W_THROUGH)))) {
            ok = 2;
        } else if ((is_p(S, k, '-') || is_p(S, k, '~')) && adj(S, k) && adj(S, k + 1) && is_num(S, k + 1) &&
                   is_num(S, j) && !is_year_tok(S, j)) {
            ok = 1;
        } else if ((is_w(S, k, W_TO) || is_w(S, k, W_THROUGH)) && is_num(S, j) && is_num(S, k + 1)) {
            ok = 1;
        }
        if (ok) {
            struct num r2;
            if (parse_number(S, k + 1, &r2) && !r2.ordinal && r2.v > v) {
                x->lo = v;
                x->hi = r2.v;
                x->flags |= NX_RANGE;
                e = r2.end;
                if (is_p(S, e, '%') && adj(S, e)) { x->kind = NX_PERCENT; e++; }
                else if (is_w(S, e, W_PERCENT)) { x->kind = NX_PERCENT; e++; }
                if (ok == 2) rs = j - 1;
                fmt_num(x->value, sizeof x->value, v);
                size_t l = strlen(x->value);
                x->value[l++] = '/';
                fmt_num(x->value + l, sizeof x->value - l, r2.v);
                if (is_w(S, e, W_OTHER)) x->flags |= NX_OTHER;
                set_span(S, c, rs, e);
                return 1;
            }
        }
    }
    if (r.fraction) x->flags |= 0;
    int start = j;
    if (hk) {
        apply_hedge(x, hk, v);
        start = i;
    } else if (is_w(S, e, W_OR) && is_w(S, e + 1, W_MORE)) {
        apply_hedge(x, 4, v);
        e += 2;
    } else if (is_w(S, e, W_AND) && is_w(S, e + 1, W_MORE)) {
        apply_hedge(x, 4, v);
        e += 2;
    } else if (is_w(S, e, W_OR) && is_w(S, e + 1, W_SO)) {
        apply_hedge(x, 1, v);
        e += 2;
    } else if (is_w(S, e, W_PLUS) && !is_num(S, e + 1) && wkind(S, e + 1) != K_CARD) {
        apply_hedge(x, 4, v);
        e += 1;
    } else {
        x->lo = x->hi = v;
    }
    if (is_w(S, e, W_OTHER) || is_w(S, e, W_OTHERS)) x->flags |= NX_OTHER;
    fmt_num(x->value, sizeof x->value, v);
    set_span(S, c, start, e);
    return 1;
}

/* ==== Tense ==== */

/* Is token k a cue for the future?  Some cues need the next word ("is to",
 * "going to", "set for"). */
static int future_cue(const struct scan *S, int k)
{
    switch (wid(S, k)) {
    case W_WILL: case W_SHALL: case W_SCHEDULED: case W_UPCOMING: case W_PLANNING:
    case W_PLANS: case W_PLANNED: case W_TOMORROW:
        return 1;
    case W_LL:
        return is_p(S, k - 1, '\'') && adj(S, k);
    case W_LET:
        return is_p(S, k + 1, '\'') && is_w(S, k + 2, W_S);
    case W_GOING: case W_DUE: case W_EXPECTED: case W_PLAN:
        return is_w(S, k + 1, W_TO);
    case W_IS: case W_ARE:
        return is_w(S, k + 1, W_TO);
    case W_SET:
        return is_w(S, k + 1, W_TO) || is_w(S, k + 1, W_FOR);
    default:
        return 0;
    }
}

/* 2: strong past ("was", "ago"), 1: a past verb form, 0: none. */
static int past_cue(const struct scan *S, int k)
{
    int id = wid(S, k);
    if (id == W_WAS || id == W_WERE || id == W_DID || id == W_HAD || id == W_YESTERDAY ||
        id == W_AGO)
        return 2;
    if (id > 0 && WORD[id].kind == K_PAST) return 1;
    if (id == 0 && k < S->n && (S->t[k].flags & TF_ED) && !(S->t[k].flags & TF_CAP)) return 1;
    return 0;
}

/* Does the text around tokens [a, b) put them in the future?  The nearest cue
 * before decides (a participle after "be"/"been" is passed over: "will be
 * held on Monday"); failing that, the first cue after.  Default: past. */
static int tense_future(const struct scan *S, int a, int b)
{
    for (int k = a - 1; k >= 0 && k >= a - 30; k--) {
        if (future_cue(S, k)) return 1;
        int pc = past_cue(S, k);
        if (pc == 2) return 0;
        if (pc == 1) {
            int pv = wid(S, k - 1);
            if (pv == W_BE || pv == W_BEEN || pv == W_BEING || pv == W_IS || pv == W_ARE) continue;
            return 0;
        }
    }
    for (int k = b; k < S->n && k < b + 15; k++) {
        if (future_cue(S, k)) return 1;
        if (past_cue(S, k)) return 0;
    }
    return 0;
}

/* ==== Dates ==== */

/* What the text said of a date, before resolution. */
struct pdate {
    int y, m, d, wd;
    int gran;    /* NX_GRAN_* for y/m-only readings, decades, centuries, quarters */
    int q;       /* quarter 1..4 */
    int nth;     /* "the second Monday of ...": 1..5, -1 for "last" */
    int relm;    /* month given relative to the reference ("of next month") */
    int relm_n;  /* its offset: -1, 0, +1 */
};

static int day_of(const struct scan *S, int j, int *d)
{
    /* a day of the month: 1..31 as digits (with a suffix) or ordinal words */
    struct num r;
    if (is_num(S, j)) {
        if (!is_int(S, j) || S->t[j].ndig > 2 || S->t[j].val < 1 || S->t[j].val > 31) return 0;
        *d = (int)S->t[j].val;
        int e = j + 1;
        if (adj(S, e) && (is_w(S, e, W_ST) || is_w(S, e, W_ND) || is_w(S, e, W_RD) || is_w(S, e, W_TH)))
            e++;
        return e;
    }
    int k = wkind(S, j);
    if (k != K_CARD && k != K_TENS && k != K_ORD && k != K_ORD_TENS) return 0;
    if (!parse_number(S, j, &r) || r.fraction || r.v < 1 || r.v > 31 || r.v != floor(r.v)) return 0;
    if (wkind(S, r.end) == K_DUR || wkind(S, r.end) == K_SCALE) return 0;
    *d = (int)r.v;
    return r.end;
}

/* A four-digit year at j (optionally after "," or "of"); returns the end or 0. */
static int year_after(const struct scan *S, int j, int *y)
{
    if (is_p(S, j, ',') || is_w(S, j, W_OF)) j++;
    if (!is_year_tok(S, j)) return 0;
    /* "May 5, 2021 people" is not a year; "2021," is */
    if (is_p(S, j + 1, '%') || wkind(S, j + 1) == K_SCALE || wkind(S, j + 1) == K_DUR) return 0;
    *y = (int)S->t[j].val;
    return j + 1;
}

static int month_tok(const struct scan *S, int j, int *m)
{
    int k = wkind(S, j);
    if (k != K_MONTH && k != K_MONTH_ABBR) return 0;
    *m = (int)WORD[wix(S, j)].val;
    int e = j + 1;
    if (k == K_MONTH_ABBR && is_p(S, e, '.') && adj(S, e)) e++;
    return e;
}

/* Words before a lone month name that make it a month: "in May", "since March". */
static int month_context(const struct scan *S, int j)
{
    switch (wid(S, j)) {
    case W_IN: case W_SINCE: case W_UNTIL: case W_TILL: case W_BY: case W_EARLY: case W_LATE:
    case W_MID: case W_OF: case W_LAST: case W_NEXT: case W_THIS: case W_DURING: case W_FROM:
    case W_THROUGH: case W_BEFORE: case W_AFTER: case W_AND: case W_OR: case W_TO:
    case W_BETWEEN: case W_END: case W_START: case W_BEGINNING:
        return 1;
    default:
        return is_p(S, j, '-') && is_w(S, j - 1, W_MID);
    }
}

/* A lone month name at j: is it the month?  Months that are also words ("may",
 * "march", "august") need a preposition and a capital; the others a capital
 * or a preposition, and not a following capitalized name ("June Carter"). */
static int lone_month_ok(const struct scan *S, int j)
{
    int id = wix(S, j);
    if (WORD[id].kind == K_MONTH_ABBR) return is_p(S, j + 1, '.') && month_context(S, j - 1);
    if (id == W_MAY || id == W_MARCH || id == W_AUGUST) {
        if (!cap(S, j) && !(j > 0 && S->t[j].flags & TF_CAP)) {
            /* lowercase: only after an unmistakable time preposition */
            int p = wid(S, j - 1);
            return (p == W_IN || p == W_SINCE || p == W_UNTIL || p == W_EARLY || p == W_LATE ||
                    p == W_LAST || p == W_NEXT || p == W_THIS || p == W_DURING) &&
                   !(cap(S, j - 1) == 0 && id == W_MARCH && wkind(S, j + 1) == K_NONE &&
                     is_w(S, j + 1, W_ON));
        }
        if (!month_context(S, j - 1)) return 0;
        /* "a march on Kyiv", "to march" */
        if (id == W_MARCH && (is_w(S, j - 1, W_TO) || is_w(S, j + 1, W_ON))) return 0;
        if (id == W_MAY && (is_w(S, j - 1, W_AND) || is_w(S, j - 1, W_OR) || is_w(S, j - 1, W_TO)))
            return 0;
        return 1;
    }
    if (cap(S, j + 1) && S->t[j + 1].type == T_WORD && !wid(S, j + 1)) return 0;
    return cap(S, j) || month_context(S, j - 1);
}

/* Numeric dates: 2022-03-02, 03/02/2022, 21/04/16, 2015.5.13, 4/22, 2015/3. */
static int numeric_date(const struct scan *S, int i, struct pdate *p)
{
    if (!is_int(S, i)) return 0;
    const struct tok *t = S->t;
    int a = (int)t[i].val, na = t[i].ndig;
    int sep = (i + 1 < S->n && t[i + 1].type == T_PUNCT) ? t[i + 1].id : 0;
    if (!(sep == '-' || sep == '/' || sep == '.') || !adj(S, i + 1) || !adj(S, i + 2) || !is_int(S, i + 2))
        return 0;
    int b = (int)t[i + 2].val, nb = t[i + 2].ndig;
    int has3 = is_p(S, i + 3, sep) && adj(S, i + 3) && adj(S, i + 4) && is_int(S, i + 4);
    /* 08/12,2015 and 08/12,15 */
    int commay = !has3 && sep == '/' && is_p(S, i + 3, ',') && adj(S, i + 3) && adj(S, i + 4) &&
                 is_int(S, i + 4) && (t[i + 4].ndig == 4 || t[i + 4].ndig == 2);
    if (has3 || commay) {
        int c = (int)t[i + 4].val, nc = t[i + 4].ndig;
        if (na == 4) { /* Y-M-D */
            if (nb > 2 || nc > 2) return 0;
            p->y = a, p->m = b, p->d = c;
        } else if (na <= 2 && nb <= 2 && (nc == 4 || nc == 2)) {
            int y = nc == 4 ? c : (c < 50 ? 2000 + c : 1900 + c);
            if (a > 12 && b <= 12) p->y = y, p->m = b, p->d = a; /* D/M/Y */
            else p->y = y, p->m = a, p->d = b;                  /* M/D/Y */
        } else
            return 0;
        if (p->m < 1 || p->m > 12 || p->d < 1 || p->d > 31) return 0;
        if (is_int(S, i + 5) && adj(S, i + 5)) return 0;
        return i + 5;
    }
    if (na == 4 && nb <= 2 && b >= 1 && b <= 12 && sep != '.' && a >= 1000 && a <= 2999) {
        /* 2015/3, 2015-08: a month */
        if (is_p(S, i + 3, sep) && adj(S, i + 3)) return 0;
        p->y = a, p->m = b, p->gran = NX_GRAN_MONTH;
        return i + 3;
    }
    if (na <= 2 && nb <= 2 && sep != '.' && !is_p(S, i + 3, sep)) {
        /* 4/22, 22/04: only when one side cannot be a month, or after "on" */
        int on = is_w(S, i - 1, W_ON);
        if (sep == '-' && !on) return 0;
        if (a >= 1 && a <= 12 && b >= 13 && b <= 31) p->m = a, p->d = b;
        else if (b >= 1 && b <= 12 && a >= 13 && a <= 31) p->m = b, p->d = a;
        else if (on && a >= 1 && a <= 12 && b >= 1 && b <= 31) p->m = a, p->d = b;
        else return 0;
        return i + 3;
    }
    return 0;
}

/* "of next month", "this month", "in the previous month": returns the end
 * (and the offset in *n) or 0. */
static int rel_month(const struct scan *S, int j, int *n)
{
    if (is_w(S, j, W_OF) || is_w(S, j, W_IN)) j++;
    if (is_w(S, j, W_THE)) j++;
    int id = wid(S, j);
    if (id == W_THIS || id == W_CURRENT) *n = 0;
    else if (id == W_NEXT || id == W_COMING || id == W_FOLLOWING) *n = 1;
    else if (id == W_LAST || id == W_PREVIOUS || id == W_PAST) *n = -1;
    else return 0;
    return is_w(S, j + 1, W_MONTH) ? j + 2 : 0;
}

/* "the second Monday of next month", "first Sunday", "the last Friday of July". */
static int nth_weekday(const struct scan *S, int i, struct pdate *p)
{
    int j = i, n = 0;
    struct num r;
    if (is_w(S, j, W_LAST)) n = -1, j++;
    else if (parse_number(S, j, &r) && r.ordinal && r.v >= 1 && r.v <= 5) n = (int)r.v, j = r.end;
    else return 0;
    if (wkind(S, j) != K_WDAY) return 0;
    p->nth = n, p->wd = (int)WORD[wix(S, j)].val;
    j++;
    int rn, re = rel_month(S, j, &rn);
    if (re) {
        p->relm = 1, p->relm_n = rn;
        return re;
    }
    if (is_w(S, j, W_OF) || is_w(S, j, W_IN)) {
        int m, me = month_tok(S, j + 1, &m);
        if (me) {
            p->m = m;
            int y, ye = year_after(S, me, &y);
            if (ye) p->y = y, me = ye;
            return me;
        }
    }
    if (n == -1) return 0; /* "last Friday" is a relative date */
    p->relm = 1, p->relm_n = 0;
    return j;
}

/* A date without relative words: "Feb. 24", "24 February 2022", "Wednesday,
 * February 24, 2022", "Thursday the 21st", "June 1992", "January", "2022-03-02".
 * Returns the end token or 0. */
static int date_core(const struct scan *S, int i, struct pdate *p)
{
    memset(p, 0, sizeof *p);
    int j = i, e;
    int k = wkind(S, j);
    if (k == K_WDAY || k == K_WDAY_ABBR) {
        int wd = (int)WORD[wix(S, j)].val;
        int jj = j + 1;
        if (k == K_WDAY_ABBR) {
            if (is_p(S, jj, '.') && adj(S, jj)) jj++;
            else if (!is_p(S, jj, ',') && !(wkind(S, jj) == K_MONTH || is_num(S, jj))) return 0;
            /* "sat", "sun", "wed" as words: need a date after */
        }
        int after = jj;
        if (is_p(S, after, ',')) after++;
        if (is_w(S, after, W_THE)) after++;
        struct pdate q;
        int ce = date_core(S, after, &q);
        if (ce && q.wd == 0 && q.d && !(q.gran)) {
            *p = q;
            p->wd = wd;
            return ce;
        }
        /* "Thursday the 21st" */
        if (is_w(S, jj, W_THE)) {
            int d;
            int de = day_of(S, jj + 1, &d);
            if (de && !is_w(S, de, W_OF) && wkind(S, de) != K_DUR && wkind(S, de) != K_MONTH &&
                !(de < S->n && S->t[de].type == T_WORD && !S->t[de].id)) {
                p->wd = wd, p->d = d;
                return de;
            }
        }
        if (k == K_WDAY_ABBR && !is_p(S, j + 1, '.')) return 0;
        p->wd = wd;
        return jj;
    }
    if ((e = numeric_date(S, i, p))) return e;
    if ((e = nth_weekday(S, is_w(S, i, W_THE) ? i + 1 : i, p))) return e;
    memset(p, 0, sizeof *p);
    /* "2019-sep-01", "2019/sep/1" */
    if (is_year_tok(S, i) && (is_p(S, i + 1, '-') || is_p(S, i + 1, '/')) && adj(S, i + 1) &&
        adj(S, i + 2)) {
        int m2, me = month_tok(S, i + 2, &m2);
        int d2, de2;
        if (me && is_p(S, me, S->t[i + 1].id) && adj(S, me) && adj(S, me + 1) &&
            (de2 = day_of(S, me + 1, &d2))) {
            p->y = (int)S->t[i].val, p->m = m2, p->d = d2;
            return de2;
        }
    }
    /* "the 21st", "for the 27": a day of the month, when nothing follows that
     * would make it an ordinal of something else ("the second time") */
    if (is_w(S, i, W_THE)) {
        int pv = wid(S, i - 1);
        int d2, de2 = day_of(S, i + 1, &d2);
        if (de2 && (pv == W_ON || pv == W_FOR || pv == W_BY || pv == W_UNTIL || pv == W_SINCE ||
                    pv == W_BEFORE || pv == W_AFTER || pv == W_FROM || pv == W_TILL)) {
            int rn, re = rel_month(S, de2, &rn);
            if (re) {
                p->d = d2, p->relm = 1, p->relm_n = rn;
                return re;
            }
            if (de2 >= S->n || S->t[de2].type == T_PUNCT) {
                p->d = d2;
                return de2;
            }
        }
    }
    /* "on 15" at the end of a clause */
    if (is_int(S, i) && is_w(S, i - 1, W_ON) && (i + 1 >= S->n || (S->t[i + 1].type == T_PUNCT &&
                                                                   S->t[i + 1].id != '%'))) {
        int d2;
        if (day_of(S, i, &d2) == i + 1) {
            p->d = d2;
            return i + 1;
        }
    }
    /* month first */
    int m;
    if ((e = month_tok(S, j, &m))) {
        int dj = e;
        if ((is_p(S, dj, '-') || is_p(S, dj, '/') || is_p(S, dj, '.')) && adj(S, dj)) dj++;
        if (is_w(S, dj, W_THE)) dj++;
        int d, de = day_of(S, dj, &d);
        /* "May 2021" is not the 20th; "March 3 million" is not a date */
        if (de && !(is_num(S, dj) && S->t[dj].ndig > 2)) {
            if (is_p(S, de, ':') || (is_p(S, de, '%'))) de = 0;
        }
        if (de) {
            p->m = m, p->d = d;
            int y, ye = year_after(S, de, &y);
            if (ye) p->y = y, de = ye;
            return de;
        }
        int y, ye = year_after(S, e, &y);
        if (ye) {
            p->m = m, p->y = y, p->gran = NX_GRAN_MONTH;
            return ye;
        }
        if (!lone_month_ok(S, j)) return 0;
        p->m = m, p->gran = NX_GRAN_MONTH;
        return e;
    }
    /* day first: "24 February 2022", "1st Jan", "22 of Jan", "the first of March" */
    {
        int d, de = day_of(S, j, &d);
        if (de) {
            int mj = de;
            int rn, re = rel_month(S, de, &rn);
            if (re) { /* "the 20th of next month" */
                p->d = d, p->relm = 1, p->relm_n = rn;
                return re;
            }
            if (is_p(S, mj, '.') && adj(S, mj)) mj++;
            if (is_w(S, mj, W_OF)) mj++;
            int me = month_tok(S, mj, &m);
            if (me) {
                p->d = d, p->m = m;
                int y, ye = year_after(S, me, &y);
                if (ye) p->y = y, me = ye;
                return me;
            }
        }
    }
    return 0;
}

/* Resolve a weekday/month/day reading against the reference; fills x. */
static void resolve(const struct scan *S, const struct pdate *p, int future, struct nx_expr *x)
{
    struct nx_date *d = &x->date;
    d->year = (int16_t)p->y;
    d->month = (int8_t)p->m;
    d->mday = (int8_t)p->d;
    d->weekday = (int8_t)p->wd;
    int y = p->y, m = p->m, md = p->d;
    if (p->relm || p->nth) {
        /* the month first: relative, named, or the reference's */
        if (p->relm || !m) {
            if (!S->has_ref) return;
            int t = S->ry * 12 + (S->rm - 1) + (p->relm ? p->relm_n : 0);
            y = t / 12, m = t % 12 + 1;
            x->flags |= NX_RELATIVE;
        } else if (!y) {
            if (!S->has_ref) return;
            y = S->ry;
            if (future ? m < S->rm : m > S->rm) y += future ? 1 : -1;
            x->flags |= NX_RELATIVE;
        }
        if (p->nth) {
            int32_t first = cal_days(y, m, 1);
            int32_t day;
            if (p->nth > 0) {
                day = first + (p->wd - cal_weekday(first) + 7) % 7 + 7 * (p->nth - 1);
            } else {
                int32_t last = cal_days(y, m, cal_month_days(y, m));
                day = last - (cal_weekday(last) - p->wd + 7) % 7;
            }
            int yy, mm, dd;
            cal_civil(day, &yy, &mm, &dd);
            if (mm != m) return; /* no fifth Sunday */
            md = dd;
        }
        d->gran = NX_GRAN_DAY;
        if (!cal_valid(y, m, md)) return;
        d->year = (int16_t)y, d->month = (int8_t)m, d->mday = (int8_t)md;
        d->lo = d->hi = cal_days(y, m, md);
        x->flags |= NX_ANCHORED;
        if (S->has_ref && d->lo > S->ref && future) x->flags |= NX_FUTURE;
        return;
    }
    if (p->gran == NX_GRAN_DECADE || p->gran == NX_GRAN_CENTURY || p->gran == NX_GRAN_YEAR) {
        int span = p->gran == NX_GRAN_DECADE ? 10 : p->gran == NX_GRAN_CENTURY ? 100 : 1;
        d->gran = (uint8_t)p->gran;
        d->lo = cal_days(y, 1, 1);
        d->hi = cal_days(y + span, 1, 1) - 1;
        x->flags |= NX_ANCHORED;
        return;
    }
    if (p->gran == NX_GRAN_QUARTER) {
        d->gran = NX_GRAN_QUARTER;
        if (!y) {
            if (!S->has_ref) return;
            y = S->ry;
            int rq = (S->rm - 1) / 3 + 1;
            if (future ? p->q < rq : p->q > rq) y += future ? 1 : -1;
            d->year = (int16_t)y;
            x->flags |= NX_RELATIVE;
            if (future) x->flags |= NX_FUTURE;
        }
        d->lo = cal_days(y, (p->q - 1) * 3 + 1, 1);
        d->hi = cal_days(y, p->q * 3 + 1 > 12 ? 12 : p->q * 3 + 1, 1) - 1;
        if (p->q == 4) d->hi = cal_days(y, 12, 31);
        x->flags |= NX_ANCHORED;
        return;
    }
    if (m && !md) { /* a month */
        d->gran = NX_GRAN_MONTH;
        if (!y) {
            if (!S->has_ref) return;
            y = S->ry;
            if (future ? m < S->rm : m > S->rm) y += future ? 1 : -1;
            x->flags |= NX_RELATIVE;
            if (future) x->flags |= NX_FUTURE;
        }
        d->year = (int16_t)y;
        d->lo = cal_days(y, m, 1);
        d->hi = cal_days(y, m, cal_month_days(y, m));
        x->flags |= NX_ANCHORED;
        return;
    }
    if (y && !m) { /* a year */
        d->gran = NX_GRAN_YEAR;
        d->lo = cal_days(y, 1, 1);
        d->hi = cal_days(y, 12, 31);
        x->flags |= NX_ANCHORED;
        return;
    }
    d->gran = NX_GRAN_DAY;
    if (y && m && md) {
        if (!cal_valid(y, m, md)) return;
        d->lo = d->hi = cal_days(y, m, md);
        x->flags |= NX_ANCHORED;
        return;
    }
    if (!S->has_ref) return;
    int32_t ref = S->ref, day = 0;
    if (m && md) {
        /* the latest m/md on or before the reference (or the first on or after) */
        y = S->ry;
        for (int tries = 0; tries < 9; tries++) {
            if (cal_valid(y, m, md)) {
                int32_t c = cal_days(y, m, md);
                if (future ? c >= ref : c <= ref) { day = c; break; }
            }
            y += future ? 1 : -1;
        }
    } else if (md) {
        int yy = S->ry, mm = S->rm;
        for (int tries = 0; tries < 24 && !day; tries++) {
            if (cal_valid(yy, mm, md)) {
                int32_t c = cal_days(yy, mm, md);
                if ((future ? c >= ref : c <= ref) && (!p->wd || cal_weekday(c) == p->wd)) day = c;
            }
            if (future) { if (++mm > 12) mm = 1, yy++; }
            else if (--mm < 1) mm = 12, yy--;
        }
    } else if (p->wd) {
        int delta = (S->rwd - p->wd + 7) % 7;
        if (future) {
            int f = (p->wd - S->rwd + 7) % 7;
            day = ref + (f ? f : 7);
        } else
            day = ref - delta;
    } else
        return;
    if (!day) return;
    int yy, mm, dd;
    cal_civil(day, &yy, &mm, &dd);
    d->year = (int16_t)yy, d->month = (int8_t)mm, d->mday = (int8_t)dd;
    d->lo = d->hi = day;
    x->flags |= NX_ANCHORED | NX_RELATIVE;
    if (future) x->flags |= NX_FUTURE;
}

/* Monday of the ISO week of day. */
static int32_t week_start(int32_t day) { return day - (cal_weekday(day) - 1); }

static void set_days(struct nx_expr *x, int32_t lo, int32_t hi, int gran)
{
    x->date.lo = lo;
    x->date.hi = hi;
    x->date.gran = (uint8_t)gran;
    x->flags |= NX_ANCHORED | NX_RELATIVE;
    int y, m, d;
    cal_civil(lo, &y, &m, &d);
    x->date.year = (int16_t)y;
    if (gran == NX_GRAN_DAY || gran == NX_GRAN_MONTH) x->date.month = (int8_t)m;
    if (gran == NX_GRAN_DAY && lo == hi) {
        x->date.mday = (int8_t)d;
        x->date.weekday = x->date.weekday ? x->date.weekday : 0;
    }
}

/* Add n units (a K_DUR word) to day. */
static int32_t add_units(int32_t day, int unit, int n)
{
    int y, m, d;
    switch (unit) {
    case W_DAY: case W_DAYS: return day + n;
    case W_WEEK: case W_WEEKS: return day + 7 * n;
    case W_FORTNIGHT: return day + 14 * n;
    case W_MONTH: case W_MONTHS: case W_YEAR: case W_YEARS: case W_DECADE: case W_DECADES:
        cal_civil(day, &y, &m, &d);
        if (unit == W_MONTH || unit == W_MONTHS) {
            int t = y * 12 + (m - 1) + n;
            y = t / 12, m = t % 12 + 1;
        } else
            y += n * ((unit == W_DECADE || unit == W_DECADES) ? 10 : 1);
        if (d > cal_month_days(y, m)) d = cal_month_days(y, m);
        return cal_days(y, m, d);
    default:
        return day;
    }
}

static int is_period(int id)
{
    return id == W_WEEK || id == W_MONTH || id == W_YEAR || id == W_WEEKEND || id == W_QUARTER ||
           id == W_DECADE;
}

/* The days of the period (week, month, year...) containing day, shifted by n periods. */
static void period_days(int id, int32_t day, int n, int32_t *lo, int32_t *hi, int *gran)
{
    int y, m, d;
    cal_civil(day, &y, &m, &d);
    switch (id) {
    case W_WEEK:
        *lo = week_start(day) + 7 * n, *hi = *lo + 6, *gran = NX_GRAN_WEEK;
        return;
    case W_WEEKEND:
        *lo = week_start(day) + 7 * n + 5, *hi = *lo + 1, *gran = NX_GRAN_DAY;
        return;
    case W_MONTH: {
        int t = y * 12 + (m - 1) + n;
        y = t / 12, m = t % 12 + 1;
        *lo = cal_days(y, m, 1), *hi = cal_days(y, m, cal_month_days(y, m)), *gran = NX_GRAN_MONTH;
        return;
    }
    case W_QUARTER: {
        int t = y * 4 + (m - 1) / 3 + n;
        y = t / 4;
        int q = t % 4;
        *lo = cal_days(y, q * 3 + 1, 1);
        *hi = (q == 3 ? cal_days(y + 1, 1, 1) : cal_days(y, q * 3 + 4, 1)) - 1;
        *gran = NX_GRAN_QUARTER;
        return;
    }
    case W_DECADE:
        y = (y / 10 + n) * 10;
        *lo = cal_days(y, 1, 1), *hi = cal_days(y + 10, 1, 1) - 1, *gran = NX_GRAN_DECADE;
        return;
    default: /* year */
        *lo = cal_days(y + n, 1, 1), *hi = cal_days(y + n, 12, 31), *gran = NX_GRAN_YEAR;
        return;
    }
}

/* Time-of-day words after a day: "Wednesday evening", "yesterday at noon". */
static int tod_after(const struct scan *S, int j, struct nx_expr *x)
{
    int k = wkind(S, j);
    if (k == K_TOD && (wid(S, j) != W_NOON || 1)) {
        x->date.tod = (uint8_t)WORD[wix(S, j)].val;
        return j + 1;
    }
    if (is_w(S, j, W_AT) && (is_w(S, j + 1, W_NOON) || is_w(S, j + 1, W_MIDNIGHT) ||
                             is_w(S, j + 1, W_MIDDAY))) {
        x->date.tod = (uint8_t)WORD[wix(S, j + 1)].val;
        return j + 2;
    }
    if ((is_w(S, j, W_AROUND) || is_w(S, j, W_ABOUT)) &&
        (is_w(S, j + 1, W_NOON) || is_w(S, j + 1, W_MIDNIGHT) || is_w(S, j + 1, W_MIDDAY))) {
        x->date.tod = (uint8_t)WORD[wix(S, j + 1)].val;
        x->flags |= NX_APPROX;
        return j + 2;
    }
    return j;
}

/* Relative expressions: "today", "last week", "earlier this month", "two days
 * ago", "over the last week", "next Monday", "this morning". */
static int relative_date(const struct scan *S, int i, struct nx_expr *x, int *pend)
{
    int id = wid(S, i), id1 = wid(S, i + 1);
    int32_t ref = S->ref;
    int j;
    memset(x, 0, sizeof *x);
    x->kind = NX_DATE;
    int need_ref = 1;
    int32_t lo = 0, hi = 0;
    int gran = NX_GRAN_DAY, fut = 0, ok = 0, start = i;
    switch (id) {
    case W_TODAY: case W_TONIGHT: case W_YESTERDAY: case W_TOMORROW:
        lo = hi = ref + (id == W_YESTERDAY ? -1 : id == W_TOMORROW ? 1 : 0);
        fut = id == W_TOMORROW;
        if (id == W_TONIGHT) x->date.tod = NX_TOD_NIGHT;
        j = i + 1;
        if (id != W_TONIGHT) j = tod_after(S, j, x);
        ok = 1;
        break;
    case W_NOW:
        return 0;
    case W_THIS: case W_LAST: case W_NEXT: case W_PAST: case W_PREVIOUS: case W_COMING:
    case W_CURRENT: case W_EARLIER: case W_LATER: case W_EARLY: case W_LATE: case W_FOLLOWING:
    case W_THE: case W_OVER: {
        int a = i;
        int mod = 0; /* -1 earlier, +1 later */
        if (id == W_EARLIER || id == W_EARLY) mod = -1, a++;
        else if (id == W_LATER || id == W_LATE) mod = 1, a++;
        if (id == W_OVER && is_w(S, i + 1, W_THE)) a += 2;
        else if (id == W_OVER) return 0;
        else if (id == W_THE && (id1 == W_LAST || id1 == W_PAST || id1 == W_NEXT || id1 == W_COMING))
            a++;
        else if (id == W_THE && id1 == W_DAY && (is_w(S, i + 2, W_BEFORE) || is_w(S, i + 2, W_AFTER)) &&
                 (is_w(S, i + 3, W_YESTERDAY) || is_w(S, i + 3, W_TOMORROW))) {
            lo = hi = ref + (is_w(S, i + 3, W_YESTERDAY) ? -2 : 2);
            fut = is_w(S, i + 3, W_TOMORROW);
            j = i + 4;
            ok = 1;
            break;
        } else if (id == W_THE)
            return 0;
        int w = wid(S, a), n = 0;
        if (w == W_THIS || w == W_CURRENT) n = 0;
        else if (w == W_LAST || w == W_PAST || w == W_PREVIOUS) n = -1;
        else if (w == W_NEXT || w == W_COMING || w == W_FOLLOWING) n = 1;
        else if (mod && (w == W_NEXT)) n = 1;
        else return 0;
        if ((w == W_FOLLOWING || w == W_COMING) && !is_w(S, a - 1, W_THE) && w == W_FOLLOWING) return 0;
        int u = wid(S, a + 1);
        /* "last night", "this morning" */
        if (wkind(S, a + 1) == K_TOD && !mod && (w == W_THIS || (w == W_LAST && u == W_NIGHT))) {
            lo = hi = ref + (w == W_LAST ? -1 : 0);
            x->date.tod = (uint8_t)WORD[u].val;
            j = a + 2;
            ok = 1;
            break;
        }
        /* "next Monday", "last Sunday", "this Friday": the weekday in that ISO week */
        if (wkind(S, a + 1) == K_WDAY && !mod) {
            int wd = (int)WORD[u].val;
            lo = hi = week_start(ref) + 7 * n + (wd - 1);
            x->date.weekday = (int8_t)wd;
            fut = n > 0 || (n == 0 && lo > ref);
            j = a + 2;
            j = tod_after(S, j, x);
            ok = 1;
            break;
        }
        /* "last March", "next January", "this September" */
        if ((wkind(S, a + 1) == K_MONTH || wkind(S, a + 1) == K_MONTH_ABBR) && !mod &&
            (w == W_LAST || w == W_NEXT || w == W_THIS)) {
            int mo = (int)WORD[u].val;
            int y = S->ry + (n < 0 ? (mo >= S->rm ? -1 : 0) : n > 0 ? (mo <= S->rm ? 1 : 0) : 0);
            lo = cal_days(y, mo, 1), hi = cal_days(y, mo, cal_month_days(y, mo));
            gran = NX_GRAN_MONTH;
            fut = n > 0;
            j = a + 2;
            if (is_p(S, j, '.') && adj(S, j) && wkind(S, a + 1) == K_MONTH_ABBR) j++;
            ok = 1;
            break;
        }
        /* "the last/past/next N days", "over the last week" */
        int counted = 0;
        {
            struct num r;
            counted = (is_w(S, a + 1, W_FEW) || is_w(S, a + 1, W_SEVERAL)) ||
                      (parse_number(S, a + 1, &r) && !r.ordinal && r.v >= 1 && r.v == floor(r.v));
        }
        if (is_w(S, a - 1, W_THE) || id == W_OVER || (n && !mod && (w == W_PAST)) || (counted && !mod && n)) {
            struct num r;
            int cnt = 1, ue = a + 1;
            if (parse_number(S, a + 1, &r) && !r.ordinal && r.v >= 1 && r.v == floor(r.v) && r.v < 10000) {
                cnt = (int)r.v;
                ue = r.end;
            } else if (is_w(S, a + 1, W_FEW) || is_w(S, a + 1, W_SEVERAL)) {
                cnt = 3;
                ue = a + 2;
                x->flags |= NX_APPROX;
            }
            if (!counted && n > 0 && is_period(wid(S, ue))) goto period; /* "the coming week" */
            int unit = wid(S, ue);
            if (wkind(S, ue) == K_DUR && unit != W_SECONDS && unit != W_MINUTE && unit != W_MINUTES &&
                unit != W_HOUR && unit != W_HOURS && (cnt > 1 || ue == a + 1)) {
                if (n < 0) lo = add_units(ref, unit, -cnt), hi = ref;
                else lo = ref + 1, hi = add_units(ref, unit, cnt);
                fut = n > 0;
                j = ue + 1;
                ok = 1;
                start = (id == W_OVER) ? i : (is_w(S, a - 1, W_THE) ? a - 1 : a);
                break;
            }
            if (is_w(S, a - 1, W_THE) || id == W_OVER) return 0;
        }
    period:
        if (!is_period(u)) {
            /* "last week Sunday" handled below; plain "last" is not a date */
            return 0;
        }
        period_days(u, ref, n, &lo, &hi, &gran);
        j = a + 2;
        fut = n > 0;
        /* "last week Sunday", "next week on Friday", "Friday of next week" */
        if (u == W_WEEK) {
            int wj = j;
            if (is_w(S, wj, W_ON)) wj++;
            if (is_p(S, wj, '-')) wj++;
            if (wkind(S, wj) == K_WDAY && !mod) {
                int wd = (int)WORD[wix(S, wj)].val;
                lo = hi = lo + wd - 1;
                x->date.weekday = (int8_t)wd;
                gran = NX_GRAN_DAY;
                j = wj + 1;
            }
        }
        if (mod < 0) {
            if (n == 0 && ref - 1 >= lo) hi = ref - 1 < hi ? ref - 1 : hi;
            else if (n != 0) hi = lo + (hi - lo) / 2;
            x->flags |= NX_APPROX;
        } else if (mod > 0) {
            if (n == 0 && ref + 1 <= hi) lo = ref + 1 > lo ? ref + 1 : lo;
            else if (n != 0) lo = lo + (hi - lo + 1) / 2;
            x->flags |= NX_APPROX;
        }
        ok = 1;
        break;
    }
    default:
        break;
    }
    if (!ok) {
        /* "two days ago", "a week ago", "1 month and 21 days ago", "three weeks
         * from now", "two days after today", "in two weeks" (future) */
        int a = i, in = 0;
        if (is_w(S, a, W_WITHIN)) return 0; /* not a point in time */
        if (is_w(S, a, W_IN)) in = 1, a++;
        int cnt[3], unit[3], nu = 0, k = a;
        while (nu < 3) {
            struct num r;
            int c, ue;
            if ((is_w(S, k, W_A) || is_w(S, k, W_AN)) && wkind(S, k + 1) == K_DUR) c = 1, ue = k + 1;
            else if ((is_w(S, k, W_A) && is_w(S, k + 1, W_FEW)) && wkind(S, k + 2) == K_DUR)
                c = 3, ue = k + 2, x->flags |= NX_APPROX;
            else if (parse_number(S, k, &r) && !r.ordinal && r.v >= 1 && r.v == floor(r.v) && r.v < 10000)
                c = (int)r.v, ue = r.end;
            else
                break;
            int u = wid(S, ue);
            if (wkind(S, ue) != K_DUR || u == W_SECONDS || u == W_MINUTE || u == W_MINUTES || u == W_HOUR ||
                u == W_HOURS || u == W_MIN || u == W_MINS || u == W_HR || u == W_HRS || u == W_SEC ||
                u == W_SECS)
                break;
            cnt[nu] = c, unit[nu] = u, nu++;
            k = ue + 1;
            if ((is_p(S, k, ',') || is_w(S, k, W_AND)) && (is_num(S, k + 1) || wkind(S, k + 1) == K_CARD ||
                                                           is_w(S, k + 1, W_A)))
                k++;
            else
                break;
        }
        if (!nu) return 0;
        if (is_p(S, k - 1, ',') || is_w(S, k - 1, W_AND)) k--;
        int32_t base = ref;
        int sign = 0;
        if (in) {
            /* "in two weeks": a point ahead, when the sentence looks forward */
            if (!tense_future(S, i, k)) return 0;
            sign = 1, j = k;
        } else if (is_w(S, k, W_AGO)) {
            sign = -1, j = k + 1;
        } else if ((is_w(S, k, W_FROM) || is_w(S, k, W_AFTER) || is_w(S, k, W_BEFORE)) &&
                   (is_w(S, k + 1, W_NOW) || is_w(S, k + 1, W_TODAY) || is_w(S, k + 1, W_TOMORROW) ||
                    is_w(S, k + 1, W_YESTERDAY))) {
            int b = wid(S, k + 1);
            base = ref + (b == W_TOMORROW ? 1 : b == W_YESTERDAY ? -1 : 0);
            sign = is_w(S, k, W_BEFORE) ? -1 : 1;
            j = k + 2;
        } else if (is_w(S, k, W_HENCE)) {
            sign = 1, j = k + 1;
        } else
            return 0;
        int32_t day = base;
        for (int u = 0; u < nu; u++) day = add_units(day, unit[u], sign * cnt[u]);
        lo = hi = day;
        fut = day > ref;
    }
    if (need_ref && !S->has_ref) {
        /* known to be relative, but to nothing */
        x->flags |= NX_RELATIVE;
        if (fut) x->flags |= NX_FUTURE;
        x->date.gran = (uint8_t)gran;
        *pend = j;
        return start + 1;
    }
    int wd = x->date.weekday;
    set_days(x, lo, hi, gran);
    if (wd) x->date.weekday = (int8_t)wd;
    if (fut) x->flags |= NX_FUTURE;
    *pend = j;
    return start + 1;
}

/* Decades, centuries, quarters and years in context. */
static int period_date(const struct scan *S, int i, struct pdate *p)
{
    memset(p, 0, sizeof *p);
    /* "1990s", "'90s" */
    if (is_int(S, i) && adj(S, i + 1) && is_w(S, i + 1, W_S)) {
        int v = (int)S->t[i].val;
        if (S->t[i].ndig == 4 && v % 10 == 0 && v >= 1000 && v <= 2990) {
            p->y = v, p->gran = v % 100 == 0 && is_w(S, i - 1, W_THE) && 0 ? NX_GRAN_CENTURY : NX_GRAN_DECADE;
            return i + 2;
        }
        if (S->t[i].ndig == 2 && v % 10 == 0 &&
            (is_p(S, i - 1, '\'') || is_w(S, i - 1, W_THE) || is_w(S, i - 1, W_IN))) {
            p->y = v < 30 ? 2000 + v : 1900 + v, p->gran = NX_GRAN_DECADE;
            return i + 2;
        }
    }
    if (is_int(S, i) && S->t[i].ndig == 2 && (int)S->t[i].val % 10 == 0 && is_p(S, i + 1, '\'') &&
        adj(S, i + 1) && is_w(S, i + 2, W_S) && adj(S, i + 2) &&
        (is_w(S, i - 1, W_THE) || is_w(S, i - 1, W_IN))) {
        int v = (int)S->t[i].val;
        p->y = v < 30 ? 2000 + v : 1900 + v, p->gran = NX_GRAN_DECADE;
        return i + 3;
    }
    /* "the 20th century", "the twenty-first century" */
    {
        struct num r;
        if (parse_number(S, i, &r) && r.ordinal && r.v >= 1 && r.v <= 30 &&
            (is_w(S, r.end, W_CENTURY))) {
            p->y = ((int)r.v - 1) * 100, p->gran = NX_GRAN_CENTURY;
            return r.end + 1;
        }
        /* "the first quarter of 2022", "third quarter" */
        if (parse_number(S, i, &r) && r.ordinal && r.v >= 1 && r.v <= 4 && is_w(S, r.end, W_QUARTER)) {
            p->q = (int)r.v, p->gran = NX_GRAN_QUARTER;
            int e = r.end + 1, y;
            int ye = year_after(S, e, &y);
            if (ye) p->y = y, e = ye;
            return e;
        }
    }
    /* "Q1 2017", "2017 Q1", "2017-q1" */
    if (is_w(S, i, W_Q) && adj(S, i + 1) && is_int(S, i + 1) && S->t[i + 1].val >= 1 && S->t[i + 1].val <= 4) {
        p->q = (int)S->t[i + 1].val, p->gran = NX_GRAN_QUARTER;
        int y, ye = year_after(S, i + 2, &y);
        if (ye) p->y = y;
        return ye ? ye : i + 2;
    }
    if (is_year_tok(S, i)) {
        int j = i + 1;
        if (is_p(S, j, '-') && adj(S, j)) j++;
        if (is_w(S, j, W_Q) && is_int(S, j + 1) && adj(S, j + 1) && S->t[j + 1].val >= 1 && S->t[j + 1].val <= 4) {
            p->y = (int)S->t[i].val, p->q = (int)S->t[j + 1].val, p->gran = NX_GRAN_QUARTER;
            return j + 2;
        }
        /* a year needs a preposition before it (or "the year") */
        int pv = wid(S, i - 1);
        if (pv == W_IN || pv == W_SINCE || pv == W_BY || pv == W_OF || pv == W_DURING || pv == W_UNTIL ||
            pv == W_TILL || pv == W_THROUGH || pv == W_FROM || pv == W_BEFORE || pv == W_AFTER ||
            pv == W_EARLY || pv == W_LATE || pv == W_MID || pv == W_YEAR || pv == W_BETWEEN ||
            (pv == W_AND && is_year_tok(S, i - 2)) || (pv == W_TO && is_year_tok(S, i - 2)) ||
            (is_p(S, i - 1, '-') && is_w(S, i - 2, W_MID))) {
            if (is_p(S, i + 1, '%') || wkind(S, i + 1) == K_SCALE || wkind(S, i + 1) == K_DUR) return 0;
            p->y = (int)S->t[i].val, p->gran = NX_GRAN_YEAR;
            return i + 1;
        }
    }
    return 0;
}

/* Format a resolved or partial date into x->value (TIMEX3-like). */
static void fmt_date(struct nx_expr *x)
{
    const struct nx_date *d = &x->date;
    char *v = x->value;
    size_t n = sizeof x->value;
    if (x->flags & NX_ANCHORED) {
        char a[11], b[11];
        cal_format(d->lo, a);
        cal_format(d->hi, b);
        int y, m, dd;
        cal_civil(d->lo, &y, &m, &dd);
        if (x->flags & NX_OPEN) {
            switch (d->gran) {
            case NX_GRAN_MONTH: snprintf(v, n, "%04d-%02d/..", y, m); return;
            case NX_GRAN_YEAR: snprintf(v, n, "%04d/..", y); return;
            default: snprintf(v, n, "%s/..", a); return;
            }
        }
        if ((x->flags & NX_RANGE) || (d->gran == NX_GRAN_DAY && d->lo != d->hi)) {
            snprintf(v, n, "%s/%s", a, b);
            return;
        }
        switch (d->gran) {
        case NX_GRAN_WEEK: {
            int iy, w = cal_iso_week(d->lo, &iy);
            snprintf(v, n, "%04d-W%02d", iy, w);
            return;
        }
        case NX_GRAN_MONTH: snprintf(v, n, "%04d-%02d", y, m); return;
        case NX_GRAN_QUARTER: snprintf(v, n, "%04d-Q%d", y, (m - 1) / 3 + 1); return;
        case NX_GRAN_YEAR: snprintf(v, n, "%04d", y); return;
        case NX_GRAN_DECADE: snprintf(v, n, "%03dX", y / 10); return;
        case NX_GRAN_CENTURY: snprintf(v, n, "%02dXX", y / 100); return;
        default: snprintf(v, n, "%s", a); return;
        }
    }
    char ys[8];
    if (d->year) snprintf(ys, sizeof ys, "%04d", d->year);
    else memcpy(ys, "XXXX", 5);
    if (d->month && d->mday) snprintf(v, n, "%s-%02d-%02d", ys, d->month, d->mday);
    else if (d->mday) snprintf(v, n, "%s-XX-%02d", ys, d->mday);
    else if (d->weekday) snprintf(v, n, "%s-WXX-%d", ys, d->weekday);
    else if (d->month) snprintf(v, n, "%s-%02d", ys, d->month);
    else if (d->gran == NX_GRAN_QUARTER) snprintf(v, n, "%s-QX", ys);
    else if (d->gran == NX_GRAN_WEEK) snprintf(v, n, "%s-WXX", ys);
    else snprintf(v, n, "%s-XX-XX", ys);
}

/* Range ends: "to", "until", "through", "-", "and" (after between). */
static int range_sep(const struct scan *S, int j, int between)
{
    if (between) return is_w(S, j, W_AND) ? j + 1 : 0;
    if (is_w(S, j, W_TO) || is_w(S, j, W_UNTIL) || is_w(S, j, W_TILL) || is_w(S, j, W_THROUGH) ||
        is_w(S, j, W_THRU) || is_p(S, j, '-') || is_p(S, j, '~'))
        return j + 1;
    return 0;
}

/* A day (1..31) standing alone before a range separator: "4" in "4-22 January". */
static int bare_day(const struct scan *S, int j, struct pdate *p)
{
    int d, e = day_of(S, j, &d);
    if (!e) return 0;
    memset(p, 0, sizeof *p);
    p->d = d;
    return e;
}

/* A date, or a range of dates, starting at i.  between: after "between"
 * (the separator is "and").  Returns the end token or 0; fills x. */
static int date_item(const struct scan *S, int i, int between, int allow_range, struct nx_expr *x)
{
    struct pdate p1, p2;
    int e1 = date_core(S, i, &p1);
    int bare = 0;
    if (!e1) {
        e1 = period_date(S, i, &p1);
        if (!e1) {
            if (!allow_range) return 0;
            e1 = bare_day(S, i, &p1);
            if (!e1) return 0;
            bare = 1;
        }
    }
    /* a range? */
    int e = 0;
    if (allow_range && p1.gran == 0 && (p1.m || p1.d) && (!p1.wd || p1.d) && !p1.nth) {
        int s = range_sep(S, e1, between);
        if (s) {
            int e2 = date_core(S, s, &p2);
            int ok = 0;
            if (e2 && (!p2.wd || p2.d) && (p2.m || p2.d) && !p2.gran && !p2.nth) ok = 1;
            else if (!bare && (p1.m || p1.relm) && (e2 = bare_day(S, s, &p2)) && !(wkind(S, e2) == K_DUR))
                ok = 1;
            if (ok && !p1.m && !p2.m && !p1.relm && !p2.relm) {
                /* "4 and 22 this month", "from 4 to 22 of next month" */
                int rn, re = rel_month(S, e2, &rn);
                if (re) p1.relm = p2.relm = 1, p1.relm_n = p2.relm_n = rn, e2 = re;
            }
            if (ok && (p1.m || p2.m || p1.relm || p2.relm)) {
                if (p2.relm && !p1.relm && !p1.m) p1.relm = 1, p1.relm_n = p2.relm_n;
                if (p1.relm && !p2.relm && !p2.m) p2.relm = 1, p2.relm_n = p1.relm_n;
                if (!p1.m) p1.m = p2.m;
                if (!p1.y) p1.y = p2.y;
                if (!p2.m) p2.m = p1.m;
                if (!p2.y && p1.y && !(p2.m < p1.m)) p2.y = p1.y;
                e = e2;
            }
        }
    }
    /* "from January to April 2015" */
    if (allow_range && !e && p1.gran == NX_GRAN_MONTH && p1.m) {
        int s = range_sep(S, e1, between);
        if (s && date_core(S, s, &p2) && p2.gran == NX_GRAN_MONTH && p2.m) {
            int e2 = date_core(S, s, &p2);
            int y;
            int ye = (is_w(S, e2, W_IN) || is_w(S, e2, W_OF)) ? year_after(S, e2 + 1, &y) : 0;
            if (ye) p2.y = y, e2 = ye;
            if (!p1.y && p2.y) p1.y = p2.m >= p1.m ? p2.y : p2.y - 1;
            int fut = tense_future(S, i, e2);
            struct nx_expr x2;
            memset(x, 0, sizeof *x);
            memset(&x2, 0, sizeof x2);
            x->kind = NX_DATE;
            resolve(S, &p1, fut, x);
            if ((x->flags & NX_ANCHORED) && !p2.y) p2.y = p2.m >= p1.m ? x->date.year : x->date.year + 1;
            resolve(S, &p2, fut, &x2);
            x->flags |= NX_RANGE;
            if ((x->flags & NX_ANCHORED) && (x2.flags & NX_ANCHORED) && x2.date.hi >= x->date.lo) {
                x->date.hi = x2.date.hi;
                x->date.gran = NX_GRAN_MONTH;
                char a[11], b[11];
                cal_format(x->date.lo, a);
                cal_format(x->date.hi, b);
                snprintf(x->value, sizeof x->value, "%.7s/%.7s", a, b);
            } else {
                x->flags &= (uint16_t)~NX_ANCHORED;
                fmt_date(x);
            }
            return e2;
        }
    }
    if (bare && !e) return 0;
    /* a year range: "between 2019 and 2021", "from 2019 to 2021" */
    if (!e && allow_range && p1.gran == NX_GRAN_YEAR) {
        int s = range_sep(S, e1, between);
        if (s && is_year_tok(S, s) && S->t[s].val > p1.y) {
            memset(x, 0, sizeof *x);
            x->kind = NX_DATE;
            x->flags |= NX_ANCHORED | NX_RANGE;
            x->date.gran = NX_GRAN_YEAR;
            x->date.year = (int16_t)p1.y;
            x->date.lo = cal_days(p1.y, 1, 1);
            x->date.hi = cal_days((int)S->t[s].val, 12, 31);
            snprintf(x->value, sizeof x->value, "%04d/%04d", p1.y, (int)S->t[s].val);
            return s + 1;
        }
    }
    int end = e ? e : e1;
    int fut = (p1.y && (p1.m || p1.gran)) ? 0 : tense_future(S, i, end);
    memset(x, 0, sizeof *x);
    x->kind = NX_DATE;
    if (p1.gran == NX_GRAN_QUARTER) x->date.gran = NX_GRAN_QUARTER;
    resolve(S, &p1, fut, x);
    if (e) {
        struct nx_expr x2;
        memset(&x2, 0, sizeof x2);
        if (!p2.y && (x->flags & NX_ANCHORED)) {
            p2.y = x->date.year;
            if (p2.m < p1.m || (p2.m == p1.m && p2.d < p1.d)) p2.y++;
        }
        resolve(S, &p2, fut, &x2);
        x->flags |= NX_RANGE;
        if ((x->flags & NX_ANCHORED) && (x2.flags & NX_ANCHORED) && x2.date.hi >= x->date.lo) {
            x->date.hi = x2.date.hi;
            x->date.gran = NX_GRAN_DAY;
            fmt_date(x);
        } else {
            char a[48], b[48];
            x->flags &= (uint16_t)~NX_ANCHORED;
            fmt_date(x);
            snprintf(a, sizeof a, "%s", x->value);
            fmt_date(&x2);
            snprintf(b, sizeof b, "%s", x2.value);
            snprintf(x->value, sizeof x->value, "%.23s/%.23s", a, b);
        }
        return e;
    }
    /* "Wednesday evening", "Friday next week", "Sunday of next week" */
    if (p1.wd && !p1.d && !p1.m) {
        int j = e1;
        if (is_w(S, j, W_OF)) j++;
        if ((is_w(S, j, W_NEXT) || is_w(S, j, W_LAST) || is_w(S, j, W_THIS)) && is_w(S, j + 1, W_WEEK) &&
            S->has_ref) {
            int n = is_w(S, j, W_NEXT) ? 1 : is_w(S, j, W_LAST) ? -1 : 0;
            int32_t day = week_start(S->ref) + 7 * n + p1.wd - 1;
            memset(x, 0, sizeof *x);
            x->kind = NX_DATE;
            set_days(x, day, day, NX_GRAN_DAY);
            x->date.weekday = (int8_t)p1.wd;
            if (day > S->ref) x->flags |= NX_FUTURE;
            end = j + 2;
        }
    }
    if (x->date.gran == NX_GRAN_DAY) end = tod_after(S, end, x);
    fmt_date(x);
    return end;
}

static int match_date(const struct scan *S, int i, struct cand *c)
{
    struct nx_expr x;
    int best = 0, bs = i;
    int id = wid(S, i);
    /* relative expressions */
    {
        int e = 0;
        int s1 = relative_date(S, i, &x, &e);
        if (s1 && e > best) {
            best = e, bs = s1 - 1;
            c->x = x;
            fmt_date(&c->x);
        }
    }
    /* "since December, 2021", "from Feb 24 to March 2", "between 4 and 22 January" */
    if (id == W_SINCE || id == W_FROM || id == W_BETWEEN) {
        int e = date_item(S, i + 1, id == W_BETWEEN, id != W_SINCE, &x);
        if (e && (id == W_SINCE || (x.flags & NX_RANGE)) && e > best) {
            if (id == W_SINCE) {
                x.flags |= NX_OPEN;
                if ((x.flags & NX_ANCHORED) && S->has_ref && S->ref > x.date.hi) x.date.hi = S->ref;
                fmt_date(&x);
            }
            best = e, bs = i;
            c->x = x;
        }
    }
    {
        int e = date_item(S, i, 0, 1, &x);
        if (e > best) {
            best = e, bs = i;
            c->x = x;
        }
    }
    if (!best) return 0;
    c->x.kind = NX_DATE;
    set_span(S, c, bs, best);
    return 1;
}

/* ==== Times of day and durations ==== */

static int match_time(const struct scan *S, int i, struct cand *c)
{
    int j = i, approx = 0, mins = -1, tod = 0;
    if (is_w(S, j, W_AROUND) || is_w(S, j, W_ABOUT) || is_w(S, j, W_APPROXIMATELY) ||
        is_w(S, j, W_ROUGHLY) || (is_w(S, j, W_JUST) && (is_w(S, j + 1, W_BEFORE) || is_w(S, j + 1, W_AFTER))))
        approx = 1, j += is_w(S, j, W_JUST) ? 2 : 1;
    int e = 0;
    int id = wid(S, j);
    if (id == W_NOON || id == W_MIDDAY) mins = 720, tod = NX_TOD_NOON, e = j + 1;
    else if (id == W_MIDNIGHT) mins = 0, tod = NX_TOD_MIDNIGHT, e = j + 1;
    else if (is_int(S, j) && S->t[j].ndig <= 2 && S->t[j].val <= 24) {
        int h = (int)S->t[j].val, mm = 0, k = j + 1;
        int colon = 0;
        if (is_p(S, k, ':') && adj(S, k) && adj(S, k + 1) && is_int(S, k + 1) && S->t[k + 1].ndig == 2 &&
            S->t[k + 1].val < 60) {
            mm = (int)S->t[k + 1].val;
            k += 2;
            colon = 1;
        }
        int ampm = 0; /* 1 am, 2 pm */
        if (is_w(S, k, W_AM) || is_w(S, k, W_PM)) {
            /* "3 am" is fine, "I am" is not: the number is right before */
            ampm = is_w(S, k, W_AM) ? 1 : 2;
            k++;
        } else if ((is_w(S, k, W_A) || is_w(S, k, W_P)) && is_p(S, k + 1, '.') && adj(S, k + 1) &&
                   is_w(S, k + 2, W_M) && adj(S, k + 2)) {
            ampm = is_w(S, k, W_A) ? 1 : 2;
            k += 3;
            if (is_p(S, k, '.') && adj(S, k)) k++;
        } else if (is_w(S, k, W_O) && is_p(S, k + 1, '\'') && is_w(S, k + 2, W_CLOCK)) {
            k += 3;
            ampm = 3;
        }
        if (ampm && h >= 1 && h <= 12) {
            if (ampm == 2 && h != 12) h += 12;
            if (ampm == 1 && h == 12) h = 0;
            mins = h * 60 + mm, e = k;
        } else if (colon && h < 24) {
            mins = h * 60 + mm, e = k;
        }
    }
    if (mins < 0) return 0;
    struct nx_expr *x = &c->x;
    memset(x, 0, sizeof *x);
    /* "around noon today", "noon on Wednesday": a day with a time of day */
    if (tod) {
        int k = e;
        if (is_w(S, k, W_ON)) k++;
        int rid = wid(S, k);
        if (rid == W_TODAY || rid == W_YESTERDAY || rid == W_TOMORROW || wkind(S, k) == K_WDAY) {
            struct nx_expr dx;
            int de = 0;
            int ok = 0;
            if (wkind(S, k) == K_WDAY) {
                de = date_item(S, k, 0, 0, &dx);
                ok = de > 0;
            } else {
                int s = relative_date(S, k, &dx, &de);
                ok = s > 0;
                fmt_date(&dx);
            }
            if (ok) {
                *x = dx;
                x->kind = NX_DATE;
                x->date.tod = (uint8_t)tod;
                if (approx) x->flags |= NX_APPROX;
                set_span(S, c, i, de);
                return 1;
            }
        }
    }
    x->kind = NX_TIME;
    x->date.tod = (uint8_t)tod;
    x->lo = x->hi = mins;
    if (approx) {
        x->flags |= NX_APPROX;
        x->lo = mins - 30;
        x->hi = mins + 30;
    }
    snprintf(x->value, sizeof x->value, "T%02d:%02d", mins / 60, mins % 60);
    set_span(S, c, i, e);
    return 1;
}

static void fmt_duration(struct nx_expr *x, double n, int unit)
{
    const char *u = "S";
    int t = 1;
    double k = n;
    switch (unit) {
    case W_SECOND: case W_SECONDS: case W_SEC: case W_SECS: u = "S"; break;
    case W_MINUTE: case W_MINUTES: case W_MIN: case W_MINS: u = "M"; break;
    case W_HOUR: case W_HOURS: case W_HR: case W_HRS: u = "H"; break;
    case W_DAY: case W_DAYS: u = "D", t = 0; break;
    case W_WEEK: case W_WEEKS: u = "W", t = 0; break;
    case W_FORTNIGHT: u = "W", t = 0, k = n * 2; break;
    case W_MONTH: case W_MONTHS: u = "M", t = 0; break;
    case W_YEAR: case W_YEARS: u = "Y", t = 0; break;
    case W_DECADE: case W_DECADES: u = "Y", t = 0, k = n * 10; break;
    default: u = "Y", t = 0, k = n * 100; break;
    }
    char num[24];
    fmt_num(num, sizeof num, k);
    snprintf(x->value, sizeof x->value, "P%s%s%s", t ? "T" : "", num, u);
}

static int match_duration(const struct scan *S, int i, struct cand *c)
{
    int hk = 0, j = hedge(S, i, &hk);
    if (!j) j = i;
    double n;
    int ue;
    struct num r;
    if (is_w(S, j, W_HALF) && (is_w(S, j + 1, W_AN) || is_w(S, j + 1, W_A)) && wkind(S, j + 2) == K_DUR) {
        n = 0.5, ue = j + 2;
    } else if ((is_w(S, j, W_A) || is_w(S, j, W_AN)) &&
               (wkind(S, j + 1) == K_DUR || is_w(S, j + 1, W_SECOND))) {
        /* "a week": only when it reads as a length of time */
        int after = wid(S, j + 2);
        int before = wid(S, j - 1);
        if (!(hk || (is_p(S, j + 2, '-') && adj(S, j + 2)) || after == W_LATER || after == W_EARLIER ||
              after == W_AFTER || after == W_BEFORE || after == W_LONG || before == W_FOR ||
              before == W_WITHIN || before == W_AFTER || before == W_IN || before == W_TOOK ||
              before == W_LAST))
            return 0;
        n = 1, ue = j + 1;
    } else if (parse_number(S, j, &r) && !r.ordinal && r.v > 0) {
        n = r.v, ue = r.end;
        if (is_p(S, ue, '-') && adj(S, ue) && adj(S, ue + 1)) ue++;
    } else
        return 0;
    int unit = wid(S, ue);
    if (!(wkind(S, ue) == K_DUR || (unit == W_SECOND && n == 1))) return 0;
    int e = ue + 1;
    /* "an hour and a half" */
    if (is_w(S, e, W_AND) && is_w(S, e + 1, W_A) && is_w(S, e + 2, W_HALF)) n += 0.5, e += 3;
    if (is_p(S, e, '-') && adj(S, e) && (is_w(S, e + 1, W_LONG) || is_w(S, e + 1, W_OLD)) && adj(S, e + 1))
        e += 2;
    else if (is_w(S, e, W_LONG) && !is_w(S, e + 1, W_AS)) e++;
    struct nx_expr *x = &c->x;
    memset(x, 0, sizeof *x);
    x->kind = NX_DURATION;
    double secs = n * WORD[unit].val;
    if (unit == W_SECOND) secs = n;
    if (hk) apply_hedge(x, hk, secs);
    else x->lo = x->hi = secs;
    fmt_duration(x, n, unit);
    set_span(S, c, hk ? i : j, e);
    return 1;
}

/* ==== Scan ==== */

size_t normalize_scan(const char *text, size_t len, const struct nx_ref *ref, struct nx_expr *out,
                      size_t max)
{
    if (!inited) normalize_init();
    if (len > UINT32_MAX) len = UINT32_MAX;
    struct tok stack[256];
    struct tok *tv = stack;
    int cap = 256;
    int n = tokenize((const unsigned char *)text, len, &tv, &cap);
    struct scan S = {.text = text, .t = tv, .n = n};
    if (ref && ref->has_date) {
        S.has_ref = 1;
        S.ref = ref->date;
        cal_civil(S.ref, &S.ry, &S.rm, &S.rd);
        S.rwd = cal_weekday(S.ref);
    }
    size_t count = 0;
    for (int i = 0; i < n;) {
        const struct tok *t = &tv[i];
        if ((t->type == T_WORD && !t->id) || (t->type == T_PUNCT && t->id != '\'' && t->id != '$' && t->id != '-')) {
            i++;
            continue;
        }
        struct cand best, c;
        best.end = 0;
        memset(&c, 0, sizeof c);
        if (match_date(&S, i, &c) && c.end > best.end) best = c;
        if (match_time(&S, i, &c) && c.end > best.end) best = c;
        if (match_duration(&S, i, &c) && c.end > best.end) best = c;
        if (match_number(&S, i, &c) && c.end > best.end) best = c;
        if (!best.end) {
            i++;
            continue;
        }
        if (count < max) out[count] = best.x;
        count++;
        i = best.end;
    }
    if (tv != stack) free(tv);
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
    static const char *const names[] = {"none", "day", "week", "month", "quarter", "year", "decade",
                                        "century"};
    return gran >= 0 && gran <= NX_GRAN_CENTURY ? names[gran] : "none";
}

const char *nx_tod_name(int tod)
{
    static const char *const names[] = {"none", "morning", "noon", "afternoon", "evening", "night",
                                        "midnight"};
    return tod >= 0 && tod <= NX_TOD_MIDNIGHT ? names[tod] : "none";
}

const char *nx_weekday_name(int wd)
{
    static const char *const names[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                        "Saturday", "Sunday"};
    return wd >= 1 && wd <= 7 ? names[wd] : "";
}
