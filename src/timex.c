/* timex.c - read dates, times of day and durations and resolve them.
 *
 * Tense: a bare weekday, month or day of month resolves backward (the latest
 * one on or before the reference date) unless a future cue governs it: "will",
 * "'ll", "shall", "going to", "scheduled", "plans to", "is to", "set to/for",
 * "due to", "expected to", "upcoming", "let's".  The nearest cue before the
 * expression decides; a past participle after "be/been" ("will be held") is
 * skipped; if there is no cue before, the first cue after it decides. */
#include "timex.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "number.h"

/* ==== Tense ==== */

/* Is token k a cue for the future?  Some cues need the next word ("is to",
 * "going to", "set for"). */
static int future_cue(const struct scan *S, int k)
{
    switch (wid(S, k)) {
    case W_WILL:
    case W_SHALL:
    case W_SCHEDULED:
    case W_UPCOMING:
    case W_PLANNING:
    case W_SCHEDULE:
    case W_PLANS:
    case W_PLANNED:
    case W_TOMORROW: return 1;
    case W_LL: return is_p(S, k - 1, '\'') && adj(S, k);
    case W_LET: return is_p(S, k + 1, '\'') && is_w(S, k + 2, W_S);
    case W_GOING:
    case W_DUE:
    case W_EXPECTED:
    case W_PLAN: return is_w(S, k + 1, W_TO);
    case W_IS:
    case W_ARE: return is_w(S, k + 1, W_TO);
    case W_SET: return is_w(S, k + 1, W_TO) || is_w(S, k + 1, W_FOR);
    default: return 0;
    }
}

/* 2: strong past ("was", "ago"), 1: a past verb form, 0: none. */
static int past_cue(const struct scan *S, int k)
{
    int id = wid(S, k);
    if (id == W_WAS || id == W_WERE || id == W_DID || id == W_HAD || id == W_YESTERDAY || id == W_AGO) return 2;
    if (id > 0 && WORD[id].kind == K_PAST) return 1;
    if (id == 0 && k >= 0 && k < S->n && S->t[k].type == T_WORD && !(S->t[k].flags & TF_CAP) &&
        nx_regular_past(S->text + S->t[k].s, S->t[k].e - S->t[k].s))
        return 1;
    return 0;
}

enum { CUE_NONE, CUE_FUTURE, CUE_PAST, CUE_PARTICIPLE };

/* Classify every token once per scan, on the first question about tense. */
static void classify_cues(const struct scan *S)
{
    for (int k = 0; k < S->n; k++) {
        uint8_t c = CUE_NONE;
        if (S->t[k].type == T_WORD) {
            if (future_cue(S, k)) {
                c = CUE_FUTURE;
            } else {
                int pc = past_cue(S, k);
                if (pc == 2)
                    c = CUE_PAST;
                else if (pc == 1) {
                    int pv = wid(S, k - 1);
                    c = (pv == W_BE || pv == W_BEEN || pv == W_BEING || pv == W_IS || pv == W_ARE) ? CUE_PARTICIPLE
                                                                                                   : CUE_PAST;
                }
            }
        }
        S->cue[k] = c;
    }
    *S->cue_ready = 1;
}

/* Does the text around tokens [a, b) put them in the future?  The nearest cue
 * before decides (a participle after "be"/"been" is passed over: "will be
 * held on Monday"); failing that, the first cue after.  Default: past. */
static int tense_future(const struct scan *S, int a, int b)
{
    if (!*S->cue_ready) classify_cues(S);
    for (int k = a - 1; k >= 0 && k >= a - 30; k--) {
        uint8_t c = S->cue[k];
        if (c == CUE_FUTURE) return 1;
        if (c == CUE_PAST) return 0;
    }
    for (int k = b; k < S->n && k < b + 15; k++) {
        uint8_t c = S->cue[k];
        if (c == CUE_FUTURE) return 1;
        if (c == CUE_PAST || c == CUE_PARTICIPLE) return 0;
    }
    return 0;
}

/* ==== Dates ==== */

/* What the text said of a date, before resolution. */
struct pdate {
    int y, m, d, wd;
    int gran;   /* NX_GRAN_* for y/m-only readings, decades, centuries, quarters */
    int q;      /* quarter 1..4 */
    int nth;    /* "the second Monday of ...": 1..5, -1 for "last" */
    int relm;   /* month given relative to the reference ("of next month") */
    int relm_n; /* its offset: -1, 0, +1 */
    int rely;   /* year given relative to the reference ("June next year") */
    int rely_n;
};

static int day_of(const struct scan *S, int j, int *d)
{
    /* a day of the month: 1..31 as digits (with a suffix) or ordinal words */
    struct num r;
    if (is_num(S, j)) {
        if (!is_int(S, j) || S->t[j].ndig > 2 || S->t[j].val < 1 || S->t[j].val > 31) return 0;
        *d = (int)S->t[j].val;
        int e = j + 1;
        if (adj(S, e) && (is_w(S, e, W_ST) || is_w(S, e, W_ND) || is_w(S, e, W_RD) || is_w(S, e, W_TH))) e++;
        return e;
    }
    int k = wkind(S, j);
    if (k != K_CARD && k != K_TENS && k != K_ORD && k != K_ORD_TENS) return 0;
    if (!number_parse(S, j, &r) || r.fraction || r.v < 1 || r.v > 31 || r.v != floor(r.v)) return 0;
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
    case W_IN:
    case W_SINCE:
    case W_UNTIL:
    case W_TILL:
    case W_BY:
    case W_EARLY:
    case W_LATE:
    case W_MID:
    case W_OF:
    case W_LAST:
    case W_NEXT:
    case W_THIS:
    case W_DURING:
    case W_FROM:
    case W_THROUGH:
    case W_BEFORE:
    case W_AFTER:
    case W_AND:
    case W_OR:
    case W_TO:
    case W_BETWEEN:
    case W_END:
    case W_START:
    case W_BEGINNING: return 1;
    default: return is_p(S, j, '-') && is_w(S, j - 1, W_MID);
    }
}

/* A lone month name at j: is it the month?  Months that are also words ("may",
 * "march", "august") need a preposition and a capital; the others a capital
 * or a preposition, and not a following capitalized name ("June Carter"). */
static int lone_month_ok(const struct scan *S, int j)
{
    int id = wix(S, j);
    if (WORD[id].kind == K_MONTH_ABBR)
        return month_context(S, j - 1) && (j + 1 >= S->n || S->t[j + 1].type == T_PUNCT || is_year_tok(S, j + 1));
    if (id == W_MAY || id == W_MARCH || id == W_AUGUST) {
        if (!cap(S, j) && !(j > 0 && S->t[j].flags & TF_CAP)) {
            /* lowercase: only after an unmistakable time preposition */
            int p = wid(S, j - 1);
            return (p == W_IN || p == W_SINCE || p == W_UNTIL || p == W_EARLY || p == W_LATE || p == W_LAST ||
                    p == W_NEXT || p == W_THIS || p == W_DURING) &&
                   !(cap(S, j - 1) == 0 && id == W_MARCH && wkind(S, j + 1) == K_NONE && is_w(S, j + 1, W_ON));
        }
        if (!month_context(S, j - 1)) return 0;
        /* "a march on Kyiv", "to march" */
        if (id == W_MARCH && (is_w(S, j - 1, W_TO) || is_w(S, j + 1, W_ON))) return 0;
        if (id == W_MAY && (is_w(S, j - 1, W_AND) || is_w(S, j - 1, W_OR) || is_w(S, j - 1, W_TO))) return 0;
        return 1;
    }
    if (cap(S, j + 1) && S->t[j + 1].type == T_WORD && !wid(S, j + 1)) return 0;
    return cap(S, j) || month_context(S, j - 1);
}

/* Numeric dates: 2022-03-02, 03/02/2022, 21/04/16, 2015.5.13, 4/22, 2015/3. */
static int numeric_date(const struct scan *S, int i, struct pdate *p)
{
    /* no part has more than 4 digits: longer ones would not fit an int */
    if (!is_int(S, i) || S->t[i].ndig > 4) return 0;
    const struct tok *t = S->t;
    int a = (int)t[i].val, na = t[i].ndig;
    int sep = (i + 1 < S->n && t[i + 1].type == T_PUNCT) ? t[i + 1].id : 0;
    if (!(sep == '-' || sep == '/' || sep == '.') || !adj(S, i + 1) || !adj(S, i + 2) || !is_int(S, i + 2) ||
        t[i + 2].ndig > 4)
        return 0;
    int b = (int)t[i + 2].val, nb = t[i + 2].ndig;
    int has3 = is_p(S, i + 3, sep) && adj(S, i + 3) && adj(S, i + 4) && is_int(S, i + 4) && t[i + 4].ndig <= 4;
    /* 08/12,2015 and 08/12,15 */
    int commay = !has3 && sep == '/' && is_p(S, i + 3, ',') && adj(S, i + 3) && adj(S, i + 4) && is_int(S, i + 4) &&
                 (t[i + 4].ndig == 4 || t[i + 4].ndig == 2);
    if (has3 || commay) {
        int c = (int)t[i + 4].val, nc = t[i + 4].ndig;
        if (na == 4) { /* Y-M-D */
            if (nb > 2 || nc > 2) return 0;
            p->y = a, p->m = b, p->d = c;
        } else if (na <= 2 && nb <= 2 && (nc == 4 || nc == 2)) {
            int y = nc == 4 ? c : (c < 50 ? 2000 + c : 1900 + c);
            if (a > 12 && b <= 12)
                p->y = y, p->m = b, p->d = a; /* D/M/Y */
            else
                p->y = y, p->m = a, p->d = b; /* M/D/Y */
        } else
            return 0;
        if (p->m < 1 || p->m > 12 || p->d < 1 || p->d > 31) return 0;
        if (is_int(S, i + 5) && adj(S, i + 5)) return 0;
        return i + 5;
    }
    if (na <= 2 && a >= 1 && a <= 12 && nb == 4 && b >= 1000 && b <= 2999 && sep != '-' && !is_p(S, i + 3, sep)) {
        /* 11/2016, 3.2015: a month */
        p->y = b, p->m = a, p->gran = NX_GRAN_MONTH;
        return i + 3;
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
        if (a >= 1 && a <= 12 && b >= 13 && b <= 31)
            p->m = a, p->d = b;
        else if (b >= 1 && b <= 12 && a >= 13 && a <= 31)
            p->m = b, p->d = a;
        else if (on && a >= 1 && a <= 12 && b >= 1 && b <= 31)
            p->m = a, p->d = b;
        else
            return 0;
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
    if (id == W_THIS || id == W_CURRENT)
        *n = 0;
    else if (id == W_NEXT || id == W_COMING || id == W_FOLLOWING)
        *n = 1;
    else if (id == W_LAST || id == W_PREVIOUS || id == W_PAST)
        *n = -1;
    else
        return 0;
    return is_w(S, j + 1, W_MONTH) ? j + 2 : 0;
}

/* "the second Monday of next month", "first Sunday", "the last Friday of July". */
static int nth_weekday(const struct scan *S, int i, struct pdate *p)
{
    int j = i, n = 0;
    struct num r;
    if (is_w(S, j, W_LAST))
        n = -1, j++;
    else if (number_parse(S, j, &r) && r.ordinal && r.v >= 1 && r.v <= 5)
        n = (int)r.v, j = r.end;
    else
        return 0;
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
            if (is_p(S, jj, '.') && adj(S, jj))
                jj++;
            else if (!is_p(S, jj, ',') && !(wkind(S, jj) == K_MONTH || is_num(S, jj)))
                return 0;
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
    if (is_year_tok(S, i) && (is_p(S, i + 1, '-') || is_p(S, i + 1, '/')) && adj(S, i + 1) && adj(S, i + 2)) {
        int m2, me = month_tok(S, i + 2, &m2);
        int d2, de2;
        if (me && is_p(S, me, S->t[i + 1].id) && adj(S, me) && adj(S, me + 1) && (de2 = day_of(S, me + 1, &d2))) {
            p->y = (int)S->t[i].val, p->m = m2, p->d = d2;
            return de2;
        }
    }
    /* "the 21st", "for the 27": a day of the month, when nothing follows that
     * would make it an ordinal of something else ("the second time") */
    if (is_w(S, i, W_THE)) {
        int pv = wid(S, i - 1);
        int d2, de2 = day_of(S, i + 1, &d2);
        if (de2 && (pv == W_ON || pv == W_FOR || pv == W_BY || pv == W_UNTIL || pv == W_SINCE || pv == W_BEFORE ||
                    pv == W_AFTER || pv == W_FROM || pv == W_TILL)) {
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
    if (is_int(S, i) && is_w(S, i - 1, W_ON) &&
        (i + 1 >= S->n || (S->t[i + 1].type == T_PUNCT && S->t[i + 1].id != '%'))) {
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
        if (!ye && is_p(S, e, '-') && adj(S, e) && adj(S, e + 1) && is_year_tok(S, e + 1))
            y = (int)S->t[e + 1].val, ye = e + 2; /* "dec-2018" */
        if (ye) {
            p->m = m, p->y = y, p->gran = NX_GRAN_MONTH;
            return ye;
        }
        /* "June next year", "March of last year" */
        {
            int r = e;
            if (is_w(S, r, W_OF)) r++;
            int w = wid(S, r);
            if ((w == W_NEXT || w == W_LAST || w == W_THIS) && is_w(S, r + 1, W_YEAR)) {
                p->m = m, p->gran = NX_GRAN_MONTH, p->rely = 1;
                p->rely_n = w == W_NEXT ? 1 : w == W_LAST ? -1 : 0;
                return r + 2;
            }
        }
        if (!lone_month_ok(S, j)) return 0;
        p->m = m, p->gran = NX_GRAN_MONTH;
        return e;
    }
    /* day first: "24 February 2022", "1st Jan", "22 of Jan", "the first of March"
     * (not "$12 December 27") */
    if (!(j > 0 && S->t[j - 1].type == T_PUNCT && (S->t[j - 1].id == '$' || S->t[j - 1].id == 0x80))) {
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
    if (p->rely) {
        if (!S->has_ref) return;
        y = S->ry + p->rely_n;
        d->year = (int16_t)y;
        x->flags |= NX_RELATIVE;
    }
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
                if (future ? c >= ref : c <= ref) {
                    day = c;
                    break;
                }
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
            if (future) {
                if (++mm > 12) mm = 1, yy++;
            } else if (--mm < 1)
                mm = 12, yy--;
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
static int32_t week_start(int32_t day)
{
    return day - (cal_weekday(day) - 1);
}

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
    case W_DAY:
    case W_DAYS: return day + n;
    case W_WEEK:
    case W_WEEKS: return day + 7 * n;
    case W_FORTNIGHT: return day + 14 * n;
    case W_MONTH:
    case W_MONTHS:
    case W_YEAR:
    case W_YEARS:
    case W_DECADE:
    case W_DECADES:
        cal_civil(day, &y, &m, &d);
        if (unit == W_MONTH || unit == W_MONTHS) {
            int t = y * 12 + (m - 1) + n;
            y = t / 12, m = t % 12 + 1;
        } else
            y += n * ((unit == W_DECADE || unit == W_DECADES) ? 10 : 1);
        if (d > cal_month_days(y, m)) d = cal_month_days(y, m);
        return cal_days(y, m, d);
    default: return day;
    }
}

static int is_plural_unit(int id)
{
    return id == W_DAYS || id == W_WEEKS || id == W_MONTHS || id == W_YEARS || id == W_DECADES;
}

static int is_period(int id)
{
    return id == W_WEEK || id == W_MONTH || id == W_YEAR || id == W_WEEKEND || id == W_QUARTER || id == W_DECADE;
}

/* The days of the period (week, month, year...) containing day, shifted by n periods. */
static void period_days(int id, int32_t day, int n, int32_t *lo, int32_t *hi, int *gran)
{
    int y, m, d;
    cal_civil(day, &y, &m, &d);
    switch (id) {
    case W_WEEK: *lo = week_start(day) + 7 * n, *hi = *lo + 6, *gran = NX_GRAN_WEEK; return;
    case W_WEEKEND: *lo = week_start(day) + 7 * n + 5, *hi = *lo + 1, *gran = NX_GRAN_DAY; return;
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
    default: /* year */ *lo = cal_days(y + n, 1, 1), *hi = cal_days(y + n, 12, 31), *gran = NX_GRAN_YEAR; return;
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
    if (is_w(S, j, W_AT) && (is_w(S, j + 1, W_NOON) || is_w(S, j + 1, W_MIDNIGHT) || is_w(S, j + 1, W_MIDDAY))) {
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

int timex_relative_start(int id)
{
    switch (id) {
    case W_TODAY:
    case W_TONIGHT:
    case W_YESTERDAY:
    case W_TOMORROW:
    case W_THIS:
    case W_LAST:
    case W_NEXT:
    case W_PAST:
    case W_PREVIOUS:
    case W_COMING:
    case W_CURRENT:
    case W_EARLIER:
    case W_LATER:
    case W_EARLY:
    case W_LATE:
    case W_FOLLOWING:
    case W_THE:
    case W_OVER:
    case W_UPCOMING:
    case W_RECENT:
    case W_IN:
    case W_A:
    case W_AN: return 1;
    default: return 0;
    }
}

/* Relative expressions: "today", "last week", "earlier this month", "two days
 * ago", "over the last week", "next Monday", "this morning". */
static int relative_date(const struct scan *S, int i, struct nx_expr *x, int *pend)
{
    int id = wid(S, i), id1 = wid(S, i + 1);
    int32_t ref = S->ref;
    int j;
    int k0 = wkind(S, i);
    /* otherwise only a count can start one: "two days ago" */
    if (!timex_relative_start(id) && !is_num(S, i) && k0 != K_CARD && k0 != K_TENS) return 0;
    /* quick refusals before any work: what must follow */
    if (id == W_IN) {
        int k1 = wkind(S, i + 1), id1w = wid(S, i + 1);
        if (!is_num(S, i + 1) && k1 != K_CARD && k1 != K_TENS && id1w != W_A && id1w != W_AN) return 0;
    } else if (id == W_A || id == W_AN) {
        int k1 = wkind(S, i + 1);
        if (k1 != K_DUR && k1 != K_HUNDRED && k1 != K_SCALE && k1 != K_DOZEN && !is_w(S, i + 1, W_FEW)) return 0;
    } else if (id == W_OVER && id1 != W_THE) {
        return 0;
    }
    if (is_num(S, i) || k0 == K_CARD || k0 == K_TENS) {
        /* a count must be followed by a unit: "two days ago" */
        struct num r;
        if (!number_parse(S, i, &r) || (wkind(S, r.end) != K_DUR && !is_p(S, r.end, '-'))) return 0;
    }
    memset(x, 0, sizeof *x);
    x->kind = NX_DATE;
    int need_ref = 1;
    int32_t lo = 0, hi = 0;
    int gran = NX_GRAN_DAY, fut = 0, ok = 0, start = i;
    switch (id) {
    case W_TODAY:
    case W_TONIGHT:
    case W_YESTERDAY:
    case W_TOMORROW:
        lo = hi = ref + (id == W_YESTERDAY ? -1 : id == W_TOMORROW ? 1 : 0);
        fut = id == W_TOMORROW;
        if (id == W_TONIGHT) x->date.tod = NX_TOD_NIGHT;
        j = i + 1;
        if (id != W_TONIGHT) j = tod_after(S, j, x);
        ok = 1;
        break;
    case W_THIS:
    case W_LAST:
    case W_NEXT:
    case W_PAST:
    case W_PREVIOUS:
    case W_COMING:
    case W_CURRENT:
    case W_EARLIER:
    case W_LATER:
    case W_EARLY:
    case W_LATE:
    case W_FOLLOWING:
    case W_THE:
    case W_OVER:
    case W_UPCOMING:
    case W_RECENT: {
        int a = i;
        int mod = 0; /* -1 earlier, +1 later */
        if (id == W_EARLIER || id == W_EARLY)
            mod = -1, a++;
        else if (id == W_LATER || id == W_LATE)
            mod = 1, a++;
        if (id == W_OVER && is_w(S, i + 1, W_THE))
            a += 2;
        else if (id == W_OVER)
            return 0;
        else if (id == W_THE && (id1 == W_LAST || id1 == W_PAST || id1 == W_NEXT || id1 == W_COMING))
            a++;
        else if (id == W_THE && id1 == W_WEEKEND)
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
        if (w == W_WEEKEND && is_w(S, a - 1, W_THE) && !mod) {
            /* "over the weekend": the latest one (or the next, looking forward) */
            fut = tense_future(S, i, a + 1);
            int32_t sat = week_start(ref) + 5;
            if (!fut && sat > ref) sat -= 7;
            if (fut && sat + 1 < ref + 1) sat += 7;
            lo = sat, hi = sat + 1;
            start = is_w(S, i, W_OVER) ? i : a - 1;
            j = a + 1;
            ok = 1;
            break;
        }
        if (w == W_THIS || w == W_CURRENT)
            n = 0;
        else if (w == W_LAST || w == W_PAST || w == W_PREVIOUS || (w == W_RECENT && is_plural_unit(wid(S, a + 1))))
            n = -1;
        else if (w == W_NEXT || w == W_COMING || w == W_FOLLOWING || w == W_UPCOMING)
            n = 1;
        else if (mod && (w == W_NEXT))
            n = 1;
        else
            return 0;
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
                      (number_parse(S, a + 1, &r) && !r.ordinal && r.v >= 1 && r.v == floor(r.v));
        }
        if (is_w(S, a - 1, W_THE) || id == W_OVER || (n && !mod && (w == W_PAST || w == W_RECENT)) ||
            (counted && !mod && n)) {
            struct num r;
            int cnt = 1, ue = a + 1;
            if (number_parse(S, a + 1, &r) && !r.ordinal && r.v >= 1 && r.v == floor(r.v) && r.v < 10000) {
                cnt = (int)r.v;
                ue = r.end;
            } else if (is_w(S, a + 1, W_FEW) || is_w(S, a + 1, W_SEVERAL)) {
                cnt = 3;
                ue = a + 2;
                x->flags |= NX_APPROX;
            } else if (is_plural_unit(wid(S, a + 1))) {
                cnt = 3; /* "the coming days", "the past months": a few */
            }
            if (!counted && n > 0 && is_period(wid(S, ue))) goto period; /* "the coming week" */
            {
                int pu = wid(S, ue); /* "the past months": how many is not said */
                if (!counted && (pu == W_DAYS || pu == W_WEEKS || pu == W_MONTHS || pu == W_YEARS || pu == W_DECADES))
                    x->flags |= NX_APPROX;
            }
            int unit = wid(S, ue);
            if (wkind(S, ue) == K_DUR && unit != W_SECONDS && unit != W_MINUTE && unit != W_MINUTES && unit != W_HOUR &&
                unit != W_HOURS && (cnt > 1 || ue == a + 1)) {
                if (n < 0)
                    lo = add_units(ref, unit, -cnt), hi = ref;
                else
                    lo = ref + 1, hi = add_units(ref, unit, cnt);
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
        if (mod && (id == W_EARLY || id == W_LATE || n != 0)) {
            /* "early next year", "late this month": a half of the period */
            int32_t mid;
            int yy, mm, dd;
            cal_civil(lo, &yy, &mm, &dd);
            if (gran == NX_GRAN_MONTH)
                mid = cal_days(yy, mm, 15);
            else if (gran == NX_GRAN_YEAR)
                mid = cal_days(yy, 6, 30);
            else
                mid = lo + (hi - lo) / 2;
            if (mod < 0)
                hi = mid;
            else
                lo = mid + 1;
            x->flags |= NX_APPROX;
        } else if (mod < 0) { /* "earlier this month": before the reference */
            if (ref - 1 >= lo) hi = ref - 1 < hi ? ref - 1 : hi;
            x->flags |= NX_APPROX;
        } else if (mod > 0) {
            if (ref + 1 <= hi) lo = ref + 1 > lo ? ref + 1 : lo;
            x->flags |= NX_APPROX;
        }
        ok = 1;
        break;
    }
    default: break;
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
            if ((is_w(S, k, W_A) || is_w(S, k, W_AN)) && wkind(S, k + 1) == K_DUR)
                c = 1, ue = k + 1;
            else if ((is_w(S, k, W_A) && is_w(S, k + 1, W_FEW)) && wkind(S, k + 2) == K_DUR)
                c = 3, ue = k + 2, x->flags |= NX_APPROX;
            else if (number_parse(S, k, &r) && !r.ordinal && r.v >= 1 && r.v == floor(r.v) && r.v < 10000)
                c = (int)r.v, ue = r.end;
            else
                break;
            int u = wid(S, ue);
            if (wkind(S, ue) != K_DUR || u == W_SECONDS || u == W_MINUTE || u == W_MINUTES || u == W_HOUR ||
                u == W_HOURS || u == W_MIN || u == W_MINS || u == W_HR || u == W_HRS || u == W_SEC || u == W_SECS)
                break;
            cnt[nu] = c, unit[nu] = u, nu++;
            k = ue + 1;
            if ((is_p(S, k, ',') || is_w(S, k, W_AND)) &&
                (is_num(S, k + 1) || wkind(S, k + 1) == K_CARD || is_w(S, k + 1, W_A)))
                k++;
            else if (!(is_num(S, k) || wkind(S, k) == K_CARD))
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
    /* "1990s", "1970's", "'90s", "the 70s", "the 70's" */
    if (is_int(S, i) && (S->t[i].ndig == 4 || S->t[i].ndig == 2) && (int)S->t[i].val % 10 == 0) {
        int v = (int)S->t[i].val, e = 0;
        if (adj(S, i + 1) && is_w(S, i + 1, W_S))
            e = i + 2;
        else if (is_p(S, i + 1, '\'') && adj(S, i + 1) && is_w(S, i + 2, W_S) && adj(S, i + 2))
            e = i + 3;
        if (e && S->t[i].ndig == 4 && v >= 1000 && v <= 2990) {
            p->y = v, p->gran = NX_GRAN_DECADE;
            return e;
        }
        if (e && S->t[i].ndig == 2 && (is_p(S, i - 1, '\'') || is_w(S, i - 1, W_THE) || is_w(S, i - 1, W_IN))) {
            p->y = v < 30 ? 2000 + v : 1900 + v, p->gran = NX_GRAN_DECADE;
            return e;
        }
    }
    /* "the 20th century", "the twenty-first century" */
    {
        struct num r;
        if (number_parse(S, i, &r) && r.ordinal && r.v >= 1 && r.v <= 30 && (is_w(S, r.end, W_CENTURY))) {
            p->y = ((int)r.v - 1) * 100, p->gran = NX_GRAN_CENTURY;
            return r.end + 1;
        }
        /* "the first quarter of 2022", "third quarter" */
        if (number_parse(S, i, &r) && r.ordinal && r.v >= 1 && r.v <= 4 && is_w(S, r.end, W_QUARTER)) {
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
            pv == W_TILL || pv == W_THROUGH || pv == W_FROM || pv == W_BEFORE || pv == W_AFTER || pv == W_EARLY ||
            pv == W_LATE || pv == W_MID || pv == W_YEAR || pv == W_BETWEEN || (pv == W_AND && is_year_tok(S, i - 2)) ||
            (pv == W_TO && is_year_tok(S, i - 2)) || (is_p(S, i - 1, '-') && is_w(S, i - 2, W_MID))) {
            if (is_p(S, i + 1, '%') || wkind(S, i + 1) == K_SCALE || wkind(S, i + 1) == K_DUR) return 0;
            p->y = (int)S->t[i].val, p->gran = NX_GRAN_YEAR;
            return i + 1;
        }
    }
    return 0;
}

/* Write YYYY-MM-DD of day at p (years 0..9999); returns the end. */
static char *put_day(char *p, int32_t day)
{
    int y, m, d;
    cal_civil(day, &y, &m, &d);
    if (y < 0) y = 0;
    p = nx_put4(p, (unsigned)y % 10000);
    *p++ = '-';
    p = nx_put2(p, (unsigned)m);
    *p++ = '-';
    return nx_put2(p, (unsigned)d);
}

/* Format a resolved or partial date into x->value (TIMEX3-like). */
static void fmt_date(struct nx_expr *x)
{
    const struct nx_date *d = &x->date;
    char *v = x->value, *p = v;
    if (x->flags & NX_ANCHORED) {
        int y, m, dd;
        cal_civil(d->lo, &y, &m, &dd);
        if (y < 0) y = 0;
        if (x->flags & NX_OPEN) { /* "2021-12/..": from then on */
            p = put_day(p, d->lo);
            if (d->gran == NX_GRAN_MONTH)
                p = v + 7;
            else if (d->gran == NX_GRAN_YEAR)
                p = v + 4;
            memcpy(p, "/..", 4);
            return;
        }
        if ((x->flags & NX_RANGE) || (d->gran == NX_GRAN_DAY && d->lo != d->hi)) {
            p = put_day(p, d->lo);
            *p++ = '/';
            p = put_day(p, d->hi);
            *p = 0;
            return;
        }
        switch (d->gran) {
        case NX_GRAN_WEEK: {
            int iy, w = cal_iso_week(d->lo, &iy);
            p = nx_put4(p, (unsigned)iy % 10000);
            *p++ = '-', *p++ = 'W';
            p = nx_put2(p, (unsigned)w);
            break;
        }
        case NX_GRAN_MONTH: p = put_day(p, d->lo) - 3; break;
        case NX_GRAN_YEAR: p = put_day(p, d->lo) - 6; break;
        case NX_GRAN_QUARTER:
            p = nx_put4(p, (unsigned)y % 10000);
            *p++ = '-', *p++ = 'Q', *p++ = (char)('1' + (m - 1) / 3);
            break;
        case NX_GRAN_DECADE: p = nx_put_uint(p, (unsigned)y / 10 % 1000, 3), *p++ = 'X'; break;
        case NX_GRAN_CENTURY: p = nx_put_uint(p, (unsigned)y / 100 % 100, 2), *p++ = 'X', *p++ = 'X'; break;
        default: p = put_day(p, d->lo); break;
        }
        *p = 0;
        return;
    }
    /* what the text said: "XXXX-02-24", "XXXX-WXX-3", "XXXX-01" */
    if (d->year > 0)
        p = nx_put4(p, (unsigned)d->year % 10000);
    else
        memcpy(p, "XXXX", 4), p += 4;
    *p++ = '-';
    if (d->month && d->mday) {
        p = nx_put2(p, (unsigned)d->month % 100);
        *p++ = '-';
        p = nx_put2(p, (unsigned)d->mday % 100);
    } else if (d->mday) {
        memcpy(p, "XX-", 3), p += 3;
        p = nx_put2(p, (unsigned)d->mday % 100);
    } else if (d->weekday) {
        memcpy(p, "WXX-", 4), p += 4;
        *p++ = (char)('0' + d->weekday);
    } else if (d->month) {
        p = nx_put2(p, (unsigned)d->month % 100);
    } else if (d->gran == NX_GRAN_QUARTER) {
        memcpy(p, "QX", 2), p += 2;
    } else if (d->gran == NX_GRAN_WEEK) {
        memcpy(p, "WXX", 3), p += 3;
    } else if (d->gran == NX_GRAN_MONTH) {
        memcpy(p, "XX", 2), p += 2;
    } else if (d->gran == NX_GRAN_YEAR) {
        p--; /* "XXXX" */
    } else {
        memcpy(p, "XX-XX", 5), p += 5;
    }
    *p = 0;
}

/* Range ends: "to", "until", "through", "-", "and" (after between). */
static int range_sep(const struct scan *S, int j, int between)
{
    if (between) return is_w(S, j, W_AND) ? j + 1 : 0;
    if (is_w(S, j, W_TO) || is_w(S, j, W_UNTIL) || is_w(S, j, W_TILL) || is_w(S, j, W_THROUGH) || is_w(S, j, W_THRU) ||
        is_p(S, j, '-') || is_p(S, j, '~'))
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
            if (e2 && (!p2.wd || p2.d) && (p2.m || p2.d) && !p2.gran && !p2.nth)
                ok = 1;
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
            x->flags &= (uint16_t)~NX_ANCHORED;
            fmt_date(x);
            fmt_date(&x2);
            size_t la = strnlen(x->value, 23), lb = strnlen(x2.value, 23);
            x->value[la] = '/';
            memcpy(x->value + la + 1, x2.value, lb);
            x->value[la + 1 + lb] = 0;
        }
        return e;
    }
    /* "Wednesday evening", "Friday next week", "Sunday of next week" */
    if (p1.wd && !p1.d && !p1.m) {
        int j = e1;
        if (is_w(S, j, W_OF)) j++;
        if ((is_w(S, j, W_NEXT) || is_w(S, j, W_LAST) || is_w(S, j, W_THIS)) && is_w(S, j + 1, W_WEEK) && S->has_ref) {
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

/* "early March", "mid-2021", "late 2019": the first, middle or last half of the
 * month or year (halves rather than thirds: wide enough that two reports of one
 * event rarely fall apart), with NX_APPROX; "early Wednesday", "late Tuesday":
 * the day, morning or night. */
static int modified_date(const struct scan *S, int i, struct nx_expr *x)
{
    int id = wid(S, i), j = i + 1;
    if (id == W_MID && is_p(S, j, '-') && adj(S, j)) j++;
    int k = wkind(S, j);
    if (!(k == K_MONTH || k == K_MONTH_ABBR || k == K_WDAY || is_year_tok(S, j))) return 0;
    int e = date_item(S, j, 0, 0, x);
    if (!e || !(x->flags & NX_ANCHORED) || (x->flags & NX_RANGE)) return 0;
    struct nx_date *d = &x->date;
    if (d->gran == NX_GRAN_DAY && d->weekday && id != W_MID) {
        if (d->tod) return 0;
        d->tod = id == W_EARLY ? NX_TOD_MORNING : NX_TOD_NIGHT;
    } else if (d->gran == NX_GRAN_MONTH) {
        int y, m, dd;
        cal_civil(d->lo, &y, &m, &dd);
        int last = cal_month_days(y, m);
        if (id == W_EARLY)
            d->hi = cal_days(y, m, 15);
        else if (id == W_LATE)
            d->lo = cal_days(y, m, 16);
        else
            d->lo = cal_days(y, m, 8), d->hi = cal_days(y, m, last - 7);
    } else if (d->gran == NX_GRAN_YEAR) {
        int y, m, dd;
        cal_civil(d->lo, &y, &m, &dd);
        if (id == W_EARLY)
            d->hi = cal_days(y, 6, 30);
        else if (id == W_LATE)
            d->lo = cal_days(y, 7, 1);
        else
            d->lo = cal_days(y, 4, 1), d->hi = cal_days(y, 9, 30);
    } else {
        return 0;
    }
    x->flags |= NX_APPROX;
    return e;
}

/* Weeks inside a period: "the first week of March", "the last week of 2016",
 * "the third week of this month" (week n is the Monday-to-Sunday week holding
 * the period's n-th Thursday, as in ISO 8601); "the week of September 16th",
 * "the week beginning February 4"; and "the rest of the week/month/year". */
static int week_of(const struct scan *S, int i, struct nx_expr *x)
{
    int j = i, n = 0;
    if (is_w(S, j, W_THE)) j++;
    memset(x, 0, sizeof *x);
    x->kind = NX_DATE;
    if (is_w(S, j, W_REST) || is_w(S, j, W_REMAINDER) || is_w(S, j, W_REMAINING)) {
        int k = j + 1;
        if (is_w(S, k, W_OF)) k++;
        if (is_w(S, k, W_THE) || is_w(S, k, W_THIS) || is_w(S, k, W_MY)) k++;
        int u = wid(S, k);
        if (!(u == W_WEEK || u == W_MONTH || u == W_YEAR) || !S->has_ref) return 0;
        int32_t lo, hi;
        int gran;
        period_days(u, S->ref, 0, &lo, &hi, &gran);
        set_days(x, S->ref, hi, NX_GRAN_DAY);
        fmt_date(x);
        return k + 1;
    }
    struct num r;
    if (is_w(S, j, W_LAST))
        n = -1, j++;
    else if (number_parse(S, j, &r) && r.ordinal && r.v >= 1 && r.v <= 6)
        n = (int)r.v, j = r.end;
    if (!is_w(S, j, W_WEEK)) return 0;
    j++;
    if (!n) {
        /* "the week of September 16th", "the week beginning (on) February 4" */
        if (is_w(S, j, W_OF) || is_w(S, j, W_BEGINNING) || is_w(S, j, W_STARTING) || is_w(S, j, W_COMMENCING))
            j++;
        else
            return 0;
        if (is_w(S, j, W_ON)) j++;
        struct pdate p;
        int e = date_core(S, j, &p);
        if (!e || !p.d || p.gran) return 0;
        resolve(S, &p, tense_future(S, i, e), x);
        if (!(x->flags & NX_ANCHORED)) return 0;
        int32_t mon = week_start(x->date.lo);
        set_days(x, mon, mon + 6, NX_GRAN_WEEK);
        fmt_date(x);
        return e;
    }
    if (!is_w(S, j, W_OF) && !is_w(S, j, W_IN)) return 0;
    j++;
    int32_t p0, p1;
    int e, gran;
    int rn, re = rel_month(S, j - 1, &rn);
    if (re) {
        if (!S->has_ref) return 0;
        period_days(W_MONTH, S->ref, rn, &p0, &p1, &gran);
        e = re;
    } else if ((is_w(S, j, W_THIS) || is_w(S, j, W_NEXT) || is_w(S, j, W_LAST)) && is_w(S, j + 1, W_YEAR)) {
        if (!S->has_ref) return 0;
        period_days(W_YEAR, S->ref, is_w(S, j, W_NEXT) ? 1 : is_w(S, j, W_LAST) ? -1 : 0, &p0, &p1, &gran);
        e = j + 2;
    } else if (is_year_tok(S, j)) {
        int y = (int)S->t[j].val;
        p0 = cal_days(y, 1, 1), p1 = cal_days(y, 12, 31);
        e = j + 1;
    } else {
        struct pdate p;
        e = date_core(S, j, &p);
        if (!e || p.gran != NX_GRAN_MONTH) return 0;
        struct nx_expr mx;
        memset(&mx, 0, sizeof mx);
        resolve(S, &p, tense_future(S, i, e), &mx);
        if (!(mx.flags & NX_ANCHORED)) return 0;
        p0 = mx.date.lo, p1 = mx.date.hi;
        x->flags |= mx.flags & (NX_FUTURE | NX_RELATIVE);
    }
    int32_t mon;
    if (n > 0) {
        int32_t th = p0 + (4 - cal_weekday(p0) + 7) % 7;
        mon = th - 3 + 7 * (n - 1);
    } else {
        int32_t th = p1 - (cal_weekday(p1) - 4 + 7) % 7;
        mon = th - 3;
    }
    uint16_t keep = x->flags;
    set_days(x, mon, mon + 6, NX_GRAN_WEEK);
    x->flags |= keep;
    fmt_date(x);
    return e;
}

int timex_match_date(const struct scan *S, int i, struct cand *c)
{
    struct nx_expr x;
    int best = 0, bs = i;
    int id = wid(S, i);
    if (id == W_THE) { /* the commonest word: what can follow it in a date */
        int id1 = wid(S, i + 1), k1 = wkind(S, i + 1);
        if (!is_num(S, i + 1) && k1 != K_CARD && k1 != K_TENS && k1 != K_ORD && k1 != K_ORD_TENS && id1 != W_LAST &&
            id1 != W_PAST && id1 != W_NEXT && id1 != W_COMING && id1 != W_WEEKEND && id1 != W_DAY && id1 != W_REST &&
            id1 != W_REMAINDER && id1 != W_REMAINING && id1 != W_WEEK)
            return 0;
    }
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
    if (id == W_THE || id == W_WEEK || id == W_REST || id == W_REMAINDER || id == W_REMAINING || id == W_LAST ||
        ((wkind(S, i) == K_ORD || is_num(S, i)) && (is_w(S, i + 1, W_WEEK) || is_w(S, i + 2, W_WEEK)))) {
        int e = week_of(S, i, &x);
        if (e > best) {
            best = e, bs = i;
            c->x = x;
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
    if (id == W_EARLY || id == W_LATE || id == W_MID) {
        int e = modified_date(S, i, &x);
        if (e > best) {
            best = e, bs = i;
            c->x = x;
        }
    }
    /* "after 1997", "after March 2020": open from the end of a month or year */
    if (id == W_AFTER) {
        int e = date_item(S, i + 1, 0, 0, &x);
        if (e && (x.flags & NX_ANCHORED) && !(x.flags & NX_RANGE) &&
            (x.date.gran == NX_GRAN_MONTH || x.date.gran == NX_GRAN_YEAR) && e > best) {
            int32_t lo = x.date.hi + 1;
            int y, m, d;
            cal_civil(lo, &y, &m, &d);
            x.date.lo = lo;
            x.date.hi = S->has_ref && S->ref > lo ? S->ref : lo;
            x.date.year = (int16_t)y;
            x.date.month = (int8_t)(x.date.gran == NX_GRAN_MONTH ? m : 0);
            x.flags |= NX_OPEN;
            fmt_date(&x);
            best = e, bs = i;
            c->x = x;
        }
    }
    /* what a date or a period can start with (date_core, period_date, bare_day) */
    int k = wkind(S, i);
    if (is_num(S, i) || k == K_WDAY || k == K_WDAY_ABBR || k == K_MONTH || k == K_MONTH_ABBR || k == K_CARD ||
        k == K_TENS || k == K_ORD || k == K_ORD_TENS || id == W_THE || id == W_LAST || id == W_Q) {
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

int timex_match_time(const struct scan *S, int i, struct cand *c)
{
    int j = i, approx = 0, mins = -1, tod = 0;
    if (is_w(S, j, W_AROUND) || is_w(S, j, W_ABOUT) || is_w(S, j, W_APPROXIMATELY) || is_w(S, j, W_ROUGHLY) ||
        (is_w(S, j, W_JUST) && (is_w(S, j + 1, W_BEFORE) || is_w(S, j + 1, W_AFTER))))
        approx = 1, j += is_w(S, j, W_JUST) ? 2 : 1;
    int e = 0;
    int id = wid(S, j);
    if (id == W_NOON || id == W_MIDDAY)
        mins = 720, tod = NX_TOD_NOON, e = j + 1;
    else if (id == W_MIDNIGHT)
        mins = 0, tod = NX_TOD_MIDNIGHT, e = j + 1;
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
    char *v = x->value;
    *v++ = 'T';
    v = nx_put2(v, (unsigned)(mins / 60) % 100);
    *v++ = ':';
    v = nx_put2(v, (unsigned)(mins % 60));
    *v = 0;
    set_span(S, c, i, e);
    return 1;
}

static void fmt_duration(struct nx_expr *x, double n, int unit)
{
    const char *u = "S";
    int t = 1;
    double k = n;
    switch (unit) {
    case W_SECOND:
    case W_SECONDS:
    case W_SEC:
    case W_SECS: u = "S"; break;
    case W_MINUTE:
    case W_MINUTES:
    case W_MIN:
    case W_MINS: u = "M"; break;
    case W_HOUR:
    case W_HOURS:
    case W_HR:
    case W_HRS: u = "H"; break;
    case W_DAY:
    case W_DAYS: u = "D", t = 0; break;
    case W_WEEK:
    case W_WEEKS: u = "W", t = 0; break;
    case W_FORTNIGHT: u = "W", t = 0, k = n * 2; break;
    case W_MONTH:
    case W_MONTHS: u = "M", t = 0; break;
    case W_YEAR:
    case W_YEARS: u = "Y", t = 0; break;
    case W_DECADE:
    case W_DECADES: u = "Y", t = 0, k = n * 10; break;
    default: u = "Y", t = 0, k = n * 100; break;
    }
    char *p = x->value;
    *p++ = 'P';
    if (t) *p++ = 'T';
    nx_fmt_num(p, sizeof x->value - 3, k);
    p += strlen(p);
    *p++ = u[0];
    *p = 0;
}

int timex_match_duration(const struct scan *S, int i, struct cand *c)
{
    int hk = 0, j = number_hedge(S, i, &hk);
    /* "over three days", "under two years": during, within */
    if (is_w(S, i, W_OVER) || is_w(S, i, W_UNDER) || is_w(S, i, W_ABOVE) || is_w(S, i, W_BELOW)) j = 0;
    if (!j) j = i;
    double n;
    int ue;
    struct num r;
    if (is_w(S, j, W_HALF) && (is_w(S, j + 1, W_AN) || is_w(S, j + 1, W_A)) && wkind(S, j + 2) == K_DUR) {
        n = 0.5, ue = j + 2;
    } else if ((is_w(S, j, W_A) || is_w(S, j, W_AN)) && (wkind(S, j + 1) == K_DUR || is_w(S, j + 1, W_SECOND))) {
        /* "a week": only when it reads as a length of time */
        int after = wid(S, j + 2);
        int before = wid(S, j - 1);
        if (!(hk || (is_p(S, j + 2, '-') && adj(S, j + 2)) || after == W_LATER || after == W_EARLIER ||
              after == W_AFTER || after == W_BEFORE || after == W_LONG || before == W_FOR || before == W_WITHIN ||
              before == W_AFTER || before == W_IN || before == W_TOOK || before == W_LAST))
            return 0;
        n = 1, ue = j + 1;
    } else if (number_parse(S, j, &r) && !r.ordinal && r.v > 0) {
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
    else if (is_w(S, e, W_LONG) && !is_w(S, e + 1, W_AS))
        e++;
    double secs = n * WORD[unit].val;
    if (unit == W_SECOND) secs = n;
    /* "two hours and 17 minutes", "an hour, 20 minutes": a smaller clock
     * unit added to an hour or minute count */
    double extra = 0;
    int clock = unit == W_HOUR || unit == W_HOURS || unit == W_HR || unit == W_HRS || unit == W_MINUTE ||
                unit == W_MINUTES || unit == W_MIN || unit == W_MINS;
    if (clock && (is_w(S, e, W_AND) || is_p(S, e, ','))) {
        struct cand c2;
        if (timex_match_duration(S, e + 1, &c2) && c2.x.lo == c2.x.hi && c2.x.lo > 0 && c2.x.lo < WORD[unit].val &&
            c2.x.value[0] == 'P' && c2.x.value[1] == 'T') {
            extra = c2.x.lo;
            e = c2.end;
        }
    }
    struct nx_expr *x = &c->x;
    memset(x, 0, sizeof *x);
    x->kind = NX_DURATION;
    secs += extra;
    if (hk)
        number_apply_hedge(x, hk, secs);
    else
        x->lo = x->hi = secs;
    if (extra) {
        /* PT2H17M */
        long total = (long)(secs + 0.5), h = total / 3600, m = total % 3600 / 60, sec = total % 60;
        char *v = x->value;
        size_t room = sizeof x->value;
        int w = snprintf(v, room, "PT");
        if (h) w += snprintf(v + w, room - (size_t)w, "%ldH", h);
        if (m) w += snprintf(v + w, room - (size_t)w, "%ldM", m);
        if (sec) snprintf(v + w, room - (size_t)w, "%ldS", sec);
    } else {
        fmt_duration(x, n, unit);
    }
    set_span(S, c, hk ? i : j, e);
    return 1;
}
