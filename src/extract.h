/* extract.h - from a document to claims: sentences, mentions, expressions,
 * extractor patterns, modality and attribution.
 *
 * An extract_ctx holds one thread's matching state (PCRE2 match data, JIT
 * stack, scratch arrays); the rule set is shared read-only. */
#ifndef CC_EXTRACT_H
#define CC_EXTRACT_H

#include "claim.h"
#include "diag.h"
#include "document.h"
#include "rules.h"

struct extract_ctx;

struct extract_stats {
    size_t sentences, boilerplate, matches, claims, limit_hits;
};

/* Owned; free with extract_ctx_free. */
struct extract_ctx *extract_ctx_new(const struct ruleset *rs);
void extract_ctx_free(struct extract_ctx *x);
const struct extract_stats *extract_stats(const struct extract_ctx *x);

/* Extract the claims of doc (which must not be skipped) into out, with
 * document index docidx.  Rules that hit the PCRE2 match limits are reported
 * in d (rule id and document) and skipped for that sentence.  Returns the
 * number of claims added. */
size_t extract_document(struct extract_ctx *x, const struct document *doc, uint32_t docidx, struct claimset *out,
                        struct diag *d);

#endif
