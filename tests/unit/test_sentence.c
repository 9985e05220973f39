/* test_sentence.c - sentence splitting: boundaries, abbreviations, quotes, paragraphs. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "sentence.h"

/* Split s and keep the result for the assertions below. */
struct split {
    const char *text;
    struct sentence *v;
    size_t n;
};

static struct split split_all(const char *s)
{
    struct split r = {s, NULL, 0};
    r.n = sentence_split(s, 0, strlen(s), &r.v);
    return r;
}

static void expect_sentence(const struct split *r, size_t i, const char *want)
{
    cr_assert_lt(i, r->n, "sentence %zu missing (only %zu)", i, r->n);
    size_t len = r->v[i].end - r->v[i].start;
    cr_assert(len == strlen(want) && memcmp(r->text + r->v[i].start, want, len) == 0,
              "sentence %zu is [%.*s], expected [%s]", i, (int)len, r->text + r->v[i].start, want);
}

static void expect_all(const char *text, const char *const *want, size_t nwant)
{
    struct split r = split_all(text);
    for (size_t i = 0; i < nwant && i < r.n; i++) expect_sentence(&r, i, want[i]);
    cr_assert_eq(r.n, nwant, "got %zu sentences, expected %zu", r.n, nwant);
    free(r.v);
}

#define EXPECT(text, ...)                                                                                              \
    do {                                                                                                               \
        const char *const want_[] = {__VA_ARGS__};                                                                     \
        expect_all(text, want_, sizeof want_ / sizeof *want_);                                                         \
    } while (0)

Test(sentence_split, period_and_space_before_capital_ends_sentence)
{
    EXPECT("The envoy landed in Oslo. Talks begin today.", "The envoy landed in Oslo.", "Talks begin today.");
}

Test(sentence_split, question_and_exclamation_end_sentences)
{
    EXPECT("Will they meet? Nobody knows! Officials stay quiet.", "Will they meet?", "Nobody knows!",
           "Officials stay quiet.");
}

Test(sentence_split, title_abbreviations_do_not_end_sentence)
{
    EXPECT("Mr. Ortega met Dr. Lind and Gen. Mabry in Vienna. Sen. Hale was absent.",
           "Mr. Ortega met Dr. Lind and Gen. Mabry in Vienna.", "Sen. Hale was absent.");
}

Test(sentence_split, month_abbreviations_do_not_end_sentence)
{
    EXPECT("The vote was held on Sept. 14 and again on Oct. 2. Few noticed.",
           "The vote was held on Sept. 14 and again on Oct. 2.", "Few noticed.");
}

Test(sentence_split, single_capital_initial_does_not_end_sentence)
{
    EXPECT("A statement from J. Ramirez followed. It was brief.", "A statement from J. Ramirez followed.",
           "It was brief.");
}

Test(sentence_split, dotted_abbreviation_before_name_does_not_end_sentence)
{
    EXPECT("The U.S. Senate voted and U.N. Secretary Rowe spoke. Then came the E.U. reply.",
           "The U.S. Senate voted and U.N. Secretary Rowe spoke.", "Then came the E.U. reply.");
}

Test(sentence_split, dotted_abbreviation_before_sentence_opener_ends_sentence)
{
    EXPECT("The delegation flew to the U.S. The talks lasted until 9 p.m. They resume Monday.",
           "The delegation flew to the U.S.", "The talks lasted until 9 p.m.", "They resume Monday.");
}

Test(sentence_split, eg_and_ie_do_not_end_sentence)
{
    EXPECT("Some envoys, e.g. Tarrant, declined. Others, i.e. Marsh, agreed.", "Some envoys, e.g. Tarrant, declined.",
           "Others, i.e. Marsh, agreed.");
}

Test(sentence_split, decimal_number_does_not_end_sentence)
{
    EXPECT("About 2.5 million people fled. Another 0.7 million stayed.", "About 2.5 million people fled.",
           "Another 0.7 million stayed.");
}

Test(sentence_split, ellipsis_inside_a_sentence_does_not_end_it)
{
    EXPECT("He said the talks were ... Frankly difficult. Aides agreed.",
           "He said the talks were ... Frankly difficult.", "Aides agreed.");
    EXPECT("It could \xE2\x80\xA6 Get worse. Nobody denied it.", "It could \xE2\x80\xA6 Get worse.",
           "Nobody denied it.");
}

Test(sentence_split, closing_quote_after_period_belongs_to_the_sentence)
{
    EXPECT("She warned that \"the window is closing.\" The ministers then left.",
           "She warned that \"the window is closing.\"", "The ministers then left.");
    EXPECT("He called it \xE2\x80\x9C"
           "a first step.\xE2\x80\x9D Reporters waited.",
           "He called it \xE2\x80\x9C"
           "a first step.\xE2\x80\x9D",
           "Reporters waited.");
}

Test(sentence_split, attribution_after_quoted_sentence_stays_with_it)
{
    EXPECT("\"...it may get much harder.\" Lindqvist added. The call ended.",
           "\"...it may get much harder.\" Lindqvist added.", "The call ended.");
}

Test(sentence_split, question_in_quotes_followed_by_lowercase_does_not_end)
{
    EXPECT("\"Why now?\" asked one diplomat. \"Enough!\" shouted another.", "\"Why now?\" asked one diplomat.",
           "\"Enough!\" shouted another.");
}

Test(sentence_split, period_without_following_space_does_not_end)
{
    EXPECT("The minister reportedly.agreed to attend. See dailyherald-news.com for more.",
           "The minister reportedly.agreed to attend.", "See dailyherald-news.com for more.");
}

Test(sentence_split, lowercase_after_period_does_not_end)
{
    EXPECT("Prices rose, etc. and then fell. Markets calmed.", "Prices rose, etc. and then fell.", "Markets calmed.");
}

Test(sentence_split, blank_line_ends_sentence_and_starts_paragraph)
{
    struct split r = split_all("Breaking news\n\nThe summit opened. Leaders arrived.\n\nMore later");
    cr_assert_eq(r.n, 4);
    expect_sentence(&r, 0, "Breaking news");
    expect_sentence(&r, 3, "More later");
    cr_assert_eq(r.v[0].para, 0);
    cr_assert_eq(r.v[1].para, 1);
    cr_assert_eq(r.v[2].para, 1);
    cr_assert_eq(r.v[3].para, 2);
    free(r.v);
}

Test(sentence_split, newline_after_terminal_punctuation_ends_sentence_and_paragraph)
{
    struct split r = split_all("The first call lasted an hour.\nA second call followed.\n");
    cr_assert_eq(r.n, 2);
    expect_sentence(&r, 1, "A second call followed.");
    cr_assert_eq(r.v[0].para, 0);
    cr_assert_eq(r.v[1].para, 1);
    free(r.v);
}

Test(sentence_split, hard_wrapped_prose_is_one_sentence)
{
    struct split r = split_all("The foreign ministers of both countries met on Tuesday in a hotel near\n"
                               "Geneva, where they discussed a ceasefire plan put forward by Norway and\n"
                               "Switzerland last month.\n");
    cr_assert_eq(r.n, 1);
    cr_assert_eq(r.v[0].para, 0);
    cr_assert_eq(r.v[0].end, strlen(r.text) - 1);
    free(r.v);
}

Test(sentence_split, short_heading_line_is_its_own_sentence)
{
    EXPECT("Ceasefire Talks Resume\nBy Ana Ruiz\nThe delegations met again on Friday.", "Ceasefire Talks Resume",
           "By Ana Ruiz", "The delegations met again on Friday.");
}

Test(sentence_split, numbered_list_item_is_not_split_after_its_number)
{
    EXPECT("1. The first demand was a ceasefire.\n2. The second was a corridor.",
           "1. The first demand was a ceasefire.", "2. The second was a corridor.");
}

Test(sentence_split, crlf_line_breaks_split_like_lf)
{
    struct split r = split_all("One report came in.\r\nAnother followed.\r\n\r\nA third.\r\n");
    cr_assert_eq(r.n, 3);
    expect_sentence(&r, 0, "One report came in.");
    expect_sentence(&r, 1, "Another followed.");
    expect_sentence(&r, 2, "A third.");
    cr_assert_eq(r.v[2].para, 2);
    free(r.v);
}

Test(sentence_split, spans_are_trimmed_of_surrounding_space)
{
    struct split r = split_all("   \t Talks stalled.    Aides left.  \n\n  ");
    cr_assert_eq(r.n, 2);
    cr_assert_eq(r.v[0].start, 5);
    expect_sentence(&r, 0, "Talks stalled.");
    expect_sentence(&r, 1, "Aides left.");
    free(r.v);
}

Test(sentence_split, empty_and_blank_text_give_no_sentences)
{
    struct sentence *v = NULL;
    cr_assert_eq(sentence_split("", 0, 0, &v), 0);
    free(v);
    v = NULL;
    cr_assert_eq(sentence_split(" \n\n\t \r\n", 0, 6, &v), 0);
    free(v);
}

Test(sentence_split, only_the_given_range_is_split)
{
    const char *s = "IGNORED. Alpha spoke. Beta answered. IGNORED.";
    size_t a = strlen("IGNORED. "), b = strlen(s) - strlen(" IGNORED.");
    struct sentence *v;
    size_t n = sentence_split(s, a, b, &v);
    cr_assert_eq(n, 2);
    cr_assert_eq(v[0].start, a);
    cr_assert_eq(v[1].end, b);
    free(v);
}

Test(sentence_split, text_without_terminal_punctuation_is_one_sentence)
{
    EXPECT("a line with no end", "a line with no end");
}

Test(sentence_split, large_input_splits_every_sentence)
{
    const char *unit = "The envoy met Mr. Ortega at 3.5 p.m. on Feb. 2 in the U.S. capital. ";
    size_t ulen = strlen(unit), reps = 200000;
    char *s = malloc(ulen * reps + 1);
    for (size_t i = 0; i < reps; i++) memcpy(s + i * ulen, unit, ulen);
    s[ulen * reps] = '\0';
    struct sentence *v;
    size_t n = sentence_split(s, 0, ulen * reps, &v);
    cr_assert_eq(n, reps);
    cr_assert_eq(v[reps - 1].end, ulen * reps - 1);
    free(v);
    free(s);
}

Test(sentence_split, quoted_word_like_an_abbreviation_still_ends_sentence)
{
    EXPECT("Her answer was \"No.\" Then she left.", "Her answer was \"No.\"", "Then she left.");
}

Test(sentence_split, markdown_heading_and_list_items_are_separate_sentences)
{
    EXPECT("# Ceasefire talks resume in the capital after a long and difficult week\n"
           "The delegations met again on Friday\n"
           "- a corridor for the civilians who remain in the besieged eastern districts\n"
           "- an exchange of prisoners",
           "# Ceasefire talks resume in the capital after a long and difficult week",
           "The delegations met again on Friday",
           "- a corridor for the civilians who remain in the besieged eastern districts", "- an exchange of prisoners");
}

Test(sentence_split, title_abbreviation_at_line_end_does_not_end_sentence)
{
    EXPECT("The statement was read out by the spokesman for Sen.\nHale on Monday.",
           "The statement was read out by the spokesman for Sen.\nHale on Monday.");
}

Test(sentence_split, ellipsis_at_line_end_ends_sentence)
{
    EXPECT("The talks dragged on...\nNobody expected a deal.", "The talks dragged on...", "Nobody expected a deal.");
}

Test(sentence_split, question_mark_and_exclamation_run_ends_sentence)
{
    EXPECT("Can this really work?! Diplomats doubt it.", "Can this really work?!", "Diplomats doubt it.");
}

Test(sentence_split, closing_bracket_after_period_belongs_to_the_sentence)
{
    EXPECT("(The vote was close.) Aides celebrated.", "(The vote was close.)", "Aides celebrated.");
}

Test(sentence_split, longer_attribution_after_quote_stays_with_it)
{
    EXPECT("\"We are ready to help.\" The foreign ministry said on Sunday. Talks resumed.",
           "\"We are ready to help.\" The foreign ministry said on Sunday.", "Talks resumed.");
}

Test(sentence_split, new_sentence_after_quote_is_not_taken_for_attribution)
{
    EXPECT("\"It is over.\" Officials said the next round of talks would open in Geneva on "
           "Monday.",
           "\"It is over.\"", "Officials said the next round of talks would open in Geneva on Monday.");
    EXPECT("\"It is over.\" The delegation left.", "\"It is over.\"", "The delegation left.");
}

Test(sentence_split, lowercase_single_letter_abbreviation_does_not_end_sentence)
{
    EXPECT("The figures (see p. 4) were disputed. The fort was built c. 1900 by traders.",
           "The figures (see p. 4) were disputed.", "The fort was built c. 1900 by traders.");
}

Test(sentence_split, url_and_email_do_not_end_sentence)
{
    EXPECT("Read it at https://news.example.org/a/b.html today. Or write to desk@example.org now.",
           "Read it at https://news.example.org/a/b.html today.", "Or write to desk@example.org now.");
}

Test(sentence_split, overlong_run_is_cut_into_pieces_at_spaces_covering_every_word)
{
    /* 200 000 bytes of words without a sentence end: pieces of at most
     * SENTENCE_MAX bytes, cut after a space, that together hold every word */
    size_t n = 200000;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++) s[i] = i % 10 == 9 ? ' ' : 'a' + (char)(i % 10);
    s[n] = '\0';
    struct sentence *v = NULL;
    size_t ns = sentence_split(s, 0, n, &v);
    cr_assert_eq(ns, 4);
    size_t covered = 0;
    for (size_t i = 0; i < ns; i++) {
        size_t len = v[i].end - v[i].start;
        cr_assert_leq(len, SENTENCE_MAX);
        cr_assert_neq(s[v[i].start], ' ');
        cr_assert_eq(s[v[i].end - 1], 'i', "piece %zu ends inside a word", i);
        cr_assert_eq(v[i].para, 0);
        if (i) cr_assert_eq(v[i].start, v[i - 1].end + 1);
        covered += len + 1;
    }
    cr_assert_eq(v[0].start, 0);
    cr_assert_eq(v[ns - 1].end, n - 1);
    cr_assert_eq(covered, n);
    free(v);
    free(s);
}

Test(sentence_split, overlong_run_without_spaces_is_cut_at_character_boundaries)
{
    /* "é" (2 bytes) repeated: no cut falls inside a character */
    size_t n = 150001;
    char *s = malloc(n + 1);
    for (size_t i = 0; i + 1 < n; i += 2) s[i] = (char)0xC3, s[i + 1] = (char)0xA9;
    s[n - 1] = '.';
    s[n] = '\0';
    struct sentence *v = NULL;
    size_t ns = sentence_split(s, 0, n, &v);
    cr_assert_eq(ns, 3);
    for (size_t i = 0; i < ns; i++) {
        cr_assert_leq(v[i].end - v[i].start, SENTENCE_MAX);
        cr_assert_eq((unsigned char)s[v[i].start], 0xC3, "piece %zu starts inside a character", i);
        if (i) cr_assert_eq(v[i].start, v[i - 1].end);
    }
    cr_assert_eq(v[ns - 1].end, n);
    free(v);
    free(s);
}
