/* test_lexicon.c - entities, aliases, role phrases and groups in text. */
#include <criterion/criterion.h>
#include <string.h>

#include "calendar.h"
#include "lexicon.h"
#include "rules.h"

static struct ruleset *rs;

static void setup(void)
{
    struct diag d = {0};
    rs = rules_new();
    rules_load_embedded(rs, &d);
    rules_compile(rs, &d);
    diag_free(&d);
}

static void teardown(void)
{
    rules_free(rs);
}

TestSuite(lexicon_mentions, .init = setup, .fini = teardown);

static size_t find(const char *text, struct mention *m, struct mention_ctx *ctx)
{
    return lexicon_mentions(rs->lex, ctx, text, strlen(text), m, 32);
}

Test(lexicon_mentions, title_and_name_make_one_person_mention)
{
    struct mention m[32];
    struct mention_ctx ctx = {0};
    const char *t = "Israeli Prime Minister Naftali Bennett spoke.";
    size_t n = find(t, m, &ctx);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(m[0].entity->id, "naftali-bennett");
    cr_assert_eq(m[0].start, 0);
    cr_assert_eq(m[0].end, strlen("Israeli Prime Minister Naftali Bennett"));
}

Test(lexicon_mentions, transliteration_variants_resolve_to_one_person)
{
    struct mention m[32];
    struct mention_ctx ctx = {0};
    const char *names[] = {"Zelensky said.", "Zelenskyy said.", "Zelenskiy said."};
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(find(names[i], m, &ctx), 1);
        cr_assert_str_eq(m[0].entity->id, "volodymyr-zelensky");
    }
}

Test(lexicon_mentions, role_phrase_resolves_by_country_and_title_at_date)
{
    struct mention m[32];
    struct mention_ctx ctx = {0};
    ctx.has_date = 1;
    ctx.date = cal_days(2022, 3, 3);
    size_t n = find("The Israeli premier flew to Moscow.", m, &ctx);
    cr_assert_geq(n, 1);
    cr_assert_eq(m[0].kind, MEN_ROLE);
    cr_assert_str_eq(m[0].entity->id, "naftali-bennett");
    n = find("He called Ukraine's president.", m, &ctx);
    cr_assert_eq(n, 2);
    /* "He" opens the sentence: the person the last one opened with */
    cr_assert_eq(m[0].kind, MEN_ROLE);
    cr_assert_str_eq(m[0].entity->id, "naftali-bennett");
    cr_assert_str_eq(m[1].entity->id, "volodymyr-zelensky");
}

Test(lexicon_mentions, he_in_mid_sentence_is_not_resolved)
{
    struct mention m[32];
    struct mention_ctx ctx = {0};
    find("Bennett met Putin.", m, &ctx);
    size_t n = find("Putin said he was ready.", m, &ctx);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(m[0].entity->id, "vladimir-putin");
}

Test(lexicon_mentions, role_phrase_outside_term_does_not_resolve)
{
    struct mention m[32];
    struct mention_ctx ctx = {0};
    ctx.has_date = 1;
    ctx.date = cal_days(2023, 3, 3); /* Bennett left office in 2022 */
    size_t n = find("The Israeli premier spoke.", m, &ctx);
    for (size_t i = 0; i < n; i++) cr_assert(m[i].kind != MEN_ROLE || strcmp(m[i].entity->id, "naftali-bennett") != 0);
}

Test(lexicon_mentions, the_two_leaders_are_the_last_two_people)
{
    struct mention m[32];
    struct mention_ctx ctx = {0};
    find("Putin told Bennett he was ready.", m, &ctx);
    size_t n = find("The two leaders spoke again.", m, &ctx);
    cr_assert_eq(n, 1);
    cr_assert_eq(m[0].kind, MEN_GROUP);
    const char *a = m[0].entity->id, *b = m[0].entity2->id;
    cr_assert((strcmp(a, "naftali-bennett") == 0 && strcmp(b, "vladimir-putin") == 0) ||
              (strcmp(b, "naftali-bennett") == 0 && strcmp(a, "vladimir-putin") == 0));
}

Test(lexicon_mentions, metonym_keeps_place_and_government)
{
    struct mention m[32];
    struct mention_ctx ctx = {0};
    size_t n = find("The Kremlin said Jerusalem offered help.", m, &ctx);
    cr_assert_eq(n, 2);
    cr_assert_str_eq(m[0].entity->id, "kremlin");
    cr_assert_str_eq(m[0].entity->stands_for->id, "russia");
    cr_assert_str_eq(m[1].entity->stands_for->id, "israel");
}

Test(lexicon_mentions, possessive_is_not_part_of_the_name)
{
    struct mention m[32];
    struct mention_ctx ctx = {0};
    const char *t = "Bennett\xE2\x80\x99s office confirmed it.";
    size_t n = find(t, m, &ctx);
    cr_assert_eq(n, 1);
    cr_assert_eq(m[0].end, 7);
}

Test(lexicon_mentions, demonym_alone_is_a_nationality)
{
    struct mention m[32];
    struct mention_ctx ctx = {0};
    size_t n = find("Russian forces advanced.", m, &ctx);
    cr_assert_eq(n, 1);
    cr_assert_eq(m[0].kind, MEN_DEMONYM);
    cr_assert_str_eq(m[0].entity->id, "russia");
}

Test(lexicon_places, containment_walks_up_the_nesting)
{
    struct diag d = {0};
    struct ruleset *r = rules_new();
    rules_load_embedded(r, &d);
    rules_compile(r, &d);
    const struct entity *kremlin = lexicon_get(r->lex, "kremlin"), *moscow = lexicon_get(r->lex, "moscow"),
                        *russia = lexicon_get(r->lex, "russia"), *gomel = lexicon_get(r->lex, "gomel");
    cr_assert(entity_contains(moscow, kremlin));
    cr_assert(entity_contains(russia, kremlin));
    cr_assert(!entity_contains(kremlin, moscow));
    cr_assert(!entity_contains(russia, gomel));
    rules_free(r);
    diag_free(&d);
}

/* ==== generated places (rules/lexicon/world-places.tsv) ==== */

TestSuite(lexicon_world_places, .init = setup, .fini = teardown);

static const struct entity *only_entity(const char *text)
{
    struct mention m[32];
    struct mention_ctx ctx = {0};
    size_t n = find(text, m, &ctx);
    return n == 1 ? m[0].entity : NULL;
}

Test(lexicon_world_places, city_nests_in_its_subdivision_and_country)
{
    const struct entity *karachi = lexicon_get(rs->lex, "karachi"), *sindh = lexicon_get(rs->lex, "sindh"),
                        *pakistan = lexicon_get(rs->lex, "pakistan");
    cr_assert(karachi && sindh && pakistan);
    cr_assert_eq(karachi->type, ENT_CITY);
    cr_assert_eq(sindh->type, ENT_REGION);
    cr_assert(entity_contains(sindh, karachi));
    cr_assert(entity_contains(pakistan, karachi));
    cr_assert_eq(only_entity("Floods hit Sindh."), sindh);
}

Test(lexicon_world_places, a_city_named_by_an_english_word_is_not_a_place)
{
    /* Nice, Reading, Mobile, Split, Bath are cities of over 100,000 */
    const char *t[] = {"Nice work.", "Reading the report, she said no.", "Mobile phones were cut.", "Split the bill.",
                       "Bath time.", "Of the 141 states, most agreed."};
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        struct mention m[32];
        struct mention_ctx ctx = {0};
        cr_assert_eq(find(t[i], m, &ctx), 0, "%s: %s", t[i], find(t[i], m, &ctx) ? m[0].entity->id : "");
    }
}

Test(lexicon_world_places, a_city_named_like_a_person_is_not_a_place)
{
    /* Charlotte, Austin, Jackson: US cities of over 100,000 */
    struct mention m[32];
    struct mention_ctx ctx = {0};
    cr_assert_eq(find("Charlotte and Austin met Jackson.", m, &ctx), 0);
}

Test(lexicon_world_places, hand_kept_place_wins_over_the_generated_one)
{
    /* GeoNames names the Libyan city Darnah; places.yml keeps Derna */
    cr_assert_null(lexicon_get(rs->lex, "darnah"));
    cr_assert_str_eq(only_entity("Floods struck Darnah.")->id, "derna");
    cr_assert_str_eq(only_entity("Floods struck Derna.")->id, "derna");
}

Test(lexicon_world_places, a_name_two_places_share_goes_to_the_one_news_means)
{
    /* Barcelona (Spain, not Venezuela); Punjab (India or Pakistan: neither,
     * but "Punjab province" is Pakistan's) */
    const struct entity *b = only_entity("She flew to Barcelona.");
    cr_assert(b);
    cr_assert_str_eq(entity_country(b)->id, "spain");
    struct mention m[32];
    struct mention_ctx ctx = {0};
    cr_assert_eq(find("Rain fell on Punjab.", m, &ctx), 0);
    cr_assert_str_eq(entity_country(only_entity("Rain fell on Punjab province."))->id, "pakistan");
}
