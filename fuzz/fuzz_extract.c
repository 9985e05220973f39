/* fuzz_extract.c - libFuzzer target: the whole extract path with the
 * built-in rules: document, sentences, mentions, normalizer, extractor
 * patterns, modality and attribution, then events, checks and the JSON,
 * SARIF and text reports.
 *
 * The first byte chooses the document's format (text or Markdown) and
 * whether a fallback date is given; the rest is the article.  The input is
 * checked against itself and against a fixed second article, so findings
 * (which need two sources) are produced too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "claim.h"
#include "diag.h"
#include "document.h"
#include "extract.h"
#include "normalize.h"
#include "report.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct ruleset *rs;
static FILE *null;

static const char other[] =
    " date 2022-03-03 Israel voted in favour of the General Assembly resolution alongside 140 "
    "other states on Wednesday.  Bennett met Putin at the Kremlin on Saturday for about three "
    "hours.\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    struct diag d = {0};
    rs = rules_new();
    if (rules_load_embedded(rs, &d) < 0 || rules_compile(rs, &d) < 0 || normalize_init() < 0) {
        diag_print(&d, stderr, 0);
        abort();
    }
    diag_free(&d);
    null = fopen("/dev/null", "w");
    return 0;
}

static void add(struct extract_ctx *x, struct claimset *cs, const char *path, const char *text, size_t n,
                const struct doc_opts *o, struct diag *d)
{
    struct document *doc = document_from_bytes(path, text, n, o, d);
    uint32_t idx = claimset_add_doc(cs, doc->path, doc->id, doc->source, doc->has_date, doc->date,
                                    doc->date_from, doc->skip, 0);
    if (!doc->skip) extract_document(x, doc, idx, cs, d);
    document_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    struct doc_opts o = {0};
    o.has_date = data[0] & 2;
    o.date = 19050 + (data[0] >> 2);
    struct diag d = {0};
    struct claimset cs = {0};
    struct extract_ctx *x = extract_ctx_new(rs);
    add(x, &cs, (data[0] & 1) ? "fuzz.md" : "fuzz.txt", (const char *)data + 1, size - 1, &o, &d);
    add(x, &cs, "other.txt", other, sizeof other - 1, NULL, &d);
    struct findings f = {0};
    check_run(rs, &cs, &f);
    struct report_opts ro = {0};
    if (null) {
        static const int fmts[] = {FMT_JSON, FMT_SARIF, FMT_TEXT};
        report_findings(null, fmts[(data[0] >> 6) % 3], &cs, &f, &ro);
        report_summary(null, &cs, &f);
        diag_print(&d, null, 0);
    }
    findings_free(&f);
    extract_ctx_free(x);
    claimset_free(&cs);
    diag_free(&d);
    return 0;
}
