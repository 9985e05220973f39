/* test_normalize.c - unit tests of the normalizer: dates, tense, numbers, durations, times. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "calendar.h"
#include "normalize.h"

/* Scan text against a reference date ("" for none) and return the expression
 * whose span is exactly span (or the first one when span is NULL). */
static struct nx_expr found;
static size_t nfound;

static int scan(const char *ref, const char *text, const char *span)
{
    normalize_init();
    struct nx_ref r = {0, 0};
    if (ref && *ref) {
        cr_assert_eq(cal_parse_iso(ref, strlen(ref), &r.date), 0);
        r.has_date = 1;
    }
    struct nx_expr x[32];
    nfound = normalize_scan(text, strlen(text), &r, x, 32);
    for (size_t i = 0; i < nfound && i < 32; i++) {
        size_t n = x[i].end - x[i].start;
        if (!span || (strlen(span) == n && memcmp(text + x[i].start, span, n) == 0)) {
            found = x[i];
            return 1;
        }
    }
    return 0;
}

static void expect_days(const char *ref, const char *text, const char *span, const char *lo, const char *hi)
{
    cr_assert(scan(ref, text, span), "no expression \"%s\" in \"%s\"", span, text);
    cr_assert_eq(found.kind, NX_DATE, "\"%s\" is not a date", span);
    cr_assert(found.flags & NX_ANCHORED, "\"%s\" not anchored in \"%s\"", span, text);
    char a[11], b[11];
    cal_format(found.date.lo, a);
    cal_format(found.date.hi, b);
    cr_assert_str_eq(a, lo, "\"%s\" in \"%s\" (ref %s): starts %s, want %s", span, text, ref, a, lo);
    cr_assert_str_eq(b, hi, "\"%s\" in \"%s\" (ref %s): ends %s, want %s", span, text, ref, b, hi);
}

static void expect_day(const char *ref, const char *text, const char *span, const char *day)
{
    expect_days(ref, text, span, day, day);
}

static void expect_value(const char *ref, const char *text, const char *span, const char *value)
{
    cr_assert(scan(ref, text, span), "no expression \"%s\" in \"%s\"", span, text);
    cr_assert_str_eq(found.value, value, "\"%s\": value %s, want %s", span, found.value, value);
}

static void expect_number(const char *text, const char *span, double lo, double hi)
{
    cr_assert(scan("", text, span), "no expression \"%s\" in \"%s\"", span, text);
    cr_assert(fabs(found.lo - lo) < 1e-9 * (fabs(lo) + 1) || (isinf(lo) && isinf(found.lo)), "\"%s\": lo %g, want %g",
              span, found.lo, lo);
    cr_assert(fabs(found.hi - hi) < 1e-9 * (fabs(hi) + 1) || (isinf(hi) && isinf(found.hi)), "\"%s\": hi %g, want %g",
              span, found.hi, hi);
}

static void expect_none(const char *ref, const char *text, const char *span)
{
    cr_assert(!scan(ref, text, span), "\"%s\" should not be read in \"%s\"", span, text);
}

/* ==== Weekdays and tense ==== */

Test(date_resolve, past_weekday_is_latest_on_or_before_pubdate)
{
    /* 2022-03-03 is a Thursday */
    expect_day("2022-03-03", "The minister spoke with his counterpart on Wednesday.", "Wednesday", "2022-03-02");
    expect_day("2022-03-03", "The vote took place on Friday.", "Friday", "2022-02-25");
}

Test(date_resolve, past_weekday_equal_to_pubdate_weekday_is_that_day)
{
    /* 2022-02-27 is a Sunday */
    expect_day("2022-02-27", "They held a Sunday phone call about the crisis.", "Sunday", "2022-02-27");
    expect_day("2022-02-27", "Sunday's call lasted an hour.", "Sunday", "2022-02-27");
}

Test(date_resolve, future_weekday_is_first_strictly_after_pubdate)
{
    expect_day("2022-02-27", "A second round of talks is scheduled for Monday.", "Monday", "2022-02-28");
    expect_day("2022-03-03", "The envoy will travel to the capital on Friday.", "Friday", "2022-03-04");
    cr_assert(found.flags & NX_FUTURE);
}

Test(date_resolve, future_weekday_equal_to_pubdate_weekday_is_a_week_later)
{
    expect_day("2022-02-27", "The committee will meet again on Sunday.", "Sunday", "2022-03-06");
}

Test(date_resolve, future_cues_plans_set_due_expected_is_to)
{
    expect_day("2022-03-03", "The council plans to vote on Monday.", "Monday", "2022-03-07");
    expect_day("2022-03-03", "The summit is set for Tuesday.", "Tuesday", "2022-03-08");
    expect_day("2022-03-03", "The report is due to be published on Tuesday.", "Tuesday", "2022-03-08");
    expect_day("2022-03-03", "The minister is to address parliament on Monday.", "Monday", "2022-03-07");
    expect_day("2022-03-03", "Talks are expected to resume on Monday.", "Monday", "2022-03-07");
}

Test(date_resolve, participle_after_will_be_stays_future)
{
    expect_day("2022-03-03", "The talks will be held on Monday.", "Monday", "2022-03-07");
}

Test(date_resolve, nearest_cue_before_decides_tense)
{
    expect_day("2022-03-03", "The envoy, who will visit the region, spoke on Wednesday.", "Wednesday", "2022-03-02");
    expect_day("2022-03-03", "He said on Tuesday he will visit Kyiv.", "Tuesday", "2022-03-01");
}

Test(date_resolve, cue_after_the_weekday_decides_when_none_before)
{
    expect_day("2022-03-03", "On Monday, the delegation will return home.", "Monday", "2022-03-07");
}

Test(date_resolve, invasion_that_began_thursday_is_past)
{
    expect_day("2022-02-27", "It was used as a staging ground for the invasion that began Thursday.", "Thursday",
               "2022-02-24");
}

Test(date_resolve, undated_weekday_stays_unanchored)
{
    cr_assert(scan("", "The leaders spoke on Wednesday.", "Wednesday"));
    cr_assert(!(found.flags & NX_ANCHORED));
    cr_assert_eq(found.date.weekday, 3);
    cr_assert_str_eq(found.value, "XXXX-WXX-3");
}

Test(date_resolve, weekday_with_time_of_day_is_one_expression)
{
    expect_day("2022-03-31", "The leaders spoke on Wednesday evening about the war.", "Wednesday evening",
               "2022-03-30");
    cr_assert_eq(found.date.tod, NX_TOD_EVENING);
    cr_assert_eq(found.date.weekday, 3);
    cr_assert(scan("", "They met on Tuesday night.", "Tuesday night"));
    cr_assert_eq(found.date.tod, NX_TOD_NIGHT);
    cr_assert(!(found.flags & NX_ANCHORED));
}

Test(date_resolve, next_and_last_weekday_use_the_iso_week)
{
    /* 2016-11-07 is a Monday */
    expect_day("2016-11-07", "We meet next Sunday.", "next Sunday", "2016-11-20");
    expect_day("2016-11-07", "We met last Sunday.", "last Sunday", "2016-11-06");
    expect_day("2016-11-07", "We meet this Friday.", "this Friday", "2016-11-11");
}

/* ==== Relative days, weeks, months, years ==== */

Test(date_relative, today_yesterday_tomorrow_tonight)
{
    expect_day("2022-03-03", "Officials met today.", "today", "2022-03-03");
    expect_day("2022-03-03", "Officials met yesterday.", "yesterday", "2022-03-02");
    expect_day("2022-03-03", "Officials meet tomorrow.", "tomorrow", "2022-03-04");
    expect_day("2022-03-03", "The speech is tonight.", "tonight", "2022-03-03");
    cr_assert_eq(found.date.tod, NX_TOD_NIGHT);
}

Test(date_relative, last_week_is_previous_iso_week)
{
    expect_days("2022-03-03", "The offensive began last week.", "last week", "2022-02-21", "2022-02-27");
    cr_assert_str_eq(found.value, "2022-W08");
    cr_assert_eq(found.date.gran, NX_GRAN_WEEK);
}

Test(date_relative, this_week_and_earlier_this_week)
{
    expect_days("2022-03-03", "It was the third attack this week.", "this week", "2022-02-28", "2022-03-06");
    expect_days("2022-03-03", "They spoke earlier this week.", "earlier this week", "2022-02-28", "2022-03-02");
    cr_assert(found.flags & NX_APPROX);
}

Test(date_relative, earlier_and_later_this_month)
{
    expect_days("2022-03-30", "He flew to the capital earlier this month.", "earlier this month", "2022-03-01",
                "2022-03-29");
    expect_days("2022-03-03", "A vote is expected later this month.", "later this month", "2022-03-04", "2022-03-31");
}

Test(date_relative, last_month_and_last_year)
{
    expect_days("2022-03-03", "Prices rose last month.", "last month", "2022-02-01", "2022-02-28");
    expect_days("2022-03-03", "The deal was signed last year.", "last year", "2021-01-01", "2021-12-31");
    cr_assert_str_eq(found.value, "2021");
}

Test(date_relative, units_ago)
{
    expect_day("2022-03-03", "The call happened two days ago.", "two days ago", "2022-03-01");
    expect_day("2022-03-03", "The call happened a week ago.", "a week ago", "2022-02-24");
}

Test(date_relative, over_the_last_week_covers_the_seven_days_before)
{
    expect_days("2022-03-30", "Efforts intensified over the last week.", "over the last week", "2022-03-23",
                "2022-03-30");
}

Test(date_relative, this_morning_is_the_reference_day_with_a_time_of_day)
{
    expect_day("2022-03-03", "The ministers spoke this morning.", "this morning", "2022-03-03");
    cr_assert_eq(found.date.tod, NX_TOD_MORNING);
}

Test(date_relative, around_noon_today_is_one_approximate_date)
{
    expect_day("2022-02-27", "The two spoke around noon today.", "around noon today", "2022-02-27");
    cr_assert_eq(found.date.tod, NX_TOD_NOON);
    cr_assert(found.flags & NX_APPROX);
}

Test(date_relative, relative_without_reference_is_not_anchored)
{
    cr_assert(scan("", "The offensive began last week.", "last week"));
    cr_assert(!(found.flags & NX_ANCHORED));
    cr_assert(found.flags & NX_RELATIVE);
}

/* ==== Months ==== */

Test(date_month, past_month_is_latest_on_or_before)
{
    expect_days("2022-03-03", "The talks collapsed in January.", "January", "2022-01-01", "2022-01-31");
    expect_days("2022-03-03", "The talks collapsed in October.", "October", "2021-10-01", "2021-10-31");
}

Test(date_month, past_month_across_the_year_boundary)
{
    expect_days("2022-01-05", "The deal was struck in December.", "December", "2021-12-01", "2021-12-31");
}

Test(date_month, future_month_is_next)
{
    expect_days("2022-03-03", "Elections will be held in January.", "January", "2023-01-01", "2023-01-31");
    cr_assert(found.flags & NX_FUTURE);
}

Test(date_month, march_in_an_article_of_march_is_this_month)
{
    expect_days("2022-03-20", "The offensive stalled in March.", "March", "2022-03-01", "2022-03-31");
}

Test(date_month, may_as_modal_verb_is_not_a_month)
{
    expect_none("2022-03-03", "Russia may respond with sanctions.", "May");
    expect_none("2022-03-03", "Russia may respond with sanctions.", "may");
    cr_assert_eq(nfound, 0);
    expect_days("2022-06-03", "The law passed in May.", "May", "2022-05-01", "2022-05-31");
}

Test(date_month, march_as_noun_or_verb_is_not_a_month)
{
    expect_none("2022-03-03", "Thousands joined a protest march in the capital.", "march");
    expect_none("2022-03-03", "Troops march toward the border.", "march");
    expect_none("2022-03-03", "The troops began to March on the city.", "March");
}

Test(date_month, august_as_adjective_is_not_a_month)
{
    expect_none("2022-03-03", "He addressed the august assembly.", "august");
}

Test(date_month, undated_month_keeps_the_month)
{
    cr_assert(scan("", "The talks collapsed in January.", "January"));
    cr_assert(!(found.flags & NX_ANCHORED));
    cr_assert_str_eq(found.value, "XXXX-01");
    cr_assert_eq(found.date.month, 1);
}

/* ==== Explicit dates ==== */

Test(date_explicit, abbreviated_month_and_day)
{
    expect_day("2022-03-03", "Forces crossed the border on Feb. 24.", "Feb. 24", "2022-02-24");
}

Test(date_explicit, day_month_year_and_month_day_year)
{
    expect_day("2022-03-03", "It began on 24 February 2022.", "24 February 2022", "2022-02-24");
    expect_day("", "It began on February 24, 2022.", "February 24, 2022", "2022-02-24");
    cr_assert(found.flags & NX_ANCHORED, "a full date needs no reference");
}

Test(date_explicit, named_weekday_is_kept_beside_the_date)
{
    /* 2022-02-24 was a Thursday: the text's Wednesday disagrees */
    expect_day("", "Dated Wednesday, February 24, 2022.", "Wednesday, February 24, 2022", "2022-02-24");
    cr_assert_eq(found.date.weekday, 3);
    cr_assert_eq(cal_weekday(found.date.lo), 4);
}

Test(date_explicit, weekday_the_ordinal_day)
{
    /* the latest Thursday the 21st on or before 2022-03-03 */
    expect_day("2022-03-03", "It happened on Thursday the 21st.", "Thursday the 21st", "2021-10-21");
}

Test(date_explicit, undated_month_day_keeps_what_is_known)
{
    cr_assert(scan("", "He has spoken to both since Russia invaded on Feb. 24.", "Feb. 24"));
    cr_assert(!(found.flags & NX_ANCHORED));
    cr_assert_str_eq(found.value, "XXXX-02-24");
}

Test(date_explicit, month_day_before_reference_in_the_new_year)
{
    expect_day("2022-01-05", "The meeting took place on December 30.", "December 30", "2021-12-30");
}

Test(date_explicit, leap_day_resolves_to_a_leap_year)
{
    expect_day("2022-03-03", "The accord was signed on February 29.", "February 29", "2020-02-29");
    expect_day("2024-03-01", "The accord was signed on February 29.", "February 29", "2024-02-29");
    expect_day("", "Signed on 29 February 2024.", "29 February 2024", "2024-02-29");
}

Test(date_explicit, iso_and_numeric_dates)
{
    expect_day("", "Filed 2022-03-02 at the court.", "2022-03-02", "2022-03-02");
    expect_day("", "Filed 03/02/2022 at the court.", "03/02/2022", "2022-03-02");
    expect_day("", "Filed 21/04/2016 at the court.", "21/04/2016", "2016-04-21");
}

Test(date_explicit, year_with_preposition_is_a_date_not_a_number)
{
    expect_days("2022-03-03", "The treaty was signed in 2021.", "2021", "2021-01-01", "2021-12-31");
    cr_assert_eq(found.kind, NX_DATE);
    cr_assert_eq(found.date.gran, NX_GRAN_YEAR);
}

Test(date_explicit, decade)
{
    expect_days("", "The conflict dates to the 1990s.", "1990s", "1990-01-01", "1999-12-31");
    cr_assert_str_eq(found.value, "199X");
    cr_assert_eq(found.date.gran, NX_GRAN_DECADE);
}

Test(date_explicit, since_is_open_ended)
{
    expect_days("2022-03-03", "Prices have risen since December, 2021.", "since December, 2021", "2021-12-01",
                "2022-03-03");
    cr_assert(found.flags & NX_OPEN);
}

/* ==== Ranges ==== */

Test(date_range, from_to_across_months)
{
    expect_days("2022-03-10", "The talks ran from Feb 24 to March 2.", "from Feb 24 to March 2", "2022-02-24",
                "2022-03-02");
    cr_assert(found.flags & NX_RANGE);
}

Test(date_range, between_days_of_one_month)
{
    expect_days("2022-03-03", "He was away between 4 and 22 January.", "between 4 and 22 January", "2022-01-04",
                "2022-01-22");
}

Test(date_range, month_day_hyphen_day)
{
    expect_days("2022-03-03", "The summit ran February 24-26.", "February 24-26", "2022-02-24", "2022-02-26");
}

/* ==== Numbers ==== */

Test(number, digits_with_separators)
{
    expect_number("a crowd of 200,000 people", "200,000", 200000, 200000);
    expect_number("a total of 1,234.5 tonnes", "1,234.5", 1234.5, 1234.5);
}

Test(number, words)
{
    expect_number("one hundred and forty nations", "one hundred and forty", 140, 140);
    cr_assert(found.flags & NX_WORDS);
    expect_number("twenty-one soldiers", "twenty-one", 21, 21);
    expect_number("a dozen villages", "a dozen", 12, 12);
    expect_number("three thousand two hundred", "three thousand two hundred", 3200, 3200);
}

Test(number, scales)
{
    expect_number("9.3 million residents", "9.3 million", 9.3e6, 9.3e6);
    expect_number("two billion dollars", "two billion", 2e9, 2e9);
    expect_number("a budget of $3m", "3m", 3e6, 3e6);
    expect_number("a budget of 3bn euros", "3bn", 3e9, 3e9);
}

Test(number, bare_m_after_digits_is_not_a_million)
{
    expect_none("", "a wall 3m high", "3m");
}

Test(number, ordinals)
{
    expect_value("", "for the second time", "second", "2");
    cr_assert_eq(found.kind, NX_ORDINAL);
    expect_value("", "the 3rd round", "3rd", "3");
    expect_value("", "the twenty-first century", "twenty-first century", "20XX");
    expect_value("", "the twenty-first round", "twenty-first", "21");
    cr_assert_eq(found.kind, NX_ORDINAL);
}

Test(number, a_second_of_time_is_not_an_ordinal)
{
    cr_assert(!scan("", "wait a second", "second") || found.kind != NX_ORDINAL);
}

Test(number, fractions)
{
    expect_number("two thirds of the seats", "two thirds", 2.0 / 3, 2.0 / 3);
    expect_number("half of the population", "half", 0.5, 0.5);
    expect_number("one and a half", "one and a half", 1.5, 1.5);
}

Test(number, percents)
{
    cr_assert(scan("", "a rise of 12%", "12%"));
    cr_assert_eq(found.kind, NX_PERCENT);
    cr_assert_eq(found.lo, 12);
    cr_assert(scan("", "a rise of 12 percent", "12 percent"));
    cr_assert_eq(found.kind, NX_PERCENT);
    cr_assert(scan("", "a rise of twelve per cent", "twelve per cent"));
    cr_assert_eq(found.kind, NX_PERCENT);
    cr_assert_eq(found.lo, 12);
}

Test(number_interval, more_than_is_open_below)
{
    expect_number("More than 1.5 million refugees", "More than 1.5 million", 1.5e6, INFINITY);
    cr_assert(found.lo_open);
    cr_assert(found.flags & NX_APPROX);
}

Test(number_interval, nearly_is_ninety_percent_up_to_the_value)
{
    expect_number("nearly 2 million refugees", "nearly 2 million", 1.8e6, 2e6);
    cr_assert(found.hi_open);
    expect_number("almost 100 people", "almost 100", 90, 100);
}

Test(number_interval, about_is_ten_percent_either_side)
{
    expect_number("about one million refugees", "about one million", 0.9e6, 1.1e6);
    expect_number("some 200 troops", "some 200", 180, 220);
    expect_number("roughly 50 tanks", "roughly 50", 45, 55);
}

Test(number_interval, at_least_up_to_fewer_than)
{
    expect_number("at least 70 dead", "at least 70", 70, INFINITY);
    cr_assert(!found.lo_open);
    expect_number("up to 300 people", "up to 300", 0, 300);
    expect_number("fewer than 50 people", "fewer than 50", 0, 50);
    cr_assert(found.hi_open);
    expect_number("over 1,000 people", "over 1,000", 1000, INFINITY);
    cr_assert(found.lo_open);
}

Test(number_interval, explicit_range)
{
    expect_number("between 20 and 30 people", "between 20 and 30", 20, 30);
    cr_assert(found.flags & NX_RANGE);
}

Test(number, other_sets_the_flag)
{
    cr_assert(scan("", "Israel joined 140 other nations in voting.", "140"));
    cr_assert(found.flags & NX_OTHER);
    cr_assert_eq(found.lo, 140);
}

Test(number, year_in_a_date_is_not_a_number)
{
    cr_assert(scan("2022-03-03", "It began on 24 February 2022 at dawn.", NULL));
    cr_assert_eq(nfound, 1);
    cr_assert_eq(found.kind, NX_DATE);
}

Test(number_interval, vague_quantities)
{
    expect_number("dozens of people", "dozens", 24, 144);
    expect_number("hundreds of people", "hundreds", 200, 1000);
    expect_number("thousands of people", "thousands", 2000, 10000);
    expect_number("tens of thousands of people", "tens of thousands", 20000, 100000);
    cr_assert(found.hi_open && (found.flags & NX_APPROX));
}

Test(number, digits_glued_to_a_name_are_not_numbers)
{
    cr_assert(!scan("", "F-16 jets and Covid-19 and the G7 summit", NULL));
}

Test(number, out_of_is_a_ratio_only_when_the_part_is_smaller)
{
    expect_number("two out of five people", "two out of five", 0.4, 0.4);
    expect_number("12 out of 10", "12", 12, 12);
}

/* ==== Durations and times ==== */

Test(duration, hyphenated_length)
{
    cr_assert(scan("", "a three-hour-long conversation", "three-hour-long"));
    cr_assert_eq(found.kind, NX_DURATION);
    cr_assert_eq(found.lo, 3 * 3600);
    cr_assert_str_eq(found.value, "PT3H");
    cr_assert(scan("", "a three-hour meeting", "three-hour"));
    cr_assert_eq(found.kind, NX_DURATION);
}

Test(duration, approximate_length_is_an_interval)
{
    cr_assert(scan("", "They met for about three hours.", "about three hours"));
    cr_assert_eq(found.kind, NX_DURATION);
    cr_assert(found.flags & NX_APPROX);
    cr_assert(fabs(found.lo - 0.9 * 10800) < 1e-6 && fabs(found.hi - 1.1 * 10800) < 1e-6);
}

Test(duration, plain_lengths)
{
    expect_value("", "a 90 minutes call", "90 minutes", "PT90M");
    expect_value("", "it lasted two days", "two days", "P2D");
    expect_value("", "a week-long visit", "a week-long", "P1W");
}

Test(time_of_day, noon_and_clock_times)
{
    cr_assert(scan("", "They spoke around noon.", "around noon"));
    cr_assert_eq(found.kind, NX_TIME);
    cr_assert_str_eq(found.value, "T12:00");
    cr_assert(found.flags & NX_APPROX);
    expect_value("", "The vote is at 3 p.m. local time.", "3 p.m.", "T15:00");
    expect_value("", "Curfew starts at midnight.", "midnight", "T00:00");
}

/* ==== More date forms ==== */

Test(date_relative, nth_weekday_of_a_month)
{
    /* 2016-11-07 is a Monday */
    expect_day("2016-11-07", "It happened on the first Friday of July.", "the first Friday of July", "2016-07-01");
    expect_day("2016-11-07", "We meet on the first Friday of July.", "the first Friday of July", "2016-07-01");
    expect_day("2016-11-07", "We will meet on the first Friday of July.", "the first Friday of July", "2017-07-07");
    expect_day("2018-03-20", "See you the second Monday of next month.", "the second Monday of next month",
               "2018-04-09");
    expect_day("2018-03-20", "They met on the last Friday of February.", "the last Friday of February", "2018-02-23");
}

Test(date_relative, no_fifth_weekday_is_not_anchored)
{
    cr_assert(scan("2017-09-27", "They met on the fifth Sunday of February.", NULL));
    cr_assert(!(found.flags & NX_ANCHORED));
}

Test(date_relative, day_of_a_relative_month)
{
    expect_day("2016-11-07", "Payment is due on the 20th of next month.", "the 20th of next month", "2016-12-20");
    expect_days("2016-11-07", "He is away between 4 and 22 this month.", "between 4 and 22 this month", "2016-11-04",
                "2016-11-22");
}

Test(date_relative, the_day_of_month_after_a_preposition)
{
    expect_day("2016-11-07", "The ceasefire began on the 27th.", "the 27th", "2016-10-27");
    expect_none("2016-11-07", "He lost for the second time.", "the second");
}

Test(date_relative, week_of_a_month_holds_its_nth_thursday)
{
    expect_days("2016-11-07", "The vote was in the first week of October.", "the first week of October", "2016-10-03",
                "2016-10-09");
    expect_days("2016-11-07", "It was the last week of 2016.", "the last week of 2016", "2016-12-26", "2017-01-01");
}

Test(date_relative, rest_of_the_week)
{
    expect_days("2016-11-07", "Talks continue for the rest of the week.", "the rest of the week", "2016-11-07",
                "2016-11-13");
}

Test(date_relative, compound_units_ago)
{
    expect_day("2017-11-23", "They met 1 month and 21 days ago.", "1 month and 21 days ago", "2017-10-02");
}

Test(date_relative, in_n_weeks_is_ahead_only_when_the_sentence_looks_forward)
{
    expect_day("2018-07-05", "Elections will be held in 3 weeks.", "in 3 weeks", "2018-07-26");
    cr_assert(!scan("2018-07-05", "In two days the army advanced far.", "In two days"));
}

Test(date_relative, early_and_late_take_half_the_period)
{
    expect_days("2017-11-23", "Elections are due early next year.", "early next year", "2018-01-01", "2018-06-30");
    expect_days("2017-11-23", "Results come late this month.", "late this month", "2017-11-16", "2017-11-30");
}

Test(date_relative, month_with_a_relative_year)
{
    expect_days("2017-11-23", "The summit moves to June next year.", "June next year", "2018-06-01", "2018-06-30");
}

Test(date_explicit, quarter_without_year_follows_tense)
{
    expect_days("2016-11-07", "Profits fell in Q3.", "Q3", "2016-07-01", "2016-09-30");
    expect_days("2016-11-07", "We will be back during Q3.", "Q3", "2017-07-01", "2017-09-30");
    expect_days("", "Sales rose in the first quarter of 2022.", "first quarter of 2022", "2022-01-01", "2022-03-31");
}

Test(date_explicit, decades_written_in_several_ways)
{
    expect_value("", "Music of the 1970's.", "1970's", "197X");
    expect_value("", "Music of the '80s.", "80s", "198X");
    expect_value("", "In the 70s things changed.", "70s", "197X");
}

Test(date_range, month_range_takes_the_year_after_it)
{
    expect_days("2019-05-22", "The conflict lasted from January to April 2015.", "from January to April 2015",
                "2015-01-01", "2015-04-30");
}

Test(date_explicit, amount_before_a_month_is_not_its_day)
{
    expect_none("2019-07-04", "I bought it for $12 December 27.", "12 December");
    expect_day("2019-07-04", "I bought it for $12 December 27.", "December 27", "2018-12-27");
}

Test(date_explicit, after_a_year_is_open_from_the_next)
{
    expect_days("2022-03-03", "It joined the alliance after 1997.", "after 1997", "1998-01-01", "2022-03-03");
    cr_assert(found.flags & NX_OPEN);
    cr_assert_str_eq(found.value, "1998/..");
}

Test(date_relative, unanchored_values_keep_the_granularity)
{
    expect_value("", "He was elected last year.", "last year", "XXXX");
    expect_value("", "He flew there earlier this month.", "earlier this month", "XXXX-XX");
    expect_value("", "The talks began last week.", "last week", "XXXX-WXX");
}

Test(date_relative, plural_period_without_a_count_is_approximate)
{
    cr_assert(scan("2022-03-03", "Prices rose over the past months.", "over the past months"));
    cr_assert(found.flags & NX_APPROX);
}

Test(date_relative, early_mid_late_take_half_of_a_month_or_year)
{
    expect_days("2022-03-30", "Fighting eased in mid-March.", "mid-March", "2022-03-08", "2022-03-24");
    cr_assert(found.flags & NX_APPROX);
    expect_days("2022-03-30", "It started in early March.", "early March", "2022-03-01", "2022-03-15");
    expect_days("", "It ended in late 2019.", "late 2019", "2019-07-01", "2019-12-31");
    expect_days("", "It peaked in mid-2020.", "mid-2020", "2020-04-01", "2020-09-30");
}

Test(date_relative, early_or_late_weekday_sets_the_time_of_day)
{
    expect_day("2022-03-10", "The strike came late Tuesday.", "late Tuesday", "2022-03-08");
    cr_assert_eq(found.date.tod, NX_TOD_NIGHT);
    expect_day("2022-03-10", "The strike came early Wednesday.", "early Wednesday", "2022-03-09");
    cr_assert_eq(found.date.tod, NX_TOD_MORNING);
}

Test(date_relative, the_weekend_follows_tense)
{
    /* 2022-03-10 is a Thursday */
    expect_days("2022-03-10", "They met over the weekend.", "over the weekend", "2022-03-05", "2022-03-06");
    expect_days("2022-03-10", "Talks will resume over the weekend.", "over the weekend", "2022-03-12", "2022-03-13");
}

Test(date_relative, recent_and_coming_periods_are_a_few_units)
{
    expect_days("2022-03-10", "Attacks rose in recent weeks.", "recent weeks", "2022-02-17", "2022-03-10");
    cr_assert(found.flags & NX_APPROX);
    expect_days("2022-03-10", "A decision is due in the coming days.", "the coming days", "2022-03-11", "2022-03-13");
}

/* ==== More numbers ==== */

Test(number, negative_numbers)
{
    expect_number("a reading of -9.5 degrees", "-9.5", -9.5, -9.5);
    expect_number("minus five point five", "minus five point five", -5.5, -5.5);
}

Test(number, fractions_in_digits_and_symbols)
{
    expect_number("3/4 of voters", "3/4", 0.75, 0.75);
    expect_number("a 2 1/4 rise", "2 1/4", 2.25, 2.25);
    expect_number("the result is \u2154", "\u2154", 2.0 / 3, 2.0 / 3);
}

Test(number, fractions_of_scales)
{
    expect_number("half a million people", "half a million", 5e5, 5e5);
    expect_number("one and a half million people", "one and a half million", 1.5e6, 1.5e6);
    expect_number("They have 3 million and a half", "3 million and a half", 3.5e6, 3.5e6);
    expect_number("five billion and three quarters", "five billion and three quarters", 5.75e9, 5.75e9);
    expect_number("one hundred and three quarters", "one hundred and three quarters", 100.75, 100.75);
}

Test(number, scale_abbreviations)
{
    expect_number("prize of 10k", "10k", 1e4, 1e4);
    expect_number("I can give you 10M.", "10M", 1e7, 1e7);
    expect_number("worth 13 lakh", "13 lakh", 1.3e6, 1.3e6);
    expect_number("40\u202f000 people", "40\u202f000", 40000, 40000);
}

Test(number, ordinals_with_scales)
{
    expect_value("", "the two hundredth anniversary", "two hundredth", "200");
    cr_assert_eq(found.kind, NX_ORDINAL);
    expect_number("a hundredth of it", "a hundredth", 0.01, 0.01);
}

Test(number, ratio_words)
{
    expect_number("one over three", "one over three", 1.0 / 3, 1.0 / 3);
}

Test(number_interval, or_more_and_or_so)
{
    expect_number("500 or more people", "500 or more", 500, INFINITY);
    expect_number("50 or so people", "50 or so", 45, 55);
}

Test(duration, over_a_period_is_not_a_hedge)
{
    cr_assert(scan("", "earn $2000 over 3 years", "3 years"));
    cr_assert_eq(found.kind, NX_DURATION);
    cr_assert(!(found.flags & NX_APPROX));
}

Test(duration, half_an_hour_and_an_hour_and_a_half)
{
    expect_number("it took half an hour", "half an hour", 1800, 1800);
    expect_number("it took an hour and a half", "an hour and a half", 5400, 5400);
}

Test(duration, hours_and_minutes_are_one_length)
{
    expect_number("they talked for two hours and 17 minutes", "two hours and 17 minutes", 8220, 8220);
    cr_assert_str_eq(found.value, "PT2H17M");
    expect_number("they met for an hour, 20 minutes", "an hour, 20 minutes", 4800, 4800);
    /* a larger unit after "and" is another length */
    cr_assert(scan("", "two hours and three days", "two hours"));
}

/* ==== Robustness ==== */

Test(normalize_scan, empty_and_wordless_text_give_nothing)
{
    normalize_init();
    struct nx_expr x[4];
    cr_assert_eq(normalize_scan("", 0, NULL, x, 4), 0);
    cr_assert_eq(normalize_scan("!!! ??? ...", 11, NULL, x, 4), 0);
}

Test(normalize_scan, more_expressions_than_room_are_counted)
{
    normalize_init();
    struct nx_expr x[2];
    const char *t = "1, 2, 3 and 4";
    cr_assert_eq(normalize_scan(t, strlen(t), NULL, x, 2), 4);
    cr_assert_eq(x[1].lo, 2);
}

Test(normalize_scan, invalid_utf8_and_long_text_do_not_crash)
{
    normalize_init();
    static const char unit[] = "7 May \xff\xfe 2021, ";
    static char big[200000];
    for (size_t i = 0; i < sizeof big; i++) big[i] = unit[i % (sizeof unit - 1)];
    struct nx_expr x[8];
    size_t n = normalize_scan(big, sizeof big, NULL, x, 8);
    cr_assert_gt(n, 8);
}

/* ==== Resolver edge cases: year boundaries ==== */

Test(date_edge, past_weekday_crosses_back_into_the_old_year)
{
    /* 2022-01-01 is a Saturday */
    expect_day("2022-01-01", "The leaders spoke on Thursday.", "Thursday", "2021-12-30");
}

Test(date_edge, future_weekday_crosses_into_the_new_year)
{
    /* 2021-12-30 is a Thursday */
    expect_day("2021-12-30", "The talks will resume on Monday.", "Monday", "2022-01-03");
    cr_assert(found.flags & NX_FUTURE);
}

Test(date_edge, last_week_in_early_january_is_the_last_iso_week_of_the_old_year)
{
    /* 2021-01-06 is a Wednesday; ISO week 2020-W53 runs 2020-12-28 .. 2021-01-03 */
    expect_days("2021-01-06", "The strikes began last week.", "last week", "2020-12-28", "2021-01-03");
    cr_assert_str_eq(found.value, "2020-W53");
}

Test(date_edge, next_week_at_the_end_of_december_is_week_one)
{
    expect_days("2021-12-29", "The envoys will meet next week.", "next week", "2022-01-03", "2022-01-09");
    cr_assert_str_eq(found.value, "2022-W01");
}

Test(date_edge, last_month_in_january_and_next_month_in_december)
{
    expect_days("2022-01-15", "Prices fell last month.", "last month", "2021-12-01", "2021-12-31");
    cr_assert_str_eq(found.value, "2021-12");
    expect_days("2021-12-15", "Prices will rise next month.", "next month", "2022-01-01", "2022-01-31");
    cr_assert_str_eq(found.value, "2022-01");
}

Test(date_edge, next_year_in_december_and_last_year_on_new_years_day)
{
    expect_days("2021-12-31", "Elections are due next year.", "next year", "2022-01-01", "2022-12-31");
    expect_days("2022-01-01", "The deal was signed last year.", "last year", "2021-01-01", "2021-12-31");
}

Test(date_edge, future_month_day_in_december_is_in_the_new_year)
{
    expect_day("2021-12-20", "Talks will resume on January 5.", "January 5", "2022-01-05");
    cr_assert(found.flags & NX_FUTURE);
}

Test(date_edge, days_ago_cross_the_year_boundary)
{
    expect_day("2022-01-01", "The call happened two days ago.", "two days ago", "2021-12-30");
    expect_day("2021-12-31", "The envoy will return in two days.", "in two days", "2022-01-02");
}

Test(date_edge, yesterday_and_tomorrow_at_the_year_boundary)
{
    expect_day("2022-01-01", "Officials met yesterday.", "yesterday", "2021-12-31");
    expect_day("2021-12-31", "Officials meet tomorrow.", "tomorrow", "2022-01-01");
}

Test(date_edge, fourth_quarter_and_december_without_a_year_look_back_in_january)
{
    expect_days("2022-01-10", "Profits fell in Q4.", "Q4", "2021-10-01", "2021-12-31");
    expect_days("2022-01-10", "Profits fell in December.", "December", "2021-12-01", "2021-12-31");
}

/* ==== Resolver edge cases: leap days ==== */

Test(date_edge, future_leap_day_waits_for_a_leap_year)
{
    expect_day("2022-03-03", "The vote will be held on February 29.", "February 29", "2024-02-29");
}

Test(date_edge, leap_day_of_a_common_year_is_not_a_date)
{
    cr_assert(scan("", "Signed on 29 February 2023.", NULL));
    cr_assert(!(found.flags & NX_ANCHORED), "2023-02-29 does not exist");
}

Test(date_edge, yesterday_on_the_first_of_march_of_a_leap_year)
{
    expect_day("2024-03-01", "Officials met yesterday.", "yesterday", "2024-02-29");
    expect_day("2023-03-01", "Officials met yesterday.", "yesterday", "2023-02-28");
}

Test(date_edge, units_ago_from_a_month_end_clamp_to_the_shorter_month)
{
    expect_day("2024-02-29", "The treaty was signed a year ago.", "a year ago", "2023-02-28");
    expect_day("2022-03-31", "The talks began a month ago.", "a month ago", "2022-02-28");
    expect_day("2024-03-31", "The talks began a month ago.", "a month ago", "2024-02-29");
}

Test(date_edge, february_of_a_leap_year_has_29_days)
{
    expect_days("2024-03-10", "Prices fell last month.", "last month", "2024-02-01", "2024-02-29");
    expect_days("", "Prices fell in February 2024.", "February 2024", "2024-02-01", "2024-02-29");
    expect_day("", "They met on the last Friday of February 2024.", "the last Friday of February 2024", "2024-02-23");
}

/* ==== Resolver edge cases: a weekday equal to the publication day ==== */

Test(date_edge, this_next_and_last_weekday_on_that_weekday)
{
    /* 2022-03-03 is a Thursday */
    expect_day("2022-03-03", "We meet this Thursday.", "this Thursday", "2022-03-03");
    expect_day("2022-03-03", "We meet next Thursday.", "next Thursday", "2022-03-10");
    expect_day("2022-03-03", "We met last Thursday.", "last Thursday", "2022-02-24");
}

Test(date_edge, weekday_with_time_of_day_on_that_weekday)
{
    expect_day("2022-03-03", "The leaders spoke on Thursday evening.", "Thursday evening", "2022-03-03");
    expect_day("2022-03-03", "The leaders will speak on Thursday evening.", "Thursday evening", "2022-03-10");
}

Test(date_edge, weekday_and_day_of_month_of_the_publication_day)
{
    expect_day("2022-03-03", "It happened on Thursday the 3rd.", "Thursday the 3rd", "2022-03-03");
    expect_day("2022-03-03", "It happened on March 3.", "March 3", "2022-03-03");
    expect_day("2022-03-03", "It will happen on March 3.", "March 3", "2022-03-03");
}

/* ==== Resolver edge cases: month names that are also words ==== */

Test(date_edge, march_in_march_looks_at_this_march_either_way)
{
    expect_days("2022-03-20", "Talks will resume in March.", "March", "2022-03-01", "2022-03-31");
    expect_days("2022-03-20", "Talks resumed in March.", "March", "2022-03-01", "2022-03-31");
}

Test(date_edge, may_in_may_and_may_as_a_verb_in_one_sentence)
{
    cr_assert(scan("2022-05-10", "Voters may decide in May.", NULL));
    cr_assert_eq(nfound, 1, "only the month, not the modal verb");
    expect_days("2022-05-10", "Voters may decide in May.", "May", "2022-05-01", "2022-05-31");
}

Test(date_edge, may_as_a_name_is_not_a_month)
{
    expect_none("2022-03-03", "Theresa May said the vote would go ahead.", "May");
}

Test(date_edge, month_word_with_a_day_or_a_year_is_a_date)
{
    expect_day("2022-06-10", "The vote was held on May 5.", "May 5", "2022-05-05");
    expect_days("", "Inflation peaked in March 2022.", "March 2022", "2022-03-01", "2022-03-31");
    expect_days("", "The strike began in August 2021.", "August 2021", "2021-08-01", "2021-08-31");
}

Test(date_edge, lowercase_month_words_after_a_time_preposition)
{
    expect_days("2022-06-10", "It was signed in may.", "may", "2022-05-01", "2022-05-31");
    expect_none("2022-06-10", "They will march on the capital.", "march");
}

Test(date_edge, last_and_next_named_month_in_that_month)
{
    /* in March, "last March" is a year ago and "next March" a year ahead */
    expect_days("2022-03-20", "Talks failed last March.", "last March", "2021-03-01", "2021-03-31");
    expect_days("2022-03-20", "Talks resume next March.", "next March", "2023-03-01", "2023-03-31");
    expect_days("2022-03-20", "Talks resume this March.", "this March", "2022-03-01", "2022-03-31");
}

/* ==== Other resolver rules ==== */

Test(date_relative, day_before_yesterday_and_after_tomorrow)
{
    expect_day("2022-03-03", "They spoke the day before yesterday.", "the day before yesterday", "2022-03-01");
    expect_day("2022-03-03", "They speak the day after tomorrow.", "the day after tomorrow", "2022-03-05");
}

Test(date_relative, units_from_now_and_hence)
{
    expect_day("2022-03-03", "The vote is two weeks from now.", "two weeks from now", "2022-03-17");
    expect_day("2022-03-03", "The vote is three days hence.", "three days hence", "2022-03-06");
}

Test(date_relative, weekday_of_next_or_last_week)
{
    /* 2022-03-03 is a Thursday */
    expect_day("2022-03-03", "They meet Friday next week.", "Friday next week", "2022-03-11");
    expect_day("2022-03-03", "They met last week Sunday.", "last week Sunday", "2022-02-27");
}

Test(date_relative, week_of_a_named_day)
{
    expect_days("2022-03-03", "The vote will be in the week of March 16th.", "the week of March 16th", "2022-03-14",
                "2022-03-20");
    /* no future cue: the past one */
    expect_days("2022-03-03", "The vote was in the week of March 16th.", "the week of March 16th", "2021-03-15",
                "2021-03-21");
}

Test(date_explicit, century_and_year_range)
{
    expect_days("", "It was built in the 20th century.", "20th century", "1900-01-01", "1999-12-31");
    expect_days("", "The war lasted from 2019 to 2021.", "from 2019 to 2021", "2019-01-01", "2021-12-31");
    cr_assert(found.flags & NX_RANGE);
}

Test(date_explicit, quarter_with_year_in_either_order)
{
    expect_days("", "Sales rose in Q1 2017.", "Q1 2017", "2017-01-01", "2017-03-31");
    expect_days("", "Sales rose in 2017 Q1.", "2017 Q1", "2017-01-01", "2017-03-31");
}

/* ==== Numbers the benchmark taught ==== */

Test(number, compound_denominators_take_the_longest_ordinal)
{
    expect_number("three twenty-firsts", "three twenty-firsts", 3.0 / 21, 3.0 / 21);
    expect_number("one hundred thirty fifths", "one hundred thirty fifths", 100.0 / 35, 100.0 / 35);
    expect_number("one one hundred and fifth", "one one hundred and fifth", 1.0 / 105, 1.0 / 105);
    expect_number("one hundred thirty two fifths", "one hundred thirty two fifths", 132.0 / 5, 132.0 / 5);
    /* a whole ordinal stays an ordinal */
    cr_assert(scan("", "the one hundred fifth day", "one hundred fifth"));
    cr_assert_eq(found.kind, NX_ORDINAL);
}

Test(number, after_and_only_a_proper_fraction_is_added)
{
    expect_number("one hundred and three quarters", "one hundred and three quarters", 100.75, 100.75);
    expect_number("one hundred and thirty fifths", "one hundred and thirty fifths", 26, 26);
    expect_number("two hundred and fifty-four hundredths", "two hundred and fifty-four hundredths", 200.54, 200.54);
}

Test(number, digit_grouping_styles)
{
    expect_number("a total of 12,34,567.89", "12,34,567.89", 1234567.89, 1234567.89);
    expect_number("a total of 1.111,11 euros", "1.111,11", 1111.11, 1111.11);
    expect_number("The number is 1,3.", "1,3", 1.3, 1.3);
    /* a list of digits is no decimal */
    expect_number("items 1,2,3", "1", 1, 1);
}

Test(number, digit_groups_of_a_code_are_not_ranges)
{
    expect_number("call +1-222-2222 now", "222", 222, 222);
    expect_number("call +1-222-2222 now", "2222", 2222, 2222);
    expect_number("pages 10-12", "10-12", 10, 12);
}

Test(number, percent_named_before_its_number)
{
    cr_assert(scan("", "per cent of twenty-two", "per cent of twenty-two"));
    cr_assert_eq(found.kind, NX_PERCENT);
    cr_assert_eq(found.lo, 22);
}

Test(number, one_in_n_is_a_ratio_but_not_a_year_or_a_length)
{
    expect_number("1 in twenty-one", "1 in twenty-one", 1.0 / 21, 1.0 / 21);
    expect_none("", "He won 2 in 2020.", "2 in 2020");
    expect_none("", "Finish 3 in 4 weeks.", "3 in 4");
}

Test(number, scale_letters_after_digits)
{
    expect_number("10G", "10G", 1e10, 1e10);
    expect_number("a budget of 1,674.5 G", "1,674.5 G", 1.6745e12, 1.6745e12);
    expect_none("", "5G networks", "5G");
    expect_number("three lakh crore", "three lakh crore", 3e12, 3e12);
}
