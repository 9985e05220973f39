/* cmd_extract.c - crosscheck extract: print the claims of a corpus. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "commands.h"
#include "claimio.h"
#include "config.h"
#include "pipeline.h"

static const char usage[] = "usage: crosscheck extract [options] [PATH...]\n"
                            "\n"
                            "Print every claim found in the documents (files, directories, JSONL\n"
                            "corpora; '-' or nothing for standard input).\n"
                            "\n"
                            "  -f, --format FMT      jsonl (default) or text\n"
                            "  -r, --rules PATH      use the rules in PATH instead of the built-in ones (repeatable)\n"
                            "  -R, --extra-rules PATH  add the rules in PATH to the built-in ones (repeatable)\n"
                            "  -d, --date DATE       publication date (YYYY-MM-DD) for documents without one\n"
                            "  --no-events           stream claims as documents are read, without event ids\n"
                            "                        (events need the whole corpus, so by default claims are\n"
                            "                        printed at the end with \"event\" and \"event_basis\")\n"
                            "  -j, --jobs N          extract with N threads (default: one per processor);\n"
                            "                        the output is the same whatever N\n"
                            "  --slice K/N           only the documents whose index in the walk, counted from\n"
                            "                        0, is K modulo N; print them as a claim shard (document\n"
                            "                        and claim records for check --claims), without event ids\n"
                            "  --config FILE         read defaults (rules, extra-rules, date) from FILE instead\n"
                            "                        of the .crosscheck.yml found here or above\n"
                            "  --no-config           read no configuration file\n"
                            "  -h, --help            this help\n";

struct out_state {
    int text;
    int events;
    int shard; /* --slice: claim shard records */
    struct buf b;
};

/* Stream each document's claims, then drop them: memory stays flat. */
static void print_claims(struct claimset *cs, uint32_t doc, struct out_state *st)
{
    for (size_t i = 0; i < cs->n; i++) {
        const struct claim *c = &cs->v[i];
        if (doc != UINT32_MAX && c->doc != doc) continue;
        buf_reset(&st->b);
        if (st->text) {
            buf_printf(&st->b, "%s:%u:%u: %s", cs->docs[c->doc].path, c->line, c->col, c->kind->name);
            for (int f = 0; f < c->kind->nfields; f++) {
                if (!claim_field(c, f)->set) continue;
                buf_printf(&st->b, " %s=", c->kind->fields[f].name);
                value_format(&st->b, claim_field(c, f), c->kind->fields[f].type);
            }
            if (c->modality != MOD_ASSERTED) buf_printf(&st->b, " (%s)", modality_name(c->modality));
            if (c->attribution) buf_printf(&st->b, " (per %s)", c->attribution);
            if (c->event_why) buf_printf(&st->b, " event=%u(%s)", c->event, event_basis_name(c->event_why));
            buf_printf(&st->b, " [%s]\n", c->rule->id);
        } else {
            claim_json(&st->b, cs, c);
            buf_putc(&st->b, '\n');
        }
        fwrite(st->b.s, 1, st->b.len, stdout);
    }
}

/* Stream each document's claims, then drop them: memory stays flat. */
static void print_doc(struct claimset *cs, uint32_t doc, unsigned seq, void *arg)
{
    struct out_state *st = arg;
    if (st->events) return;
    if (st->shard) {
        buf_reset(&st->b);
        claimio_write_doc(&st->b, cs, doc, seq);
        fwrite(st->b.s, 1, st->b.len, stdout);
    } else {
        print_claims(cs, doc, st);
    }
    for (size_t i = 0; i < cs->n; i++) claim_free(&cs->v[i]);
    cs->n = 0;
}

int cmd_extract(int argc, char **argv, const struct config *cfg)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"rules", required_argument, NULL, 'r'},
                                             {"extra-rules", required_argument, NULL, 'R'},
                                             {"date", required_argument, NULL, 'd'},
                                             {"no-events", no_argument, NULL, 'E'},
                                             {"jobs", required_argument, NULL, 'j'},
                                             {"slice", required_argument, NULL, 'S'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int events = 1;
    struct extract_opts xo = {pipeline_default_jobs(), 0, 0};
    struct rule_opts ro = {0};
    struct doc_opts dopt = {0};
    const char *format = "jsonl";
    char *rules[64], *extra[64];
    ro.rules = rules;
    ro.extra = extra;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "f:r:R:d:j:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f': format = optarg; break;
        case 'r':
            if (push_opt(rules, &ro.nrules, 64, "extract", "--rules", optarg) < 0) return 2;
            break;
        case 'R':
            if (push_opt(extra, &ro.nextra, 64, "extract", "--extra-rules", optarg) < 0) return 2;
            break;
        case 'd':
            if (parse_date_opt(optarg, &dopt.date) < 0) {
                fprintf(stderr, "crosscheck: --date: '%s' is not a date (YYYY-MM-DD)\n", optarg);
                return 2;
            }
            dopt.has_date = 1;
            break;
        case 'E': events = 0; break;
        case 'j':
            if ((xo.jobs = parse_jobs_opt(optarg)) < 0) {
                fprintf(stderr, "crosscheck: --jobs: '%s' is not a number of threads (1 to 1024)\n", optarg);
                return 2;
            }
            break;
        case 'S':
            if (parse_slice_opt(optarg, &xo.slice_k, &xo.slice_n) < 0) {
                fprintf(stderr, "crosscheck: --slice: '%s' is not K/N with 0 <= K < N\n", optarg);
                return 2;
            }
            break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return 2;
        }
    }
    config_apply(cfg, &ro, 64, &dopt); /* .crosscheck.yml: what the options left unset */
    if (strcmp(format, "jsonl") != 0 && strcmp(format, "text") != 0) {
        fprintf(stderr, "crosscheck: extract: unknown format '%s' (jsonl or text)\n", format);
        return 2;
    }
    struct diag d = {0};
    struct ruleset *rs = pipeline_rules(&ro, &d);
    diag_print(&d, stderr, stderr_color());
    diag_free(&d);
    if (!rs) return 2;
    char *stdin_only[] = {"-"};
    char **inputs = optind < argc ? argv + optind : stdin_only;
    size_t n = optind < argc ? (size_t)(argc - optind) : 1;
    struct claimset cs = {0};
    if (xo.slice_n && strcmp(format, "jsonl") != 0) {
        fprintf(stderr,
                "crosscheck: extract: --slice writes claim shards (JSON lines); --format text does not apply\n");
        rules_free(rs);
        return 2;
    }
    if (xo.slice_n) events = 0; /* events need the whole corpus: check --claims computes them */
    struct out_state st = {strcmp(format, "text") == 0, events, xo.slice_n != 0, {0}};
    pipeline_extract(rs, inputs, n, &dopt, &xo, 0, &cs, stderr, stderr_color(), print_doc, &st);
    if (events) {
        check_events(rs, &cs);
        print_claims(&cs, UINT32_MAX, &st);
    }
    buf_free(&st.b);
    claimset_free(&cs);
    rules_free(rs);
    return fflush(stdout) == 0 ? 0 : 2;
}
