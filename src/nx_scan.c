/* nx_scan.c - the normalizer's tokenizer and English word table. */
#include "nx_scan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* ==== Word table ==== */

const struct word WORD[W_COUNT] = {{"", 0, K_NONE, 0},
#define X(id, str, k, v) {str, (uint8_t)(sizeof str - 1), k, v},
                                   WORDS(X)
#undef X
};

#define HASH_SIZE 1024 /* power of two, > 2 * W_COUNT */

/* Built once by normalize_init, read-only afterwards.  A slot holds its word
 * zero-padded to 16 bytes, so a probe compares two integers and touches no
 * other memory. */
struct slot {
    uint64_t k0, k1;
    uint32_t id;
};
static struct slot word_hash[HASH_SIZE];
static int words_ready;

/* A word of up to 16 letters, lowercased and zero-padded, as two integers. */
struct wkey {
    uint64_t a, b;
};

/* Bytes 0xff then 0x00: a copy from MASK + 16 - n keeps the first n bytes. */
static const unsigned char MASK[32] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

/* The key of the n letters (n <= 16) at s[0..n); the 16 bytes from s must be
 * readable when whole is set, else only n of them.  Letters are lowercased by
 * setting bit 5 of every byte (all of them are ASCII letters); the copy keeps
 * byte order, so keys compare equal on any endianness. */
static struct wkey word_key(const unsigned char *s, size_t n, int whole)
{
    unsigned char tmp[16] = {0};
    uint64_t a, b, ma, mb, lc;
    if (!whole) memcpy(tmp, s, n), s = tmp;
    memcpy(&a, s, 8);
    memcpy(&b, s + 8, 8);
    memcpy(&ma, MASK + 16 - n, 8);
    memcpy(&mb, MASK + 24 - n, 8);
    memset(&lc, 0x20, 8);
    return (struct wkey){(a | lc) & ma, (b | lc) & mb};
}

static uint32_t hash_key(struct wkey k)
{
    uint64_t h = (k.a ^ (k.b * 0x9E3779B97F4A7C15u)) * 0xD6E8FEB86659FD93u;
    return (uint32_t)(h >> 40);
}

void nx_words_init(void)
{
    if (words_ready) return;
    memset(word_hash, 0, sizeof word_hash);
    for (int id = 1; id < W_COUNT; id++) {
        struct wkey k = word_key((const unsigned char *)WORD[id].s, WORD[id].len, 0);
        uint32_t h = hash_key(k) & (HASH_SIZE - 1);
        while (word_hash[h].id) h = (h + 1) & (HASH_SIZE - 1);
        word_hash[h].k0 = k.a;
        word_hash[h].k1 = k.b;
        word_hash[h].id = (uint32_t)id;
    }
    words_ready = 1;
}

/* Id of the word with key k, or W_NONE. */
static int lookup_key(struct wkey k)
{
    uint32_t h = hash_key(k) & (HASH_SIZE - 1);
    for (;;) {
        const struct slot *sl = &word_hash[h];
        if (!sl->id) return W_NONE;
        if (sl->k0 == k.a && sl->k1 == k.b) return (int)sl->id;
        h = (h + 1) & (HASH_SIZE - 1);
    }
}

/* ==== Tokenizer ==== */

static int is_alpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int ed_exception(const unsigned char *w, size_t n)
{
#define EX(s)                                                                                                          \
    {                                                                                                                  \
        s, sizeof s - 1                                                                                                \
    }
    static const struct {
        const char *s;
        size_t n;
    } ex[] = {EX("hundred"), EX("indeed"),    EX("united"),  EX("need"),     EX("speed"),     EX("proceed"),
              EX("exceed"),  EX("succeed"),   EX("sacred"),  EX("naked"),    EX("wicked"),    EX("kindred"),
              EX("seed"),    EX("feed"),      EX("breed"),   EX("greed"),    EX("bleed"),     EX("creed"),
              EX("tweed"),   EX("embed"),     EX("shred"),   EX("limited"),  EX("red"),       EX("bed"),
              EX("fed"),     EX("wed"),       EX("shed"),    EX("led"),      EX("fled"),      EX("bred"),
              EX("sled"),    EX("scheduled"), EX("planned"), EX("expected"), EX("estimated"), EX("needed")};
#undef EX
    for (size_t i = 0; i < sizeof ex / sizeof *ex; i++)
        if (ex[i].n == n && memcmp(ex[i].s, w, n) == 0) return 1;
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
    /* "1.111,11": dots between thousands, a decimal comma (continental style) */
    if (nd <= 3 && q + 5 < len && s[q] == '.' && !(p > 0 && (s[p - 1] == '.' || is_digit(s[p - 1])))) {
        size_t r = q;
        while (r + 4 < len && s[r] == '.' && is_digit(s[r + 1]) && is_digit(s[r + 2]) && is_digit(s[r + 3])) r += 4;
        if (r > q && r + 1 < len && s[r] == ',' && is_digit(s[r + 1])) {
            for (size_t k = q; k < r; k += 4)
                v = v * 1000 + (s[k + 1] - '0') * 100 + (s[k + 2] - '0') * 10 + (s[k + 3] - '0');
            size_t e = r + 1;
            double f = 0.1;
            while (e < len && is_digit(s[e])) v += (s[e++] - '0') * f, f /= 10;
            t->flags |= TF_COMMA | TF_DEC;
            t->val = v;
            size_t all = (size_t)nd + 3 * ((r - q) / 4);
            t->ndig = (uint8_t)(all > 255 ? 255 : all);
            return e;
        }
    }
    /* "12,34,567.89": Indian grouping, pairs of digits before the last three */
    if (nd <= 2 && q + 6 < len && s[q] == ',' && is_digit(s[q + 1]) && is_digit(s[q + 2]) && s[q + 3] == ',') {
        size_t r = q;
        while (r + 3 < len && s[r] == ',' && is_digit(s[r + 1]) && is_digit(s[r + 2]) && s[r + 3] == ',') r += 3;
        if (r + 3 < len && is_digit(s[r + 1]) && is_digit(s[r + 2]) && is_digit(s[r + 3]) &&
            (r + 4 >= len || !is_digit(s[r + 4]))) {
            for (size_t k = q; k < r; k += 3) v = v * 100 + (s[k + 1] - '0') * 10 + (s[k + 2] - '0'), nd += 2;
            v = v * 1000 + (s[r + 1] - '0') * 100 + (s[r + 2] - '0') * 10 + (s[r + 3] - '0');
            nd += 3;
            q = r + 4;
            t->flags |= TF_COMMA;
        }
    }
    /* "5,00", "1,3": a decimal comma, when one or two digits follow and no more
     * groups ("1,2,3" is a list) */
    if (nd <= 3 && !(t->flags & TF_COMMA) && q + 1 < len && s[q] == ',' && is_digit(s[q + 1]) &&
        !(p > 0 && (is_digit(s[p - 1]) || s[p - 1] == ',' || s[p - 1] == '.' || s[p - 1] == '/' || s[p - 1] == '-' ||
                    s[p - 1] == ':'))) {
        size_t r = q + 1;
        while (r < len && is_digit(s[r])) r++;
        if (r - q - 1 <= 2 && !(r < len && (s[r] == ',' || (s[r] == '.' && r + 1 < len && is_digit(s[r + 1]))))) {
            double f = 0.1;
            for (size_t k = q + 1; k < r; k++, f /= 10) v += (s[k] - '0') * f;
            t->flags |= TF_DEC;
            t->val = v;
            t->ndig = (uint8_t)nd;
            return r;
        }
    }
    if (nd <= 3 && !(t->flags & TF_COMMA)) {
        /* 1,234,567: groups of exactly three digits right after the comma */
        while (q + 3 < len + 0 && s[q] == ',' && is_digit(s[q + 1]) && is_digit(s[q + 2]) && is_digit(s[q + 3]) &&
               (q + 4 >= len || !is_digit(s[q + 4]))) {
            v = v * 1000 + (s[q + 1] - '0') * 100 + (s[q + 2] - '0') * 10 + (s[q + 3] - '0');
            nd += 3;
            q += 4;
            t->flags |= TF_COMMA;
        }
        if (q + 3 == len && s[q] == ',' && is_digit(s[q + 1]) && is_digit(s[q + 2]) && q + 3 <= len) {
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
        static const double v[] = {1.0 / 7, 1.0 / 9, 0.1,     1.0 / 3, 2.0 / 3, 0.2,   0.4,  0.6,
                                   0.8,     1.0 / 6, 5.0 / 6, 0.125,   0.375,   0.625, 0.875};
        return v[s[2] - 0x90];
    }
    return 0;
}

/* The end of the run of ASCII letters from s[p] on.  Eight bytes at a time
 * where the byte order allows: a byte b is a letter when (b | 0x20) lies in
 * 'a'..'z' and its top bit is clear; the sums below stay within each byte. */
static size_t alpha_run(const unsigned char *s, size_t p, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    while (p + 8 <= len) {
        uint64_t v;
        memcpy(&v, s + p, 8);
        uint64_t t = (v | 0x20 * ones) & ~high;
        uint64_t letter = (t + 0x1f * ones) & ~(t + 0x05 * ones) & ~v & high;
        uint64_t other = ~letter & high;
        if (other) return p + (size_t)(__builtin_ctzll(other) >> 3);
        p += 8;
    }
#endif
    while (p < len && is_alpha(s[p])) p++;
    return p;
}

/* Tokenize s[0..len) into *tv (which grows); returns the count. */
int nx_tokenize(const unsigned char *s, size_t len, struct tok **tv, int *cap)
{
    /* the array and its size in locals: stores to tokens cannot alias them */
    struct tok *tokv = *tv;
    int tcap = *cap;
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
        if (n + 1 >= tcap) {
            int nc = tcap * 2;
            struct tok *nv = xmalloc((size_t)nc * sizeof *nv);
            memcpy(nv, tokv, (size_t)n * sizeof *nv);
            if (tokv != *tv) free(tokv); /* the first block is the caller's */
            tokv = nv;
            tcap = nc;
        }
        struct tok *t = &tokv[n];
        t->s = (uint32_t)p;
        t->id = 0;
        t->kind = K_NONE;
        t->flags = space;
        t->ndig = 0;
        t->val = 0;
        space = 0;
        if (is_alpha(c)) {
            /* find the end, then look the word up whole (words longer than
             * any in the table are only skipped) */
            size_t q = alpha_run(s, p + 1, len);
            t->type = T_WORD;
            if (c <= 'Z') t->flags |= TF_CAP;
            if (q - p <= WORD_MAXLEN) {
                t->id = (uint16_t)lookup_key(word_key(s + p, q - p, p + 16 <= len));
                t->kind = WORD[t->id].kind;
            }
            p = q;
        } else if (is_digit(c) || (c == '.' && p + 1 < len && is_digit(s[p + 1]) && (p == 0 || !is_digit(s[p - 1])))) {
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
                if (d == 0x98 || d == 0x99)
                    t->id = '\'';
                else if (d == 0x93 || d == 0x94)
                    t->id = '-';
                else if (d == 0x9C || d == 0x9D)
                    t->id = '"';
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
    *tv = tokv;
    *cap = tcap;
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
