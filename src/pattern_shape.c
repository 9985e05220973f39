/* pattern_shape.c - what every match of an extractor's pattern needs.
 *
 * A small recursive descent over PCRE2 syntax that computes, for each
 * alternative and sequence, what its match can begin with (one of the
 * annotation macros such as {ACTOR} or {DATE}, something else, or nothing:
 * it may be empty), and which annotation macros it cannot do without.
 *
 * Two levels of giving up: a construct that acts on where a match starts or
 * how a search goes on (an anchor such as ^, \K, (*COMMIT)) only makes the
 * start unknown ("nostart"); one that the parser cannot follow at all (a
 * conditional, (?x), \Q, (*ACCEPT), an unbalanced macro) makes everything
 * unknown ("lost").
 */
#include "pattern_shape.h"

#include <string.h>

#define MAX_DEPTH 16 /* macro nesting, as the expander allows */

struct first {
    unsigned classes; /* annotation macros a match may begin with */
    int other;        /* ... or it may begin with anything else */
    int nullable;     /* it may match the empty string */
    int dead;         /* it never matches ((*FAIL)) */
    /* each match spans an annotation of each of these class sets */
    unsigned need[PATTERN_NEEDS];
    int nneed;
};

struct ps {
    const char *s;
    size_t n, i;
    pattern_macro_fn macro;
    void *ctx;
    int depth;
    int nostart; /* the start cannot be told */
    int lost;    /* nothing can be told */
};

static const struct first ZERO_WIDTH = {0, 0, 1, 0, {0}, 0};
static const struct first OTHER = {0, 1, 0, 0, {0}, 0};

static struct first parse_alt(struct ps *p);

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Skip to just past the next c; bad if there is none. */
static void skip_past(struct ps *p, char c)
{
    while (p->i < p->n && p->s[p->i] != c) p->i++;
    if (p->i >= p->n)
        p->lost = 1;
    else
        p->i++;
}

static void expect_close(struct ps *p)
{
    if (p->i < p->n && p->s[p->i] == ')')
        p->i++;
    else
        p->lost = 1;
}

/* A group's alternatives, then its ')'. */
static struct first group_body(struct ps *p)
{
    struct first f = parse_alt(p);
    expect_close(p);
    return f;
}

/* A lookaround: read for its syntax, but it consumes nothing. */
static struct first assertion(struct ps *p)
{
    (void)group_body(p);
    return ZERO_WIDTH;
}

/* (*VERB) or (*VERB:NAME); p->i is past "(*". */
static struct first verb(struct ps *p)
{
    size_t st = p->i;
    while (p->i < p->n && p->s[p->i] != ')' && p->s[p->i] != ':') p->i++;
    size_t len = p->i - st;
    skip_past(p, ')');
    if ((len == 1 && p->s[st] == 'F') || (len == 4 && memcmp(p->s + st, "FAIL", 4) == 0))
        return (struct first){0, 0, 0, 1, {0}, 0};
    if (len == 0) return ZERO_WIDTH; /* (*:NAME), a mark */
    /* COMMIT, PRUNE, SKIP and THEN act on where the search goes on */
    if ((len == 6 && (memcmp(p->s + st, "COMMIT", 6) == 0)) || (len == 5 && memcmp(p->s + st, "PRUNE", 5) == 0) ||
        (len == 4 && (memcmp(p->s + st, "SKIP", 4) == 0 || memcmp(p->s + st, "THEN", 4) == 0))) {
        p->nostart = 1;
        return ZERO_WIDTH;
    }
    /* ACCEPT ends a match before what follows; the alpha assertions
     * ((*pla:...)) are not followed */
    p->lost = 1;
    return ZERO_WIDTH;
}

/* After '(': a group, an assertion, a comment, an option setting... */
static struct first group(struct ps *p)
{
    const char *s = p->s;
    if (p->i < p->n && s[p->i] == '*') {
        p->i++;
        return verb(p);
    }
    if (p->i >= p->n || s[p->i] != '?') return group_body(p); /* a capture group */
    p->i++;
    char c = p->i < p->n ? s[p->i] : '\0';
    switch (c) {
    case '#': skip_past(p, ')'); return ZERO_WIDTH;
    case ':':
    case '>':
    case '|': p->i++; return group_body(p);
    case '=':
    case '!': p->i++; return assertion(p);
    case '<':
        if (p->i + 1 < p->n && (s[p->i + 1] == '=' || s[p->i + 1] == '!')) {
            p->i += 2;
            return assertion(p);
        }
        if (p->i + 1 < p->n && s[p->i + 1] == '*') { /* (?<*...): a non-atomic lookbehind, not followed */
            p->lost = 1;
            return OTHER;
        }
        skip_past(p, '>'); /* (?<name> */
        return group_body(p);
    case '\'':
        p->i++;
        skip_past(p, '\'');
        return group_body(p);
    case 'P':
        if (p->i + 1 < p->n && s[p->i + 1] == '<') {
            skip_past(p, '>');
            return group_body(p);
        }
        /* (?P=name), a backreference; (?P>name), a subroutine call */
        skip_past(p, ')');
        p->nostart = 1;
        return OTHER;
    case 'C': /* a callout: (?C), (?C12) */
        p->i++;
        while (p->i < p->n && is_digit(s[p->i])) p->i++;
        expect_close(p);
        return ZERO_WIDTH;
    default: break;
    }
    /* option letters: (?i) or (?i:...); anything else here ((?R),
     * (?1), (?&name), (?(cond)...)) is recursion or a conditional */
    size_t st = p->i;
    while (p->i < p->n && s[p->i] && strchr("imnsxJU-^", s[p->i])) p->i++;
    if (p->i == st || p->i >= p->n) {
        p->lost = 1; /* a conditional, recursion, a subroutine call */
        return OTHER;
    }
    if (memchr(s + st, 'x', p->i - st)) p->lost = 1; /* whitespace and # change meaning */
    if (s[p->i] == ')') {
        p->i++;
        return ZERO_WIDTH;
    }
    if (s[p->i] != ':') {
        p->lost = 1;
        return OTHER;
    }
    p->i++;
    return group_body(p);
}

/* After '[': a character class, to its closing ']'. */
static struct first char_class(struct ps *p)
{
    const char *s = p->s;
    if (p->i < p->n && s[p->i] == '^') p->i++;
    if (p->i < p->n && s[p->i] == ']') p->i++; /* a literal ']' first */
    while (p->i < p->n && s[p->i] != ']') {
        if (s[p->i] == '\\' && p->i + 1 < p->n && s[p->i + 1] == 'Q') {
            p->lost = 1; /* \Q...\E in a class: not followed */
            return OTHER;
        }
        if (s[p->i] == '\\') {
            p->i += 2;
            continue;
        }
        if (s[p->i] == '[' && p->i + 1 < p->n && s[p->i + 1] == ':') { /* [:alpha:] or [:^alpha:]; else a '[' */
            size_t j = p->i + 2;
            if (j < p->n && s[j] == '^') j++;
            size_t name = j;
            while (j < p->n && s[j] >= 'a' && s[j] <= 'z') j++;
            if (j > name && j + 1 < p->n && s[j] == ':' && s[j + 1] == ']') {
                p->i = j + 2;
                continue;
            }
        }
        p->i++;
    }
    if (p->i >= p->n)
        p->lost = 1;
    else
        p->i++;
    return OTHER;
}

/* After '\\'. */
static struct first escape(struct ps *p)
{
    if (p->i >= p->n) {
        p->lost = 1;
        return OTHER;
    }
    char c = p->s[p->i++];
    switch (c) {
    case 'b':
    case 'B':
    case 'z':
    case 'Z':
    case 'E': return ZERO_WIDTH;
    case 'A': /* anchors; \K resets the start of the match */
    case 'G':
    case 'K': p->nostart = 1; return ZERO_WIDTH;
    case 'Q': /* to \E, literally: a {MACRO} inside would not be one */
    case 'g': /* backreferences (maybe empty) and subroutine calls */
    case 'k': p->lost = 1; return OTHER;
    case 'x':
    case 'o':
    case 'p':
    case 'P':
    case 'N':
        if (p->i < p->n && p->s[p->i] == '{')
            skip_past(p, '}');
        else if (c == 'p' || c == 'P')
            p->i++;
        return OTHER;
    case 'c': p->i++; return OTHER;
    default: break;
    }
    if (is_digit(c) && c != '0') p->nostart = 1; /* a backreference (maybe empty) */
    while (p->i < p->n && ((unsigned char)p->s[p->i] & 0xC0) == 0x80) p->i++;
    return OTHER;
}

/* A macro use "{NAME}" at s (n bytes): its length, with what p->macro
 * says of the name (1: annotation macro, its classes; 2: pattern macro, its
 * text; 0: unknown) in *kind; 0 when s is no macro use. */
static size_t macro_at(const struct ps *p, const char *s, size_t n, int *kind, unsigned *classes, const char **text)
{
    if (n < 3 || s[0] != '{' || !is_upper(s[1])) return 0;
    size_t j = 1;
    while (j < n && (is_upper(s[j]) || is_digit(s[j]) || s[j] == '_')) j++;
    if (j >= n || s[j] != '}' || j - 1 >= 64) return 0;
    char name[64];
    memcpy(name, s + 1, j - 1);
    name[j - 1] = '\0';
    *classes = 0;
    *text = NULL;
    *kind = p->macro(p->ctx, name, classes, text);
    if (*kind == 2 && !*text) *kind = 0;
    return j + 1;
}

/* After '{': a macro, or a literal brace. */
static struct first macro(struct ps *p)
{
    int kind;
    unsigned classes;
    const char *text;
    size_t k = macro_at(p, p->s + p->i - 1, p->n - p->i + 1, &kind, &classes, &text);
    if (!k) return OTHER;
    p->i += k - 1;
    if (kind == 1) return (struct first){classes, 0, 0, 0, {classes}, 1};
    if (kind != 2 || p->depth >= MAX_DEPTH) {
        p->lost = 1;
        return OTHER;
    }
    struct ps sub = {text, strlen(text), 0, p->macro, p->ctx, p->depth + 1, 0, 0};
    struct first f = parse_alt(&sub);
    if (sub.lost || sub.i != sub.n) p->lost = 1; /* unbalanced: not followed */
    if (sub.nostart) p->nostart = 1;
    return f;
}

static struct first item(struct ps *p)
{
    unsigned char c = (unsigned char)p->s[p->i++];
    switch (c) {
    case '(': return group(p);
    case '[': return char_class(p);
    case '\\': return escape(p);
    case '{': return macro(p);
    case '$': return ZERO_WIDTH;
    case '^': p->nostart = 1; return ZERO_WIDTH;
    default: break;
    }
    while (p->i < p->n && ((unsigned char)p->s[p->i] & 0xC0) == 0x80) p->i++;
    return OTHER;
}

static void quantifier(struct ps *p, struct first *f);

/* Does a quantifier start s? */
static int quantifier_at(const char *s, size_t n)
{
    struct ps p = {s, n, 0, NULL, NULL, 0, 0, 0};
    struct first f = ZERO_WIDTH;
    quantifier(&p, &f);
    return p.i > 0;
}

/* A quantifier after an item: may it repeat zero times? */
static void quantifier(struct ps *p, struct first *f)
{
    const char *s = p->s;
    if (p->i >= p->n) return;
    int min = -1;
    if (s[p->i] == '?' || s[p->i] == '*' || s[p->i] == '+') {
        min = s[p->i] == '+';
        p->i++;
    } else if (s[p->i] == '{') {
        /* {n}, {n,}, {n,m}; and, as PCRE2 10.43 reads them, {,m} and
         * spaces inside (10.42 takes those as literal text after the item,
         * which leaves the item as needed as reading them as {0,m} does not) */
        size_t j = p->i + 1;
        int m = 0, digits = 0;
        while (j < p->n && s[j] == ' ') j++;
        while (j < p->n && is_digit(s[j])) m = m < 100000 ? m * 10 + (s[j++] - '0') : (j++, m), digits = 1;
        while (j < p->n && s[j] == ' ') j++;
        int comma = j < p->n && s[j] == ',';
        if (comma) {
            j++;
            while (j < p->n && (is_digit(s[j]) || s[j] == ' ')) j++;
        }
        if ((!digits && !comma) || j >= p->n || s[j] != '}') return; /* a literal '{' */
        min = m;
        p->i = j + 1;
    }
    if (min < 0) return;
    if (p->i < p->n && (s[p->i] == '?' || s[p->i] == '+')) p->i++; /* lazy, possessive */
    if (min == 0) {
        f->nullable = 1;
        f->dead = 0;
        f->nneed = 0;
    }
}

static struct first parse_seq(struct ps *p)
{
    struct first r = ZERO_WIDTH;
    while (p->i < p->n && p->s[p->i] != '|' && p->s[p->i] != ')' && !p->lost) {
        struct first it = item(p);
        quantifier(p, &it);
        if (it.dead) r.dead = 1;
        if (r.nullable) {
            r.classes |= it.classes;
            r.other |= it.other;
            r.nullable = it.nullable;
        }
        for (int k = 0; k < it.nneed && r.nneed < PATTERN_NEEDS; k++) r.need[r.nneed++] = it.need[k];
    }
    return r;
}

/* Alternatives: a need of every live branch is one of the k-th needs of
 * each (branch b needs need_b[k], so it needs their union). */
static struct first parse_alt(struct ps *p)
{
    struct first r = {0, 0, 0, 1, {0}, 0};
    for (;;) {
        struct first b = parse_seq(p);
        if (!b.dead) {
            if (r.dead) {
                r.nneed = b.nneed;
                memcpy(r.need, b.need, sizeof r.need);
            } else {
                if (b.nneed < r.nneed) r.nneed = b.nneed;
                for (int k = 0; k < r.nneed; k++) r.need[k] |= b.need[k];
            }
            r.classes |= b.classes;
            r.other |= b.other;
            r.nullable |= b.nullable;
            r.dead = 0;
        }
        if (p->lost || p->i >= p->n || p->s[p->i] != '|') break;
        p->i++;
    }
    return r;
}

/* Is text, to its end (or to n bytes), balanced in its groups, with the
 * pattern macros it names balanced too, free of annotation macros, and
 * free of what would read differently compiled alone: recursion and
 * subroutine calls ((?R), (?1), (?&name), \g), and (?x) and \Q, which the
 * scan does not follow?  search: it is to be searched for rather than tried
 * inside a lookahead, where a backtracking verb ((*PRUNE), (*SKIP)...)
 * acts differently, so it has none. */
static int plain_balanced(struct ps *p, const char *s, size_t n, int depth, int search)
{
    int open = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\\') {
            if (i + 1 < n && (s[i + 1] == 'Q' || s[i + 1] == 'g')) return 0;
            i++;
        } else if (c == '(' && i + 1 < n && s[i + 1] == '*') {
            if (search) return 0;
            open++;
        } else if (c == '(' && i + 2 < n && s[i + 1] == '?') {
            char d = s[i + 2];
            if (d == 'R' || is_digit(d) || d == '+' || d == '&' || d == '(' ||
                (d == '-' && i + 3 < n && is_digit(s[i + 3])) || (d == 'P' && i + 3 < n && s[i + 3] == '>'))
                return 0;
            for (size_t j = i + 2; j < n && strchr("imnsxJU-^", s[j]) && s[j]; j++)
                if (s[j] == 'x') return 0;
            open++;
        } else if (c == '[') {
            struct ps sub = {s, n, i + 1, p->macro, p->ctx, 0, 0, 0};
            (void)char_class(&sub);
            if (sub.lost) return 0;
            i = sub.i - 1;
        } else if (c == '(') {
            open++;
        } else if (c == ')') {
            if (--open < 0) return 0;
        } else if (c == '{') {
            int kind;
            unsigned classes;
            const char *text;
            size_t k = macro_at(p, s + i, n - i, &kind, &classes, &text);
            if (!k) continue;
            if (kind != 2 || depth >= MAX_DEPTH || !plain_balanced(p, text, strlen(text), depth + 1, search)) return 0;
            i += k - 1;
        }
    }
    return open == 0;
}

/* The length of a sentence guard at the start of s, or 0:
 *   (?:^(?!BODY)(*COMMIT)(*FAIL)|)
 * At offset 0 it ends the whole search when the sentence lacks BODY; at any
 * other offset it matches empty.  BODY must be balanced and name no
 * annotation macro, so that the guard compiles alone to the same test. */
static size_t guard_len(struct ps *p, const char *s, size_t n, int search)
{
    static const char head[] = "(?:^(?!", tail[] = ")(*COMMIT)(*FAIL)|)";
    const size_t nh = sizeof head - 1, nt = sizeof tail - 1;
    if (n < nh + nt || memcmp(s, head, nh) != 0) return 0;
    /* the body ends where the tail starts; a body holding the tail's text
     * is not balanced before it and is refused */
    for (size_t e = nh; e + nt <= n; e++) {
        if (memcmp(s + e, tail, nt) != 0) continue;
        return plain_balanced(p, s + nh, e - nh, 0, search) ? e + nt : 0;
    }
    return 0;
}

/* The leading sentence guards of the pattern, written out or as macros
 * whose whole text is one: their length. */
static size_t leading_guards(struct ps *p)
{
    size_t g = 0;
    for (;;) {
        const char *s = p->s + g;
        size_t n = p->n - g, k = guard_len(p, s, n, 0);
        if (!k) { /* a macro whose whole text is a guard */
            int kind;
            unsigned classes;
            const char *text;
            size_t m = macro_at(p, s, n, &kind, &classes, &text);
            if (m && kind == 2 && guard_len(p, text, strlen(text), 0) == strlen(text)) k = m;
        }
        /* a quantified guard ({0}, ??) may not run first, or at all */
        if (!k || (k < n && quantifier_at(s + k, n - k))) return g;
        g += k;
    }
}

void pattern_shape(const char *pattern, pattern_macro_fn look, void *ctx, struct pattern_shape *out)
{
    struct ps p = {pattern, strlen(pattern), 0, look, ctx, 0, 0, 0};
    memset(out, 0, sizeof *out);
    out->guard = leading_guards(&p);
    p.i = out->guard;
    struct first f = parse_alt(&p);
    if (p.lost || p.i != p.n || f.dead) return;
    memcpy(out->need, f.need, sizeof out->need);
    out->nneed = f.nneed;
    if (!p.nostart && !f.other && !f.nullable) out->start = f.classes;
}

const char *pattern_guard_search(const char *pattern, size_t guard, pattern_macro_fn look, void *ctx, size_t *len)
{
    const char *s = pattern;
    size_t n = guard;
    struct ps p = {pattern, guard, 0, look, ctx, 0, 0, 0};
    int kind;
    unsigned classes;
    const char *text;
    size_t m = macro_at(&p, s, n, &kind, &classes, &text);
    if (m && m == n) { /* one macro */
        if (kind != 2) return NULL;
        s = text;
        n = strlen(text);
    }
    if (guard_len(&p, s, n, 1) != n) return NULL; /* not exactly one guard, or not one to search for */
    static const char head[] = "(?:^(?![\\s\\S]*?", tail[] = ")(*COMMIT)(*FAIL)|)";
    const size_t nh = sizeof head - 1, nt = sizeof tail - 1;
    if (n < nh + nt || memcmp(s, head, nh) != 0) return NULL;
    const char *body = s + nh;
    size_t bl = n - nh - nt;
    if (!bl || body[0] == '?' || body[0] == '+' || body[0] == '{') return NULL;
    /* [\s\S]*? must reach the whole body: no alternative at its top level.
     * It also reaches every offset a search tries because sentences are
     * valid UTF-8 (documents are repaired when read): under
     * PCRE2_MATCH_INVALID_UTF it would stop at a bad byte. */
    int depth = 0;
    for (size_t i = 0; i < bl; i++) {
        char c = body[i];
        if (c == '\\') {
            i++;
        } else if (c == '[') {
            struct ps sub = {body, bl, i + 1, look, ctx, 0, 0, 0};
            (void)char_class(&sub);
            if (sub.lost) return NULL;
            i = sub.i - 1;
        } else if (c == '(') {
            depth++;
        } else if (c == ')') {
            depth--;
        } else if (c == '|' && depth == 0) {
            return NULL;
        }
    }
    *len = bl;
    return body;
}
