/* claim.h - claims: what one sentence of one source says, as a normalized tuple.
 *
 * A claim has a kind (rules: kinds), a value per field, a modality, an
 * attribution and its provenance (document, line, column, span, sentence).
 * A claimset owns its claims and the table of documents they came from. */
#ifndef CC_CLAIM_H
#define CC_CLAIM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "lexicon.h"
#include "normalize.h"
#include "rules.h"

#define MAX_ENTS 4

/* A value holds entities or a number/date, never both (field_holds_ents says
 * which by the field's type), so the two share their bytes: 56 bytes on
 * LP64, not 88.  Claims are most of the memory of a run. */
struct value {
    union {
        const struct entity *ents[MAX_ENTS]; /* entities, entity, place, actor: sorted by id */
        struct {
            double lo, hi;       /* number, duration (seconds), ordinal, time (minutes) */
            struct nx_date date; /* date; time keeps tod */
        };
    };
    char *text;       /* owned: the words in the source ("on Wednesday") */
    char *norm;       /* owned: canonical text: the word, the TIMEX3 value, "PT3H" */
    uint16_t nxflags; /* NX_* flags of the expression it came from */
    uint8_t set;      /* the field has a value */
    uint8_t nents;
    uint8_t lo_open, hi_open;
};

/* A claim's values and strings are separate allocations while it is being
 * extracted (claim_init allocates kind->nfields values; strings are
 * xstrdup'd and replaced freely).  claim_pack then moves the set values and
 * every string into one block, which is how a claim set holds them: a
 * quarter of the memory, and one free.  Read fields with claim_field, which
 * works on both forms; only an unpacked claim's f may be written. */
struct claim {
    const struct kind_def *kind;
    const struct extractor *rule;
    struct value *f;                    /* owned: unpacked, kind->nfields values;
                                         * packed, the set ones in field order */
    char *attribution;                  /* owned or NULL: who says so, as written */
    const struct entity *attrib_entity; /* the attribution resolved, or NULL */
    char *sentence;                     /* owned: the sentence, as written */
    uint32_t doc;                       /* index into the claimset's documents */
    uint32_t start, end;                /* byte span of the match in the document */
    uint32_t sent_start, sent_end;
    unsigned line, col; /* of start */
    uint32_t event;     /* event id (0 = none or ambiguous), set by check_events */
    int8_t modality;    /* enum modality */
    uint8_t event_why;  /* enum event_basis: why the claim joined its event */
    uint8_t packed;     /* f, its strings, attribution and sentence are one block (f) */
    uint16_t setmask;   /* packed: bit i = field i is set */
};

/* Why a claim belongs to its event (check_events). */
enum event_basis {
    EV_NONE,      /* not assigned: key fields missing */
    EV_ONLY,      /* the only event with this key (or the kind has no date) */
    EV_DATE,      /* its date fits the event's dates */
    EV_DETAIL,    /* it shares a distinctive detail with the event */
    EV_AMBIGUOUS, /* no date, and several events share its key: left out */
};
const char *event_basis_name(int why);

/* A problem met while reading or extracting a document that did not stop it
 * (invalid UTF-8 replaced, malformed front matter, a rule that gave up). */
struct doc_warning {
    unsigned line, col; /* 0 when unknown */
    char *msg;          /* owned */
};

struct docinfo {
    char *path;                   /* owned: one block with id, source and skip */
    const char *id, *source;      /* in path's block, or NULL */
    const char *skip;             /* in path's block, or NULL: why it was not read */
    const char *date_from;        /* static */
    struct doc_warning *warnings; /* owned: see claimset_doc_warnings */
    uint32_t nwarnings;
    uint32_t nclaims;
    int32_t date;
    uint8_t has_date;
    uint8_t is_draft;
};

struct claimset {
    struct docinfo *docs;
    size_t ndocs, capdocs;
    struct claim *v;
    size_t n, cap;
};

/* Append a copy of the document's facts; returns its index. */
uint32_t claimset_add_doc(struct claimset *cs, const char *path, const char *id, const char *source, int has_date,
                          int32_t date, const char *date_from, const char *skip, int is_draft);
/* Copy the warnings and errors in d into document doc's entry, for the
 * reports; the "skipped: ..." warning of a skipped document is left out (its
 * skip reason says it). */
void claimset_doc_warnings(struct claimset *cs, uint32_t doc, const struct diag *d);
/* The value of field i of c; a zero value when a packed claim lacks it. */
extern const struct value value_unset;
static inline const struct value *claim_field(const struct claim *c, int i)
{
    if (!c->packed) return &c->f[i];
    if (!(c->setmask >> i & 1)) return &value_unset;
    unsigned m = c->setmask & ((1u << i) - 1); /* the set fields before i: a popcount, without libgcc's call */
    m = m - ((m >> 1) & 0x5555u);
    m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
    m = (m + (m >> 4)) & 0x0F0Fu;
    return &c->f[(m + (m >> 8)) & 0x1Fu];
}

/* A claim of kind k with no values set, ready to fill (its f allocated). */
void claim_init(struct claim *c, const struct kind_def *k);
/* Move a claim's values and strings into one block (idempotent); the
 * values must not be changed afterwards. */
void claim_pack(struct claim *c);
/* Append a claim (moved: cs takes ownership of its strings). */
void claimset_add(struct claimset *cs, struct claim *c);
/* Move document doc of src and its claims, which start at src->v[*next]
 * (claims are in document order), to the end of dst, packing the claims;
 * *next moves past them.  Returns the document's index in dst.  src keeps
 * empty slots: free its arrays, not its claims, when every document moved. */
uint32_t claimset_move_doc(struct claimset *dst, struct claimset *src, uint32_t doc, size_t *next);
void claimset_free(struct claimset *cs);
void claim_free(struct claim *c);
void value_free(struct value *v);

/* Canonical one-line text of a value for messages: "2022-03-02", "141",
 * "more than 1500000", "naftali-bennett+vladimir-putin", "moscow". */
void value_format(struct buf *b, const struct value *v, int type);
/* The value as JSON (an object for dates and numbers, a string or list otherwise). */
void value_json(struct buf *b, const struct value *v, int type);
/* A publication date as JSON: "YYYY-MM-DD", or null when there is none. */
void day_json(struct buf *b, int has_date, int32_t day);
/* One claim as a JSON object (the extract --format jsonl contract). */
void claim_json(struct buf *b, const struct claimset *cs, const struct claim *c);

#endif
