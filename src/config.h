/* config.h - .crosscheck.yml: a project's defaults for check and extract.
 *
 * The file is a YAML mapping with the keys rules, extra-rules, reference
 * (each a path or a list of paths, relative to the file's directory),
 * fail-on, format and date.  Options on the command line replace the value
 * of the same key (lists included: --rules replaces the file's rules, it
 * does not add to them).  Every string a struct config holds is owned by it
 * and freed by config_free. */
#ifndef CC_CONFIG_H
#define CC_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "document.h"
#include "pipeline.h"

#define CONFIG_NAME ".crosscheck.yml"

/* A zeroed struct config (with fail_on = -1) is "no configuration";
 * config_init makes one. */
struct config {
    char *path;   /* the file that was read, or NULL */
    char **rules; /* rules: replace the built-in rules */
    size_t nrules;
    char **extra; /* extra-rules: add to them */
    size_t nextra;
    char **reference; /* reference: the reference corpus (gate mode) */
    size_t nreference;
    int fail_on;  /* fail-on: a DIAG_* level, DIAG_ERROR + 1 for never; -1 unset */
    char *format; /* format: the default format of check, or NULL */
    int has_date; /* date: publication date for undated documents */
    int32_t date;
};

void config_init(struct config *cfg);
void config_free(struct config *cfg);

/* Look for CONFIG_NAME in the directory dir, then in its parent, and so on up
 * to the filesystem root.  Returns the path found (owned), spelled relative to
 * dir when dir is relative ("../../.crosscheck.yml" from "."), or NULL when
 * there is none or dir cannot be resolved. */
char *config_find(const char *dir);

/* Read and validate the file at path into cfg (which config_init made).
 * Paths in the file are resolved against the file's directory and must
 * exist.  Returns 0, or -1 with "path:line:col: error: ..." diagnostics in d
 * (cfg is then left empty). */
int config_load(struct config *cfg, const char *path, struct diag *d);

/* As config_load, for the text[0..len) of a file named path (which need not
 * exist; paths in it are still resolved against its directory and checked). */
int config_load_text(struct config *cfg, const char *path, const char *text, size_t len, struct diag *d);

/* Give the rule options the configured rules and extra rules when the
 * command line set none (cap: the room in ro->rules and ro->extra), and the
 * document options the configured date when --date was not given.  The
 * strings stay owned by cfg. */
void config_apply(const struct config *cfg, struct rule_opts *ro, size_t cap, struct doc_opts *dopt);

/* Parse a --fail-on / fail-on: value: error, warning, note or never.
 * Returns the level (DIAG_ERROR + 1 for never) or -1. */
int config_fail_on(const char *s);

#endif
