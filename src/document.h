/* document.h - one article: its bytes, publication date, source and positions.
 *
 * A document owns its text.  Offsets everywhere in crosscheck are byte offsets
 * into doc->text; document_position turns one into line and column for
 * reports. */
#ifndef CC_DOCUMENT_H
#define CC_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

enum doc_format {
    DOC_TEXT,     /* plain text, maybe with a leading " date YYYY-MM-DD" */
    DOC_MARKDOWN, /* Markdown, maybe with YAML front matter */
    DOC_RECORD,   /* one record of a JSONL corpus */
};

struct document {
    char *path;            /* owned: the file as named on the command line or found in a walk; "<stdin>" */
    char *id;              /* owned or NULL: the record id of a JSONL record */
    char *source;          /* owned or NULL: outlet ("source:" in front matter, JSONL "source") */
    char *title;           /* owned or NULL */
    int has_date;          /* publication date known */
    int32_t date;          /* day number (calendar.h) when has_date */
    const char *date_from; /* static string: "date-line", "front-matter", "record", "option"; NULL */
    enum doc_format format;
    char *text;     /* owned, NUL-terminated: the article bytes; NULL when skipped.
                     * Invalid UTF-8 bytes have been replaced by '?' (same length,
                     * so offsets hold) and a warning was issued. */
    size_t len;     /* bytes in text */
    size_t body;    /* offset where the article body starts (after a BOM, the date
                     * line or the front matter): sentences are read from here */
    unsigned line0; /* line of text[0] in the file: 1, or the record's line in a JSONL file */
    size_t *lines;  /* owned: offsets of line starts in text (lines[0] == 0) */
    size_t nlines;
    char *skip;   /* owned or NULL: why this input was not read ("binary file",
                   * "not valid JSON at column 17", ...); text is NULL then */
    unsigned seq; /* 0-based order in the corpus walk */
    int is_draft; /* set by the caller (gate mode) */
    /* Private to document.c (positions and labels); do not touch. */
    struct doc_mark *marks; /* owned: sorted anchors for document_position */
    size_t nmarks;
    char *label; /* owned or NULL: "path#id" for records */
};

/* An anchor for positions: byte offset off is at line, column col.  Set
 * after a BOM, every 64 KiB inside very long lines and at each line start of
 * a record, so that document_position costs O(log lines + 64 KiB) at worst. */
struct doc_mark {
    size_t off;
    unsigned line, col;
};

/* Inputs larger than this are skipped ("too large (N bytes, limit M)")
 * before they are read, so memory stays bounded: no article is that long,
 * and a 1 GB file is most likely a dump that does not belong in a corpus.
 * Anything smaller, a 100 MB single line included, is read in full. */
#define DOC_MAX_BYTES ((size_t)128 << 20)

struct doc_opts {
    int has_date; /* a fallback publication date (--date) for documents without one */
    int32_t date;
    size_t max_bytes; /* larger inputs are skipped with a reason; 0 = DOC_MAX_BYTES */
};

/* Build a document from a file's bytes (copied).  The format is chosen from the
 * path's extension (.md/.markdown: Markdown) and the content (front matter).
 * Never returns NULL: a document that cannot be read (binary, NUL bytes, too
 * large) comes back with skip set.  Problems that do not stop reading
 * (invalid UTF-8, a malformed date) are added to d as warnings with the path
 * and line.
 *
 * Decisions: binary means a NUL byte anywhere, a UTF-16 byte order mark, or
 * more than 10% control bytes (below 0x20 except tab, LF, CR, FF, VT; and
 * DEL) in the first 4 KiB.  An empty file is not skipped: it is a document
 * with len 0, no lines but one, and no sentences.  Dates: "YYYY-MM-DD",
 * optionally followed by a time ("2022-03-03T10:00:00Z", "2022-03-03
 * 10:00:00 -5"); the calendar date as written is kept.  An empty or null
 * date value leaves the document undated without a warning.  Unclosed front
 * matter is a warning and the text after the opening "---" is the body.
 * d may be NULL (no diagnostics). */
struct document *document_from_bytes(const char *path, const char *bytes, size_t n, const struct doc_opts *opts,
                                     struct diag *d);

/* Build a document from one JSONL record (a line of a corpus file).  Fields:
 * "text" (also "body", "content"), "id", "source" (also "outlet"), "date"
 * (also "published", "publication_date"; YYYY-MM-DD or an ISO 8601 timestamp),
 * "title".  A line that is not a JSON object with a text gives a document
 * with skip set and a warning "path:line:col: ...". */
struct document *document_from_record(const char *path, unsigned line, const char *json, size_t n,
                                      const struct doc_opts *opts, struct diag *d);

/* As document_from_bytes, but takes ownership of buf (malloc'ed, n bytes of
 * content and room for one more: buf[n] is overwritten with a NUL) instead of
 * copying it: the corpus walk uses it so a 100 MB file is held once.  buf
 * may be NULL when n is over the limit (a file skipped before reading). */
struct document *document_adopt(const char *path, char *buf, size_t n, const struct doc_opts *opts, struct diag *d);

/* As document_from_record; unterminated says the line was the last of the
 * file and had no newline, so a parse error is reported as a truncated record. */
struct document *document_from_record_ex(const char *path, unsigned line, const char *json, size_t n, int unterminated,
                                         const struct doc_opts *opts, struct diag *d);

/* A document that was never read: path (and id) with a reason. */
struct document *document_skipped(const char *path, const char *id, unsigned line, const char *reason);

/* Line (1-based, in the file) and column (1-based, in code points) of byte
 * offset off.  For a JSONL record the line is the record's line and the
 * column counts code points from the start of the record's text. */
void document_position(const struct document *doc, size_t off, unsigned *line, unsigned *col);

/* Label for messages: "path" or "path#id" for a record. */
const char *document_label(const struct document *doc);

void document_free(struct document *doc);

#endif
