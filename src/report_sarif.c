/* report_sarif.c - findings as a SARIF 2.1.0 log for code-scanning UIs. */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "commands.h"
#include "report_util.h"
#include "xalloc.h"

static void jstr(struct buf *b, const char *s)
{
    if (s)
        buf_json_str(b, s, strlen(s));
    else
        buf_puts(b, "null");
}

/* A path as a URI reference: unreserved and path characters kept, every
 * other byte percent-encoded.  Absolute paths become file:// URIs. */
static void path_uri(struct buf *b, const char *path)
{
    static const char keep[] = "-._~/!$&'()*+,;=:@";
    struct buf u = {0};
    if (path[0] == '/') buf_puts(&u, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            (*p != 0 && strchr(keep, *p)))
            buf_putc(&u, (char)*p);
        else
            buf_printf(&u, "%%%02X", *p);
    }
    buf_json_str(b, u.s, u.len);
    buf_free(&u);
}

static void artifact_location(struct buf *b, const struct claimset *cs, uint32_t doc)
{
    const char *path = cs->docs[doc].path;
    buf_puts(b, "{\"uri\":");
    path_uri(b, path);
    if (path[0] != '/') buf_puts(b, ",\"uriBaseId\":\"SRCROOT\"");
    buf_printf(b, ",\"index\":%u}", doc);
}

/* physicalLocation of a claim: the match as the region, the sentence as the
 * context region (both with their snippets). */
static void physical_location(struct buf *b, const struct claimset *cs, const struct claim *c)
{
    buf_puts(b, "\"physicalLocation\":{\"artifactLocation\":");
    artifact_location(b, cs, c->doc);
    buf_printf(b, ",\"region\":{\"startLine\":%u,\"startColumn\":%u", c->line ? c->line : 1, c->col ? c->col : 1);
    unsigned el, ec;
    size_t a, e;
    if (rep_end_pos(c, 0, &el, &ec)) {
        if (el != c->line) buf_printf(b, ",\"endLine\":%u", el);
        buf_printf(b, ",\"endColumn\":%u", ec);
    }
    if (rep_span_in_sentence(c, &a, &e)) {
        buf_puts(b, ",\"snippet\":{\"text\":");
        buf_json_str(b, c->sentence + a, e - a);
        buf_putc(b, '}');
    }
    buf_puts(b, "}");
    if (c->sentence) {
        buf_printf(b, ",\"contextRegion\":{\"byteOffset\":%u,\"byteLength\":%u,\"snippet\":{\"text\":", c->sent_start,
                   c->sent_end >= c->sent_start ? c->sent_end - c->sent_start : 0);
        jstr(b, c->sentence);
        buf_puts(b, "}}");
    }
    buf_putc(b, '}');
}

static const char *level(int sev)
{
    return sev == DIAG_ERROR ? "error" : sev == DIAG_WARNING ? "warning" : "note";
}

/* The checks that fired, in order of first appearance; rule_of[i] is the
 * index of finding i's rule. */
static size_t fired_rules(const struct findings *f, const struct check ***rules, size_t *rule_of)
{
    size_t n = 0;
    *rules = xmalloc((f->n ? f->n : 1) * sizeof **rules);
    for (size_t i = 0; i < f->n; i++) {
        size_t r = 0;
        while (r < n && (*rules)[r] != f->v[i].check) r++;
        if (r == n) (*rules)[n++] = f->v[i].check;
        rule_of[i] = r;
    }
    return n;
}

static void rule_descriptor(struct buf *b, const struct check *ck)
{
    const struct kind_def *k = ck->kind;
    const char *field = k->fields[ck->compare].name;
    buf_puts(b, "{\"id\":");
    jstr(b, ck->id);
    struct buf d = {0};
    buf_printf(&d, "Sources must agree on the %s of a %s claim", field, k->name);
    buf_puts(b, ",\"shortDescription\":{\"text\":");
    jstr(b, d.s);
    buf_reset(&d);
    buf_printf(&d, "Claims of kind %s with the same ", k->name);
    for (int i = 0; i < ck->nkey; i++)
        buf_printf(&d, "%s%s", i ? (i + 1 == ck->nkey ? " and " : ", ") : "", k->fields[ck->key[i]].name);
    buf_printf(&d, " are about one fact; their %s values are compared (%s comparison).", field,
               comparator_name(ck->comparator));
    buf_puts(b, "},\"fullDescription\":{\"text\":");
    jstr(b, d.s);
    buf_free(&d);
    buf_printf(b, "},\"defaultConfiguration\":{\"level\":\"%s\"},\"properties\":{\"kind\":", level(ck->severity));
    jstr(b, k->name);
    buf_puts(b, ",\"field\":");
    jstr(b, field);
    buf_printf(b, ",\"comparator\":\"%s\"", comparator_name(ck->comparator));
    if (ck->path) {
        buf_puts(b, ",\"definedIn\":");
        jstr(b, ck->path);
        buf_printf(b, ",\"line\":%u", ck->line);
    }
    buf_puts(b, "}}");
}

static void result(struct buf *b, const struct claimset *cs, const struct finding *fd, size_t rule_index)
{
    const struct check *ck = fd->check;
    const struct kind_def *k = ck->kind;
    const struct claim *p = &cs->v[fd->primary];
    buf_puts(b, "{\"ruleId\":");
    jstr(b, ck->id);
    buf_printf(b, ",\"ruleIndex\":%zu,\"level\":\"%s\",\"message\":{\"text\":", rule_index, level(fd->severity));
    jstr(b, fd->message);
    buf_puts(b, "},\"locations\":[{\"id\":0,");
    physical_location(b, cs, p);
    for (size_t i = 0; i < fd->nclaims; i++)
        if (fd->claims[i] == fd->primary) {
            struct buf m = {0};
            rep_claim_note(&m, cs, fd, i);
            buf_puts(b, ",\"message\":{\"text\":");
            jstr(b, m.s);
            buf_free(&m);
            buf_putc(b, '}');
            break;
        }
    buf_puts(b, "}],\"relatedLocations\":[");
    int id = 1;
    for (int s = 0; s < fd->nsides; s++)
        for (size_t i = 0; i < fd->nclaims; i++) {
            if (fd->side[i] != s || fd->claims[i] == fd->primary) continue;
            if (id > 1) buf_putc(b, ',');
            buf_printf(b, "{\"id\":%d,", id++);
            physical_location(b, cs, &cs->v[fd->claims[i]]);
            struct buf m = {0};
            rep_claim_note(&m, cs, fd, i);
            buf_puts(b, ",\"message\":{\"text\":");
            jstr(b, m.s);
            buf_free(&m);
            buf_puts(b, "}}");
        }
    buf_printf(b, "],\"partialFingerprints\":{\"crosscheck/v1\":\"%s\"},\"properties\":{\"kind\":", fd->fingerprint);
    jstr(b, k->name);
    buf_puts(b, ",\"field\":");
    jstr(b, k->fields[ck->compare].name);
    buf_puts(b, ",\"key\":{");
    for (int i = 0; i < ck->nkey; i++) {
        if (i) buf_putc(b, ',');
        jstr(b, k->fields[ck->key[i]].name);
        buf_putc(b, ':');
        value_json(b, claim_field(p, ck->key[i]), k->fields[ck->key[i]].type);
    }
    buf_printf(b, "},\"sides\":%d,\"claims\":%zu,\"draft\":%s}}", fd->nsides, fd->nclaims,
               fd->involves_draft ? "true" : "false");
}

static void artifact(struct buf *b, const struct docinfo *d, const struct claimset *cs, uint32_t i)
{
    buf_puts(b, "{\"location\":");
    artifact_location(b, cs, i);
    buf_puts(b, ",\"properties\":{\"source\":");
    jstr(b, d->source);
    buf_puts(b, ",\"date\":");
    day_json(b, d->has_date, d->date);
    buf_printf(b, ",\"claims\":%u,\"draft\":%s,\"status\":\"%s\"", d->nclaims, d->is_draft ? "true" : "false",
               d->skip ? "skipped" : "ok");
    if (d->skip) {
        buf_puts(b, ",\"reason\":");
        jstr(b, d->skip);
    }
    buf_puts(b, "}}");
}

void report_sarif(FILE *out, const struct claimset *cs, const struct findings *f)
{
    struct buf b = {0};
    const struct check **rules;
    size_t *rule_of = xmalloc((f->n ? f->n : 1) * sizeof *rule_of);
    size_t nrules = fired_rules(f, &rules, rule_of);

    /* No informationUri: the project has no public home page yet, the
     * property is optional (a toolComponent requires only "name"), and an
     * invented address would send people nowhere.  Add it with the real one. */
    buf_puts(&b, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\n"
                 "\"tool\":{\"driver\":{\"name\":\"crosscheck\",\"version\":\"" CROSSCHECK_VERSION "\","
                 "\"rules\":[");
    for (size_t r = 0; r < nrules; r++) {
        buf_puts(&b, r ? ",\n  " : "\n  ");
        rule_descriptor(&b, rules[r]);
    }
    buf_puts(&b, "]}},\n\"invocations\":[{\"executionSuccessful\":true,\"toolExecutionNotifications\":[");
    int first = 1;
    for (uint32_t i = 0; i < cs->ndocs; i++) {
        if (!cs->docs[i].skip) continue;
        buf_puts(&b, first ? "\n  " : ",\n  ");
        first = 0;
        buf_puts(&b, "{\"level\":\"warning\",\"message\":{\"text\":");
        struct buf m = {0};
        buf_printf(&m, "skipped: %s", cs->docs[i].skip);
        jstr(&b, m.s);
        buf_free(&m);
        buf_puts(&b, "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":");
        artifact_location(&b, cs, i);
        buf_puts(&b, "}}]}");
    }
    buf_puts(&b, "]}],\n\"originalUriBaseIds\":{\"SRCROOT\":{\"description\":{\"text\":"
                 "\"The directory crosscheck was run from; relative document paths are relative to it.\"}}},\n"
                 "\"columnKind\":\"unicodeCodePoints\",\n\"artifacts\":[");
    for (uint32_t i = 0; i < cs->ndocs; i++) {
        buf_puts(&b, i ? ",\n  " : "\n  ");
        artifact(&b, &cs->docs[i], cs, i);
        rep_flush(out, &b, 0);
    }
    buf_puts(&b, "],\n\"results\":[");
    for (size_t i = 0; i < f->n; i++) {
        buf_puts(&b, i ? ",\n  " : "\n  ");
        result(&b, cs, &f->v[i], rule_of[i]);
        rep_flush(out, &b, 0);
    }
    buf_puts(&b, "]}]}\n");
    rep_flush(out, &b, 1);
    buf_free(&b);
    free(rules);
    free(rule_of);
}
