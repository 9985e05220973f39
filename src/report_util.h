/* report_util.h - internal to the reporters: the per-format writers and the
 * small helpers they share (severity names, counts, claim positions).
 *
 * Every writer takes the claimset (all claims and documents, borrowed) and the
 * findings (borrowed), writes one complete document to out and returns
 * nothing; write errors are left in out's error flag for the caller. */
#ifndef CC_REPORT_UTIL_H
#define CC_REPORT_UTIL_H

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "claim.h"
#include "diag.h"
#include "utf8.h"

/* SARIF 2.1.0 log: one run, a rule per check that fired, a result per finding. */
void report_sarif(FILE *out, const struct claimset *cs, const struct findings *f);
/* reviewdog Diagnostic Format: rdjson (one DiagnosticResult) when lines is 0,
 * rdjsonl (one Diagnostic a line) otherwise. */
void report_rdjson(FILE *out, const struct claimset *cs, const struct findings *f, int lines);
/* Markdown for a pull-request comment: summary heading, a table per finding. */
void report_markdown(FILE *out, const struct claimset *cs, const struct findings *f);
/* One self-contained HTML page: documents, findings, timelines (inline SVG). */
void report_html(FILE *out, const struct claimset *cs, const struct findings *f);

static inline const char *rep_sev_name(int s)
{
    return diag_level_name((enum diag_level)s);
}

/* Skipped documents and findings per severity (sev has 3 slots, by diag_level). */
static inline void rep_counts(const struct claimset *cs, const struct findings *f, size_t *skipped, size_t *sev)
{
    *skipped = 0;
    for (size_t i = 0; i < cs->ndocs; i++) *skipped += cs->docs[i].skip != NULL;
    sev[0] = sev[1] = sev[2] = 0;
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].severity >= 0 && f->v[i].severity <= 2) sev[f->v[i].severity]++;
}

/* The byte offsets [*a, *b) of the claim's match inside its sentence; 0 when
 * the span does not lie inside the sentence (then nothing can be derived). */
static inline int rep_span_in_sentence(const struct claim *c, size_t *a, size_t *b)
{
    if (!c->sentence || c->start < c->sent_start || c->end < c->start) return 0;
    size_t n = strlen(c->sentence);
    *a = c->start - c->sent_start;
    *b = c->end - c->sent_start;
    return *b <= n;
}

/* The claim's start column: in code points (as stored), or in bytes.  The
 * byte column counts multi-byte characters of the sentence's part of the
 * line; text of the line before the sentence is taken to be ASCII. */
static inline unsigned rep_col(const struct claim *c, int in_bytes)
{
    size_t a, b;
    if (!in_bytes || !rep_span_in_sentence(c, &a, &b)) return c->col;
    size_t q = a;
    while (q > 0 && c->sentence[q - 1] != '\n') q--;
    return c->col + (unsigned)((a - q) - utf8_count(c->sentence + q, a - q));
}

/* Where the claim's match ends (exclusive), as a line and a 1-based column
 * counted in code points (bytes when in_bytes).  Returns 0 when unknown. */
static inline int rep_end_pos(const struct claim *c, int in_bytes, unsigned *line, unsigned *col)
{
    size_t a, b;
    if (!rep_span_in_sentence(c, &a, &b) || c->line == 0) return 0;
    const char *s = c->sentence;
    size_t from = a, nl = 0;
    for (size_t i = a; i < b; i++)
        if (s[i] == '\n') {
            nl++;
            from = i + 1;
        }
    size_t w = in_bytes ? b - from : utf8_count(s + from, b - from);
    *line = c->line + (unsigned)nl;
    if (nl)
        *col = (unsigned)w + 1;
    else
        *col = rep_col(c, in_bytes) + (unsigned)w;
    return 1;
}

/* Side letter of side s: A, B, ... */
static inline char rep_side(int s)
{
    return (char)('A' + (s % 26));
}

/* "side B: 141 (asserted, per the Kremlin)" for claim i of finding fd, with
 * "; draft" when it comes from a draft. */
static inline void rep_claim_note(struct buf *b, const struct claimset *cs, const struct finding *fd, size_t i)
{
    const struct claim *c = &cs->v[fd->claims[i]];
    int cmp = fd->check->compare;
    buf_printf(b, "side %c: ", rep_side(fd->side[i]));
    value_format(b, claim_field(c, cmp), fd->check->kind->fields[cmp].type);
    buf_printf(b, " (%s", modality_name(c->modality));
    if (c->attribution) buf_printf(b, ", per %s", c->attribution);
    if (cs->docs[c->doc].is_draft) buf_puts(b, "; draft");
    buf_putc(b, ')');
}

/* Flush b to out when it grew past a few pages, so big reports stream. */
static inline void rep_flush(FILE *out, struct buf *b, int force)
{
    if (b->len && (force || b->len > 1 << 16)) {
        fwrite(b->s, 1, b->len, out);
        buf_reset(b);
    }
}

#endif
