/* test_config.c - .crosscheck.yml: keys, paths relative to the file, errors
 * with positions, finding the file upward, options over configuration. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"

/* Tests run in tests/unit: "../data" exists, with "walk" and "records.jsonl". */
#define CONF "../data/.crosscheck.yml"

static int load(struct config *cfg, const char *path, const char *text, struct diag *d)
{
    config_init(cfg);
    return config_load_text(cfg, path, text, strlen(text), d);
}

static const struct diag_entry *first_error(const struct diag *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].level == DIAG_ERROR) return &d->v[i];
    return NULL;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

/* ==== Keys and values ==== */

Test(config_load, every_key_is_read_and_paths_are_relative_to_the_file)
{
    struct config cfg;
    struct diag d = {0};
    int rc = load(&cfg, CONF,
                  "rules: [walk, ./walk/b]\n"
                  "extra-rules: walk/a.txt\n"
                  "reference:\n"
                  "  - records.jsonl\n"
                  "fail-on: warning\n"
                  "format: sarif\n"
                  "date: 2022-03-07\n",
                  &d);
    cr_assert_eq(rc, 0, "%s", d.n ? d.v[0].msg : "");
    cr_assert_eq(cfg.nrules, 2);
    cr_assert_str_eq(cfg.rules[0], "../data/walk");
    cr_assert_str_eq(cfg.rules[1], "../data/walk/b", "a leading ./ is dropped");
    cr_assert_eq(cfg.nextra, 1);
    cr_assert_str_eq(cfg.extra[0], "../data/walk/a.txt");
    cr_assert_eq(cfg.nreference, 1);
    cr_assert_str_eq(cfg.reference[0], "../data/records.jsonl");
    cr_assert_eq(cfg.fail_on, DIAG_WARNING);
    cr_assert_str_eq(cfg.format, "sarif");
    cr_assert(cfg.has_date);
    cr_assert_str_eq(cfg.path, CONF);
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, file_in_working_directory_keeps_paths_as_written)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, ".crosscheck.yml", "reference: ../data/walk\nfail-on: never\n", &d), 0);
    cr_assert_str_eq(cfg.reference[0], "../data/walk");
    cr_assert_eq(cfg.fail_on, DIAG_ERROR + 1, "never is above every severity");
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, resolved_paths_are_cleaned_lexically)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, "../data/sub/.crosscheck.yml", "reference: [../walk/./b/.., ../../data//walk/b/]\n", &d), 0,
                 "%s", d.n ? d.v[0].msg : "");
    cr_assert_str_eq(cfg.reference[0], "../data/walk");
    cr_assert_str_eq(cfg.reference[1], "../data/walk/b");
    config_free(&cfg);
    cr_assert_eq(load(&cfg, "/x/.crosscheck.yml", "reference: ../../..\n", &d), 0);
    cr_assert_str_eq(cfg.reference[0], "/", "nothing is above the root");
    config_free(&cfg);
    cr_assert_eq(load(&cfg, "walk/.crosscheck.yml", "reference: ..\n", &d), 0);
    cr_assert_str_eq(cfg.reference[0], ".");
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, absolute_paths_are_kept)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, CONF, "reference: /\n", &d), 0);
    cr_assert_str_eq(cfg.reference[0], "/");
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, empty_file_sets_nothing)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, CONF, "", &d), 0);
    cr_assert_eq(cfg.nrules + cfg.nextra + cfg.nreference, 0);
    cr_assert_eq(cfg.fail_on, -1);
    cr_assert_null(cfg.format);
    cr_assert_not(cfg.has_date);
    config_free(&cfg);
    diag_free(&d);
}

/* ==== Errors, with positions ==== */

Test(config_load, unknown_key_is_reported_at_the_key)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, CONF, "format: json\nfail_on: warning\n", &d), -1);
    const struct diag_entry *e = first_error(&d);
    cr_assert_not_null(e);
    cr_assert_str_eq(e->path, CONF);
    cr_assert_eq(e->line, 2);
    cr_assert_eq(e->col, 1);
    cr_assert_not_null(strstr(e->msg, "unknown key 'fail_on'"), "%s", e->msg);
    cr_assert_str_eq(e->excerpt, "fail_on: warning");
    cr_assert_null(cfg.format, "a configuration with errors is left empty");
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, bad_fail_on_is_reported_at_the_value)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, CONF, "fail-on: warnings\n", &d), -1);
    const struct diag_entry *e = first_error(&d);
    cr_assert_not_null(e);
    cr_assert_eq(e->line, 1);
    cr_assert_eq(e->col, 10);
    cr_assert_not_null(strstr(e->msg, "'warnings'"), "%s", e->msg);
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, bad_format_and_date_are_both_reported)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, CONF, "format: pdf\ndate: 2022-02-30\n", &d), -1);
    cr_assert_eq(d.errors, 2);
    cr_assert_not_null(strstr(d.v[0].msg, "unknown format 'pdf'"), "%s", d.v[0].msg);
    cr_assert_eq(d.v[1].line, 2);
    cr_assert_eq(d.v[1].col, 7);
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, missing_path_is_reported_at_its_list_item)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, CONF, "reference: [walk, no-such-corpus]\n", &d), -1);
    const struct diag_entry *e = first_error(&d);
    cr_assert_not_null(e);
    cr_assert_eq(e->line, 1);
    cr_assert_eq(e->col, 19);
    cr_assert_not_null(strstr(e->msg, "../data/no-such-corpus"), "the resolved path is named: %s", e->msg);
    cr_assert_eq(cfg.nreference, 0);
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, empty_value_and_empty_list_are_errors)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, CONF, "rules:\nreference: []\n", &d), -1);
    cr_assert_eq(d.errors, 2);
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, duplicate_key_is_an_error)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, CONF, "format: json\nformat: text\n", &d), -1);
    const struct diag_entry *e = first_error(&d);
    cr_assert_not_null(e);
    cr_assert_eq(e->line, 2);
    cr_assert_not_null(strstr(e->msg, "duplicate key 'format'"), "%s", e->msg);
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, top_level_list_is_an_error)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, CONF, "- rules\n", &d), -1);
    cr_assert_eq(first_error(&d)->line, 1);
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, malformed_yaml_is_reported_with_position)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, CONF, "format: [json\n", &d), -1);
    const struct diag_entry *e = first_error(&d);
    cr_assert_not_null(e);
    cr_assert_str_eq(e->path, CONF);
    cr_assert_gt(e->line, 0);
    config_free(&cfg);
    diag_free(&d);
}

Test(config_load, unreadable_file_is_an_error)
{
    struct config cfg;
    struct diag d = {0};
    config_init(&cfg);
    cr_assert_eq(config_load(&cfg, "../data/no-such-config.yml", &d), -1);
    cr_assert_not_null(strstr(d.v[0].msg, "cannot read the configuration"), "%s", d.v[0].msg);
    config_free(&cfg);
    diag_free(&d);
}

/* ==== Finding the file ==== */

/* A fresh directory tree top/a/b; returns top (owned). */
static char *make_tree(void)
{
    char tmpl[] = "/tmp/cc-config-XXXXXX";
    char *top = mkdtemp(tmpl);
    cr_assert_not_null(top);
    char p[256];
    snprintf(p, sizeof p, "%s/a", top);
    cr_assert_eq(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/a/b", top);
    cr_assert_eq(mkdir(p, 0700), 0);
    return strdup(top);
}

static void remove_tree(const char *top)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
    cr_assert_eq(system(cmd), 0);
}

Test(config_find, nearest_ancestor_wins_and_is_spelled_relative)
{
    char *top = make_tree();
    char p[256], b[256];
    snprintf(p, sizeof p, "%s/" CONFIG_NAME, top);
    write_file(p, "format: json\n");
    snprintf(p, sizeof p, "%s/a/" CONFIG_NAME, top);
    write_file(p, "format: text\n");
    snprintf(b, sizeof b, "%s/a/b", top);

    char *found = config_find(b);
    cr_assert_str_eq(found, p, "the nearest file, as an absolute path from an absolute directory");
    free(found);

    cr_assert_eq(chdir(b), 0); /* each test runs in its own process */
    found = config_find(".");
    cr_assert_str_eq(found, "../" CONFIG_NAME);
    free(found);

    /* the file in the working directory itself comes first */
    write_file(CONFIG_NAME, "");
    found = config_find(".");
    cr_assert_str_eq(found, CONFIG_NAME);
    free(found);
    remove_tree(top);
    free(top);
}

Test(config_find, directory_named_like_the_file_is_not_taken)
{
    char *top = make_tree();
    char p[256], b[256];
    snprintf(p, sizeof p, "%s/a/" CONFIG_NAME, top);
    cr_assert_eq(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/" CONFIG_NAME, top);
    write_file(p, "");
    snprintf(b, sizeof b, "%s/a/b", top);
    char *found = config_find(b);
    cr_assert_str_eq(found, p);
    free(found);
    remove_tree(top);
    free(top);
}

Test(config_find, missing_directory_finds_nothing)
{
    cr_assert_null(config_find("../data/no-such-directory"));
}

/* ==== Options over configuration ==== */

Test(config_apply, fills_only_what_the_command_line_left_unset)
{
    struct config cfg;
    struct diag d = {0};
    cr_assert_eq(load(&cfg, CONF, "rules: walk\nextra-rules: walk/b\ndate: 2022-03-07\n", &d), 0);

    char *rules[4], *extra[4];
    char cli[] = "my-rules";
    struct rule_opts ro = {rules, 0, extra, 0};
    struct doc_opts dopt = {0};
    rules[ro.nrules++] = cli;
    config_apply(&cfg, &ro, 4, &dopt);
    cr_assert_eq(ro.nrules, 1, "--rules replaces the configured rules, it does not add to them");
    cr_assert_str_eq(ro.rules[0], "my-rules");
    cr_assert_eq(ro.nextra, 1);
    cr_assert_str_eq(ro.extra[0], "../data/walk/b");
    cr_assert(dopt.has_date);

    struct doc_opts given = {1, 42, 0};
    config_apply(&cfg, NULL, 0, &given);
    cr_assert_eq(given.date, 42, "--date wins over date:");
    config_free(&cfg);
    diag_free(&d);
}

Test(config_fail_on, names_map_to_levels)
{
    cr_assert_eq(config_fail_on("error"), DIAG_ERROR);
    cr_assert_eq(config_fail_on("warning"), DIAG_WARNING);
    cr_assert_eq(config_fail_on("note"), DIAG_NOTE);
    cr_assert_eq(config_fail_on("never"), DIAG_ERROR + 1);
    cr_assert_eq(config_fail_on("Error"), -1);
}
