/* pattern_shape.h - what every match of an extractor's pattern needs.
 *
 * A pattern such as '{NOT_OBJECT}(?<who>{ACTOR})\s+offered' can only match
 * where the lexicon or the normalizer found something of the classes of its
 * first macro: lookarounds before it consume nothing.  Knowing those classes,
 * the extractor is tried at those offsets alone (anchored) instead of PCRE2
 * scanning every offset of the sentence and calling out at each word.
 *
 * Whatever its start, a pattern that cannot match without a {NUMBER} cannot
 * match a sentence in which the normalizer found no number: the annotation
 * classes it needs are a test before PCRE2 runs at all.
 *
 * A pattern may open with sentence guards, the idiom
 *   (?:^(?!BODY)(*COMMIT)(*FAIL)|)
 * that ends the search at offset 0 when the sentence lacks BODY.  Tried at
 * other offsets, a guard matches empty, so the caller runs the guards alone
 * at offset 0 first.  That is also how a searched pattern gives up early on
 * most sentences: the guards alone can be searched for
 * (pattern_guard_search).
 *
 * The analysis is conservative.  A construct that acts on where a match
 * starts (anchors, \K, backtracking verbs, backreferences) makes the start
 * unknown; one it does not follow (conditionals, (?x), \Q, (*ACCEPT), a
 * macro it cannot see or that does not balance) makes everything unknown:
 * the pattern is then searched, and run on every sentence it is triggered
 * on, as written.
 */
#ifndef CROSSCHECK_PATTERN_SHAPE_H
#define CROSSCHECK_PATTERN_SHAPE_H

#include <stddef.h>

/* How the analysis sees a {NAME}: returns 1 for an annotation macro (its
 * classes in *classes), 2 for a pattern macro (its text in *text, owned by
 * the caller), 0 for an unknown name. */
typedef int (*pattern_macro_fn)(void *ctx, const char *name, unsigned *classes, const char **text);

#define PATTERN_NEEDS 8

struct pattern_shape {
    /* the annotation classes one of which every match starts at; 0: a
     * match may start elsewhere, or the analysis cannot tell */
    unsigned start;
    /* the length of the pattern's leading sentence guards (0: none) */
    size_t guard;
    /* every match spans an annotation of classes in need[i] & ... for each
     * i < nneed (a mandatory macro each; more are not kept) */
    unsigned need[PATTERN_NEEDS];
    int nneed;
};

void pattern_shape(const char *pattern, pattern_macro_fn look, void *ctx, struct pattern_shape *out);

/* When the guards (the first guard bytes of pattern) are one guard whose
 * body opens with [\s\S]*?, the rest of that body (its length in *len): the
 * guard passes when a search of the sentence finds it, which is quicker
 * than PCRE2 trying it lazily at each offset.  NULL otherwise. */
const char *pattern_guard_search(const char *pattern, size_t guard, pattern_macro_fn look, void *ctx, size_t *len);

#endif
