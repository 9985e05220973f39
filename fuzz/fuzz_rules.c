/* fuzz_rules.c - libFuzzer target: the rule and lexicon loader (YAML),
 * macro expansion and pattern compilation, then extraction with the
 * result.
 *
 * The first byte chooses what the input is loaded with: alone, or after the
 * built-in kinds (rules/kinds.yml) so that extractors and checks naming
 * them get past name resolution, or after every built-in file (slow: one
 * input in eight); and, by its bit 3, whether it is read as YAML or as a
 * TSV entity list.  When the rules compile, a fixed article is run through
 * extraction and the checks with them: user patterns must not hang or crash
 * a run either. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "claim.h"
#include "diag.h"
#include "document.h"
#include "embedded.h"
#include "extract.h"
#include "normalize.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static const char article[] =
    "---\ndate: 2022-03-07\nsource: Fuzz Daily\n---\n"
    "Prime Minister Naftali Bennett spoke by phone with Russian President Vladimir Putin on "
    "Sunday, the Kremlin said.\n\n"
    "On Wednesday Israel joined 140 other countries in voting in favour of a UN General "
    "Assembly resolution.\n\n"
    "Bennett met Putin in Moscow on Saturday, in a two-hour meeting.\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return normalize_init() == 0 ? 0 : 1;
}

static void load_builtin(struct ruleset *rs, int all, struct diag *d)
{
    for (const struct embedded_file *f = embedded_files; f->name; f++)
        if (all || strcmp(f->name, "rules/kinds.yml") == 0) rules_load_text(rs, f->name, f->data, f->len, d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    unsigned mode = data[0] & 7;
    struct diag d = {0};
    struct ruleset *rs = rules_new();
    if (mode >= 1) load_builtin(rs, mode == 7, &d);
    int rc = rules_load_text(rs, data[0] & 8 ? "fuzz.tsv" : "fuzz.yml", (const char *)data + 1, size - 1, &d);
    if (rc == 0) rc = rules_compile(rs, &d);
    static FILE *null;
    if (!null) null = fopen("/dev/null", "w");
    if (null) diag_print(&d, null, 0);
    if (rc == 0 && !d.errors) {
        struct diag xd = {0};
        struct document *doc = document_from_bytes("fuzz.md", article, sizeof article - 1, NULL, &xd);
        struct claimset cs = {0};
        uint32_t idx = claimset_add_doc(&cs, doc->path, doc->id, doc->source, doc->has_date, doc->date,
                                        doc->date_from, doc->skip, 0);
        struct extract_ctx *x = extract_ctx_new(rs);
        extract_document(x, doc, idx, &cs, &xd);
        struct findings f = {0};
        check_run(rs, &cs, &f);
        findings_free(&f);
        extract_ctx_free(x);
        claimset_free(&cs);
        document_free(doc);
        diag_free(&xd);
    }
    diag_free(&d);
    rules_free(rs);
    return 0;
}
