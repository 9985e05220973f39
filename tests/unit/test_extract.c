/* test_extract.c - claims from text with the built-in rules: lists of
 * countries, bodies named earlier, values chosen by pattern, pronouns,
 * clause boundaries, and event identity for recurring contacts. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "check.h"
#include "claim.h"
#include "diag.h"
#include "document.h"
#include "extract.h"
#include "rules.h"

static struct ruleset *rs;

static void setup(void)
{
    struct diag d = {0};
    rs = rules_new();
    cr_assert_eq(rules_load_embedded(rs, &d), 0);
    cr_assert_eq(rules_compile(rs, &d), 0);
    diag_free(&d);
}

static void teardown(void)
{
    rules_free(rs);
}

/* Extract the claims of text (published on ymd, or undated when y == 0)
 * into cs as document number doc. */
static void extract_text(struct claimset *cs, const char *text, int y, int m, int dd)
{
    struct doc_opts o = {0};
    if (y) {
        o.has_date = 1;
        o.date = cal_days(y, m, dd);
    }
    struct diag d = {0};
    struct document *doc = document_from_bytes("t.txt", text, strlen(text), &o, &d);
    uint32_t idx = claimset_add_doc(cs, doc->path, NULL, NULL, doc->has_date, doc->date, NULL, NULL, 0);
    struct extract_ctx *x = extract_ctx_new(rs);
    extract_document(x, doc, idx, cs, &d);
    extract_ctx_free(x);
    document_free(doc);
    diag_free(&d);
}

static int field(const struct claim *c, const char *name)
{
    for (int i = 0; i < c->kind->nfields; i++)
        if (strcmp(c->kind->fields[i].name, name) == 0) return i;
    cr_assert_fail("no field %s", name);
    return -1;
}

static const char *ent(const struct claim *c, const char *name)
{
    const struct value *v = claim_field(c, field(c, name));
    return v->nents ? v->ents[0]->id : NULL;
}

static const char *word(const struct claim *c, const char *name)
{
    const struct value *v = claim_field(c, field(c, name));
    return v->set ? v->norm : NULL;
}

static size_t count_kind(const struct claimset *cs, const char *kind)
{
    size_t n = 0;
    for (size_t i = 0; i < cs->n; i++) n += strcmp(cs->v[i].kind->name, kind) == 0;
    return n;
}

TestSuite(extract, .init = setup, .fini = teardown);

Test(extract, a_list_of_countries_gives_one_vote_each)
{
    struct claimset cs = {0};
    extract_text(&cs, "At the General Assembly, Russia, Belarus, North Korea and Syria voted against the text.\n", 2022,
                 3, 3);
    cr_assert_eq(count_kind(&cs, "vote"), 4);
    const char *want[] = {"russia", "belarus", "north-korea", "syria"};
    for (int i = 0; i < 4; i++) {
        cr_assert_str_eq(ent(&cs.v[i], "country"), want[i]);
        cr_assert_str_eq(word(&cs.v[i], "position"), "against");
        cr_assert_str_eq(ent(&cs.v[i], "body"), "un-general-assembly");
    }
    claimset_free(&cs);
}

Test(extract, the_body_of_a_tally_comes_from_an_earlier_sentence)
{
    struct claimset cs = {0};
    extract_text(&cs,
                 "Russia on Friday vetoed a UN Security Council resolution.\n\n"
                 "The vote was 11 in favour, one against and three abstentions.\n",
                 2022, 2, 26);
    size_t tallies = 0;
    for (size_t i = 0; i < cs.n; i++) {
        const struct claim *c = &cs.v[i];
        if (strcmp(c->kind->name, "vote_count") != 0) continue;
        tallies++;
        cr_assert_str_eq(ent(c, "body"), "un-security-council");
        const struct value *n = claim_field(c, field(c, "count"));
        const char *side = word(c, "side");
        if (strcmp(side, "for") == 0)
            cr_assert_eq(n->lo, 11);
        else if (strcmp(side, "against") == 0)
            cr_assert_eq(n->lo, 1);
        else
            cr_assert_eq(n->lo, 3);
    }
    cr_assert_eq(tallies, 3, "one claim per side, not deduplicated into one");
    claimset_free(&cs);
}

Test(extract, a_suspended_member_is_not_the_body_that_voted)
{
    struct claimset cs = {0};
    extract_text(&cs,
                 "On Thursday the UN General Assembly voted to suspend Russia from the Human Rights Council, "
                 "by 93 votes in favour to 24 against, with 58 abstentions.\n",
                 2022, 4, 8);
    cr_assert_eq(count_kind(&cs, "vote_count"), 3);
    for (size_t i = 0; i < cs.n; i++) {
        cr_assert_str_eq(ent(&cs.v[i], "body"), "un-general-assembly");
        /* the sentence's only date dates every tally */
        cr_assert(claim_field(&cs.v[i], field(&cs.v[i], "date"))->set);
    }
    claimset_free(&cs);
}

Test(extract, the_medium_comes_from_the_words_of_the_match)
{
    struct claimset cs = {0};
    extract_text(&cs, "Bennett spoke by phone with Putin on Wednesday.\n\nBennett and Putin met in Sochi in October.\n",
                 2022, 3, 3);
    cr_assert_eq(count_kind(&cs, "communication"), 2);
    cr_assert_str_eq(word(&cs.v[0], "medium"), "call");
    cr_assert_str_eq(word(&cs.v[1], "medium"), "meeting");
    claimset_free(&cs);
}

Test(extract, three_parties_on_one_call)
{
    struct claimset cs = {0};
    extract_text(&cs, "Emmanuel Macron and Olaf Scholz spoke with Vladimir Putin for 80 minutes on Saturday.\n", 2022,
                 5, 29);
    cr_assert_eq(count_kind(&cs, "communication"), 1, "one three-way call, not pairs");
    cr_assert_eq(claim_field(&cs.v[0], field(&cs.v[0], "participants"))->nents, 3);
    claimset_free(&cs);
}

Test(extract, a_sentence_opening_with_he_continues_about_the_last_subject)
{
    struct claimset cs = {0};
    extract_text(&cs,
                 "Erdogan has spoken with Volodymyr Zelensky twice this week.\n\n"
                 "He is set to speak with Zelensky again today, an aide said.\n",
                 2022, 3, 8);
    cr_assert_eq(count_kind(&cs, "communication"), 2);
    const struct claim *c = &cs.v[1];
    const struct value *p = claim_field(c, field(c, "participants"));
    cr_assert_eq(p->nents, 2);
    cr_assert_str_eq(p->ents[0]->id, "recep-tayyip-erdogan");
    cr_assert_eq(c->modality, MOD_PLANNED);
    claimset_free(&cs);
}

Test(extract, a_date_before_denied_that_belongs_to_the_denial)
{
    struct claimset cs = {0};
    extract_text(&cs, "The Kremlin on Wednesday denied that Putin had spoken with Biden since the invasion.\n", 2022, 3,
                 31);
    cr_assert_eq(count_kind(&cs, "communication"), 1);
    cr_assert_not(claim_field(&cs.v[0], field(&cs.v[0], "date"))->set);
    cr_assert_eq(cs.v[0].modality, MOD_DENIED);
    claimset_free(&cs);
}

Test(extract, will_not_send_is_a_denial)
{
    struct claimset cs = {0};
    extract_text(&cs, "Zelensky has said he will not send a delegation to Belarus.\n", 2022, 2, 27);
    cr_assert_eq(count_kind(&cs, "delegation"), 1);
    cr_assert_eq(cs.v[0].modality, MOD_DENIED);
    claimset_free(&cs);
}

/* The modality cues run only on sentences with one of their trigger words;
 * a contraction's apostrophe, straight or curly, splits it into words
 * ("didn", "t") as PCRE2 sees it. */
Test(extract, contractions_and_their_triggers_still_deny)
{
    static const char *const text[] = {
        "Zelensky won\u2019t send a delegation to Belarus.\n",
        "Zelensky didn't send a delegation to Belarus.\n",
        "Zelensky will send a delegation to Belarus.\n",
    };
    static const int want[] = {MOD_DENIED, MOD_DENIED, MOD_PLANNED};
    for (int i = 0; i < 3; i++) {
        struct claimset cs = {0};
        extract_text(&cs, text[i], 2022, 2, 27);
        cr_assert_eq(count_kind(&cs, "delegation"), 1, "%s", text[i]);
        cr_assert_eq(cs.v[0].modality, want[i], "%s", text[i]);
        claimset_free(&cs);
    }
}

/* A modality word inside a hyphenated word is not one: "never-ending" is no
 * denial, "ill-will" no plan (the cues stop at hyphens, as their triggers
 * do). */
Test(extract, a_modality_word_inside_a_hyphenated_word_is_not_one)
{
    static const char *const text[] = {
        "Macron, in a never-ending effort, spoke with Putin by phone on Monday.\n",
        "In a show of ill-will, Macron spoke with Putin by phone on Tuesday.\n",
    };
    for (int i = 0; i < 2; i++) {
        struct claimset cs = {0};
        extract_text(&cs, text[i], 2022, 3, 10);
        cr_assert_eq(count_kind(&cs, "communication"), 1, "%s", text[i]);
        cr_assert_eq(cs.v[0].modality, MOD_ASSERTED, "%s", text[i]);
        claimset_free(&cs);
    }
}

Test(extract, an_offer_to_host_a_meeting_is_not_a_meeting)
{
    struct claimset cs = {0};
    extract_text(&cs, "Erdogan offered to host a meeting between Putin and Zelensky in Istanbul.\n", 2022, 3, 31);
    cr_assert_eq(count_kind(&cs, "communication"), 0);
    claimset_free(&cs);
}

Test(extract, a_bare_weekday_call_stays_apart_from_a_dated_one_without_corroboration)
{
    struct claimset cs = {0};
    extract_text(&cs, "Bennett spoke with Putin on Wednesday, his office said.\n", 2022, 3, 3);
    /* undated: "Wednesday evening" could be any Wednesday */
    extract_text(&cs, "Bennett spoke with Putin on Wednesday evening, the Kremlin said.\n", 0, 0, 0);
    check_events(rs, &cs);
    cr_assert_eq(cs.n, 2);
    cr_assert_neq(cs.v[0].event, 0);
    cr_assert_neq(cs.v[1].event, 0);
    cr_assert_neq(cs.v[0].event, cs.v[1].event);
    claimset_free(&cs);
}

Test(extract, a_bare_weekday_meeting_joins_the_dated_one_at_the_same_place)
{
    struct claimset cs = {0};
    extract_text(&cs, "Bennett met Putin in Moscow on Saturday.\n", 2022, 3, 6);
    extract_text(&cs, "Bennett met Putin at the Kremlin on Saturday.\n", 0, 0, 0);
    check_events(rs, &cs);
    cr_assert_eq(cs.n, 2);
    cr_assert_neq(cs.v[0].event, 0);
    cr_assert_eq(cs.v[0].event, cs.v[1].event);
    claimset_free(&cs);
}

static size_t findings_of(struct claimset *cs, const char *check_id)
{
    struct findings f = {0};
    check_run(rs, cs, &f);
    size_t n = 0;
    for (size_t i = 0; i < f.n; i++) n += strcmp(f.v[i].check->id, check_id) == 0;
    findings_free(&f);
    return n;
}

Test(extract, a_weekday_that_contradicts_its_date_is_a_finding)
{
    struct claimset cs = {0};
    extract_text(&cs, "Bennett spoke with Putin on Saturday, February 27, 2022.\n", 2022, 3, 7);
    cr_assert_eq(findings_of(&cs, "communication-weekday"), 1);
    claimset_free(&cs);
    struct claimset ok = {0};
    extract_text(&ok, "Bennett spoke with Putin on Sunday, February 27, 2022.\n", 2022, 3, 7);
    cr_assert_eq(findings_of(&ok, "communication-weekday"), 0);
    claimset_free(&ok);
}

Test(extract, a_first_call_since_the_invasion_after_an_earlier_call_is_a_finding)
{
    struct claimset cs = {0};
    extract_text(&cs, "Russia invaded Ukraine on February 24. Bennett spoke with Putin on Sunday.\n", 2022, 2, 28);
    extract_text(&cs,
                 "Bennett spoke with Putin on Wednesday. It was their first conversation since Russian forces "
                 "invaded Ukraine.\n",
                 2022, 3, 3);
    cr_assert_eq(findings_of(&cs, "communication-first-since"), 1);
    claimset_free(&cs);
}

Test(extract, a_first_call_since_the_invasion_with_no_earlier_call_is_fine)
{
    struct claimset cs = {0};
    extract_text(&cs, "Russia invaded Ukraine on February 24. Bennett spoke with Putin on Wednesday.\n", 2022, 3, 3);
    extract_text(&cs,
                 "Bennett spoke with Putin on Sunday. It was their first conversation since Russian forces "
                 "invaded Ukraine.\n",
                 2022, 2, 28);
    cr_assert_eq(findings_of(&cs, "communication-first-since"), 0);
    claimset_free(&cs);
}

/* The claims of one extra rule of kind "meeting" over text: their spans
 * and participants (ids joined by spaces), in order; returns how many (at
 * most max). */
static size_t claims_of_rule_with(const char *pattern, const char *fields, int want_anchored, const char *text,
                                  uint32_t *spans, char (*who)[128], size_t max)
{
    char extra[1024];
    snprintf(extra, sizeof extra,
             "kinds:\n"
             "  meeting:\n"
             "    key: [who]\n"
             "    value: when\n"
             "    fields: {who: entities, when: date}\n"
             "extractors:\n"
             "  - id: t.rule\n"
             "    kind: meeting\n"
             "    pattern: '%s'\n"
             "    fields: {who: [%s]}\n",
             pattern, fields);
    struct diag d = {0};
    struct ruleset *own = rules_new();
    cr_assert_eq(rules_load_embedded(own, &d), 0);
    cr_assert_eq(rules_load_text(own, "extra.yml", extra, strlen(extra), &d), 0);
    cr_assert_eq(rules_compile(own, &d), 0);
    const struct extractor *ex = &own->ex[own->nex - 1];
    cr_assert_str_eq(ex->id, "t.rule");
    if (want_anchored >= 0) cr_assert_eq(ex->start_classes != 0, want_anchored, "%s", pattern);
    struct doc_opts o = {0};
    struct document *doc = document_from_bytes("t.txt", text, strlen(text), &o, &d);
    struct claimset cs = {0};
    uint32_t idx = claimset_add_doc(&cs, doc->path, NULL, NULL, 0, 0, NULL, NULL, 0);
    struct extract_ctx *x = extract_ctx_new(own);
    extract_document(x, doc, idx, &cs, &d);
    extract_ctx_free(x);
    document_free(doc);
    size_t n = 0;
    for (size_t i = 0; i < cs.n; i++) {
        if (cs.v[i].rule != ex || n >= max) continue;
        spans[2 * n] = cs.v[i].start;
        spans[2 * n + 1] = cs.v[i].end;
        const struct value *v = claim_field(&cs.v[i], 0);
        who[n][0] = '\0';
        for (int k = 0; k < v->nents; k++) {
            strncat(who[n], v->ents[k]->id, 60);
            strcat(who[n], " ");
        }
        n++;
    }
    claimset_free(&cs);
    rules_free(own);
    diag_free(&d);
    return n;
}

static size_t claims_of_rule(const char *pattern, int want_anchored, const char *text, uint32_t *spans,
                             char (*who)[128], size_t max)
{
    return claims_of_rule_with(pattern, "a, b, c", want_anchored, text, spans, who, max);
}

/* An extractor that must start at a mention is tried only where one starts
 * (anchored); it finds what the same pattern finds by searching.  The second
 * pattern's "(?:^|)" matches empty everywhere but hides the start from the
 * analysis, so PCRE2 searches the sentence for it. */
Test(extract, an_anchored_extractor_finds_what_a_search_finds)
{
    const char *pat =
        "(?<a>{PERSON})\\s+(?:and\\s+(?<b>{PERSON})\\s+)?(?:spoke|met)\\b(?:\\s+(?:with\\s+)?(?<c>{PERSON}))?";
    char searched[256];
    snprintf(searched, sizeof searched, "(?:^|)%s", pat);
    const char *text = "Aides said Macron and Scholz met Putin, then Putin spoke with Macron; "
                       "Scholz spoke, and later Macron and Putin met.\n";
    uint32_t sa[16], ss[16];
    char wa[8][128], ws[8][128];
    size_t na = claims_of_rule(pat, 1, text, sa, wa, 8);
    size_t ns = claims_of_rule(searched, 0, text, ss, ws, 8);
    cr_assert_eq(na, 4, "four matches, got %zu", na);
    cr_assert_eq(ns, na);
    cr_assert(strstr(wa[0], "macron") && strstr(wa[0], "scholz") && strstr(wa[0], "putin"), "%s", wa[0]);
    for (size_t i = 0; i < na; i++) {
        cr_assert_eq(sa[2 * i], ss[2 * i]);
        cr_assert_eq(sa[2 * i + 1], ss[2 * i + 1]);
        cr_assert_str_eq(wa[i], ws[i]);
    }

    /* a sentence guard: only sentences that say "met".  It is run alone
     * first, searched for, before the anchored pattern and before a
     * searched one; as plain PCRE2 runs it (the reference), it is written
     * so that it is not recognized: "|(?:)" for its empty branch */
    static const char *g = "(?:^(?![\\s\\S]*?\\bmet\\b)(*COMMIT)(*FAIL)|)";
    static const char *g_plain = "(?:^(?![\\s\\S]*?\\bmet\\b)(*COMMIT)(*FAIL)|(?:))";
    char anchored_g[320], searched_g[320], plain[320];
    snprintf(anchored_g, sizeof anchored_g, "%s%s", g, pat);
    snprintf(searched_g, sizeof searched_g, "%s(?:^|)%s", g, pat);
    snprintf(plain, sizeof plain, "%s%s", g_plain, pat);
    const char *two = "Putin spoke with Macron on Monday.\nMacron and Scholz met Putin, and Scholz spoke with Putin.\n";
    uint32_t sp[16];
    char wp[8][128];
    size_t np = claims_of_rule(plain, 0, two, sp, wp, 8);
    cr_assert_eq(np, 2, "the second sentence's two matches, got %zu", np);
    const char *variants[] = {anchored_g, searched_g};
    for (int v = 0; v < 2; v++) {
        na = claims_of_rule(variants[v], v == 0, two, sa, wa, 8);
        cr_assert_eq(na, np, "%s", variants[v]);
        for (size_t i = 0; i < na; i++) {
            cr_assert_eq(sa[2 * i], sp[2 * i]);
            cr_assert_str_eq(wa[i], wp[i]);
        }
    }
}

/* Patterns whose shape reads differently from what it is must not be
 * anchored, guarded or skipped: each gives the claims plain PCRE2 gives
 * (found by a differential review of the analysis). */
Test(extract, patterns_the_analysis_must_not_misread)
{
    static const struct {
        const char *pattern, *fields, *text;
        size_t claims;
    } cases[] = {
        /* a quantified guard does not run first ({0}: never) */
        {"(?:^(?!foo)(*COMMIT)(*FAIL)|){0}(?<a>{PERSON})\\s+met\\s+(?<b>{PERSON})", "a, b",
         "Macron met Putin in Moscow.\n", 1},
        /* PCRE2 skips offset 0 when the text after the guard has a first
         * code unit: the guard never acts there */
        {"(?:^(?![\\s\\S]*?\\bmet\\b)(*COMMIT)(*FAIL)|)talks\\s+between\\s+(?<a>{PERSON})\\s+and\\s+(?<b>{PERSON})",
         "a, b", "On Monday, talks between Lavrov and Fidan began in Ankara.\n", 1},
        /* (*PRUNE) inside the guard's lookahead: not the same as a search */
        {"(?:^(?![\\s\\S]*?m(*PRUNE)et\\b)(*COMMIT)(*FAIL)|)(?<a>{PERSON})\\s+(?:has\\s+)?met\\s+(?<b>{PERSON})",
         "a, b", "Macron mused and Macron met Putin in Moscow.\n", 0},
        /* (?<*...) is a lookbehind, not a named group */
        {"(?<*\\s)met\\s+(?<a>{PERSON})", "a", "Macron met Putin in Moscow.\n", 1},
        /* [[:;] is the characters [ : ; and not a POSIX class */
        {"(?:(?<a>{ORG})[[:;]|x]{PERSON})", "a", "NATO: we agree.\n", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        uint32_t sp[8];
        char who[4][128];
        size_t n = claims_of_rule_with(cases[i].pattern, cases[i].fields, -1, cases[i].text, sp, who, 4);
        cr_expect_eq(n, cases[i].claims, "%s: %zu claims", cases[i].pattern, n);
    }
}
