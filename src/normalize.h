/* normalize.h - find temporal and numeric expressions in text and normalize them.
 *
 * normalize_scan reads one piece of text (a sentence, usually) and reports every
 * date, date range, time of day, duration, number, ordinal and percent in it,
 * with its byte span and a normalized value.  Dates are resolved against a
 * reference (publication) date when one is given; the tense of the text around
 * an expression decides whether a bare "Wednesday" looks back (past verb: the
 * latest Wednesday on or before the reference) or forward ("will", "next",
 * "scheduled for", "plans to").  Without a reference date nothing relative is
 * resolved: what is known (the weekday, the month, the day) is kept and the
 * expression is not NX_ANCHORED.
 *
 * Thread safety: call normalize_init() once before any thread scans;
 * normalize_scan is then reentrant (no shared mutable state).
 *
 * Rules worth knowing (the tests in tests/unit/test_normalize.c pin them):
 * - Hedged numbers are intervals around the value X:
 *     about/around/roughly/approximately/some/an estimated/X or so  [0.9X, 1.1X]
 *     nearly/almost/close to/just under                            [0.9X, X)
 *     more than/over/above/greater than/in excess of/upwards of    (X, +inf)
 *     at least/no fewer than/no less than/X or more                [X, +inf)
 *     less than/fewer than/under/below                             [0, X)
 *     up to/at most/no more than/as many as                        [0, X]
 *   all with NX_APPROX.  "between 20 and 30", "20-30" are [20, 30] with NX_RANGE.
 * - Tense: the nearest cue before the expression decides ("will", "'ll",
 *   "shall", "going to", "scheduled", "plans to", "is to", "set to/for",
 *   "due to", "expected to", "upcoming", "let's" look forward; "was", "did",
 *   "had", past verb forms look back; "will be held" stays forward); with no
 *   cue before, the first cue after; with none at all, the past (news).
 *   Past: the latest such day/month on or before the reference date (the
 *   reference's own weekday is that day).  Future: a weekday is the first one
 *   strictly after the reference; a month or a day of a month the first one on
 *   or after it.  "next/last/this Monday" is the Monday of the next/previous/
 *   current ISO week; "last week" the previous ISO week.
 * - "early"/"late" (and "mid") + a month, year or relative period is its
 *   first/second (middle) half, with NX_APPROX; "earlier this month" ends the
 *   day before the reference, "later this month" starts the day after;
 *   "early Wednesday"/"late Tuesday" are that day with tod morning/night.
 * - Vague quantities: dozens [24, 144), hundreds [200, 1000), thousands
 *   [2000, 10000), tens of U [20U, 100U), hundreds of U [200U, 1000U),
 *   millions/billions [2U, 1000U); all NX_APPROX.  Digits glued to a name
 *   ("F-16", "Covid-19", "G7") are not numbers.
 * - Week n of a month or year is the Monday-to-Sunday week holding its n-th
 *   Thursday (ISO 8601's rule for week 1).
 * - A date's named weekday is kept in date.weekday even when it disagrees with
 *   the day ("Wednesday, February 24, 2022" names a Thursday).
 * - A four-digit year is a date only after a preposition ("in 2021", "since
 *   2020") or inside a date; elsewhere it is a number.  Where readings
 *   overlap, the longest wins, and a date wins a tie.
 * - Digits: "1,234,567.8", "12,34,567" (Indian grouping), "1.111,11" and
 *   "5,00" (decimal comma: one or two digits after it, not a list "1,2,3");
 *   "10k", "$3m", "3bn", "10G" (but "5G" is a network), "1,674.5 M" ending a
 *   clause.  Digit groups joined by hyphens after a "+" or in a chain
 *   ("+1-222-2222") are separate numbers, not a range nor a fraction.
 * - Fractions in words: a numerator and a denominator of several words are
 *   split so that the denominator is the longest well-formed ordinal ("three
 *   twenty-firsts" 3/21, "one hundred thirty fifths" 100/35); after "and" a
 *   proper fraction is added ("one hundred and three quarters" 100.75) and an
 *   improper one takes the whole numerator ("one hundred and thirty fifths"
 *   26).  "1 in 5" is a ratio (not "2 in 2020", not "3 in 4 weeks"); "percent
 *   of 10" a percent. */
#ifndef CC_NORMALIZE_H
#define CC_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

enum nx_kind {
    NX_DATE = 1, /* a day, week, month, year, decade, or a range of days */
    NX_TIME,     /* a time of day: "around noon", "evening", "3 p.m." */
    NX_DURATION, /* "three-hour-long", "for about three hours", "two days" */
    NX_NUMBER,   /* cardinal: "141", "one hundred and forty", "1.5 million" */
    NX_ORDINAL,  /* "second", "3rd", "the first" */
    NX_PERCENT,  /* "12%", "twelve per cent" */
};

enum nx_gran {
    NX_GRAN_NONE = 0,
    NX_GRAN_DAY,
    NX_GRAN_WEEK,
    NX_GRAN_MONTH,
    NX_GRAN_QUARTER,
    NX_GRAN_YEAR,
    NX_GRAN_DECADE,
    NX_GRAN_CENTURY,
};

enum nx_tod {
    NX_TOD_NONE = 0,
    NX_TOD_MORNING,
    NX_TOD_NOON,
    NX_TOD_AFTERNOON,
    NX_TOD_EVENING,
    NX_TOD_NIGHT,
    NX_TOD_MIDNIGHT,
};

/* flags */
#define NX_ANCHORED 0x0001u /* date: lo..hi are real calendar days */
#define NX_RANGE 0x0002u    /* an explicit range: "from 4 to 22 January", "between X and Y" */
#define NX_FUTURE 0x0004u   /* resolved forward: a plan or "next" */
#define NX_RELATIVE 0x0008u /* the value depended on the reference date */
#define NX_APPROX 0x0010u   /* hedged: "about", "nearly", "more than", "some", "at least" */
#define NX_OPEN 0x0020u     /* date: open-ended ("since December 2021") */
#define NX_OTHER 0x0040u    /* number followed by "other": "140 other nations" */
#define NX_WORDS 0x0080u    /* number written in words */

/* What is known of a date.  When NX_ANCHORED is set, lo..hi (inclusive day
 * numbers, see calendar.h) are the days the expression covers: one day for
 * "Wednesday", seven for "last week", a month for "in January".  The other
 * fields keep what the text itself said, anchored or not: an undated
 * "Wednesday" has weekday 3 and no days. */
struct nx_date {
    int32_t lo, hi; /* inclusive day numbers when NX_ANCHORED */
    int16_t year;   /* year named or resolved, 0 unknown */
    int8_t month;   /* 1..12, 0 unknown */
    int8_t mday;    /* 1..31, 0 unknown */
    int8_t weekday; /* 1 = Monday .. 7 = Sunday, 0 unknown */
    uint8_t gran;   /* enum nx_gran */
    uint8_t tod;    /* enum nx_tod: "Wednesday evening" */
};

struct nx_expr {
    uint8_t kind;        /* enum nx_kind */
    uint16_t flags;      /* NX_* */
    uint32_t start, end; /* byte span [start, end) in the scanned text */
    /* NX_NUMBER, NX_ORDINAL, NX_PERCENT: the interval of values meant, lo == hi
     * when exact; "more than 1.5 million" is (1500000, +inf) with lo_open,
     * "nearly 2 million" is [1.8e6, 2e6), "about one million" [0.9e6, 1.1e6].
     * NX_DURATION: seconds.  NX_TIME: minutes after midnight. */
    double lo, hi;
    uint8_t lo_open, hi_open; /* interval ends excluded */
    struct nx_date date;      /* NX_DATE; NX_TIME keeps tod here */
    /* Canonical text: TIMEX3 for dates ("2022-03-02", "2022-W08", "2022-03",
     * "2021", "199X", "XXXX-WXX-3" for an unanchored Wednesday, "XXXX-01" for an
     * unanchored January), ISO 8601 for durations ("PT3H"), "T12:00" or "TEV"
     * for times, the number for numbers ("141", "1500000", "0.5"). */
    char value[48];
};

/* Reference for relative expressions: has_date 0 means none is known. */
struct nx_ref {
    int has_date;
    int32_t date; /* day number of the publication date */
};

/* Prepare shared tables (compiles patterns, if any).  Idempotent; returns 0,
 * or -1 if a pattern failed to compile (a bug). */
int normalize_init(void);
void normalize_fini(void);

/* Scan text[0..len) and write up to max expressions into out, in text order,
 * non-overlapping (the longest reading wins).  Returns how many were found,
 * which may exceed max (only max were written).  text need not be valid UTF-8
 * nor NUL-terminated.  ref may be NULL (no reference date). */
size_t normalize_scan(const char *text, size_t len, const struct nx_ref *ref, struct nx_expr *out, size_t max);

/* Name of a kind ("date", "time", "duration", "number", "ordinal", "percent")
 * and of a granularity ("day", "week", ...). */
const char *nx_kind_name(int kind);
const char *nx_gran_name(int gran);
/* Name of a time of day ("morning", "noon", ..., "none") and of a weekday
 * (1 = "Monday" .. 7 = "Sunday", "" otherwise).  Static strings. */
const char *nx_tod_name(int tod);
const char *nx_weekday_name(int wd);

#endif
