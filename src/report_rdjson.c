/* report_rdjson.c - findings in reviewdog's Diagnostic Format (rdjson, rdjsonl).
 *
 * Field names follow reviewdog's proto/rdf/reviewdog.proto and its JSON
 * schemas (DiagnosticResult, Diagnostic, RelatedLocation).  Columns there are
 * 1-based byte counts in UTF-8, and range ends are exclusive. */
#include <string.h>

#include "report_util.h"

static void jstr(struct buf *b, const char *s)
{
    if (s)
        buf_json_str(b, s, strlen(s));
    else
        buf_puts(b, "null");
}

static const char *severity(int sev)
{
    return sev == DIAG_ERROR ? "ERROR" : sev == DIAG_WARNING ? "WARNING" : "INFO";
}

/* {"path":...,"range":{"start":{...},"end":{...}}} of a claim's match. */
static void location(struct buf *b, const struct claimset *cs, const struct claim *c)
{
    buf_puts(b, "{\"path\":");
    jstr(b, cs->docs[c->doc].path);
    buf_printf(b, ",\"range\":{\"start\":{\"line\":%u,\"column\":%u}", c->line ? c->line : 1,
               c->col ? rep_col(c, 1) : 1);
    unsigned el, ec;
    if (rep_end_pos(c, 1, &el, &ec)) buf_printf(b, ",\"end\":{\"line\":%u,\"column\":%u}", el, ec);
    buf_puts(b, "}}");
}

static void diagnostic(struct buf *b, const struct claimset *cs, const struct finding *fd)
{
    buf_puts(b, "{\"message\":");
    jstr(b, fd->message);
    buf_puts(b, ",\"location\":");
    location(b, cs, &cs->v[fd->primary]);
    buf_printf(
        b, ",\"severity\":\"%s\",\"source\":{\"name\":\"crosscheck\"},\"code\":{\"value\":", severity(fd->severity));
    jstr(b, fd->check->id);
    buf_puts(b, "},\"related_locations\":[");
    int first = 1;
    for (int s = 0; s < fd->nsides; s++)
        for (size_t i = 0; i < fd->nclaims; i++) {
            if (fd->side[i] != s || fd->claims[i] == fd->primary) continue;
            if (!first) buf_putc(b, ',');
            first = 0;
            struct buf m = {0};
            rep_claim_note(&m, cs, fd, i);
            buf_puts(b, "{\"message\":");
            jstr(b, m.s);
            buf_free(&m);
            buf_puts(b, ",\"location\":");
            location(b, cs, &cs->v[fd->claims[i]]);
            buf_putc(b, '}');
        }
    buf_puts(b, "]}");
}

void report_rdjson(FILE *out, const struct claimset *cs, const struct findings *f, int lines)
{
    struct buf b = {0};
    if (lines) {
        for (size_t i = 0; i < f->n; i++) {
            diagnostic(&b, cs, &f->v[i]);
            buf_putc(&b, '\n');
            rep_flush(out, &b, 0);
        }
    } else {
        int worst = -1;
        for (size_t i = 0; i < f->n; i++)
            if (f->v[i].severity > worst) worst = f->v[i].severity;
        buf_puts(&b, "{\"source\":{\"name\":\"crosscheck\"}");
        if (worst >= 0) buf_printf(&b, ",\"severity\":\"%s\"", severity(worst));
        buf_puts(&b, ",\"diagnostics\":[");
        for (size_t i = 0; i < f->n; i++) {
            buf_puts(&b, i ? ",\n  " : "\n  ");
            diagnostic(&b, cs, &f->v[i]);
            rep_flush(out, &b, 0);
        }
        buf_puts(&b, "]}\n");
    }
    rep_flush(out, &b, 1);
    buf_free(&b);
}
