/* test_pattern_shape.c - what every match of a pattern needs: where it
 * starts (so that an extractor is tried only at its first macro's
 * annotations), the macros it cannot do without, its sentence guards, and
 * the constructs that make the analysis give up. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "pattern_shape.h"

enum { P = 1, C = 2, D = 4 };

static int look(void *ctx, const char *name, unsigned *classes, const char **text)
{
    (void)ctx;
    static const struct {
        const char *name;
        unsigned classes;
        const char *text;
    } m[] = {
        {"PERSON", P, NULL},
        {"COUNTRY", C, NULL},
        {"DATE", D, NULL},
        {"WHO", 0, "(?:{PERSON}|{COUNTRY})"},
        {"NOT_OBJECT", 0, "(?<!\\bwith\\s)(?<!\\bto\\sthe\\s)"},
        {"THE", 0, "(?:the\\s+)?"},
        {"GUARD", 0, "(?:^(?![\\s\\S]*?offered)(*COMMIT)(*FAIL)|)"},
        {"THE_GUARD", 0, "(?:^(?![\\s\\S]*?{THE}offered)(*COMMIT)(*FAIL)|)"},
        {"PERSON_GUARD", 0, "(?:^(?![\\s\\S]*?{PERSON})(*COMMIT)(*FAIL)|)"},
        {"OPEN_GUARD", 0, "(?:^(?![\\s\\S]*?{OPEN})(*COMMIT)(*FAIL)|)"},
        {"OPEN", 0, "(?:"},
        {"LOOP", 0, "{LOOP}"},
    };
    for (size_t i = 0; i < sizeof m / sizeof *m; i++)
        if (strcmp(m[i].name, name) == 0) {
            if (!m[i].text) {
                *classes = m[i].classes;
                return 1;
            }
            *text = m[i].text;
            return 2;
        }
    return 0;
}

static size_t guard;
static struct pattern_shape shape;

static unsigned start(const char *pattern)
{
    pattern_shape(pattern, look, NULL, &shape);
    guard = shape.guard;
    return shape.start;
}

Test(pattern_shape, a_leading_macro_gives_its_classes)
{
    cr_assert_eq(start("{PERSON}\\s+spoke"), P);
    cr_assert_eq(start("(?<a>{PERSON})\\s+and\\s+{COUNTRY}"), P);
    cr_assert_eq(start("(?:{PERSON}|{DATE}),"), P | D);
    cr_assert_eq(start("{PERSON}{1,3}x"), P);
    cr_assert_eq(start("{PERSON}+x"), P);
}

Test(pattern_shape, lookarounds_and_boundaries_consume_nothing)
{
    cr_assert_eq(start("{NOT_OBJECT}(?<who>{WHO})\\b\\s+offered"), P | C);
    cr_assert_eq(start("\\b(?=[A-Z]){PERSON}"), P);
    cr_assert_eq(start("(?i)(?#a comment)(?C1){COUNTRY}"), C);
    cr_assert_eq(start("(?i:{COUNTRY})"), C);
}

Test(pattern_shape, an_optional_start_looks_further)
{
    /* an optional macro: the next item may start the match too */
    cr_assert_eq(start("{DATE}?,?{PERSON}"), 0, "',' may start the match");
    cr_assert_eq(start("{DATE}?{PERSON}"), D | P);
    cr_assert_eq(start("{DATE}{0,2}{PERSON}"), D | P);
}

Test(pattern_shape, anything_else_first_means_anywhere)
{
    cr_assert_eq(start("the\\s+{PERSON}"), 0);
    cr_assert_eq(start("{THE}{PERSON}"), 0, "an optional word");
    cr_assert_eq(start("(?:{PERSON}|the)"), 0);
    cr_assert_eq(start("{PERSON}|x"), 0);
    cr_assert_eq(start("[{]{PERSON}"), 0);
    cr_assert_eq(start("\\w*{PERSON}"), 0);
    cr_assert_eq(start("(?=x)"), 0, "matches the empty string");
    cr_assert_eq(start(""), 0);
}

Test(pattern_shape, a_branch_that_always_fails_is_ignored)
{
    cr_assert_eq(start("(?:(*FAIL)x|{PERSON})"), P);
    cr_assert_eq(start("(?:(*F)|{COUNTRY})"), C);
}

Test(pattern_shape, constructs_it_does_not_follow_give_up)
{
    cr_assert_eq(start("^{PERSON}"), 0);
    cr_assert_eq(start("{PERSON}(?:^(?!x)(*COMMIT)(*FAIL)|)"), 0, "a guard that is not first");
    cr_assert_eq(start("{PERSON}\\s+(*SKIP)x"), 0, "a verb anywhere");
    cr_assert_eq(start("x\\K{PERSON}"), 0);
    cr_assert_eq(start("(\\w*)\\1{PERSON}"), 0);
    cr_assert_eq(start("(?x) {PERSON}"), 0);
    cr_assert_eq(start("(?(1)a|b){PERSON}"), 0);
    cr_assert_eq(start("(?:(?R)|){PERSON}"), 0, "recursion is not an option setting");
    cr_assert_eq(start("(?:(?1)|){PERSON}"), 0);
    cr_assert_eq(start("{OPEN}{PERSON})"), 0, "a macro that does not balance");
    cr_assert_eq(start("{NOSUCH}"), 0);
    cr_assert_eq(start("{LOOP}"), 0, "a macro that names itself");
    cr_assert_eq(start("({PERSON}"), 0, "unclosed");
    cr_assert_eq(start("{PERSON})"), 0, "unopened");
}

Test(pattern_shape, leading_sentence_guards_are_measured_and_skipped)
{
    cr_assert_eq(start("{GUARD}{PERSON}\\s+offered"), P);
    cr_assert_eq(guard, strlen("{GUARD}"));
    cr_assert_eq(start("{GUARD}{THE_GUARD}{NOT_OBJECT}{WHO}"), P | C, "two guards, macros inside");
    cr_assert_eq(guard, strlen("{GUARD}{THE_GUARD}"));
    const char *written = "(?:^(?!.*(?:a|b))(*COMMIT)(*FAIL)|){COUNTRY}";
    cr_assert_eq(start(written), C);
    cr_assert_eq(guard, strlen(written) - strlen("{COUNTRY}"));
    cr_assert_eq(start("{PERSON}"), P);
    cr_assert_eq(guard, 0u);
}

Test(pattern_shape, guards_that_would_not_compile_alone_the_same_are_refused)
{
    cr_assert_eq(start("{PERSON_GUARD}{PERSON}"), 0, "an annotation macro inside needs the pattern's callouts");
    cr_assert_eq(start("{OPEN_GUARD}{PERSON}"), 0, "an unbalanced macro inside");
    cr_assert_eq(start("(?:^(?!(x)(*COMMIT)(*FAIL)|){PERSON}"), 0, "unbalanced body");
    cr_assert_eq(start("{GUARD}the\\s+{PERSON}"), 0, "what follows must start at a mention");
    cr_assert_eq(guard, strlen("{GUARD}"), "the guard still runs first");
}

static const char *search_body(const char *pattern, size_t *len)
{
    (void)start(pattern);
    return pattern_guard_search(pattern, guard, look, NULL, len);
}

Test(pattern_shape, a_guard_that_scans_lazily_becomes_a_search)
{
    size_t n = 0;
    const char *b = search_body("{GUARD}{PERSON}", &n);
    cr_assert_not_null(b);
    cr_assert_eq(n, strlen("offered"));
    cr_assert_eq(strncmp(b, "offered", n), 0);
    b = search_body("(?:^(?![\\s\\S]*?(?:x|y)z)(*COMMIT)(*FAIL)|)the", &n);
    cr_assert_not_null(b, "alternatives inside a group are fine");
    cr_assert_eq(n, strlen("(?:x|y)z"));
    cr_assert_null(search_body("(?:^(?![\\s\\S]*?x|y)(*COMMIT)(*FAIL)|){PERSON}", &n), "y is not after the scan");
    cr_assert_null(search_body("(?:^(?!x)(*COMMIT)(*FAIL)|){PERSON}", &n), "no scan: it looks at offset 0 only");
    cr_assert_null(search_body("{GUARD}{THE_GUARD}{PERSON}", &n), "two guards");
    cr_assert_null(search_body("{PERSON}", &n), "no guard");
}

/* the needs, as a string of class sets in order ("1 6": a PERSON, then a
 * COUNTRY or a DATE) */
static const char *needs(const char *pattern)
{
    static char buf[64];
    (void)start(pattern);
    buf[0] = '\0';
    for (int i = 0; i < shape.nneed; i++) {
        char one[8];
        snprintf(one, sizeof one, i ? " %u" : "%u", shape.need[i]);
        strcat(buf, one);
    }
    return buf;
}

Test(pattern_shape, the_macros_a_match_cannot_do_without)
{
    cr_assert_str_eq(needs("{PERSON}\\s+met\\s+{COUNTRY}"), "1 2");
    cr_assert_str_eq(needs("the\\s+{DATE}\\s+talks"), "4", "wherever the match starts");
    cr_assert_str_eq(needs("{WHO}\\s+on\\s+{DATE}?"), "3", "an optional macro is not needed");
    cr_assert_str_eq(needs("(?:{PERSON}\\s+and\\s+{DATE}|{COUNTRY})"), "3", "one of the branches' first needs");
    cr_assert_str_eq(needs("(?:{PERSON}|x)y"), "", "a branch without a macro");
    cr_assert_str_eq(needs("(?=.*{DATE}){PERSON}"), "1", "a lookahead adds no need");
    cr_assert_str_eq(needs("(?:(*FAIL){DATE}|{PERSON})"), "1", "a dead branch has no say");
    cr_assert_str_eq(needs("{THE}{PERSON}{0,1}\\s+{COUNTRY}{1,2}"), "2");
}

Test(pattern_shape, needs_survive_what_only_hides_the_start)
{
    cr_assert_str_eq(needs("^{PERSON}\\s+(*SKIP)x{DATE}"), "1 4");
    cr_assert_eq(shape.start, 0u);
    cr_assert_str_eq(needs("{GUARD}{PERSON}"), "1");
    cr_assert_str_eq(needs("(\\w+)\\s+\\1{DATE}"), "4");
    cr_assert_eq(shape.start, 0u);
}

Test(pattern_shape, needs_are_dropped_where_the_parser_is_lost)
{
    cr_assert_str_eq(needs("{PERSON}(*ACCEPT){DATE}"), "", "a match may end before DATE");
    cr_assert_str_eq(needs("\\Q{PERSON}\\E"), "");
    cr_assert_str_eq(needs("(?x){PERSON}"), "");
    cr_assert_str_eq(needs("(?(1){PERSON}|{DATE})"), "");
    cr_assert_str_eq(needs("{OPEN}{PERSON})"), "");
}

Test(pattern_shape, what_a_differential_review_found)
{
    size_t n = 0;
    cr_assert_eq(start("(?:^(?!foo)(*COMMIT)(*FAIL)|){0}{PERSON}"), 0);
    cr_assert_eq(guard, 0u, "a quantified guard is not run first");
    cr_assert_eq(start("{GUARD}??{PERSON}"), 0);
    cr_assert_eq(guard, 0u);
    cr_assert_eq(start("(?<*\\s)met\\s+{PERSON}"), 0, "(?<* is a lookbehind");
    cr_assert_str_eq(needs("(?<*\\s)met\\s+{PERSON}"), "");
    cr_assert_eq(start("(?:{PERSON}[[:;]|x]{COUNTRY})"), 0, "[[:;] is a class of three characters");
    cr_assert_str_eq(needs("(?:{PERSON}[[:;]|x]{COUNTRY})"), "3");
    cr_assert_eq(start("[[:alpha:]]{PERSON}"), 0);
    cr_assert_str_eq(needs("{PERSON}[\\Q]\\E]{DATE}"), "", "\\Q in a class is not followed");
    cr_assert_str_eq(needs("{PERSON}{,1}{DATE}"), "4", "{,1} may repeat zero times (PCRE2 10.43)");
    cr_assert_null(search_body("(?:^(?![\\s\\S]*?m(*PRUNE)et)(*COMMIT)(*FAIL)|){PERSON}", &n),
                   "a verb acts differently searched for");
    (void)start("(?:^(?![\\s\\S]*?m(*PRUNE)et)(*COMMIT)(*FAIL)|){PERSON}");
    cr_assert_neq(guard, 0u, "but it is still a guard run alone, anchored");
    cr_assert_eq(start("(?:^(?![\\s\\S]*?(?R))(*COMMIT)(*FAIL)|){PERSON}"), 0, "recursion reads differently alone");
    cr_assert_eq(guard, 0u);
    cr_assert_eq(start("(?:^(?!(?x)a#)\n)(*COMMIT)(*FAIL)|){PERSON}"), 0, "(?x) is not followed");
    cr_assert_eq(guard, 0u);
}
