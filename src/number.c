/* number.c - read numbers in English text: "1,234.5", "one hundred and forty",
 * "1.5 million", "two thirds", "21st", "12 per cent", "more than 1.5 million",
 * "between 20 and 30", "140 other". */
#include "number.h"

#include <math.h>
#include <string.h>

/* Cardinal in words starting at i: "one hundred and forty", "twenty-one",
 * "a dozen", "two million three hundred thousand".  Returns the end token or
 * -1.  Optional outputs: *pre_and, the value before the last "and" (-1 when
 * there is none: "one hundred and three quarters" is 100 + 3/4); *end_scale,
 * the scale word the number ends with ("one million" -> 1e6), else 0. */
static int parse_card_words(const struct scan *S, int i, double *out, double *pre_and, double *end_scale)
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
        } else if (k == K_HUNDRED || (id == W_HUNDREDS && any && (last == K_CARD || last == K_TENS) && cur < 100 &&
                                      !is_w(S, j + 1, W_OF))) {
            /* "five hundreds" is 500; "hundreds of" is vague (vague_quantity) */
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
        } else if (id == W_AND && any && last == K_TENS && wkind(S, j + 1) == K_CARD && WORD[wix(S, j + 1)].val >= 1 &&
                   WORD[wix(S, j + 1)].val <= 9 && is_w(S, j + 2, W_AND) && !is_w(S, j - 2, W_BETWEEN)) {
            /* "twenty and three and three fifths": the old "and" inside 23 */
            cur += WORD[wix(S, j + 1)].val;
            seg += WORD[wix(S, j + 1)].val;
            last = K_CARD;
            j += 2;
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
        if ((k == K_ORD && WORD[id].val >= 3) || k == K_ORD_TENS || k == K_ORD_SCALE) return WORD[id].val;
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
    if (WORD[id].kind == K_SCALE || id == W_HUNDRED)
        m = WORD[id].val;
    else if (id == W_BN || id == W_BLN || id == W_MN || id == W_MLN || id == W_MIL || id == W_TN || id == W_TLN ||
             id == W_LAKH || id == W_LAKHS || id == W_CRORE || id == W_CRORES)
        m = WORD[id].val;
    else if (ad && n == 1 && (w[0] == 'k' || w[0] == 'K'))
        m = 1e3;
    else if (ad && n == 1 && (w[0] == 'B' || w[0] == 'b'))
        m = 1e9;
    else if (ad && n == 1 && w[0] == 'G' && !(S->t[i].ndig == 1 && !(S->t[i].flags & (TF_DEC | TF_COMMA))))
        m = 1e9; /* "10G", "1.5G"; but "5G" and "4G" are network generations */
    else if (!ad && n == 1 && (w[0] == 'M' || w[0] == 'G' || w[0] == 'B') &&
             one_space(S->text + S->t[k - 1].e, S->t[k].s - S->t[k - 1].e) &&
             (k + 1 >= S->n || (S->t[k + 1].type == T_PUNCT && S->t[k + 1].id != '.' && S->t[k + 1].id != '-' &&
                                S->t[k + 1].id != '&' && S->t[k + 1].id != '\'')))
        m = w[0] == 'M' ? 1e6 : 1e9; /* "1,674.5 G" ending a clause */
    else if (ad && n == 1 && w[0] == 'M')
        m = 1e6;
    else if (ad && n == 2 && w[0] == 'M' && w[1] == 'M')
        m = 1e6;
    else if (n == 1 && (w[0] == 'k') && !ad && !(k + 1 < S->n && S->t[k + 1].type == T_WORD))
        m = 1e3;
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
    if (is_w(S, f, W_A) || is_w(S, f, W_AN))
        num = 1, fe = f + 1;
    else
        fe = parse_card_words(S, f, &num, NULL, NULL);
    if (fe <= 0) return 0;
    double d = denominator(S, fe, num);
    if (d <= 0) return 0;
    *frac = num / d;
    return fe + 1;
}

/* ==== Fractions with a compound denominator ==== */

/* The ordinal (or plural ordinal) word at k as a denominator: its value, with
 * *plural set; 0 when it is none. */
static double denom_word(const struct scan *S, int k, int *plural)
{
    int id = wid(S, k), kk = wkind(S, k);
    if (kk == K_DENOM_PL) return *plural = 1, WORD[id].val;
    if (kk == K_ORD || kk == K_ORD_TENS || kk == K_ORD_SCALE) return *plural = 0, WORD[id].val;
    return 0;
}

/* The cardinal in words exactly filling tokens [a, b) ("and" and hyphens
 * inside as parse_card_words reads them); -1 when it does not. */
static int card_exactly(const struct scan *S, int a, int b, double *v, double *pre_and)
{
    struct scan T = *S;
    T.n = b; /* parse_card_words cannot look past b */
    double dummy;
    return parse_card_words(&T, a, v, pre_and, &dummy) == b ? 0 : -1;
}

/* "three twenty-firsts" (3/21), "one hundred thirty fifths" (100/35), "one one
 * hundred and fifth" (1/105), "one hundred one thousand fifths" (100/1005): a
 * numerator and a denominator of several words, both in words.  The split
 * giving the longest denominator that is a well-formed ordinal wins; the
 * ordinal is plural unless the numerator is one.  Returns the end token and
 * the value in *out, or 0.  Single-word denominators are left to the caller. */
static int compound_fraction(const struct scan *S, int j, double *out)
{
    /* the run of number words from j, up to an ordinal */
    int m = j, plural = 0;
    double dv = 0;
    for (; m < S->n && m < j + 16; m++) {
        int k = wkind(S, m), id = wid(S, m);
        if ((dv = denom_word(S, m, &plural)) > 0) break;
        if (!(k == K_CARD || k == K_TENS || k == K_HUNDRED || k == K_SCALE || id == W_AND ||
              (is_p(S, m, '-') && m > j)))
            return 0;
    }
    if (dv <= 0 || m < j + 2) return 0;
    for (int sp = j + 1; sp < m; sp++) {
        /* denominator [sp, m]: count words, an optional "and" or hyphen, the ordinal */
        int k0 = wkind(S, sp);
        if ((k0 != K_CARD && k0 != K_TENS) || is_p(S, sp - 1, '-')) continue; /* "fifty-four" is one */
        int pe = m;
        if (is_p(S, pe - 1, '-') || is_w(S, pe - 1, W_AND)) pe--;
        double pre, pre_and;
        if (pe <= sp || card_exactly(S, sp, pe, &pre, &pre_and) != 0) continue;
        double den;
        if (dv < 20)
            den = (fmod(pre, 100) == 0 || (fmod(pre, 10) == 0 && dv < 10)) ? pre + dv : 0;
        else if (dv < 100)
            den = fmod(pre, 100) == 0 ? pre + dv : 0;
        else
            den = pre * dv;
        if (den <= 0) continue;
        /* numerator [j, sp) */
        int ne = sp;
        if (is_p(S, ne - 1, '-')) ne--;
        double num, num_and;
        if (ne <= j || card_exactly(S, j, ne, &num, &num_and) != 0) continue;
        if ((num == 1) == plural) continue;
        *out = num / den;
        return m + 1;
    }
    return 0;
}

/* Is the number at j one link of a chain of digit groups joined by hyphens
 * or after a "+" ("+1-222-2222", "555-0199"): a code, not a range? */
static int in_chain(const struct scan *S, int j)
{
    if (adj(S, j) && is_p(S, j - 1, '+')) return 1;
    if (adj(S, j) && is_p(S, j - 1, '-') && adj(S, j - 1) && is_num(S, j - 2)) return 1;
    return 0;
}

static int parse_number_at(const struct scan *S, int i, struct num *r);

/* Every matcher asks about the same few tokens: read each once. */
int number_parse(const struct scan *S, int i, struct num *r)
{
    if (i < 0 || i >= S->n) {
        memset(r, 0, sizeof *r);
        return 0;
    }
    struct num_memo *m = &S->memo[i];
    if (!m->state) m->state = (int8_t)(parse_number_at(S, i, &m->r) ? 2 : 1);
    *r = m->r;
    return m->state == 2;
}

/* The reading behind number_parse (see number.h). */
static int parse_number_at(const struct scan *S, int i, struct num *r)
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
        if (r->integer && j == first + 1 && !r->fraction && !in_chain(S, first)) {
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
    {
        double cf;
        int ce = compound_fraction(S, j, &cf);
        if (ce) {
            r->v = neg ? -cf : cf;
            r->fraction = 1;
            r->integer = 0;
            r->end = ce;
            return 1;
        }
    }
    /* "three lakh crore": Indian scales multiply */
    while (wid(S, e) == W_LAKH || wid(S, e) == W_LAKHS || wid(S, e) == W_CRORE || wid(S, e) == W_CRORES) {
        v *= WORD[wid(S, e)].val;
        e++;
        escale = 0;
    }
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
        /* "one hundred and three quarters" is 100 + 3/4, but "one hundred and
         * thirty fifths" 130/5: after "and", a proper fraction is added */
        if (d > 0 && pre >= 0 && post < 100 && post >= d && escale >= -1 && wkind(S, de + 1) != K_SCALE &&
            denominator(S, de, v) > 0)
            pre = -1;
        if (d > 0) {
            /* "five billion and three quarters": the fraction of the scale before "and" */
            if (pre >= 0 && post < 100) {
                /* "one billion and three quarters million": of the scale after */
                double sc = wkind(S, de + 1) == K_SCALE ? WORD[wix(S, de + 1)].val : (escale < 0 ? -escale : 1);
                if (wkind(S, de + 1) == K_SCALE) de++;
                v = pre + post / d * sc;
            } else {
                v = v / d;
            }
            e = de + 1;
            r->fraction = !(pre >= 0 && escale < -1);
            r->integer = 0;
        } else if ((fe = and_fraction(S, e, &fr))) {
            if (wkind(S, fe) == K_SCALE) { /* "one billion and a half million", "five and a half million" */
                if (escale > 0)
                    v += fr * WORD[wix(S, fe)].val;
                else
                    v = (v + fr) * WORD[wix(S, fe)].val;
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

/* Hedge words before a number: returns the first token after them, 0 if none.
 * *kind: 1 about, 2 nearly, 3 more than, 4 at least, 5 less than, 6 up to. */
int number_hedge(const struct scan *S, int i, int *kind)
{
    int id = wid(S, i), id1 = wid(S, i + 1), id2 = wid(S, i + 2);
    switch (id) {
    case W_ABOUT:
    case W_AROUND:
    case W_ROUGHLY:
    case W_APPROXIMATELY:
    case W_APPROX:
    case W_SOME: *kind = 1; return i + 1;
    case W_AN:
        if (id1 == W_ESTIMATED) {
            *kind = 1;
            return i + 2;
        }
        return 0;
    case W_ESTIMATED: *kind = 1; return i + 1;
    case W_NEARLY:
    case W_ALMOST: *kind = 2; return i + 1;
    case W_CLOSE:
        if (id1 == W_TO) {
            *kind = 2;
            return i + 2;
        }
        return 0;
    case W_JUST:
        if (id1 == W_UNDER || id1 == W_BELOW) {
            *kind = 2;
            return i + 2;
        }
        if (id1 == W_OVER || id1 == W_ABOVE) {
            *kind = 3;
            return i + 2;
        }
        return 0;
    case W_MORE:
    case W_GREATER:
        if (id1 == W_THAN) {
            *kind = 3;
            return i + 2;
        }
        return 0;
    case W_OVER:
    case W_ABOVE:
    case W_EXCEEDING: *kind = 3; return i + 1;
    case W_IN:
        if (id1 == W_EXCESS && id2 == W_OF) {
            *kind = 3;
            return i + 3;
        }
        return 0;
    case W_UPWARDS:
        if (id1 == W_OF) {
            *kind = 3;
            return i + 2;
        }
        return 0;
    case W_AT:
        if (id1 == W_LEAST) {
            *kind = 4;
            return i + 2;
        }
        if (id1 == W_MOST) {
            *kind = 6;
            return i + 2;
        }
        return 0;
    case W_NO:
        if ((id1 == W_FEWER || id1 == W_LESS) && id2 == W_THAN) {
            *kind = 4;
            return i + 3;
        }
        if (id1 == W_MORE && id2 == W_THAN) {
            *kind = 6;
            return i + 3;
        }
        return 0;
    case W_NOT:
        if (id1 == W_MORE && id2 == W_THAN) {
            *kind = 6;
            return i + 3;
        }
        if ((id1 == W_LESS || id1 == W_FEWER) && id2 == W_THAN) {
            *kind = 4;
            return i + 3;
        }
        return 0;
    case W_LESS:
    case W_FEWER:
        if (id1 == W_THAN) {
            *kind = 5;
            return i + 2;
        }
        return 0;
    case W_UNDER:
    case W_BELOW: *kind = 5; return i + 1;
    case W_UP:
        if (id1 == W_TO) {
            *kind = 6;
            return i + 2;
        }
        return 0;
    case W_AS:
        if ((id1 == W_MANY || id1 == W_MUCH) && id2 == W_AS) {
            *kind = 6;
            return i + 3;
        }
        return 0;
    default: return 0;
    }
}

/* Apply a hedge to an exact value v. */
void number_apply_hedge(struct nx_expr *x, int kind, double v)
{
    x->lo = x->hi = v;
    x->lo_open = x->hi_open = 0;
    switch (kind) {
    case 1:
        x->lo = v * 0.9;
        x->hi = v * 1.1;
        break;
    case 2:
        x->lo = v * 0.9;
        x->hi = v;
        x->hi_open = 1;
        break;
    case 3:
        x->lo = v;
        x->hi = INFINITY;
        x->lo_open = 1;
        break;
    case 4: x->hi = INFINITY; break;
    case 5:
        x->lo = 0;
        x->hi_open = 1;
        break;
    case 6: x->lo = 0; break;
    default: return;
    }
    if (x->lo > x->hi) {
        double t = x->lo;
        x->lo = x->hi;
        x->hi = t;
    }
    x->flags |= NX_APPROX;
}

/* "dozens of", "hundreds of", "tens of thousands of": a vague quantity, as an
 * interval with NX_APPROX: dozens [24, 144), hundreds [200, 1000), thousands
 * [2000, 10000), tens of U [20U, 100U), hundreds of U [200U, 1000U); millions
 * and billions alone are looser: [2U, 1000U). */
static int vague_quantity(const struct scan *S, int i, struct cand *c)
{
    int j = i;
    double mul = 1;
    if (is_w(S, j, W_TENS) && is_w(S, j + 1, W_OF))
        mul = 10, j += 2;
    else if (is_w(S, j, W_HUNDREDS) && is_w(S, j + 1, W_OF) &&
             (is_w(S, j + 2, W_THOUSANDS) || is_w(S, j + 2, W_MILLIONS) || is_w(S, j + 2, W_BILLIONS)))
        mul = 100, j += 2;
    double unit;
    switch (wid(S, j)) {
    case W_DOZENS: unit = 12; break;
    case W_HUNDREDS: unit = 100; break;
    case W_THOUSANDS: unit = 1e3; break;
    case W_MILLIONS: unit = 1e6; break;
    case W_BILLIONS: unit = 1e9; break;
    default: return 0;
    }
    if (!is_w(S, j + 1, W_OF) || (mul > 1 && unit < 1e3)) return 0;
    struct nx_expr *x = &c->x;
    memset(x, 0, sizeof *x);
    x->kind = NX_NUMBER;
    x->flags = NX_APPROX | NX_WORDS;
    x->lo = 2 * unit * mul;
    if (unit == 12)
        x->hi = 144;
    else if (mul == 1 && unit >= 1e6)
        x->hi = 1000 * unit;
    else
        x->hi = 10 * unit * mul;
    x->hi_open = 1;
    nx_fmt_num(x->value, sizeof x->value, x->lo);
    set_span(S, c, i, j + 1);
    return 1;
}

/* "percent of 10", "per cent of twenty-two": a percent named before its number. */
static int percent_of(const struct scan *S, int i, struct cand *c)
{
    int j = i;
    if (is_w(S, j, W_PERCENT) || is_w(S, j, W_PERCENTS))
        j++;
    else if (is_w(S, j, W_PER) && is_w(S, j + 1, W_CENT))
        j += 2;
    else
        return 0;
    struct num r;
    if (!is_w(S, j, W_OF) || !number_parse(S, j + 1, &r) || r.ordinal || is_num(S, i - 1) ||
        wkind(S, i - 1) == K_CARD || wkind(S, i - 1) == K_TENS)
        return 0;
    struct nx_expr *x = &c->x;
    memset(x, 0, sizeof *x);
    x->kind = NX_PERCENT;
    x->lo = x->hi = r.v;
    if (r.words) x->flags |= NX_WORDS;
    nx_fmt_num(x->value, sizeof x->value, r.v);
    set_span(S, c, i, r.end);
    return 1;
}

int number_match(const struct scan *S, int i, struct cand *c)
{
    if (vague_quantity(S, i, c)) return 1;
    if (percent_of(S, i, c)) return 1;
    int hk = 0, j = number_hedge(S, i, &hk);
    if (!j) j = i;
    /* digits glued to a name are part of it: "F-16", "Covid-19", "G7" */
    if (is_num(S, j) && j > 0 && adj(S, j) &&
        (S->t[j - 1].type == T_WORD ||
         (is_p(S, j - 1, '-') && adj(S, j - 1) && j > 1 && S->t[j - 2].type == T_WORD && !S->t[j - 2].id)))
        return 0;
    struct num r;
    if (!number_parse(S, j, &r)) return 0;
    /* "over three years" is a period of time, not a hedged number */
    if (hk && (is_w(S, i, W_OVER) || is_w(S, i, W_UNDER) || is_w(S, i, W_ABOVE) || is_w(S, i, W_BELOW)) &&
        (wkind(S, r.end) == K_DUR || (is_p(S, r.end, '-') && wkind(S, r.end + 1) == K_DUR)))
        return 0;
    /* "one over three", "2 out of 5": a ratio at the end of a clause */
    if (!hk && !r.ordinal && !r.fraction && r.v == floor(r.v)) {
        int k = r.end, out_of = 0;
        if (is_w(S, k, W_OVER))
            k++;
        else if (is_w(S, k, W_OUT) && is_w(S, k + 1, W_OF))
            k += 2, out_of = 1;
        else if (is_w(S, k, W_IN) && r.v >= 1 && r.v <= 10)
            k++, out_of = 2;
        struct num r2;
        /* "over" must end the clause ("$2000 over 3 years" is no ratio); "out of"
         * needs a part no larger than the whole; "1 in 5" a small part of a
         * whole that is no year and no length of time ("2 in 2020", "3 in 4 weeks") */
        if (k != r.end && number_parse(S, k, &r2) && !r2.ordinal && r2.v != 0 &&
            (out_of == 2 ? r.v < r2.v && r2.v == floor(r2.v) && !is_year_tok(S, k) && wkind(S, r2.end) != K_DUR &&
                               !is_p(S, r2.end, '%') && !is_w(S, r2.end, W_PERCENT) &&
                               !(is_p(S, r2.end, '-') && wkind(S, r2.end + 1) == K_DUR)
             : out_of ? r.v <= r2.v
                      : (r2.end >= S->n || S->t[r2.end].type == T_PUNCT))) {
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
        nx_fmt_num(x->value, sizeof x->value, r.v);
        set_span(S, c, j, e);
        return 1;
    }
    x->kind = NX_NUMBER;
    /* percent */
    if (is_p(S, e, '%') && adj(S, e)) {
        x->kind = NX_PERCENT;
        e++;
    } else if (is_w(S, e, W_PERCENT) || is_w(S, e, W_PCT) || is_w(S, e, W_PERCENTAGE) || is_w(S, e, W_PERCENTS)) {
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
            /* "+1-222-2222": digit groups of a code, not a range */
            ok = !in_chain(S, j) && !(is_p(S, k + 2, '-') && adj(S, k + 2) && is_num(S, k + 3));
        } else if ((is_w(S, k, W_TO) || is_w(S, k, W_THROUGH)) && is_num(S, j) && is_num(S, k + 1)) {
            ok = 1;
        }
        if (ok) {
            struct num r2;
            if (number_parse(S, k + 1, &r2) && !r2.ordinal && r2.v > v) {
                x->lo = v;
                x->hi = r2.v;
                x->flags |= NX_RANGE;
                e = r2.end;
                if (is_p(S, e, '%') && adj(S, e)) {
                    x->kind = NX_PERCENT;
                    e++;
                } else if (is_w(S, e, W_PERCENT)) {
                    x->kind = NX_PERCENT;
                    e++;
                }
                if (ok == 2) rs = j - 1;
                nx_fmt_num(x->value, sizeof x->value, v);
                size_t l = strlen(x->value);
                x->value[l++] = '/';
                nx_fmt_num(x->value + l, sizeof x->value - l, r2.v);
                if (is_w(S, e, W_OTHER)) x->flags |= NX_OTHER;
                set_span(S, c, rs, e);
                return 1;
            }
        }
    }
    if (r.fraction) x->flags |= 0;
    int start = j;
    if (hk) {
        number_apply_hedge(x, hk, v);
        start = i;
    } else if (is_w(S, e, W_OR) && is_w(S, e + 1, W_MORE)) {
        number_apply_hedge(x, 4, v);
        e += 2;
    } else if (is_w(S, e, W_AND) && is_w(S, e + 1, W_MORE)) {
        number_apply_hedge(x, 4, v);
        e += 2;
    } else if (is_w(S, e, W_OR) && is_w(S, e + 1, W_SO)) {
        number_apply_hedge(x, 1, v);
        e += 2;
    } else if (is_w(S, e, W_PLUS) && !is_num(S, e + 1) && wkind(S, e + 1) != K_CARD) {
        number_apply_hedge(x, 4, v);
        e += 1;
    } else {
        x->lo = x->hi = v;
    }
    if (is_w(S, e, W_OTHER) || is_w(S, e, W_OTHERS)) x->flags |= NX_OTHER;
    nx_fmt_num(x->value, sizeof x->value, v);
    set_span(S, c, start, e);
    return 1;
}
