/* test_report.c - the SARIF, rdjson, Markdown and HTML reporters on a
 * hand-built claimset: structure, stable fingerprints, escaping, positions. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "check.h"
#include "report.h"
#include "xalloc.h"

/* ==== A small world: one vote-count finding, one communication timeline ==== */

static struct kind_def vote_kind, comm_kind;
static struct check vote_check;
static struct entity bennett, putin;

static void setup_rules(void)
{
    memset(&vote_kind, 0, sizeof vote_kind);
    vote_kind.name = "vote_count";
    vote_kind.fields[0] = (struct field_def){"side", FT_WORD};
    vote_kind.fields[1] = (struct field_def){"count", FT_NUMBER};
    vote_kind.nfields = 2;
    vote_kind.key[0] = 0;
    vote_kind.nkey = 1;
    vote_kind.value = 1;

    /* the fields in an unusual order: reporters must look them up by name */
    memset(&comm_kind, 0, sizeof comm_kind);
    comm_kind.name = "communication";
    comm_kind.fields[0] = (struct field_def){"medium", FT_WORD};
    comm_kind.fields[1] = (struct field_def){"date", FT_DATE};
    comm_kind.fields[2] = (struct field_def){"participants", FT_ENTITIES};
    comm_kind.nfields = 3;
    comm_kind.key[0] = 2;
    comm_kind.nkey = 1;
    comm_kind.value = 1;

    memset(&vote_check, 0, sizeof vote_check);
    vote_check.id = "vote-count";
    vote_check.kind = &vote_kind;
    vote_check.key[0] = 0;
    vote_check.nkey = 1;
    vote_check.compare = 1;
    vote_check.comparator = CMP_INTERVAL;
    vote_check.severity = DIAG_ERROR;

    memset(&bennett, 0, sizeof bennett);
    bennett.id = "naftali-bennett";
    bennett.name = "Naftali Bennett";
    memset(&putin, 0, sizeof putin);
    putin.id = "vladimir-putin";
    putin.name = "Vladimir Putin";
}

/* A vote claim: sentence sent, the match starting at byte offset off of it. */
static void add_vote(struct claimset *cs, uint32_t doc, double n, const char *sent, const char *match, unsigned line,
                     unsigned col, const char *attribution)
{
    struct claim c;
    claim_init(&c, &vote_kind);
    c.f[0].set = 1;
    c.f[0].norm = xstrdup("for");
    c.f[1].set = 1;
    c.f[1].lo = c.f[1].hi = n;
    c.doc = doc;
    c.sent_start = 100;
    c.sent_end = 100 + (uint32_t)strlen(sent);
    const char *m = strstr(sent, match);
    cr_assert_not_null(m);
    c.start = c.sent_start + (uint32_t)(m - sent);
    c.end = c.start + (uint32_t)strlen(match);
    c.line = line;
    c.col = col;
    c.sentence = xstrdup(sent);
    c.attribution = attribution ? xstrdup(attribution) : NULL;
    claimset_add(cs, &c);
}

static void add_call(struct claimset *cs, uint32_t doc, int32_t day, const char *sent)
{
    struct claim c;
    claim_init(&c, &comm_kind);
    c.f[2].set = 1;
    c.f[2].ents[0] = &bennett;
    c.f[2].ents[1] = &putin;
    c.f[2].nents = 2;
    c.f[1].set = 1;
    if (day) {
        c.f[1].nxflags = NX_ANCHORED;
        c.f[1].date.lo = c.f[1].date.hi = day;
        c.f[1].date.gran = NX_GRAN_DAY;
        c.f[1].norm = xstrdup("2022-03-02");
    } else {
        c.f[1].date.weekday = 3;
        c.f[1].norm = xstrdup("XXXX-WXX-3");
        c.f[1].text = xstrdup("on Wednesday");
    }
    c.doc = doc;
    c.line = 1;
    c.col = 1;
    c.sentence = xstrdup(sent);
    c.sent_end = (uint32_t)strlen(sent);
    c.end = 10;
    claimset_add(cs, &c);
}

struct world {
    struct claimset cs;
    struct findings f;
};

static const char HOSTILE[] = "Officials said <script>alert(1)</script> | Israel was among the 140 countries.";

static void world_build(struct world *w)
{
    setup_rules();
    memset(w, 0, sizeof *w);
    uint32_t d0 =
        claimset_add_doc(&w->cs, "corpus/wire.txt", NULL, "Wire", 1, cal_days(2022, 3, 3), "date-line", NULL, 0);
    uint32_t d1 = claimset_add_doc(&w->cs, "drafts/z\xC3\xBCrich draft.md", NULL, NULL, 0, 0, NULL, NULL, 1);
    claimset_add_doc(&w->cs, "/abs/binary.bin", NULL, NULL, 0, 0, NULL, "binary file (NUL byte at offset 3)", 0);
    add_vote(&w->cs, d0, 141, "Israel joined 140 other nations in voting in favour.", "joined 140 other nations", 3, 8,
             "the Kremlin");
    /* the draft: a multi-byte character inside and before the match */
    add_vote(&w->cs, d1, 140, "In Z\xC3\xBCrich, Israel was among the 140 countries in Z\xC3\xBCrich.",
             "among the 140 countries in Z\xC3\xBCrich", 5, 22, NULL);
    add_vote(&w->cs, d1, 140, HOSTILE, "among the 140 countries", 7, 3, NULL);
    add_call(&w->cs, d0, cal_days(2022, 3, 2), "Bennett spoke with Putin on Wednesday.");
    add_call(&w->cs, d1, 0, "Bennett called Putin on Wednesday <b>evening</b>.");

    w->f.n = w->f.cap = 1;
    w->f.v = xcalloc(1, sizeof *w->f.v);
    struct finding *fd = &w->f.v[0];
    fd->check = &vote_check;
    fd->severity = DIAG_ERROR;
    fd->message = xstrdup("votes for: 140 here, but 141 in 1 other report(s)");
    fd->nclaims = 3;
    fd->claims = xmalloc(3 * sizeof *fd->claims);
    fd->side = xmalloc(3 * sizeof *fd->side);
    fd->claims[0] = 0, fd->side[0] = 0;
    fd->claims[1] = 1, fd->side[1] = 1;
    fd->claims[2] = 2, fd->side[2] = 1;
    fd->nsides = 2;
    fd->primary = 1;
    fd->involves_draft = 1;
    strcpy(fd->fingerprint, "0123456789abcdef");
}

static void world_free(struct world *w)
{
    findings_free(&w->f);
    claimset_free(&w->cs);
}

/* Render in format fmt into an owned string. */
static char *render(struct world *w, int fmt)
{
    char *s = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&s, &n);
    cr_assert_not_null(out);
    struct report_opts o = {0};
    report_findings(out, fmt, &w->cs, &w->f, &o);
    fclose(out);
    return s;
}

static json_t *parse(const char *s)
{
    json_error_t err;
    json_t *j = json_loads(s, 0, &err);
    cr_assert_not_null(j, "not JSON: %s at line %d col %d", err.text, err.line, err.column);
    return j;
}

/* The value at a dotted path: "runs.0.tool.driver.name". */
static json_t *json_path_get_simple(json_t *j, const char *p)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", p);
    for (char *tok = strtok(buf, "."); tok && j; tok = strtok(NULL, "."))
        j = json_is_array(j) ? json_array_get(j, (size_t)atoi(tok)) : json_object_get(j, tok);
    return j;
}

static json_t *path(json_t *j, const char *p)
{
    json_t *r = json_path_get_simple(j, p);
    cr_assert_not_null(r, "missing %s", p);
    return r;
}


static const char *str_at(json_t *j, const char *p)
{
    json_t *v = path(j, p);
    cr_assert(json_is_string(v), "%s is not a string", p);
    return json_string_value(v);
}

static long long int_at(json_t *j, const char *p)
{
    json_t *v = path(j, p);
    cr_assert(json_is_integer(v), "%s is not an integer", p);
    return json_integer_value(v);
}

/* ==== Format names ==== */

Test(report_format_parse, knows_every_new_format)
{
    cr_assert_eq(report_format_parse("sarif"), FMT_SARIF);
    cr_assert_eq(report_format_parse("rdjson"), FMT_RDJSON);
    cr_assert_eq(report_format_parse("rdjsonl"), FMT_RDJSONL);
    cr_assert_eq(report_format_parse("markdown"), FMT_MARKDOWN);
    cr_assert_eq(report_format_parse("html"), FMT_HTML);
    cr_assert_eq(report_format_parse("sarif2"), -1);
    cr_assert_not_null(strstr(report_format_names(), "sarif"));
}

/* ==== SARIF ==== */

Test(report_sarif, 01_parses_with_required_fields)
{
    struct world w;
    world_build(&w);
    char *s = render(&w, FMT_SARIF);
    json_t *j = parse(s);
    cr_assert_str_eq(str_at(j, "version"), "2.1.0");
    cr_assert_not_null(strstr(str_at(j, "$schema"), "sarif-2.1.0"));
    cr_assert_eq(json_array_size(path(j, "runs")), 1);
    cr_assert_str_eq(str_at(j, "runs.0.tool.driver.name"), "crosscheck");
    cr_assert_str_eq(str_at(j, "runs.0.tool.driver.rules.0.id"), "vote-count");
    cr_assert_str_eq(str_at(j, "runs.0.tool.driver.rules.0.defaultConfiguration.level"), "error");
    cr_assert_not_null(str_at(j, "runs.0.tool.driver.rules.0.shortDescription.text"));
    cr_assert_str_eq(str_at(j, "runs.0.columnKind"), "unicodeCodePoints");
    cr_assert(json_is_true(path(j, "runs.0.invocations.0.executionSuccessful")));
    cr_assert_eq(json_array_size(path(j, "runs.0.results")), 1);
    cr_assert_str_eq(str_at(j, "runs.0.results.0.ruleId"), "vote-count");
    cr_assert_str_eq(str_at(j, "runs.0.results.0.level"), "error");
    cr_assert_str_eq(str_at(j, "runs.0.results.0.message.text"), "votes for: 140 here, but 141 in 1 other report(s)");
    cr_assert_str_eq(str_at(j, "runs.0.results.0.partialFingerprints.crosscheck/v1"), "0123456789abcdef");
    cr_assert_str_eq(str_at(j, "runs.0.results.0.properties.kind"), "vote_count");
    cr_assert_str_eq(str_at(j, "runs.0.results.0.properties.field"), "count");
    cr_assert_str_eq(str_at(j, "runs.0.results.0.properties.key.side"), "for");
    json_decref(j);
    free(s);
    world_free(&w);
}

Test(report_sarif, 02_primary_location_is_relative_with_code_point_columns)
{
    struct world w;
    world_build(&w);
    char *s = render(&w, FMT_SARIF);
    json_t *j = parse(s);
    const char *loc = "runs.0.results.0.locations.0.physicalLocation";
    char p[200];
    snprintf(p, sizeof p, "%s.artifactLocation.uri", loc);
    cr_assert_str_eq(str_at(j, p), "drafts/z%C3%BCrich%20draft.md");
    snprintf(p, sizeof p, "%s.artifactLocation.uriBaseId", loc);
    cr_assert_str_eq(str_at(j, p), "SRCROOT");
    snprintf(p, sizeof p, "%s.region.startLine", loc);
    cr_assert_eq(int_at(j, p), 5);
    snprintf(p, sizeof p, "%s.region.startColumn", loc);
    cr_assert_eq(int_at(j, p), 22);
    /* "among the 140 countries in Zürich" is 33 code points (34 bytes) */
    snprintf(p, sizeof p, "%s.region.endColumn", loc);
    cr_assert_eq(int_at(j, p), 22 + 33);
    snprintf(p, sizeof p, "%s.contextRegion.snippet.text", loc);
    cr_assert_str_eq(str_at(j, p), "In Z\xC3\xBCrich, Israel was among the 140 countries in Z\xC3\xBCrich.");
    json_decref(j);
    free(s);
    world_free(&w);
}

Test(report_sarif, 03_related_locations_are_every_other_claim_with_unique_ids)
{
    struct world w;
    world_build(&w);
    char *s = render(&w, FMT_SARIF);
    json_t *j = parse(s);
    json_t *rel = path(j, "runs.0.results.0.relatedLocations");
    cr_assert_eq(json_array_size(rel), 2);
    cr_assert_str_eq(str_at(j, "runs.0.results.0.relatedLocations.0.message.text"),
                     "side A: 141 (asserted, per the Kremlin)");
    cr_assert_str_eq(str_at(j, "runs.0.results.0.relatedLocations.1.message.text"), "side B: 140 (asserted; draft)");
    long long id0 = int_at(j, "runs.0.results.0.locations.0.id");
    long long id1 = int_at(j, "runs.0.results.0.relatedLocations.0.id");
    long long id2 = int_at(j, "runs.0.results.0.relatedLocations.1.id");
    cr_assert(id0 != id1 && id1 != id2 && id0 != id2);
    json_decref(j);
    free(s);
    world_free(&w);
}

Test(report_sarif, 04_fingerprints_identical_across_renderings)
{
    struct world w;
    world_build(&w);
    char *a = render(&w, FMT_SARIF), *b = render(&w, FMT_SARIF);
    cr_assert_str_eq(a, b);
    json_t *ja = parse(a), *jb = parse(b);
    cr_assert_str_eq(str_at(ja, "runs.0.results.0.partialFingerprints.crosscheck/v1"),
                     str_at(jb, "runs.0.results.0.partialFingerprints.crosscheck/v1"));
    json_decref(ja);
    json_decref(jb);
    free(a);
    free(b);
    world_free(&w);
}

Test(report_sarif, 05_absolute_path_is_file_uri_and_skipped_document_is_notified)
{
    struct world w;
    world_build(&w);
    char *s = render(&w, FMT_SARIF);
    json_t *j = parse(s);
    cr_assert_str_eq(str_at(j, "runs.0.artifacts.2.location.uri"), "file:///abs/binary.bin");
    cr_assert_null(json_object_get(path(j, "runs.0.artifacts.2.location"), "uriBaseId"));
    cr_assert_str_eq(str_at(j, "runs.0.artifacts.2.properties.status"), "skipped");
    cr_assert_not_null(strstr(str_at(j, "runs.0.invocations.0.toolExecutionNotifications.0.message.text"), "binary"));
    json_decref(j);
    free(s);
    world_free(&w);
}

Test(report_sarif, 06_no_findings_is_still_a_valid_log)
{
    struct world w;
    world_build(&w);
    w.f.n = 0;
    char *s = render(&w, FMT_SARIF);
    json_t *j = parse(s);
    cr_assert_eq(json_array_size(path(j, "runs.0.results")), 0);
    cr_assert_eq(json_array_size(path(j, "runs.0.tool.driver.rules")), 0);
    json_decref(j);
    free(s);
    w.f.n = 1;
    world_free(&w);
}

/* ==== rdjson ==== */

Test(report_rdjson, 01_diagnostic_result_with_byte_columns_and_related_locations)
{
    struct world w;
    world_build(&w);
    char *s = render(&w, FMT_RDJSON);
    json_t *j = parse(s);
    cr_assert_str_eq(str_at(j, "source.name"), "crosscheck");
    cr_assert_str_eq(str_at(j, "severity"), "ERROR");
    cr_assert_str_eq(str_at(j, "diagnostics.0.severity"), "ERROR");
    cr_assert_str_eq(str_at(j, "diagnostics.0.code.value"), "vote-count");
    cr_assert_str_eq(str_at(j, "diagnostics.0.location.path"), "drafts/z\xC3\xBCrich draft.md");
    /* "In Zürich, Israel was " has one two-byte character before the match */
    cr_assert_eq(int_at(j, "diagnostics.0.location.range.start.column"), 22 + 1);
    cr_assert_eq(int_at(j, "diagnostics.0.location.range.end.column"), 22 + 1 + 34);
    cr_assert_eq(json_array_size(path(j, "diagnostics.0.related_locations")), 2);
    cr_assert_str_eq(str_at(j, "diagnostics.0.related_locations.0.message"), "side A: 141 (asserted, per the Kremlin)");
    cr_assert_str_eq(str_at(j, "diagnostics.0.related_locations.0.location.path"), "corpus/wire.txt");
    json_decref(j);
    free(s);
    world_free(&w);
}

Test(report_rdjson, 02_rdjsonl_is_one_diagnostic_per_line)
{
    struct world w;
    world_build(&w);
    char *s = render(&w, FMT_RDJSONL);
    char *nl = strchr(s, '\n');
    cr_assert_not_null(nl);
    cr_assert_eq(nl[1], '\0');
    json_t *j = parse(s);
    cr_assert_str_eq(str_at(j, "message"), "votes for: 140 here, but 141 in 1 other report(s)");
    json_decref(j);
    free(s);
    world_free(&w);
}

/* ==== Markdown ==== */

Test(report_markdown, 01_escapes_pipes_and_markup_in_cells)
{
    struct world w;
    world_build(&w);
    char *s = render(&w, FMT_MARKDOWN);
    cr_assert_not_null(strstr(s, "Officials said \\<script\\>alert(1)\\</script\\> \\| Israel"), "%s", s);
    /* the row of the hostile sentence has exactly 6 unescaped cell bars */
    char *row = strstr(s, "| B (draft) | 140 |  | drafts/z\xC3\xBCrich draft.md:7:3 |");
    cr_assert_not_null(row, "%s", s);
    int bars = 0;
    for (char *p = row; *p && *p != '\n'; p++)
        if (*p == '|' && (p == row || p[-1] != '\\')) bars++;
    cr_assert_eq(bars, 6);
    free(s);
    world_free(&w);
}

Test(report_markdown, 02_heading_counts_and_finding_line_with_rule)
{
    struct world w;
    world_build(&w);
    char *s = render(&w, FMT_MARKDOWN);
    cr_assert_not_null(strstr(s, "## crosscheck: 1 finding (1 error, 0 warnings, 0 notes)"), "%s", s);
    cr_assert_not_null(strstr(s, "### error: votes for: 140 here, but 141 in 1 other report(s) [vote-count]"), "%s", s);
    cr_assert_not_null(strstr(s, "| side | value | source | location | sentence |"));
    cr_assert_not_null(strstr(s, "| A | 141, per the Kremlin | Wire | corpus/wire.txt:3:8 |"), "%s", s);
    cr_assert_not_null(strstr(s, "binary file (NUL byte at offset 3)"));
    free(s);
    world_free(&w);
}

/* ==== HTML ==== */

Test(report_html, 01_escapes_script_in_sentences)
{
    struct world w;
    world_build(&w);
    char *s = render(&w, FMT_HTML);
    cr_assert_null(strstr(s, "<script"), "raw <script> in the page");
    cr_assert_null(strstr(s, "<b>evening"), "raw markup from a sentence");
    cr_assert_not_null(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    free(s);
    world_free(&w);
}

Test(report_html, 02_documents_findings_and_draft_side)
{
    struct world w;
    world_build(&w);
    char *s = render(&w, FMT_HTML);
    cr_assert_eq(strncmp(s, "<!DOCTYPE html>", 15), 0);
    cr_assert_not_null(strstr(s, "/abs/binary.bin"));
    cr_assert_not_null(strstr(s, "binary file (NUL byte at offset 3)"));
    cr_assert_not_null(strstr(s, "<article class=\"finding error\""));
    cr_assert_not_null(strstr(s, "<tr class=\"draft\"><td class=\"side\">B"));
    cr_assert_not_null(strstr(s, "corpus/wire.txt:3:8"));
    cr_assert_not_null(strstr(s, "</html>\n"));
    free(s);
    world_free(&w);
}

Test(report_html, 03_timeline_by_field_name_with_unanchored_note)
{
    struct world w;
    world_build(&w);
    char *s = render(&w, FMT_HTML);
    char *svg = strstr(s, "<svg");
    cr_assert_not_null(svg, "no timeline");
    cr_assert_not_null(strstr(s, "Naftali Bennett &amp; Vladimir Putin"));
    cr_assert_not_null(strstr(svg, "<circle class=\"dot\""));
    cr_assert_not_null(strstr(svg, "Wed 2 Mar"));
    /* the unanchored Wednesday is listed beside the picture, not drawn */
    cr_assert_not_null(strstr(s, "XXXX-WXX-3"));
    cr_assert_not_null(strstr(s, "&lt;b&gt;evening&lt;/b&gt;"));
    free(s);
    world_free(&w);
}

Test(report_html, 04_same_bytes_every_time)
{
    struct world w;
    world_build(&w);
    char *a = render(&w, FMT_HTML), *b = render(&w, FMT_HTML);
    cr_assert_str_eq(a, b);
    free(a);
    free(b);
    world_free(&w);
}
