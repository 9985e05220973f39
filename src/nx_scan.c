/* nx_scan.c - the normalizer's tokenizer and English word table. */
#include "nx_scan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* ==== Word table ==== */

const struct word WORD[W_COUNT] = {
    {"", 0, K_NONE, 0},
#define X(id, str, k, v) {str, (uint8_t)(sizeof str - 1), k, v},
    WORDS(X)
#undef X
};

#define HASH_SIZE 1024 /* power of two, > 2 * W_COUNT */

/* Built once by nx_words_init, read-only afterwards.  A slot holds its word
 * zero-padded to 16 bytes, so a probe compares two integers and touches no
 * other memory. */
/* Built once by normalize_init, read-only afterwards.  A slot holds its word
 * zero-padded to 16 bytes, so a probe compares two integers and touches no
 * other memory. */
struct slot {
    uint64_t k0, k1;
    uint32_t id;
};
static struct slot word_hash[HASH_SIZE];
static int words_ready;

static uint32_t hash_word(const unsigned char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 16777619u;
    return h;
}

void nx_words_init(void)
{
    if (words_ready) return;
    memset(word_hash, 0, sizeof word_hash);
    for (int id = 1; id < W_COUNT; id++) {
        uint32_t h = hash_word((const unsigned char *)WORD[id].s, WORD[id].len) & (HASH_SIZE - 1);
        while (word_hash[h].id) h = (h + 1) & (HASH_SIZE - 1);
        unsigned char key[16] = {0};
        memcpy(key, WORD[id].s, WORD[id].len);
        memcpy(&word_hash[h].k0, key, 8);
        memcpy(&word_hash[h].k1, key + 8, 8);
        word_hash[h].id = (uint32_t)id;
    }
    words_ready = 1;
}

/* Id of the lowercase word in lw (16 bytes, zero-padded) whose hash_word is
 * h, or W_NONE. */
static int lookup_hashed(const unsigned char *lw, uint32_t h)
{
    uint64_t a, b;
    memcpy(&a, lw, 8);
    memcpy(&b, lw + 8, 8);
    h &= HASH_SIZE - 1;
    for (;;) {
        const struct slot *sl = &word_hash[h];
        if (!sl->id) return W_NONE;
        if (sl->k0 == a && sl->k1 == b) return (int)sl->id;
        h = (h + 1) & (HASH_SIZE - 1);
    }
}

/* ==== Tokenizer ==== */

static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int ed_exception(const unsigned char *w, size_t n)
{
    static const char *const ex[] = {"hundred", "indeed", "united", "need", "speed", "proceed",
                                     "exceed", "succeed", "sacred", "naked", "wicked", "kindred",
                                     "seed", "feed", "breed", "greed", "bleed", "creed", "tweed",
                                     "embed", "shred", "limited", "red", "bed", "fed", "wed",
                                     "shed", "led", "fled", "bred", "sled", "scheduled",
                                     "planned", "expected", "estimated", "needed"};
    for (size_t i = 0; i < sizeof ex / sizeof *ex; i++)
        if (strlen(ex[i]) == n && memcmp(ex[i], w, n) == 0) return 1;
    return 0;
}

int nx_regular_past(const char *w, size_t n)
{
    if (n < 5 || n > 20 || (w[n - 2] | 0x20) != 'e' || (w[n - 1] | 0x20) != 'd') return 0;
    unsigned char lw[20];
    for (size_t q = 0; q < n; q++) lw[q] = (unsigned char)(w[q] | 0x20);
    return !ed_exception(lw, n);
}

/* Number literal at p: digits with optional thousands separators and decimals.
 * Returns the end; fills the token's value and flags. */
static size_t scan_number(const unsigned char *s, size_t p, size_t len, struct tok *t)
{
    size_t q = p;
    double v = 0;
    int nd = 0;
    while (q < len && is_digit(s[q])) v = v * 10 + (s[q++] - '0'), nd++;
    if (nd <= 3) {
        /* 1,234,567: groups of exactly three digits right after the comma */
        while (q + 3 < len + 0 && s[q] == ',' && is_digit(s[q + 1]) && is_digit(s[q + 2]) &&
               is_digit(s[q + 3]) && (q + 4 >= len || !is_digit(s[q + 4]))) {
            v = v * 1000 + (s[q + 1] - '0') * 100 + (s[q + 2] - '0') * 10 + (s[q + 3] - '0');
            nd += 3;
            q += 4;
            t->flags |= TF_COMMA;
        }
        if (q + 3 == len && s[q] == ',' && is_digit(s[q + 1]) && is_digit(s[q + 2]) &&
            q + 3 <= len) {
            /* "1,23" at the very end: not a group */
        }
    }
    if (q + 1 < len && s[q] == '.' && is_digit(s[q + 1])) {
        size_t r = q + 1;
        while (r < len && is_digit(s[r])) r++;
        /* 192.168.1.2 and 2015.5.13 are not decimals */
        if (!(r + 1 < len && s[r] == '.' && is_digit(s[r + 1])) && !(p > 0 && s[p - 1] == '.')) {
            double f = 0.1;
            for (size_t k = q + 1; k < r; k++, f /= 10) v += (s[k] - '0') * f;
            q = r;
            t->flags |= TF_DEC;
        }
    }
    if (s[p] == '0' && nd > 1) t->flags |= TF_ZERO;
    t->val = v;
    t->ndig = (uint8_t)(nd > 255 ? 255 : nd);
    return q;
}

/* Value of a vulgar fraction character (½, ⅔, ¾...) at s[0..n), else 0. */
static double vulgar_fraction(const unsigned char *s, size_t n)
{
    if (n == 2 && s[0] == 0xC2) {
        if (s[1] == 0xBC) return 0.25;
        if (s[1] == 0xBD) return 0.5;
        if (s[1] == 0xBE) return 0.75;
    }
    if (n == 3 && s[0] == 0xE2 && s[1] == 0x85 && s[2] >= 0x90 && s[2] <= 0x9E) {
        static const double v[] = {1.0 / 7, 1.0 / 9, 0.1, 1.0 / 3, 2.0 / 3, 0.2, 0.4, 0.6,
                                   0.8, 1.0 / 6, 5.0 / 6, 0.125, 0.375, 0.625, 0.875};
        return v[s[2] - 0x90];
    }
    return 0;
}

/* Tokenize s[0..len) into *tv (which grows); returns the count. */
int nx_tokenize(const unsigned char *s, size_t len, struct tok **tv, int *cap)
{
    int n = 0;
    size_t p = 0;
    uint8_t space = TF_SPACE;
    while (p < len) {
        unsigned char c = s[p];
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            space = TF_SPACE;
            p++;
            continue;
        }
        if (c == 0xC2 && p + 1 < len && s[p + 1] == 0xA0) { /* no-break space */
            space = TF_SPACE;
            p += 2;
            continue;
        }
        if (c == 0xE2 && p + 2 < len && s[p + 1] == 0x80 &&
            (s[p + 2] == 0xAF || s[p + 2] == 0x89 || s[p + 2] == 0x8A)) { /* narrow, thin spaces */
            space = TF_SPACE;
            p += 3;
            continue;
        }
        if (n + 1 >= *cap) {
            int nc = *cap * 2;
            struct tok *nv = xmalloc((size_t)nc * sizeof *nv);
            memcpy(nv, *tv, (size_t)n * sizeof *nv);
            if (*cap > 256) free(*tv); /* the first block is the caller's stack */
            *tv = nv;
            *cap = nc;
        }
        struct tok *t = &(*tv)[n];
        t->s = (uint32_t)p;
        t->id = 0;
        t->kind = K_NONE;
        t->flags = space;
        t->ndig = 0;
        t->val = 0;
        space = 0;
        if (is_alpha(c)) {
            /* lowercase and hash in one pass; words longer than any in the table
             * are only skipped */
            unsigned char lw[16] = {0};
            uint32_t h = 2166136261u;
            size_t q = p, end = len - p > WORD_MAXLEN ? p + WORD_MAXLEN : len;
            while (q < end && is_alpha(s[q])) {
                unsigned char l = (unsigned char)(s[q] | 0x20);
                lw[q - p] = l;
                h = (h ^ l) * 16777619u;
                q++;
            }
            t->type = T_WORD;
            if (c <= 'Z') t->flags |= TF_CAP;
            if (q < len && is_alpha(s[q])) {
                while (q < len && is_alpha(s[q])) q++; /* too long to be in the table */
            } else {
                t->id = (uint16_t)lookup_hashed(lw, h);
                t->kind = WORD[t->id].kind;
            }
            p = q;
        } else if (is_digit(c) || (c == '.' && p + 1 < len && is_digit(s[p + 1]) &&
                                   (p == 0 || !is_digit(s[p - 1])))) {
            t->type = T_NUM;
            if (c == '.') {
                size_t r = p + 1;
                double v = 0, f = 0.1;
                while (r < len && is_digit(s[r])) v += (s[r++] - '0') * f, f /= 10;
                t->val = v;
                t->flags |= TF_DEC;
                p = r;
            } else {
                p = scan_number(s, p, len, t);
            }
        } else if (c >= 0x80) {
            /* typographic quotes and dashes read as their ASCII kin */
            size_t q = p + 1;
            while (q < len && (s[q] & 0xC0) == 0x80) q++;
            t->type = T_PUNCT;
            t->id = 0x80;
            double vf = vulgar_fraction(s + p, q - p);
            if (vf > 0) {
                t->type = T_NUM;
                t->val = vf;
                t->flags |= TF_DEC | TF_VULGAR;
                t->e = (uint32_t)q;
                p = q;
                n++;
                continue;
            }
            if (q - p == 3 && c == 0xE2 && s[p + 1] == 0x80) {
                unsigned char d = s[p + 2];
                if (d == 0x98 || d == 0x99) t->id = '\'';
                else if (d == 0x93 || d == 0x94) t->id = '-';
                else if (d == 0x9C || d == 0x9D) t->id = '"';
            }
            p = q;
        } else {
            t->type = T_PUNCT;
            t->id = c;
            p++;
        }
        t->e = (uint32_t)p;
        n++;
    }
    return n;
}

/* ==== Formatting ==== */

/* Write the decimal digits of u (at least width of them) at p; returns the end. */
char *nx_put_uint(char *p, unsigned long long u, int width)
{
    char tmp[24];
    int k = 0;
    do tmp[k++] = (char)('0' + u % 10), u /= 10;
    while (u);
    while (k < width) tmp[k++] = '0';
    while (k) *p++ = tmp[--k];
    return p;
}

void nx_fmt_num(char *out, size_t n, double v)
{
    if (v == floor(v) && fabs(v) < 1e15 && n >= 18) {
        char *p = out;
        if (v < 0) *p++ = '-', v = -v;
        p = nx_put_uint(p, (unsigned long long)v, 1);
        *p = 0;
    } else {
        snprintf(out, n, "%.10g", v);
    }
}
