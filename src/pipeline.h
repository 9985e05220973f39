/* pipeline.h - what extract and check share: loading the rules, walking the
 * corpus and extracting claims document by document, on every core.
 *
 * The corpus is walked in one thread; documents are extracted by worker
 * threads (one extract_ctx each) and their claims merged back in walk order,
 * so the claim set is the same whatever the number of threads.  A document's
 * text is freed as soon as its claims are extracted: memory grows with the
 * claims, not with the corpus. */
#ifndef CC_PIPELINE_H
#define CC_PIPELINE_H

#include <stdio.h>

#include "claim.h"
#include "diag.h"
#include "document.h"
#include "rules.h"

struct rule_opts {
    char **rules; /* --rules: replace the built-in rules (borrowed) */
    size_t nrules;
    char **extra; /* --extra-rules: add to them */
    size_t nextra;
};

struct extract_opts {
    int jobs;         /* worker threads; 0 or 1: extract in the calling thread */
    unsigned slice_k; /* --slice K/N: only the documents whose walk index i has */
    unsigned slice_n; /* i % N == K (slice_n 0: every document) */
};

/* Load and compile the rules; diagnostics go to d.  Returns the rule set
 * (owned) or NULL on errors. */
struct ruleset *pipeline_rules(const struct rule_opts *o, struct diag *d);

/* Called in walk order after each document's claims were added to cs (index
 * doc in cs; seq: the document's index in the walk, slices included). */
typedef void (*doc_done_fn)(struct claimset *cs, uint32_t doc, unsigned seq, void *arg);

/* Walk inputs, extract claims into cs; is_draft marks the documents as
 * drafts.  Diagnostics are printed to err in walk order (colour when asked).
 * xo may be NULL (one thread, every document).  Returns the number of
 * documents read (skipped ones included, those outside the slice not). */
size_t pipeline_extract(const struct ruleset *rs, char *const *inputs, size_t n, const struct doc_opts *dopt,
                        const struct extract_opts *xo, int is_draft, struct claimset *cs, FILE *err, int color,
                        doc_done_fn done, void *arg);

/* The default for -j: the number of online processors (at least 1). */
int pipeline_default_jobs(void);
/* Parse a -j argument (1..1024); -1 when it is not one. */
int parse_jobs_opt(const char *s);
/* Parse --slice K/N (0 <= K < N); 0 or -1. */
int parse_slice_opt(const char *s, unsigned *k, unsigned *n);

/* Shared option helpers. */
/* Append arg to v (of n, at most max): on overflow print "crosscheck: CMD:
 * too many OPT options" and return -1 -- dropping one would check part of a
 * corpus and pass. */
int push_opt(char **v, size_t *n, size_t max, const char *cmd, const char *opt, char *arg);
int parse_date_opt(const char *s, int32_t *day);
int stderr_color(void);

#endif
