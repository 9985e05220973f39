/* extract.c - from a document to claims. */
#include "extract.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "bytes.h"
#include "calendar.h"
#include "normalize.h"
#include "sentence.h"
#include "utf8.h"
#include "xalloc.h"

#define MAX_MENTIONS 256
#define MAX_EXPRS 256
#define MAX_WORDS 1024
#define MAX_SENTENCE (64 * 1024) /* longer "sentences" are cut: no prose runs that long */

/* An annotation: a mention or an expression, with the macro classes it fits. */
struct ann {
    uint32_t start, end;
    unsigned classes;
    int mention; /* index into mentions, or -1 */
    int expr;    /* index into exprs, or -1 */
};

#define TRIGGER_BLOOM_BITS 16384

struct extract_ctx {
    const struct ruleset *rs;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    struct mention men[MAX_MENTIONS];
    size_t nmen;
    struct nx_expr nx[MAX_EXPRS];
    size_t nnx;
    struct ann *ann;
    size_t nann, capann;
    unsigned ann_classes; /* the classes of all the sentence's annotations */
    /* index of the first annotation starting at each offset, -1 for none
     * (offsets past npos: none), for the callouts */
    int32_t *first_at;
    size_t npos, cappos;
    const struct macro_slot *slots; /* of the pattern being matched */
    uint64_t *want;
    uint8_t *seen;                            /* rules_triggered's scratch */
    uint64_t tbloom[TRIGGER_BLOOM_BITS / 64]; /* the trigger words: a cheap first test */
    size_t nwant;
    struct extract_stats stats;
    /* the latest mention of each annotation class in the document's earlier
     * sentences, for fields with `recent:` ("The vote was 11 to 1": which body) */
    struct mention last[16];
    uint32_t last_seq[16]; /* 0: none yet */
    uint32_t seq;
    /* details found in the document's sentences, attached to its claims at
     * the end of the document */
    struct detail_hit *hits;
    size_t nhits, caphits;
    /* the clause boundaries of the current sentence (fill_context) */
    struct bnd *bnd;
    size_t nbnd, capbnd;
    int bnd_ready;
    size_t sent_len;
    /* time each rule spent on the current document: a rule that stays under
     * PCRE2's limits at every start but is slow all the same is stopped */
    double *spent;    /* seconds, per extractor */
    uint8_t *stopped; /* per extractor: skipped for the rest of the document */
};

/* A rule may spend this long on one document: 2 s, plus 0.5 s per MB so
 * that a large document is not cut short (ordinary rules run at tens of
 * MB/s). */
#define RULE_BUDGET(bytes) (2.0 + 0.5 * (double)(bytes) / 1e6)

/* CPU time of this thread: a worker waiting for a core does not use up
 * its rules' budgets */
static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct detail_hit {
    const struct cue *cue;
    uint32_t sstart, send;          /* the sentence, in document offsets */
    char id[96];                    /* "delegation:gomel" */
    const struct entity *people[4]; /* the people the sentence names */
    int npeople;
};

/* ==== Context ==== */

static int callout(pcre2_callout_block *cb, void *data);

/* The trigger prefilter's word hash: FNV-1a, one byte at a time (so that
 * sentence_words can hash a word as it reads it), then its Bloom position. */
#define WORD_HASH_START 2166136261u
static uint32_t word_hash_add(uint32_t h, unsigned char c)
{
    return (h ^ c) * 16777619u;
}
static uint32_t word_hash_bit(uint32_t h)
{
    return (h ^ (h >> 15)) & (TRIGGER_BLOOM_BITS - 1);
}

/* Bloom position of a lower-case word. */
static uint32_t word_hash(const char *s, size_t n)
{
    uint32_t h = WORD_HASH_START;
    for (size_t i = 0; i < n; i++) h = word_hash_add(h, (unsigned char)s[i]);
    return word_hash_bit(h);
}

static void bloom_add(struct extract_ctx *x, char *const *words, size_t n)
{
    for (size_t t = 0; t < n; t++) {
        uint32_t h = word_hash(words[t], strlen(words[t]));
        x->tbloom[h / 64] |= 1ull << (h % 64);
    }
}

struct extract_ctx *extract_ctx_new(const struct ruleset *rs)
{
    struct extract_ctx *x = xcalloc(1, sizeof *x);
    x->rs = rs;
    x->md = pcre2_match_data_create(128, NULL);
    x->mctx = pcre2_match_context_create(NULL);
    x->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (!x->md || !x->mctx) {
        fprintf(stderr, "crosscheck: out of memory (PCRE2)\n");
        abort();
    }
    if (x->jit) pcre2_jit_stack_assign(x->mctx, NULL, x->jit);
    /* A user's pattern must not hang a run: these bound backtracking. */
    pcre2_set_match_limit(x->mctx, 200000);
    pcre2_set_depth_limit(x->mctx, 5000);
    pcre2_set_heap_limit(x->mctx, 20 * 1024);
    pcre2_set_callout(x->mctx, callout, x);
    x->spent = xcalloc(rs->nex + 1, sizeof *x->spent);
    x->stopped = xcalloc(rs->nex + 1, 1);
    x->nwant = (rs->nwant + 63) / 64 + 1;
    for (size_t e = 0; e < rs->nex; e++) bloom_add(x, rs->ex[e].triggers, rs->ex[e].ntriggers);
    const struct cue *const cues[] = {rs->modality, rs->attribution, rs->boilerplate, rs->details};
    const size_t ncues[] = {rs->nmodality, rs->nattribution, rs->nboilerplate, rs->ndetails};
    for (int k = 0; k < 4; k++)
        for (size_t i = 0; i < ncues[k]; i++) bloom_add(x, cues[k][i].triggers, cues[k][i].ntriggers);
    x->want = xcalloc(x->nwant, sizeof *x->want);
    x->seen = xcalloc(rs->nex + 1, 1);
    return x;
}

void extract_ctx_free(struct extract_ctx *x)
{
    if (!x) return;
    pcre2_match_data_free(x->md);
    pcre2_match_context_free(x->mctx);
    if (x->jit) pcre2_jit_stack_free(x->jit);
    free(x->ann);
    free(x->first_at);
    free(x->want);
    free(x->seen);
    free(x->hits);
    free(x->spent);
    free(x->stopped);
    free(x->bnd);
    free(x);
}

const struct extract_stats *extract_stats(const struct extract_ctx *x)
{
    return &x->stats;
}

/* ==== Annotations ==== */

static unsigned mention_classes(const struct mention *m)
{
    if (m->kind == MEN_GROUP) return AC_GROUP;
    if (m->kind == MEN_DEMONYM) return AC_NATIONALITY;
    if (m->kind == MEN_ROLE) return AC_PERSON;
    const struct entity *e = m->entity;
    unsigned c = 0;
    switch (e->type) {
    case ENT_PERSON: c = AC_PERSON; break;
    case ENT_COUNTRY: c = AC_COUNTRY | AC_PLACE; break;
    case ENT_CITY:
    case ENT_REGION:
    case ENT_PLACE: c = AC_PLACE; break;
    case ENT_ORG: c = AC_ORG; break;
    case ENT_BODY: c = AC_BODY | AC_ORG; break;
    }
    if (e->stands_for) c |= AC_GOV;
    return c;
}

static unsigned expr_classes(const struct nx_expr *e)
{
    switch (e->kind) {
    case NX_DATE: return AC_DATE | (e->date.tod ? AC_TIME : 0);
    case NX_TIME: return AC_TIME;
    case NX_DURATION: return AC_DURATION;
    case NX_NUMBER: return AC_NUMBER;
    case NX_ORDINAL: return AC_ORDINAL;
    case NX_PERCENT: return AC_PERCENT;
    }
    return 0;
}

static int ann_cmp(const void *a, const void *b)
{
    const struct ann *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->end != y->end) return x->end > y->end ? -1 : 1;
    return 0;
}

static void annotate(struct extract_ctx *x)
{
    x->nann = 0;
    XGROW(x->ann, x->capann, x->nmen + x->nnx + 1);
    for (size_t i = 0; i < x->nmen; i++)
        x->ann[x->nann++] = (struct ann){x->men[i].start, x->men[i].end, mention_classes(&x->men[i]), (int)i, -1};
    for (size_t i = 0; i < x->nnx; i++)
        x->ann[x->nann++] = (struct ann){x->nx[i].start, x->nx[i].end, expr_classes(&x->nx[i]), -1, (int)i};
    qsort(x->ann, x->nann, sizeof *x->ann, ann_cmp);
    x->ann_classes = 0;
    for (size_t i = 0; i < x->nann; i++) x->ann_classes |= x->ann[i].classes;
    x->npos = x->nann ? (size_t)x->ann[x->nann - 1].start + 1 : 0;
    XGROW(x->first_at, x->cappos, x->npos + 1);
    memset(x->first_at, 0xff, x->npos * sizeof *x->first_at);
    for (size_t i = x->nann; i-- > 0;) x->first_at[x->ann[i].start] = (int32_t)i;
}

/* The first annotation starting exactly at off, or x->nann for none. */
static size_t ann_at(const struct extract_ctx *x, size_t off)
{
    if (off >= x->npos || x->first_at[off] < 0) return x->nann;
    return (size_t)x->first_at[off];
}

/* First annotation starting at or after off (binary search). */
static size_t ann_lower(const struct extract_ctx *x, size_t off)
{
    size_t lo = 0, hi = x->nann;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (x->ann[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The callouts behind {PERSON}, {DATE}...: odd numbers check that an
 * annotation of the slot's classes starts here, even numbers that the slot's
 * group spans exactly one.  A positive return makes PCRE2 backtrack. */
static int callout(pcre2_callout_block *cb, void *data)
{
    struct extract_ctx *x = data;
    uint32_t num = cb->callout_number;
    if (num == 0 || !x->slots) return 0;
    const struct macro_slot *ms = &x->slots[(num - 1) / 2];
    if (num % 2) {
        size_t i = ann_at(x, cb->current_position);
        for (; i < x->nann && x->ann[i].start == cb->current_position; i++)
            if (x->ann[i].classes & ms->classes) return 0;
        return 1;
    }
    if (ms->group < 0 || (uint32_t)ms->group >= cb->capture_top) return 1;
    PCRE2_SIZE s = cb->offset_vector[2 * ms->group], e = cb->offset_vector[2 * ms->group + 1];
    for (size_t i = ann_at(x, s); i < x->nann && x->ann[i].start == s; i++)
        if (x->ann[i].end == e && (x->ann[i].classes & ms->classes)) return 0;
    return 1;
}

/* ==== Values ==== */

static int ent_cmp(const void *a, const void *b)
{
    const struct entity *x = *(const struct entity *const *)a, *y = *(const struct entity *const *)b;
    return strcmp(x->id, y->id);
}

static void add_ent(struct value *v, const struct entity *e)
{
    if (!e) return;
    for (int i = 0; i < v->nents; i++)
        if (v->ents[i] == e) return;
    if (v->nents < MAX_ENTS) v->ents[v->nents++] = e;
}

static char *lower_words(const char *s, size_t n)
{
    char *out = xmalloc(n + 1);
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c)) {
            space = k > 0;
            continue;
        }
        if (space) out[k++] = ' ';
        space = 0;
        out[k++] = (char)tolower(c);
    }
    out[k] = '\0';
    return out;
}

static void set_from_expr(struct value *v, const struct nx_expr *e, const char *s)
{
    v->set = 1;
    v->nxflags = e->flags;
    v->date = e->date;
    v->lo = e->lo;
    v->hi = e->hi;
    v->lo_open = e->lo_open;
    v->hi_open = e->hi_open;
    free(v->text);
    free(v->norm);
    v->text = xstrndup(s + e->start, e->end - e->start);
    v->norm = xstrdup(e->value);
}

/* The month of day as a date value ("2022-03"). */
static void set_month(struct value *v, int32_t day)
{
    int y, m, d;
    cal_civil(day, &y, &m, &d);
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    v->set = 1;
    v->nxflags = NX_ANCHORED;
    memset(&v->date, 0, sizeof v->date);
    v->date.lo = cal_days(y, m, 1);
    v->date.hi = cal_days(y, m, cal_month_days(y, m));
    v->date.year = (int16_t)y;
    v->date.month = (int8_t)m;
    v->date.gran = NX_GRAN_MONTH;
    free(v->text);
    free(v->norm);
    v->text = xstrdup(buf);
    v->norm = xstrdup(buf);
}

/* Does expression e fit a field of type t? */
static int expr_fits(const struct nx_expr *e, int t)
{
    switch (t) {
    case FT_DATE: return e->kind == NX_DATE;
    case FT_TIME: return e->kind == NX_TIME || (e->kind == NX_DATE && e->date.tod);
    case FT_DURATION: return e->kind == NX_DURATION;
    case FT_NUMBER: return e->kind == NX_NUMBER || e->kind == NX_PERCENT;
    case FT_ORDINAL: return e->kind == NX_ORDINAL;
    }
    return 0;
}

static const struct entity *actor_of(const struct mention *m, int type)
{
    const struct entity *e = m->entity;
    if (type == FT_ACTOR) {
        /* a city is an actor of its own (Beersheba's residents), unless it
         * stands for a government (Jerusalem, the Kremlin) */
        if ((e->type == ENT_CITY || e->type == ENT_REGION || e->type == ENT_PLACE) && !e->stands_for) return e;
        const struct entity *c = entity_country(e);
        return c ? c : e;
    }
    if (type != FT_PLACE && e->stands_for && e->type != ENT_PERSON) return e->stands_for;
    return e;
}

/* Fill v (of field type t) from the annotations inside [s, e) of the sentence. */
static void fill_from_span(struct extract_ctx *x, struct value *v, int t, const char *sent, size_t s, size_t e,
                           const struct field_spec *fs)
{
    if (t == FT_WORD || t == FT_TEXT) {
        v->set = 1;
        free(v->text);
        free(v->norm);
        v->text = xstrndup(sent + s, e - s);
        v->norm = t == FT_WORD ? lower_words(sent + s, e - s) : xstrndup(sent + s, e - s);
        return;
    }
    for (size_t i = ann_lower(x, s); i < x->nann && x->ann[i].start < e; i++) {
        const struct ann *a = &x->ann[i];
        if (a->end > e) continue;
        if (a->mention >= 0 && (t == FT_ENTITIES || t == FT_ENTITY || t == FT_PLACE || t == FT_ACTOR)) {
            const struct mention *m = &x->men[a->mention];
            if (m->kind == MEN_DEMONYM && t != FT_ACTOR && t != FT_ENTITIES) continue;
            if (t == FT_PLACE && !(a->classes & AC_PLACE)) continue;
            if ((t == FT_ENTITY || t == FT_ACTOR || t == FT_PLACE) && v->nents) continue;
            add_ent(v, actor_of(m, t));
            if (m->kind == MEN_GROUP) add_ent(v, m->entity2);
            v->set = 1;
            if (!v->text) v->text = xstrndup(sent + a->start, a->end - a->start);
        } else if (a->expr >= 0 && !v->set && expr_fits(&x->nx[a->expr], t)) {
            const struct nx_expr *ne = &x->nx[a->expr];
            set_from_expr(v, ne, sent);
            if (t == FT_NUMBER && fs) {
                if (!fs->add_if_other || (ne->flags & NX_OTHER)) {
                    v->lo += fs->add;
                    v->hi += fs->add;
                }
            }
        }
    }
    if (v->nents > 1) qsort(v->ents, v->nents, sizeof *v->ents, ent_cmp);
}

static int word_before(const char *sent, size_t p, const char *w);

/* `recent:` -- the nearest mention of the classes in the sentence, else the
 * latest one in the document's earlier sentences. */
static void fill_recent(struct extract_ctx *x, struct value *v, int t, unsigned classes, const char *sent, size_t ms,
                        size_t me)
{
    const struct mention *best = NULL;
    long bestd = 1L << 30;
    for (size_t i = 0; i < x->nmen; i++) {
        const struct mention *m = &x->men[i];
        if (!(mention_classes(m) & classes) || m->kind == MEN_DEMONYM) continue;
        /* "suspend Russia from the Human Rights Council": an object, not the actor */
        size_t p = m->start;
        if (word_before(sent, p, "the")) {
            while (p > 0 && sent[p - 1] == ' ') p--;
            p -= 3;
        }
        if (word_before(sent, p, "from") || word_before(sent, p, "to") || word_before(sent, p, "into")) continue;
        /* inside the match: only when nothing else is named ("Moscow agreed to
         * send negotiators there": there is not Moscow) */
        long d = m->start >= me ? (long)(m->start - me) : m->end <= ms ? (long)(ms - m->end) : 100000;
        if (d < bestd) {
            bestd = d;
            best = m;
        }
    }
    int from_sentence = best != NULL;
    if (!best) {
        uint32_t seq = 0;
        for (int b = 0; b < 16; b++)
            if ((classes & (1u << b)) && x->last_seq[b] > seq) {
                seq = x->last_seq[b];
                best = &x->last[b];
            }
    }
    if (!best) return;
    add_ent(v, actor_of(best, t));
    if (best->kind == MEN_GROUP) add_ent(v, best->entity2);
    v->set = 1;
    if (!v->text)
        v->text = from_sentence ? xstrndup(sent + best->start, best->end - best->start) : xstrdup(best->entity->name);
    if (v->nents > 1) qsort(v->ents, v->nents, sizeof *v->ents, ent_cmp);
}

static void remember_mentions(struct extract_ctx *x)
{
    for (size_t i = 0; i < x->nmen; i++) {
        unsigned c = mention_classes(&x->men[i]);
        if (x->men[i].kind == MEN_DEMONYM) continue;
        x->seq++;
        for (int b = 0; b < 16; b++)
            if (c & (1u << b)) {
                x->last[b] = x->men[i];
                x->last_seq[b] = x->seq;
            }
    }
}

/* `map:` -- the first value whose pattern occurs in [s, e). */
static void fill_map(struct extract_ctx *x, struct value *v, const struct field_spec *fs, const char *sent, size_t s,
                     size_t e)
{
    const struct macro_slot *slots = x->slots;
    x->slots = NULL; /* map patterns have no macros: callouts stay quiet */
    for (int i = 0; i < fs->nmap; i++) {
        int rc = pcre2_match(fs->map[i].re, (PCRE2_SPTR)(sent + s), e - s, 0, 0, x->md, x->mctx);
        if (rc >= 0) {
            v->set = 1;
            free(v->text);
            free(v->norm);
            v->text = xstrdup(fs->map[i].value);
            v->norm = xstrdup(fs->map[i].value);
            break;
        }
    }
    x->slots = slots;
}

/* Clause boundaries: a context field is taken only from the clause of the
 * match ("since the invasion began last week, but it joined ... on Wednesday"
 * gives Wednesday to the vote). */
static const char *const boundaries[] = {";",          " but ",    " while ",      " whereas ", " which ",
                                         " although ", " though ", " since ",      " after ",   " before ",
                                         " because ",  " until ",  " as well as ", NULL};
/* before the match "denied that" also cuts: "The Kremlin on Wednesday denied
 * that Putin had spoken with Biden" */
static const char *const boundaries_before[] = {" that ", NULL};

/* The boundaries found in the current sentence (found once per sentence,
 * case-insensitively, where `has_any` would find them): start offset, length
 * and whether the boundary cuts only before the match. */
struct bnd {
    uint32_t at, len;
    int before_only;
};

static int lower_eq(const char *s, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if (c != (unsigned char)w[i]) return 0;
    }
    return 1;
}

static void find_boundaries(struct extract_ctx *x, const char *sent, size_t len)
{
    x->nbnd = 0;
    for (size_t i = 0; i < len; i++) {
        char c = sent[i];
        if (c != ';' && c != ' ') continue;
        if (c == ';') {
            XGROW(x->bnd, x->capbnd, x->nbnd + 1);
            x->bnd[x->nbnd++] = (struct bnd){(uint32_t)i, 1, 0};
            continue;
        }
        for (int k = 0; k < 2; k++)
            for (const char *const *b = k ? boundaries_before : boundaries; *b; b++) {
                size_t bl = strlen(*b);
                if (**b != ' ' || i + bl > len || !lower_eq(sent + i, *b, bl)) continue;
                XGROW(x->bnd, x->capbnd, x->nbnd + 1);
                x->bnd[x->nbnd++] = (struct bnd){(uint32_t)i, (uint32_t)bl, k};
            }
    }
    x->bnd_ready = 1;
}

/* before: [from, to) lies before the match */
static int crosses_boundary(const struct extract_ctx *x, size_t from, size_t to, int before)
{
    if (from >= to) return 0;
    for (size_t i = 0; i < x->nbnd; i++) {
        const struct bnd *b = &x->bnd[i];
        if (b->at >= from && b->at + b->len <= to && (before || !b->before_only)) return 1;
    }
    return 0;
}

/* The word just before offset p, compared case-insensitively to w. */
static int word_before(const char *sent, size_t p, const char *w)
{
    while (p > 0 && sent[p - 1] == ' ') p--;
    size_t wl = strlen(w);
    if (p < wl || strncasecmp(sent + p - wl, w, wl) != 0) return 0;
    return p == wl || !isalnum((unsigned char)sent[p - wl - 1]);
}

/* Is the word after offset p (an ordinal's end) one that counts contacts? */
static int counts_contacts(const char *sent, size_t p)
{
    static const char *const nouns[] = {"contact", "call",  "conversation", "meeting",   "talks", "negotiations",
                                        "round",   "visit", "face-to-face", "in-person", "phone", "time",
                                        NULL};
    while (sent[p] == ' ') p++;
    for (const char *const *n = nouns; *n; n++) {
        size_t l = strlen(*n);
        if (strncasecmp(sent + p, *n, l) == 0 && !isalnum((unsigned char)sent[p + l])) return 1;
    }
    return 0;
}

/* Take a context field from the sentence: an expression of the type in the
 * match's clause, nearest to the end of the match; after the match beats
 * before it. */
static void fill_context(struct extract_ctx *x, struct value *v, int t, const char *sent, size_t ms, size_t me)
{
    const struct nx_expr *best = NULL;
    const struct mention *bestm = NULL;
    long bestd = 1 << 30;
    if (!x->bnd_ready) find_boundaries(x, sent, x->sent_len);
    for (size_t i = 0; i < x->nann; i++) {
        const struct ann *a = &x->ann[i];
        long dist, raw;
        if (a->start >= ms && a->end <= me) {
            if (crosses_boundary(x, a->end, me, 0)) continue;
            raw = 0;
            dist = (long)(me - a->end) / 2;
        } else if (a->start >= me) {
            if (crosses_boundary(x, me, a->start, 0)) continue;
            raw = dist = (long)(a->start - me);
        } else if (a->end <= ms) {
            if (crosses_boundary(x, a->end, ms, 1)) continue;
            raw = (long)(ms - a->end);
            dist = raw + 20;
        } else {
            continue;
        }
        if (t == FT_PLACE) {
            /* only "in Moscow", "at the Kremlin" right after the match */
            if (a->mention < 0 || !(a->classes & AC_PLACE) || x->men[a->mention].kind != MEN_ENTITY) continue;
            if (a->start < me || raw > 30) continue;
            /* "..., officials in Jerusalem said": past a comma it is someone else's place */
            if (memchr(sent + me, ',', a->start - me)) continue;
            size_t p = a->start;
            if (word_before(sent, p, "the")) {
                while (p > 0 && sent[p - 1] == ' ') p--;
                p -= 3;
            }
            if (!word_before(sent, p, "in") && !word_before(sent, p, "at")) continue;
            if (dist < bestd) {
                bestd = dist;
                bestm = &x->men[a->mention];
            }
            continue;
        }
        if (a->expr < 0 || !expr_fits(&x->nx[a->expr], t)) continue;
        if (t == FT_DURATION) {
            /* "a three-hour-long meeting" inside the match, or "for about three hours" */
            const struct nx_expr *e = &x->nx[a->expr];
            int inside = a->start >= ms && a->end <= me;
            int adjective = memchr(sent + e->start, '-', e->end - e->start) != NULL; /* "two-hour" */
            if (!inside && !adjective && !word_before(sent, e->start, "for") &&
                !word_before(sent, e->start, "lasting") && !word_before(sent, e->start, "lasted"))
                continue;
            if (raw > 60) continue;
        } else if (t == FT_ORDINAL) {
            /* "..., the first negotiations since the invasion": an ordinal that
             * counts contacts may stand further off */
            if (raw > 40 && !(raw <= 120 && counts_contacts(sent, x->nx[a->expr].end))) continue;
        } else if (raw > 60) {
            continue;
        }
        if (dist < bestd) {
            bestd = dist;
            best = &x->nx[a->expr];
        }
    }
    if (best) set_from_expr(v, best, sent);
    if (bestm) {
        v->set = 1;
        add_ent(v, bestm->entity);
        v->text = xstrndup(sent + bestm->start, bestm->end - bestm->start);
    }
}

/* ==== Modality, attribution, boilerplate ==== */

/* Does the current sentence have one of the cue's trigger words (or has the
 * cue none)?  A cue without its word cannot match: no need to run it. */
static int cue_wanted(const struct extract_ctx *x, const struct cue *c)
{
    return !c->ntriggers || (x->want[c->index / 64] >> (c->index % 64) & 1);
}

/* Run a cue pattern over the sentence; 1 when it matches (span in *s, *e). */
static int cue_match(struct extract_ctx *x, const struct cue *c, const char *sent, size_t len, size_t from, size_t *s,
                     size_t *e)
{
    if (!cue_wanted(x, c)) return 0;
    x->slots = c->slots;
    int rc = pcre2_match(c->re, (PCRE2_SPTR)sent, len, from, 0, x->md, x->mctx);
    if (rc < 0) return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
    *s = ov[0];
    *e = ov[1];
    return 1;
}

static int modality_of(struct extract_ctx *x, const char *sent, size_t len, size_t ms, size_t me)
{
    int found[MOD_COUNT] = {0};
    for (size_t i = 0; i < x->rs->nmodality; i++) {
        const struct cue *c = &x->rs->modality[i];
        size_t from = 0, s, e;
        while (from <= len && cue_match(x, c, sent, len, from, &s, &e)) {
            int near = c->scope == SCOPE_SENTENCE || (e + 50 >= ms && s <= me);
            if (near) {
                found[c->type] = 1;
                break;
            }
            from = e > s ? e : s + 1;
        }
    }
    if (found[MOD_DENIED]) return MOD_DENIED;
    if (found[MOD_PLANNED]) return MOD_PLANNED;
    if (found[MOD_HEDGED]) return MOD_HEDGED;
    return MOD_ASSERTED;
}

static void attribution_of(struct extract_ctx *x, const char *sent, size_t len, struct claim *c)
{
    for (size_t i = 0; i < x->rs->nattribution; i++) {
        const struct cue *cu = &x->rs->attribution[i];
        if (!cue_wanted(x, cu)) continue;
        x->slots = cu->slots;
        int rc = pcre2_match(cu->re, (PCRE2_SPTR)sent, len, 0, 0, x->md, x->mctx);
        if (rc < 0 || cu->source_group < 0 || cu->source_group >= rc) continue;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
        size_t s = ov[2 * cu->source_group], e = ov[2 * cu->source_group + 1];
        if (s == PCRE2_UNSET || e <= s) continue;
        while (e > s && (sent[e - 1] == ' ' || sent[e - 1] == ',')) e--;
        c->attribution = xstrndup(sent + s, e - s);
        for (size_t k = ann_lower(x, s); k < x->nann && x->ann[k].start < e; k++)
            if (x->ann[k].mention >= 0 && x->men[x->ann[k].mention].kind != MEN_GROUP) {
                const struct mention *m = &x->men[x->ann[k].mention];
                c->attrib_entity = m->entity;
                break;
            }
        return;
    }
}

/* 0: keep; 1: skip this sentence; 2: skip the rest of the document */
static int boilerplate(struct extract_ctx *x, const char *sent, size_t len)
{
    for (size_t i = 0; i < x->rs->nboilerplate; i++) {
        const struct cue *c = &x->rs->boilerplate[i];
        size_t s, e;
        if (cue_match(x, c, sent, len, 0, &s, &e)) return c->scope == SCOPE_REST ? 2 : 1;
    }
    return 0;
}

/* ==== What a sentence needs ==== */

/* Word w of the want bits, the extractors' bits only (the cues' follow). */
static uint64_t extractor_bits(const struct extract_ctx *x, size_t w)
{
    size_t left = x->rs->nex - w * 64;
    return left < 64 ? x->want[w] & ((1ull << left) - 1) : x->want[w];
}

/* Does some extractor want the sentence? */
static int any_extractor(const struct extract_ctx *x)
{
    for (size_t w = 0; w * 64 < x->rs->nex; w++)
        if (extractor_bits(x, w)) return 1;
    return 0;
}

/* Does some details cue want the sentence? */
static int details_wanted(const struct extract_ctx *x)
{
    for (size_t i = 0; i < x->rs->ndetails; i++)
        if (cue_wanted(x, &x->rs->details[i])) return 1;
    return 0;
}

/* Clear the want bit of each triggered extractor that needs a kind of
 * mention the sentence has none of (only mentions are known yet); returns
 * whether any extractor is left. */
static int drop_unmet(struct extract_ctx *x)
{
    unsigned have = 0;
    for (size_t i = 0; i < x->nmen; i++) have |= mention_classes(&x->men[i]);
    for (size_t w = 0; w * 64 < x->rs->nex; w++) {
        for (uint64_t bits = extractor_bits(x, w); bits; bits &= bits - 1) {
            size_t e = w * 64 + (size_t)__builtin_ctzll(bits);
            const struct extractor *ex = &x->rs->ex[e];
            for (int k = 0; k < ex->nneed; k++)
                if (!(ex->need[k] & AC_EXPRESSIONS) && !(ex->need[k] & have)) {
                    x->want[e / 64] &= ~(1ull << (e % 64));
                    break;
                }
        }
    }
    return any_extractor(x);
}

/* ==== Details ==== */

/* Run the details cues over a sentence whose annotations are ready. */
static void find_details(struct extract_ctx *x, const char *sent, size_t len, uint32_t soff)
{
    for (size_t i = 0; i < x->rs->ndetails; i++) {
        const struct cue *c = &x->rs->details[i];
        if (!c->re || !cue_wanted(x, c)) continue;
        x->slots = c->slots;
        int rc = pcre2_match(c->re, (PCRE2_SPTR)sent, len, 0, 0, x->md, x->mctx);
        if (rc < 0) continue;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
        XGROW(x->hits, x->caphits, x->nhits + 1);
        struct detail_hit *h = &x->hits[x->nhits];
        memset(h, 0, sizeof *h);
        h->cue = c;
        h->sstart = soff;
        h->send = soff + (uint32_t)len;
        snprintf(h->id, sizeof h->id, "%s", c->id);
        if (c->value_group >= 0 && c->value_group < rc && ov[2 * c->value_group] != PCRE2_UNSET) {
            size_t vs = ov[2 * c->value_group], ve = ov[2 * c->value_group + 1];
            const struct entity *e = NULL;
            for (size_t k = ann_lower(x, vs); k < x->nann && x->ann[k].start < ve && !e; k++)
                if (x->ann[k].mention >= 0) e = x->men[x->ann[k].mention].entity;
            if (!e) continue; /* "delegation to" somewhere the lexicon does not know */
            size_t l = strlen(h->id);
            snprintf(h->id + l, sizeof h->id - l, ":%s", e->id);
        }
        for (size_t m = 0; m < x->nmen && h->npeople < 4; m++) {
            const struct mention *mn = &x->men[m];
            const struct entity *pe[2] = {mn->entity, mn->kind == MEN_GROUP ? mn->entity2 : NULL};
            for (int q = 0; q < 2 && h->npeople < 4; q++)
                if (pe[q] && pe[q]->type == ENT_PERSON && mn->kind != MEN_DEMONYM) h->people[h->npeople++] = pe[q];
        }
        x->nhits++;
    }
}

static int claim_names(const struct claim *c, const struct entity *e)
{
    for (int k = 0; k < c->kind->nkey; k++) {
        const struct value *v = &c->f[c->kind->key[k]];
        for (int i = 0; i < v->nents; i++)
            if (v->ents[i] == e) return 1;
    }
    return 0;
}

static int detail_fits(const struct detail_hit *h, const struct claim *c)
{
    int kind_ok = 0;
    for (int k = 0; k < h->cue->nkinds; k++) kind_ok |= h->cue->kinds[k] == c->kind;
    if (!kind_ok || c->kind->details < 0) return 0;
    for (int p = 0; p < h->npeople; p++)
        if (!claim_names(c, h->people[p])) return 0;
    return 1;
}

static void add_detail(struct value *v, const char *id)
{
    /* the value is the sorted '+'-joined set of detail ids */
    char *ids[32];
    int n = 0;
    char *copy = v->norm ? xstrdup(v->norm) : NULL, *save = NULL;
    for (char *t = copy ? strtok_r(copy, "+", &save) : NULL; t && n < 31; t = strtok_r(NULL, "+", &save)) {
        if (strcmp(t, id) == 0) {
            free(copy);
            return;
        }
        ids[n++] = t;
    }
    ids[n++] = (char *)id;
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
            char *t = ids[j];
            ids[j] = ids[j - 1];
            ids[j - 1] = t;
        }
    struct buf b = {0};
    for (int i = 0; i < n; i++) buf_printf(&b, "%s%s", i ? "+" : "", ids[i]);
    free(copy);
    free(v->norm);
    free(v->text);
    v->norm = buf_steal(&b);
    v->text = xstrdup(v->norm);
    v->set = 1;
}

/* A detail belongs to the claims of its sentence; failing those, to the
 * nearest claim before it (the event the paragraph is about), else the
 * nearest after it -- among the claims that name every person the detail's
 * sentence names. */
static void attach_details(struct extract_ctx *x, struct claimset *out, size_t first)
{
    for (size_t i = 0; i < x->nhits; i++) {
        const struct detail_hit *h = &x->hits[i];
        int same = 0;
        size_t before = SIZE_MAX, after = SIZE_MAX;
        for (size_t k = first; k < out->n; k++) {
            const struct claim *c = &out->v[k];
            if (!detail_fits(h, c)) continue;
            if (c->sent_start == h->sstart) {
                add_detail(&out->v[k].f[c->kind->details], h->id);
                same = 1;
            } else if (c->start < h->sstart) {
                if (before == SIZE_MAX || c->start > out->v[before].start) before = k;
            } else if (after == SIZE_MAX || c->start < out->v[after].start) {
                after = k;
            }
        }
        if (same) continue;
        size_t k = before != SIZE_MAX ? before : after;
        if (k != SIZE_MAX) add_detail(&out->v[k].f[out->v[k].kind->details], h->id);
    }
    x->nhits = 0;
}

/* ==== Claims ==== */

static void report_limit(struct extract_ctx *x, const struct document *doc, const struct extractor *ex, size_t off,
                         int rc, struct diag *d)
{
    unsigned line, col;
    document_position(doc, off, &line, &col);
    PCRE2_UCHAR msg[128];
    pcre2_get_error_message(rc, msg, sizeof msg);
    diag_add(d, DIAG_WARNING, doc->path, line, col, "rule '%s' (%s:%u) gave up on this sentence: %s", ex->id, ex->path,
             ex->line, (const char *)msg);
    x->stats.limit_hits++;
}

/* A claim is usable when its key fields are filled; a set of participants
 * needs two different parties. */
static int claim_complete(struct claim *c)
{
    const struct kind_def *k = c->kind;
    int nset = 0;
    for (int i = 0; i < k->nkey; i++) {
        const struct value *v = &c->f[k->key[i]];
        if (!v->set && k->key_some) continue;
        if (!v->set) return 0;
        nset++;
        /* the parties of an event: two of them */
        if (k->fields[k->key[i]].type == FT_ENTITIES && v->nents < (k->when >= 0 && k->nkey == 1 ? 2 : 1)) return 0;
        int t = k->fields[k->key[i]].type;
        if ((t == FT_ENTITY || t == FT_PLACE || t == FT_ACTOR) && !v->nents) return 0;
    }
    if (!nset) return 0;
    for (int i = 0; i < k->nfields; i++) {
        int t = k->fields[i].type;
        /* a field that named nobody the lexicon knows is no value */
        if (c->f[i].set && (t == FT_ENTITY || t == FT_ACTOR || t == FT_PLACE || t == FT_ENTITIES) && !c->f[i].nents)
            value_free(&c->f[i]);
    }
    return 1;
}

static int same_key(const struct claim *a, const struct claim *b)
{
    if (a->kind != b->kind) return 0;
    for (int i = 0; i < a->kind->nkey; i++) {
        const struct value *x = &a->f[a->kind->key[i]], *y = &b->f[b->kind->key[i]];
        if (x->nents != y->nents) return 0;
        for (int k = 0; k < x->nents; k++)
            if (x->ents[k] != y->ents[k]) return 0;
        if (x->norm && y->norm && strcmp(x->norm, y->norm) != 0) return 0;
    }
    /* "141 in favour, 5 against": the same key, but different facts */
    for (int i = 0; i < a->kind->nfields; i++) {
        const struct value *x = &a->f[i], *y = &b->f[i];
        if (!x->set || !y->set) continue;
        int t = a->kind->fields[i].type;
        if (t == FT_WORD && x->norm && y->norm && strcmp(x->norm, y->norm) != 0) return 0;
        if (i == a->kind->value && t == FT_NUMBER && (x->lo != y->lo || x->hi != y->hi)) return 0;
        if (i == a->kind->value && t == FT_DATE && x->norm && y->norm && strcmp(x->norm, y->norm) != 0) return 0;
        if (i == a->kind->value && x->nents && y->nents && x->ents[0] != y->ents[0]) return 0;
    }
    return 1;
}

/* The extractor's first match at or after from.  Its sentence guards, which
 * a search from 0 meets first, run alone first, and most sentences end
 * there.  A pattern that starts at an annotation (ex->start_classes) is
 * compiled anchored and tried at the offsets where one of those classes
 * starts, in order: the same leftmost match as a search, without PCRE2
 * calling out at every word between. */
static int next_match(struct extract_ctx *x, const struct extractor *ex, const char *sent, size_t len, size_t from)
{
    if (from == 0 && ex->guard) { /* a search from 0 would meet them first */
        int rc = pcre2_match(ex->guard, (PCRE2_SPTR)sent, len, 0, 0, x->md, x->mctx);
        if (rc < 0) return rc;
    }
    if (!ex->start_classes) return pcre2_match(ex->re, (PCRE2_SPTR)sent, len, from, 0, x->md, x->mctx);
    for (size_t k = ann_lower(x, from); k < x->nann;) {
        uint32_t at = x->ann[k].start;
        unsigned classes = 0;
        for (; k < x->nann && x->ann[k].start == at; k++) classes |= x->ann[k].classes;
        if (!(classes & ex->start_classes)) continue;
        int rc = pcre2_match(ex->re, (PCRE2_SPTR)sent, len, at, 0, x->md, x->mctx);
        if (rc != PCRE2_ERROR_NOMATCH) return rc;
    }
    return PCRE2_ERROR_NOMATCH;
}

static size_t run_extractor(struct extract_ctx *x, const struct extractor *ex, const struct document *doc,
                            uint32_t docidx, size_t soff, const char *sent, size_t len, struct claimset *out,
                            size_t first_claim, struct diag *d)
{
    size_t added = 0, from = 0;
    size_t ei = (size_t)(ex - x->rs->ex); /* its slot in spent[] and stopped[] */
    if (!ex->re || x->stopped[ei]) return 0;
    for (int i = 0; i < ex->nneed; i++) /* a macro it cannot match without finds nothing here */
        if (!(ex->need[i] & x->ann_classes)) return 0;
    x->slots = ex->slots;
    /* the thread-CPU clock is a system call: time only long sentences, the
     * ones where a slow pattern costs seconds (a short one is bounded by
     * PCRE2's match limit) */
    int timed = len > 2048;
    double t0 = timed ? now_seconds() : 0;
    while (from <= len) {
        int rc = next_match(x, ex, sent, len, from);
        if (rc == PCRE2_ERROR_NOMATCH) break;
        if (rc < 0) {
            if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
                rc == PCRE2_ERROR_JIT_STACKLIMIT)
                report_limit(x, doc, ex, soff, rc, d);
            break;
        }
        x->stats.matches++;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
        size_t ms = ov[0], me = ov[1];
        /* copy the groups: later cue matches reuse the match data */
        PCRE2_SIZE groups[256];
        int ng = rc < 128 ? rc : 128;
        memcpy(groups, ov, (size_t)ng * 2 * sizeof *ov);

        /* `each:` one claim per entity named in that field's groups */
        int each = -1;
        uint32_t espan[2 * 32];
        int nspan = 0;
        for (int i = 0; i < ex->nspecs && each < 0; i++) {
            const struct field_spec *fs = &ex->specs[i];
            if (!fs->each) continue;
            each = i;
            for (int g = 0; g < fs->ngroups; g++) {
                int gi = fs->groups[g];
                if (gi >= ng || groups[2 * gi] == PCRE2_UNSET) continue;
                size_t gs = groups[2 * gi], ge = groups[2 * gi + 1];
                uint32_t covered = 0;
                for (size_t k = ann_lower(x, gs); k < x->nann && x->ann[k].start < ge && nspan < 32; k++) {
                    const struct ann *a = &x->ann[k];
                    if (a->mention < 0 || a->end > ge || a->start < covered) continue;
                    if (x->men[a->mention].kind == MEN_DEMONYM) continue;
                    espan[2 * nspan] = a->start;
                    espan[2 * nspan + 1] = a->end;
                    nspan++;
                    covered = a->end;
                }
            }
        }
        for (int it = 0; it < (each < 0 ? 1 : nspan); it++) {
            struct claim c;
            claim_init(&c, ex->kind);
            c.rule = ex;
            for (int i = 0; i < ex->nspecs; i++) {
                const struct field_spec *fs = &ex->specs[i];
                int t = ex->kind->fields[fs->field].type;
                struct value *v = &c.f[fs->field];
                if (fs->how == FS_LITERAL) {
                    v->set = 1;
                    v->norm = xstrdup(fs->literal);
                    v->text = xstrdup(fs->literal);
                    continue;
                }
                if (i == each) {
                    fill_from_span(x, v, t, sent, espan[2 * it], espan[2 * it + 1], fs);
                    continue;
                }
                if (fs->nmap) {
                    size_t s0 = ms, e0 = me;
                    for (int g = 0; g < fs->ngroups; g++) {
                        int gi = fs->groups[g];
                        if (gi >= ng || groups[2 * gi] == PCRE2_UNSET) continue;
                        s0 = groups[2 * gi];
                        e0 = groups[2 * gi + 1];
                        break;
                    }
                    fill_map(x, v, fs, sent, s0, e0);
                    continue;
                }
                for (int g = 0; g < fs->ngroups; g++) {
                    int gi = fs->groups[g];
                    if (gi >= ng || groups[2 * gi] == PCRE2_UNSET) continue;
                    fill_from_span(x, v, t, sent, groups[2 * gi], groups[2 * gi + 1], fs);
                }
                if (!v->nents && fs->recent) fill_recent(x, v, t, fs->recent, sent, ms, me);
            }
            static const int ctx_types[] = {FT_DATE, FT_TIME, FT_PLACE, FT_DURATION, FT_ORDINAL};
            for (int b = 0; b < 5; b++) {
                if (!(ex->context & (1u << b))) continue;
                for (int f = 0; f < ex->kind->nfields; f++)
                    if (ex->kind->fields[f].type == ctx_types[b] && !c.f[f].set) {
                        fill_context(x, &c.f[f], ctx_types[b], sent, ms, me);
                        break;
                    }
            }
            if (ex->context & CONTEXT_SENTENCE_DATE) {
                /* "On Thursday the assembly voted ..., with 58 abstentions":
                 * a sentence with a single date dates all its facts */
                for (int f = 0; f < ex->kind->nfields; f++) {
                    if (ex->kind->fields[f].type != FT_DATE) continue;
                    const struct nx_expr *only = NULL;
                    int n = 0;
                    for (size_t k = 0; k < x->nnx; k++)
                        if (x->nx[k].kind == NX_DATE) {
                            only = &x->nx[k];
                            n++;
                        }
                    if (!c.f[f].set && n == 1) set_from_expr(&c.f[f], only, sent);
                    break;
                }
            }
            if ((ex->context & CONTEXT_PUBLISHED_MONTH) && doc->has_date) {
                /* a count with no date of its own holds for the month it was published */
                for (int f = 0; f < ex->kind->nfields; f++)
                    if (ex->kind->fields[f].type == FT_DATE) {
                        if (!c.f[f].set) set_month(&c.f[f], doc->date);
                        break;
                    }
            }
            int dup = 0;
            for (size_t k = first_claim; k < out->n && !dup; k++) {
                const struct claim *o = &out->v[k];
                if (o->doc == docidx && o->sent_start == soff && same_key(o, &c) && o->start < soff + me &&
                    soff + ms < o->end)
                    dup = 1;
            }
            if (claim_complete(&c) && !dup) {
                c.modality = ex->modality >= 0 ? ex->modality : modality_of(x, sent, len, ms, me);
                attribution_of(x, sent, len, &c);
                c.doc = docidx;
                c.start = (uint32_t)(soff + ms);
                c.end = (uint32_t)(soff + me);
                c.sent_start = (uint32_t)soff;
                c.sent_end = (uint32_t)(soff + len);
                document_position(doc, c.start, &c.line, &c.col);
                c.sentence = xstrndup(sent, len);
                claimset_add(out, &c);
                added++;
            } else {
                claim_free(&c);
            }
        }
        x->slots = ex->slots;
        from = me > ms ? me : ms + 1;
        /* step over a UTF-8 continuation byte after an empty match */
        while (from < len && ((unsigned char)sent[from] & 0xC0) == 0x80) from++;
    }
    if (timed) x->spent[ei] += now_seconds() - t0;
    if (timed && x->spent[ei] > RULE_BUDGET(doc->len)) {
        unsigned line, col;
        document_position(doc, soff, &line, &col);
        diag_add(d, DIAG_WARNING, doc->path, line, col,
                 "rule '%s' (%s:%u) spent over %.0f s on this document; skipped for the rest of it", ex->id, ex->path,
                 ex->line, RULE_BUDGET(doc->len));
        x->stopped[ei] = 1;
        x->stats.limit_hits++;
    }
    return added;
}

/* Lower-cased words of the sentence that may be trigger words (their
 * word_hash is in the Bloom filter), for the trigger prefilter.  A word is a
 * run of letters, digits, hyphens and non-ASCII characters, but for the
 * spaces and punctuation of utf8_nonword_len, that starts with no hyphen.
 * A word is hashed as it is read and copied out only when the filter lets
 * it through: most words are not triggers. */
static size_t sentence_words(const struct extract_ctx *x, const char *text, size_t len, char *buf, size_t bufcap,
                             const char **words, size_t *lens, size_t max)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0, k = 0, all = 0;
    for (size_t i = 0; i < len && all < max;) {
        unsigned char c = word_byte[s[i]];
        if (c == 0 || c == '-') { /* to the next word */
            i++;
            continue;
        }
        if (c == 1) {
            size_t p = utf8_nonword_len(text + i, len - i);
            if (p) {
                i += p;
                continue;
            }
        }
        size_t st = i;
        uint32_t h = WORD_HASH_START;
        for (; i < len; i++) {
            c = word_byte[s[i]];
            if (c <= 1) {
                if (c == 0 || utf8_nonword_len(text + i, len - i)) break;
                c = s[i];
            }
            h = word_hash_add(h, c);
        }
        all++;
        h = word_hash_bit(h);
        if (!((x->tbloom[h / 64] >> (h % 64)) & 1)) continue;
        size_t wl = i - st;
        if (wl > bufcap - k) break;
        for (size_t j = 0; j < wl; j++) buf[k + j] = (char)ascii_lower[s[st + j]];
        words[n] = buf + k;
        lens[n] = wl;
        k += wl;
        n++;
    }
    return n;
}

size_t extract_document(struct extract_ctx *x, const struct document *doc, uint32_t docidx, struct claimset *out,
                        struct diag *d)
{
    if (!doc->text) return 0;
    struct sentence *sv = NULL;
    size_t ns = sentence_split(doc->text, doc->body, doc->len, &sv);
    struct mention_ctx mctx;
    memset(&mctx, 0, sizeof mctx);
    mctx.has_date = doc->has_date;
    mctx.date = doc->date;
    struct nx_ref ref = {doc->has_date, doc->date};
    memset(x->last_seq, 0, sizeof x->last_seq);
    memset(x->spent, 0, x->rs->nex * sizeof *x->spent);
    memset(x->stopped, 0, x->rs->nex);
    x->nhits = 0;
    size_t first = out->n, added = 0;
    static __thread char wbuf[MAX_SENTENCE];
    const char *words[MAX_WORDS];
    size_t lens[MAX_WORDS];
    for (size_t i = 0; i < ns; i++) {
        const char *sent = doc->text + sv[i].start;
        size_t len = sv[i].end - sv[i].start;
        if (len > MAX_SENTENCE) len = MAX_SENTENCE;
        x->stats.sentences++;
        x->nann = x->npos = 0; /* none yet: the callouts must not see the last sentence's */
        x->ann_classes = 0;
        /* only words that may be triggers (of extractors or cues) meet the
         * trigger table */
        size_t kept = sentence_words(x, sent, len, wbuf, sizeof wbuf, words, lens, MAX_WORDS);
        memset(x->want, 0, x->nwant * sizeof *x->want);
        rules_triggered(x->rs, words, lens, kept, x->want, x->seen);
        int bp = boilerplate(x, sent, len);
        if (bp == 2) {
            x->stats.boilerplate += ns - i;
            break;
        }
        if (bp == 1) {
            x->stats.boilerplate++;
            continue;
        }
        int any = any_extractor(x);
        /* mentions update the coreference context even when nothing fires */
        x->nmen = lexicon_mentions(x->rs->lex, &mctx, sent, len, x->men, MAX_MENTIONS);
        if (x->nmen > MAX_MENTIONS) x->nmen = MAX_MENTIONS;
        /* an extractor that needs a mention the sentence lacks cannot match
         * it: if none is left, and no details cue wants it, the normalizer
         * need not run */
        if (any && !details_wanted(x)) any = drop_unmet(x);
        if (!any) {
            remember_mentions(x);
            continue;
        }
        x->nnx = normalize_scan(sent, len, &ref, x->nx, MAX_EXPRS);
        if (x->nnx > MAX_EXPRS) x->nnx = MAX_EXPRS;
        annotate(x);
        x->bnd_ready = 0;
        x->sent_len = len;
        for (size_t w = 0; w * 64 < x->rs->nex; w++) {
            for (uint64_t bits = extractor_bits(x, w); bits; bits &= bits - 1) {
                size_t e = w * 64 + (size_t)__builtin_ctzll(bits);
                added += run_extractor(x, &x->rs->ex[e], doc, docidx, sv[i].start, sent, len, out, first, d);
            }
        }
        if (x->rs->ndetails) find_details(x, sent, len, sv[i].start);
        remember_mentions(x);
    }
    attach_details(x, out, first);
    x->slots = NULL;
    x->stats.claims += added;
    free(sv);
    return added;
}
