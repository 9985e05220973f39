/* cmd_normalize.c - "crosscheck normalize": show what the normalizer reads in text. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "commands.h"
#include "diag.h"
#include "document.h"
#include "normalize.h"
#include "sentence.h"
#include "xalloc.h"

#define MAX_EXPR 256

static const char USAGE[] =
    "usage: crosscheck normalize [--date YYYY-MM-DD] [--lines] [--jsonl] [FILE...]\n"
    "\n"
    "Print the dates, times, durations and numbers found in text, one JSON object\n"
    "per expression per line.  Each FILE (stdin when none or \"-\") is one document;\n"
    "its publication date (a leading \" date YYYY-MM-DD\" line or front matter) is\n"
    "the reference for relative dates, --date the fallback.\n"
    "\n"
    "  --date YYYY-MM-DD  reference date when the input has none\n"
    "  --lines            each input line is a separate text\n"
    "  --jsonl            each input line is {\"id\":..., \"text\":..., \"date\":...}\n"
    "  -h, --help         show this help\n";

/* Where an expression came from, for the output line. */
struct origin {
    const char *path;  /* document mode */
    const char *id;    /* --jsonl: the record id as JSON text, or NULL */
    unsigned line;     /* 0: unknown */
    unsigned column;   /* 0: do not print */
};

static void put_bool(struct buf *b, const char *key, int on)
{
    if (on) buf_printf(b, ",\"%s\":true", key);
}

/* Append one expression as a JSON object (no newline).  text is the scanned
 * text; base is added to the span (offsets in the whole document). */
static void expr_json(struct buf *b, const struct nx_expr *x, const char *text, size_t base,
                      const struct origin *o)
{
    buf_puts(b, "{\"type\":");
    buf_json_str(b, nx_kind_name(x->kind), strlen(nx_kind_name(x->kind)));
    buf_puts(b, ",\"text\":");
    buf_json_str(b, text + x->start, x->end - x->start);
    buf_printf(b, ",\"span\":[%zu,%zu],\"value\":", base + x->start, base + x->end);
    buf_json_str(b, x->value, strlen(x->value));
    if (x->kind == NX_DATE) {
        const struct nx_date *d = &x->date;
        buf_printf(b, ",\"granularity\":\"%s\",\"anchored\":%s", nx_gran_name(d->gran),
                   (x->flags & NX_ANCHORED) ? "true" : "false");
        if (x->flags & NX_ANCHORED) {
            char lo[11], hi[11];
            cal_format(d->lo, lo);
            cal_format(d->hi, hi);
            buf_printf(b, ",\"start\":\"%s\",\"end\":\"%s\"", lo, hi);
        } else {
            buf_puts(b, ",\"start\":null,\"end\":null");
        }
        if (d->weekday) buf_printf(b, ",\"weekday\":\"%s\"", nx_weekday_name(d->weekday));
        if (d->tod) buf_printf(b, ",\"tod\":\"%s\"", nx_tod_name(d->tod));
        put_bool(b, "future", x->flags & NX_FUTURE);
        put_bool(b, "relative", x->flags & NX_RELATIVE);
        put_bool(b, "range", x->flags & NX_RANGE);
        put_bool(b, "open", x->flags & NX_OPEN);
        put_bool(b, "approx", x->flags & NX_APPROX);
    } else {
        buf_puts(b, ",\"lo\":");
        buf_json_num(b, x->lo);
        buf_puts(b, ",\"hi\":");
        buf_json_num(b, x->hi);
        put_bool(b, "lo_open", x->lo_open);
        put_bool(b, "hi_open", x->hi_open);
        if (x->kind == NX_TIME && x->date.tod)
            buf_printf(b, ",\"tod\":\"%s\"", nx_tod_name(x->date.tod));
        put_bool(b, "approx", x->flags & NX_APPROX);
        put_bool(b, "range", x->flags & NX_RANGE);
        put_bool(b, "other", x->flags & NX_OTHER);
        put_bool(b, "words", x->flags & NX_WORDS);
    }
    if (o->id) buf_printf(b, ",\"id\":%s", o->id);
    if (o->path) {
        buf_puts(b, ",\"path\":");
        buf_json_str(b, o->path, strlen(o->path));
    }
    if (o->line) buf_printf(b, ",\"line\":%u", o->line);
    if (o->column) buf_printf(b, ",\"column\":%u", o->column);
    buf_putc(b, '}');
}

/* Read a whole stream; returns 0, or -1 with errno set. */
static int slurp(FILE *f, struct buf *b)
{
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) buf_append(b, tmp, n);
    return ferror(f) ? -1 : 0;
}

/* Scan text[0..n) (one line or record) and print its expressions. */
static void scan_text(struct buf *out, const char *text, size_t n, const struct nx_ref *ref,
                      const struct origin *o, struct nx_expr *xv)
{
    size_t k = normalize_scan(text, n, ref, xv, MAX_EXPR);
    if (k > MAX_EXPR) k = MAX_EXPR;
    for (size_t i = 0; i < k; i++) {
        expr_json(out, &xv[i], text, 0, o);
        buf_putc(out, '\n');
    }
}

/* One document: scan it sentence by sentence, so that tense is read from the
 * sentence around each expression. */
static void scan_document(struct buf *out, const char *path, const char *bytes, size_t n,
                          const struct doc_opts *opts, struct diag *dg, struct nx_expr *xv)
{
    struct document *doc = document_from_bytes(path, bytes, n, opts, dg);
    if (doc->skip) {
        diag_add(dg, DIAG_WARNING, path, 0, 0, "skipped: %s", doc->skip);
        document_free(doc);
        return;
    }
    struct nx_ref ref = {doc->has_date, doc->date};
    struct sentence *sv = NULL;
    size_t ns = sentence_split(doc->text, doc->body, doc->len, &sv);
    for (size_t s = 0; s < ns; s++) {
        const char *st = doc->text + sv[s].start;
        size_t sl = sv[s].end - sv[s].start;
        size_t k = normalize_scan(st, sl, &ref, xv, MAX_EXPR);
        if (k > MAX_EXPR) k = MAX_EXPR;
        for (size_t i = 0; i < k; i++) {
            struct origin o = {.path = path};
            document_position(doc, sv[s].start + xv[i].start, &o.line, &o.column);
            expr_json(out, &xv[i], st, sv[s].start, &o);
            buf_putc(out, '\n');
        }
        if (out->len > 1 << 16) {
            fwrite(out->s, 1, out->len, stdout);
            buf_reset(out);
        }
    }
    free(sv);
    document_free(doc);
}

/* One --jsonl record: {"id":..., "text":..., "date":...}.  Returns 0, or -1
 * when the line is not such an object (a warning is added). */
static int scan_record(struct buf *out, const char *path, unsigned line, const char *s, size_t n,
                       const struct nx_ref *fallback, struct diag *dg, struct nx_expr *xv)
{
    json_error_t err;
    json_t *root = json_loadb(s, n, 0, &err);
    if (!root || !json_is_object(root)) {
        diag_add(dg, DIAG_WARNING, path, line, root ? 1 : (unsigned)err.column,
                 "not a JSON object with a \"text\"%s%s", root ? "" : ": ", root ? "" : err.text);
        json_decref(root);
        return -1;
    }
    json_t *jt = json_object_get(root, "text");
    if (!json_is_string(jt)) {
        diag_add(dg, DIAG_WARNING, path, line, 1, "record without a \"text\" string");
        json_decref(root);
        return -1;
    }
    struct nx_ref ref = *fallback;
    json_t *jd = json_object_get(root, "date");
    if (json_is_string(jd) && json_string_length(jd) >= 10) {
        int32_t day;
        if (cal_parse_iso(json_string_value(jd), 10, &day) == 0) ref.has_date = 1, ref.date = day;
        else diag_add(dg, DIAG_WARNING, path, line, 1, "bad \"date\": %s", json_string_value(jd));
    }
    char *id = NULL;
    json_t *ji = json_object_get(root, "id");
    if (ji) id = json_dumps(ji, JSON_ENCODE_ANY | JSON_COMPACT);
    struct origin o = {.id = id, .line = line};
    scan_text(out, json_string_value(jt), json_string_length(jt), &ref, &o, xv);
    free(id);
    json_decref(root);
    return 0;
}

int cmd_normalize(int argc, char **argv)
{
    struct nx_ref fallback = {0, 0};
    int lines = 0, jsonl = 0, nfiles = 0;
    char **files = xcalloc((size_t)argc + 1, sizeof *files);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(USAGE, stdout);
            free(files);
            return 0;
        } else if (!strcmp(a, "--date") || !strncmp(a, "--date=", 7)) {
            const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            int32_t day;
            if (!v || cal_parse_iso(v, strlen(v), &day) != 0) {
                fprintf(stderr, "crosscheck normalize: --date wants YYYY-MM-DD, got \"%s\"\n",
                        v ? v : "");
                free(files);
                return 2;
            }
            fallback.has_date = 1;
            fallback.date = day;
        } else if (!strcmp(a, "--lines")) {
            lines = 1;
        } else if (!strcmp(a, "--jsonl")) {
            jsonl = 1;
        } else if (a[0] == '-' && a[1] && strcmp(a, "--")) {
            fprintf(stderr, "crosscheck normalize: unknown option %s\n%s", a, USAGE);
            free(files);
            return 2;
        } else if (!strcmp(a, "--")) {
            while (++i < argc) files[nfiles++] = argv[i];
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (lines && jsonl) {
        fprintf(stderr, "crosscheck normalize: --lines and --jsonl exclude each other\n");
        free(files);
        return 2;
    }
    if (!nfiles) files[nfiles++] = "-";
    if (normalize_init() != 0) {
        fprintf(stderr, "crosscheck normalize: internal error: tables failed to build\n");
        free(files);
        return 2;
    }
    struct nx_expr *xv = xmalloc(MAX_EXPR * sizeof *xv);
    struct diag dg = {0};
    struct buf out = {0}, in = {0};
    struct doc_opts opts = {.has_date = fallback.has_date, .date = fallback.date};
    int status = 0;
    for (int f = 0; f < nfiles; f++) {
        const char *path = files[f];
        int is_stdin = !strcmp(path, "-");
        FILE *fp = is_stdin ? stdin : fopen(path, "rb");
        if (!fp) {
            diag_add(&dg, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
            status = 2;
            continue;
        }
        buf_reset(&in);
        int rc = slurp(fp, &in);
        if (!is_stdin) fclose(fp);
        if (rc) {
            diag_add(&dg, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
            status = 2;
            continue;
        }
        const char *label = is_stdin ? "<stdin>" : path;
        if (!lines && !jsonl) {
            scan_document(&out, label, in.s ? in.s : "", in.len, &opts, &dg, xv);
        } else {
            size_t p = 0;
            unsigned ln = 0;
            while (p < in.len) {
                const char *nl = memchr(in.s + p, '\n', in.len - p);
                size_t e = nl ? (size_t)(nl - in.s) : in.len;
                size_t le = e;
                if (le > p && in.s[le - 1] == '\r') le--;
                ln++;
                if (jsonl) {
                    if (le > p) scan_record(&out, label, ln, in.s + p, le - p, &fallback, &dg, xv);
                } else {
                    struct origin o = {.line = ln};
                    scan_text(&out, in.s + p, le - p, &fallback, &o, xv);
                }
                if (out.len > 1 << 16) {
                    fwrite(out.s, 1, out.len, stdout);
                    buf_reset(&out);
                }
                p = e + 1;
            }
        }
        if (out.len) {
            fwrite(out.s, 1, out.len, stdout);
            buf_reset(&out);
        }
    }
    fflush(stdout);
    diag_print(&dg, stderr, 0);
    diag_free(&dg);
    buf_free(&out);
    buf_free(&in);
    free(xv);
    free(files);
    return status;
}
