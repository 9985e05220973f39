/* check.c - group claims by key, tell events apart, report disagreements. */
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "diag.h"
#include "normalize.h"
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

static int anchored(const struct value *v)
{
    return (v->nxflags & NX_ANCHORED) != 0;
}

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

static void value_key(struct buf *b, const struct value *v)
{
    if (v->nents) {
        for (int k = 0; k < v->nents; k++) buf_printf(b, "%s%s", k ? "+" : "", v->ents[k]->id);
    } else if (v->norm) {
        buf_puts(b, v->norm);
    }
}

/* The kind's key: which real-world thing the claim is about. */
static int kind_key(struct buf *b, const struct claim *c)
{
    const struct kind_def *k = c->kind;
    buf_reset(b);
    buf_puts(b, k->name);
    for (int i = 0; i < k->nkey; i++) {
        const struct value *v = claim_field(c, k->key[i]);
        buf_putc(b, '|');
        if (!v->set && k->key_some) {
            buf_putc(b, '-'); /* "refugees fled Ukraine": no population */
            continue;
        }
        if (!v->set) return 0;
        value_key(b, v);
    }
    return 1;
}

/* ==== Events ==== */

struct group {
    uint32_t *v;
    size_t n, cap;
};

static void group_add(struct group *g, uint32_t c)
{
    XGROW(g->v, g->cap, g->n + 1);
    g->v[g->n++] = c;
}

/* Claims in a canonical order: references before drafts, then by path and
 * position.  Events and sides are formed greedily in this order, so the
 * findings do not depend on the order the inputs were given in. */
static int claim_order(const void *a, const void *b, void *arg)
{
    const struct claimset *cs = arg;
    uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
    const struct claim *p = &cs->v[i], *q = &cs->v[j];
    const struct docinfo *dp = &cs->docs[p->doc], *dq = &cs->docs[q->doc];
    if (dp->is_draft != dq->is_draft) return dp->is_draft ? 1 : -1;
    int c = strcmp(dp->path, dq->path);
    if (c) return c;
    if (p->line != q->line) return p->line < q->line ? -1 : 1;
    if (p->start != q->start) return p->start < q->start ? -1 : 1;
    if (p->end != q->end) return p->end < q->end ? -1 : 1;
    c = strcmp(p->rule && p->rule->id ? p->rule->id : "", q->rule && q->rule->id ? q->rule->id : "");
    if (c) return c;
    return i < j ? -1 : i > j;
}

static void group_sort(const struct claimset *cs, struct group *g)
{
    if (g->n > 1) qsort_r(g->v, g->n, sizeof *g->v, claim_order, (void *)cs);
}

static uint32_t uf_find(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static int dates_fit(const struct claimset *cs, int when, const struct group *a, const struct group *b)
{
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++)
            if (!date_compatible(claim_field(&cs->v[a->v[i]], when), claim_field(&cs->v[b->v[j]], when))) return 0;
    return 1;
}

/* What every anchored date of a group shares: the latest first day and the
 * earliest last day.  Two groups whose spans miss each other have a pair of
 * anchored dates that do not overlap, so dates_fit fails on them; the check
 * is exact, and it spares the pairwise loop for the many events of a key
 * that recurs (a city's yearly floods). */
struct span {
    int32_t lo, hi;
};

static struct span span_of(const struct claimset *cs, int when, const struct group *g)
{
    struct span sp = {INT32_MIN, INT32_MAX};
    for (size_t i = 0; i < g->n; i++) {
        const struct value *v = claim_field(&cs->v[g->v[i]], when);
        if (!v->set || !anchored(v)) continue;
        if (v->date.lo > sp.lo) sp.lo = v->date.lo;
        if (v->date.hi < sp.hi) sp.hi = v->date.hi;
    }
    return sp;
}

static int spans_meet(struct span a, struct span b)
{
    return a.lo <= b.hi && b.lo <= a.hi;
}

/* An event pinned to a day or a week: only such an event can take a claim
 * that names just a weekday. */
static int event_precise(const struct claimset *cs, int when, const struct group *g)
{
    for (size_t i = 0; i < g->n; i++) {
        const struct value *v = claim_field(&cs->v[g->v[i]], when);
        if (v->set && (v->nxflags & NX_ANCHORED) && v->date.hi - v->date.lo > 6) return 0;
    }
    return 1;
}

/* For kinds whose events recur (the same two leaders call every week): a
 * unit dated only by a weekday or month joins event ev only when a claim of
 * each agrees on a corroborating field (the place, the time of day). */
static int corroborated(const struct claimset *cs, const struct kind_def *k, const struct group *un,
                        const struct group *ev)
{
    if (!k->ncorroborate) return 1;
    for (int f = 0; f < k->ncorroborate; f++) {
        int fi = k->corroborate[f], t = k->fields[fi].type;
        for (size_t i = 0; i < un->n; i++) {
            const struct value *a = claim_field(&cs->v[un->v[i]], fi);
            if (!a->set) continue;
            for (size_t j = 0; j < ev->n; j++) {
                const struct value *b = claim_field(&cs->v[ev->v[j]], fi);
                if (!b->set) continue;
                if (t == FT_PLACE || t == FT_ENTITY || t == FT_ACTOR) {
                    if (a->nents && b->nents &&
                        (entity_contains(a->ents[0], b->ents[0]) || entity_contains(b->ents[0], a->ents[0])))
                        return 1;
                } else if (a->norm && b->norm && strcmp(a->norm, b->norm) == 0) {
                    return 1;
                }
            }
        }
    }
    return 0;
}

static int any_date(const struct claimset *cs, int when, const struct group *g, int anchored_only)
{
    for (size_t i = 0; i < g->n; i++) {
        const struct value *v = claim_field(&cs->v[g->v[i]], when);
        if (v->set && (!anchored_only || (v->nxflags & NX_ANCHORED))) return 1;
    }
    return 0;
}

/* Two claims whose word fields (the medium) are both given and differ. */
static int words_clash(const struct claimset *cs, const struct kind_def *k, uint32_t a, uint32_t b)
{
    for (int f = 0; f < k->nfields; f++) {
        if (k->fields[f].type != FT_WORD) continue;
        const struct value *x = claim_field(&cs->v[a], f), *y = claim_field(&cs->v[b], f);
        if (x->set && y->set && x->norm && y->norm && strcmp(x->norm, y->norm) != 0) return 1;
    }
    return 0;
}

/* Split the claims of one key into events.  Claims that share a distinctive
 * detail are one event whatever their dates say (that is how a wrong date
 * is caught).  Then units with calendar dates form events by date; units
 * with only a weekday or month join the one event they fit (or start one);
 * units that say nothing join the only event there is, and are left out as
 * ambiguous when there are several. */
static void split_events(struct claimset *cs, const struct kind_def *k, const struct group *g, uint32_t *next_id)
{
    uint32_t *parent = xmalloc(g->n * sizeof *parent);
    for (size_t i = 0; i < g->n; i++) parent[i] = (uint32_t)i;
    uint8_t *linked = xcalloc(g->n, 1);
    if (k->details >= 0) {
        Pvoid_t seen = NULL;
        for (size_t i = 0; i < g->n; i++) {
            const struct value *dv = claim_field(&cs->v[g->v[i]], k->details);
            if (!dv->set || !dv->norm) continue;
            char *copy = xstrdup(dv->norm), *save = NULL;
            for (char *t = strtok_r(copy, "+", &save); t; t = strtok_r(NULL, "+", &save)) {
                void **slot = strmap_slot(&seen, t);
                if (!*slot) {
                    *slot = (void *)(uintptr_t)(i + 1);
                } else if (words_clash(cs, k, g->v[(uintptr_t)*slot - 1], g->v[i])) {
                    continue; /* a call and a meeting that discussed the same thing */
                } else {
                    uint32_t a = uf_find(parent, (uint32_t)((uintptr_t)*slot - 1)), b = uf_find(parent, (uint32_t)i);
                    if (a != b) parent[b] = a;
                    linked[a] = linked[b] = 1;
                    linked[(uintptr_t)*slot - 1] = linked[i] = 1;
                }
            }
            free(copy);
        }
        strmap_free(&seen);
    }
    /* units: the union-find components, in order of their first claim */
    struct group *units = xcalloc(g->n, sizeof *units);
    uint8_t *unit_linked = xcalloc(g->n, 1);
    size_t nunits = 0;
    uint32_t *unit_of = xmalloc(g->n * sizeof *unit_of);
    for (size_t i = 0; i < g->n; i++) {
        uint32_t r = uf_find(parent, (uint32_t)i);
        if (r == i) unit_of[i] = (uint32_t)nunits++;
    }
    for (size_t i = 0; i < g->n; i++) {
        uint32_t u = unit_of[uf_find(parent, (uint32_t)i)];
        group_add(&units[u], g->v[i]);
        if (linked[i]) unit_linked[u] = 1;
    }
    struct group *events = xcalloc(nunits + 1, sizeof *events);
    struct span *evspan = xmalloc((nunits + 1) * sizeof *evspan);
    int *event_of_unit = xmalloc((nunits + 1) * sizeof *event_of_unit);
    size_t nev = 0;
    int when = k->when;
    for (int pass = 0; pass < 3; pass++) {
        for (size_t u = 0; u < nunits; u++) {
            const struct group *un = &units[u];
            int has_cal = when >= 0 && any_date(cs, when, un, 1);
            int has_any = when >= 0 && any_date(cs, when, un, 0);
            if ((pass == 0 && !has_cal) || (pass == 1 && (has_cal || !has_any)) || (pass == 2 && has_any)) continue;
            int ev = -1;
            struct span usp = when >= 0 ? span_of(cs, when, un) : (struct span){INT32_MIN, INT32_MAX};
            if (when < 0) {
                ev = nev ? 0 : -1;
            } else if (pass == 0) {
                for (size_t e = 0; e < nev && ev < 0; e++)
                    if (spans_meet(usp, evspan[e]) && dates_fit(cs, when, un, &events[e])) ev = (int)e;
            } else {
                int fits = 0, candidates = 0;
                for (size_t e = 0; e < nev; e++)
                    if (pass == 2 || (spans_meet(usp, evspan[e]) && dates_fit(cs, when, un, &events[e]) &&
                                      event_precise(cs, when, &events[e]))) {
                        candidates++;
                        if (!corroborated(cs, k, un, &events[e])) continue;
                        if (!fits) ev = (int)e;
                        fits++;
                    }
                if (fits > 1) ev = -2; /* ambiguous */
                /* undated, and the one event there is does not corroborate it */
                if (pass == 2 && candidates && !fits) ev = -2;
            }
            if (ev == -2) {
                event_of_unit[u] = -1;
                continue;
            }
            if (ev < 0) {
                ev = (int)nev++;
                evspan[ev] = (struct span){INT32_MIN, INT32_MAX};
            }
            for (size_t i = 0; i < un->n; i++) group_add(&events[ev], un->v[i]);
            if (usp.lo > evspan[ev].lo) evspan[ev].lo = usp.lo;
            if (usp.hi < evspan[ev].hi) evspan[ev].hi = usp.hi;
            event_of_unit[u] = ev;
        }
    }
    uint32_t base = *next_id;
    *next_id += (uint32_t)nev;
    for (size_t u = 0; u < nunits; u++) {
        for (size_t i = 0; i < units[u].n; i++) {
            struct claim *c = &cs->v[units[u].v[i]];
            if (event_of_unit[u] < 0) {
                c->event = 0;
                c->event_why = EV_AMBIGUOUS;
                continue;
            }
            c->event = base + 1 + (uint32_t)event_of_unit[u];
            if (unit_linked[u])
                c->event_why = EV_DETAIL;
            else
                c->event_why = when >= 0 && claim_field(c, when)->set ? EV_DATE : EV_ONLY;
        }
        free(units[u].v);
    }
    for (size_t e = 0; e < nev; e++) free(events[e].v);
    free(events);
    free(evspan);
    free(event_of_unit);
    free(units);
    free(unit_linked);
    free(unit_of);
    free(linked);
    free(parent);
}

struct events_state {
    struct claimset *cs;
    const struct kind_def *kind;
    uint32_t *next_id;
};

static int visit_key(const char *key, void *val, void *arg)
{
    struct events_state *st = arg;
    struct group *g = val;
    (void)key;
    group_sort(st->cs, g);
    split_events(st->cs, st->kind, g, st->next_id);
    free(g->v);
    free(g);
    return 0;
}

void check_events(const struct ruleset *rs, struct claimset *cs)
{
    uint32_t next_id = 0;
    struct buf kb = {0};
    for (size_t ki = 0; ki < rs->nkinds; ki++) {
        const struct kind_def *k = &rs->kinds[ki];
        Pvoid_t index = NULL;
        size_t longest = 0;
        for (size_t i = 0; i < cs->n; i++) {
            struct claim *c = &cs->v[i];
            if (c->kind != k) continue;
            c->event = 0;
            c->event_why = EV_NONE;
            if (!kind_key(&kb, c)) continue;
            if (kb.len > longest) longest = kb.len;
            void **slot = strmap_slot(&index, kb.s);
            if (!*slot) *slot = xcalloc(1, sizeof(struct group));
            group_add(*slot, (uint32_t)i);
        }
        char *keybuf = xmalloc(longest + 1);
        struct events_state st = {cs, k, &next_id};
        strmap_each(index, keybuf, visit_key, &st);
        free(keybuf);
        strmap_free(&index);
    }
    buf_free(&kb);
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

static const char *const weekday_name[8] = {"",         "Monday", "Tuesday",  "Wednesday",
                                            "Thursday", "Friday", "Saturday", "Sunday"};

static void substitute(struct buf *out, const char *tmpl, const struct claimset *cs, const struct check *ck,
                       const struct finding *f)
{
    const struct kind_def *k = ck->kind;
    int t = k->fields[ck->compare].type;
    const struct claim *p = &cs->v[f->primary];
    int pside = 0;
    for (size_t i = 0; i < f->nclaims; i++)
        if (f->claims[i] == f->primary) pside = f->side[i];
    if (ck->comparator == CMP_TIMELINE) { /* {value}: the "first since" claim, wherever it is reported */
        p = &cs->v[f->claims[0]];
        pside = 0;
    }
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
            value_format(out, claim_field(p, ck->compare), t);
        } else if (n == 5 && strncmp(s + 1, "other", 5) == 0) {
            int first = 1;
            for (int sd = 0; sd < f->nsides; sd++) {
                if (sd == pside) continue;
                for (size_t i = 0; i < f->nclaims; i++)
                    if (f->side[i] == sd) {
                        if (!first) buf_puts(out, " / ");
                        first = 0;
                        value_format(out, claim_field(&cs->v[f->claims[i]], ck->compare), t);
                        break;
                    }
            }
        } else if (n == 7 && strncmp(s + 1, "weekday", 7) == 0) {
            /* the weekday the claim names */
            int w = field_holds_ents(t) ? 0 : claim_field(p, ck->compare)->date.weekday;
            buf_puts(out, w >= 1 && w <= 7 ? weekday_name[w] : "?");
        } else if (n == 6 && strncmp(s + 1, "actual", 6) == 0) {
            /* the weekday its date really is */
            buf_puts(out, t == FT_DATE ? weekday_name[cal_weekday(claim_field(p, ck->compare)->date.lo)] : "?");
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
                value_format(out, claim_field(p, fi), k->fields[fi].type);
            else
                buf_append(out, s, (size_t)(e - s + 1));
        }
        s = e;
    }
}

/* Compare the claims of one event; add a finding when they disagree. */
static void finish_finding(const struct claimset *cs, const struct check *ck, struct finding *fp, struct findings *out);

/* A finding of check ck over claims (owned from now on), side by side. */
static struct finding finding_new(const struct check *ck, uint32_t *claims, int *side, size_t n, int nsides)
{
    struct finding f;
    memset(&f, 0, sizeof f);
    f.check = ck;
    f.claims = claims;
    f.side = side;
    f.nclaims = n;
    f.nsides = nsides;
    return f;
}

static void compare_event(const struct claimset *cs, const struct check *ck, const struct group *ev,
                          struct findings *out)
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
                if (side[k] == s && !value_agrees(claim_field(c, ck->compare),
                                                  claim_field(&cs->v[claims[k]], ck->compare), t, ck->comparator))
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
    struct finding f = finding_new(ck, claims, side, used, nsides);
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
    finish_finding(cs, ck, &f, out);
}

/* Message and fingerprint of f, then append it to out (which owns it). */
static void finish_finding(const struct claimset *cs, const struct check *ck, struct finding *fp, struct findings *out)
{
    struct finding f = *fp;
    struct buf m = {0};
    substitute(&m, ck->message, cs, ck, &f);
    f.message = buf_steal(&m);
    /* fingerprint: the check, the key and each claim's document and sentence */
    uint64_t h = 1469598103934665603ull;
    struct buf kb = {0};
    kind_key(&kb, &cs->v[f.primary]);
    fnv(&h, ck->id);
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
};

static int visit_group(const char *key, void *val, void *arg)
{
    struct run_state *st = arg;
    struct group *g = val;
    (void)key;
    group_sort(st->cs, g);
    if (g->n > 1) compare_event(st->cs, st->ck, g, st->out);
    free(g->v);
    free(g);
    return 0;
}

static int finding_cmp(const void *a, const void *b, void *arg)
{
    const struct claimset *sort_cs = arg;
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

static int draft_claim(const struct claimset *cs, uint32_t c)
{
    return cs->docs[cs->v[c].doc].is_draft;
}

/* "Wednesday, February 24, 2022": the weekday a claim names is not the day
 * its date falls on.  One claim, one side. */
static void check_weekday(const struct claimset *cs, const struct check *ck, struct findings *out)
{
    for (size_t i = 0; i < cs->n; i++) {
        const struct claim *c = &cs->v[i];
        if (c->kind != ck->kind) continue;
        const struct value *v = claim_field(c, ck->compare);
        if (!v->set || !(v->nxflags & NX_ANCHORED) || !v->date.weekday || v->date.lo != v->date.hi) continue;
        if (cal_weekday(v->date.lo) == v->date.weekday) continue;
        uint32_t *one = xmalloc(sizeof *one);
        one[0] = (uint32_t)i;
        struct finding f = finding_new(ck, one, xcalloc(1, sizeof(int)), 1, 1);
        f.primary = (uint32_t)i;
        f.involves_draft = draft_claim(cs, (uint32_t)i);
        f.severity = ck->severity;
        if (c->modality == MOD_HEDGED && f.severity > DIAG_NOTE) f.severity--;
        finish_finding(cs, ck, &f, out);
    }
}

/* The earliest anchored date of an event named `name` ("invasion"): claims
 * of any kind with a word field `event` equal to name and a date field. */
static int timeline_anchor(const struct claimset *cs, const char *name, int32_t *day)
{
    int found = 0;
    for (size_t i = 0; i < cs->n; i++) {
        const struct claim *c = &cs->v[i];
        const struct kind_def *k = c->kind;
        int ev = -1, dt = -1;
        for (int f = 0; f < k->nfields; f++) {
            if (k->fields[f].type == FT_WORD && strcmp(k->fields[f].name, "event") == 0) ev = f;
            if (k->fields[f].type == FT_DATE && dt < 0) dt = f;
        }
        if (ev < 0 || dt < 0 || !claim_field(c, ev)->set || !claim_field(c, ev)->norm ||
            strcmp(claim_field(c, ev)->norm, name) != 0)
            continue;
        const struct value *d = claim_field(c, dt);
        if (!d->set || !(d->nxflags & NX_ANCHORED) || c->modality != MOD_ASSERTED) continue;
        if (!found || d->date.lo < *day) *day = d->date.lo;
        found = 1;
    }
    return found;
}

/* "Their first call since the invasion" on day D: an event of the same
 * parties reported after the invasion and before D contradicts it. */
static void check_timeline(const struct claimset *cs, const struct check *ck, struct findings *out)
{
    const struct kind_def *k = ck->kind;
    struct buf ka = {0}, kb = {0};
    uint32_t *reported = NULL; /* events that have their finding */
    size_t nreported = 0, capreported = 0;
    char anchor_name[64] = "";
    int32_t anchor = 0;
    int has_anchor = 0;
    for (size_t i = 0; i < cs->n; i++) {
        const struct claim *c = &cs->v[i];
        if (c->kind != k || !c->event || c->modality == MOD_DENIED) continue;
        const struct value *dv = claim_field(c, k->details), *d = claim_field(c, ck->compare);
        if (!dv->set || !dv->norm || !d->set || !(d->nxflags & NX_ANCHORED)) continue;
        const char *since = strstr(dv->norm, "first-since-");
        if (!since) continue;
        char name[64];
        size_t n = strcspn(since + 12, "+:");
        if (n >= sizeof name) continue;
        memcpy(name, since + 12, n);
        name[n] = '\0';
        /* the anchor of the last name asked for: one scan per name, not per claim */
        if (strcmp(name, anchor_name) != 0) {
            snprintf(anchor_name, sizeof anchor_name, "%s", name);
            has_anchor = timeline_anchor(cs, name, &anchor);
        }
        if (!has_anchor) continue;
        /* one finding per event: the first qualifying claim reports it */
        int seen = 0;
        for (size_t q = 0; q < nreported && !seen; q++) seen = reported[q] == c->event;
        if (seen) continue;
        kind_key(&ka, c);
        uint32_t *claims = xmalloc(sizeof *claims);
        int *side = xcalloc(1, sizeof *side);
        size_t nc = 1;
        claims[0] = (uint32_t)i;
        for (size_t j = 0; j < cs->n; j++) {
            const struct claim *o = &cs->v[j];
            if (o->kind != k || !o->event || o->event == c->event || o->modality != MOD_ASSERTED) continue;
            const struct value *od = claim_field(o, ck->compare);
            if (!od->set || !(od->nxflags & NX_ANCHORED) || od->date.lo != od->date.hi) continue;
            if (od->date.lo <= anchor || od->date.hi >= d->date.lo) continue;
            if (!kind_key(&kb, o) || strcmp(ka.s, kb.s) != 0) continue;
            claims = xrealloc(claims, (nc + 1) * sizeof *claims);
            side = xrealloc(side, (nc + 1) * sizeof *side);
            claims[nc] = (uint32_t)j;
            side[nc] = 1;
            nc++;
        }
        if (nc == 1) {
            free(claims);
            free(side);
            continue;
        }
        XGROW(reported, capreported, nreported + 1);
        reported[nreported++] = c->event;
        struct finding f = finding_new(ck, claims, side, nc, 2);
        f.primary = (uint32_t)i;
        for (size_t q = 0; q < nc; q++)
            if (draft_claim(cs, claims[q])) {
                if (!f.involves_draft) f.primary = claims[q];
                f.involves_draft = 1;
            }
        f.severity = ck->severity;
        if (c->modality == MOD_HEDGED && f.severity > DIAG_NOTE) f.severity--;
        finish_finding(cs, ck, &f, out);
    }
    buf_free(&ka);
    buf_free(&kb);
    free(reported);
}

int check_run(const struct ruleset *rs, struct claimset *cs, struct findings *out)
{
    check_events(rs, cs);
    struct buf kb = {0};
    size_t first = out->n;
    for (size_t ci = 0; ci < rs->nchecks; ci++) {
        const struct check *ck = &rs->checks[ci];
        if (ck->comparator == CMP_WEEKDAY) {
            check_weekday(cs, ck, out);
            continue;
        }
        if (ck->comparator == CMP_TIMELINE) {
            check_timeline(cs, ck, out);
            continue;
        }
        Pvoid_t index = NULL;
        size_t longest = 0;
        for (size_t i = 0; i < cs->n; i++) {
            const struct claim *c = &cs->v[i];
            if (c->kind != ck->kind || !c->event || !claim_field(c, ck->compare)->set) continue;
            buf_reset(&kb);
            buf_printf(&kb, "%010u", c->event);
            int ok = 1;
            for (int k = 0; k < ck->nkey && ok; k++) {
                const struct value *v = claim_field(c, ck->key[k]);
                if (!v->set) ok = 0;
                buf_putc(&kb, '|');
                value_key(&kb, v);
            }
            if (!ok) continue;
            if (kb.len > longest) longest = kb.len;
            void **slot = strmap_slot(&index, kb.s);
            if (!*slot) *slot = xcalloc(1, sizeof(struct group));
            group_add(*slot, (uint32_t)i);
        }
        char *keybuf = xmalloc(longest + 1);
        struct run_state st = {cs, ck, out};
        strmap_each(index, keybuf, visit_group, &st);
        free(keybuf);
        strmap_free(&index);
    }
    buf_free(&kb);
    if (out->n > first) qsort_r(out->v + first, out->n - first, sizeof *out->v, finding_cmp, cs);
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
