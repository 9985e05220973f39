/* calendar.c - proleptic Gregorian day arithmetic (Howard Hinnant's algorithms). */
#include "calendar.h"

#include <stdio.h>

int32_t cal_days(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + (int)doe - 719468);
}

void cal_civil(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int yy = (int)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yy + (*m <= 2);
}

int cal_weekday(int32_t day)
{
    /* 1970-01-01 was a Thursday (4). */
    int w = (int)((day % 7 + 7) % 7); /* 0 = Thursday */
    return (w + 3) % 7 + 1;
}

int cal_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cal_month_days(int y, int m)
{
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && cal_leap(y) ? 29 : len[m - 1];
}

int cal_valid(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= cal_month_days(y, m);
}

int32_t cal_iso_week_start(int iso_year, int w)
{
    int32_t jan4 = cal_days(iso_year, 1, 4);
    int32_t week1 = jan4 - (cal_weekday(jan4) - 1);
    return week1 + (w - 1) * 7;
}

int cal_iso_week(int32_t day, int *iso_year)
{
    int y, m, d;
    cal_civil(day, &y, &m, &d);
    /* The Thursday of this week decides the year. */
    int32_t thu = day - (cal_weekday(day) - 1) + 3;
    int ty, tm, td;
    cal_civil(thu, &ty, &tm, &td);
    if (iso_year) *iso_year = ty;
    return (int)((thu - cal_days(ty, 1, 1)) / 7) + 1;
}

int cal_parse_iso(const char *s, unsigned long n, int32_t *day)
{
    if (n != 10 || s[4] != '-' || s[7] != '-') return -1;
    unsigned d[10], bad = 0;
    for (int i = 0; i < 10; i++) d[i] = (unsigned)(unsigned char)s[i] - '0', bad |= (i != 4 && i != 7 && d[i] > 9);
    if (bad) return -1;
    int y = (int)(d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]);
    int m = (int)(d[5] * 10 + d[6]), dd = (int)(d[8] * 10 + d[9]);
    if (!cal_valid(y, m, dd)) return -1;
    *day = cal_days(y, m, dd);
    return 0;
}

void cal_format(int32_t day, char out[11])
{
    int y, m, d;
    cal_civil(day, &y, &m, &d);
    unsigned yy = (unsigned)(((y % 10000) + 10000) % 10000), mm = (unsigned)m % 100u, dd = (unsigned)d % 100u;
    snprintf(out, 11, "%04u-%02u-%02u", yy, mm, dd);
}
