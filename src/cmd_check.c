/* cmd_check.c - crosscheck check: find where sources disagree. */
#include <errno.h>
#include <getopt.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "claimio.h"
#include "commands.h"
#include "config.h"
#include "pipeline.h"
#include "report.h"

static const char usage[] = "usage: crosscheck check [options] PATH...\n"
                            "       crosscheck check [options] --reference PATH DRAFT...\n"
                            "\n"
                            "Extract the claims of every document and report where sources disagree.\n"
                            "With --reference, the PATHs on the command line are drafts checked against\n"
                            "the reference corpus, and only findings that involve a draft are reported.\n"
                            "\n"
                            "  -f, --format FMT      text (default), json, jsonl, sarif, rdjson, rdjsonl,\n"
                            "                        markdown or html\n"
                            "  --reference PATH      reference corpus (repeatable): gate mode\n"
                            "  --fail-on LEVEL       error (default), warning, note or never: the lowest\n"
                            "                        severity that makes the exit status 1\n"
                            "  -r, --rules PATH      use the rules in PATH instead of the built-in ones (repeatable)\n"
                            "  -R, --extra-rules PATH  add the rules in PATH to the built-in ones (repeatable)\n"
                            "  -d, --date DATE       publication date (YYYY-MM-DD) for documents without one\n"
                            "  -q, --quiet           no summary line on standard error\n"
                            "  --color WHEN          auto (default), always or never\n"
                            "  -j, --jobs N          extract with N threads (default: one per processor)\n"
                            "  --claims FILE         claims written by extract --slice (repeatable): check\n"
                            "                        the merged shards as one corpus, before any PATH\n"
                            "  --config FILE         read defaults from FILE instead of the .crosscheck.yml\n"
                            "                        found in the working directory or above it\n"
                            "  --no-config           read no configuration file\n"
                            "  -h, --help            this help\n"
                            "\n"
                            "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,\n"
                            "2 usage, I/O or rule errors.\n";

int cmd_check(int argc, char **argv, const struct config *cfg)
{
    enum { OPT_REF = 256, OPT_FAIL, OPT_COLOR, OPT_CLAIMS };
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"rules", required_argument, NULL, 'r'},
                                             {"extra-rules", required_argument, NULL, 'R'},
                                             {"date", required_argument, NULL, 'd'},
                                             {"reference", required_argument, NULL, OPT_REF},
                                             {"fail-on", required_argument, NULL, OPT_FAIL},
                                             {"color", required_argument, NULL, OPT_COLOR},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"jobs", required_argument, NULL, 'j'},
                                             {"claims", required_argument, NULL, OPT_CLAIMS},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    struct extract_opts xo = {pipeline_default_jobs(), 0, 0};
    char *shards[256];
    size_t nshards = 0;
    struct rule_opts ro = {0};
    struct doc_opts dopt = {0};
    const char *format = NULL;
    char *rules[64], *extra[64], *refs[256];
    size_t nrefs = 0;
    int fail_on = -1, quiet = 0, color = -1;
    ro.rules = rules;
    ro.extra = extra;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "f:r:R:d:j:qh", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f': format = optarg; break;
        case 'r':
            if (push_opt(rules, &ro.nrules, 64, "check", "--rules", optarg) < 0) return 2;
            break;
        case 'R':
            if (push_opt(extra, &ro.nextra, 64, "check", "--extra-rules", optarg) < 0) return 2;
            break;
        case OPT_REF:
            if (push_opt(refs, &nrefs, 256, "check", "--reference", optarg) < 0) return 2;
            break;
        case 'q': quiet = 1; break;
        case 'j':
            if ((xo.jobs = parse_jobs_opt(optarg)) < 0) {
                fprintf(stderr, "crosscheck: --jobs: '%s' is not a number of threads (1 to 1024)\n", optarg);
                return 2;
            }
            break;
        case OPT_CLAIMS:
            if (push_opt(shards, &nshards, 256, "check", "--claims", optarg) < 0) return 2;
            break;
        case 'd':
            if (parse_date_opt(optarg, &dopt.date) < 0) {
                fprintf(stderr, "crosscheck: --date: '%s' is not a date (YYYY-MM-DD)\n", optarg);
                return 2;
            }
            dopt.has_date = 1;
            break;
        case OPT_FAIL:
            if (strcmp(optarg, "error") == 0)
                fail_on = DIAG_ERROR;
            else if (strcmp(optarg, "warning") == 0)
                fail_on = DIAG_WARNING;
            else if (strcmp(optarg, "note") == 0)
                fail_on = DIAG_NOTE;
            else if (strcmp(optarg, "never") == 0)
                fail_on = DIAG_ERROR + 1;
            else {
                fprintf(stderr, "crosscheck: --fail-on: '%s' (expected error, warning, note or never)\n", optarg);
                return 2;
            }
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "always") == 0)
                color = 1;
            else if (strcmp(optarg, "never") == 0)
                color = 0;
            else if (strcmp(optarg, "auto") == 0)
                color = -1;
            else {
                fprintf(stderr, "crosscheck: --color: '%s' (expected auto, always or never)\n", optarg);
                return 2;
            }
            break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return 2;
        }
    }
    /* .crosscheck.yml fills in what the command line left unset */
    config_apply(cfg, &ro, 64, &dopt);
    if (nrefs == 0)
        for (size_t i = 0; i < cfg->nreference && nrefs < 256; i++) refs[nrefs++] = cfg->reference[i];
    if (!format) format = cfg->format ? cfg->format : "text";
    if (fail_on < 0) fail_on = cfg->fail_on >= 0 ? cfg->fail_on : DIAG_ERROR;
    int fmt = report_format_parse(format);
    if (fmt < 0) {
        fprintf(stderr, "crosscheck: check: unknown format '%s' (expected %s)\n", format, report_format_names());
        return 2;
    }
    /* a reference corpus that is not there would make every draft pass */
    for (size_t i = 0; i < nrefs; i++) {
        struct stat st;
        if (strcmp(refs[i], "-") != 0 && stat(refs[i], &st) != 0) {
            fprintf(stderr, "crosscheck: check: reference %s: %s\n", refs[i], strerror(errno));
            return 2;
        }
    }
    if (optind >= argc && !nshards) {
        fprintf(stderr, "crosscheck: check: no input (give files or directories, or '-' for standard input)\n");
        fputs(usage, stderr);
        return 2;
    }
    int ecolor = stderr_color();
    struct diag d = {0};
    struct ruleset *rs = pipeline_rules(&ro, &d);
    diag_print(&d, stderr, ecolor);
    diag_free(&d);
    if (!rs) return 2;
    struct claimset cs = {0};
    if (nshards && claimio_read(rs, shards, nshards, &cs, &d) < 0) {
        diag_print(&d, stderr, ecolor);
        diag_free(&d);
        claimset_free(&cs);
        rules_free(rs);
        return 2;
    }
    if (nrefs) pipeline_extract(rs, refs, nrefs, &dopt, &xo, 0, &cs, stderr, ecolor, NULL, NULL);
    if (optind < argc)
        pipeline_extract(rs, argv + optind, (size_t)(argc - optind), &dopt, &xo, nrefs > 0, &cs, stderr, ecolor, NULL,
                         NULL);
    struct findings f = {0};
    check_run(rs, &cs, &f);
    if (nrefs) findings_only_drafts(&f);
    struct report_opts o = {color < 0 ? (isatty(1) && !(getenv("NO_COLOR") && *getenv("NO_COLOR"))) : color};
    report_findings(stdout, fmt, &cs, &f, &o);
    if (!quiet) report_summary(stderr, &cs, &f);
    int rc = findings_count_at(&f, fail_on) ? 1 : 0;
    if (fflush(stdout) != 0) rc = 2;
    findings_free(&f);
    claimset_free(&cs);
    rules_free(rs);
    return rc;
}
