/* claimio.c - write claim shards as JSON lines and read them back. */
#include "claimio.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "utf8.h"
#include "xalloc.h"

/* ==== Writing ==== */

static int valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = utf8_valid_len(s + i, n - i);
        if (!k) return 0;
        i += k;
    }
    return 1;
}

/* "key":"text", or "key_hex":"..." when the bytes are not UTF-8 (JSON
 * strings could not carry them unchanged). */
static void raw_str(struct buf *b, const char *key, const char *s)
{
    size_t n = strlen(s);
    if (valid_utf8(s, n)) {
        buf_printf(b, ",\"%s\":", key);
        buf_json_str(b, s, n);
        return;
    }
    buf_printf(b, ",\"%s_hex\":\"", key);
    for (size_t i = 0; i < n; i++) buf_printf(b, "%02x", (unsigned char)s[i]);
    buf_putc(b, '"');
}

/* A double that reads back to the same bits: %.17g, infinities as strings. */
static void raw_num(struct buf *b, double x)
{
    if (isnan(x))
        buf_puts(b, "\"nan\"");
    else if (isinf(x))
        buf_puts(b, x > 0 ? "\"inf\"" : "\"-inf\"");
    else
        buf_printf(b, "%.17g", x);
}

static void raw_value(struct buf *b, const struct value *v, int type)
{
    buf_printf(b, "{\"flags\":%u", (unsigned)v->nxflags);
    if (field_holds_ents(type)) { /* lo, hi and date share these bytes */
        if (v->nents) {
            buf_puts(b, ",\"ents\":[");
            for (int i = 0; i < v->nents; i++) {
                if (i) buf_putc(b, ',');
                buf_json_str(b, v->ents[i]->id, strlen(v->ents[i]->id));
            }
            buf_putc(b, ']');
        }
    } else {
        const struct nx_date *d = &v->date;
        if (d->lo || d->hi || d->year || d->month || d->mday || d->weekday || d->gran || d->tod)
            buf_printf(b, ",\"date\":[%d,%d,%d,%d,%d,%d,%d,%d]", (int)d->lo, (int)d->hi, (int)d->year, (int)d->month,
                       (int)d->mday, (int)d->weekday, (int)d->gran, (int)d->tod);
        if (v->lo != 0 || v->hi != 0 || v->lo_open || v->hi_open) {
            buf_puts(b, ",\"num\":[");
            raw_num(b, v->lo);
            buf_putc(b, ',');
            raw_num(b, v->hi);
            buf_printf(b, ",%d,%d]", v->lo_open, v->hi_open);
        }
    }
    if (v->text) raw_str(b, "text", v->text);
    if (v->norm) raw_str(b, "norm", v->norm);
    buf_putc(b, '}');
}

static void opt_str(struct buf *b, const char *key, const char *s)
{
    buf_printf(b, ",\"%s\":", key);
    if (s)
        buf_json_str(b, s, strlen(s));
    else
        buf_puts(b, "null");
}

void claimio_write_doc(struct buf *b, const struct claimset *cs, uint32_t doc, unsigned seq)
{
    const struct docinfo *d = &cs->docs[doc];
    buf_printf(b, "{\"document\":{\"seq\":%u", seq);
    opt_str(b, "path", d->path);
    opt_str(b, "id", d->id);
    opt_str(b, "source", d->source);
    buf_puts(b, ",\"published\":");
    day_json(b, d->has_date, d->date);
    opt_str(b, "date_from", d->has_date ? d->date_from : NULL);
    buf_printf(b, ",\"draft\":%s", d->is_draft ? "true" : "false");
    opt_str(b, "skipped", d->skip);
    buf_puts(b, "}}\n");
    for (size_t i = 0; i < cs->n; i++) {
        const struct claim *c = &cs->v[i];
        if (c->doc != doc) continue;
        size_t mark = b->len;
        claim_json(b, cs, c);
        if (b->len > mark && b->s[b->len - 1] == '}') b->len--; /* reopen the object */
        buf_printf(b, ",\"seq\":%u,\"raw\":{\"sentence\":[%u,%u]", seq, c->sent_start, c->sent_end);
        if (c->sentence && !valid_utf8(c->sentence, strlen(c->sentence))) raw_str(b, "text", c->sentence);
        if (c->attribution && !valid_utf8(c->attribution, strlen(c->attribution)))
            raw_str(b, "attribution", c->attribution);
        buf_puts(b, ",\"fields\":{");
        int first = 1;
        for (int f = 0; f < c->kind->nfields; f++) {
            if (!claim_field(c, f)->set) continue;
            if (!first) buf_putc(b, ',');
            first = 0;
            buf_json_str(b, c->kind->fields[f].name, strlen(c->kind->fields[f].name));
            buf_putc(b, ':');
            raw_value(b, claim_field(c, f), c->kind->fields[f].type);
        }
        buf_puts(b, "}}}\n");
    }
}

/* ==== Reading ==== */

/* One document of a shard and its claims, until they are merged. */
struct entry {
    unsigned seq;
    size_t order; /* shard number and line: ties keep the order they were named in */
    char *path, *id, *source, *skip;
    const char *date_from;
    int has_date, is_draft;
    int32_t date;
    struct claim *claims;
    size_t n, cap;
};

struct reader {
    const struct ruleset *rs;
    struct diag *d;
    const char *path;
    unsigned line;
    int failed;
};

static void bad(struct reader *r, const char *fmt, const char *what)
{
    diag_add(r->d, DIAG_ERROR, r->path, r->line, 0, fmt, what);
    r->failed = 1;
}

static char *hex_decode(const char *h)
{
    size_t n = strlen(h) / 2;
    char *s = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned v = 0;
        sscanf(h + 2 * i, "%2x", &v);
        s[i] = (char)v;
    }
    s[n] = '\0';
    return s;
}

/* The string at key, or at key_hex, copied; NULL when absent or null. */
static char *get_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (json_is_string(v)) return xstrndup(json_string_value(v), json_string_length(v));
    char hk[64];
    snprintf(hk, sizeof hk, "%s_hex", key);
    v = json_object_get(o, hk);
    if (json_is_string(v)) return hex_decode(json_string_value(v));
    return NULL;
}

static double get_num(json_t *v)
{
    if (json_is_string(v)) return strtod(json_string_value(v), NULL);
    return json_number_value(v);
}

static const char *date_from_name(const char *s)
{
    static const char *const names[] = {"date-line", "front-matter", "record", "option"};
    if (!s) return NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(s, names[i]) == 0) return names[i];
    return NULL;
}

static void read_document(struct reader *r, json_t *o, struct entry *e)
{
    memset(e, 0, sizeof *e);
    json_t *seq = json_object_get(o, "seq");
    if (!json_is_integer(seq) || json_integer_value(seq) < 0) bad(r, "document record without a %s", "\"seq\"");
    e->seq = (unsigned)json_integer_value(seq);
    e->path = get_str(o, "path");
    if (!e->path) {
        bad(r, "document record without a %s", "\"path\"");
        e->path = xstrdup("");
    }
    e->id = get_str(o, "id");
    e->source = get_str(o, "source");
    e->skip = get_str(o, "skipped");
    json_t *pub = json_object_get(o, "published");
    if (json_is_string(pub)) {
        if (cal_parse_iso(json_string_value(pub), json_string_length(pub), &e->date) == 0)
            e->has_date = 1;
        else
            bad(r, "document record: \"published\" is not a date: %s", json_string_value(pub));
    }
    json_t *from = json_object_get(o, "date_from");
    e->date_from = e->has_date ? date_from_name(json_string_value(from)) : NULL;
    e->is_draft = json_is_true(json_object_get(o, "draft"));
}

static int read_value(struct reader *r, json_t *o, struct value *v, const char *name, int type)
{
    json_t *ents = json_object_get(o, "ents"), *dt = json_object_get(o, "date"), *num = json_object_get(o, "num");
    if (field_holds_ents(type) ? dt || num : ents != NULL) {
        /* they share their bytes (struct value): a shard must not set both */
        diag_add(r->d, DIAG_ERROR, r->path, r->line, 0, "field '%s' cannot have %s", name,
                 field_holds_ents(type) ? "a date or number: it holds entities" : "entities");
        r->failed = 1;
        return -1;
    }
    v->set = 1;
    v->nxflags = (uint16_t)json_integer_value(json_object_get(o, "flags"));
    size_t i;
    json_t *it;
    json_array_foreach(ents, i, it)
    {
        const struct entity *e = json_is_string(it) ? lexicon_get(r->rs->lex, json_string_value(it)) : NULL;
        if (!e) {
            bad(r, "unknown entity '%s' (were the shards written with other rules?)",
                json_is_string(it) ? json_string_value(it) : "?");
            return -1;
        }
        if (v->nents < MAX_ENTS) v->ents[v->nents++] = e;
    }
    if (json_array_size(dt) == 8) {
        struct nx_date *d = &v->date;
        d->lo = (int32_t)json_integer_value(json_array_get(dt, 0));
        d->hi = (int32_t)json_integer_value(json_array_get(dt, 1));
        d->year = (int16_t)json_integer_value(json_array_get(dt, 2));
        d->month = (int8_t)json_integer_value(json_array_get(dt, 3));
        d->mday = (int8_t)json_integer_value(json_array_get(dt, 4));
        d->weekday = (int8_t)json_integer_value(json_array_get(dt, 5));
        d->gran = (uint8_t)json_integer_value(json_array_get(dt, 6));
        d->tod = (uint8_t)json_integer_value(json_array_get(dt, 7));
        json_int_t wd = json_integer_value(json_array_get(dt, 5)), mo = json_integer_value(json_array_get(dt, 3)),
                   md = json_integer_value(json_array_get(dt, 4)), gr = json_integer_value(json_array_get(dt, 6)),
                   td = json_integer_value(json_array_get(dt, 7));
        if (wd < 0 || wd > 7 || mo < 0 || mo > 12 || md < 0 || md > 31 || gr < 0 || gr > NX_GRAN_CENTURY || td < 0 ||
            td > NX_TOD_MIDNIGHT || d->lo > d->hi) {
            bad(r, "a date out of range (%s)", "weekday, month, day, granularity or time of day");
            return -1;
        }
    }
    if (json_array_size(num) == 4) {
        v->lo = get_num(json_array_get(num, 0));
        v->hi = get_num(json_array_get(num, 1));
        v->lo_open = (uint8_t)json_integer_value(json_array_get(num, 2));
        v->hi_open = (uint8_t)json_integer_value(json_array_get(num, 3));
    }
    v->text = get_str(o, "text");
    v->norm = get_str(o, "norm");
    return 0;
}

static const struct extractor *find_rule(const struct ruleset *rs, const char *id)
{
    for (size_t i = 0; i < rs->nex; i++)
        if (strcmp(rs->ex[i].id, id) == 0) return &rs->ex[i];
    return NULL;
}

static void read_claim(struct reader *r, json_t *o, struct entry *e)
{
    struct claim c;
    const char *kind = json_string_value(json_object_get(o, "kind"));
    const char *rule = json_string_value(json_object_get(o, "rule"));
    const struct kind_def *k = kind ? rules_kind(r->rs, kind) : NULL;
    const struct extractor *ex = rule ? find_rule(r->rs, rule) : NULL;
    if (!k) {
        bad(r, "unknown claim kind '%s' (were the shards written with other rules?)", kind ? kind : "?");
        return;
    }
    if (!ex || ex->kind != k) {
        bad(r, "unknown extractor '%s' (were the shards written with other rules?)", rule ? rule : "?");
        return;
    }
    claim_init(&c, k);
    c.rule = ex;
    const char *mod = json_string_value(json_object_get(o, "modality"));
    c.modality = -1;
    for (int m = 0; m < MOD_COUNT; m++)
        if (mod && strcmp(mod, modality_name(m)) == 0) c.modality = m;
    if (c.modality < 0) {
        bad(r, "unknown modality '%s'", mod ? mod : "?");
        claim_free(&c);
        return;
    }
    json_t *raw = json_object_get(o, "raw");
    json_t *span = json_object_get(o, "span");
    json_t *sent = json_object_get(raw, "sentence");
    if (!json_is_object(raw) || json_array_size(span) != 2 || json_array_size(sent) != 2) {
        bad(r, "claim record without %s (not written by extract --slice?)", "\"span\" and \"raw\"");
        claim_free(&c);
        return;
    }
    c.start = (uint32_t)json_integer_value(json_array_get(span, 0));
    c.end = (uint32_t)json_integer_value(json_array_get(span, 1));
    c.sent_start = (uint32_t)json_integer_value(json_array_get(sent, 0));
    c.sent_end = (uint32_t)json_integer_value(json_array_get(sent, 1));
    c.line = (unsigned)json_integer_value(json_object_get(o, "line"));
    c.col = (unsigned)json_integer_value(json_object_get(o, "column"));
    c.sentence = get_str(raw, "text");
    if (!c.sentence) c.sentence = get_str(o, "text");
    c.attribution = get_str(raw, "attribution");
    if (!c.attribution) c.attribution = get_str(o, "attribution");
    json_t *fields = json_object_get(raw, "fields");
    const char *name;
    json_t *fv;
    json_object_foreach(fields, name, fv)
    {
        int f;
        for (f = 0; f < c.kind->nfields; f++)
            if (strcmp(c.kind->fields[f].name, name) == 0) break;
        if (f == c.kind->nfields) {
            bad(r, "unknown field '%s' (were the shards written with other rules?)", name);
            claim_free(&c);
            return;
        }
        if (read_value(r, fv, &c.f[f], name, c.kind->fields[f].type) < 0) {
            claim_free(&c);
            return;
        }
    }
    claim_pack(&c);
    XGROW(e->claims, e->cap, e->n + 1);
    e->claims[e->n++] = c;
}

static void entry_free(struct entry *e)
{
    free(e->path);
    free(e->id);
    free(e->source);
    free(e->skip);
    for (size_t i = 0; i < e->n; i++) claim_free(&e->claims[i]);
    free(e->claims);
}

static int entry_cmp(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    if (x->seq != y->seq) return x->seq < y->seq ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

int claimio_read(const struct ruleset *rs, char *const *paths, size_t n, struct claimset *cs, struct diag *d)
{
    struct entry *ev = NULL;
    size_t ne = 0, cap = 0, order = 0;
    struct reader r = {rs, d, NULL, 0, 0};
    char *line = NULL;
    size_t lcap = 0;
    for (size_t p = 0; p < n; p++) {
        int is_stdin = strcmp(paths[p], "-") == 0;
        FILE *fp = is_stdin ? stdin : fopen(paths[p], "r");
        r.path = is_stdin ? "<stdin>" : paths[p];
        r.line = 0;
        if (!fp) {
            diag_add(d, DIAG_ERROR, paths[p], 0, 0, "cannot read claims: %s", strerror(errno));
            r.failed = 1;
            continue;
        }
        struct entry *cur = NULL;
        ssize_t len;
        while ((len = getline(&line, &lcap, fp)) >= 0) {
            r.line++;
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
            if (len == 0) continue;
            json_error_t err;
            json_t *o = json_loadb(line, (size_t)len, 0, &err);
            if (!json_is_object(o)) {
                diag_add(d, DIAG_ERROR, r.path, r.line, o ? 1 : (unsigned)err.column, "not a claim shard record: %s",
                         o ? "not a JSON object" : err.text);
                r.failed = 1;
                json_decref(o);
                continue;
            }
            json_t *doc = json_object_get(o, "document");
            if (json_is_object(doc)) {
                XGROW(ev, cap, ne + 1);
                cur = &ev[ne++];
                read_document(&r, doc, cur);
                cur->order = order++;
            } else if (!cur) {
                bad(&r, "claim record before any %s record (not written by extract --slice?)", "document");
            } else if ((unsigned)json_integer_value(json_object_get(o, "seq")) != cur->seq) {
                bad(&r, "claim record does not follow its %s record", "document");
            } else {
                read_claim(&r, o, cur);
            }
            json_decref(o);
        }
        if (ferror(fp)) {
            diag_add(d, DIAG_ERROR, r.path, r.line, 0, "read error: %s", strerror(errno));
            r.failed = 1;
        }
        if (!is_stdin) fclose(fp);
    }
    free(line);
    if (ne) qsort(ev, ne, sizeof *ev, entry_cmp);
    for (size_t i = 0; i < ne; i++) {
        struct entry *e = &ev[i];
        if (!r.failed) {
            uint32_t idx = claimset_add_doc(cs, e->path, e->id, e->source, e->has_date, e->date, e->date_from, e->skip,
                                            e->is_draft);
            for (size_t k = 0; k < e->n; k++) {
                e->claims[k].doc = idx;
                claimset_add(cs, &e->claims[k]); /* moved: zeroes the entry's copy */
            }
        }
        entry_free(e);
    }
    free(ev);
    return r.failed ? -1 : 0;
}
