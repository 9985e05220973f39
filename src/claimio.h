/* claimio.h - claim shards: the claims of a slice of a corpus as JSON lines,
 * written by `extract --slice` and merged by `check --claims`.
 *
 * A shard holds, for each document of the slice in walk order, a document
 * record
 *
 *   {"document":{"seq":N,"path":...,"id":...,"source":...,"published":...,
 *                "date_from":...,"draft":false,"skipped":null}}
 *
 * followed by its claims: the objects of `extract --format jsonl` (same keys,
 * same order) with two more keys at the end, "seq" (the document's index in
 * the corpus walk) and "raw" (every field value exactly as crosscheck holds
 * it: flags, entity ids, day numbers, interval bounds, words), so that the
 * check of merged shards is the check of one run, byte for byte.  Shards
 * are read back with the same rules (kinds, extractor ids and entity ids are
 * looked up by name). */
#ifndef CC_CLAIMIO_H
#define CC_CLAIMIO_H

#include "buf.h"
#include "claim.h"
#include "diag.h"
#include "rules.h"

/* Append document doc of cs (walk index seq) and its claims to b, one JSON
 * object per line. */
void claimio_write_doc(struct buf *b, const struct claimset *cs, uint32_t doc, unsigned seq);

/* Read the shards paths[0..n) ("-" is standard input) and append their
 * documents and claims to cs, ordered by walk index (ties: in the order the
 * shards were named).  Errors (unreadable file, malformed record, a kind,
 * extractor or entity the rules do not have) go to d as
 * "path:line:col: error: ..."; returns 0, or -1 when there was one. */
int claimio_read(const struct ruleset *rs, char *const *paths, size_t n, struct claimset *cs, struct diag *d);

#endif
