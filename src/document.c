/* document.c - one article from bytes or a JSONL record: checks, date, front matter, positions. */
#include "document.h"

#include <ctype.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "bytes.h"
#include "calendar.h"
#include "utf8.h"
#include "xalloc.h"

#define SNIFF_BYTES 4096                   /* the binary heuristic looks at this much */
#define SNIFF_CONTROL_PCT 10               /* more control bytes than this share => binary */
#define MARK_STEP ((size_t)64 << 10)       /* extra position anchors inside long lines */
#define FRONT_MATTER_MAX ((size_t)1 << 20) /* larger YAML is not parsed */
#define EXCERPT_MAX 1000                   /* longer lines are not attached to diagnostics */

static const char BOM[] = "\xEF\xBB\xBF";

/* ==== Small helpers ==== */

static size_t max_bytes(const struct doc_opts *opts)
{
    return opts && opts->max_bytes ? opts->max_bytes : DOC_MAX_BYTES;
}

static int is_hspace(char c)
{
    return c == ' ' || c == '\t';
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static struct document *doc_new(const char *path)
{
    struct document *doc = xcalloc(1, sizeof *doc);
    doc->path = xstrdup(path ? path : "<unknown>");
    doc->line0 = 1;
    return doc;
}

static void set_label(struct document *doc)
{
    free(doc->label);
    doc->label = NULL;
    if (doc->id) {
        size_t a = strlen(doc->path), b = strlen(doc->id);
        doc->label = xmalloc(a + b + 2);
        memcpy(doc->label, doc->path, a);
        doc->label[a] = '#';
        memcpy(doc->label + a + 1, doc->id, b + 1);
    }
}

static size_t line_index(const struct document *doc, size_t off);

/* Attach the line holding off to the last diagnostic, unless it is huge. */
static void excerpt_at(struct diag *d, const struct document *doc, size_t off)
{
    if (!d || !doc->text || !doc->nlines) return;
    size_t lo = line_index(doc, off), s = doc->lines[lo];
    if (s == 0 && doc->len >= 3 && memcmp(doc->text, BOM, 3) == 0) s = 3;
    size_t e = lo + 1 < doc->nlines ? doc->lines[lo + 1] : doc->len;
    if (e > s && e - s <= EXCERPT_MAX) diag_excerpt(d, doc->text + s, e - s);
}

/* Warning at byte offset off of doc (line and column computed). */
static void warn_at(struct diag *d, const struct document *doc, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void warn_at(struct diag *d, const struct document *doc, size_t off, const char *fmt, ...)
{
    if (!d) return;
    unsigned line, col;
    document_position(doc, off, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, DIAG_WARNING, doc->path, line, col, fmt, ap);
    va_end(ap);
    excerpt_at(d, doc, off);
}

/* Turn doc into a skipped one with the reason, and warn "path: skipped: reason". */
static void skip_doc(struct document *doc, struct diag *d, unsigned line, unsigned col, const char *reason)
{
    free(doc->text);
    free(doc->lines);
    free(doc->marks);
    doc->text = NULL;
    doc->lines = NULL;
    doc->marks = NULL;
    doc->len = doc->body = doc->nlines = doc->nmarks = 0;
    free(doc->skip);
    doc->skip = xstrdup(reason);
    if (d) diag_add(d, DIAG_WARNING, doc->path, line, col, "skipped: %s", reason);
}

/* Parse a date value: "YYYY-MM-DD", optionally followed by a time as in ISO
 * 8601 ("T10:00:00Z") or YAML (" 10:00:00 -5").  Quotes and spaces around
 * it are ignored.  The calendar date as written is taken; no time zone shift. */
static int parse_date_value(const char *s, size_t n, int32_t *day)
{
    while (n && is_space(*s)) s++, n--;
    while (n && is_space(s[n - 1])) n--;
    if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[n - 1] == s[0]) s++, n -= 2;
    if (n < 10 || cal_parse_iso(s, 10, day) != 0) return -1;
    if (n == 10) return 0;
    if ((s[10] == 'T' || s[10] == 't' || s[10] == ' ') && n > 11 && isdigit((unsigned char)s[11])) return 0;
    return -1;
}

/* Is a date value left empty on purpose ("", "~", "null")? */
static int blank_date(const char *s, size_t n)
{
    while (n && is_space(*s)) s++, n--;
    while (n && is_space(s[n - 1])) n--;
    return n == 0 || (n == 1 && *s == '~') || (n == 4 && strncasecmp(s, "null", 4) == 0);
}

/* Warn about a date value that is neither a date nor left empty; 1 if warned. */
static int unknown_date(struct diag *d, const char *path, unsigned line, unsigned col, const char *v, size_t n)
{
    if (!d || blank_date(v, n)) return 0;
    if (n > 80) { /* shorten, at a character boundary */
        n = 80;
        while (n && ((unsigned char)v[n] & 0xC0) == 0x80) n--;
    }
    diag_add(d, DIAG_WARNING, path, line, col, "unknown date format '%.*s', expected YYYY-MM-DD", (int)n, v);
    return 1;
}

/* ==== Checks on the raw bytes ==== */

/* A reason to refuse these bytes as text, written into why; 0 when they are text.
 * Binary: any NUL byte, or more than SNIFF_CONTROL_PCT% of the first
 * SNIFF_BYTES bytes being control characters other than tab, newline, CR,
 * form feed and vertical tab (ESC and DEL count as control). */
static int binary_reason(const char *b, size_t n, char *why, size_t cap)
{
    if (n >= 2 && (((unsigned char)b[0] == 0xFF && (unsigned char)b[1] == 0xFE) ||
                   ((unsigned char)b[0] == 0xFE && (unsigned char)b[1] == 0xFF))) {
        snprintf(why, cap, "binary file (UTF-16 text is not supported; convert it to UTF-8)");
        return 1;
    }
    const char *z = memchr(b, '\0', n);
    if (z) {
        snprintf(why, cap, "binary file (NUL byte at offset %zu)", (size_t)(z - b));
        return 1;
    }
    size_t sample = n < SNIFF_BYTES ? n : SNIFF_BYTES, ctrl = 0;
    for (size_t i = 0; i < sample; i++) ctrl += byte_class[(unsigned char)b[i]] & BYTE_CTRL;
    if (ctrl * 100 > sample * SNIFF_CONTROL_PCT) {
        snprintf(why, cap, "binary file (%zu control bytes in the first %zu)", ctrl, sample);
        return 1;
    }
    return 0;
}

/* Replace each byte that is not part of well-formed UTF-8 with '?'.  Returns
 * the number replaced; *first gets the offset of the first one. */
static size_t repair_utf8(char *t, size_t n, size_t *first)
{
    size_t bad = 0, i = 0;
    while (i < n) {
        if ((unsigned char)t[i] < 0x80) {
            i++;
            while (i + 8 <= n) { /* skip ASCII eight bytes at a time */
                uint64_t w;
                memcpy(&w, t + i, 8);
                if (w & 0x8080808080808080ull) break;
                i += 8;
            }
            continue;
        }
        size_t k = utf8_valid_len(t + i, n - i);
        if (k) {
            i += k;
            continue;
        }
        if (!bad) *first = i;
        bad++;
        t[i++] = '?';
    }
    return bad;
}

/* ==== Lines and positions ==== */

static void add_mark(struct document *doc, size_t *cap, size_t off, unsigned line, unsigned col)
{
    XGROW(doc->marks, *cap, doc->nmarks + 1);
    doc->marks[doc->nmarks++] = (struct doc_mark){off, line, col};
}

/* Fill lines[] and marks[].  Marks are only where a line start is not
 * enough: after a BOM, every 64 KiB inside very long lines, and at each line
 * start of a record (whose columns run on across its own newlines). */
static void index_lines(struct document *doc)
{
    const char *t = doc->text;
    size_t n = doc->len, off = 0, lcap = 0, mcap = 0;
    int record = doc->format == DOC_RECORD;
    unsigned line = doc->line0, col = 1;
    for (;;) {
        const char *nl = memchr(t + off, '\n', n - off);
        size_t eol = nl ? (size_t)(nl - t) : n;
        XGROW(doc->lines, lcap, doc->nlines + 1);
        doc->lines[doc->nlines++] = off;
        size_t m = off;
        unsigned c = record ? col : 1;
        if (off == 0 && n >= 3 && memcmp(t, BOM, 3) == 0) m = 3; /* the BOM is no column */
        if (record || m != off) add_mark(doc, &mcap, m, line, c);
        while (eol - m > MARK_STEP) {
            size_t next = m + MARK_STEP;
            while (next < eol && ((unsigned char)t[next] & 0xC0) == 0x80) next++;
            c += (unsigned)utf8_count(t + m, next - m);
            m = next;
            add_mark(doc, &mcap, m, line, c);
        }
        if (!nl) break;
        if (record)
            col = c + (unsigned)utf8_count(t + m, eol + 1 - m);
        else
            line++;
        off = eol + 1;
    }
}

/* Line index holding off: the last lines[k] <= off. */
static size_t line_index(const struct document *doc, size_t off)
{
    size_t lo = 0, hi = doc->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The last mark at or before off, or NULL. */
static const struct doc_mark *mark_before(const struct document *doc, size_t off)
{
    if (!doc->nmarks || doc->marks[0].off > off) return NULL;
    size_t lo = 0, hi = doc->nmarks;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->marks[mid].off <= off)
            lo = mid;
        else
            hi = mid;
    }
    return &doc->marks[lo];
}

void document_position(const struct document *doc, size_t off, unsigned *line, unsigned *col)
{
    if (!doc->nlines) {
        *line = doc->line0;
        *col = 1;
        return;
    }
    if (off > doc->len) off = doc->len;
    size_t k = line_index(doc, off), base = doc->lines[k];
    unsigned c = 1;
    *line = doc->format == DOC_RECORD ? doc->line0 : doc->line0 + (unsigned)k;
    const struct doc_mark *m = mark_before(doc, off);
    if (m && m->off >= base) { /* an anchor later in the same line */
        base = m->off;
        c = m->col;
    }
    *col = c + (unsigned)utf8_count(doc->text + base, off - base);
}

/* ==== Date line and front matter ==== */

/* End of the line starting at off: *next gets the start of the following
 * line (or n); returns the offset of the '\n' (or n), before any '\r'. */
static size_t line_end(const char *t, size_t n, size_t off, size_t *next)
{
    const char *nl = memchr(t + off, '\n', n - off);
    size_t e = nl ? (size_t)(nl - t) : n;
    *next = nl ? e + 1 : n;
    while (e > off && t[e - 1] == '\r') e--;
    return e;
}

/* Is the line at off a fence ("---", or "..." when closing is set)? */
static int is_fence(const char *t, size_t n, size_t off, int closing, size_t *next)
{
    if (off + 3 > n) return 0;
    if (memcmp(t + off, "---", 3) != 0 && !(closing && memcmp(t + off, "...", 3) == 0)) return 0;
    size_t e = line_end(t, n, off, next);
    for (size_t i = off + 3; i < e; i++)
        if (!is_hspace(t[i])) return 0;
    return 1;
}

/* " date YYYY-MM-DD text..." or "date: YYYY-MM-DD" / "Date: ..." as first line. */
static void read_date_line(struct document *doc, struct diag *d)
{
    const char *t = doc->text;
    size_t n = doc->len, p = doc->body;
    while (p < n && is_hspace(t[p])) p++;
    if (n - p < 4 || strncasecmp(t + p, "date", 4) != 0) return;
    size_t q = p + 4;
    int colon = q < n && t[q] == ':';
    if (colon)
        q++;
    else if (q >= n || !is_hspace(t[q]))
        return;
    while (q < n && is_hspace(t[q])) q++;
    size_t next, e;
    if (colon) {
        e = line_end(t, n, q, &next); /* the value is the rest of the line */
    } else {
        e = q;
        while (e < n && !is_space(t[e])) e++;
        next = e;
    }
    int32_t day;
    if (parse_date_value(t + q, e - q, &day) == 0) {
        doc->has_date = 1;
        doc->date = day;
        doc->date_from = "date-line";
    } else if (colon) {
        unsigned line, col;
        document_position(doc, q, &line, &col);
        if (unknown_date(d, doc->path, line, col, t + q, e - q)) excerpt_at(d, doc, q);
    } else {
        return; /* "Date palms..." is prose, not a date line */
    }
    while (next < n && is_space(t[next])) next++;
    doc->body = next;
}

static int key_is(const yaml_node_t *k, const char *name)
{
    size_t n = strlen(name);
    return k && k->type == YAML_SCALAR_NODE && k->data.scalar.length == n &&
           strncasecmp((const char *)k->data.scalar.value, name, n) == 0;
}

static char *scalar_dup(const yaml_node_t *v)
{
    if (!v || v->type != YAML_SCALAR_NODE) return NULL;
    return xstrndup((const char *)v->data.scalar.value, v->data.scalar.length);
}

/* Apply the keys of a parsed front matter mapping; fm_line is the file line
 * of the first YAML line, fm_off its byte offset. */
static void apply_front_matter(struct document *doc, yaml_document_t *y, unsigned fm_line, size_t fm_off,
                               struct diag *d)
{
    yaml_node_t *root = yaml_document_get_root_node(y);
    if (!root) return; /* empty front matter */
    if (root->type != YAML_MAPPING_NODE) {
        if (d) diag_add(d, DIAG_WARNING, doc->path, fm_line, 1, "front matter is not a mapping of keys to values");
        return;
    }
    char *source = NULL, *outlet = NULL, *publisher = NULL;
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = yaml_document_get_node(y, pr->key);
        yaml_node_t *v = yaml_document_get_node(y, pr->value);
        if (!v) continue;
        char **slot = key_is(k, "source")      ? &source
                      : key_is(k, "outlet")    ? &outlet
                      : key_is(k, "publisher") ? &publisher
                      : key_is(k, "title")     ? &doc->title
                      : key_is(k, "id")        ? &doc->id
                                               : NULL;
        if (slot) {
            if (!*slot) *slot = scalar_dup(v);
            continue;
        }
        if (!(key_is(k, "date") || key_is(k, "published") || key_is(k, "publication_date")) || doc->has_date) continue;
        int32_t day;
        if (v->type == YAML_SCALAR_NODE &&
            parse_date_value((const char *)v->data.scalar.value, v->data.scalar.length, &day) == 0) {
            doc->has_date = 1;
            doc->date = day;
            doc->date_from = "front-matter";
        } else {
            const char *s = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "(not a scalar)";
            size_t sn = v->type == YAML_SCALAR_NODE ? v->data.scalar.length : strlen(s);
            if (unknown_date(d, doc->path, fm_line + (unsigned)v->start_mark.line, (unsigned)v->start_mark.column + 1,
                             s, sn))
                excerpt_at(d, doc, fm_off + v->start_mark.index);
        }
    }
    doc->source = source ? source : outlet ? outlet : publisher;
    if (doc->source != outlet) free(outlet);
    if (doc->source != publisher) free(publisher);
}

/* YAML between a first line "---" and a line "---" or "...". */
static int read_front_matter(struct document *doc, struct diag *d)
{
    const char *t = doc->text;
    size_t n = doc->len, after;
    if (!is_fence(t, n, doc->body, 0, &after)) return 0;
    size_t q = after, close = n, body = n;
    int closed = 0;
    while (q < n) {
        size_t next;
        if (is_fence(t, n, q, 1, &next)) {
            close = q;
            body = next;
            closed = 1;
            break;
        }
        line_end(t, n, q, &next);
        q = next;
    }
    doc->format = DOC_MARKDOWN;
    unsigned open_line, fm_line, col;
    document_position(doc, doc->body, &open_line, &col);
    fm_line = open_line + 1;
    if (!closed) {
        if (d)
            diag_add(d, DIAG_WARNING, doc->path, open_line, 1,
                     "front matter is not closed by a '---' or '...' line; read as text");
        doc->body = after;
        return 1;
    }
    doc->body = body;
    while (doc->body < n && is_space(t[doc->body])) doc->body++;
    if (close - after > FRONT_MATTER_MAX) {
        if (d)
            diag_add(d, DIAG_WARNING, doc->path, fm_line, 1, "front matter too large (%zu bytes, limit %zu); not read",
                     close - after, (size_t)FRONT_MATTER_MAX);
        return 1;
    }
    yaml_parser_t parser;
    yaml_document_t y;
    if (!yaml_parser_initialize(&parser)) return 1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)t + after, close - after);
    if (yaml_parser_load(&parser, &y)) {
        apply_front_matter(doc, &y, fm_line, after, d);
        yaml_document_delete(&y);
    } else if (d) {
        char ctx[200] = "";
        if (parser.context)
            snprintf(ctx, sizeof ctx, " %s started at line %u, column %u", parser.context,
                     fm_line + (unsigned)parser.context_mark.line, (unsigned)parser.context_mark.column + 1);
        diag_add(d, DIAG_WARNING, doc->path, fm_line + (unsigned)parser.problem_mark.line,
                 (unsigned)parser.problem_mark.column + 1, "malformed front matter: %s%s",
                 parser.problem ? parser.problem : "YAML error", ctx);
        excerpt_at(d, doc, after + parser.problem_mark.index);
    }
    yaml_parser_delete(&parser);
    return 1;
}

/* ==== Building documents ==== */

static int has_ext(const char *path, const char *ext)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    return dot && strcasecmp(dot, ext) == 0;
}

/* Common tail: UTF-8 repair, lines, BOM, front matter or date line, fallback date. */
static void finish_text(struct document *doc, const struct doc_opts *opts, struct diag *d)
{
    size_t first = 0, bad = repair_utf8(doc->text, doc->len, &first);
    index_lines(doc);
    if (bad) warn_at(d, doc, first, "invalid UTF-8: %zu byte%s replaced with '?'", bad, bad == 1 ? "" : "s");
    if (doc->len >= 3 && memcmp(doc->text, BOM, 3) == 0) doc->body = 3;
    if (doc->format != DOC_RECORD && !read_front_matter(doc, d)) read_date_line(doc, d);
    if (!doc->has_date && opts && opts->has_date) {
        doc->has_date = 1;
        doc->date = opts->date;
        doc->date_from = "option";
    }
    set_label(doc);
}

struct document *document_adopt(const char *path, char *buf, size_t n, const struct doc_opts *opts, struct diag *d)
{
    struct document *doc = doc_new(path);
    doc->format = path && (has_ext(path, ".md") || has_ext(path, ".markdown")) ? DOC_MARKDOWN : DOC_TEXT;
    doc->text = buf;
    doc->len = n;
    char why[160];
    if (n > max_bytes(opts)) {
        snprintf(why, sizeof why, "too large (%zu bytes, limit %zu)", n, max_bytes(opts));
        skip_doc(doc, d, 0, 0, why);
        return doc;
    }
    if (!buf) { /* only meaningful with n over the limit */
        buf = xmalloc(1);
        n = doc->len = 0;
        doc->text = buf;
    }
    if (binary_reason(buf, n, why, sizeof why)) {
        skip_doc(doc, d, 0, 0, why);
        return doc;
    }
    buf[n] = '\0';
    finish_text(doc, opts, d);
    return doc;
}

struct document *document_from_bytes(const char *path, const char *bytes, size_t n, const struct doc_opts *opts,
                                     struct diag *d)
{
    if (n > max_bytes(opts)) return document_adopt(path, NULL, n, opts, d);
    char *buf = xmalloc(n + 1);
    if (n) memcpy(buf, bytes, n);
    return document_adopt(path, buf, n, opts, d);
}

struct document *document_skipped(const char *path, const char *id, unsigned line, const char *reason)
{
    struct document *doc = doc_new(path);
    if (id) doc->id = xstrdup(id);
    if (line) doc->line0 = line;
    doc->skip = xstrdup(reason ? reason : "not read");
    set_label(doc);
    return doc;
}

/* ==== JSONL records ==== */

static const char *json_str(json_t *o, const char *const *keys, json_t **found)
{
    for (; *keys; keys++) {
        json_t *v = json_object_get(o, *keys);
        if (v) {
            if (found) *found = v;
            if (json_is_string(v)) return json_string_value(v);
        }
    }
    return NULL;
}

static void record_fields(struct document *doc, json_t *o, struct diag *d)
{
    static const char *const source_keys[] = {"source", "outlet", "publisher", NULL};
    static const char *const title_keys[] = {"title", NULL};
    static const char *const date_keys[] = {"date", "published", "publication_date", NULL};
    json_t *id = json_object_get(o, "id");
    if (json_is_string(id))
        doc->id = xstrdup(json_string_value(id));
    else if (json_is_integer(id)) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        doc->id = xstrdup(tmp);
    }
    const char *s = json_str(o, source_keys, NULL);
    if (s) doc->source = xstrdup(s);
    s = json_str(o, title_keys, NULL);
    if (s) doc->title = xstrdup(s);
    json_t *dv = NULL;
    s = json_str(o, date_keys, &dv);
    int32_t day;
    if (s && parse_date_value(s, strlen(s), &day) == 0) {
        doc->has_date = 1;
        doc->date = day;
        doc->date_from = "record";
    } else if (dv && !json_is_null(dv)) {
        const char *shown = s ? s : "(not a string)";
        unknown_date(d, doc->path, doc->line0, 0, shown, strlen(shown));
    }
}

struct document *document_from_record_ex(const char *path, unsigned line, const char *json, size_t n, int unterminated,
                                         const struct doc_opts *opts, struct diag *d)
{
    static const char *const text_keys[] = {"text", "body", "content", NULL};
    struct document *doc = doc_new(path);
    doc->format = DOC_RECORD;
    doc->line0 = line;
    char why[256];
    if (n > max_bytes(opts)) {
        snprintf(why, sizeof why, "record too large (%zu bytes, limit %zu)", n, max_bytes(opts));
        skip_doc(doc, d, line, 0, why);
        return doc;
    }
    /* jansson refuses invalid UTF-8: repair a copy first, as for files. */
    char *fixed = NULL;
    size_t first = 0, bad = 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)json[i] >= 0x80) {
            fixed = xstrndup(json, n);
            bad = repair_utf8(fixed, n, &first);
            break;
        }
    if (bad && d)
        diag_add(d, DIAG_WARNING, doc->path, line, (unsigned)utf8_count(json, first) + 1,
                 "invalid UTF-8: %zu byte%s replaced with '?'", bad, bad == 1 ? "" : "s");
    json_error_t err;
    json_t *o = json_loadb(fixed ? fixed : json, n, 0, &err);
    free(fixed);
    if (!o) {
        snprintf(why, sizeof why, "%snot valid JSON at column %d: %s",
                 unterminated ? "truncated record (last line has no newline); " : "", err.column, err.text);
        skip_doc(doc, d, line, err.column > 0 ? (unsigned)err.column : 0, why);
        return doc;
    }
    if (!json_is_object(o)) {
        skip_doc(doc, d, line, 1, "record is not a JSON object");
        json_decref(o);
        return doc;
    }
    json_t *tv = NULL;
    const char *text = json_str(o, text_keys, &tv);
    record_fields(doc, o, d);
    set_label(doc);
    if (!text) {
        skip_doc(doc, d, line, 1,
                 tv ? "record text is not a string" : "record has no text (\"text\", \"body\" or \"content\")");
        json_decref(o);
        return doc;
    }
    doc->len = json_string_length(tv);
    doc->text = xstrndup(text, doc->len);
    json_decref(o);
    finish_text(doc, opts, d);
    return doc;
}

struct document *document_from_record(const char *path, unsigned line, const char *json, size_t n,
                                      const struct doc_opts *opts, struct diag *d)
{
    return document_from_record_ex(path, line, json, n, 0, opts, d);
}

const char *document_label(const struct document *doc)
{
    return doc->label ? doc->label : doc->path;
}

void document_free(struct document *doc)
{
    if (!doc) return;
    free(doc->path);
    free(doc->id);
    free(doc->source);
    free(doc->title);
    free(doc->text);
    free(doc->lines);
    free(doc->marks);
    free(doc->skip);
    free(doc->label);
    free(doc);
}
