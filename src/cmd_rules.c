/* cmd_rules.c - crosscheck rules lint|list: validate and show the rule set. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "lexicon.h"
#include "pipeline.h"

static const char usage[] =
    "usage: crosscheck rules lint [PATH...]   validate rule and lexicon files\n"
    "       crosscheck rules list [PATH...]   list kinds, extractors (how each runs) and checks\n"
    "\n"
    "Without PATH the built-in rules are used.  Errors are reported as\n"
    "FILE:LINE:COL: error: MESSAGE; the exit status is 2 when there are any.\n";

int cmd_rules(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    int list = strcmp(argv[1], "list") == 0;
    if (!list && strcmp(argv[1], "lint") != 0) {
        fprintf(stderr, "crosscheck: rules: unknown action '%s'\n", argv[1]);
        fputs(usage, stderr);
        return 2;
    }
    struct rule_opts ro = {argv + 2, (size_t)(argc - 2), NULL, 0};
    struct diag d = {0};
    struct ruleset *rs = pipeline_rules(&ro, &d);
    diag_print(&d, stderr, stderr_color());
    size_t warnings = d.warnings;
    diag_free(&d);
    if (!rs) return 2;
    if (list) {
        for (size_t i = 0; i < rs->nkinds; i++) {
            const struct kind_def *k = &rs->kinds[i];
            printf("kind %s:", k->name);
            for (int f = 0; f < k->nfields; f++)
                printf(" %s(%s)", k->fields[f].name, field_type_name(k->fields[f].type));
            printf("\n");
        }
        for (size_t i = 0; i < rs->nex; i++) {
            const struct extractor *x = &rs->ex[i];
            char name[128];
            printf("extractor %s -> %s  (%s:%u)", x->id, x->kind->name, x->path, x->line);
            /* how it runs (pattern_shape.h): where it is tried, the
             * annotations it needs, its sentence guard */
            if (x->start_classes) {
                ann_classes_name(x->start_classes, name, sizeof name);
                printf("  at %s", name);
            } else {
                printf("  searched");
            }
            for (int k = 0; k < x->nneed; k++) {
                ann_classes_name(x->need[k], name, sizeof name);
                printf("%s%s", k ? " " : "; needs ", name);
            }
            if (x->guard) printf("; guarded");
            printf("\n");
        }
        for (size_t i = 0; i < rs->nchecks; i++)
            printf("check %s on %s.%s (%s)  (%s:%u)\n", rs->checks[i].id, rs->checks[i].kind->name,
                   rs->checks[i].kind->fields[rs->checks[i].compare].name, comparator_name(rs->checks[i].comparator),
                   rs->checks[i].path, rs->checks[i].line);
    }
    printf("rules ok: %zu files, %zu kinds, %zu extractors, %zu checks, %zu entities, %zu cues%s\n", rs->nfiles,
           rs->nkinds, rs->nex, rs->nchecks, lexicon_count(rs->lex),
           rs->nmodality + rs->nattribution + rs->nboilerplate, warnings ? " (with warnings)" : "");
    rules_free(rs);
    return 0;
}
