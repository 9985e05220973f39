/* test_check.c - comparing values and grouping claims into findings. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "calendar.h"
#include "check.h"

static struct value day(int y, int m, int d)
{
    struct value v;
    memset(&v, 0, sizeof v);
    v.set = 1;
    v.nxflags = NX_ANCHORED;
    v.date.lo = v.date.hi = cal_days(y, m, d);
    v.date.gran = NX_GRAN_DAY;
    v.date.weekday = (int8_t)cal_weekday(v.date.lo);
    return v;
}

static struct value weekday(int w)
{
    struct value v;
    memset(&v, 0, sizeof v);
    v.set = 1;
    v.date.weekday = (int8_t)w;
    v.date.gran = NX_GRAN_DAY;
    return v;
}

static struct value interval(double lo, double hi, int lo_open, int hi_open)
{
    struct value v;
    memset(&v, 0, sizeof v);
    v.set = 1;
    v.lo = lo;
    v.hi = hi;
    v.lo_open = (uint8_t)lo_open;
    v.hi_open = (uint8_t)hi_open;
    return v;
}

Test(date_compatible, same_day_agrees_and_other_day_does_not)
{
    struct value a = day(2022, 3, 2), b = day(2022, 3, 2), c = day(2022, 2, 27);
    cr_assert(date_compatible(&a, &b));
    cr_assert(!date_compatible(&a, &c));
}

Test(date_compatible, unanchored_weekday_agrees_with_any_such_weekday)
{
    struct value wed = weekday(3), d = day(2022, 3, 2), sun = day(2022, 2, 27);
    cr_assert(date_compatible(&wed, &d));
    cr_assert(!date_compatible(&wed, &sun));
    struct value wed2 = weekday(3), fri = weekday(5);
    cr_assert(date_compatible(&wed, &wed2));
    cr_assert(!date_compatible(&wed, &fri));
}

Test(date_compatible, week_contains_its_days)
{
    struct value w = day(2022, 2, 21);
    w.date.hi = w.date.lo + 6;
    w.date.gran = NX_GRAN_WEEK;
    struct value in = day(2022, 2, 24), out = day(2022, 3, 2);
    cr_assert(date_compatible(&w, &in));
    cr_assert(!date_compatible(&w, &out));
}

Test(value_agrees, approximate_counts_overlap_as_intervals)
{
    struct value more = interval(1.5e6, INFINITY, 1, 0); /* more than 1.5 million */
    struct value nearly = interval(1.8e6, 2e6, 0, 1);    /* nearly 2 million */
    struct value about = interval(0.9e6, 1.1e6, 0, 0);   /* about one million */
    cr_assert(value_agrees(&more, &nearly, FT_NUMBER, CMP_INTERVAL));
    cr_assert(!value_agrees(&more, &about, FT_NUMBER, CMP_INTERVAL));
}

Test(value_agrees, exact_counts_differ_by_one)
{
    struct value a = interval(140, 140, 0, 0), b = interval(141, 141, 0, 0), c = interval(141, 141, 0, 0);
    cr_assert(!value_agrees(&a, &b, FT_NUMBER, CMP_INTERVAL));
    cr_assert(value_agrees(&b, &c, FT_NUMBER, CMP_INTERVAL));
}

Test(value_agrees, open_ends_do_not_touch)
{
    struct value lt = interval(0, 70, 0, 1), ge = interval(70, INFINITY, 0, 0);
    cr_assert(!value_agrees(&lt, &ge, FT_NUMBER, CMP_INTERVAL), "fewer than 70 vs at least 70");
}
