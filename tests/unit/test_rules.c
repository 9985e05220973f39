/* test_rules.c - loading rule files: positions of errors, macros, fields. */
#include <criterion/criterion.h>
#include <string.h>

#include "diag.h"
#include "rules.h"

static const char kinds[] = "kinds:\n"
                            "  talk:\n"
                            "    key: [who]\n"
                            "    value: when\n"
                            "    fields:\n"
                            "      who: entities\n"
                            "      when: date\n";

static int load(const char *text, struct diag *d, struct ruleset **out)
{
    struct ruleset *rs = rules_new();
    int rc = rules_load_text(rs, "kinds.yml", kinds, strlen(kinds), d);
    rc |= rules_load_text(rs, "test.yml", text, strlen(text), d);
    if (rc == 0) rc = rules_compile(rs, d);
    *out = rs;
    return rc;
}

static const struct diag_entry *first_error(const struct diag *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].level == DIAG_ERROR) return &d->v[i];
    return NULL;
}

Test(rules_load, valid_extractor_compiles_with_groups_mapped)
{
    struct diag d = {0};
    struct ruleset *rs;
    int rc = load("extractors:\n"
                  "  - id: t.spoke\n"
                  "    kind: talk\n"
                  "    pattern: '(?<a>{PERSON}) spoke with (?<b>{PERSON})'\n"
                  "    fields:\n"
                  "      who: [a, b]\n",
                  &d, &rs);
    cr_assert_eq(rc, 0);
    cr_assert_eq(rs->nex, 1);
    cr_assert_not_null(rs->ex[0].re);
    cr_assert_eq(rs->ex[0].nslots, 2, "two macro uses become two callout slots");
    cr_assert_eq(rs->ex[0].nspecs, 1);
    cr_assert_eq(rs->ex[0].specs[0].ngroups, 2);
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, unclosed_group_is_reported_at_its_yaml_column)
{
    struct diag d = {0};
    struct ruleset *rs;
    /* the pattern scalar starts at column 14 (the quote); the error offset is
     * the end of the pattern */
    int rc = load("extractors:\n"
                  "  - id: t.bad\n"
                  "    kind: talk\n"
                  "    pattern: 'a (b'\n",
                  &d, &rs);
    cr_assert_neq(rc, 0);
    const struct diag_entry *e = first_error(&d);
    cr_assert_not_null(e);
    cr_assert_str_eq(e->path, "test.yml");
    cr_assert_eq(e->line, 4);
    cr_assert_eq(e->col, 19, "column %u", e->col);
    cr_assert(strstr(e->msg, "missing closing parenthesis") != NULL, "%s", e->msg);
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, unknown_macro_points_at_the_macro)
{
    struct diag d = {0};
    struct ruleset *rs;
    int rc = load("extractors:\n"
                  "  - id: t.bad\n"
                  "    kind: talk\n"
                  "    pattern: 'x {NOPE} y'\n",
                  &d, &rs);
    cr_assert_neq(rc, 0);
    const struct diag_entry *e = first_error(&d);
    cr_assert_eq(e->line, 4);
    cr_assert_eq(e->col, 17, "column %u", e->col);
    cr_assert(strstr(e->msg, "unknown macro {NOPE}") != NULL, "%s", e->msg);
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, user_macro_expands_inside_pattern)
{
    struct diag d = {0};
    struct ruleset *rs;
    int rc = load("macros:\n"
                  "  SPOKE: '(?:spoke|talked)'\n"
                  "extractors:\n"
                  "  - id: t.m\n"
                  "    kind: talk\n"
                  "    pattern: '(?<a>{PERSON}) {SPOKE} with (?<b>{PERSON})'\n"
                  "    fields: {who: [a, b]}\n",
                  &d, &rs);
    cr_assert_eq(rc, 0);
    cr_assert(strstr(rs->ex[0].expanded, "(?:(?:spoke|talked))") != NULL, "%s", rs->ex[0].expanded);
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, field_naming_missing_group_is_an_error)
{
    struct diag d = {0};
    struct ruleset *rs;
    int rc = load("extractors:\n"
                  "  - id: t.g\n"
                  "    kind: talk\n"
                  "    pattern: '(?<a>{PERSON})'\n"
                  "    fields:\n"
                  "      who: [a, zz]\n",
                  &d, &rs);
    cr_assert_neq(rc, 0);
    const struct diag_entry *e = first_error(&d);
    cr_assert_eq(e->line, 6);
    cr_assert(strstr(e->msg, "no group named 'zz'") != NULL, "%s", e->msg);
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, unknown_field_and_kind_are_errors)
{
    struct diag d = {0};
    struct ruleset *rs;
    int rc = load("checks:\n"
                  "  - id: c1\n"
                  "    kind: talk\n"
                  "    compare: weather\n"
                  "  - id: c2\n"
                  "    kind: gossip\n"
                  "    compare: who\n",
                  &d, &rs);
    cr_assert_neq(rc, 0);
    cr_assert_eq(d.errors, 2);
    cr_assert(strstr(d.v[0].msg, "no field 'weather'") != NULL, "%s", d.v[0].msg);
    cr_assert(strstr(d.v[1].msg, "unknown kind 'gossip'") != NULL, "%s", d.v[1].msg);
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, malformed_yaml_reports_parser_position)
{
    struct diag d = {0};
    struct ruleset *rs = rules_new();
    const char *text = "checks:\n  - id: x\n    compare: [a\n";
    int rc = rules_load_text(rs, "y.yml", text, strlen(text), &d);
    cr_assert_neq(rc, 0);
    cr_assert_eq(d.v[0].line, 4, "line %u", d.v[0].line);
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, unknown_top_level_section_is_rejected)
{
    struct diag d = {0};
    struct ruleset *rs;
    int rc = load("extractor:\n  - id: x\n", &d, &rs);
    cr_assert_neq(rc, 0);
    cr_assert(strstr(first_error(&d)->msg, "unknown key 'extractor'") != NULL);
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, builtin_rules_compile_cleanly)
{
    struct diag d = {0};
    struct ruleset *rs = rules_new();
    cr_assert_eq(rules_load_embedded(rs, &d), 0);
    cr_assert_eq(rules_compile(rs, &d), 0, "errors: %zu", d.errors);
    cr_assert_gt(rs->nex, 5);
    cr_assert_gt(rs->nchecks, 2);
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, a_key_given_twice_is_an_error_at_the_second)
{
    struct diag d = {0};
    struct ruleset *rs;
    const char *text = "extractors:\n"
                       "  - id: a\n"
                       "    kind: talk\n"
                       "    pattern: 'x'\n"
                       "    fields:\n"
                       "      who: {value: a}\n"
                       "    fields:\n"
                       "      who: {value: b}\n";
    cr_assert_neq(load(text, &d, &rs), 0);
    const struct diag_entry *e = first_error(&d);
    cr_assert(e);
    cr_assert_eq(e->line, 7);
    cr_assert(strstr(e->msg, "duplicate key 'fields'"));
    rules_free(rs);
    diag_free(&d);
}

/* ==== entity lists (TSV) ==== */

Test(rules_load, entity_list_adds_places_nested_and_aliased)
{
    struct diag d = {0};
    struct ruleset *rs = rules_new();
    const char *text = "# a comment\n"
                       "id\ttype\tname\tin\taliases\n"
                       "ruritania\tcountry\tRuritania\t\tRuritania\n"
                       "strelsau\tcity\tStrelsau\truritania\tStrelsau|Strelsaw\r\n"
                       "\n"
                       "zenda\tplace\tZenda Castle\tstrelsau\tZenda Castle|Zenda\n";
    cr_assert_eq(rules_load_text(rs, "places.tsv", text, strlen(text), &d), 0);
    cr_assert_eq(rules_compile(rs, &d), 0, "errors: %zu", d.errors);
    const struct entity *c = lexicon_get(rs->lex, "ruritania"), *s = lexicon_get(rs->lex, "strelsau"),
                        *z = lexicon_get(rs->lex, "zenda");
    cr_assert(c && s && z);
    cr_assert_eq(s->type, ENT_CITY);
    cr_assert_eq(s->naliases, 2);
    cr_assert_str_eq(s->aliases[1], "Strelsaw");
    cr_assert_eq(s->line, 4);
    cr_assert(entity_contains(c, z));
    struct mention m[4];
    struct mention_ctx ctx = {0};
    const char *t = "They met at Zenda near Strelsaw.";
    cr_assert_eq(lexicon_mentions(rs->lex, &ctx, t, strlen(t), m, 4), 2);
    cr_assert_eq(m[1].entity, s);
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, entity_list_may_start_with_a_byte_order_mark)
{
    struct diag d = {0};
    struct ruleset *rs = rules_new();
    const char *text = "\xEF\xBB\xBFid\ttype\tname\tin\taliases\n"
                       "strelsau\tcity\tStrelsau\t\tStrelsau\n";
    cr_assert_eq(rules_load_text(rs, "places.tsv", text, strlen(text), &d), 0, "errors: %zu", d.errors);
    cr_assert_eq(rules_compile(rs, &d), 0, "errors: %zu", d.errors);
    cr_assert_not_null(lexicon_get(rs->lex, "strelsau"));
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, entity_list_without_its_header_is_an_error)
{
    struct diag d = {0};
    struct ruleset *rs = rules_new();
    const char *text = "# places\nstrelsau\tcity\tStrelsau\t\tStrelsau\n";
    cr_assert_neq(rules_load_text(rs, "places.tsv", text, strlen(text), &d), 0);
    const struct diag_entry *e = first_error(&d);
    cr_assert_eq(e->line, 2);
    cr_assert(strstr(e->msg, "header") != NULL, "%s", e->msg);
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, entity_list_errors_point_at_line_and_field)
{
    struct diag d = {0};
    struct ruleset *rs = rules_new();
    const char *text = "id\ttype\tname\tin\taliases\n"
                       "a\tcity\tA\n"          /* too few fields */
                       "b\ttown\tB\t\tB\n"     /* unknown type, column 3 */
                       "c\tcity\tC\xff\t\tC\n" /* not UTF-8, column 9 */
                       "d\tcity\tD\t\tD\n";
    cr_assert_neq(rules_load_text(rs, "p.tsv", text, strlen(text), &d), 0);
    cr_assert_eq(d.errors, 3);
    cr_assert_eq(d.v[0].line, 2);
    cr_assert(strstr(d.v[0].msg, "expected 5 tab-separated fields") != NULL, "%s", d.v[0].msg);
    cr_assert_eq(d.v[1].line, 3);
    cr_assert_eq(d.v[1].col, 3);
    cr_assert(strstr(d.v[1].msg, "unknown entity type 'town'") != NULL, "%s", d.v[1].msg);
    cr_assert_eq(d.v[2].line, 4);
    cr_assert_eq(d.v[2].col, 9);
    cr_assert(lexicon_get(rs->lex, "d") != NULL); /* the good lines are kept */
    rules_free(rs);
    diag_free(&d);
}

Test(rules_load, entity_list_duplicate_id_is_an_error_at_its_line)
{
    struct diag d = {0};
    struct ruleset *rs = rules_new();
    const char *text = "id\ttype\tname\tin\taliases\n"
                       "a\tcity\tA\t\tA\n"
                       "a\tcity\tA2\t\tA2\n";
    cr_assert_neq(rules_load_text(rs, "p.tsv", text, strlen(text), &d), 0);
    cr_assert_eq(first_error(&d)->line, 3);
    cr_assert(strstr(first_error(&d)->msg, "already defined at p.tsv:2:1") != NULL, "%s", first_error(&d)->msg);
    rules_free(rs);
    diag_free(&d);
}
