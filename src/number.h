/* number.h - numbers in English text: digits, words, scales, fractions,
 * ordinals, percents, and the hedges that make them intervals. */
#ifndef CC_NUMBER_H
#define CC_NUMBER_H

#include "nx_scan.h"

struct num {
    double v;
    int end;   /* token after the number */
    int words; /* written (partly) in words */
    int ordinal;
    int fraction;
    int integer; /* a whole number without scale words */
};

/* A number's reading, remembered per token (struct scan's memo). */
struct num_memo {
    int8_t state; /* 0 not parsed, 1 no number, 2 a number */
    struct num r;
};

/* The number starting at token i, in digits or words with its scale ("1.5
 * million", "3rd", "twenty-first", "two thirds", "one and a half"): returns 1
 * and fills *r, or 0.  Results are memoized in S->memo. */
int number_parse(const struct scan *S, int i, struct num *r);

/* Hedge words at token i ("about", "more than", "at least"): returns the
 * token after them and sets *kind (1 about, 2 nearly, 3 more than, 4 at least,
 * 5 less than, 6 up to), or 0 when there is none. */
int number_hedge(const struct scan *S, int i, int *kind);

/* Set x's interval for value v under hedge kind (see normalize.c). */
void number_apply_hedge(struct nx_expr *x, int kind, double v);

/* A cardinal, ordinal or percent (with its hedge or range) starting at token i. */
int number_match(const struct scan *S, int i, struct cand *c);

#endif
