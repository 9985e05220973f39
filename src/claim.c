/* claim.c - claims, claim sets, and their canonical text and JSON. */
#include "claim.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "xalloc.h"

const char *event_basis_name(int why)
{
    static const char *const names[] = {"none", "only-event", "date", "detail", "ambiguous"};
    return why >= 0 && why <= EV_AMBIGUOUS ? names[why] : "?";
}

/* ==== Sets ==== */

/* Copy s (or nothing for NULL) to *at, advancing it. */
static char *pack_str(char **at, const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *d = memcpy(*at, s, n);
    *at += n;
    return d;
}


uint32_t claimset_add_doc(struct claimset *cs, const char *path, const char *id, const char *source, int has_date,
                          int32_t date, const char *date_from, const char *skip, int is_draft)
{
    XGROW(cs->docs, cs->capdocs, cs->ndocs + 1);
    struct docinfo *d = &cs->docs[cs->ndocs];
    memset(d, 0, sizeof *d);
    /* one block for the four strings: a run keeps every document's */
    if (!path) path = "";
    size_t need = strlen(path) + 1 + (id ? strlen(id) + 1 : 0) + (source ? strlen(source) + 1 : 0) +
                  (skip ? strlen(skip) + 1 : 0);
    char *at = xmalloc(need);
    d->path = pack_str(&at, path);
    d->id = pack_str(&at, id);
    d->source = pack_str(&at, source);
    d->skip = pack_str(&at, skip);
    d->has_date = (uint8_t)(has_date != 0);
    d->date = date;
    d->date_from = date_from;
    d->is_draft = (uint8_t)(is_draft != 0);
    return (uint32_t)cs->ndocs++;
}

void claimset_doc_warnings(struct claimset *cs, uint32_t doc, const struct diag *d)
{
    if (doc >= cs->ndocs) return;
    struct docinfo *di = &cs->docs[doc];
    for (size_t i = 0; i < d->n; i++) {
        const struct diag_entry *e = &d->v[i];
        if (e->level < DIAG_WARNING || strncmp(e->msg, "skipped: ", 9) == 0) continue;
        di->warnings = xrealloc(di->warnings, (di->nwarnings + 1) * sizeof *di->warnings);
        di->warnings[di->nwarnings++] = (struct doc_warning){e->line, e->col, xstrdup(e->msg)};
    }
}

void claimset_add(struct claimset *cs, struct claim *c)
{
    XGROW(cs->v, cs->cap, cs->n + 1);
    cs->v[cs->n++] = *c;
    if (c->doc < cs->ndocs) cs->docs[c->doc].nclaims++;
    memset(c, 0, sizeof *c);
}

uint32_t claimset_move_doc(struct claimset *dst, struct claimset *src, uint32_t doc, size_t *next)
{
    uint32_t idx = (uint32_t)dst->ndocs;
    XGROW(dst->docs, dst->capdocs, dst->ndocs + 1);
    dst->docs[dst->ndocs++] = src->docs[doc];
    memset(&src->docs[doc], 0, sizeof src->docs[doc]); /* dst owns its strings now */
    size_t end = *next;
    while (end < src->n && src->v[end].doc == doc) end++;
    XGROW(dst->v, dst->cap, dst->n + (end - *next));
    for (; *next < end; (*next)++) {
        struct claim *c = &src->v[*next];
        claim_pack(c);
        c->doc = idx;
        dst->v[dst->n++] = *c;
        memset(c, 0, sizeof *c);
    }
    return idx;
}

void value_free(struct value *v)
{
    free(v->text);
    free(v->norm);
    memset(v, 0, sizeof *v);
}

void claim_init(struct claim *c, const struct kind_def *k)
{
    memset(c, 0, sizeof *c);
    c->kind = k;
    c->f = xcalloc(k && k->nfields ? (size_t)k->nfields : 1, sizeof *c->f);
}

const struct value value_unset;

void claim_pack(struct claim *c)
{
    if (c->packed || !c->f || !c->kind) return;
    int nf = c->kind->nfields, nset = 0;
    uint16_t mask = 0;
    size_t strs = 0;
    for (int i = 0; i < nf; i++) {
        if (!c->f[i].set) {
            value_free(&c->f[i]); /* nothing of an unset value is kept */
            continue;
        }
        mask |= (uint16_t)(1u << i);
        nset++;
        if (c->f[i].text) strs += strlen(c->f[i].text) + 1;
        if (c->f[i].norm) strs += strlen(c->f[i].norm) + 1;
    }
    if (c->attribution) strs += strlen(c->attribution) + 1;
    if (c->sentence) strs += strlen(c->sentence) + 1;
    struct value *nv = xmalloc((size_t)nset * sizeof *nv + strs + 1);
    char *at = (char *)(nv + nset);
    for (int i = 0, k = 0; i < nf; i++) {
        if (!(mask >> i & 1)) continue;
        nv[k] = c->f[i];
        nv[k].text = pack_str(&at, c->f[i].text);
        nv[k].norm = pack_str(&at, c->f[i].norm);
        free(c->f[i].text);
        free(c->f[i].norm);
        k++;
    }
    char *attribution = pack_str(&at, c->attribution), *sentence = pack_str(&at, c->sentence);
    free(c->attribution);
    free(c->sentence);
    free(c->f);
    c->f = nv;
    c->attribution = attribution;
    c->sentence = sentence;
    c->setmask = mask;
    c->packed = 1;
}

void claim_free(struct claim *c)
{
    if (!c->packed) {
        for (int i = 0; c->f && c->kind && i < c->kind->nfields; i++) value_free(&c->f[i]);
        free(c->attribution);
        free(c->sentence);
    }
    free(c->f);
    memset(c, 0, sizeof *c);
}

void claimset_free(struct claimset *cs)
{
    for (size_t i = 0; i < cs->n; i++) claim_free(&cs->v[i]);
    free(cs->v);
    for (size_t i = 0; i < cs->ndocs; i++) {
        free(cs->docs[i].path); /* and id, source, skip: one block */
        for (size_t w = 0; w < cs->docs[i].nwarnings; w++) free(cs->docs[i].warnings[w].msg);
        free(cs->docs[i].warnings);
    }
    free(cs->docs);
    memset(cs, 0, sizeof *cs);
}

/* ==== Text ==== */

static const char *weekday_names[8] = {"",         "Monday", "Tuesday",  "Wednesday",
                                       "Thursday", "Friday", "Saturday", "Sunday"};
#define WEEKDAY_NAME(w) ((w) >= 1 && (w) <= 7 ? weekday_names[(w)] : "?")
static const char *tod_names[] = {"", "morning", "noon", "afternoon", "evening", "night", "midnight"};

static void number_text(struct buf *b, double x)
{
    if (x == floor(x) && fabs(x) < 1e15)
        buf_printf(b, "%.0f", x);
    else
        buf_printf(b, "%.6g", x);
}

static void interval_text(struct buf *b, const struct value *v, const char *unit)
{
    if (v->lo == v->hi) {
        number_text(b, v->lo);
    } else if (isinf(v->hi)) {
        buf_puts(b, v->lo_open ? "more than " : "at least ");
        number_text(b, v->lo);
    } else if (v->lo <= 0 && !isinf(v->hi)) {
        buf_puts(b, v->hi_open ? "fewer than " : "at most ");
        number_text(b, v->hi);
    } else {
        number_text(b, v->lo);
        buf_puts(b, "-");
        number_text(b, v->hi);
    }
    if (unit) buf_puts(b, unit);
}

/* "PT3H" -> "3 hours", "P1W" -> "1 week"; 0 when the text is not that simple. */
static int iso_duration_words(struct buf *b, const char *iso)
{
    static const struct {
        char unit;
        int time;
        const char *word;
    } units[] = {{'Y', 0, "year"}, {'M', 0, "month"},  {'W', 0, "week"},  {'D', 0, "day"},
                 {'H', 1, "hour"}, {'M', 1, "minute"}, {'S', 1, "second"}};
    if (!iso || iso[0] != 'P') return 0;
    const char *p = iso + 1;
    int time = 0, any = 0;
    struct buf out = {0};
    while (*p) {
        if (*p == 'T') {
            time = 1;
            p++;
            continue;
        }
        char *end;
        double n = strtod(p, &end);
        if (end == p || !*end) break;
        const char *word = NULL;
        for (size_t i = 0; i < sizeof units / sizeof *units; i++)
            if (units[i].unit == *end && units[i].time == time) word = units[i].word;
        if (!word) break;
        if (any) buf_puts(&out, " ");
        number_text(&out, n);
        buf_printf(&out, " %s%s", word, n == 1 ? "" : "s");
        any = 1;
        p = end + 1;
    }
    int ok = any && !*p;
    if (ok) buf_append(b, out.s, out.len);
    buf_free(&out);
    return ok;
}

static void duration_text(struct buf *b, const struct value *v)
{
    size_t mark = b->len;
    if (v->nxflags & NX_APPROX) buf_puts(b, "about ");
    if (iso_duration_words(b, v->norm)) return;
    b->len = mark;
    if (b->s) b->s[mark] = '\0';
    if (v->norm && *v->norm) {
        buf_puts(b, v->norm);
        return;
    }
    interval_text(b, v, " s");
}

static void date_text(struct buf *b, const struct value *v)
{
    if (v->norm && *v->norm)
        buf_puts(b, v->norm);
    else if (v->date.weekday)
        buf_puts(b, WEEKDAY_NAME(v->date.weekday));
    else
        buf_puts(b, "?");
    if (v->date.weekday && v->norm && v->norm[0] != 'X' && v->date.gran == NX_GRAN_DAY)
        buf_printf(b, " (%s)", WEEKDAY_NAME(v->date.weekday));
    if (v->date.tod && v->date.tod < sizeof tod_names / sizeof *tod_names) buf_printf(b, " %s", tod_names[v->date.tod]);
}

void value_format(struct buf *b, const struct value *v, int type)
{
    if (!v->set) {
        buf_puts(b, "(none)");
        return;
    }
    switch (type) {
    case FT_ENTITIES:
    case FT_ENTITY:
    case FT_ACTOR:
    case FT_PLACE:
        for (int i = 0; i < v->nents; i++) buf_printf(b, "%s%s", i ? " + " : "", v->ents[i]->name);
        break;
    case FT_DATE: date_text(b, v); break;
    case FT_TIME:
        if (v->date.tod && v->date.tod < sizeof tod_names / sizeof *tod_names)
            buf_puts(b, tod_names[v->date.tod]);
        else
            buf_puts(b, v->norm ? v->norm : "?");
        break;
    case FT_DURATION: duration_text(b, v); break;
    case FT_NUMBER: interval_text(b, v, NULL); break;
    case FT_ORDINAL: number_text(b, v->lo); break;
    default: buf_puts(b, v->norm ? v->norm : (v->text ? v->text : "?"));
    }
}

/* ==== JSON ==== */

void day_json(struct buf *b, int has_date, int32_t day)
{
    if (!has_date) {
        buf_puts(b, "null");
        return;
    }
    char s[11];
    cal_format(day, s);
    buf_printf(b, "\"%s\"", s);
}

static void json_num_or_null(struct buf *b, double x)
{
    buf_json_num(b, x);
}

void value_json(struct buf *b, const struct value *v, int type)
{
    if (!v->set) {
        buf_puts(b, "null");
        return;
    }
    char day[11];
    switch (type) {
    case FT_ENTITIES:
        buf_putc(b, '[');
        for (int i = 0; i < v->nents; i++) {
            if (i) buf_putc(b, ',');
            buf_json_str(b, v->ents[i]->id, strlen(v->ents[i]->id));
        }
        buf_putc(b, ']');
        break;
    case FT_DETAILS: {
        buf_putc(b, '[');
        const char *p = v->norm ? v->norm : "";
        int first = 1;
        while (*p) {
            const char *e = strchr(p, '+');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            if (!first) buf_putc(b, ',');
            first = 0;
            buf_json_str(b, p, n);
            p += n + (e ? 1 : 0);
        }
        buf_putc(b, ']');
        break;
    }
    case FT_ENTITY:
    case FT_ACTOR:
    case FT_PLACE:
        if (v->nents)
            buf_json_str(b, v->ents[0]->id, strlen(v->ents[0]->id));
        else
            buf_puts(b, "null");
        break;
    case FT_DATE:
        buf_puts(b, "{\"timex\":");
        buf_json_str(b, v->norm ? v->norm : "", v->norm ? strlen(v->norm) : 0);
        buf_puts(b, ",\"anchored\":");
        buf_puts(b, (v->nxflags & NX_ANCHORED) ? "true" : "false");
        if (v->nxflags & NX_ANCHORED) {
            cal_format(v->date.lo, day);
            buf_printf(b, ",\"start\":\"%s\"", day);
            cal_format(v->date.hi, day);
            buf_printf(b, ",\"end\":\"%s\"", day);
        }
        buf_printf(b, ",\"granularity\":\"%s\"", nx_gran_name(v->date.gran));
        if (v->date.weekday) buf_printf(b, ",\"weekday\":\"%s\"", WEEKDAY_NAME(v->date.weekday));
        if (v->date.tod && v->date.tod < sizeof tod_names / sizeof *tod_names)
            buf_printf(b, ",\"time_of_day\":\"%s\"", tod_names[v->date.tod]);
        if (v->nxflags & NX_FUTURE) buf_puts(b, ",\"future\":true");
        buf_putc(b, '}');
        break;
    case FT_NUMBER:
    case FT_DURATION:
    case FT_ORDINAL:
    case FT_TIME:
        if (type == FT_TIME && v->date.tod) {
            buf_json_str(b, tod_names[v->date.tod], strlen(tod_names[v->date.tod]));
            break;
        }
        if (v->lo == v->hi && !v->lo_open && !v->hi_open) {
            if (type == FT_DURATION && v->norm) {
                buf_printf(b, "{\"iso\":");
                buf_json_str(b, v->norm, strlen(v->norm));
                buf_puts(b, ",\"seconds\":");
                json_num_or_null(b, v->lo);
                buf_putc(b, '}');
            } else {
                json_num_or_null(b, v->lo);
            }
            break;
        }
        buf_puts(b, "{\"min\":");
        json_num_or_null(b, isinf(v->lo) ? NAN : v->lo);
        buf_puts(b, ",\"max\":");
        json_num_or_null(b, isinf(v->hi) ? NAN : v->hi);
        buf_printf(b, ",\"min_exclusive\":%s,\"max_exclusive\":%s", v->lo_open ? "true" : "false",
                   v->hi_open ? "true" : "false");
        if (type == FT_DURATION && v->norm) {
            buf_puts(b, ",\"iso\":");
            buf_json_str(b, v->norm, strlen(v->norm));
        }
        buf_putc(b, '}');
        break;
    default: {
        const char *s = v->norm ? v->norm : (v->text ? v->text : "");
        buf_json_str(b, s, strlen(s));
    }
    }
}

void claim_json(struct buf *b, const struct claimset *cs, const struct claim *c)
{
    const struct docinfo *d = &cs->docs[c->doc];
    const struct kind_def *k = c->kind;
    buf_puts(b, "{\"kind\":");
    buf_json_str(b, k->name, strlen(k->name));
    buf_puts(b, ",\"key\":{");
    for (int i = 0; i < k->nkey; i++) {
        const struct field_def *f = &k->fields[k->key[i]];
        if (i) buf_putc(b, ',');
        buf_json_str(b, f->name, strlen(f->name));
        buf_putc(b, ':');
        value_json(b, claim_field(c, k->key[i]), f->type);
    }
    buf_puts(b, "},\"value\":");
    if (k->value >= 0)
        value_json(b, claim_field(c, k->value), k->fields[k->value].type);
    else
        buf_puts(b, "null");
    buf_puts(b, ",\"fields\":{");
    int first = 1;
    for (int i = 0; i < k->nfields; i++) {
        if (!claim_field(c, i)->set) continue;
        if (!first) buf_putc(b, ',');
        first = 0;
        buf_json_str(b, k->fields[i].name, strlen(k->fields[i].name));
        buf_putc(b, ':');
        value_json(b, claim_field(c, i), k->fields[i].type);
    }
    buf_puts(b, "},\"modality\":");
    buf_json_str(b, modality_name(c->modality), strlen(modality_name(c->modality)));
    buf_puts(b, ",\"attribution\":");
    if (c->attribution)
        buf_json_str(b, c->attribution, strlen(c->attribution));
    else
        buf_puts(b, "null");
    if (c->event_why) buf_printf(b, ",\"event\":%u,\"event_basis\":\"%s\"", c->event, event_basis_name(c->event_why));
    buf_puts(b, ",\"path\":");
    buf_json_str(b, d->path, strlen(d->path));
    if (d->id) {
        buf_puts(b, ",\"id\":");
        buf_json_str(b, d->id, strlen(d->id));
    }
    buf_printf(b, ",\"line\":%u,\"column\":%u,\"span\":[%u,%u]", c->line, c->col, c->start, c->end);
    buf_puts(b, ",\"source\":");
    if (d->source)
        buf_json_str(b, d->source, strlen(d->source));
    else
        buf_puts(b, "null");
    buf_puts(b, ",\"published\":");
    day_json(b, d->has_date, d->date);
    buf_puts(b, ",\"text\":");
    buf_json_str(b, c->sentence ? c->sentence : "", c->sentence ? strlen(c->sentence) : 0);
    buf_puts(b, ",\"rule\":");
    buf_json_str(b, c->rule ? c->rule->id : "", c->rule ? strlen(c->rule->id) : 0);
    buf_putc(b, '}');
}
