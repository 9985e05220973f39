/* corpus.h - walk the inputs and yield documents one at a time, in a stable order.
 *
 * Inputs are files, directories (walked recursively, entries sorted by name,
 * hidden entries and symlink loops skipped), JSONL corpora (.jsonl, .ndjson:
 * one document per line, read line by line so memory does not grow with the
 * file) and "-" for standard input.  Every input is accounted for: what
 * cannot be read comes back as a document with skip set, never silently
 * dropped.
 *
 * In a directory walk the documents are files named *.txt, *.md,
 * *.markdown, *.text, *.jsonl, *.ndjson (any case) or without an extension;
 * other files are ignored without a message, entries starting with '.' are
 * not visited, symlinks are followed, and a directory that leads back to one
 * being walked is a skipped document ("symlink loop").  A file named on the
 * command line is read whatever its name.  Sizes are checked before reading.
 * In a JSONL corpus blank lines are ignored, a UTF-8 BOM on the first line
 * is skipped, each bad record is a skipped document with its line, and a
 * file with no record at all is one skipped document. */
#ifndef CC_CORPUS_H
#define CC_CORPUS_H

#include "diag.h"
#include "document.h"

struct corpus;

/* Opens a walk over inputs[0..n) (strings are copied).  Never fails: a missing
 * input is reported when the walk reaches it. */
struct corpus *corpus_open(char *const *inputs, size_t n, const struct doc_opts *opts);

/* Next document, owned by the caller (document_free), with seq set in walk
 * order; NULL at the end.  Diagnostics (skipped inputs, malformed records)
 * are added to d. */
struct document *corpus_next(struct corpus *c, struct diag *d);

void corpus_close(struct corpus *c);

#endif
