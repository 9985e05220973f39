/* fuzz_document.c - libFuzzer target: the document reader and the corpus walk.
 *
 * The first byte chooses how the rest is read: as a Markdown file (front
 * matter), a text file (date line), a JSONL record per line, or a JSONL
 * corpus file walked by corpus.c (getline, BOM, blank and truncated lines).
 * Every document that was read is then asked for positions, its label and
 * its sentences, the way extraction will. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus.h"
#include "diag.h"
#include "document.h"
#include "sentence.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What extraction and the reports do with a document that was read. */
static void exercise(const struct document *doc)
{
    (void)document_label(doc);
    if (doc->skip || !doc->text) return;
    unsigned line, col;
    for (size_t i = 0; i < doc->nlines; i++) document_position(doc, doc->lines[i], &line, &col);
    for (size_t off = 0; off <= doc->len + 1; off += 1 + off / 3) document_position(doc, off, &line, &col);
    document_position(doc, doc->len, &line, &col);
    struct sentence *sv = NULL;
    size_t n = sentence_split(doc->text, doc->body, doc->len, &sv);
    for (size_t i = 0; i < n; i++) {
        if (sv[i].start > sv[i].end || sv[i].end > doc->len) abort(); /* spans must stay inside */
        document_position(doc, sv[i].start, &line, &col);
    }
    free(sv);
}

/* Diagnostics are printed as they would be, to nowhere. */
static void flush(struct diag *d)
{
    static FILE *null;
    if (!null) null = fopen("/dev/null", "w");
    if (null) diag_print(d, null, 1);
    diag_free(d);
    memset(d, 0, sizeof *d);
}

static void walk_file(const uint8_t *data, size_t size, const struct doc_opts *opts)
{
    static char path[64];
    if (!path[0]) snprintf(path, sizeof path, "/tmp/fuzz-document-%ld.jsonl", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return;
    fwrite(data, 1, size, f);
    fclose(f);
    char *inputs[] = {path};
    struct corpus *c = corpus_open(inputs, 1, opts);
    struct diag d = {0};
    struct document *doc;
    while ((doc = corpus_next(c, &d))) {
        exercise(doc);
        document_free(doc);
    }
    corpus_close(c);
    flush(&d);
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    unsigned mode = data[0] & 3;
    struct doc_opts opts = {0};
    opts.has_date = (data[0] >> 2) & 1;
    opts.date = 19000 + (data[0] >> 3);
    if (data[0] & 0x80) opts.max_bytes = 64; /* the size limit path too */
    const char *text = (const char *)data + 1;
    size_t n = size - 1;
    struct diag d = {0};
    if (mode == 0 || mode == 1) {
        struct document *doc = document_from_bytes(mode ? "fuzz.md" : "fuzz.txt", text, n, &opts, &d);
        exercise(doc);
        document_free(doc);
    } else if (mode == 2) {
        size_t i = 0;
        unsigned line = 1;
        while (i <= n) {
            const char *nl = memchr(text + i, '\n', n - i);
            size_t e = nl ? (size_t)(nl - text) : n;
            struct document *doc = document_from_record_ex("fuzz.jsonl", line, text + i, e - i, !nl, &opts, &d);
            exercise(doc);
            document_free(doc);
            if (!nl) break;
            i = e + 1;
            line++;
        }
    } else {
        walk_file((const uint8_t *)text, n, &opts);
    }
    flush(&d);
    return 0;
}
