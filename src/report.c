/* report.c - findings as compiler-style text, JSON and JSON lines. */
#include "report.h"

#include <string.h>

#include "buf.h"
#include "diag.h"
#include "report_util.h"
#include "utf8.h"

static const char *const format_names[FMT_COUNT] = {"text",   "json",    "jsonl",    "sarif",
                                                    "rdjson", "rdjsonl", "markdown", "html"};

int report_format_parse(const char *name)
{
    for (int i = 0; i < FMT_COUNT; i++)
        if (strcmp(format_names[i], name) == 0) return i;
    return -1;
}

const char *report_format_names(void)
{
    return "text, json, jsonl, sarif, rdjson, rdjsonl, markdown, html";
}

static const char *sev_name(int s)
{
    return diag_level_name((enum diag_level)s);
}

/* ==== Text ==== */

/* The sentence, cut at about 240 bytes on a character boundary. */
static void quote(struct buf *b, const char *s)
{
    size_t n = strlen(s), cut = n;
    if (n > 240) {
        cut = 240;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
    }
    for (size_t i = 0; i < cut; i++) buf_putc(b, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    if (cut < n) buf_puts(b, "...");
}

static void text_finding(struct buf *b, const struct claimset *cs, const struct finding *f, const struct report_opts *o)
{
    const struct claim *p = &cs->v[f->primary];
    const struct docinfo *pd = &cs->docs[p->doc];
    const char *on = "", *off = "", *bold = "", *dim = "";
    if (o->color) {
        on = f->severity == DIAG_ERROR ? "\033[1;31m" : f->severity == DIAG_WARNING ? "\033[1;35m" : "\033[1;36m";
        off = "\033[0m";
        bold = "\033[1m";
        dim = "\033[2m";
    }
    buf_printf(b, "%s%s:%u:%u:%s %s%s:%s %s [%s]\n", bold, pd->path, p->line, p->col, off, on, sev_name(f->severity),
               off, f->message, f->check->id);
    int t = f->check->kind->fields[f->check->compare].type;
    for (int s = 0; s < f->nsides; s++) {
        for (size_t i = 0; i < f->nclaims; i++) {
            if (f->side[i] != s) continue;
            const struct claim *c = &cs->v[f->claims[i]];
            const struct docinfo *d = &cs->docs[c->doc];
            struct buf v = {0};
            value_format(&v, claim_field(c, f->check->compare), t);
            buf_printf(b, "  %s%c%s %s:%u:%u: [%s", dim, 'A' + (s % 26), off, d->path, c->line, c->col, v.s);
            if (c->modality != MOD_ASSERTED) buf_printf(b, ", %s", modality_name(c->modality));
            if (c->attribution) buf_printf(b, ", per %s", c->attribution);
            buf_puts(b, "] ");
            quote(b, c->sentence ? c->sentence : "");
            buf_putc(b, '\n');
            buf_free(&v);
        }
    }
}

/* ==== JSON ==== */

static void json_str(struct buf *b, const char *s)
{
    if (s)
        buf_json_str(b, s, strlen(s));
    else
        buf_puts(b, "null");
}

static void json_doc(struct buf *b, const struct docinfo *d)
{
    buf_puts(b, "{\"path\":");
    json_str(b, d->path);
    if (d->id) {
        buf_puts(b, ",\"id\":");
        json_str(b, d->id);
    }
    buf_puts(b, ",\"source\":");
    json_str(b, d->source);
    buf_puts(b, ",\"date\":");
    day_json(b, d->has_date, d->date);
    buf_puts(b, ",\"date_from\":");
    json_str(b, d->date_from);
    buf_printf(b, ",\"claims\":%u,\"draft\":%s,\"status\":\"%s\"", d->nclaims, d->is_draft ? "true" : "false",
               d->skip ? "skipped" : "ok");
    if (d->skip) {
        buf_puts(b, ",\"reason\":");
        json_str(b, d->skip);
    }
    if (d->nwarnings) { /* read, but not cleanly: invalid UTF-8, malformed front matter, ... */
        buf_puts(b, ",\"warnings\":[");
        for (size_t i = 0; i < d->nwarnings; i++) {
            buf_printf(b, "%s{\"line\":%u,\"column\":%u,\"message\":", i ? "," : "", d->warnings[i].line,
                       d->warnings[i].col);
            json_str(b, d->warnings[i].msg);
            buf_putc(b, '}');
        }
        buf_putc(b, ']');
    }
    buf_putc(b, '}');
}

static void json_finding(struct buf *b, const struct claimset *cs, const struct finding *f)
{
    const struct check *ck = f->check;
    const struct kind_def *k = ck->kind;
    const struct claim *p = &cs->v[f->primary];
    int t = k->fields[ck->compare].type;
    buf_puts(b, "{\"rule\":");
    json_str(b, ck->id);
    buf_printf(b, ",\"severity\":\"%s\",\"kind\":", sev_name(f->severity));
    json_str(b, k->name);
    buf_puts(b, ",\"field\":");
    json_str(b, k->fields[ck->compare].name);
    buf_puts(b, ",\"message\":");
    json_str(b, f->message);
    buf_printf(b, ",\"fingerprint\":\"%s\",\"draft\":%s", f->fingerprint, f->involves_draft ? "true" : "false");
    buf_puts(b, ",\"location\":{\"path\":");
    json_str(b, cs->docs[p->doc].path);
    buf_printf(b, ",\"line\":%u,\"column\":%u}", p->line, p->col);
    buf_puts(b, ",\"key\":{");
    for (int i = 0; i < ck->nkey; i++) {
        if (i) buf_putc(b, ',');
        json_str(b, k->fields[ck->key[i]].name);
        buf_putc(b, ':');
        value_json(b, claim_field(p, ck->key[i]), k->fields[ck->key[i]].type);
    }
    buf_printf(b, "},\"event\":%u,\"sides\":%d,\"claims\":[", p->event, f->nsides);
    int first = 1;
    for (int s = 0; s < f->nsides; s++)
        for (size_t i = 0; i < f->nclaims; i++) {
            if (f->side[i] != s) continue;
            const struct claim *c = &cs->v[f->claims[i]];
            const struct docinfo *d = &cs->docs[c->doc];
            if (!first) buf_putc(b, ',');
            first = 0;
            buf_printf(b, "{\"side\":%d,\"path\":", s);
            json_str(b, d->path);
            if (d->id) {
                buf_puts(b, ",\"id\":");
                json_str(b, d->id);
            }
            buf_printf(b, ",\"line\":%u,\"column\":%u,\"span\":[%u,%u],\"text\":", c->line, c->col, c->start, c->end);
            json_str(b, c->sentence);
            buf_puts(b, ",\"value\":");
            value_json(b, claim_field(c, ck->compare), t);
            buf_puts(b, ",\"display\":");
            struct buf v = {0};
            value_format(&v, claim_field(c, ck->compare), t);
            json_str(b, v.s);
            buf_free(&v);
            buf_puts(b, ",\"modality\":");
            json_str(b, modality_name(c->modality));
            buf_puts(b, ",\"attribution\":");
            json_str(b, c->attribution);
            buf_printf(b, ",\"draft\":%s,\"rule\":", d->is_draft ? "true" : "false");
            json_str(b, c->rule ? c->rule->id : NULL);
            buf_putc(b, '}');
        }
    buf_puts(b, "]}");
}

static void counts(const struct claimset *cs, const struct findings *f, size_t *skipped, size_t *sev)
{
    *skipped = 0;
    for (size_t i = 0; i < cs->ndocs; i++) *skipped += cs->docs[i].skip != NULL;
    sev[0] = sev[1] = sev[2] = 0;
    for (size_t i = 0; i < f->n; i++) sev[f->v[i].severity]++;
}

void report_findings(FILE *out, int fmt, const struct claimset *cs, const struct findings *f,
                     const struct report_opts *o)
{
    switch (fmt) {
    case FMT_SARIF: report_sarif(out, cs, f); return;
    case FMT_RDJSON: report_rdjson(out, cs, f, 0); return;
    case FMT_RDJSONL: report_rdjson(out, cs, f, 1); return;
    case FMT_MARKDOWN: report_markdown(out, cs, f); return;
    case FMT_HTML: report_html(out, cs, f); return;
    default: break;
    }
    struct buf b = {0};
    if (fmt == FMT_TEXT) {
        for (size_t i = 0; i < f->n; i++) {
            text_finding(&b, cs, &f->v[i], o);
            fwrite(b.s, 1, b.len, out);
            buf_reset(&b);
        }
    } else if (fmt == FMT_JSONL) {
        for (size_t i = 0; i < f->n; i++) {
            json_finding(&b, cs, &f->v[i]);
            buf_putc(&b, '\n');
            fwrite(b.s, 1, b.len, out);
            buf_reset(&b);
        }
    } else {
        size_t skipped, sev[3];
        counts(cs, f, &skipped, sev);
        buf_printf(&b, "{\"version\":\"%s\",\"tool\":\"crosscheck\",\"documents\":[", REPORT_SCHEMA_VERSION);
        for (size_t i = 0; i < cs->ndocs; i++) {
            if (i) buf_putc(&b, ',');
            buf_puts(&b, "\n  ");
            json_doc(&b, &cs->docs[i]);
            rep_flush(out, &b, 0); /* a million documents are a big list */
        }
        buf_puts(&b, "],\n\"findings\":[");
        fwrite(b.s, 1, b.len, out);
        buf_reset(&b);
        for (size_t i = 0; i < f->n; i++) {
            if (i) buf_putc(&b, ',');
            buf_puts(&b, "\n  ");
            json_finding(&b, cs, &f->v[i]);
            fwrite(b.s, 1, b.len, out);
            buf_reset(&b);
        }
        buf_printf(&b,
                   "],\n\"summary\":{\"documents\":%zu,\"skipped\":%zu,\"claims\":%zu,\"findings\":%zu,"
                   "\"errors\":%zu,\"warnings\":%zu,\"notes\":%zu}}\n",
                   cs->ndocs, skipped, cs->n, f->n, sev[DIAG_ERROR], sev[DIAG_WARNING], sev[DIAG_NOTE]);
        fwrite(b.s, 1, b.len, out);
    }
    buf_free(&b);
}

void report_summary(FILE *out, const struct claimset *cs, const struct findings *f)
{
    size_t skipped, sev[3];
    counts(cs, f, &skipped, sev);
    fprintf(out,
            "crosscheck: %zu document%s (%zu skipped), %zu claim%s, %zu finding%s (%zu error%s, %zu warning%s, %zu "
            "note%s)\n",
            cs->ndocs, cs->ndocs == 1 ? "" : "s", skipped, cs->n, cs->n == 1 ? "" : "s", f->n, f->n == 1 ? "" : "s",
            sev[DIAG_ERROR], sev[DIAG_ERROR] == 1 ? "" : "s", sev[DIAG_WARNING], sev[DIAG_WARNING] == 1 ? "" : "s",
            sev[DIAG_NOTE], sev[DIAG_NOTE] == 1 ? "" : "s");
}
