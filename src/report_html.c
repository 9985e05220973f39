/* report_html.c - findings as one self-contained HTML page: documents,
 * findings with every claim quoted, and a timeline (inline SVG) per pair of
 * actors who communicated.  No scripts, no external resources, no clock:
 * the same input gives the same bytes. */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "commands.h"
#include "report_util.h"
#include "xalloc.h"

static const char CSS[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#1d2329;"
    "background:#f6f7f9;margin:0}\n"
    "main{max-width:1180px;margin:0 auto;padding:24px 28px 48px}\n"
    "h1{font-size:26px;margin:0 0 6px}h2{font-size:20px;margin:32px 0 10px;border-bottom:2px solid #d8dde3;"
    "padding-bottom:4px}\n"
    "h3{font-size:16px;margin:0 0 6px;font-weight:600}\n"
    ".summary{margin:8px 0 0;color:#46505a}.summary .badge{margin-right:6px}\n"
    "table{border-collapse:collapse;width:100%;background:#fff;margin:6px 0 4px;font-size:14px}\n"
    "th,td{border:1px solid #d8dde3;padding:5px 8px;text-align:left;vertical-align:top}\n"
    "th{background:#eef1f4;font-weight:600}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    "code,.loc{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:13px}\n"
    ".loc{white-space:nowrap}\n"
    ".badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:700;"
    "text-transform:uppercase;letter-spacing:.03em;color:#fff;vertical-align:1px}\n"
    ".badge.error{background:#c0392b}.badge.warning{background:#b9770e}.badge.note{background:#2e86c1}\n"
    ".badge.ok{background:#1e8449}.badge.skipped{background:#7f8c8d}.badge.draft{background:#8e44ad}\n"
    ".finding{background:#fff;border:1px solid #d8dde3;border-left:5px solid #2e86c1;border-radius:4px;"
    "padding:12px 14px;margin:14px 0}\n"
    ".finding.error{border-left-color:#c0392b}.finding.warning{border-left-color:#b9770e}\n"
    ".meta{color:#5d6873;font-size:13px;margin:0 0 8px}\n"
    ".side{font-weight:700;text-align:center;width:3.5em}\n"
    "tr.draft td{background:#f5eefa}tr.skipped td{color:#6b7580;background:#f3f3f3}\n"
    "q{quotes:none}mark{background:#ffe08a;padding:0 1px}\n"
    "figure{background:#fff;border:1px solid #d8dde3;border-radius:4px;margin:14px 0;padding:10px 14px}\n"
    "figcaption{font-weight:600;margin-bottom:6px}\n"
    "svg{display:block;max-width:100%;height:auto}\n"
    "svg text{font:12px system-ui,'DejaVu Sans',sans-serif;fill:#36404a}svg text.file{font-size:10px;fill:#7b858f}\n"
    "svg .grid{stroke:#e3e7eb}svg .row{stroke:#c9d0d7}svg .axis{stroke:#8a949e}\n"
    "svg .dot{fill:#2e86c1;stroke:#fff;stroke-width:1.5}svg .dot.conflict{fill:#c0392b}\n"
    "svg .dot.draft{stroke:#8e44ad;stroke-width:3}\n"
    ".legend{font-size:13px;color:#5d6873;margin:4px 0}\n"
    ".legend i{display:inline-block;width:11px;height:11px;border-radius:50%;margin:0 4px 0 12px;"
    "vertical-align:-1px}\n"
    ".note{font-size:13px;color:#46505a}.note ul{margin:4px 0;padding-left:20px}\n"
    "footer{color:#7b858f;font-size:12px;margin-top:36px}\n";

static void h(struct buf *b, const char *s)
{
    if (s) buf_html(b, s, strlen(s));
}

static void badge(struct buf *b, const char *cls, const char *text)
{
    buf_printf(b, "<span class=\"badge %s\">", cls);
    h(b, text);
    buf_puts(b, "</span>");
}

static void day_text(struct buf *b, int32_t day, int with_weekday)
{
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const char *const wd[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    int y, m, d;
    cal_civil(day, &y, &m, &d);
    if (with_weekday) buf_printf(b, "%s ", wd[(cal_weekday(day) + 6) % 7]);
    buf_printf(b, "%d %s", d, mon[(m + 11) % 12]);
}

/* ==== Documents ==== */

static void documents(struct buf *b, const struct claimset *cs)
{
    buf_puts(b, "<section id=\"documents\"><h2>Documents</h2>\n<table><thead><tr><th>path</th><th>source</th>"
                "<th>date</th><th>claims</th><th>status</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < cs->ndocs; i++) {
        const struct docinfo *d = &cs->docs[i];
        buf_printf(b, "<tr%s><td class=\"loc\">",
                   d->skip       ? " class=\"skipped\""
                   : d->is_draft ? " class=\"draft\""
                                 : "");
        h(b, d->path);
        if (d->is_draft) {
            buf_putc(b, ' ');
            badge(b, "draft", "draft");
        }
        buf_puts(b, "</td><td>");
        h(b, d->source);
        buf_puts(b, "</td><td>");
        if (d->has_date) {
            char day[11];
            cal_format(d->date, day);
            buf_puts(b, day);
            if (d->date_from) {
                buf_puts(b, " <small>(");
                h(b, d->date_from);
                buf_puts(b, ")</small>");
            }
        } else {
            buf_puts(b, "<small>none</small>");
        }
        buf_printf(b, "</td><td class=\"num\">%u</td><td>", d->nclaims);
        if (d->skip) {
            badge(b, "skipped", "skipped");
            buf_putc(b, ' ');
            h(b, d->skip);
        } else {
            badge(b, "ok", "ok");
        }
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody></table></section>\n");
}

/* ==== Findings ==== */

/* The sentence with the claim's match marked. */
static void quoted_sentence(struct buf *b, const struct claim *c)
{
    size_t a, e;
    if (!c->sentence) return;
    buf_puts(b, "<q>");
    if (rep_span_in_sentence(c, &a, &e)) {
        buf_html(b, c->sentence, a);
        buf_puts(b, "<mark>");
        buf_html(b, c->sentence + a, e - a);
        buf_puts(b, "</mark>");
        h(b, c->sentence + e);
    } else {
        h(b, c->sentence);
    }
    buf_puts(b, "</q>");
}

static void finding(struct buf *b, const struct claimset *cs, const struct finding *fd, size_t n)
{
    const struct check *ck = fd->check;
    const struct kind_def *k = ck->kind;
    int cmp = ck->compare, t = k->fields[cmp].type;
    const char *sev = rep_sev_name(fd->severity);
    buf_printf(b, "<article class=\"finding %s\" id=\"finding-%zu\"><h3>", sev, n);
    badge(b, sev, sev);
    buf_putc(b, ' ');
    h(b, fd->message);
    buf_puts(b, "</h3>\n<p class=\"meta\">rule <code>");
    h(b, ck->id);
    buf_puts(b, "</code> &middot; kind <code>");
    h(b, k->name);
    buf_puts(b, "</code> &middot; field <code>");
    h(b, k->fields[cmp].name);
    buf_printf(b, "</code> &middot; fingerprint <code>%s</code>", fd->fingerprint);
    if (fd->involves_draft) buf_puts(b, " &middot; involves a draft");
    buf_puts(b, "</p>\n<table><thead><tr><th>side</th><th>value</th><th>sentence</th><th>location</th>"
                "<th>source</th></tr></thead><tbody>\n");
    for (int s = 0; s < fd->nsides; s++)
        for (size_t i = 0; i < fd->nclaims; i++) {
            if (fd->side[i] != s) continue;
            const struct claim *c = &cs->v[fd->claims[i]];
            const struct docinfo *d = &cs->docs[c->doc];
            buf_printf(b, "<tr%s><td class=\"side\">%c", d->is_draft ? " class=\"draft\"" : "", rep_side(s));
            if (d->is_draft) {
                buf_puts(b, "<br>");
                badge(b, "draft", "draft");
            }
            buf_puts(b, "</td><td><code>");
            struct buf v = {0};
            value_format(&v, claim_field(c, cmp), t);
            h(b, v.s);
            buf_free(&v);
            buf_puts(b, "</code>");
            if (c->modality != MOD_ASSERTED) {
                buf_puts(b, "<br><small>");
                h(b, modality_name(c->modality));
                buf_puts(b, "</small>");
            }
            if (c->attribution) {
                buf_puts(b, "<br><small>per ");
                h(b, c->attribution);
                buf_puts(b, "</small>");
            }
            buf_puts(b, "</td><td>");
            quoted_sentence(b, c);
            buf_puts(b, "</td><td class=\"loc\">");
            h(b, d->path);
            buf_printf(b, ":%u:%u</td><td>", c->line, c->col);
            h(b, d->source);
            buf_puts(b, "</td></tr>\n");
        }
    buf_puts(b, "</tbody></table></article>\n");
}

/* ==== Timelines ==== */

/* One claim seen from one pair of its participants. */
struct pair_claim {
    const struct entity *a, *b;
    uint32_t claim;
    uint32_t doc;
    int32_t day; /* first anchored day, or INT32_MAX */
};

static int pair_cmp(const void *x, const void *y)
{
    const struct pair_claim *p = x, *q = y;
    int r = strcmp(p->a->id, q->a->id);
    if (!r) r = strcmp(p->b->id, q->b->id);
    if (r) return r;
    if (p->doc != q->doc) return p->doc < q->doc ? -1 : 1;
    if (p->day != q->day) return p->day < q->day ? -1 : 1;
    return p->claim < q->claim ? -1 : p->claim > q->claim;
}

/* The participants and date fields of a communication claim, by name and
 * type; 0 when the kind does not have them. */
static int comm_fields(const struct kind_def *k, int *pi, int *di)
{
    if (!k || !k->name || strcmp(k->name, "communication") != 0) return 0;
    *pi = kind_field(k, "participants");
    *di = kind_field(k, "date");
    return *pi >= 0 && *di >= 0 && k->fields[*pi].type == FT_ENTITIES && k->fields[*di].type == FT_DATE;
}

static int anchored(const struct value *v)
{
    return v->set && (v->nxflags & NX_ANCHORED) && v->date.hi >= v->date.lo;
}

static const char *ent_name(const struct entity *e)
{
    return e->name ? e->name : e->id;
}

/* Append at most max bytes of s (cut on a character boundary), with an
 * ellipsis when cut. */
static void h_cut(struct buf *b, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        buf_html(b, s, n);
        return;
    }
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) max--;
    buf_html(b, s, max);
    buf_puts(b, "\xE2\x80\xA6");
}

enum { SVG_W = 1000, SVG_LABEL = 230, SVG_RIGHT = 56, SVG_TOP = 16, SVG_ROW = 34, SVG_AXIS = 44 };

/* A coordinate in whole pixels of the viewBox (integers: no locale can
 * turn them into "12,5"). */
static int px(double x)
{
    return (int)(x < 0 ? x - 0.5 : x + 0.5);
}

/* A row's label: the source over the file name (or the file name alone),
 * the full path as its tooltip. */
static void row_label(struct buf *b, const struct docinfo *d, int y)
{
    const char *base = strrchr(d->path, '/');
    base = base && base[1] ? base + 1 : d->path;
    buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\"><title>", SVG_LABEL - 12, d->source ? y - 2 : y + 4);
    h(b, d->path);
    buf_puts(b, "</title>");
    h_cut(b, d->source ? d->source : base, 30);
    if (d->is_draft) buf_puts(b, " (draft)");
    buf_puts(b, "</text>");
    if (d->source) {
        buf_printf(b, "<text class=\"file\" x=\"%d\" y=\"%d\" text-anchor=\"end\">", SVG_LABEL - 12, y + 11);
        h_cut(b, base, 34);
        buf_puts(b, "</text>");
    }
    buf_putc(b, '\n');
}

static void timeline(struct buf *b, const struct claimset *cs, const struct pair_claim *g, size_t n,
                     const unsigned char *in_finding)
{
    int pi, di;
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    size_t nrows = 0, nun = 0;
    for (size_t i = 0; i < n; i++) {
        const struct claim *c = &cs->v[g[i].claim];
        comm_fields(c->kind, &pi, &di);
        const struct value *v = claim_field(c, di);
        if (anchored(v)) {
            if (v->date.lo < lo) lo = v->date.lo;
            if (v->date.hi > hi) hi = v->date.hi;
            if (i == 0 || g[i].doc != g[i - 1].doc || nrows == 0) nrows++;
        } else {
            nun++;
        }
    }
    buf_puts(b, "<figure><figcaption>");
    h(b, ent_name(g[0].a));
    buf_puts(b, " &amp; ");
    h(b, ent_name(g[0].b));
    buf_printf(b, " <small>(%zu claim%s)</small></figcaption>\n", n, n == 1 ? "" : "s");
    if (nrows) {
        /* rows: documents with anchored claims, in document order */
        uint32_t *rowdoc = xmalloc(nrows * sizeof *rowdoc);
        size_t r = 0;
        for (size_t i = 0; i < n; i++) {
            const struct claim *c = &cs->v[g[i].claim];
            comm_fields(c->kind, &pi, &di);
            if (anchored(claim_field(c, di)) && (r == 0 || rowdoc[r - 1] != g[i].doc)) rowdoc[r++] = g[i].doc;
        }
        nrows = r;
        int32_t d0 = lo - 1, d1 = hi + 1;
        double span = (double)(d1 - d0), pw = SVG_W - SVG_LABEL - SVG_RIGHT;
        int height = SVG_TOP + (int)nrows * SVG_ROW + SVG_AXIS;
        buf_printf(b,
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                   "role=\"img\" aria-label=\"timeline\">\n",
                   SVG_W, height, SVG_W, height);
        int step = span <= 16 ? 1 : span <= 120 ? 7 : span <= 800 ? 30 : 365;
        int ybase = SVG_TOP + (int)nrows * SVG_ROW;
        for (int32_t d = d0; d <= d1; d += step) {
            double x = SVG_LABEL + (d - d0) * pw / span;
            buf_printf(b, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", px(x), SVG_TOP - 6, px(x),
                       ybase);
            buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", px(x), ybase + 18);
            day_text(b, d, step == 1);
            buf_puts(b, "</text>\n");
        }
        {
            int y, m, d;
            cal_civil(d0, &y, &m, &d);
            buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>\n", SVG_LABEL - 45, ybase + 18, y);
        }
        buf_printf(b, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", SVG_LABEL, ybase,
                   SVG_W - SVG_RIGHT, ybase);
        for (r = 0; r < nrows; r++) {
            int y = SVG_TOP + (int)r * SVG_ROW + SVG_ROW / 2;
            const struct docinfo *d = &cs->docs[rowdoc[r]];
            buf_printf(b, "<line class=\"row\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", SVG_LABEL, y,
                       SVG_W - SVG_RIGHT, y);
            row_label(b, d, y);
            /* dots: several on one day are spread sideways */
            int32_t prev = INT32_MIN;
            int same = 0;
            for (size_t i = 0; i < n; i++) {
                if (g[i].doc != rowdoc[r]) continue;
                const struct claim *c = &cs->v[g[i].claim];
                comm_fields(c->kind, &pi, &di);
                const struct value *v = claim_field(c, di);
                if (!anchored(v)) continue;
                same = v->date.lo == prev ? same + 1 : 0;
                prev = v->date.lo;
                double x0 = SVG_LABEL + (v->date.lo - d0) * pw / span, x1 = SVG_LABEL + (v->date.hi - d0) * pw / span;
                const char *cls = in_finding[g[i].claim] ? " conflict" : "";
                const char *dr = d->is_draft ? " draft" : "";
                if (v->date.hi > v->date.lo)
                    buf_printf(b, "<rect class=\"dot%s%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"12\" rx=\"6\">", cls,
                               dr, px(x0 - 6), y - 6, px(x1 - x0 + 12));
                else
                    buf_printf(b, "<circle class=\"dot%s%s\" cx=\"%d\" cy=\"%d\" r=\"7\">", cls, dr, px(x0 + same * 9),
                               y);
                buf_puts(b, "<title>");
                h(b, d->path);
                buf_printf(b, ":%u:%u \xE2\x80\x94 ", c->line, c->col);
                h(b, v->norm);
                if (in_finding[g[i].claim]) buf_puts(b, " \xE2\x80\x94 in conflict");
                buf_puts(b, "\n");
                h(b, c->sentence);
                buf_puts(b, v->date.hi > v->date.lo ? "</title></rect>\n" : "</title></circle>\n");
            }
        }
        buf_puts(b, "</svg>\n<p class=\"legend\"><i style=\"background:#2e86c1\"></i>claim"
                    "<i style=\"background:#c0392b\"></i>claim in a finding"
                    "<i style=\"background:#fff;border:3px solid #8e44ad;width:7px;height:7px\"></i>draft</p>\n");
        free(rowdoc);
    }
    if (nun) {
        buf_printf(b, "<div class=\"note\">%s date that could not be placed on the calendar:<ul>\n",
                   nrows ? "Claims with a" : "No claim has a");
        for (size_t i = 0; i < n; i++) {
            const struct claim *c = &cs->v[g[i].claim];
            comm_fields(c->kind, &pi, &di);
            const struct value *v = claim_field(c, di);
            if (anchored(v)) continue;
            buf_puts(b, "<li><span class=\"loc\">");
            h(b, cs->docs[c->doc].path);
            buf_printf(b, ":%u:%u</span> ", c->line, c->col);
            if (v->set) {
                buf_puts(b, "<code>");
                h(b, v->norm ? v->norm : v->text);
                buf_puts(b, "</code>");
                if (v->text) {
                    buf_puts(b, " (&ldquo;");
                    h(b, v->text);
                    buf_puts(b, "&rdquo;)");
                }
            } else {
                buf_puts(b, "<code>no date</code>");
            }
            if (in_finding[g[i].claim]) buf_puts(b, " <span class=\"badge error\">in a finding</span>");
            buf_puts(b, ": ");
            quoted_sentence(b, c);
            buf_puts(b, "</li>\n");
        }
        buf_puts(b, "</ul></div>\n");
    }
    buf_puts(b, "</figure>\n");
}

static void timelines(struct buf *b, FILE *out, const struct claimset *cs, const struct findings *f)
{
    unsigned char *in_finding = xcalloc(cs->n ? cs->n : 1, 1);
    for (size_t i = 0; i < f->n; i++)
        for (size_t j = 0; j < f->v[i].nclaims; j++)
            if (f->v[i].claims[j] < cs->n) in_finding[f->v[i].claims[j]] = 1;
    struct pair_claim *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < cs->n; i++) {
        const struct claim *c = &cs->v[i];
        int pi, di;
        if (!comm_fields(c->kind, &pi, &di)) continue;
        const struct value *p = claim_field(c, pi);
        if (!p->set) continue;
        for (int x = 0; x < p->nents; x++)
            for (int y = x + 1; y < p->nents; y++) {
                if (!p->ents[x] || !p->ents[y]) continue;
                XGROW(v, cap, n + 1);
                const struct entity *ea = p->ents[x], *eb = p->ents[y];
                if (strcmp(ea->id, eb->id) > 0) {
                    const struct entity *t = ea;
                    ea = eb;
                    eb = t;
                }
                v[n].a = ea;
                v[n].b = eb;
                v[n].claim = (uint32_t)i;
                v[n].doc = c->doc;
                v[n].day = anchored(claim_field(c, di)) ? claim_field(c, di)->date.lo : INT32_MAX;
                n++;
            }
    }
    buf_puts(b, "<section id=\"timelines\"><h2>Timelines</h2>\n");
    if (n == 0) buf_puts(b, "<p class=\"note\">No communication between two parties was found.</p>\n");
    if (n) qsort(v, n, sizeof *v, pair_cmp);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && v[j].a == v[i].a && v[j].b == v[i].b) j++;
        timeline(b, cs, v + i, j - i, in_finding);
        rep_flush(out, b, 0);
        i = j;
    }
    buf_puts(b, "</section>\n");
    free(v);
    free(in_finding);
}

/* ==== Page ==== */

void report_html(FILE *out, const struct claimset *cs, const struct findings *f)
{
    struct buf b = {0};
    size_t skipped, sev[3];
    rep_counts(cs, f, &skipped, sev);
    buf_printf(&b,
               "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"generator\" content=\"crosscheck %s\">\n"
               "<title>crosscheck: %zu finding%s</title>\n<style>\n%s</style></head>\n<body><main>\n",
               CROSSCHECK_VERSION, f->n, f->n == 1 ? "" : "s", CSS);
    buf_puts(&b, "<header><h1>Discrepancy report</h1>\n<p class=\"summary\">");
    const char *cls[3] = {"note", "warning", "error"};
    for (int s = DIAG_ERROR; s >= DIAG_NOTE; s--) {
        struct buf t = {0};
        buf_printf(&t, "%zu %s%s", sev[s], rep_sev_name(s), sev[s] == 1 ? "" : "s");
        badge(&b, sev[s] ? cls[s] : "skipped", t.s);
        buf_free(&t);
    }
    buf_printf(&b, " %zu finding%s in %zu document%s (%zu skipped), %zu claim%s.</p></header>\n", f->n,
               f->n == 1 ? "" : "s", cs->ndocs, cs->ndocs == 1 ? "" : "s", skipped, cs->n, cs->n == 1 ? "" : "s");
    documents(&b, cs);
    buf_puts(&b, "<section id=\"findings\"><h2>Findings</h2>\n");
    if (f->n == 0) buf_puts(&b, "<p>No disagreement found.</p>\n");
    for (size_t i = 0; i < f->n; i++) {
        finding(&b, cs, &f->v[i], i + 1);
        rep_flush(out, &b, 0);
    }
    buf_puts(&b, "</section>\n");
    timelines(&b, out, cs, f);
    buf_puts(&b, "<footer>Generated by crosscheck " CROSSCHECK_VERSION ".</footer>\n</main></body></html>\n");
    rep_flush(out, &b, 1);
    buf_free(&b);
}
