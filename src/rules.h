/* rules.h - the rule set: claim kinds, extractors, consistency checks, cues
 * for modality and attribution, boilerplate, and the entity lexicon, all
 * loaded from YAML files (rules/ in the source tree, or the copy embedded in
 * the binary).
 *
 * A rule set is built by rules_load_* calls followed by rules_compile; after
 * that it is read-only and shared by all threads.  Everything it points to is
 * owned by it and freed by rules_free. */
#ifndef CC_RULES_H
#define CC_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "lexicon.h"
#include "pattern_shape.h"
#include "strmap.h"

/* ==== Claim kinds ==== */

enum field_type {
    FT_ENTITIES, /* a set of actors: participants */
    FT_ENTITY,   /* one actor or body */
    FT_PLACE,    /* a place, compared by containment */
    FT_DATE,
    FT_TIME,
    FT_DURATION,
    FT_NUMBER,
    FT_ORDINAL,
    FT_WORD,    /* a word from a closed vocabulary, lower-cased: "phone", "for" */
    FT_TEXT,    /* free text, kept as written */
    FT_ACTOR,   /* an entity, stored and compared as the country it speaks for */
    FT_DETAILS, /* distinctive details of an event (detail cue ids) */
    FT_TYPES
};

struct field_def {
    char *name;
    int type; /* enum field_type */
};

#define MAX_FIELDS 12 /* at most 16: a packed claim keeps a 16-bit mask of set fields */

struct kind_def {
    char *name;
    struct field_def fields[MAX_FIELDS];
    int nfields;
    int key[4], nkey; /* fields that say what the claim is about */
    int value;        /* the field that is the claim's value, -1 if none */
    int when;         /* the date field that tells events apart, -1 if none */
    int details;      /* the details field for event identity, -1 if none */
    int key_some;     /* a claim needs only one of its key fields ("refugees fled Ukraine": no population) */
    int corroborate[4], ncorroborate; /* a claim dated by a bare weekday joins an
                                         event only when one of these agrees */
    char *path;
    unsigned line, col;
};

/* ==== Extractors ==== */

/* Classes of annotation a macro such as {PERSON} accepts. */
enum ann_class {
    AC_PERSON = 1u << 0,
    AC_COUNTRY = 1u << 1,
    AC_GOV = 1u << 2,   /* a government by its seat: Jerusalem, the Kremlin, Kyiv */
    AC_PLACE = 1u << 3, /* country, city, region, place */
    AC_ORG = 1u << 4,
    AC_BODY = 1u << 5,
    AC_NATIONALITY = 1u << 6, /* a demonym: "Israeli" */
    AC_DATE = 1u << 7,
    AC_TIME = 1u << 8,
    AC_DURATION = 1u << 9,
    AC_NUMBER = 1u << 10,
    AC_ORDINAL = 1u << 11,
    AC_PERCENT = 1u << 12,
    AC_GROUP = 1u << 13, /* "the two leaders" */
};

/* The classes the normalizer's expressions have; the rest are mentions. */
#define AC_EXPRESSIONS (AC_DATE | AC_TIME | AC_DURATION | AC_NUMBER | AC_ORDINAL | AC_PERCENT)

enum field_source { FS_GROUPS, FS_LITERAL };

struct field_spec {
    int field;     /* index into the kind's fields */
    int how;       /* enum field_source */
    int groups[4]; /* capture group numbers */
    int ngroups;
    char *literal;         /* FS_LITERAL */
    double add;            /* added to a number ("140 other nations": add 1 when flagged) */
    int add_if_other;      /* add only when the number was followed by "other" */
    int each;              /* one claim per entity in the group ("Russia, Belarus and Syria voted against") */
    unsigned recent;       /* AC_* classes: failing the groups, the nearest mention in the
                              sentence, else the latest one in the document before it */
    struct value_map *map; /* owned: the first pattern found in the group (or the match) gives the value */
    int nmap;
};

/* `map:` of a field spec: a value and the pattern that selects it. */
struct value_map {
    char *value;    /* owned */
    pcre2_code *re; /* owned; plain PCRE2, no macros */
};

/* One macro use inside a compiled pattern: the callout checks that the
 * capture group spans exactly one annotation of the classes. */
struct macro_slot {
    int group;
    unsigned classes;
};

#define CONTEXT_DATE (1u << 0)
#define CONTEXT_TIME (1u << 1)
#define CONTEXT_PLACE (1u << 2)
#define CONTEXT_DURATION (1u << 3)
#define CONTEXT_ORDINAL (1u << 4)
#define CONTEXT_SENTENCE_DATE (1u << 5)   /* failing `date`: the sentence's only date */
#define CONTEXT_PUBLISHED_MONTH (1u << 6) /* failing those: the month the article was published */

enum modality { MOD_ASSERTED, MOD_HEDGED, MOD_PLANNED, MOD_DENIED, MOD_COUNT };

struct extractor {
    char *id;
    const struct kind_def *kind;
    char *source;   /* the pattern as written */
    char *expanded; /* after macro expansion */
    pcre2_code *re;
    /* the annotation classes every match starts at (pattern_shape.h): re
     * is then anchored, and tried at those annotations' offsets alone;
     * 0: re searches the sentence */
    unsigned start_classes;
    /* a sentence without an annotation of classes need[i], for some i, is
     * not tried (pattern_shape.h) */
    unsigned need[PATTERN_NEEDS];
    int nneed;
    /* the pattern's leading sentence guards, alone (or NULL): anchored, or
     * what a single guard looks for (pattern_guard_search), searched; the
     * sentence passes when it matches */
    pcre2_code *guard;
    struct macro_slot slots[64];
    int nslots;
    struct field_spec specs[MAX_FIELDS];
    int nspecs;
    unsigned context;       /* CONTEXT_* fields to take from the sentence */
    int modality;           /* forced modality, or -1 */
    char **triggers;        /* lower-case words; the sentence must have one (none: always run) */
    uint8_t *trigger_group; /* per word: its list, when the sentence needs a word of each of several */
    size_t ntriggers;
    int ntrigger_groups; /* 0 (no triggers), 1, or up to 8 lists */
    char *path;
    unsigned line, col;
    uint32_t index;
    void *pattern_node; /* while loading: the YAML node of the pattern */
    void *fields_node;
    size_t pending; /* while loading: which file */
};

/* ==== Checks ==== */

enum comparator {
    CMP_EXACT,    /* equal words, texts or entities */
    CMP_INTERVAL, /* numbers, durations: intervals overlap */
    CMP_DATE,     /* dates: overlap at their granularity; weekdays agree */
    CMP_PLACE,    /* places: one contains the other */
    CMP_ENTITY,   /* entity or role equality */
    CMP_ORDINAL,  /* ordinals of one event: equal */
    CMP_WEEKDAY,  /* one claim: the weekday it names against the day its date is */
    CMP_TIMELINE, /* "the first call since the invasion" against earlier calls after it */
    CMP_COUNT_
};

struct check {
    char *id;
    const struct kind_def *kind;
    int key[4], nkey; /* within one event, group claims by these fields too */
    int compare;      /* field compared */
    int comparator;   /* enum comparator */
    int severity;     /* enum diag_level */
    char *message;    /* template: {kind} {field} {value} {other} {key} */
    char *path;
    unsigned line, col;
    void *node; /* while loading: its YAML */
    size_t pending;
};

/* ==== Cues: modality, attribution, boilerplate ==== */

enum cue_scope { SCOPE_NEAR, SCOPE_SENTENCE, SCOPE_REST };

struct cue {
    char *id;
    int type;  /* modality for modality cues */
    int scope; /* enum cue_scope */
    pcre2_code *re;
    int source_group; /* attribution: the group naming the source, or -1 */
    struct macro_slot slots[16];
    int nslots;
    char *path;
    unsigned line, col;
    char *source;    /* the pattern as written */
    char **triggers; /* lower-case words; the sentence must have one (none: always run) */
    size_t ntriggers;
    uint32_t index;     /* its bit in rules_triggered's want, after the extractors' */
    void *pattern_node; /* while loading */
    size_t pending;
    /* details cues: the kinds whose claims they attach to, and the group whose
     * mention completes the detail id ("delegation:gomel"), or -1 */
    const struct kind_def *kinds[8];
    int nkinds;
    char *kind_names; /* while loading: comma-separated */
    int value_group;
};

struct ruleset {
    struct lexicon *lex;
    struct kind_def *kinds;
    size_t nkinds, capkinds;
    struct extractor *ex;
    size_t nex, capex;
    struct check *checks;
    size_t nchecks, capchecks;
    struct cue *modality, *attribution, *boilerplate, *details;
    size_t nmodality, nattribution, nboilerplate, ndetails;
    size_t capmodality, capattribution, capboilerplate, capdetails;
    void *macros;            /* Judy: name -> struct macro_def */
    struct strhash triggers; /* lower-case word -> uint32_t list of extractors (list[0]: count) */
    uint64_t *always;        /* extractors without triggers, a bit each ((nex + 63) / 64 words) */
    size_t nwant;            /* bits rules_triggered sets: the extractors, then the cues */
    size_t nfiles;
    /* the YAML of every file stays loaded until rules_compile is done */
    struct pending *pending;
    size_t npending, cappending;
};

struct ruleset *rules_new(void);
void rules_free(struct ruleset *rs);

/* Load one rule file (text borrowed only during the call... and until
 * rules_compile: keep it alive): YAML, or a TSV entity list when path ends in
 * ".tsv".  Errors go to d as path:line:col.  Returns 0 or -1. */
int rules_load_text(struct ruleset *rs, const char *path, const char *text, size_t len, struct diag *d);
/* Load every *.yml, *.yaml and *.tsv under dir (sorted, recursively).
 * Returns 0 or -1. */
int rules_load_dir(struct ruleset *rs, const char *dir, struct diag *d);
/* Load the rules compiled into the binary. */
int rules_load_embedded(struct ruleset *rs, struct diag *d);
/* Resolve names, expand macros and compile every pattern (with JIT).  After
 * this the rule set is read-only.  Returns 0, or -1 with errors in d. */
int rules_compile(struct ruleset *rs, struct diag *d);

const struct kind_def *rules_kind(const struct ruleset *rs, const char *name);
int kind_field(const struct kind_def *k, const char *name);
const char *field_type_name(int type);
/* The macro of these annotation classes ("ACTOR"), or their single
 * classes joined by '|' ("NUMBER|DATE"), into buf. */
void ann_classes_name(unsigned classes, char *buf, size_t n);
/* Does a field of this type hold entities (a value's ents) rather than a
 * number or date (its lo, hi and date)?  The two share their bytes. */
static inline int field_holds_ents(int type)
{
    return type == FT_ENTITIES || type == FT_ENTITY || type == FT_PLACE || type == FT_ACTOR;
}
const char *modality_name(int m);
const char *comparator_name(int c);

/* Extractors and cues worth running on a sentence whose lower-cased words
 * are given: sets bits in want (an extractor's index, a cue's index; want
 * holds (nwant + 63) / 64 words).  A cue without triggers has no bit: run
 * it.  seen: nex bytes of scratch, zero on entry and left zero. */
void rules_triggered(const struct ruleset *rs, const char *const *words, const size_t *lens, size_t n, uint64_t *want,
                     uint8_t *seen);

#endif
