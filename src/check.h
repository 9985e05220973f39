/* check.h - the consistency engine: group claims by key through a Judy index,
 * tell events apart, and turn disagreeing values into findings.
 *
 * Claims are never compared all against all: each check indexes the claims of
 * its kind by the key fields, and only claims of one key (and one event) meet. */
#ifndef CC_CHECK_H
#define CC_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "claim.h"
#include "rules.h"

struct finding {
    const struct check *check;
    int severity;     /* enum diag_level, after modality adjustments */
    char *message;    /* owned */
    uint32_t *claims; /* owned: indexes into the claimset, side by side */
    int *side;        /* owned: side of each claim (0, 1, ...) */
    size_t nclaims;
    int nsides;
    uint32_t primary; /* the claim the finding is reported at */
    int involves_draft;
    char fingerprint[17]; /* stable id of the finding: check, key and sides */
};

struct findings {
    struct finding *v;
    size_t n, cap;
};

/* 1 when two values of field type t agree under comparator cmp. */
int value_agrees(const struct value *a, const struct value *b, int type, int cmp);
/* 1 when two dates can be the same day(s): overlapping days, or a weekday,
 * month or day of month that does not contradict the other. */
int date_compatible(const struct value *a, const struct value *b);

/* Group the claims of each kind by their key and split each group into
 * events (see the kind's `when` and `details`); sets claim->event and
 * claim->event_why.  check_run calls it. */
void check_events(const struct ruleset *rs, struct claimset *cs);
/* Run every check of rs over cs; findings are appended to out, sorted worst
 * first, then by location.  Sets claim->event ids.  Returns 0. */
int check_run(const struct ruleset *rs, struct claimset *cs, struct findings *out);
/* Keep only findings that involve a draft document. */
void findings_only_drafts(struct findings *f);
/* Number of findings at or above level. */
size_t findings_count_at(const struct findings *f, int level);
void findings_free(struct findings *f);

#endif
