/* test_document.c - reading one document: dates, front matter, encodings, positions, records. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "document.h"
#include "sentence.h"

static struct document *read_text(const char *path, const char *s, struct diag *d)
{
    return document_from_bytes(path, s, strlen(s), NULL, d);
}

static int32_t day(const char *iso)
{
    int32_t v = 0;
    cr_assert_eq(cal_parse_iso(iso, strlen(iso), &v), 0);
    return v;
}

/* The single diagnostic in d must be a warning at line:col whose message contains what. */
static void expect_warning(const struct diag *d, const char *path, unsigned line, unsigned col, const char *what)
{
    cr_assert_eq(d->n, 1, "expected one diagnostic, got %zu", d->n);
    const struct diag_entry *e = &d->v[0];
    cr_assert_eq(e->level, DIAG_WARNING);
    cr_assert_str_eq(e->path, path);
    cr_assert_eq(e->line, line, "line %u, expected %u (%s)", e->line, line, e->msg);
    cr_assert_eq(e->col, col, "col %u, expected %u (%s)", e->col, col, e->msg);
    cr_assert(strstr(e->msg, what), "message [%s] lacks [%s]", e->msg, what);
}

static int body_starts_with(const struct document *doc, const char *s)
{
    return strncmp(doc->text + doc->body, s, strlen(s)) == 0;
}

/* ==== Date line ==== */

Test(document, leading_date_line_sets_publication_date_and_body)
{
    struct diag d = {0};
    struct document *doc = read_text("a.txt", " date 2021-11-05 Envoys met in Oslo on Thursday.", &d);
    cr_assert_null(doc->skip);
    cr_assert(doc->has_date);
    cr_assert_eq(doc->date, day("2021-11-05"));
    cr_assert_str_eq(doc->date_from, "date-line");
    cr_assert(body_starts_with(doc, "Envoys met"));
    cr_assert_eq(doc->format, DOC_TEXT);
    cr_assert_eq(d.n, 0);
    document_free(doc);
    diag_free(&d);
}

Test(document, date_colon_first_line_sets_date_and_body_on_next_line)
{
    struct diag d = {0};
    struct document *doc = read_text("a.txt", "Date: 2021-11-05\n\nEnvoys met in Oslo.\n", &d);
    cr_assert(doc->has_date);
    cr_assert_eq(doc->date, day("2021-11-05"));
    cr_assert(body_starts_with(doc, "Envoys met"));
    document_free(doc);
    diag_free(&d);
}

Test(document, date_colon_line_with_unknown_format_warns_and_leaves_undated)
{
    struct diag d = {0};
    struct document *doc = read_text("a.txt", "date: 5 November 2021\nEnvoys met.\n", &d);
    cr_assert_not(doc->has_date);
    expect_warning(&d, "a.txt", 1, 7, "unknown date format '5 November 2021', expected YYYY-MM-DD");
    cr_assert(body_starts_with(doc, "Envoys met"));
    document_free(doc);
    diag_free(&d);
}

Test(document, prose_starting_with_date_is_not_a_date_line)
{
    struct diag d = {0};
    struct document *doc = read_text("a.txt", "Date palms line the road to the border.", &d);
    cr_assert_not(doc->has_date);
    cr_assert_eq(doc->body, 0);
    cr_assert_eq(d.n, 0);
    document_free(doc);
    diag_free(&d);
}

Test(document, fallback_date_option_applies_only_to_undated_documents)
{
    struct doc_opts o = {.has_date = 1, .date = day("2020-01-01")};
    const char *undated = "Envoys met.", *dated = " date 2021-11-05 Envoys met.";
    struct document *a = document_from_bytes("a.txt", undated, strlen(undated), &o, NULL);
    struct document *b = document_from_bytes("b.txt", dated, strlen(dated), &o, NULL);
    cr_assert_str_eq(a->date_from, "option");
    cr_assert_eq(a->date, day("2020-01-01"));
    cr_assert_str_eq(b->date_from, "date-line");
    cr_assert_eq(b->date, day("2021-11-05"));
    document_free(a);
    document_free(b);
}

/* ==== Front matter ==== */

Test(document, front_matter_sets_date_source_title_and_id)
{
    struct diag d = {0};
    struct document *doc = read_text("draft.md",
                                     "---\n"
                                     "title: Envoys meet in Oslo\n"
                                     "source: Northern Ledger\n"
                                     "date: 2021-11-05\n"
                                     "id: nl-42\n"
                                     "---\n"
                                     "# Envoys meet\n\nThe envoys met on Thursday.\n",
                                     &d);
    cr_assert_eq(d.n, 0);
    cr_assert_eq(doc->format, DOC_MARKDOWN);
    cr_assert(doc->has_date);
    cr_assert_eq(doc->date, day("2021-11-05"));
    cr_assert_str_eq(doc->date_from, "front-matter");
    cr_assert_str_eq(doc->source, "Northern Ledger");
    cr_assert_str_eq(doc->title, "Envoys meet in Oslo");
    cr_assert_str_eq(doc->id, "nl-42");
    cr_assert(body_starts_with(doc, "# Envoys meet"));
    unsigned line, col;
    document_position(doc, doc->body, &line, &col);
    cr_assert_eq(line, 7);
    cr_assert_eq(col, 1);
    document_free(doc);
    diag_free(&d);
}

Test(document, front_matter_outlet_or_publisher_is_the_source)
{
    struct document *a = read_text("a.md", "---\noutlet: Coastal Wire\n---\nText.\n", NULL);
    struct document *b = read_text("b.md", "---\npublisher: Valley Post\n...\nText.\n", NULL);
    cr_assert_str_eq(a->source, "Coastal Wire");
    cr_assert_str_eq(b->source, "Valley Post");
    cr_assert(body_starts_with(b, "Text."));
    document_free(a);
    document_free(b);
}

Test(document, front_matter_timestamps_give_their_calendar_date)
{
    struct document *a = read_text("a.md", "---\ndate: 2021-11-05T23:10:00+02:00\n---\nX.\n", NULL);
    struct document *b = read_text("b.md", "---\ndate: 2021-11-05 23:10:00 -5\n---\nX.\n", NULL);
    struct document *c = read_text("c.md", "---\ndate: \"2021-11-05\"\n---\nX.\n", NULL);
    cr_assert_eq(a->date, day("2021-11-05"));
    cr_assert_eq(b->date, day("2021-11-05"));
    cr_assert_eq(c->date, day("2021-11-05"));
    cr_assert(a->has_date && b->has_date && c->has_date);
    document_free(a);
    document_free(b);
    document_free(c);
}

Test(document, front_matter_unknown_date_format_warns_at_its_line)
{
    struct diag d = {0};
    struct document *doc = read_text("draft.md", "---\ntitle: Talks\ndate: 11/05/2021\n---\nThe envoys met.\n", &d);
    cr_assert_not(doc->has_date);
    expect_warning(&d, "draft.md", 3, 7, "unknown date format '11/05/2021', expected YYYY-MM-DD");
    cr_assert_not_null(d.v[0].excerpt);
    cr_assert(body_starts_with(doc, "The envoys met."));
    document_free(doc);
    diag_free(&d);
}

Test(document, malformed_front_matter_warns_with_file_line_and_keeps_body)
{
    struct diag d = {0};
    struct document *doc = read_text("draft.md",
                                     "---\n"
                                     "title: Talks\n"
                                     "source: [Ledger\n"
                                     "---\n"
                                     "The envoys met.\n",
                                     &d);
    cr_assert_null(doc->skip);
    cr_assert_eq(d.n, 1);
    cr_assert_str_eq(d.v[0].path, "draft.md");
    cr_assert(strstr(d.v[0].msg, "malformed front matter"), "%s", d.v[0].msg);
    cr_assert_geq(d.v[0].line, 3);
    cr_assert_leq(d.v[0].line, 4);
    cr_assert_gt(d.v[0].col, 0);
    cr_assert(body_starts_with(doc, "The envoys met."));
    document_free(doc);
    diag_free(&d);
}

Test(document, unclosed_front_matter_warns_and_reads_text)
{
    struct diag d = {0};
    struct document *doc = read_text("draft.md", "---\ntitle: Talks\nThe envoys met.\n", &d);
    cr_assert_null(doc->skip);
    expect_warning(&d, "draft.md", 1, 1, "not closed");
    cr_assert(body_starts_with(doc, "title: Talks"));
    document_free(doc);
    diag_free(&d);
}

Test(document, markdown_extension_sets_markdown_format)
{
    struct document *doc = read_text("notes/a.markdown", "Plain text.", NULL);
    cr_assert_eq(doc->format, DOC_MARKDOWN);
    document_free(doc);
}

/* ==== Encodings and odd bytes ==== */

Test(document, utf8_bom_is_skipped_and_not_counted_as_a_column)
{
    struct diag d = {0};
    struct document *doc = read_text("a.txt", "\xEF\xBB\xBF date 2021-11-05 Talks resumed.", &d);
    cr_assert(doc->has_date);
    cr_assert(body_starts_with(doc, "Talks resumed."));
    unsigned line, col;
    document_position(doc, 3, &line, &col);
    cr_assert_eq(col, 1);
    document_position(doc, doc->body, &line, &col);
    cr_assert_eq(line, 1);
    cr_assert_eq(col, 18);
    document_free(doc);
    diag_free(&d);
}

Test(document, crlf_lines_give_lf_positions)
{
    const char *s = "First line.\r\nSecond \xC3\xA9t\xC3\xA9 line.\r\n";
    struct document *doc = read_text("a.txt", s, NULL);
    const char *w = strstr(s + 13, "line"); /* in the second line */
    unsigned line, col;
    document_position(doc, (size_t)(w - s), &line, &col);
    cr_assert_eq(line, 2);
    cr_assert_eq(col, 12); /* "Second été " is 11 code points */
    cr_assert_eq(doc->nlines, 3);
    struct sentence *v;
    size_t n = sentence_split(doc->text, doc->body, doc->len, &v);
    cr_assert_eq(n, 2);
    free(v);
    document_free(doc);
}

Test(document, invalid_utf8_is_replaced_in_place_with_one_warning)
{
    struct diag d = {0};
    const char s[] = "Talks went on.\nThe \xC3\xA9lan was \xFF\xFE gone \xC3 here.\n";
    struct document *doc = document_from_bytes("bad.txt", s, sizeof s - 1, NULL, &d);
    cr_assert_null(doc->skip);
    cr_assert_eq(doc->len, sizeof s - 1);
    cr_assert_str_eq(doc->text, "Talks went on.\nThe \xC3\xA9lan was ?? gone ? here.\n");
    expect_warning(&d, "bad.txt", 2, 14, "invalid UTF-8: 3 bytes replaced with '?'");
    document_free(doc);
    diag_free(&d);
}

Test(document, nul_byte_marks_a_binary_file_as_skipped)
{
    struct diag d = {0};
    const char s[] = "PK\x03\x04 some\0archive";
    struct document *doc = document_from_bytes("x.txt", s, sizeof s - 1, NULL, &d);
    cr_assert_not_null(doc->skip);
    cr_assert(strstr(doc->skip, "binary file"), "%s", doc->skip);
    cr_assert_null(doc->text);
    expect_warning(&d, "x.txt", 0, 0, "binary file (NUL byte at offset 9)");
    document_free(doc);
    diag_free(&d);
}

Test(document, many_control_bytes_mark_a_binary_file)
{
    char s[200];
    for (size_t i = 0; i < sizeof s; i++) s[i] = i % 4 == 0 ? '\x01' : 'a';
    struct document *doc = document_from_bytes("x.txt", s, sizeof s, NULL, NULL);
    cr_assert_not_null(doc->skip);
    cr_assert(strstr(doc->skip, "control bytes"), "%s", doc->skip);
    document_free(doc);
}

Test(document, a_few_control_bytes_are_still_text)
{
    char s[200];
    for (size_t i = 0; i < sizeof s; i++) s[i] = i % 50 == 0 ? '\x1B' : 'a';
    struct document *doc = document_from_bytes("x.txt", s, sizeof s, NULL, NULL);
    cr_assert_null(doc->skip);
    document_free(doc);
}

Test(document, utf16_text_is_skipped_with_a_hint)
{
    const char s[] = "\xFF\xFEH\0i\0";
    struct document *doc = document_from_bytes("u.txt", s, sizeof s - 1, NULL, NULL);
    cr_assert(doc->skip && strstr(doc->skip, "UTF-16"));
    document_free(doc);
}

Test(document, input_over_the_limit_is_skipped_as_too_large)
{
    struct diag d = {0};
    struct doc_opts o = {.max_bytes = 10};
    struct document *doc = document_from_bytes("big.txt", "0123456789AB", 12, &o, &d);
    cr_assert_str_eq(doc->skip, "too large (12 bytes, limit 10)");
    expect_warning(&d, "big.txt", 0, 0, "too large (12 bytes, limit 10)");
    document_free(doc);
    diag_free(&d);
}

Test(document, empty_file_is_read_with_no_text)
{
    struct diag d = {0};
    struct document *doc = document_from_bytes("empty.txt", "", 0, NULL, &d);
    cr_assert_null(doc->skip);
    cr_assert_not_null(doc->text);
    cr_assert_eq(doc->len, 0);
    cr_assert_eq(d.n, 0);
    struct sentence *v = NULL;
    cr_assert_eq(sentence_split(doc->text, doc->body, doc->len, &v), 0);
    free(v);
    unsigned line, col;
    document_position(doc, 0, &line, &col);
    cr_assert_eq(line, 1);
    cr_assert_eq(col, 1);
    document_free(doc);
    diag_free(&d);
}

/* ==== Positions ==== */

Test(document, position_counts_code_points_not_bytes)
{
    const char *s = "A\nZ\xC3\xBCrich \xE2\x80\x9Cquoted\xE2\x80\x9D word";
    struct document *doc = read_text("a.txt", s, NULL);
    unsigned line, col;
    document_position(doc, (size_t)(strstr(s, "word") - s), &line, &col);
    cr_assert_eq(line, 2);
    cr_assert_eq(col, 17);
    document_position(doc, doc->len + 100, &line, &col); /* clamped to the end */
    cr_assert_eq(line, 2);
    cr_assert_eq(col, 21);
    document_free(doc);
}

Test(document, position_in_a_very_long_line_is_exact)
{
    size_t n = 300000;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++) s[i] = 'x';
    memcpy(s + 100000, "\xC3\xA9", 2); /* one 2-byte code point */
    s[n - 1] = '\n';
    s[n] = '\0';
    struct document *doc = document_from_bytes("long.txt", s, n, NULL, NULL);
    cr_assert_geq(doc->nmarks, 4); /* anchors inside the line */
    unsigned line, col;
    document_position(doc, 250000, &line, &col);
    cr_assert_eq(line, 1);
    cr_assert_eq(col, 250000); /* 250000 bytes before it, one pair of them is one code point */
    document_free(doc);
    free(s);
}

/* ==== JSONL records ==== */

Test(document, record_fields_are_read)
{
    struct diag d = {0};
    const char *j = "{\"id\": \"r7\", \"text\": \"Envoys met.\\nThey talked.\", \"source\": \"Ledger\","
                    " \"date\": \"2021-11-05T08:00:00Z\", \"title\": \"Talks\"}";
    struct document *doc = document_from_record("c.jsonl", 12, j, strlen(j), NULL, &d);
    cr_assert_null(doc->skip);
    cr_assert_eq(d.n, 0);
    cr_assert_eq(doc->format, DOC_RECORD);
    cr_assert_str_eq(doc->text, "Envoys met.\nThey talked.");
    cr_assert_str_eq(doc->id, "r7");
    cr_assert_str_eq(doc->source, "Ledger");
    cr_assert_str_eq(doc->title, "Talks");
    cr_assert_str_eq(doc->date_from, "record");
    cr_assert_eq(doc->date, day("2021-11-05"));
    cr_assert_str_eq(document_label(doc), "c.jsonl#r7");
    unsigned line, col;
    document_position(doc, 12, &line, &col); /* "They", after the newline */
    cr_assert_eq(line, 12);
    cr_assert_eq(col, 13);
    document_free(doc);
    diag_free(&d);
}

Test(document, record_alternative_keys_and_integer_id)
{
    const char *j = "{\"id\": 5, \"body\": \"Text.\", \"outlet\": \"Wire\", \"published\": \"2021-11-05\"}";
    struct document *doc = document_from_record("c.jsonl", 1, j, strlen(j), NULL, NULL);
    cr_assert_str_eq(doc->id, "5");
    cr_assert_str_eq(doc->text, "Text.");
    cr_assert_str_eq(doc->source, "Wire");
    cr_assert(doc->has_date);
    document_free(doc);
}

Test(document, record_with_invalid_json_is_skipped_with_line_and_column)
{
    struct diag d = {0};
    const char *j = "{\"text\": \"Envoys met.\", oops}";
    struct document *doc = document_from_record("c.jsonl", 4, j, strlen(j), NULL, &d);
    cr_assert_not_null(doc->skip);
    cr_assert(strstr(doc->skip, "not valid JSON at column"), "%s", doc->skip);
    cr_assert_eq(d.n, 1);
    cr_assert_eq(d.v[0].line, 4);
    cr_assert_gt(d.v[0].col, 20);
    document_free(doc);
    diag_free(&d);
}

Test(document, record_without_text_is_skipped)
{
    struct diag d = {0};
    const char *j = "{\"id\": \"r1\", \"title\": \"No body here\"}";
    struct document *doc = document_from_record("c.jsonl", 9, j, strlen(j), NULL, &d);
    cr_assert(doc->skip && strstr(doc->skip, "no text"));
    cr_assert_str_eq(document_label(doc), "c.jsonl#r1");
    cr_assert_eq(doc->line0, 9);
    expect_warning(&d, "c.jsonl", 9, 1, "no text");
    document_free(doc);
    diag_free(&d);
}

Test(document, record_that_is_not_an_object_is_skipped)
{
    struct document *doc = document_from_record("c.jsonl", 2, "[1, 2]", 6, NULL, NULL);
    cr_assert_str_eq(doc->skip, "record is not a JSON object");
    document_free(doc);
}

Test(document, truncated_record_reason_says_so)
{
    struct diag d = {0};
    const char *j = "{\"text\": \"Envoys m";
    struct document *doc = document_from_record_ex("c.jsonl", 30, j, strlen(j), 1, NULL, &d);
    cr_assert(doc->skip && strstr(doc->skip, "truncated record"), "%s", doc->skip);
    cr_assert_eq(d.v[0].line, 30);
    document_free(doc);
    diag_free(&d);
}

Test(document, record_with_invalid_utf8_is_repaired_with_a_warning)
{
    struct diag d = {0};
    const char *j = "{\"text\": \"Caf\xE9 talks.\"}";
    struct document *doc = document_from_record("c.jsonl", 3, j, strlen(j), NULL, &d);
    cr_assert_null(doc->skip);
    cr_assert_str_eq(doc->text, "Caf? talks.");
    expect_warning(&d, "c.jsonl", 3, 14, "invalid UTF-8: 1 byte replaced");
    document_free(doc);
    diag_free(&d);
}

Test(document, record_with_unknown_date_format_warns_and_is_undated)
{
    struct diag d = {0};
    const char *j = "{\"text\": \"X.\", \"date\": \"yesterday\"}";
    struct document *doc = document_from_record("c.jsonl", 6, j, strlen(j), NULL, &d);
    cr_assert_null(doc->skip);
    cr_assert_not(doc->has_date);
    cr_assert_eq(d.n, 1);
    cr_assert(strstr(d.v[0].msg, "unknown date format 'yesterday'"));
    cr_assert_eq(d.v[0].line, 6);
    document_free(doc);
    diag_free(&d);
}

/* ==== Misc ==== */

Test(document, skipped_document_keeps_path_id_and_reason)
{
    struct document *doc = document_skipped("gone.txt", NULL, 0, "No such file or directory");
    cr_assert_str_eq(doc->path, "gone.txt");
    cr_assert_str_eq(doc->skip, "No such file or directory");
    cr_assert_null(doc->text);
    cr_assert_str_eq(document_label(doc), "gone.txt");
    unsigned line, col;
    document_position(doc, 5, &line, &col);
    cr_assert_eq(line, 1);
    document_free(doc);
    document_free(NULL);
}

Test(document, empty_or_null_date_leaves_undated_without_warning)
{
    struct diag d = {0};
    struct document *a = read_text("a.md", "---\ndate:\ntitle: T\n---\nX.\n", &d);
    struct document *b = read_text("b.md", "---\ndate: null\n---\nX.\n", &d);
    const char *j = "{\"text\": \"X.\", \"date\": \"\"}";
    struct document *c = document_from_record("c.jsonl", 1, j, strlen(j), NULL, &d);
    cr_assert_not(a->has_date || b->has_date || c->has_date);
    cr_assert_eq(d.n, 0);
    cr_assert_str_eq(a->title, "T");
    document_free(a);
    document_free(b);
    document_free(c);
    diag_free(&d);
}

Test(document, front_matter_with_bom_and_crlf_is_read)
{
    struct diag d = {0};
    struct document *doc =
        read_text("a.md", "\xEF\xBB\xBF---\r\nsource: Ledger\r\ndate: 2021-11-05\r\n---\r\nBody.\r\n", &d);
    cr_assert_eq(d.n, 0);
    cr_assert_str_eq(doc->source, "Ledger");
    cr_assert(doc->has_date);
    cr_assert(body_starts_with(doc, "Body."));
    unsigned line, col;
    document_position(doc, doc->body, &line, &col);
    cr_assert_eq(line, 5);
    cr_assert_eq(col, 1);
    document_free(doc);
    diag_free(&d);
}

Test(document, front_matter_that_is_not_a_mapping_warns)
{
    struct diag d = {0};
    struct document *doc = read_text("a.md", "---\n- one\n- two\n---\nBody.\n", &d);
    expect_warning(&d, "a.md", 2, 1, "not a mapping");
    cr_assert(body_starts_with(doc, "Body."));
    document_free(doc);
    diag_free(&d);
}

Test(document, oversized_front_matter_is_not_parsed)
{
    struct diag d = {0};
    size_t big = (1u << 20) + 100;
    char *s = malloc(big + 64);
    size_t n = 0;
    n += (size_t)sprintf(s + n, "---\ntitle: \"");
    memset(s + n, 'x', big);
    n += big;
    n += (size_t)sprintf(s + n, "\"\n---\nBody.\n");
    struct document *doc = document_from_bytes("a.md", s, n, NULL, &d);
    cr_assert_null(doc->skip);
    cr_assert_null(doc->title);
    expect_warning(&d, "a.md", 2, 1, "front matter too large");
    cr_assert(body_starts_with(doc, "Body."));
    document_free(doc);
    diag_free(&d);
    free(s);
}
