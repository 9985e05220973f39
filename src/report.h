/* report.h - findings and claims written for people and programs. */
#ifndef CC_REPORT_H
#define CC_REPORT_H

#include <stdio.h>

#include "check.h"
#include "claim.h"

enum report_format {
    FMT_TEXT,
    FMT_JSON,
    FMT_JSONL,
    FMT_SARIF,    /* SARIF 2.1.0 (report_sarif.c) */
    FMT_RDJSON,   /* reviewdog Diagnostic Format, one DiagnosticResult (report_rdjson.c) */
    FMT_RDJSONL,  /* reviewdog Diagnostic Format, one Diagnostic a line */
    FMT_MARKDOWN, /* for a pull-request comment (report_markdown.c) */
    FMT_HTML,     /* one self-contained page with timelines (report_html.c) */
    FMT_COUNT
};

/* Format by name ("text", "json", "jsonl", "sarif", "rdjson", "rdjsonl",
 * "markdown", "html"), or -1. */
int report_format_parse(const char *name);
const char *report_format_names(void);

/* The version of the JSON contract (BRIEF.md); bumped on incompatible change. */
#define REPORT_SCHEMA_VERSION "1.0"

struct report_opts {
    int color; /* ANSI colour in text output */
};

/* Write the findings (and, for json, sarif, markdown and html, the documents)
 * in format fmt. */
void report_findings(FILE *out, int fmt, const struct claimset *cs, const struct findings *f,
                     const struct report_opts *o);
/* The one-line summary: documents, skipped, claims, findings by severity. */
void report_summary(FILE *out, const struct claimset *cs, const struct findings *f);

#endif
