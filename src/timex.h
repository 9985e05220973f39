/* timex.h - dates, times of day and durations in English text, resolved
 * against a reference date with the tense of the sentence. */
#ifndef CC_TIMEX_H
#define CC_TIMEX_H

#include "nx_scan.h"

/* Each reads one expression starting at token i into *c and returns 1, or 0. */
/* A date or a range of dates: "Wednesday", "Feb. 24", "last week", "from Feb 24
 * to March 2", "since December, 2021", "Wednesday evening", "the 1990s". */
int timex_match_date(const struct scan *S, int i, struct cand *c);
/* A time of day: "3 p.m.", "around noon"; "noon today" is a date with a tod. */
int timex_match_time(const struct scan *S, int i, struct cand *c);
/* A length of time: "three-hour-long", "for about three hours", "90 minutes". */
int timex_match_duration(const struct scan *S, int i, struct cand *c);
/* Can word id start a relative date ("yesterday", "last week", "in two
 * days", "a week ago")?  A count can too: "two days ago". */
int timex_relative_start(int id);

#endif
