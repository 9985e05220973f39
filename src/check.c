/* check.c - group claims by key, tell events apart, report disagreements. */
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "diag.h"
#include "strmap.h"
#include "xalloc.h"

/* ==== Comparing values ==== */

static int intervals_overlap(const struct value *a, const struct value *b)
{
    /* a.hi < b.lo (or equal with an open end) means they are apart */
    if (a->hi < b->lo || (a->hi == b->lo && (a->hi_open || b->lo_open))) return 0;
    if (b->hi < a->lo || (b->hi == a->lo && (b->hi_open || a->lo_open))) return 0;
    return 1;
}

static int anchored(const struct value *v) { return (v->nxflags & NX_ANCHORED) != 0; }

/* Does the anchored date a have a day that fits what unanchored u says? */
static int days_fit(const struct value *a, const struct value *u)
{
    int32_t lo = a->date.lo, hi = a->date.hi;
    if (hi - lo > 400) return 1; /* a year or more: anything fits */
    for (int32_t d = lo; d <= hi; d++) {
        int y, m, dd;
        cal_civil(d, &y, &m, &dd);
        if (u->date.weekday && cal_weekday(d) != u->date.weekday) continue;
        if (u->date.month && m != u->date.month) continue;
        if (u->date.mday && dd != u->date.mday) continue;
        if (u->date.year && y != u->date.year) continue;
        return 1;
    }
    return 0;
}

int date_compatible(const struct value *a, const struct value *b)
{
    if (!a->set || !b->set) return 1;
    if (anchored(a) && anchored(b)) return a->date.lo <= b->date.hi && b->date.lo <= a->date.hi;
    if (anchored(a)) return days_fit(a, b);
    if (anchored(b)) return days_fit(b, a);
    if (a->date.weekday && b->date.weekday && a->date.weekday != b->date.weekday) return 0;
    if (a->date.month && b->date.month && a->date.month != b->date.month) return 0;
    if (a->date.mday && b->date.mday && a->date.mday != b->date.mday) return 0;
    if (a->date.year && b->date.year && a->date.year != b->date.year) return 0;
    return 1;
}

static int same_entities(const struct value *a, const struct value *b)
{
    if (a->nents != b->nents) return 0;
    for (int i = 0; i < a->nents; i++)
        if (a->ents[i] != b->ents[i]) return 0;
    return 1;
}

int value_agrees(const struct value *a, const struct value *b, int type, int cmp)
{
    if (!a->set || !b->set) return 1;
    switch (cmp) {
    case CMP_INTERVAL:
        if (type == FT_TIME && (a->date.tod || b->date.tod)) return a->date.tod == b->date.tod;
        return intervals_overlap(a, b);
    case CMP_DATE: return date_compatible(a, b);
    case CMP_PLACE:
        if (!a->nents || !b->nents) return 1;
        return entity_contains(a->ents[0], b->ents[0]) || entity_contains(b->ents[0], a->ents[0]);
    case CMP_ENTITY: return same_entities(a, b);
    case CMP_ORDINAL: return a->lo == b->lo;
    default:
        if (a->nents || b->nents) return same_entities(a, b);
        return a->norm && b->norm ? strcmp(a->norm, b->norm) == 0 : 1;
    }
}

/* ==== Keys ==== */

static void key_of(struct buf *b, const struct claim *c, const struct check *ck)
{
    buf_reset(b);
    buf_puts(b, ck->id);
    for (int i = 0; i < ck->nkey; i++) {
        const struct value *v = &c->f[ck->key[i]];
        buf_putc(b, '|');
        if (v->nents) {
            for (int k = 0; k < v->nents; k++) buf_printf(b, "%s%s", k ? "+" : "", v->ents[k]->id);
        } else if (v->norm) {
            buf_puts(b, v->norm);
        }
    }
}

static int key_complete(const struct claim *c, const struct check *ck)
{
    for (int i = 0; i < ck->nkey; i++)
        if (!c->f[ck->key[i]].set) return 0;
    return c->f[ck->compare].set;
}

/* ==== Events ==== */

struct group {
    uint32_t *v;
    size_t n, cap;
};

static int event_compatible(const struct claimset *cs, const struct check *ck, uint32_t a, uint32_t b)
{
    for (int i = 0; i < ck->nevent; i++) {
        int f = ck->event[i];
        int t = ck->kind->fields[f].type;
        const struct value *x = &cs->v[a].f[f], *y = &cs->v[b].f[f];
        if (t == FT_DATE) {
            if (!date_compatible(x, y)) return 0;
        } else if (!value_agrees(x, y, t, t == FT_PLACE ? CMP_PLACE : CMP_EXACT)) {
            return 0;
        }
    }
    return 1;
}

static int has_event_fields(const struct claimset *cs, const struct check *ck, uint32_t c)
{
    for (int i = 0; i < ck->nevent; i++)
        if (!cs->v[c].f[ck->event[i]].set) return 0;
    return 1;
}

/* Split a key group into events: claims that say when (or where) join the
 * first event they fit entirely; claims that do not say join the only event
 * there is, and are left out when there are several (they could be either). */
static size_t split_events(const struct claimset *cs, const struct check *ck, const struct group *g,
                           struct group **events)
{
    size_t ne = 0, cap = 0;
    *events = NULL;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < g->n; i++) {
            uint32_t c = g->v[i];
            int specific = has_event_fields(cs, ck, c);
            if ((pass == 0) != specific) continue;
            if (pass == 1) {
                if (ne == 0) {
                    XGROW(*events, cap, 1);
                    memset(&(*events)[0], 0, sizeof **events);
                    ne = 1;
                }
                if (ne == 1) {
                    XGROW((*events)[0].v, (*events)[0].cap, (*events)[0].n + 1);
                    (*events)[0].v[(*events)[0].n++] = c;
                }
                continue;
            }
            size_t e;
            for (e = 0; e < ne; e++) {
                size_t k;
                for (k = 0; k < (*events)[e].n; k++)
                    if (!event_compatible(cs, ck, c, (*events)[e].v[k])) break;
                if (k == (*events)[e].n) break;
            }
            if (e == ne) {
                XGROW(*events, cap, ne + 1);
                memset(&(*events)[ne], 0, sizeof **events);
                ne++;
            }
            XGROW((*events)[e].v, (*events)[e].cap, (*events)[e].n + 1);
            (*events)[e].v[(*events)[e].n++] = c;
        }
    }
    return ne;
}

/* ==== Findings ==== */

static const int modality_rank[MOD_COUNT] = {3, 2, 1, 0}; /* asserted > hedged > planned > denied */

static void fnv(uint64_t *h, const char *s)
{
    for (; *s; s++) {
        *h ^= (unsigned char)*s;
        *h *= 1099511628211ull;
    }
}

static void substitute(struct buf *out, const char *tmpl, const struct claimset *cs, const struct check *ck,
                       const struct finding *f)
{
    const struct kind_def *k = ck->kind;
    int t = k->fields[ck->compare].type;
    const struct claim *p = &cs->v[f->primary];
    int pside = 0;
    for (size_t i = 0; i < f->nclaims; i++)
        if (f->claims[i] == f->primary) pside = f->side[i];
    for (const char *s = tmpl; *s; s++) {
        if (*s != '{') {
            buf_putc(out, *s);
            continue;
        }
        const char *e = strchr(s, '}');
        if (!e) {
            buf_puts(out, s);
            break;
        }
        size_t n = (size_t)(e - s - 1);
        if (n == 5 && strncmp(s + 1, "value", 5) == 0) {
            value_format(out, &p->f[ck->compare], t);
        } else if (n == 5 && strncmp(s + 1, "other", 5) == 0) {
            int first = 1;
            for (int sd = 0; sd < f->nsides; sd++) {
                if (sd == pside) continue;
                for (size_t i = 0; i < f->nclaims; i++)
                    if (f->side[i] == sd) {
                        if (!first) buf_puts(out, " / ");
                        first = 0;
                        value_format(out, &cs->v[f->claims[i]].f[ck->compare], t);
                        break;
                    }
            }
        } else if (n == 4 && strncmp(s + 1, "kind", 4) == 0) {
            buf_puts(out, k->name);
        } else if (n == 5 && strncmp(s + 1, "field", 5) == 0) {
            buf_puts(out, k->fields[ck->compare].name);
        } else if (n == 7 && strncmp(s + 1, "sources", 7) == 0) {
            size_t others = 0;
            for (size_t i = 0; i < f->nclaims; i++) others += f->side[i] != pside;
            buf_printf(out, "%zu", others);
        } else {
            /* {fieldname}: that field of the primary claim */
            int fi = -1;
            for (int q = 0; q < k->nfields; q++)
                if (strlen(k->fields[q].name) == n && strncmp(k->fields[q].name, s + 1, n) == 0) fi = q;
            if (fi >= 0)
                value_format(out, &p->f[fi], k->fields[fi].type);
            else
                buf_append(out, s, (size_t)(e - s + 1));
        }
        s = e;
    }
}

/* Compare the claims of one event; add a finding when they disagree. */
static void compare_event(const struct claimset *cs, const struct check *ck, const struct group *ev, struct findings *out)
{
    int t = ck->kind->fields[ck->compare].type;
    /* sides: each claim joins the first side all of whose claims it agrees with */
    int *side = xcalloc(ev->n ? ev->n : 1, sizeof *side);
    int nsides = 0;
    size_t used = 0;
    uint32_t *claims = xcalloc(ev->n ? ev->n : 1, sizeof *claims);
    for (size_t i = 0; i < ev->n; i++) {
        const struct claim *c = &cs->v[ev->v[i]];
        if (c->modality == MOD_DENIED) continue;
        int s;
        for (s = 0; s < nsides; s++) {
            size_t k;
            for (k = 0; k < used; k++)
                if (side[k] == s && !value_agrees(&c->f[ck->compare], &cs->v[claims[k]].f[ck->compare], t, ck->comparator))
                    break;
            if (k == used) break;
        }
        if (s == nsides) nsides++;
        claims[used] = ev->v[i];
        side[used] = s;
        used++;
    }
    if (nsides < 2) {
        free(side);
        free(claims);
        return;
    }
    struct finding f;
    memset(&f, 0, sizeof f);
    f.check = ck;
    f.claims = claims;
    f.side = side;
    f.nclaims = used;
    f.nsides = nsides;
    /* modality: a plan against a report is a note; a hedged side lowers it */
    int best[64];
    for (int s = 0; s < nsides && s < 64; s++) best[s] = 0;
    size_t count[64] = {0};
    for (size_t i = 0; i < used; i++) {
        int r = modality_rank[cs->v[claims[i]].modality];
        if (side[i] < 64) {
            if (r > best[side[i]]) best[side[i]] = r;
            count[side[i]]++;
        }
    }
    int weakest = 3;
    for (int s = 0; s < nsides && s < 64; s++)
        if (best[s] < weakest) weakest = best[s];
    f.severity = ck->severity;
    if (weakest <= 1)
        f.severity = DIAG_NOTE;
    else if (weakest == 2 && f.severity > DIAG_NOTE)
        f.severity--;
    /* primary: a draft's claim, else the first claim of the smallest side */
    int small = 0;
    for (int s = 1; s < nsides && s < 64; s++)
        if (count[s] < count[small]) small = s;
    f.primary = UINT32_MAX;
    for (size_t i = 0; i < used; i++)
        if (cs->docs[cs->v[claims[i]].doc].is_draft) {
            f.involves_draft = 1;
            if (f.primary == UINT32_MAX) f.primary = claims[i];
        }
    if (f.primary == UINT32_MAX)
        for (size_t i = 0; i < used; i++)
            if (side[i] == small) {
                f.primary = claims[i];
                break;
            }
    struct buf m = {0};
    substitute(&m, ck->message, cs, ck, &f);
    f.message = buf_steal(&m);
    /* fingerprint: the check, the key and each claim's document and sentence */
    uint64_t h = 1469598103934665603ull;
    struct buf kb = {0};
    key_of(&kb, &cs->v[f.primary], ck);
    fnv(&h, kb.s);
    buf_free(&kb);
    const struct claim *p = &cs->v[f.primary];
    fnv(&h, cs->docs[p->doc].path);
    fnv(&h, p->sentence ? p->sentence : "");
    snprintf(f.fingerprint, sizeof f.fingerprint, "%016llx", (unsigned long long)h);
    XGROW(out->v, out->cap, out->n + 1);
    out->v[out->n++] = f;
}

struct run_state {
    const struct claimset *cs;
    const struct check *ck;
    struct findings *out;
    uint32_t *next_event;
    struct claimset *mcs;
};

static int visit_group(const char *key, void *val, void *arg)
{
    struct run_state *st = arg;
    struct group *g = val;
    (void)key;
    struct group *events;
    size_t ne = split_events(st->cs, st->ck, g, &events);
    for (size_t e = 0; e < ne; e++) {
        uint32_t id = ++*st->next_event;
        for (size_t i = 0; i < events[e].n; i++)
            if (!st->mcs->v[events[e].v[i]].event) st->mcs->v[events[e].v[i]].event = id;
        if (events[e].n > 1) compare_event(st->cs, st->ck, &events[e], st->out);
        free(events[e].v);
    }
    free(events);
    free(g->v);
    free(g);
    return 0;
}

static const struct claimset *sort_cs;

static int finding_cmp(const void *a, const void *b)
{
    const struct finding *x = a, *y = b;
    if (x->severity != y->severity) return y->severity - x->severity;
    const struct claim *p = &sort_cs->v[x->primary], *q = &sort_cs->v[y->primary];
    int c = strcmp(sort_cs->docs[p->doc].path, sort_cs->docs[q->doc].path);
    if (c) return c;
    if (p->line != q->line) return p->line < q->line ? -1 : 1;
    if (p->col != q->col) return p->col < q->col ? -1 : 1;
    c = strcmp(x->check->id, y->check->id);
    if (c) return c;
    return strcmp(x->fingerprint, y->fingerprint);
}

int check_run(const struct ruleset *rs, struct claimset *cs, struct findings *out)
{
    uint32_t next_event = 0;
    struct buf kb = {0};
    size_t first = out->n;
    for (size_t ci = 0; ci < rs->nchecks; ci++) {
        const struct check *ck = &rs->checks[ci];
        Pvoid_t index = NULL;
        size_t longest = 0;
        for (size_t i = 0; i < cs->n; i++) {
            const struct claim *c = &cs->v[i];
            if (c->kind != ck->kind || !key_complete(c, ck)) continue;
            key_of(&kb, c, ck);
            if (kb.len > longest) longest = kb.len;
            void **slot = strmap_slot(&index, kb.s);
            struct group *g = *slot;
            if (!g) *slot = g = xcalloc(1, sizeof *g);
            XGROW(g->v, g->cap, g->n + 1);
            g->v[g->n++] = (uint32_t)i;
        }
        char *keybuf = xmalloc(longest + 1);
        struct run_state st = {cs, ck, out, &next_event, cs};
        strmap_each(index, keybuf, visit_group, &st);
        free(keybuf);
        strmap_free(&index);
    }
    buf_free(&kb);
    sort_cs = cs;
    qsort(out->v + first, out->n - first, sizeof *out->v, finding_cmp);
    sort_cs = NULL;
    return 0;
}

void findings_only_drafts(struct findings *f)
{
    size_t k = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (f->v[i].involves_draft) {
            f->v[k++] = f->v[i];
        } else {
            free(f->v[i].message);
            free(f->v[i].claims);
            free(f->v[i].side);
        }
    }
    f->n = k;
}

size_t findings_count_at(const struct findings *f, int level)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++) n += f->v[i].severity >= level;
    return n;
}

void findings_free(struct findings *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].message);
        free(f->v[i].claims);
        free(f->v[i].side);
    }
    free(f->v);
    memset(f, 0, sizeof *f);
}
