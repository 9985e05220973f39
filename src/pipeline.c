/* pipeline.c - load the rules, walk the corpus, extract claims. */
#include "pipeline.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "corpus.h"
#include "extract.h"
#include "normalize.h"

struct ruleset *pipeline_rules(const struct rule_opts *o, struct diag *d)
{
    struct ruleset *rs = rules_new();
    int rc = 0;
    if (o->nrules == 0)
        rc |= rules_load_embedded(rs, d);
    for (size_t i = 0; i < o->nrules; i++) rc |= rules_load_dir(rs, o->rules[i], d);
    for (size_t i = 0; i < o->nextra; i++) rc |= rules_load_dir(rs, o->extra[i], d);
    if (rc == 0) rc = rules_compile(rs, d);
    if (rc != 0 || d->errors) {
        rules_free(rs);
        return NULL;
    }
    if (normalize_init() < 0) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot initialize the normalizer");
        rules_free(rs);
        return NULL;
    }
    return rs;
}

size_t pipeline_extract(const struct ruleset *rs, char *const *inputs, size_t n, const struct doc_opts *dopt,
                        int is_draft, struct claimset *cs, FILE *err, int color, doc_done_fn done, void *arg)
{
    struct corpus *c = corpus_open(inputs, n, dopt);
    struct extract_ctx *x = extract_ctx_new(rs);
    struct diag d = {0};
    size_t count = 0;
    struct document *doc;
    while ((doc = corpus_next(c, &d))) {
        doc->is_draft = is_draft;
        uint32_t idx = claimset_add_doc(cs, doc->path, doc->id, doc->source, doc->has_date, doc->date,
                                        doc->date_from, doc->skip, is_draft);
        if (!doc->skip) extract_document(x, doc, idx, cs, &d);
        if (d.n) {
            diag_print(&d, err, color);
            diag_clear(&d);
        }
        if (done) done(cs, idx, arg);
        document_free(doc);
        count++;
    }
    if (d.n) diag_print(&d, err, color);
    diag_free(&d);
    extract_ctx_free(x);
    corpus_close(c);
    return count;
}

int parse_date_opt(const char *s, int32_t *day)
{
    return cal_parse_iso(s, strlen(s), day);
}

int stderr_color(void)
{
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc) return 0;
    return isatty(2);
}
