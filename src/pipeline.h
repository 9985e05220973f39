/* pipeline.h - what extract and check share: loading the rules, walking the
 * corpus and extracting claims document by document. */
#ifndef CC_PIPELINE_H
#define CC_PIPELINE_H

#include <stdio.h>

#include "claim.h"
#include "diag.h"
#include "document.h"
#include "rules.h"

struct rule_opts {
    char **rules;   /* --rules: replace the built-in rules (borrowed) */
    size_t nrules;
    char **extra;   /* --extra-rules: add to them */
    size_t nextra;
};

/* Load and compile the rules; diagnostics go to d.  Returns the rule set
 * (owned) or NULL on errors. */
struct ruleset *pipeline_rules(const struct rule_opts *o, struct diag *d);

/* Called after each document's claims were added to cs (index doc). */
typedef void (*doc_done_fn)(struct claimset *cs, uint32_t doc, void *arg);

/* Walk inputs, extract claims into cs; is_draft marks the documents as
 * drafts.  Diagnostics are printed to err as they arise (colour when asked).
 * Returns the number of documents read (skipped ones included). */
size_t pipeline_extract(const struct ruleset *rs, char *const *inputs, size_t n, const struct doc_opts *dopt,
                        int is_draft, struct claimset *cs, FILE *err, int color, doc_done_fn done, void *arg);

/* Shared option helpers. */
int parse_date_opt(const char *s, int32_t *day);
int stderr_color(void);

#endif
