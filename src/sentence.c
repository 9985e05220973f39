/* sentence.c - split article text into sentences in one pass, without regexes. */
#include "sentence.h"

#include <string.h>

#include "xalloc.h"

#define SHORT_LINE 60  /* a line shorter than this, without end punctuation, may be a heading */
#define ABBR_MAX 8     /* longest abbreviation token looked at, without its final period */
#define TAIL_WORDS 8   /* an attribution tail after a quote: at most this many words */
#define TAIL_VERB_BY 4 /* ... with its speech verb among the first ones */

/* What a period after a word means. */
enum abbr {
    ABBR_NONE,      /* an ordinary word: the period may end the sentence */
    ABBR_NEVER_END, /* a title or initial ("Mr.", "Feb.", "J."): never ends one */
    ABBR_MAY_END,   /* "U.S.", "Inc.", "etc.": ends one only before a typical sentence opener */
};

struct splitter {
    const char *t;
    size_t end;
    struct sentence *v;
    size_t n, cap;
    uint32_t para;
    int para_break; /* a paragraph ended since the last sentence */
};

/* ==== Character classes ==== */

/* Bytes the main loop stops at: newline, terminators and the lead byte of U+2026. */
static const unsigned char special[256] = {['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1};

static int is_hspace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
static int is_space(unsigned char c)
{
    return is_hspace(c) || c == '\n';
}
static int is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}
static int is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}
static int is_alpha(unsigned char c)
{
    return is_upper(c) || is_lower(c);
}
static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Does the 3-byte sequence E2 80 x sit at i? */
static int punct3(const char *t, size_t i, size_t end, unsigned char x)
{
    return i + 3 <= end && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
           (unsigned char)t[i + 2] == x;
}

/* Length of a sentence terminator at i: . ! ? or U+2026 (ellipsis); 0 if none. */
static size_t term_len(const char *t, size_t i, size_t end)
{
    char c = t[i];
    if (c == '.' || c == '!' || c == '?') return 1;
    return punct3(t, i, end, 0xA6) ? 3 : 0;
}

/* Length of a closing quote or bracket at i; *quote set when it is a quote. */
static size_t closer_len(const char *t, size_t i, size_t end, int *quote)
{
    char c = t[i];
    if (c == '"' || c == '\'') return *quote = 1, 1;
    if (c == ')' || c == ']' || c == '}') return 1;
    if (punct3(t, i, end, 0x9D) || punct3(t, i, end, 0x99)) return *quote = 1, 3; /* ” ’ */
    if (i + 2 <= end && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xBB) return *quote = 1, 2; /* » */
    return 0;
}

/* Length of a closer that ends at e (looking backwards); 0 if none. */
static size_t closer_before(const char *t, size_t lo, size_t e)
{
    char c = t[e - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}') return 1;
    if (e >= lo + 3 && (punct3(t, e - 3, e, 0x9D) || punct3(t, e - 3, e, 0x99))) return 3;
    if (e >= lo + 2 && (unsigned char)t[e - 2] == 0xC2 && (unsigned char)t[e - 1] == 0xBB) return 2;
    return 0;
}

/* Could a sentence start at p?  Capitals, digits, opening quotes and
 * brackets, currency, list bullets and letters of scripts without case do;
 * lowercase letters do not. */
static int plausible_start(const char *t, size_t p, size_t end)
{
    unsigned char c = (unsigned char)t[p];
    if (c < 0x80) return is_upper(c) || is_digit(c) || (c && strchr("\"'([$#*-", c));
    if (p + 1 >= end) return 0;
    unsigned char c1 = (unsigned char)t[p + 1];
    if (c == 0xC3) return c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97; /* À..Þ */
    if (c == 0xC2) return c1 == 0xAB || c1 == 0xA3;               /* « £ */
    if (c == 0xD0) return c1 >= 0x80 && c1 <= 0xAF;               /* Cyrillic capitals */
    if (c == 0xCE) return c1 >= 0x91 && c1 <= 0xA9;               /* Greek capitals */
    if (c == 0xE2)                                                /* “ ‘ • € */
        return punct3(t, p, end, 0x9C) || punct3(t, p, end, 0x98) || punct3(t, p, end, 0xA2) ||
               (p + 3 <= end && (unsigned char)t[p + 1] == 0x82 && (unsigned char)t[p + 2] == 0xAC);
    return c >= 0xD6; /* Hebrew, Arabic, CJK...: no case */
}

/* ==== Abbreviations ==== */

/* A word list entry with its length, so most comparisons stop at the length. */
struct word {
    const char *s;
    size_t n;
};
#define W(lit)                                                                                                         \
    {                                                                                                                  \
        lit, sizeof lit - 1                                                                                            \
    }

static int word_in(const char *t, size_t a, size_t b, const struct word *list)
{
    for (; list->s; list++)
        if (list->n == b - a && t[a] == list->s[0] && memcmp(t + a, list->s, list->n) == 0) return 1;
    return 0;
}

/* Class of the word t[a..b) that a period follows (the period is at b). */
static enum abbr classify(const char *t, size_t a, size_t b)
{
    static const struct word never[] = {
        W("Mr"),  W("Mrs"), W("Ms"),   W("Dr"),   W("Prof"), W("Gen"), W("Col"), W("Lt"),  W("Sgt"),    W("Rep"),
        W("Sen"), W("Gov"), W("Pres"), W("St"),   W("Capt"), W("Maj"), W("Adm"), W("Rev"), W("Hon"),    W("Mt"),
        W("Ft"),  W("vs"),  W("e.g"),  W("i.e"),  W("No"),   W("Nos"), W("Jan"), W("Feb"), W("Mar"),    W("Apr"),
        W("Jun"), W("Jul"), W("Aug"),  W("Sept"), W("Sep"),  W("Oct"), W("Nov"), W("Dec"), W("approx"), W("cf"),
        W("al"),  W("pp"),  W("ca"),   W("fig"),  W("vol"),  {NULL, 0}};
    static const struct word may_end[] = {W("Inc"), W("Ltd"), W("Co"),  W("Corp"),
                                          W("Jr"),  W("Sr"),  W("etc"), {NULL, 0}};
    if (a == b) return ABBR_NONE;
    if (word_in(t, a, b, never)) return ABBR_NEVER_END;
    if (word_in(t, a, b, may_end)) return ABBR_MAY_END;
    if (b - a == 1) /* "J. Smith" may end a sentence before "The"; "p. 4", "c. 1900" never */
        return is_upper((unsigned char)t[a]) ? ABBR_MAY_END : ABBR_NEVER_END;
    /* letters joined by periods: U.S, U.K, E.U, a.m, p.m, J.R.R */
    if (b - a >= 3) {
        for (size_t i = a; i < b; i++)
            if ((i - a) % 2 == 0 ? !is_alpha((unsigned char)t[i]) : t[i] != '.') return ABBR_NONE;
        return ABBR_MAY_END;
    }
    return ABBR_NONE;
}

/* Class of the token before the period at q (letters and inner periods). */
static enum abbr abbr_before(const char *t, size_t lo, size_t q)
{
    size_t a = q;
    while (a > lo && q - a <= ABBR_MAX && (is_alpha((unsigned char)t[a - 1]) || t[a - 1] == '.')) a--;
    if (q - a > ABBR_MAX) return ABBR_NONE;
    if (a > lo && is_digit((unsigned char)t[a - 1])) return ABBR_NONE;
    return classify(t, a, q);
}

/* Is the word at p a usual sentence opener ("The", "He", "In"...)? */
static int opener_word(const char *t, size_t p, size_t end)
{
    static const struct word openers[] = {
        W("The"),   W("This"),  W("That"),      W("These"),   W("Those"),     W("He"),    W("She"),
        W("It"),    W("They"),  W("We"),        W("I"),       W("In"),        W("On"),    W("At"),
        W("But"),   W("And"),   W("A"),         W("An"),      W("His"),       W("Her"),   W("Its"),
        W("Their"), W("There"), W("Meanwhile"), W("However"), W("According"), W("After"), W("Before"),
        W("Since"), W("When"),  W("While"),     W("As"),      W("If"),        {NULL, 0}};
    size_t e = p;
    while (e < end && is_alpha((unsigned char)t[e])) e++;
    return word_in(t, p, e, openers);
}

/* A Markdown heading at p: "# ", "## "... */
static int heading(const char *t, size_t p, size_t end)
{
    size_t q = p;
    while (q < end && q - p < 6 && t[q] == '#') q++;
    return q > p && q < end && t[q] == ' ';
}

/* Does a Markdown block start at p: a heading, a list item, a quote? */
static int block_start(const char *t, size_t p, size_t end)
{
    if (p >= end) return 0;
    char c = t[p];
    if (heading(t, p, end)) return 1;
    if ((c == '-' || c == '*' || c == '+' || c == '>') && p + 1 < end && t[p + 1] == ' ') return 1;
    if (punct3(t, p, end, 0xA2)) return 1; /* • */
    size_t q = p;
    while (q < end && q - p < 3 && is_digit((unsigned char)t[q])) q++;
    return q > p && q + 1 < end && (t[q] == '.' || t[q] == ')') && t[q + 1] == ' ';
}

/* "1." at the start of a line is a list number, not the end of a sentence. */
static int list_number(const char *t, size_t line_start, size_t q)
{
    size_t a = q;
    while (a > line_start && is_digit((unsigned char)t[a - 1]) && q - a < 4) a--;
    if (a == q) return 0;
    while (a > line_start && is_hspace((unsigned char)t[a - 1])) a--;
    return a == line_start;
}

/* After a quote that ends in a period, is the text at p an attribution that
 * belongs to it: at most TAIL_WORDS words, a speech verb among them, and the
 * clause closing right there or a few words later ("Bennett added.", "an
 * official said on Sunday.", "the Kremlin said,")? */
static int attribution_tail(const char *t, size_t p, size_t end)
{
    static const struct word verbs[] = {W("said"),         W("says"),     W("added"),    W("adds"),      W("noted"),
                                        W("stated"),       W("wrote"),    W("writes"),   W("explained"), W("continued"),
                                        W("insisted"),     W("warned"),   W("declared"), W("asked"),     W("replied"),
                                        W("tweeted"),      W("argued"),   W("stressed"), W("concluded"), W("remarked"),
                                        W("acknowledged"), W("admitted"), W("claimed"),  {NULL, 0}};
    size_t i = p;
    int verb_at = -1;
    for (int w = 0; w < TAIL_WORDS && i < end; w++) {
        size_t a = i;
        while (i < end &&
               (is_alpha((unsigned char)t[i]) || is_digit((unsigned char)t[i]) || t[i] == '\'' || t[i] == '-'))
            i++;
        if (i == a) return 0;
        if (verb_at < 0 && w < TAIL_VERB_BY && word_in(t, a, i, verbs)) verb_at = w;
        if (i == end || t[i] == '.' || t[i] == ',' || t[i] == ';' || t[i] == '\n') return verb_at >= 0;
        if (t[i] != ' ') return 0;
        while (i < end && t[i] == ' ') i++;
    }
    return 0;
}

/* ==== Output ==== */

/* Where to cut a sentence t[a..b) that is longer than SENTENCE_MAX: after
 * the last space in the first SENTENCE_MAX bytes (when it leaves at least
 * half of them), else at the last character boundary within them. */
static size_t cut_at(const char *t, size_t a)
{
    size_t c = a + SENTENCE_MAX;
    for (size_t i = c; i > a + SENTENCE_MAX / 2; i--)
        if (is_space((unsigned char)t[i - 1])) return i;
    while (c > a + 1 && ((unsigned char)t[c] & 0xC0) == 0x80) c--;
    return c;
}

static void emit(struct splitter *s, size_t a, size_t b)
{
    for (;;) {
        while (a < b && is_space((unsigned char)s->t[a])) a++;
        while (b > a && is_space((unsigned char)s->t[b - 1])) b--;
        if (a == b) return;
        if (s->para_break && s->n) s->para++;
        s->para_break = 0;
        size_t e = b - a > SENTENCE_MAX ? cut_at(s->t, a) : b;
        size_t e1 = e;
        while (e1 > a && is_space((unsigned char)s->t[e1 - 1])) e1--;
        XGROW(s->v, s->cap, s->n + 1);
        s->v[s->n++] = (struct sentence){(uint32_t)a, (uint32_t)e1, s->para};
        if (e == b) return;
        a = e;
    }
}

/* ==== Decisions ==== */

/* Terminators from i (ellipsis: two or more periods, or U+2026; single: one
 * character), then closers (closed: at least one; quoted: a quote among
 * them), then spaces, then p on the same line: does the sentence end there? */
static int ends_inline(const struct splitter *s, size_t lo, size_t line_start, size_t i, int ellipsis, int single,
                       int closed, size_t p, int quoted)
{
    const char *t = s->t;
    if (ellipsis) return 0; /* "..." and U+2026 go on ("it was ... much worse") */
    if (!plausible_start(t, p, s->end)) return 0;
    if (t[i] == '.' && single && !closed) { /* "No." is a word, not an abbreviation */
        enum abbr a = abbr_before(t, lo, i);
        if (a == ABBR_NEVER_END) return 0;
        if (a == ABBR_MAY_END && !opener_word(t, p, s->end)) return 0;
        if (list_number(t, line_start, i)) return 0;
    }
    if (quoted && attribution_tail(t, p, s->end)) return 0;
    return 1;
}

/* Does the line t[line_start..e) (e after trailing space) end a sentence
 * before a newline, the next line starting at next? */
static int ends_line(const struct splitter *s, size_t lo, size_t line_start, size_t e, size_t next)
{
    const char *t = s->t;
    size_t cl, e0 = e;
    while (e > line_start && (cl = closer_before(t, line_start, e))) e -= cl;
    if (e == line_start) return 0;
    if (heading(t, line_start, e) || block_start(t, next, s->end)) return 1;
    if (is_lower((unsigned char)t[next])) return 0; /* hard-wrapped prose goes on */
    if (e >= line_start + 3 && punct3(t, e - 3, e, 0xA6)) return 1;
    char c = t[e - 1];
    if (c == '!' || c == '?') return 1;
    if (c != '.') return 0;
    if (e >= line_start + 2 && t[e - 2] == '.') return 1; /* "..." */
    if (e != e0) return 1;                                /* '."': no abbreviation */
    enum abbr a = abbr_before(t, lo, e - 1);
    if (a == ABBR_NEVER_END) return 0;
    if (a == ABBR_MAY_END) return opener_word(t, next, s->end);
    return 1;
}

size_t sentence_split(const char *text, size_t start, size_t end, struct sentence **out)
{
    if (end > UINT32_MAX) end = UINT32_MAX; /* spans are 32-bit */
    struct splitter s = {text, end, NULL, 0, 0, 0, 0};
    const char *t = text;
    size_t i = start, sent = start, line_start = start;
    int wrapped = 0; /* the previous line was long prose that went on */
    if (end > start) XGROW(s.v, s.cap, (end - start) / 128 + 4);
    while (i < end) {
        unsigned char c = (unsigned char)t[i];
        if (c == '\n') {
            size_t j = i + 1, last_nl = i;
            while (j < end && is_space((unsigned char)t[j])) {
                if (t[j] == '\n') last_nl = j;
                j++;
            }
            if (last_nl != i || j == end) { /* blank line (or the end) */
                emit(&s, sent, i);
                s.para_break = 1;
                sent = line_start = last_nl + 1;
                wrapped = 0;
                i = j;
                continue;
            }
            size_t e = i, ls = line_start;
            while (e > ls && is_space((unsigned char)t[e - 1])) e--;
            while (ls < e && is_hspace((unsigned char)t[ls])) ls++;
            int ended = ends_line(&s, start, ls, e, j);
            if (!ended && e > ls && e - ls < SHORT_LINE && !wrapped && plausible_start(t, j, end) &&
                term_len(t, e - 1, end) == 0)
                ended = 1; /* a heading, byline or list item */
            if (ended) {
                emit(&s, sent, i);
                s.para_break = 1;
                sent = i + 1;
            }
            wrapped = !ended && e - ls >= SHORT_LINE;
            line_start = i + 1;
            i = j;
            continue;
        }
        if (!special[c]) {
            i++;
            while (i < end && !special[(unsigned char)t[i]]) i++;
            continue;
        }
        size_t tl = term_len(t, i, end);
        if (!tl) {
            i++;
            continue;
        }
        size_t k = i + tl, m, cl;
        int ellipsis = tl == 3;
        while (k < end && (tl = term_len(t, k, end))) {
            ellipsis |= tl == 3 || (t[k] == '.' && t[k - 1] == '.');
            k += tl;
        }
        int quoted = 0;
        for (m = k; m < end && (cl = closer_len(t, m, end, &quoted));) m += cl;
        if (m >= end || !is_hspace((unsigned char)t[m])) { /* "reportedly.asked", "1.5", "e.g.," */
            i = m;
            continue;
        }
        size_t p = m;
        while (p < end && is_hspace((unsigned char)t[p])) p++;
        if (p < end && t[p] != '\n' && ends_inline(&s, start, line_start, i, ellipsis, k - i == 1, m > k, p, quoted)) {
            emit(&s, sent, m);
            sent = m;
        }
        i = p;
    }
    emit(&s, sent, end);
    *out = s.v;
    return s.n;
}
