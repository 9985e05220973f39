/* pattern_start.h - where every match of an extractor's pattern starts.
 *
 * A pattern such as '{NOT_OBJECT}(?<who>{ACTOR})\s+offered' can only match
 * where the lexicon or the normalizer found something of the classes of its
 * first macro: lookarounds before it consume nothing.  Knowing those classes,
 * the extractor is tried at those offsets alone (anchored) instead of PCRE2
 * scanning every offset of the sentence and calling out at each word.
 *
 * A pattern may open with sentence guards, the idiom
 *   (?:^(?!BODY)(*COMMIT)(*FAIL)|)
 * that ends the search at offset 0 when the sentence lacks BODY.  Tried at
 * other offsets, a guard matches empty, so the caller runs the guards alone
 * at offset 0 first (their length is returned in *guard).  That is also
 * how a searched pattern gives up early on most sentences: the guards alone
 * can be searched for (pattern_guard_search).
 *
 * The analysis is conservative.  Anything it does not follow (anchors, \K,
 * backtracking verbs, backreferences, recursion, conditionals, (?x), a macro
 * it cannot see) makes the answer 0: "may start anywhere", and the pattern
 * is searched as before.
 */
#ifndef CROSSCHECK_PATTERN_START_H
#define CROSSCHECK_PATTERN_START_H

#include <stddef.h>

/* How the analysis sees a {NAME}: returns 1 for an annotation macro (its
 * classes in *classes), 2 for a pattern macro (its text in *text, owned by
 * the caller), 0 for an unknown name. */
typedef int (*pattern_macro_fn)(void *ctx, const char *name, unsigned *classes, const char **text);

/* The annotation classes one of which every match of pattern starts with,
 * or 0 when a match may start elsewhere (or the analysis cannot tell).
 * *guard: the length of the leading sentence guards (0: none), whatever
 * the answer. */
unsigned pattern_start_classes(const char *pattern, pattern_macro_fn look, void *ctx, size_t *guard);

/* When the guards (the first guard bytes of pattern) are one guard whose
 * body opens with [\s\S]*?, the rest of that body (its length in *len): the
 * guard passes when a search of the sentence finds it, which is quicker
 * than PCRE2 trying it lazily at each offset.  NULL otherwise. */
const char *pattern_guard_search(const char *pattern, size_t guard, pattern_macro_fn look, void *ctx, size_t *len);

#endif
