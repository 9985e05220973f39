/* calendar.h - proleptic Gregorian day arithmetic.
 *
 * A day is an int32_t count of days since 1970-01-01 (day 0), so dates compare
 * and subtract as integers. */
#ifndef CC_CALENDAR_H
#define CC_CALENDAR_H

#include <stdint.h>

/* Day number of y-m-d (m 1..12, d 1..31; not validated, use cal_valid). */
int32_t cal_days(int y, int m, int d);
/* Inverse of cal_days. */
void cal_civil(int32_t day, int *y, int *m, int *d);
/* ISO weekday of a day: 1 = Monday .. 7 = Sunday. */
int cal_weekday(int32_t day);
int cal_leap(int y);
/* Days in month m of year y (28..31). */
int cal_month_days(int y, int m);
/* 1 when y-m-d names a real date. */
int cal_valid(int y, int m, int d);
/* ISO 8601 week of a day (1..53); *iso_year gets the week-numbering year. */
int cal_iso_week(int32_t day, int *iso_year);
/* Monday of ISO week w of iso_year. */
int32_t cal_iso_week_start(int iso_year, int w);
/* Parse exactly "YYYY-MM-DD" from s[0..n); 0 on success, -1 otherwise. */
int cal_parse_iso(const char *s, unsigned long n, int32_t *day);
/* Write "YYYY-MM-DD" and a NUL into out (11 bytes). */
void cal_format(int32_t day, char out[11]);

#endif
