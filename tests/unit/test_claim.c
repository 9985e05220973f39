/* test_claim.c - packing a claim keeps every value and string. */
#include <criterion/criterion.h>
#include <string.h>

#include "claim.h"
#include "xalloc.h"

static struct kind_def k;
static struct entity moscow;

static void setup(void)
{
    memset(&k, 0, sizeof k);
    k.name = "communication";
    k.fields[0] = (struct field_def){"participants", FT_ENTITIES};
    k.fields[1] = (struct field_def){"date", FT_DATE};
    k.fields[2] = (struct field_def){"place", FT_PLACE};
    k.fields[3] = (struct field_def){"duration", FT_DURATION};
    k.fields[4] = (struct field_def){"medium", FT_WORD};
    k.nfields = 5;
    memset(&moscow, 0, sizeof moscow);
    moscow.id = "moscow";
}

TestSuite(claim, .init = setup);

Test(claim, pack_keeps_set_values_and_strings)
{
    struct claim c;
    claim_init(&c, &k);
    c.f[2].set = 1;
    c.f[2].ents[0] = &moscow;
    c.f[2].nents = 1;
    c.f[2].text = xstrdup("in Moscow");
    c.f[3].set = 1;
    c.f[3].lo = c.f[3].hi = 10800;
    c.f[3].norm = xstrdup("PT3H");
    c.f[4].text = xstrdup("left over"); /* unset: dropped */
    c.sentence = xstrdup("They met in Moscow for three hours.");
    c.attribution = NULL;
    claim_pack(&c);
    cr_assert(c.packed);
    cr_assert_eq(c.setmask, (1u << 2) | (1u << 3));
    cr_assert_not(claim_field(&c, 0)->set);
    cr_assert_not(claim_field(&c, 1)->set);
    cr_assert_null(claim_field(&c, 4)->text);
    cr_assert_eq(claim_field(&c, 2)->ents[0], &moscow);
    cr_assert_str_eq(claim_field(&c, 2)->text, "in Moscow");
    cr_assert_eq(claim_field(&c, 3)->lo, 10800);
    cr_assert_str_eq(claim_field(&c, 3)->norm, "PT3H");
    cr_assert_str_eq(c.sentence, "They met in Moscow for three hours.");
    cr_assert_null(c.attribution);
    claim_pack(&c); /* idempotent */
    cr_assert_str_eq(claim_field(&c, 3)->norm, "PT3H");
    claim_free(&c);
}

Test(claim, pack_with_nothing_set)
{
    struct claim c;
    claim_init(&c, &k);
    claim_pack(&c);
    for (int i = 0; i < k.nfields; i++) cr_assert_not(claim_field(&c, i)->set);
    cr_assert_null(c.sentence);
    claim_free(&c);
}
