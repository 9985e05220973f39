/* lexicon.c - entities, their names and titles, and finding them in text. */
#include "lexicon.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "bytes.h"
#include "strmap.h"
#include "utf8.h"
#include "xalloc.h"

#define MAX_PHRASE 8 /* tokens in the longest alias or title */
#define KEY_MAX 512

enum atom_kind { A_NONE, A_NAME, A_DEMONYM, A_TITLE, A_POSS, A_DET, A_OF, A_TWO, A_GROUPWORD, A_AND };

/* What a phrase of the names dictionary can stand for. */
struct phrase {
    const struct entity *e;
    int demonym;         /* the phrase is a demonym of e */
    struct phrase *next; /* other readings of the same phrase */
};

struct title {
    char *canonical; /* owned */
    int plural;
};

#define FIRST_BLOOM_BITS (1 << 18)

struct lexicon {
    struct entity **v;
    size_t n, cap;
    struct strhash ids; /* id -> entity */
    /* exact phrase key -> struct phrase list, tagged with NAME_PREFIX when
     * the key and more tokens are a phrase too; every proper prefix of a
     * phrase, in whole tokens, is a key (a phrase lookup stops at the first
     * key that starts no phrase).  One map, so that loading thousands of
     * places costs one insert per one-word alias. */
    struct strhash names;
    Pvoid_t titles;  /* lowercase phrase key -> struct title */
    Pvoid_t tfirsts; /* first token of any title phrase (lowercase) -> 1 */
    /* every titles key and every proper prefix of one, in whole tokens ->
     * MARK_* bits */
    Pvoid_t tmarks;
    /* Bloom filters of the first tokens of names and titles: most words are
     * neither, and a bit test is much cheaper than a JudySL lookup (speed at
     * corpus scale). */
    uint64_t bloom[2][FIRST_BLOOM_BITS / 64];
    /* phrases are allocated in slabs (thousands of places: one malloc each
     * would dominate loading) */
    struct phrase **slabs;
    size_t nslabs, capslabs, slab_used;
    /* blocks owned by the lexicon that entities borrow from
     * (lexicon_add_block) */
    void **blocks;
    size_t nblocks, capblocks;
    struct title **tv;
    size_t ntv, captv;
    int maxtok;
};

/* ==== Entities ==== */

static const char *type_names[ENT_TYPES] = {"person", "country", "city", "region", "place", "org", "body"};

const char *entity_type_name(int type)
{
    return type >= 0 && type < ENT_TYPES ? type_names[type] : "?";
}

int entity_type_parse(const char *s)
{
    for (int i = 0; i < ENT_TYPES; i++)
        if (strcmp(s, type_names[i]) == 0) return i;
    if (strcmp(s, "organization") == 0) return ENT_ORG;
    return -1;
}

struct lexicon *lexicon_new(void)
{
    struct lexicon *lx = xcalloc(1, sizeof *lx);
    lx->maxtok = 1;
    return lx;
}

static void free_strv(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
}

static void entity_free(struct entity *e)
{
    if (!e || e->in_block) return;
    free(e->id);
    free(e->name);
    free_strv(e->aliases, e->naliases);
    free_strv(e->demonyms, e->ndemonyms);
    free_strv(e->titles, e->ntitles);
    free(e->country_id);
    free(e->in_id);
    free(e->stands_for_id);
    free(e->path);
    free(e);
}

void lexicon_free(struct lexicon *lx)
{
    if (!lx) return;
    for (size_t i = 0; i < lx->n; i++) entity_free(lx->v[i]);
    free(lx->v);
    for (size_t i = 0; i < lx->nslabs; i++) free(lx->slabs[i]);
    free(lx->slabs);
    for (size_t i = 0; i < lx->nblocks; i++) free(lx->blocks[i]);
    free(lx->blocks);
    for (size_t i = 0; i < lx->ntv; i++) {
        free(lx->tv[i]->canonical);
        free(lx->tv[i]);
    }
    free(lx->tv);
    strhash_free(&lx->ids);
    strhash_free(&lx->names);
    strmap_free(&lx->titles);
    strmap_free(&lx->tfirsts);
    strmap_free(&lx->tmarks);
    free(lx);
}

int lexicon_add(struct lexicon *lx, struct entity *e, struct diag *d)
{
    void **slot = strhash_slot(&lx->ids, e->id);
    if (*slot) {
        const struct entity *old = *slot;
        diag_add(d, DIAG_ERROR, e->path, e->line, e->col, "entity '%s' is already defined at %s:%u:%u", e->id,
                 old->path, old->line, old->col);
        entity_free(e);
        return -1;
    }
    *slot = e;
    e->index = (uint32_t)lx->n;
    XGROW(lx->v, lx->cap, lx->n + 1);
    lx->v[lx->n++] = e;
    return 0;
}

void lexicon_add_block(struct lexicon *lx, void *block)
{
    XGROW(lx->blocks, lx->capblocks, lx->nblocks + 1);
    lx->blocks[lx->nblocks++] = block;
}

size_t lexicon_count(const struct lexicon *lx)
{
    return lx->n;
}
const struct entity *lexicon_at(const struct lexicon *lx, size_t i)
{
    return i < lx->n ? lx->v[i] : NULL;
}
const struct entity *lexicon_get(const struct lexicon *lx, const char *id)
{
    return strhash_get(&lx->ids, id);
}

const struct entity *entity_country(const struct entity *e)
{
    for (int guard = 0; e && guard < 16; guard++) {
        if (e->type == ENT_COUNTRY) return e;
        if (e->country) return e->country;
        e = e->stands_for ? e->stands_for : e->in;
    }
    return NULL;
}

int entity_contains(const struct entity *a, const struct entity *b)
{
    if (!a || !b) return 0;
    for (int guard = 0; b && guard < 16; guard++) {
        if (a == b) return 1;
        b = b->in ? b->in : b->country;
    }
    return 0;
}

/* ==== Tokens ==== */

struct tok {
    uint32_t start, end;
};

/* An ASCII letter or digit, or a byte of a non-ASCII character. */
static int is_word_byte(unsigned char c)
{
    return (byte_class[c] & (BYTE_ALNUM | BYTE_HIGH)) != 0;
}

/* Curly quotes, dashes and other non-ASCII punctuation (utf8.h). */
static size_t punct_len(const unsigned char *s, size_t n)
{
    return utf8_nonword_len((const char *)s, n);
}

static int is_apostrophe(const unsigned char *s, size_t n, size_t *len)
{
    if (n >= 1 && s[0] == '\'') {
        *len = 1;
        return 1;
    }
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99) {
        *len = 3;
        return 1;
    }
    return 0;
}

/* Room for n tokens in *out; a buffer that is not the heap's (stack, of
 * *cap entries) is copied out, never realloc'ed. */
static void tok_grow(struct tok **out, size_t *cap, size_t n, int *on_stack)
{
    if (n <= *cap) return;
    if (*on_stack) {
        size_t nc = *cap * 2 > n ? *cap * 2 : n;
        struct tok *h = xmalloc(nc * sizeof *h);
        memcpy(h, *out, *cap * sizeof *h);
        *out = h;
        *cap = nc;
        *on_stack = 0;
        return;
    }
    XGROW(*out, *cap, n);
}

/* A possessive "'s" (straight or curly apostrophe) at s[i], right after
 * token n - 1: its length, or 0. */
static size_t possessive_at(const unsigned char *s, size_t len, size_t i, const struct tok *out, size_t n)
{
    size_t al;
    if (n && out[n - 1].end == i && is_apostrophe(s + i, len - i, &al) && i + al < len &&
        (s[i + al] == 's' || s[i + al] == 'S') && (i + al + 1 >= len || !is_word_byte(s[i + al + 1])))
        return al + 1;
    return 0;
}

/* Split into word tokens, "-" tokens and possessive "'s" tokens.  With
 * *on_stack, *out starts as the caller's buffer of *cap entries (moved to the
 * heap, and *on_stack cleared, when it is too small). */
static size_t tokenize_in(const char *text, size_t len, struct tok **out, size_t *cap, int *on_stack)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0, i = 0;
    while (i < len) {
        unsigned cl = byte_class[s[i]] & (BYTE_ALNUM | BYTE_HIGH);
        if (cl != BYTE_ALNUM) { /* not an ASCII word byte: "'s", "-", punctuation or a non-ASCII letter */
            size_t pl = s[i] == '\'' || s[i] == 0xE2 ? possessive_at(s, len, i, *out, n) : 0;
            if (pl) {
                tok_grow(out, cap, n + 1, on_stack);
                (*out)[n++] = (struct tok){(uint32_t)i, (uint32_t)(i + pl)};
                i += pl;
                continue;
            }
            if (s[i] == '-' && n && (*out)[n - 1].end == i && i + 1 < len && is_word_byte(s[i + 1])) {
                tok_grow(out, cap, n + 1, on_stack);
                (*out)[n++] = (struct tok){(uint32_t)i, (uint32_t)(i + 1)};
                i++;
                continue;
            }
            if (!cl) {
                i++;
                continue;
            }
            size_t p = punct_len(s + i, len - i);
            if (p) {
                i += p;
                continue;
            }
        }
        size_t st = i;
        int dotted = 0;
        while (i < len) {
            while (i < len && (byte_class[s[i]] & BYTE_ALNUM)) i++;
            if (i >= len) break;
            if (s[i] >= 0x80) { /* a word byte, unless it starts a curly quote or dash */
                if (punct_len(s + i, len - i)) break;
                i++;
                continue;
            }
            if (s[i] == '.' && i + 1 < len && isalpha(s[i + 1]) && i > st && isupper(s[i - 1])) {
                dotted = 1; /* U.N., U.S. */
                i++;
                continue;
            }
            if (s[i] == '.' && dotted) {
                i++;
                break;
            }
            size_t a;
            if (is_apostrophe(s + i, len - i, &a) && i + a < len && is_word_byte(s[i + a]) &&
                !((s[i + a] == 's' || s[i + a] == 'S') && (i + a + 1 >= len || !is_word_byte(s[i + a + 1])))) {
                i += a; /* O'Brien, but not the possessive */
                continue;
            }
            break;
        }
        tok_grow(out, cap, n + 1, on_stack);
        (*out)[n++] = (struct tok){(uint32_t)st, (uint32_t)i};
    }
    return n;
}

/* Append token t of text to key, curly apostrophes made straight; lower-cases
 * ASCII when fold.  Returns -1 when the key would overflow. */
static int key_add(char *key, size_t *kl, const char *text, struct tok t, int fold)
{
    size_t need = (t.end - t.start) + 2;
    if (*kl + need >= KEY_MAX) return -1;
    if (*kl) key[(*kl)++] = ' ';
    for (uint32_t i = t.start; i < t.end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == 0xE2 && i + 2 < t.end && (unsigned char)text[i + 1] == 0x80 && (unsigned char)text[i + 2] == 0x99) {
            key[(*kl)++] = '\'';
            i += 2;
            continue;
        }
        key[(*kl)++] = (char)(fold ? ascii_lower[c] : c);
    }
    key[*kl] = '\0';
    return 0;
}

/* Normalized dictionary key of a phrase written in the lexicon. */
static int phrase_key(const char *phrase, int fold, char key[KEY_MAX], int *ntok)
{
    /* most aliases are words with single spaces: the key is the phrase
     * (thousands of places: the tokenizer would dominate loading) */
    size_t n0 = 0;
    int words = 1, plain = 1;
    for (const char *c = phrase; *c && plain; c++, n0++) {
        unsigned char u = (unsigned char)*c;
        if (u == ' ')
            plain = n0 > 0 && c[1] && c[1] != ' ', words++;
        else /* letters, digits, and UTF-8 but for curly quotes and dashes */
            plain = (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') ||
                    (u >= 0x80 && u != 0xE2 && u != 0xC2);
    }
    if (plain && n0 && n0 + 1 < KEY_MAX) {
        for (size_t i = 0; i <= n0; i++) key[i] = (char)(fold ? tolower((unsigned char)phrase[i]) : phrase[i]);
        *ntok = words;
        return 0;
    }
    struct tok tstack[32];
    struct tok *t = tstack;
    size_t cap = sizeof tstack / sizeof *tstack;
    int on_stack = 1;
    size_t n = tokenize_in(phrase, strlen(phrase), &t, &cap, &on_stack);
    size_t kl = 0;
    key[0] = '\0';
    int rc = n ? 0 : -1;
    for (size_t i = 0; i < n && rc == 0; i++) rc = key_add(key, &kl, phrase, t[i], fold);
    if (!on_stack) free(t);
    *ntok = (int)n;
    return rc;
}

/* ==== Building the dictionaries ==== */

static uint32_t bloom_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return (h ^ (h >> 16)) & (FIRST_BLOOM_BITS - 1);
}

/* The first word of key, in tmp (KEY_MAX bytes). */
static const char *first_word(const char *key, char *tmp)
{
    size_t i = 0;
    while (key[i] && key[i] != ' ' && i + 1 < KEY_MAX) {
        tmp[i] = key[i];
        i++;
    }
    tmp[i] = '\0';
    return tmp;
}

static void first_bloom(uint64_t *bloom, const char *key)
{
    char tmp[KEY_MAX];
    uint32_t h = bloom_hash(first_word(key, tmp));
    bloom[h / 64] |= 1ull << (h % 64);
}

static void first_token(Pvoid_t *firsts, uint64_t *bloom, const char *key)
{
    char tmp[KEY_MAX];
    *strmap_slot(firsts, first_word(key, tmp)) = (void *)1;
    first_bloom(bloom, key);
}

#define MARK_PHRASE 1u /* the key is a phrase */
#define MARK_PREFIX 2u /* the key and more tokens are a phrase */

static void mark_key(Pvoid_t *marks, const char *key)
{
    char tmp[KEY_MAX];
    size_t n = strlen(key);
    memcpy(tmp, key, n + 1);
    for (size_t i = 0; i < n; i++)
        if (tmp[i] == ' ') {
            tmp[i] = '\0';
            void **slot = strmap_slot(marks, tmp);
            *slot = (void *)((uintptr_t)*slot | MARK_PREFIX);
            tmp[i] = ' ';
        }
    void **slot = strmap_slot(marks, key);
    *slot = (void *)((uintptr_t)*slot | MARK_PHRASE);
}

#define PHRASE_SLAB 1024

/* A zeroed phrase from the current slab (aligned: the names map tags its
 * low bit). */
static struct phrase *new_phrase(struct lexicon *lx)
{
    if (!lx->nslabs || lx->slab_used == PHRASE_SLAB) {
        XGROW(lx->slabs, lx->capslabs, lx->nslabs + 1);
        lx->slabs[lx->nslabs++] = xcalloc(PHRASE_SLAB, sizeof(struct phrase));
        lx->slab_used = 0;
    }
    return &lx->slabs[lx->nslabs - 1][lx->slab_used++];
}

#define NAME_PREFIX ((uintptr_t)1) /* tag of a names value: longer phrases start so */
#define NAME_LIST(v) ((struct phrase *)((uintptr_t)(v) & ~NAME_PREFIX))

static void add_phrase(struct lexicon *lx, const char *text, const struct entity *e, int demonym)
{
    char key[KEY_MAX];
    /* "the Kremlin": the article is not part of the name */
    if (strncasecmp(text, "the ", 4) == 0) text += 4;
    int ntok;
    if (phrase_key(text, 0, key, &ntok) < 0) return;
    if (ntok > MAX_PHRASE) return;
    if (ntok > lx->maxtok) lx->maxtok = ntok;
    void **slot = strhash_slot(&lx->names, key);
    uintptr_t tag = (uintptr_t)*slot & NAME_PREFIX;
    struct phrase *head = NAME_LIST(*slot);
    for (struct phrase *p = head; p; p = p->next)
        if (p->e == e && p->demonym == demonym) return;
    struct phrase *p = new_phrase(lx);
    p->e = e;
    p->demonym = demonym;
    /* keep the list in definition order: append */
    if (!head) {
        head = p;
    } else {
        struct phrase *t = head;
        while (t->next) t = t->next;
        t->next = p;
    }
    *slot = (void *)((uintptr_t)head | tag);
    first_bloom(lx->bloom[0], key);
    /* the proper prefixes, in whole tokens */
    for (size_t i = 0; key[i]; i++)
        if (key[i] == ' ') {
            key[i] = '\0';
            void **ps = strhash_slot(&lx->names, key);
            *ps = (void *)((uintptr_t)*ps | NAME_PREFIX);
            key[i] = ' ';
        }
}

void lexicon_add_title(struct lexicon *lx, const char *form, const char *canonical)
{
    char key[KEY_MAX];
    int ntok;
    if (phrase_key(form, 1, key, &ntok) < 0 || ntok > MAX_PHRASE) return;
    if (ntok > lx->maxtok) lx->maxtok = ntok;
    void **slot = strmap_slot(&lx->titles, key);
    if (*slot) return;
    struct title *t = xcalloc(1, sizeof *t);
    t->canonical = xstrdup(canonical);
    size_t fl = strlen(form);
    t->plural = fl > 1 && form[fl - 1] == 's' && strcmp(form, canonical) != 0 && strncmp(form, canonical, fl - 1) == 0;
    *slot = t;
    XGROW(lx->tv, lx->captv, lx->ntv + 1);
    lx->tv[lx->ntv++] = t;
    first_token(&lx->tfirsts, lx->bloom[1], key);
    mark_key(&lx->tmarks, key);
}

static int resolve_ref(struct lexicon *lx, struct entity *e, const char *id, const char *what,
                       const struct entity **out, struct diag *d)
{
    if (!id) return 0;
    const struct entity *r = lexicon_get(lx, id);
    if (!r) {
        diag_add(d, DIAG_ERROR, e->path, e->line, e->col, "entity '%s': unknown %s '%s'", e->id, what, id);
        return -1;
    }
    *out = r;
    return 0;
}

int lexicon_finish(struct lexicon *lx, struct diag *d)
{
    int rc = 0;
    for (size_t i = 0; i < lx->n; i++) {
        struct entity *e = lx->v[i];
        rc |= resolve_ref(lx, e, e->country_id, "country", &e->country, d);
        rc |= resolve_ref(lx, e, e->in_id, "place (in)", &e->in, d);
        rc |= resolve_ref(lx, e, e->stands_for_id, "stands_for", &e->stands_for, d);
    }
    /* a containment cycle would loop the walkers: reject it */
    for (size_t i = 0; i < lx->n; i++) {
        const struct entity *p = lx->v[i]->in;
        for (int k = 0; p && k < 16; k++) p = p->in;
        if (p) {
            diag_add(d, DIAG_ERROR, lx->v[i]->path, lx->v[i]->line, lx->v[i]->col,
                     "entity '%s': places nest in a cycle (or deeper than 16)", lx->v[i]->id);
            rc = -1;
        }
    }
    size_t nforms = 0;
    for (size_t i = 0; i < lx->n; i++) nforms += 1 + lx->v[i]->naliases + lx->v[i]->ndemonyms;
    strhash_reserve(&lx->names, nforms + nforms / 8); /* and the prefixes of some */
    for (size_t i = 0; i < lx->n; i++) {
        struct entity *e = lx->v[i];
        add_phrase(lx, e->name, e, 0);
        for (size_t k = 0; k < e->naliases; k++) add_phrase(lx, e->aliases[k], e, 0);
        for (size_t k = 0; k < e->ndemonyms; k++) add_phrase(lx, e->demonyms[k], e, 1);
        for (size_t k = 0; k < e->ntitles; k++) lexicon_add_title(lx, e->titles[k], e->titles[k]);
    }
    return rc ? -1 : 0;
}

/* ==== Finding mentions ==== */

struct atom {
    int kind;
    uint32_t start, end; /* byte span */
    int ntok;            /* tokens consumed */
    const struct phrase *ph;
    const struct title *ti;
};

static int word_is(const char *text, struct tok t, const char *w)
{
    size_t n = t.end - t.start;
    return strlen(w) == n && strncasecmp(text + t.start, w, n) == 0;
}

/* The Bloom positions of token t's dictionary keys (what key_add writes),
 * exact in h[0] and folded in h[1], without writing them; -1 when key_add
 * would refuse the token. */
static void tok_bloom(const char *text, struct tok t, long h[2])
{
    if ((size_t)(t.end - t.start) + 2 >= KEY_MAX) {
        h[0] = h[1] = -1;
        return;
    }
    uint32_t a = 2166136261u, b = 2166136261u;
    for (uint32_t i = t.start; i < t.end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == 0xE2 && i + 2 < t.end && (unsigned char)text[i + 1] == 0x80 && (unsigned char)text[i + 2] == 0x99) {
            c = '\'';
            i += 2;
        }
        a = (a ^ c) * 16777619u;
        b = (b ^ ascii_lower[c]) * 16777619u;
    }
    h[0] = (long)((a ^ (a >> 16)) & (FIRST_BLOOM_BITS - 1));
    h[1] = (long)((b ^ (b >> 16)) & (FIRST_BLOOM_BITS - 1));
}

static int bloom_bit(const uint64_t *bloom, long h)
{
    return h >= 0 && ((bloom[h / 64] >> (h % 64)) & 1);
}

/* Is token t (ASCII case-insensitively) the lower-case word w of length n? */
static int tok_eq(const char *text, struct tok t, const char *w, size_t n)
{
    if (t.end - t.start != n) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[t.start + i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if (c != (unsigned char)w[i]) return 0;
    }
    return 1;
}

/* The function-word atom kinds (A_DET, A_OF...) of a token, or A_NONE. */
static int function_word(const char *text, struct tok t)
{
    switch (t.end - t.start) {
    case 2:
        if (tok_eq(text, t, "of", 2)) return A_OF;
        return A_NONE;
    case 3:
        if (tok_eq(text, t, "the", 3) || tok_eq(text, t, "his", 3) || tok_eq(text, t, "her", 3) ||
            tok_eq(text, t, "its", 3))
            return A_DET;
        if (tok_eq(text, t, "and", 3)) return A_AND;
        if (tok_eq(text, t, "two", 3)) return A_TWO;
        if (tok_eq(text, t, "duo", 3) || tok_eq(text, t, "men", 3)) return A_GROUPWORD;
        return A_NONE;
    case 4:
        if (tok_eq(text, t, "both", 4)) return A_TWO;
        if (tok_eq(text, t, "pair", 4)) return A_GROUPWORD;
        return A_NONE;
    case 5:
        if (tok_eq(text, t, "their", 5)) return A_DET;
        return A_NONE;
    case 7:
        if (tok_eq(text, t, "leaders", 7)) return A_GROUPWORD;
        return A_NONE;
    }
    return A_NONE;
}

static void atom_at(const struct lexicon *lx, const char *text, const struct tok *t, size_t nt, size_t i,
                    struct atom *a)
{
    char key[KEY_MAX];
    memset(a, 0, sizeof *a);
    a->start = t[i].start;
    a->end = t[i].end;
    a->ntok = 1;
    /* names: longest first */
    size_t kl = 0;
    char first[KEY_MAX];
    size_t fl = 0;
    long h[2];
    tok_bloom(text, t[i], h);
    if (bloom_bit(lx->bloom[0], h[0])) {
        int best = 0;
        const struct phrase *bp = NULL;
        kl = 0;
        for (size_t k = 0; k < (size_t)lx->maxtok && i + k < nt; k++) {
            if (k && t[i + k].start > t[i + k - 1].end + 3) break; /* across punctuation */
            if (key_add(key, &kl, text, t[i + k], 0) < 0) break;
            void *v = strhash_get(&lx->names, key);
            const struct phrase *p = NAME_LIST(v);
            if (p) {
                best = (int)k + 1;
                bp = p;
            }
            if (!((uintptr_t)v & NAME_PREFIX)) break; /* no longer phrase starts so */
        }
        if (bp) {
            a->kind = bp->demonym && !bp->next ? A_DEMONYM : A_NAME;
            if (bp->demonym && bp->next) a->kind = A_NAME;
            a->ph = bp;
            a->ntok = best;
            a->end = t[i + (size_t)best - 1].end;
        }
    }
    /* titles, case-insensitive: a longer title beats a shorter name */
    fl = 0;
    if (bloom_bit(lx->bloom[1], h[1]) && key_add(first, &fl, text, t[i], 1) == 0 && strmap_get(lx->tfirsts, first)) {
        kl = 0;
        int best = 0;
        const struct title *bt = NULL;
        for (size_t k = 0; k < (size_t)lx->maxtok && i + k < nt; k++) {
            if (k && t[i + k].start > t[i + k - 1].end + 3) break;
            if (key_add(key, &kl, text, t[i + k], 1) < 0) break;
            uintptr_t mark = (uintptr_t)strmap_get(lx->tmarks, key);
            const struct title *ti = mark & MARK_PHRASE ? strmap_get(lx->titles, key) : NULL;
            if (ti) {
                best = (int)k + 1;
                bt = ti;
            }
            if (!(mark & MARK_PREFIX)) break;
        }
        if (bt && best > (a->kind ? a->ntok : 0)) {
            a->kind = A_TITLE;
            a->ti = bt;
            a->ph = NULL;
            a->ntok = best;
            a->end = t[i + (size_t)best - 1].end;
        }
    }
    if (a->kind) return;
    if (t[i].end - t[i].start >= 2 && (text[t[i].start] == '\'' || (unsigned char)text[t[i].start] == 0xE2))
        a->kind = A_POSS;
    else
        a->kind = function_word(text, t[i]);
}

static const struct entity *name_of_type(const struct phrase *p, int type)
{
    for (; p; p = p->next)
        if (!p->demonym && p->e->type == type) return p->e;
    return NULL;
}

static const struct entity *country_of_atom(const struct atom *a)
{
    if (!a->ph) return NULL;
    for (const struct phrase *p = a->ph; p; p = p->next)
        if (p->e->type == ENT_COUNTRY) return p->e;
    return NULL;
}

static int holds_title(const struct entity *e, const char *title)
{
    for (size_t k = 0; k < e->ntitles; k++)
        if (strcasecmp(e->titles[k], title) == 0) return 1;
    return 0;
}

static int valid_at(const struct entity *e, const struct mention_ctx *ctx)
{
    if (!ctx->has_date) return 1;
    if (e->has_from && ctx->date < e->from) return 0;
    if (e->has_until && ctx->date > e->until) return 0;
    return 1;
}

/* The one person of country c holding title t (at the document's date). */
static const struct entity *role_holder(const struct lexicon *lx, const struct mention_ctx *ctx, const struct entity *c,
                                        const char *title)
{
    const struct entity *found = NULL;
    for (size_t i = 0; i < lx->n; i++) {
        const struct entity *e = lx->v[i];
        if (e->type != ENT_PERSON || e->country != c || !holds_title(e, title) || !valid_at(e, ctx)) continue;
        if (found) return NULL; /* ambiguous */
        found = e;
    }
    return found;
}

static void remember(struct mention_ctx *ctx, const struct entity *e)
{
    if (!e || e->type != ENT_PERSON) return;
    int k = 0;
    while (k < 3 && ctx->recent[k] && ctx->recent[k] != e) k++;
    for (; k > 0; k--) ctx->recent[k] = ctx->recent[k - 1];
    ctx->recent[0] = e;
}

static size_t emit(struct mention *out, size_t n, size_t max, uint32_t s, uint32_t e, int kind, const struct entity *a,
                   const struct entity *b)
{
    if (n < max) out[n] = (struct mention){s, e, kind, a, b};
    return n + 1;
}

size_t lexicon_mentions(const struct lexicon *lx, struct mention_ctx *ctx, const char *text, size_t len,
                        struct mention *out, size_t max)
{
    /* most sentences fit the stack: no allocation per sentence */
    struct tok tstack[256];
    struct atom astack[256];
    size_t cap = sizeof tstack / sizeof *tstack;
    struct tok *t = tstack;
    int on_stack = 1;
    size_t nt = tokenize_in(text, len, &t, &cap, &on_stack);
    struct atom *at = nt <= sizeof astack / sizeof *astack ? astack : xmalloc(nt * sizeof *at);
    for (size_t i = 0; i < nt; i++) atom_at(lx, text, t, nt, i, &at[i]);

    size_t n = 0;
    size_t i = 0;
    /* "He is set to speak with Zelensky": a sentence that opens with a
     * pronoun continues about the person the last one opened with */
    if (nt && ctx->subject && (word_is(text, t[0], "He") || word_is(text, t[0], "She")) &&
        isupper((unsigned char)text[t[0].start])) {
        n = emit(out, n, max, t[0].start, t[0].end, MEN_ROLE, ctx->subject, NULL);
        i = 1;
    }
    while (i < nt) {
        struct atom *a = &at[i];
        size_t j = i;
        uint32_t start = a->start;
        /* "the two leaders", "both leaders", "the two" */
        if ((a->kind == A_DET && j + 1 < nt && at[j + 1].kind == A_TWO) ||
            (a->kind == A_TWO && word_is(text, t[i], "both"))) {
            size_t k = a->kind == A_DET ? j + 2 : j + 1;
            uint32_t end = at[k - 1].end;
            if (k < nt && (at[k].kind == A_GROUPWORD || (at[k].kind == A_TITLE && at[k].ti->plural))) {
                end = at[k].end;
                k++;
            } else if (a->kind == A_TWO) {
                i++;
                continue;
            }
            if (ctx->recent[0] && ctx->recent[1]) {
                n = emit(out, n, max, start, end, MEN_GROUP, ctx->recent[0], ctx->recent[1]);
                i = k;
                continue;
            }
            i = k;
            continue;
        }
        if (a->kind == A_DET) j++;
        /* [country|demonym] ['s] TITLE [person] */
        const struct entity *country = NULL;
        size_t k = j;
        if (k < nt && (at[k].kind == A_DEMONYM || (at[k].kind == A_NAME && country_of_atom(&at[k])))) {
            country = at[k].kind == A_DEMONYM ? at[k].ph->e : country_of_atom(&at[k]);
            k += (size_t)at[k].ntok;
            if (k < nt && at[k].kind == A_POSS) k++;
        }
        if (k < nt && at[k].kind == A_TITLE) {
            const struct title *ti = at[k].ti;
            size_t after = k + (size_t)at[k].ntok;
            const struct entity *person =
                after < nt && at[after].kind == A_NAME ? name_of_type(at[after].ph, ENT_PERSON) : NULL;
            if (person) {
                /* "Israeli Prime Minister Naftali Bennett": one mention */
                uint32_t s0 = (country || at[i].kind != A_DET) ? at[j].start : at[k].start;
                n = emit(out, n, max, s0, at[after].end, MEN_ENTITY, person, NULL);
                remember(ctx, person);
                i = after + (size_t)at[after].ntok;
                continue;
            }
            if (!country && after + 1 < nt && at[after].kind == A_OF && at[after + 1].kind == A_NAME) {
                country = country_of_atom(&at[after + 1]);
                if (country) after += 1 + (size_t)at[after + 1].ntok;
            }
            if (country) {
                const struct entity *p = role_holder(lx, ctx, country, ti->canonical);
                if (p) {
                    n = emit(out, n, max, at[j].start, at[after - 1].end, MEN_ROLE, p, NULL);
                    remember(ctx, p);
                }
                i = after;
                continue;
            }
        }
        /* "Ukraine's Zelenskyy" */
        if (country && k > j && at[k - 1].kind == A_POSS && k < nt && at[k].kind == A_NAME) {
            const struct entity *person = name_of_type(at[k].ph, ENT_PERSON);
            if (person) {
                n = emit(out, n, max, at[j].start, at[k].end, MEN_ENTITY, person, NULL);
                remember(ctx, person);
                i = k + (size_t)at[k].ntok;
                continue;
            }
        }
        if (a->kind == A_NAME) {
            const struct phrase *p = a->ph;
            const struct entity *e = p->e;
            /* prefer a non-demonym reading */
            for (const struct phrase *q = p; q; q = q->next)
                if (!q->demonym) {
                    e = q->e;
                    break;
                }
            n = emit(out, n, max, a->start, a->end, MEN_ENTITY, e, NULL);
            remember(ctx, e);
            i += (size_t)a->ntok;
            continue;
        }
        if (a->kind == A_DEMONYM) {
            n = emit(out, n, max, a->start, a->end, MEN_DEMONYM, a->ph->e, NULL);
            i += (size_t)a->ntok;
            continue;
        }
        i += a->ntok > 0 ? (size_t)a->ntok : 1;
    }
    for (size_t m = 0; m < n && m < max; m++) {
        if (out[m].start > 80) break;
        if (out[m].kind != MEN_DEMONYM && out[m].kind != MEN_GROUP && out[m].entity->type == ENT_PERSON) {
            ctx->subject = out[m].entity;
            break;
        }
    }
    if (at != astack) free(at);
    if (!on_stack) free(t);
    return n;
}
