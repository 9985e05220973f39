/* nx_scan.h - the normalizer's internals: tokens, the English word table and
 * the scanner state shared by number.c and timex.c (not a public API).
 *
 * A text is cut once into tokens (words, numbers, punctuation) holding byte
 * spans into it; every word the grammar knows carries its id in the word
 * table.  Matchers read tokens by index through the helpers below, which
 * answer "no" for indexes out of range, so lookahead needs no bounds checks. */
#ifndef CC_NX_SCAN_H
#define CC_NX_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "normalize.h"

/* ==== Word table ==== */

enum wkind {
    K_NONE = 0,
    K_MONTH,      /* val 1..12 */
    K_MONTH_ABBR, /* "feb", "sept" */
    K_WDAY,       /* val 1..7 */
    K_WDAY_ABBR,
    K_CARD, /* zero..nineteen */
    K_TENS, /* twenty..ninety */
    K_HUNDRED,
    K_SCALE, /* thousand, million, ... */
    K_DOZEN,
    K_ORD,       /* first..nineteenth: val is the number */
    K_ORD_TENS,  /* twentieth..ninetieth */
    K_ORD_SCALE, /* hundredth, thousandth, ... */
    K_DENOM_PL,  /* thirds, quarters, halves: val is the denominator */
    K_DUR,       /* duration unit in seconds */
    K_TOD,       /* morning, evening...: val enum nx_tod */
    K_PAST,      /* irregular past verb */
    K_MISC,
};

/* X(id, text, kind, value) */
/* the word table: clang-format would reflow it */
// clang-format off
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
    X(THOUSANDS, "thousands", K_MISC, 0) X(MILLIONS, "millions", K_MISC, 0)         \
    X(BILLIONS, "billions", K_MISC, 0) X(TENS, "tens", K_MISC, 0)        \
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
    X(FIRSTS, "firsts", K_DENOM_PL, 1) X(ELEVENTHS, "elevenths", K_DENOM_PL, 11)     \
    X(THIRTEENTHS, "thirteenths", K_DENOM_PL, 13) X(FOURTEENTHS, "fourteenths", K_DENOM_PL, 14) \
    X(FIFTEENTHS, "fifteenths", K_DENOM_PL, 15) X(SIXTEENTHS, "sixteenths", K_DENOM_PL, 16) \
    X(SEVENTEENTHS, "seventeenths", K_DENOM_PL, 17) X(EIGHTEENTHS, "eighteenths", K_DENOM_PL, 18) \
    X(NINETEENTHS, "nineteenths", K_DENOM_PL, 19) X(THIRTIETHS, "thirtieths", K_DENOM_PL, 30) \
    X(FORTIETHS, "fortieths", K_DENOM_PL, 40) X(FIFTIETHS, "fiftieths", K_DENOM_PL, 50) \
    X(SIXTIETHS, "sixtieths", K_DENOM_PL, 60) X(SEVENTIETHS, "seventieths", K_DENOM_PL, 70) \
    X(EIGHTIETHS, "eightieths", K_DENOM_PL, 80) X(NINETIETHS, "ninetieths", K_DENOM_PL, 90) \
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
    X(LL, "ll", K_MISC, 0) X(GOING, "going", K_MISC, 0) X(SCHEDULED, "scheduled", K_MISC, 0) X(SCHEDULE, "schedule", K_MISC, 0) \
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
    X(EVERY, "every", K_MISC, 0) X(REMAINDER, "remainder", K_MISC, 0) X(REMAINING, "remaining", K_MISC, 0) \
    X(MY, "my", K_MISC, 0) X(STARTING, "starting", K_MISC, 0) X(COMMENCING, "commencing", K_MISC, 0) X(EACH, "each", K_MISC, 0) X(REST, "rest", K_MISC, 0) X(RECENT, "recent", K_MISC, 0) \
    X(FEW, "few", K_MISC, 0) \
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
// clang-format on

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

/* The words, indexed by enum word_id (entry 0 is empty). */
extern const struct word WORD[W_COUNT];

#define WORD_MAXLEN 14

/* ==== Tokens ==== */

enum ttype { T_WORD = 1, T_NUM, T_PUNCT };

#define TF_SPACE 0x01  /* whitespace before the token */
#define TF_CAP 0x02    /* word starts with a capital */
#define TF_COMMA 0x04  /* number with thousands separators */
#define TF_DEC 0x08    /* number with a decimal part */
#define TF_ZERO 0x20   /* number written with a leading zero ("08") */
#define TF_VULGAR 0x40 /* a vulgar fraction character: ½, ⅔ */

struct tok {
    uint32_t s, e;
    uint16_t id;  /* word id, or the byte for punctuation */
    uint8_t kind; /* WORD[id].kind for words, K_NONE otherwise */
    uint8_t type;
    uint8_t flags;
    uint8_t ndig; /* digits before the decimal point (no separators) */
    double val;   /* numbers */
};

/* Build the word hash table.  Idempotent; call before any thread scans. */
void nx_words_init(void);

/* Cut s[0..len) into tokens.  *tv starts as the caller's array of *cap
 * tokens; when more are needed it is replaced by an owned array (free it when
 * *tv differs from the caller's).  Returns the number of tokens. */
int nx_tokenize(const unsigned char *s, size_t len, struct tok **tv, int *cap);

/* Is the n-byte word w (any case) a regular past form ("-ed", but not
 * "hundred", "united", "need")? */
int nx_regular_past(const char *w, size_t n);

/* Write the decimal digits of u (at least width of them) at p; returns the end. */
char *nx_put_uint(char *p, unsigned long long u, int width);
/* The same for two and four digits (u below 100, 10000): no loop, no call. */
static inline char *nx_put2(char *p, unsigned u)
{
    p[0] = (char)('0' + u / 10), p[1] = (char)('0' + u % 10);
    return p + 2;
}
static inline char *nx_put4(char *p, unsigned u)
{
    return nx_put2(nx_put2(p, u / 100), u % 100);
}
/* Format v into out[0..n): integers plainly, others with 10 significant digits. */
void nx_fmt_num(char *out, size_t n, double v);

/* ==== Scanner state ==== */

struct scan {
    const char *text;
    const struct tok *t;
    int n;
    struct num_memo *memo; /* number_parse results by token, filled lazily */
    uint8_t *cue;          /* tense cue by token (CUE_*), when *cue_ready */
    int *cue_ready;
    int has_ref;
    int32_t ref;
    int ry, rm, rd, rwd;
};

static inline int wid(const struct scan *S, int i)
{
    return (unsigned)i < (unsigned)S->n && S->t[i].type == T_WORD ? S->t[i].id : -1;
}
/* Word id usable as an index into WORD (0 for non-words). */
static inline int wix(const struct scan *S, int i)
{
    int id = wid(S, i);
    return id > 0 ? id : 0;
}
static inline int is_w(const struct scan *S, int i, int id)
{
    return wid(S, i) == id;
}
static inline int wkind(const struct scan *S, int i)
{
    return (unsigned)i < (unsigned)S->n ? S->t[i].kind : K_NONE;
}
static inline int is_p(const struct scan *S, int i, int ch)
{
    return (unsigned)i < (unsigned)S->n && S->t[i].type == T_PUNCT && S->t[i].id == ch;
}
static inline int is_num(const struct scan *S, int i)
{
    return (unsigned)i < (unsigned)S->n && S->t[i].type == T_NUM;
}
/* Token i follows the previous one with no space between. */
static inline int adj(const struct scan *S, int i)
{
    return (unsigned)i < (unsigned)S->n && !(S->t[i].flags & TF_SPACE);
}
static inline int is_int(const struct scan *S, int i)
{
    return is_num(S, i) && !(S->t[i].flags & (TF_DEC | TF_COMMA));
}
static inline int cap(const struct scan *S, int i)
{
    return (unsigned)i < (unsigned)S->n && (S->t[i].flags & TF_CAP);
}

/* Plausible year: a four-digit integer 1000..2999 without separators. */
static inline int is_year_tok(const struct scan *S, int i)
{
    return is_int(S, i) && S->t[i].ndig == 4 && S->t[i].val >= 1000 && S->t[i].val <= 2999;
}

/* ==== Candidates ==== */

/* A candidate reading starting at some token. */
struct cand {
    int end; /* token after the expression, 0 = none */
    struct nx_expr x;
};

static inline void set_span(const struct scan *S, struct cand *c, int a, int b)
{
    c->end = b;
    c->x.start = S->t[a].s;
    c->x.end = S->t[b - 1].e;
}

#endif
