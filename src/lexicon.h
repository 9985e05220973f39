/* lexicon.h - the entities crosscheck knows: people, countries, places,
 * organizations, with aliases, titles, demonyms, metonyms and nesting.
 *
 * The lexicon is data (rules/lexicon/, YAML) loaded by rules.c through
 * lexicon_add; after lexicon_finish it is read-only and safe to share between
 * threads.  Entities are owned by the lexicon and valid until lexicon_free. */
#ifndef CC_LEXICON_H
#define CC_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

enum entity_type {
    ENT_PERSON,
    ENT_COUNTRY,
    ENT_CITY,
    ENT_REGION, /* provinces, regions, rivers, borders */
    ENT_PLACE,  /* buildings and sites: the Kremlin, the Knesset */
    ENT_ORG,    /* organizations: NATO, ministries, news agencies */
    ENT_BODY,   /* deliberative bodies that vote: UN General Assembly */
    ENT_TYPES
};

struct entity {
    char *id;                             /* owned: stable identifier, "naftali-bennett" */
    int type;                             /* enum entity_type */
    char *name;                           /* owned: display name */
    char **aliases, **demonyms, **titles; /* owned arrays of owned strings */
    size_t naliases, ndemonyms, ntitles;
    /* references by id, resolved by lexicon_finish */
    char *country_id, *in_id, *stands_for_id;
    const struct entity *country;    /* a person's country, a city's country */
    const struct entity *in;         /* the place that contains this one */
    const struct entity *stands_for; /* metonym: Jerusalem for Israel's government */
    int32_t from, until;             /* when the titles hold (day numbers); 0 = open */
    int has_from, has_until;
    char *path; /* owned: where it was defined */
    unsigned line, col;
    uint32_t index; /* position in the lexicon */
    int in_block;   /* the entity and its strings live in a block
                       given to lexicon_add_block: not freed one by one */
};

struct lexicon;

struct lexicon *lexicon_new(void);
void lexicon_free(struct lexicon *lx);

/* Take ownership of e (allocated with xmalloc, fields owned; or, with
 * in_block, living with its strings in a block given to lexicon_add_block).
 * A duplicate id is an error in d at e's position; e is then freed (an
 * in_block entity is only forgotten).  Returns 0 or -1. */
int lexicon_add(struct lexicon *lx, struct entity *e, struct diag *d);
/* Take ownership of block (from xmalloc), freed by lexicon_free: entities
 * with in_block set, and their strings, may live in it. */
void lexicon_add_block(struct lexicon *lx, void *block);
/* Add a surface form of a title ("premier") for a canonical title
 * ("prime minister"). */
void lexicon_add_title(struct lexicon *lx, const char *form, const char *canonical);
/* Resolve references between entities and build the phrase dictionary.
 * Unknown ids are errors in d.  Returns 0 or -1. */
int lexicon_finish(struct lexicon *lx, struct diag *d);

size_t lexicon_count(const struct lexicon *lx);
const struct entity *lexicon_at(const struct lexicon *lx, size_t i);
/* Entity by id, or NULL. Borrowed. */
const struct entity *lexicon_get(const struct lexicon *lx, const char *id);
const char *entity_type_name(int type);
int entity_type_parse(const char *s);

/* 1 when place a contains place b (or is b): the Kremlin is in Moscow is in
 * Russia.  A metonym's place counts as the place. */
int entity_contains(const struct entity *a, const struct entity *b);
/* The country an entity belongs to (itself for a country), or NULL. */
const struct entity *entity_country(const struct entity *e);

/* ==== Mentions ==== */

enum mention_kind {
    MEN_ENTITY,  /* a name or alias: "Naftali Bennett", "the Kremlin" */
    MEN_ROLE,    /* a role phrase resolved to a person: "the Israeli premier" */
    MEN_DEMONYM, /* "Israeli" used as an adjective; entity is the country */
    MEN_GROUP,   /* "the two leaders": entity and entity2 */
};

struct mention {
    uint32_t start, end; /* byte span in the scanned text */
    int kind;            /* enum mention_kind */
    const struct entity *entity;
    const struct entity *entity2; /* MEN_GROUP: the second person */
};

/* Per-document resolution context: the people mentioned recently, for "the
 * two leaders" and "his Russian counterpart".  Zero it per document. */
struct mention_ctx {
    const struct entity *recent[4]; /* most recent person first */
    const struct entity *subject;   /* the person a recent sentence opened with:
                                       "He" at the start of the next one */
    int has_date;
    int32_t date; /* publication date, for who held a title */
};

/* Find the mentions in text[0..len) (non-overlapping, longest first, in text
 * order), write up to max into out and return how many were found.  Updates
 * ctx with the people seen.  Reentrant given distinct ctx. */
size_t lexicon_mentions(const struct lexicon *lx, struct mention_ctx *ctx, const char *text, size_t len,
                        struct mention *out, size_t max);

#endif
