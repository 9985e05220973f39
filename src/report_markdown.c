/* report_markdown.c - findings as Markdown for a pull-request comment. */
#include <string.h>

#include "report_util.h"

/* Text for a table cell or a heading: Markdown and HTML punctuation
 * backslash-escaped (so "|" cannot end a cell and "<b>" stays text), line
 * breaks and tabs folded into spaces. */
static void md_text(struct buf *b, const char *s)
{
    if (!s) return;
    for (; *s; s++) {
        if (*s == '\r' && s[1] == '\n') continue;
        if (*s == '\n' || *s == '\r' || *s == '\t')
            buf_putc(b, ' ');
        else if (strchr("\\`*_[]<>|#~!&", *s))
            buf_printf(b, "\\%c", *s);
        else
            buf_putc(b, *s);
    }
}

static void md_finding(struct buf *b, const struct claimset *cs, const struct finding *fd)
{
    const struct check *ck = fd->check;
    int cmp = ck->compare, t = ck->kind->fields[cmp].type;
    buf_printf(b, "### %s: ", rep_sev_name(fd->severity));
    md_text(b, fd->message);
    buf_puts(b, " [");
    md_text(b, ck->id);
    buf_puts(b, "]\n\n");
    buf_puts(b, "| side | value | source | location | sentence |\n| --- | --- | --- | --- | --- |\n");
    for (int s = 0; s < fd->nsides; s++)
        for (size_t i = 0; i < fd->nclaims; i++) {
            if (fd->side[i] != s) continue;
            const struct claim *c = &cs->v[fd->claims[i]];
            const struct docinfo *d = &cs->docs[c->doc];
            buf_printf(b, "| %c%s | ", rep_side(s), d->is_draft ? " (draft)" : "");
            struct buf v = {0};
            value_format(&v, claim_field(c, cmp), t);
            if (c->modality != MOD_ASSERTED) buf_printf(&v, ", %s", modality_name(c->modality));
            if (c->attribution) buf_printf(&v, ", per %s", c->attribution);
            md_text(b, v.s);
            buf_free(&v);
            buf_puts(b, " | ");
            if (d->source) md_text(b, d->source);
            buf_puts(b, " | ");
            md_text(b, d->path);
            buf_printf(b, ":%u:%u | ", c->line, c->col);
            md_text(b, c->sentence);
            buf_puts(b, " |\n");
        }
    buf_putc(b, '\n');
}

void report_markdown(FILE *out, const struct claimset *cs, const struct findings *f)
{
    struct buf b = {0};
    size_t skipped, sev[3];
    rep_counts(cs, f, &skipped, sev);
    buf_printf(&b, "## crosscheck: %zu finding%s (%zu error%s, %zu warning%s, %zu note%s)\n\n", f->n,
               f->n == 1 ? "" : "s", sev[DIAG_ERROR], sev[DIAG_ERROR] == 1 ? "" : "s", sev[DIAG_WARNING],
               sev[DIAG_WARNING] == 1 ? "" : "s", sev[DIAG_NOTE], sev[DIAG_NOTE] == 1 ? "" : "s");
    buf_printf(&b, "%zu document%s (%zu skipped), %zu claim%s.", cs->ndocs, cs->ndocs == 1 ? "" : "s", skipped, cs->n,
               cs->n == 1 ? "" : "s");
    if (f->n == 0) buf_puts(&b, " No disagreement found.");
    buf_puts(&b, "\n\n");
    if (skipped) {
        buf_puts(&b, "Skipped documents:\n\n");
        for (size_t i = 0; i < cs->ndocs; i++) {
            if (!cs->docs[i].skip) continue;
            buf_puts(&b, "- ");
            md_text(&b, cs->docs[i].path);
            buf_puts(&b, ": ");
            md_text(&b, cs->docs[i].skip);
            buf_putc(&b, '\n');
        }
        buf_putc(&b, '\n');
    }
    for (size_t i = 0; i < f->n; i++) {
        md_finding(&b, cs, &f->v[i]);
        rep_flush(out, &b, 0);
    }
    rep_flush(out, &b, 1);
    buf_free(&b);
}
