/* cmd_normalize.c - "crosscheck normalize": show what the normalizer reads in text. */
#include <errno.h>
#include <math.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "calendar.h"
#include "commands.h"
#include "diag.h"
#include "document.h"
#include "normalize.h"
#include "nx_scan.h"
#include "sentence.h"
#include "xalloc.h"

/* Room for the expressions of one text; grows when a text has more. */
struct exprs {
    struct nx_expr *v;
    size_t cap;
};

/* Scan text[0..n) into xs, growing it to hold every expression; returns the count. */
static size_t scan_all(const char *text, size_t n, const struct nx_ref *ref, struct exprs *xs)
{
    size_t k = normalize_scan(text, n, ref, xs->v, xs->cap);
    if (k > xs->cap) {
        free(xs->v);
        xs->cap = k;
        xs->v = xmalloc(k * sizeof *xs->v);
        k = normalize_scan(text, n, ref, xs->v, xs->cap);
    }
    return k;
}

static const char USAGE[] =
    "usage: crosscheck normalize [--date YYYY-MM-DD] [--lines] [--jsonl] [--bench[=SECS]] [FILE...]\n"
    "\n"
    "Print the dates, times, durations and numbers found in text, one JSON object\n"
    "per expression per line.  Each FILE (stdin when none or \"-\") is one document;\n"
    "its publication date (a leading \" date YYYY-MM-DD\" line or front matter) is\n"
    "the reference for relative dates, --date the fallback.\n"
    "\n"
    "  --date YYYY-MM-DD  reference date when the input has none\n"
    "  --lines            each input line is a separate text\n"
    "  --jsonl            each input line is {\"id\":..., \"text\":..., \"date\":...}\n"
    "  --bench[=SECS]     with --lines or --jsonl: time the normalizer alone; the\n"
    "                     texts are read into memory, then scanned over and over\n"
    "                     (at least SECS seconds, default 1.5; best of 3, after one\n"
    "                     warm-up pass; the reference date is parsed on every call)\n"
    "                     and one JSON line gives sentences, expressions, seconds\n"
    "  -h, --help         show this help\n";

/* Where an expression came from, for the output line. */
struct origin {
    const char *path; /* document mode */
    const char *id;   /* --jsonl: the record id as JSON text, or NULL */
    size_t id_len;
    unsigned line;   /* 0: unknown */
    unsigned column; /* 0: do not print */
};

/* ==== Output (hand-formatted: this runs once per expression of a corpus) ==== */

/* Make room for n more bytes in b and return where they go; the caller
 * advances b->len. */
static char *room(struct buf *b, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t c = b->cap ? b->cap : 4096;
        while (c < b->len + n + 1) c *= 2;
        b->s = xrealloc(b->s, c);
        b->cap = c;
    }
    return b->s + b->len;
}

#define LIT(p, lit) (memcpy((p), (lit), sizeof(lit) - 1), (p) += sizeof(lit) - 1)


static char *w_str0(char *p, const char *s)
{
    size_t n = strlen(s);
    memcpy(p, s, n);
    return p + n;
}

/* "YYYY-MM-DD" with the quotes. */
static char *w_day(char *p, int32_t day)
{
    int y, m, d;
    cal_civil(day, &y, &m, &d);
    *p++ = '"';
    p = nx_put_uint(p, (unsigned)(y < 0 ? 0 : y) % 10000, 4);
    *p++ = '-';
    p = nx_put_uint(p, (unsigned)m, 2);
    *p++ = '-';
    p = nx_put_uint(p, (unsigned)d, 2);
    *p++ = '"';
    return p;
}

/* Is s[0..n) printable ASCII without quotes or backslashes (copied as is)? */
static int plain(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') return 0;
    }
    return 1;
}

/* Append a JSON string to b (the slow path goes through buf_json_str). */
static void put_str(struct buf *b, const char *s, size_t n)
{
    if (!plain(s, n)) {
        buf_json_str(b, s, n);
        return;
    }
    char *p = room(b, n + 2);
    *p++ = '"';
    memcpy(p, s, n);
    p[n] = '"';
    b->len += n + 2;
}

static void put_num(struct buf *b, double v)
{
    if (v == floor(v) && fabs(v) < 1e15) {
        char *p = room(b, 24), *q = p;
        if (v < 0) *q++ = '-', v = -v;
        q = nx_put_uint(q, (unsigned long long)v, 1);
        b->len += (size_t)(q - p);
    } else {
        buf_json_num(b, v); /* fractions, infinities (null) */
    }
}

#define FLAG(p, key, on)                                                                                               \
    do {                                                                                                               \
        if (on) LIT(p, ",\"" key "\":true");                                                                           \
    } while (0)

/* Append one expression as a JSON object (no newline).  text is the scanned
 * text; base is added to the span (offsets in the whole document).  Keys come
 * in a fixed order: type, text, span, value, then the kind's fields, then
 * where it was found (id, path, line, column). */
static void expr_json(struct buf *b, const struct nx_expr *x, const char *text, size_t base, const struct origin *o)
{
    char *p = room(b, 64);
    LIT(p, "{\"type\":\"");
    p = w_str0(p, nx_kind_name(x->kind));
    LIT(p, "\",\"text\":");
    b->len = (size_t)(p - b->s);
    put_str(b, text + x->start, x->end - x->start);
    p = room(b, 512);
    char *p0 = p;
    LIT(p, ",\"span\":[");
    p = nx_put_uint(p, base + x->start, 1);
    *p++ = ',';
    p = nx_put_uint(p, base + x->end, 1);
    LIT(p, "],\"value\":\"");
    p = w_str0(p, x->value); /* normalized values are plain ASCII */
    *p++ = '"';
    if (x->kind == NX_DATE) {
        const struct nx_date *d = &x->date;
        LIT(p, ",\"granularity\":\"");
        p = w_str0(p, nx_gran_name(d->gran));
        if ((x->flags & NX_ANCHORED) && d->lo == d->hi && x->value[10] == 0 && x->value[4] == '-' &&
            x->value[7] == '-') {
            /* one day: start and end are the value */
            LIT(p, "\",\"anchored\":true,\"start\":\"");
            memcpy(p, x->value, 10);
            p += 10;
            LIT(p, "\",\"end\":\"");
            memcpy(p, x->value, 10);
            p += 10;
            *p++ = '"';
        } else if (x->flags & NX_ANCHORED) {
            LIT(p, "\",\"anchored\":true,\"start\":");
            p = w_day(p, d->lo);
            LIT(p, ",\"end\":");
            p = w_day(p, d->hi);
        } else {
            LIT(p, "\",\"anchored\":false,\"start\":null,\"end\":null");
        }
        if (d->weekday) {
            LIT(p, ",\"weekday\":\"");
            p = w_str0(p, nx_weekday_name(d->weekday));
            *p++ = '"';
        }
        if (d->tod) {
            LIT(p, ",\"tod\":\"");
            p = w_str0(p, nx_tod_name(d->tod));
            *p++ = '"';
        }
        FLAG(p, "future", x->flags & NX_FUTURE);
        FLAG(p, "relative", x->flags & NX_RELATIVE);
        FLAG(p, "range", x->flags & NX_RANGE);
        FLAG(p, "open", x->flags & NX_OPEN);
        FLAG(p, "approx", x->flags & NX_APPROX);
        b->len += (size_t)(p - p0);
    } else {
        LIT(p, ",\"lo\":");
        b->len += (size_t)(p - p0);
        put_num(b, x->lo);
        p = p0 = room(b, 256);
        LIT(p, ",\"hi\":");
        b->len += (size_t)(p - p0);
        put_num(b, x->hi);
        p = p0 = room(b, 256);
        FLAG(p, "lo_open", x->lo_open);
        FLAG(p, "hi_open", x->hi_open);
        if (x->kind == NX_TIME && x->date.tod) {
            LIT(p, ",\"tod\":\"");
            p = w_str0(p, nx_tod_name(x->date.tod));
            *p++ = '"';
        }
        FLAG(p, "approx", x->flags & NX_APPROX);
        FLAG(p, "range", x->flags & NX_RANGE);
        FLAG(p, "other", x->flags & NX_OTHER);
        FLAG(p, "words", x->flags & NX_WORDS);
        b->len += (size_t)(p - p0);
    }
    if (o->id) {
        p = room(b, o->id_len + 8);
        LIT(p, ",\"id\":");
        memcpy(p, o->id, o->id_len);
        b->len += 6 + o->id_len;
    }
    if (o->path) {
        buf_append(b, ",\"path\":", 8);
        put_str(b, o->path, strlen(o->path));
    }
    p = p0 = room(b, 64);
    if (o->line) {
        LIT(p, ",\"line\":");
        p = nx_put_uint(p, o->line, 1);
    }
    if (o->column) {
        LIT(p, ",\"column\":");
        p = nx_put_uint(p, o->column, 1);
    }
    *p++ = '}';
    *p++ = '\n';
    b->len += (size_t)(p - p0);
    b->s[b->len] = 0;
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
static void scan_text(struct buf *out, const char *text, size_t n, const struct nx_ref *ref, const struct origin *o,
                      struct exprs *xs)
{
    size_t k = scan_all(text, n, ref, xs);
    const struct nx_expr *xv = xs->v;
    for (size_t i = 0; i < k; i++) {
        expr_json(out, &xv[i], text, 0, o);
        if (out->len > 1 << 16) { /* a huge line need not be held whole */
            fwrite(out->s, 1, out->len, stdout);
            buf_reset(out);
        }
    }
}

/* One document: scan it sentence by sentence, so that tense is read from the
 * sentence around each expression. */
static void scan_document(struct buf *out, const char *path, const char *bytes, size_t n, const struct doc_opts *opts,
                          struct diag *dg, struct exprs *xs)
{
    struct document *doc = document_from_bytes(path, bytes, n, opts, dg);
    if (doc->skip) { /* document_from_bytes has said why */
        document_free(doc);
        return;
    }
    struct nx_ref ref = {doc->has_date, doc->date};
    struct sentence *sv = NULL;
    size_t ns = sentence_split(doc->text, doc->body, doc->len, &sv);
    for (size_t s = 0; s < ns; s++) {
        const char *st = doc->text + sv[s].start;
        size_t sl = sv[s].end - sv[s].start;
        size_t k = scan_all(st, sl, &ref, xs);
        const struct nx_expr *xv = xs->v;
        for (size_t i = 0; i < k; i++) {
            struct origin o = {.path = path};
            document_position(doc, sv[s].start + xv[i].start, &o.line, &o.column);
            expr_json(out, &xv[i], st, sv[s].start, &o);
        }
        if (out->len > 1 << 16) {
            fwrite(out->s, 1, out->len, stdout);
            buf_reset(out);
        }
    }
    free(sv);
    document_free(doc);
}

/* ==== Input records ==== */

/* What a --jsonl line holds. */
struct record {
    const char *text; /* decoded; in the scratch buffer or the line itself */
    size_t text_len;
    const char *id; /* raw JSON of the id value, or NULL */
    size_t id_len;
    const char *date; /* raw characters of the date string, or NULL */
    size_t date_len;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
    return -1;
}

static void put_utf8(struct buf *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80)
        u[0] = (char)cp, n = 1;
    else if (cp < 0x800)
        u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000)
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[2] = (char)(0x80 | (cp & 0x3F)),
        n = 3;
    else
        u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    buf_append(b, u, n);
}

/* The string literal at s[*p] (after its opening quote): its end (after the
 * closing quote) in *p.  When out is not NULL the decoded bytes go there.
 * Returns 0, or -1 when the literal is unterminated or malformed. */
static int jstr_scan(const char *s, size_t n, size_t *p, struct buf *out)
{
    size_t i = *p, run = i;
    /* the usual case: no escapes before the closing quote */
    const char *q = memchr(s + i, '"', n - i);
    if (!q) return -1;
    if (!memchr(s + i, '\\', (size_t)(q - (s + i)))) {
        if (out) buf_append(out, s + i, (size_t)(q - (s + i)));
        *p = (size_t)(q - s) + 1;
        return 0;
    }
    while (i < n) {
        char c = s[i];
        if (c == '"') {
            if (out) buf_append(out, s + run, i - run);
            *p = i + 1;
            return 0;
        }
        if (c != '\\') {
            i++;
            continue;
        }
        if (out) buf_append(out, s + run, i - run);
        if (i + 1 >= n) return -1;
        char e = s[i + 1];
        i += 2;
        if (e == 'u') {
            if (i + 4 > n) return -1;
            int h0 = hexval(s[i]), h1 = hexval(s[i + 1]), h2 = hexval(s[i + 2]), h3 = hexval(s[i + 3]);
            if ((h0 | h1 | h2 | h3) < 0) return -1;
            unsigned cp = (unsigned)(h0 << 12 | h1 << 8 | h2 << 4 | h3);
            i += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= n && s[i] == '\\' && s[i + 1] == 'u') {
                int l0 = hexval(s[i + 2]), l1 = hexval(s[i + 3]), l2 = hexval(s[i + 4]), l3 = hexval(s[i + 5]);
                unsigned lo = (unsigned)(l0 << 12 | l1 << 8 | l2 << 4 | l3);
                if ((l0 | l1 | l2 | l3) >= 0 && lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;
            if (out) put_utf8(out, cp);
        } else {
            char d;
            switch (e) {
            case '"': d = '"'; break;
            case '\\': d = '\\'; break;
            case '/': d = '/'; break;
            case 'b': d = '\b'; break;
            case 'f': d = '\f'; break;
            case 'n': d = '\n'; break;
            case 'r': d = '\r'; break;
            case 't': d = '\t'; break;
            default: return -1;
            }
            if (out) buf_putc(out, d);
        }
        run = i;
    }
    return -1;
}

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
    return i;
}

/* Read a flat JSON object (string, number, true/false/null values) without
 * building a tree: the fast path for corpora.  Returns 0, or -1 for anything
 * else (nested values, syntax errors), which the caller hands to jansson. */
static int parse_flat(const char *s, size_t n, struct record *r, struct buf *scratch)
{
    memset(r, 0, sizeof *r);
    size_t i = skip_ws(s, n, 0);
    if (i >= n || s[i] != '{') return -1;
    i = skip_ws(s, n, i + 1);
    if (i < n && s[i] == '}') return skip_ws(s, n, i + 1) == n ? 0 : -1;
    for (;;) {
        if (i >= n || s[i] != '"') return -1;
        size_t k0 = i + 1, k1;
        i = k0;
        if (jstr_scan(s, n, &i, NULL)) return -1;
        k1 = i - 1;
        if (memchr(s + k0, '\\', k1 - k0)) return -1;
        i = skip_ws(s, n, i);
        if (i >= n || s[i] != ':') return -1;
        i = skip_ws(s, n, i + 1);
        if (i >= n) return -1;
        size_t v0 = i;
        size_t klen = k1 - k0;
        int is_text = klen == 4 && !memcmp(s + k0, "text", 4);
        int is_date = klen == 4 && !memcmp(s + k0, "date", 4);
        int is_id = klen == 2 && !memcmp(s + k0, "id", 2);
        if (s[i] == '"') {
            i++;
            if (is_text) {
                size_t start = i;
                if (jstr_scan(s, n, &i, NULL)) return -1;
                if (memchr(s + start, '\\', i - 1 - start)) {
                    buf_reset(scratch);
                    size_t j = start;
                    if (jstr_scan(s, n, &j, scratch)) return -1;
                    r->text = scratch->s ? scratch->s : "";
                    r->text_len = scratch->len;
                } else {
                    r->text = s + start;
                    r->text_len = i - 1 - start;
                }
            } else if (jstr_scan(s, n, &i, NULL)) {
                return -1;
            }
            if (is_date) r->date = s + v0 + 1, r->date_len = i - v0 - 2;
        } else if (s[i] == '{' || s[i] == '[') {
            return -1;
        } else {
            while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ' ' && s[i] != '\t' && s[i] != '\r') i++;
            if (is_text || is_date) return -1; /* not strings: let jansson explain */
        }
        if (is_id) r->id = s + v0, r->id_len = i - v0;
        i = skip_ws(s, n, i);
        if (i < n && s[i] == ',') {
            i = skip_ws(s, n, i + 1);
            continue;
        }
        if (i < n && s[i] == '}') return skip_ws(s, n, i + 1) == n && r->text ? 0 : -1;
        return -1;
    }
}

/* One --jsonl record: {"id":..., "text":..., "date":...}.  Returns 0, or -1
 * when the line is not such an object (a warning is added). */
static int scan_record(struct buf *out, const char *path, unsigned line, const char *s, size_t n,
                       const struct nx_ref *fallback, struct diag *dg, struct exprs *xs, struct buf *scratch)
{
    struct record r;
    json_t *root = NULL;
    char *id = NULL;
    if (parse_flat(s, n, &r, scratch) != 0) {
        json_error_t err;
        root = json_loadb(s, n, 0, &err);
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
        r.text = json_string_value(jt);
        r.text_len = json_string_length(jt);
        json_t *jd = json_object_get(root, "date");
        r.date = json_is_string(jd) ? json_string_value(jd) : NULL;
        r.date_len = r.date ? json_string_length(jd) : 0;
        json_t *ji = json_object_get(root, "id");
        if (ji) {
            id = json_dumps(ji, JSON_ENCODE_ANY | JSON_COMPACT);
            r.id = id;
            r.id_len = id ? strlen(id) : 0;
        }
    }
    struct nx_ref ref = *fallback;
    if (r.date && r.date_len >= 10) {
        int32_t day;
        if (cal_parse_iso(r.date, 10, &day) == 0)
            ref.has_date = 1, ref.date = day;
        else
            diag_add(dg, DIAG_WARNING, path, line, 1, "bad \"date\": %.*s", (int)r.date_len, r.date);
    } else if (r.date && r.date_len) {
        diag_add(dg, DIAG_WARNING, path, line, 1, "bad \"date\": %.*s", (int)r.date_len, r.date);
    }
    struct origin o = {.id = r.id, .id_len = r.id_len, .line = line};
    scan_text(out, r.text, r.text_len, &ref, &o, xs);
    free(id);
    json_decref(root);
    return 0;
}


/* ==== --bench: the normalizer alone, texts in memory ==== */

/* The texts of a --lines or --jsonl input, kept for timing. */
struct bench_set {
    struct buf bytes;                                /* every text and date, one after the other */
    size_t *text_at, *text_len, *date_at, *date_len; /* date_len 0: none */
    size_t n, cap;
};

static void bench_add(struct bench_set *bs, const char *text, size_t tn, const char *date, size_t dn)
{
    if (bs->n == bs->cap) {
        bs->cap = bs->cap ? 2 * bs->cap : 1024;
        bs->text_at = xrealloc(bs->text_at, bs->cap * sizeof *bs->text_at);
        bs->text_len = xrealloc(bs->text_len, bs->cap * sizeof *bs->text_len);
        bs->date_at = xrealloc(bs->date_at, bs->cap * sizeof *bs->date_at);
        bs->date_len = xrealloc(bs->date_len, bs->cap * sizeof *bs->date_len);
    }
    bs->text_at[bs->n] = bs->bytes.len;
    bs->text_len[bs->n] = tn;
    buf_append(&bs->bytes, text, tn);
    bs->date_at[bs->n] = bs->bytes.len;
    bs->date_len[bs->n] = date ? dn : 0;
    if (date) buf_append(&bs->bytes, date, dn);
    bs->n++;
}

/* One --jsonl line into bs (malformed lines are skipped, as scan_record warns). */
static void bench_record(struct bench_set *bs, const char *s, size_t n, struct buf *scratch)
{
    struct record r;
    if (parse_flat(s, n, &r, scratch) == 0) {
        bench_add(bs, r.text, r.text_len, r.date, r.date_len);
        return;
    }
    json_t *root = json_loadb(s, n, 0, NULL);
    json_t *jt = json_object_get(root, "text"), *jd = json_object_get(root, "date");
    if (json_is_string(jt))
        bench_add(bs, json_string_value(jt), json_string_length(jt), json_is_string(jd) ? json_string_value(jd) : NULL,
                  json_is_string(jd) ? json_string_length(jd) : 0);
    json_decref(root);
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One pass over the texts: what a caller of the normalizer does per sentence
 * (parse the reference date, scan into a reused array).  Returns the number
 * of expressions found. */
static size_t bench_pass(const struct bench_set *bs, const struct nx_ref *fallback, struct exprs *xs)
{
    size_t total = 0;
    for (size_t i = 0; i < bs->n; i++) {
        struct nx_ref ref = *fallback;
        int32_t day;
        if (bs->date_len[i] >= 10 && cal_parse_iso(bs->bytes.s + bs->date_at[i], 10, &day) == 0)
            ref.has_date = 1, ref.date = day;
        total += scan_all(bs->bytes.s + bs->text_at[i], bs->text_len[i], &ref, xs);
    }
    return total;
}

/* Time bench_pass: passes until secs have gone, three times; print the best. */
static void bench_run(const struct bench_set *bs, const struct nx_ref *fallback, double secs, struct exprs *xs)
{
    bench_pass(bs, fallback, xs); /* warm-up */
    double best_rate = -1, best_secs = 0;
    size_t best_sent = 0, best_expr = 0;
    for (int t = 0; t < 3; t++) {
        size_t sent = 0, expr = 0;
        double t0 = seconds_now(), el;
        do {
            expr += bench_pass(bs, fallback, xs);
            sent += bs->n;
            el = seconds_now() - t0;
        } while (el < secs && bs->n);
        double rate = el > 0 ? sent / el : 0;
        if (rate > best_rate) best_rate = rate, best_secs = el, best_sent = sent, best_expr = expr;
    }
    printf("{\"sentences\":%zu,\"expressions\":%zu,\"seconds\":%.6f,\"sentences_per_second\":%.0f,"
           "\"expressions_per_second\":%.0f}\n",
           best_sent, best_expr, best_secs, best_secs > 0 ? best_sent / best_secs : 0,
           best_secs > 0 ? best_expr / best_secs : 0);
}

int cmd_normalize(int argc, char **argv)
{
    struct nx_ref fallback = {0, 0};
    int lines = 0, jsonl = 0, nfiles = 0, bench = 0;
    double bench_secs = 1.5;
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
                fprintf(stderr, "crosscheck normalize: --date wants YYYY-MM-DD, got \"%s\"\n", v ? v : "");
                free(files);
                return 2;
            }
            fallback.has_date = 1;
            fallback.date = day;
        } else if (!strcmp(a, "--lines")) {
            lines = 1;
        } else if (!strcmp(a, "--jsonl")) {
            jsonl = 1;
        } else if (!strcmp(a, "--bench") || !strncmp(a, "--bench=", 8)) {
            bench = 1;
            if (a[7] == '=') {
                char *end;
                bench_secs = strtod(a + 8, &end);
                if (*end || !(bench_secs > 0 && bench_secs < 3600)) {
                    fprintf(stderr, "crosscheck normalize: --bench wants seconds, got \"%s\"\n", a + 8);
                    free(files);
                    return 2;
                }
            }
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
    if (bench && !lines && !jsonl) {
        fprintf(stderr, "crosscheck normalize: --bench needs --lines or --jsonl\n");
        free(files);
        return 2;
    }
    if (!nfiles) files[nfiles++] = "-";
    if (normalize_init() != 0) {
        fprintf(stderr, "crosscheck normalize: internal error: tables failed to build\n");
        free(files);
        return 2;
    }
    struct exprs xs = {xmalloc(256 * sizeof *xs.v), 256};
    struct diag dg = {0};
    struct buf out = {0}, in = {0}, scratch = {0};
    struct doc_opts opts = {.has_date = fallback.has_date, .date = fallback.date};
    int status = 0;
    struct bench_set bs = {0};
    for (int f = 0; f < nfiles; f++) {
        const char *path = files[f];
        int is_stdin = !strcmp(path, "-");
        FILE *fp = is_stdin ? stdin : fopen(path, "rb");
        if (!fp) {
            diag_add(&dg, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
            status = 2;
            continue;
        }
        const char *label = is_stdin ? "<stdin>" : path;
        int rc = 0;
        buf_reset(&in);
        if (!lines && !jsonl) {
            rc = slurp(fp, &in);
            if (!rc) scan_document(&out, label, in.s ? in.s : "", in.len, &opts, &dg, &xs);
        } else {
            /* stream: a corpus need not fit in memory, only its longest line */
            unsigned ln = 0;
            size_t have = 0;
            for (;;) {
                char *dst = room(&in, 1 << 20);
                size_t got = fread(dst, 1, 1 << 20, fp);
                in.len += got;
                int eof = got == 0;
                if (eof && ferror(fp)) {
                    rc = -1;
                    break;
                }
                size_t p = 0;
                for (;;) {
                    const char *nl =
                        memchr(in.s + p + (have > p ? have - p : 0), '\n', in.len - p - (have > p ? have - p : 0));
                    if (!nl && !(eof && p < in.len)) break;
                    size_t e = nl ? (size_t)(nl - in.s) : in.len;
                    size_t le = e;
                    if (le > p && in.s[le - 1] == '\r') le--;
                    ln++;
                    if (bench) {
                        if (jsonl && le > p)
                            bench_record(&bs, in.s + p, le - p, &scratch);
                        else if (!jsonl)
                            bench_add(&bs, in.s + p, le - p, NULL, 0);
                    } else if (jsonl) {
                        if (le > p) scan_record(&out, label, ln, in.s + p, le - p, &fallback, &dg, &xs, &scratch);
                    } else {
                        struct origin o = {.line = ln};
                        scan_text(&out, in.s + p, le - p, &fallback, &o, &xs);
                    }
                    if (out.len > 1 << 16) {
                        fwrite(out.s, 1, out.len, stdout);
                        buf_reset(&out);
                    }
                    p = nl ? e + 1 : in.len;
                }
                /* keep the unfinished line */
                memmove(in.s, in.s + p, in.len - p);
                in.len -= p;
                have = in.len;
                if (eof) break;
            }
        }
        if (!is_stdin) fclose(fp);
        if (rc) {
            diag_add(&dg, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
            status = 2;
        }
        if (out.len) {
            fwrite(out.s, 1, out.len, stdout);
            buf_reset(&out);
        }
    }
    if (bench && !status) bench_run(&bs, &fallback, bench_secs, &xs);
    buf_free(&bs.bytes);
    free(bs.text_at);
    free(bs.text_len);
    free(bs.date_at);
    free(bs.date_len);
    fflush(stdout);
    diag_print(&dg, stderr, 0);
    diag_free(&dg);
    buf_free(&out);
    buf_free(&in);
    buf_free(&scratch);
    free(xs.v);
    free(files);
    return status;
}
