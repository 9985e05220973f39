/* rules.c - load rule files (YAML, and TSV entity lists), expand macros, compile patterns. */
#include "rules.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "bytes.h"
#include "calendar.h"
#include "embedded.h"
#include "pattern_shape.h"
#include "strmap.h"
#include "utf8.h"
#include "xalloc.h"
#include "yamldoc.h"

/* A file whose YAML stays loaded until rules_compile, for error positions. */
struct pending {
    char *text; /* owned copy of the file */
    struct yamldoc yd;
};

struct macro_def {
    char *name;
    char *text;       /* the pattern text, or NULL for an annotation macro */
    unsigned classes; /* annotation macro */
    size_t pending;
    yaml_node_t *node;
};

static const struct {
    const char *name;
    unsigned classes;
} builtin_macros[] = {
    {"PERSON", AC_PERSON},
    {"PEOPLE", AC_PERSON | AC_GROUP},
    {"GROUP", AC_GROUP},
    {"COUNTRY", AC_COUNTRY},
    {"GOV", AC_GOV},
    {"PLACE", AC_PLACE},
    {"ORG", AC_ORG},
    {"BODY", AC_BODY},
    {"NATIONALITY", AC_NATIONALITY},
    {"ACTOR", AC_PERSON | AC_GROUP | AC_COUNTRY | AC_GOV | AC_ORG | AC_BODY},
    {"DATE", AC_DATE},
    {"TIME", AC_TIME},
    {"DURATION", AC_DURATION},
    {"NUMBER", AC_NUMBER},
    {"ORDINAL", AC_ORDINAL},
    {"PERCENT", AC_PERCENT},
};

static const char *ftype_names[FT_TYPES] = {"entities", "entity",  "place", "date", "time",  "duration",
                                            "number",   "ordinal", "word",  "text", "actor", "details"};
static const char *mod_names[MOD_COUNT] = {"asserted", "hedged", "planned", "denied"};
static const char *cmp_names[CMP_COUNT_] = {"exact",  "interval", "date",    "place",
                                            "entity", "ordinal",  "weekday", "timeline"};

/* The classes of the built-in macro name, or 0 when it is not one. */
static unsigned builtin_classes(const char *name)
{
    for (size_t b = 0; b < sizeof builtin_macros / sizeof *builtin_macros; b++)
        if (strcmp(builtin_macros[b].name, name) == 0) return builtin_macros[b].classes;
    return 0;
}

void ann_classes_name(unsigned classes, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    /* a built-in macro with exactly these classes, else the single ones */
    for (size_t b = 0; b < sizeof builtin_macros / sizeof *builtin_macros; b++)
        if (builtin_macros[b].classes == classes) {
            snprintf(buf, n, "%s", builtin_macros[b].name);
            return;
        }
    for (size_t b = 0; b < sizeof builtin_macros / sizeof *builtin_macros; b++) {
        unsigned c = builtin_macros[b].classes;
        if ((c & (c - 1)) || !(c & classes) || used >= n) continue; /* one class each */
        int k = snprintf(buf + used, n - used, "%s%s", used ? "|" : "", builtin_macros[b].name);
        used += k > 0 ? (size_t)k : 0;
    }
}

const char *field_type_name(int t)
{
    return t >= 0 && t < FT_TYPES ? ftype_names[t] : "?";
}
const char *modality_name(int m)
{
    return m >= 0 && m < MOD_COUNT ? mod_names[m] : "?";
}
const char *comparator_name(int c)
{
    return c >= 0 && c < CMP_COUNT_ ? cmp_names[c] : "?";
}

static int lookup(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (s && strcmp(names[i], s) == 0) return i;
    return -1;
}

/* ==== Rule set lifetime ==== */

struct ruleset *rules_new(void)
{
    struct ruleset *rs = xcalloc(1, sizeof *rs);
    rs->lex = lexicon_new();
    return rs;
}

static void free_cues(struct cue *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].path);
        free(v[i].source);
        free(v[i].kind_names);
        for (size_t t = 0; t < v[i].ntriggers; t++) free(v[i].triggers[t]);
        free(v[i].triggers);
        pcre2_code_free(v[i].re);
    }
    free(v);
}

static int free_macro(const char *key, void *val, void *arg)
{
    struct macro_def *m = val;
    (void)key;
    (void)arg;
    free(m->name);
    free(m->text);
    free(m);
    return 0;
}

static void free_pending(struct ruleset *rs)
{
    for (size_t i = 0; i < rs->npending; i++) {
        yamldoc_free(&rs->pending[i].yd);
        free(rs->pending[i].text);
    }
    free(rs->pending);
    rs->pending = NULL;
    rs->npending = rs->cappending = 0;
}

void rules_free(struct ruleset *rs)
{
    if (!rs) return;
    lexicon_free(rs->lex);
    for (size_t i = 0; i < rs->nkinds; i++) {
        free(rs->kinds[i].name);
        free(rs->kinds[i].path);
        for (int f = 0; f < rs->kinds[i].nfields; f++) free(rs->kinds[i].fields[f].name);
    }
    free(rs->kinds);
    for (size_t i = 0; i < rs->nex; i++) {
        struct extractor *x = &rs->ex[i];
        free(x->id);
        free(x->source);
        free(x->expanded);
        free(x->path);
        pcre2_code_free(x->re);
        pcre2_code_free(x->guard);
        for (int s = 0; s < x->nspecs; s++) {
            free(x->specs[s].literal);
            for (int m = 0; m < x->specs[s].nmap; m++) {
                free(x->specs[s].map[m].value);
                pcre2_code_free(x->specs[s].map[m].re);
            }
            free(x->specs[s].map);
        }
        for (size_t t = 0; t < x->ntriggers; t++) free(x->triggers[t]);
        free(x->triggers);
        free(x->trigger_group);
    }
    free(rs->ex);
    for (size_t i = 0; i < rs->nchecks; i++) {
        free(rs->checks[i].id);
        free(rs->checks[i].message);
        free(rs->checks[i].path);
    }
    free(rs->checks);
    free_cues(rs->modality, rs->nmodality);
    free_cues(rs->attribution, rs->nattribution);
    free_cues(rs->boilerplate, rs->nboilerplate);
    free_cues(rs->details, rs->ndetails);
    char key[256];
    strmap_each(rs->macros, key, free_macro, NULL);
    strmap_free((Pvoid_t *)&rs->macros);
    for (size_t i = 0; i < rs->triggers.cap; i++)
        if (rs->triggers.v[i].hash) free(rs->triggers.v[i].val);
    strhash_free(&rs->triggers);
    free(rs->always);
    free_pending(rs);
    free(rs);
}

const struct kind_def *rules_kind(const struct ruleset *rs, const char *name)
{
    for (size_t i = 0; i < rs->nkinds; i++)
        if (strcmp(rs->kinds[i].name, name) == 0) return &rs->kinds[i];
    return NULL;
}

int kind_field(const struct kind_def *k, const char *name)
{
    for (int i = 0; i < k->nfields; i++)
        if (strcmp(k->fields[i].name, name) == 0) return i;
    return -1;
}

/* ==== Loading: helpers ==== */

struct loader {
    struct ruleset *rs;
    struct yamldoc *yd;
    size_t pending;
    struct diag *d;
    int errors;
};

static void err(struct loader *L, yaml_node_t *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void err(struct loader *L, yaml_node_t *n, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    yamldoc_error(L->yd, L->d, DIAG_ERROR, n, "%s", msg);
    L->errors++;
}

static void where(struct loader *L, yaml_node_t *n, char **path, unsigned *line, unsigned *col)
{
    *path = xstrdup(L->yd->path);
    *line = n ? (unsigned)n->start_mark.line + 1 : 0;
    *col = n ? (unsigned)n->start_mark.column + 1 : 0;
}

/* A required scalar string under key. */
static const char *need_str(struct loader *L, yaml_node_t *map, const char *key)
{
    yaml_node_t *n = yamldoc_get(L->yd, map, key);
    const char *s = yamldoc_str(n);
    if (!n)
        err(L, map, "missing '%s'", key);
    else if (!s)
        err(L, n, "'%s' must be a string", key);
    return s;
}

/* Strings of a scalar or a sequence of scalars; returns count, *out owned. */
static size_t str_list(struct loader *L, yaml_node_t *n, char ***out)
{
    *out = NULL;
    if (!n) return 0;
    if (yamldoc_str(n)) {
        *out = xmalloc(sizeof **out);
        (*out)[0] = xstrdup(yamldoc_str(n));
        return 1;
    }
    if (!yamldoc_is_seq(n)) {
        err(L, n, "expected a string or a list of strings");
        return 0;
    }
    size_t len = yamldoc_len(n), k = 0;
    *out = xcalloc(len ? len : 1, sizeof **out);
    for (size_t i = 0; i < len; i++) {
        yaml_node_t *it = yamldoc_item(L->yd, n, i);
        const char *s = yamldoc_str(it);
        if (!s) {
            err(L, it, "expected a string");
            continue;
        }
        (*out)[k++] = xstrdup(s);
    }
    return k;
}

/* Check and lower-case trigger word t of the list (node n, for errors). */
static void check_trigger(struct loader *L, yaml_node_t *n, char *t)
{
    int ok = t[0] != '\0';
    for (char *c = t; *c; c++) {
        unsigned char u = (unsigned char)*c;
        *c = (char)ascii_lower[u];
        if (!word_byte[u]) ok = 0; /* a byte the prefilter's words have */
    }
    if (!ok) err(L, n, "a trigger is one word (letters, digits, hyphens): '%s' would never fire", t);
}

/* A `triggers:` list: lower-cased, each one word as the prefilter cuts them
 * (letters, digits, hyphens and non-ASCII letters), else it never fires.
 * With groups (an extractor's), it may also be a list of lists: the
 * sentence must then have a word of every list; (*groups)[i] is the list
 * of word i.  Returns the number of words. */
static size_t load_triggers(struct loader *L, yaml_node_t *m, char ***out, uint8_t **groups, int *ngroups)
{
    yaml_node_t *tn = yamldoc_get(L->yd, m, "triggers");
    if (groups) {
        *groups = NULL;
        *ngroups = 0;
    }
    int nested = tn && yamldoc_is_seq(tn) && yamldoc_len(tn) && yamldoc_is_seq(yamldoc_item(L->yd, tn, 0));
    if (!nested) {
        size_t n = str_list(L, tn, out);
        for (size_t t = 0; t < n; t++) check_trigger(L, yamldoc_str(tn) ? tn : yamldoc_item(L->yd, tn, t), (*out)[t]);
        if (groups && n) {
            *groups = xcalloc(n, 1);
            *ngroups = 1;
        }
        return n;
    }
    *out = NULL;
    if (!groups) {
        err(L, tn, "a cue's triggers are one list of words");
        return 0;
    }
    size_t n = 0, cap = 0, gcap = 0, ng = yamldoc_len(tn);
    if (ng > 8) {
        err(L, tn, "at most 8 lists of trigger words");
        return 0;
    }
    for (size_t g = 0; g < ng; g++) {
        yaml_node_t *gn = yamldoc_item(L->yd, tn, g);
        if (!yamldoc_is_seq(gn) || !yamldoc_len(gn)) {
            err(L, gn, "triggers: either words, or lists of words (every list needs a word in the sentence)");
            continue;
        }
        char **words;
        size_t k = str_list(L, gn, &words);
        for (size_t t = 0; t < k; t++) {
            check_trigger(L, yamldoc_item(L->yd, gn, t), words[t]);
            XGROW(*out, cap, n + 1);
            XGROW(*groups, gcap, n + 1);
            (*out)[n] = words[t];
            (*groups)[n] = (uint8_t)*ngroups;
            n++;
        }
        free(words);
        if (k) (*ngroups)++;
    }
    return n;
}

static void check_keys(struct loader *L, yaml_node_t *map, const char *const *allowed)
{
    if (!yamldoc_is_map(map)) return;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(&L->yd->doc, p->key);
        const char *ks = yamldoc_str(k);
        int ok = 0;
        for (const char *const *a = allowed; *a && ks; a++)
            if (strcmp(*a, ks) == 0) ok = 1;
        if (!ok) {
            struct buf b = {0};
            for (const char *const *a = allowed; *a; a++) buf_printf(&b, "%s%s", a == allowed ? "" : ", ", *a);
            err(L, k, "unknown key '%s' (expected one of: %s)", ks ? ks : "?", b.s);
            buf_free(&b);
        }
    }
}

/* ==== Loading: sections ==== */

static void load_kinds(struct loader *L, yaml_node_t *n)
{
    if (!yamldoc_is_map(n)) {
        err(L, n, "'kinds' must map kind names to definitions");
        return;
    }
    static const char *const keys[] = {"description", "fields",  "key",         "key_some", "value",
                                       "when",        "details", "corroborate", NULL};
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *kn = yaml_document_get_node(&L->yd->doc, p->key);
        yaml_node_t *def = yaml_document_get_node(&L->yd->doc, p->value);
        const char *name = yamldoc_str(kn);
        if (!name || !yamldoc_is_map(def)) {
            err(L, kn, "a kind needs a name and a mapping with 'fields'");
            continue;
        }
        if (rules_kind(L->rs, name)) {
            err(L, kn, "kind '%s' is defined twice", name);
            continue;
        }
        check_keys(L, def, keys);
        XGROW(L->rs->kinds, L->rs->capkinds, L->rs->nkinds + 1);
        struct kind_def *k = &L->rs->kinds[L->rs->nkinds++];
        memset(k, 0, sizeof *k);
        k->name = xstrdup(name);
        k->value = k->when = k->details = -1;
        where(L, kn, &k->path, &k->line, &k->col);
        yaml_node_t *fields = yamldoc_get(L->yd, def, "fields");
        if (!yamldoc_is_map(fields)) {
            err(L, fields ? fields : def, "kind '%s': 'fields' must map field names to types", name);
            continue;
        }
        for (yaml_node_pair_t *f = fields->data.mapping.pairs.start; f < fields->data.mapping.pairs.top; f++) {
            yaml_node_t *fk = yaml_document_get_node(&L->yd->doc, f->key);
            yaml_node_t *fv = yaml_document_get_node(&L->yd->doc, f->value);
            int t = lookup(ftype_names, FT_TYPES, yamldoc_str(fv));
            if (t < 0) {
                err(L, fv,
                    "unknown field type '%s' (expected entities, entity, actor, place, date, time, "
                    "duration, number, ordinal, word, text or details)",
                    yamldoc_str(fv) ? yamldoc_str(fv) : "?");
                continue;
            }
            if (k->nfields == MAX_FIELDS) {
                err(L, fk, "kind '%s' has more than %d fields", name, MAX_FIELDS);
                break;
            }
            k->fields[k->nfields].name = xstrdup(yamldoc_str(fk));
            k->fields[k->nfields].type = t;
            k->nfields++;
        }
        yaml_node_t *ks = yamldoc_get(L->yd, def, "key_some");
        if (ks) {
            const char *v = yamldoc_str(ks);
            if (v && (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "false") || !strcmp(v, "no")))
                k->key_some = !strcmp(v, "true") || !strcmp(v, "yes");
            else
                err(L, ks, "kind '%s': 'key_some' must be true or false", name);
        }
        yaml_node_t *cn = yamldoc_get(L->yd, def, "corroborate");
        if (cn) {
            char **cv;
            size_t nc = str_list(L, cn, &cv);
            for (size_t i = 0; i < nc; i++) {
                int fi = kind_field(k, cv[i]);
                if (fi < 0)
                    err(L, cn, "kind '%s': corroborate field '%s' is not one of its fields", name, cv[i]);
                else if (k->ncorroborate == 4)
                    err(L, cn, "kind '%s': at most 4 corroborate fields", name);
                else
                    k->corroborate[k->ncorroborate++] = fi;
                free(cv[i]);
            }
            free(cv);
        }
        char **keyv;
        size_t nk = str_list(L, yamldoc_get(L->yd, def, "key"), &keyv);
        for (size_t i = 0; i < nk; i++) {
            int fi = kind_field(k, keyv[i]);
            if (fi < 0)
                err(L, yamldoc_get(L->yd, def, "key"), "kind '%s': key field '%s' is not one of its fields", name,
                    keyv[i]);
            else if (k->nkey < 4)
                k->key[k->nkey++] = fi;
            free(keyv[i]);
        }
        free(keyv);
        const char *roles[3] = {"value", "when", "details"};
        int *dst[3] = {&k->value, &k->when, &k->details};
        const int want[3] = {-1, FT_DATE, FT_DETAILS};
        for (int r = 0; r < 3; r++) {
            yaml_node_t *vn = yamldoc_get(L->yd, def, roles[r]);
            if (!vn) continue;
            *dst[r] = yamldoc_str(vn) ? kind_field(k, yamldoc_str(vn)) : -1;
            if (*dst[r] < 0)
                err(L, vn, "kind '%s': %s field '%s' is not one of its fields", name, roles[r],
                    yamldoc_str(vn) ? yamldoc_str(vn) : "?");
            else if (want[r] >= 0 && k->fields[*dst[r]].type != want[r])
                err(L, vn, "kind '%s': the %s field must be of type %s", name, roles[r], ftype_names[want[r]]);
        }
    }
}

static void load_macros(struct loader *L, yaml_node_t *n)
{
    if (!yamldoc_is_map(n)) {
        err(L, n, "'macros' must map NAMES to patterns");
        return;
    }
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *kn = yaml_document_get_node(&L->yd->doc, p->key);
        yaml_node_t *vn = yaml_document_get_node(&L->yd->doc, p->value);
        const char *name = yamldoc_str(kn);
        int ok = name && *name;
        for (const char *c = name; ok && *c; c++)
            if (!((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_')) ok = 0;
        if (!ok) {
            err(L, kn, "macro names are upper-case letters, digits and '_'");
            continue;
        }
        if (builtin_classes(name)) {
            err(L, kn, "macro '%s' is built in and cannot be redefined", name);
            continue;
        }
        if (!yamldoc_str(vn)) {
            err(L, vn, "macro '%s' must be a pattern string", name);
            continue;
        }
        void **slot = strmap_slot((Pvoid_t *)&L->rs->macros, name);
        if (*slot) {
            err(L, kn, "macro '%s' is defined twice", name);
            continue;
        }
        struct macro_def *m = xcalloc(1, sizeof *m);
        m->name = xstrdup(name);
        m->text = xstrdup(yamldoc_str(vn));
        m->pending = L->pending;
        m->node = vn;
        *slot = m;
    }
}

static int parse_day(const char *s, int32_t *day)
{
    return s ? cal_parse_iso(s, strlen(s), day) : -1;
}

static void load_entities(struct loader *L, yaml_node_t *n)
{
    if (!yamldoc_is_seq(n)) {
        err(L, n, "'entities' must be a list");
        return;
    }
    static const char *const keys[] = {"id", "type",       "name", "aliases", "demonyms", "titles", "country",
                                       "in", "stands_for", "from", "until",   "note",     NULL};
    for (size_t i = 0; i < yamldoc_len(n); i++) {
        yaml_node_t *m = yamldoc_item(L->yd, n, i);
        if (!yamldoc_is_map(m)) {
            err(L, m, "an entity must be a mapping with id, type and name");
            continue;
        }
        check_keys(L, m, keys);
        const char *id = need_str(L, m, "id"), *type = need_str(L, m, "type");
        if (!id || !type) continue;
        int t = entity_type_parse(type);
        if (t < 0) {
            err(L, yamldoc_get(L->yd, m, "type"),
                "unknown entity type '%s' (expected person, country, city, region, place, org or body)", type);
            continue;
        }
        struct entity *e = xcalloc(1, sizeof *e);
        e->id = xstrdup(id);
        e->type = t;
        const char *name = yamldoc_str(yamldoc_get(L->yd, m, "name"));
        e->name = xstrdup(name ? name : id);
        e->naliases = str_list(L, yamldoc_get(L->yd, m, "aliases"), &e->aliases);
        e->ndemonyms = str_list(L, yamldoc_get(L->yd, m, "demonyms"), &e->demonyms);
        e->ntitles = str_list(L, yamldoc_get(L->yd, m, "titles"), &e->titles);
        const char *s;
        if ((s = yamldoc_str(yamldoc_get(L->yd, m, "country")))) e->country_id = xstrdup(s);
        if ((s = yamldoc_str(yamldoc_get(L->yd, m, "in")))) e->in_id = xstrdup(s);
        if ((s = yamldoc_str(yamldoc_get(L->yd, m, "stands_for")))) e->stands_for_id = xstrdup(s);
        yaml_node_t *fn = yamldoc_get(L->yd, m, "from"), *un = yamldoc_get(L->yd, m, "until");
        if (fn) {
            if (parse_day(yamldoc_str(fn), &e->from) < 0)
                err(L, fn, "'from' must be a date YYYY-MM-DD");
            else
                e->has_from = 1;
        }
        if (un) {
            if (parse_day(yamldoc_str(un), &e->until) < 0)
                err(L, un, "'until' must be a date YYYY-MM-DD");
            else
                e->has_until = 1;
        }
        where(L, m, &e->path, &e->line, &e->col);
        if (lexicon_add(L->rs->lex, e, L->d) < 0) L->errors++;
    }
}

static void load_titles(struct loader *L, yaml_node_t *n)
{
    if (!yamldoc_is_map(n)) {
        err(L, n, "'titles' must map a canonical title to its surface forms");
        return;
    }
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        const char *canon = yamldoc_str(yaml_document_get_node(&L->yd->doc, p->key));
        char **forms;
        size_t nf = str_list(L, yaml_document_get_node(&L->yd->doc, p->value), &forms);
        if (!canon) {
            err(L, yaml_document_get_node(&L->yd->doc, p->key), "a title must be a string");
        } else {
            lexicon_add_title(L->rs->lex, canon, canon);
            for (size_t i = 0; i < nf; i++) lexicon_add_title(L->rs->lex, forms[i], canon);
        }
        for (size_t i = 0; i < nf; i++) free(forms[i]);
        free(forms);
    }
}

static int parse_context(struct loader *L, yaml_node_t *n, unsigned *ctx)
{
    static const char *const names[] = {"date",    "time",          "place",          "duration",
                                        "ordinal", "sentence-date", "published-month"};
    char **v;
    size_t k = str_list(L, n, &v);
    *ctx = 0;
    for (size_t i = 0; i < k; i++) {
        int c = lookup(names, 7, v[i]);
        if (c < 0)
            err(L, n,
                "unknown context field '%s' (expected date, time, place, duration, ordinal, sentence-date, "
                "published-month)",
                v[i]);
        else
            *ctx |= 1u << c;
        free(v[i]);
    }
    free(v);
    return 0;
}

static void load_extractors(struct loader *L, yaml_node_t *n)
{
    if (!yamldoc_is_seq(n)) {
        err(L, n, "'extractors' must be a list");
        return;
    }
    static const char *const keys[] = {"id",       "kind",     "pattern",     "fields",   "context",
                                       "triggers", "modality", "description", "examples", NULL};
    for (size_t i = 0; i < yamldoc_len(n); i++) {
        yaml_node_t *m = yamldoc_item(L->yd, n, i);
        if (!yamldoc_is_map(m)) {
            err(L, m, "an extractor must be a mapping");
            continue;
        }
        check_keys(L, m, keys);
        const char *id = need_str(L, m, "id"), *kind = need_str(L, m, "kind"), *pat = need_str(L, m, "pattern");
        if (!id || !kind || !pat) continue;
        for (size_t e = 0; e < L->rs->nex; e++)
            if (strcmp(L->rs->ex[e].id, id) == 0) {
                err(L, yamldoc_get(L->yd, m, "id"), "extractor '%s' is defined twice (first at %s:%u)", id,
                    L->rs->ex[e].path, L->rs->ex[e].line);
                id = NULL;
                break;
            }
        if (!id) continue;
        XGROW(L->rs->ex, L->rs->capex, L->rs->nex + 1);
        struct extractor *x = &L->rs->ex[L->rs->nex];
        memset(x, 0, sizeof *x);
        x->id = xstrdup(id);
        x->source = xstrdup(pat);
        x->modality = -1;
        x->index = (uint32_t)L->rs->nex;
        x->pattern_node = yamldoc_get(L->yd, m, "pattern");
        x->fields_node = yamldoc_get(L->yd, m, "fields");
        x->pending = L->pending;
        where(L, m, &x->path, &x->line, &x->col);
        /* the kind is resolved at compile time (it may come from a later file);
         * keep its name in a spec-free slot */
        x->kind = NULL;
        x->expanded = xstrdup(kind); /* replaced by the expanded pattern in compile */
        yaml_node_t *ctx = yamldoc_get(L->yd, m, "context");
        if (ctx) parse_context(L, ctx, &x->context);
        x->ntriggers = load_triggers(L, m, &x->triggers, &x->trigger_group, &x->ntrigger_groups);
        yaml_node_t *mod = yamldoc_get(L->yd, m, "modality");
        if (mod) {
            x->modality = lookup(mod_names, MOD_COUNT, yamldoc_str(mod));
            if (x->modality < 0) err(L, mod, "unknown modality (expected asserted, hedged, planned or denied)");
        }
        L->rs->nex++;
    }
}

/* Checks are parsed at compile time, when every kind is known. */
static void load_checks(struct loader *L, yaml_node_t *n)
{
    if (!yamldoc_is_seq(n)) {
        err(L, n, "'checks' must be a list");
        return;
    }
    for (size_t i = 0; i < yamldoc_len(n); i++) {
        yaml_node_t *m = yamldoc_item(L->yd, n, i);
        if (!yamldoc_is_map(m)) {
            err(L, m, "a check must be a mapping");
            continue;
        }
        XGROW(L->rs->checks, L->rs->capchecks, L->rs->nchecks + 1);
        struct check *c = &L->rs->checks[L->rs->nchecks++];
        memset(c, 0, sizeof *c);
        c->node = m;
        c->pending = L->pending;
    }
}

/* Fill check c from its YAML; returns 0, or -1 (errors in L). */
static int parse_check(struct loader *L, struct check *c, size_t kept)
{
    yaml_node_t *m = c->node;
    static const char *const keys[] = {"id",       "kind",    "key",         "compare", "comparator",
                                       "severity", "message", "description", NULL};
    check_keys(L, m, keys);
    const char *id = need_str(L, m, "id"), *kind = need_str(L, m, "kind"), *cmpf = need_str(L, m, "compare");
    if (!id || !kind || !cmpf) return -1;
    const struct kind_def *k = rules_kind(L->rs, kind);
    if (!k) {
        err(L, yamldoc_get(L->yd, m, "kind"), "unknown kind '%s'", kind);
        return -1;
    }
    c->kind = k;
    c->compare = kind_field(k, cmpf);
    if (c->compare < 0) {
        err(L, yamldoc_get(L->yd, m, "compare"), "kind '%s' has no field '%s'", kind, cmpf);
        return -1;
    }
    int bad = 0;
    char **v;
    /* the kind's key comes first: reports show what the fact is about */
    for (int q = 0; q < k->nkey && c->nkey < 4; q++) c->key[c->nkey++] = k->key[q];
    yaml_node_t *ln = yamldoc_get(L->yd, m, "key");
    size_t nv = str_list(L, ln, &v);
    for (size_t q = 0; q < nv; q++) {
        int fi = kind_field(k, v[q]);
        if (fi < 0) {
            err(L, ln, "kind '%s' has no field '%s'", kind, v[q]);
            bad = 1;
        } else if (c->nkey < 4) {
            c->key[c->nkey++] = fi;
        }
        free(v[q]);
    }
    free(v);
    if (bad) return -1;
    yaml_node_t *cn = yamldoc_get(L->yd, m, "comparator");
    const char *cs = yamldoc_str(cn);
    if (cs) {
        c->comparator = lookup(cmp_names, CMP_COUNT_, cs);
        if (c->comparator < 0) {
            err(L, cn,
                "unknown comparator '%s' (expected exact, interval, date, place, entity, ordinal, weekday or timeline)",
                cs);
            return -1;
        }
    } else {
        switch (k->fields[c->compare].type) {
        case FT_DATE: c->comparator = CMP_DATE; break;
        case FT_NUMBER:
        case FT_DURATION:
        case FT_TIME: c->comparator = CMP_INTERVAL; break;
        case FT_PLACE: c->comparator = CMP_PLACE; break;
        case FT_ENTITY:
        case FT_ENTITIES:
        case FT_ACTOR: c->comparator = CMP_ENTITY; break;
        case FT_ORDINAL: c->comparator = CMP_ORDINAL; break;
        default: c->comparator = CMP_EXACT;
        }
    }
    /* a field holds entities or numbers and dates, never both (claim.h) */
    int ents = field_holds_ents(k->fields[c->compare].type);
    int wants_ents = c->comparator == CMP_PLACE || c->comparator == CMP_ENTITY;
    if (c->comparator != CMP_EXACT && ents != wants_ents) {
        err(L, cn ? cn : m, "comparator '%s' compares %s; '%s' is a %s field", cmp_names[c->comparator],
            wants_ents ? "entities" : "numbers or dates", k->fields[c->compare].name,
            field_type_name(k->fields[c->compare].type));
        return -1;
    }
    if ((c->comparator == CMP_WEEKDAY || c->comparator == CMP_TIMELINE) && k->fields[c->compare].type != FT_DATE) {
        err(L, cn, "comparator '%s' compares a date field; '%s' is not one", cmp_names[c->comparator],
            k->fields[c->compare].name);
        return -1;
    }
    if (c->comparator == CMP_TIMELINE && k->details < 0) {
        err(L, cn, "comparator 'timeline' needs a kind with a details field");
        return -1;
    }
    yaml_node_t *sn = yamldoc_get(L->yd, m, "severity");
    c->severity = DIAG_ERROR;
    if (sn) {
        static const char *const sev[] = {"note", "warning", "error"};
        c->severity = lookup(sev, 3, yamldoc_str(sn));
        if (c->severity < 0) {
            err(L, sn, "severity must be error, warning or note");
            return -1;
        }
    }
    for (struct check *o = L->rs->checks; o < L->rs->checks + kept; o++)
        if (o->id && strcmp(o->id, id) == 0) {
            err(L, yamldoc_get(L->yd, m, "id"), "check '%s' is defined twice", id);
            return -1;
        }
    const char *msg = yamldoc_str(yamldoc_get(L->yd, m, "message"));
    c->message = xstrdup(msg ? msg : "{field} differs: {value} here, {other} elsewhere");
    c->id = xstrdup(id);
    where(L, m, &c->path, &c->line, &c->col);
    return 0;
}

static void load_cues(struct loader *L, yaml_node_t *n, const char *section, struct cue **v, size_t *nv, size_t *cap)
{
    if (!yamldoc_is_seq(n)) {
        err(L, n, "'%s' must be a list", section);
        return;
    }
    static const char *const keys[] = {"id", "pattern", "modality", "scope", "kinds", "triggers", "description", NULL};
    static const char *const scopes[] = {"near", "sentence", "rest"};
    for (size_t i = 0; i < yamldoc_len(n); i++) {
        yaml_node_t *m = yamldoc_item(L->yd, n, i);
        if (!yamldoc_is_map(m)) {
            err(L, m, "a %s rule must be a mapping", section);
            continue;
        }
        check_keys(L, m, keys);
        const char *id = need_str(L, m, "id"), *pat = need_str(L, m, "pattern");
        if (!id || !pat) continue;
        XGROW(*v, *cap, *nv + 1);
        struct cue *c = &(*v)[*nv];
        memset(c, 0, sizeof *c);
        c->source_group = -1;
        c->scope = SCOPE_SENTENCE;
        yaml_node_t *mn = yamldoc_get(L->yd, m, "modality");
        if (strcmp(section, "modality") == 0) {
            c->type = lookup(mod_names, MOD_COUNT, yamldoc_str(mn));
            if (c->type < 0) {
                err(L, mn ? mn : m, "a modality cue needs 'modality': hedged, planned or denied");
                continue;
            }
            c->scope = SCOPE_NEAR;
        }
        yaml_node_t *sn = yamldoc_get(L->yd, m, "scope");
        if (sn) {
            c->scope = lookup(scopes, 3, yamldoc_str(sn));
            if (c->scope < 0) {
                err(L, sn, "scope must be near, sentence or rest");
                continue;
            }
        }
        if (strcmp(section, "details") == 0) {
            char **kv;
            size_t nk = str_list(L, yamldoc_get(L->yd, m, "kinds"), &kv);
            struct buf kb = {0};
            for (size_t q = 0; q < nk; q++) {
                buf_printf(&kb, "%s%s", q ? "," : "", kv[q]);
                free(kv[q]);
            }
            free(kv);
            if (!nk) {
                err(L, m, "a details cue needs 'kinds': the kinds of claims it describes");
                buf_free(&kb);
                continue;
            }
            c->kind_names = buf_steal(&kb);
        }
        c->value_group = -1;
        c->ntriggers = load_triggers(L, m, &c->triggers, NULL, NULL);
        c->id = xstrdup(id);
        c->source = xstrdup(pat);
        c->pattern_node = yamldoc_get(L->yd, m, "pattern");
        c->pending = L->pending;
        where(L, m, &c->path, &c->line, &c->col);
        (*nv)++;
    }
}

/* ==== Loading: entity lists (TSV) ==== */

#define TSV_HEADER "id\ttype\tname\tin\taliases"
#define TSV_FIELDS 5

static void tsv_error(struct diag *d, const char *path, unsigned line, const char *ls, size_t ll, size_t at,
                      const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static void tsv_error(struct diag *d, const char *path, unsigned line, const char *ls, size_t ll, size_t at,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, DIAG_ERROR, path, line, (unsigned)utf8_count(ls, at) + 1, fmt, ap);
    va_end(ap);
    diag_excerpt(d, ls, ll);
}

/* A TSV list of entities (tools/gen-places writes one): '#' comment lines,
 * then the header line "id, type, name, in, aliases" (tab-separated), then
 * one entity a line, its aliases separated by '|'.  Loading it costs a
 * fraction of the same entities in YAML, which matters for the thousands of
 * generated places: the entities, their strings (a copy of the text, cut in
 * place), their alias arrays and the path are four blocks the lexicon owns. */
static int load_tsv(struct ruleset *rs, const char *path, const char *text, size_t len, struct diag *d)
{
    size_t before = d->errors;
    size_t nlines = 1, nbars = 0;
    for (const char *q = text, *end = text + len; (q = memchr(q, '\n', (size_t)(end - q))); q++) nlines++;
    for (const char *q = text, *end = text + len; (q = memchr(q, '|', (size_t)(end - q))); q++) nbars++;
    char *copy = xmalloc(len + 1);
    memcpy(copy, text, len);
    copy[len] = '\0';
    struct entity *ents = xcalloc(nlines, sizeof *ents);
    char **ptrs = xcalloc(nbars + nlines, sizeof *ptrs);
    char *epath = xstrdup(path);
    lexicon_add_block(rs->lex, copy);
    lexicon_add_block(rs->lex, ents);
    lexicon_add_block(rs->lex, ptrs);
    lexicon_add_block(rs->lex, epath);
    size_t nents = 0, nptrs = 0;
    int header = 0;
    unsigned line = 0;
    size_t pos = 0;
    if (len >= 3 && memcmp(copy, "\xEF\xBB\xBF", 3) == 0) pos = 3; /* a byte-order mark, as spreadsheets write */
    while (pos < len) {
        char *ls = copy + pos;
        char *nl = memchr(ls, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - ls) : len - pos;
        pos += ll + (nl ? 1 : 0);
        line++;
        if (ll && ls[ll - 1] == '\r') ll--;
        if (ll == 0 || ls[0] == '#') continue;
        /* valid UTF-8, and where the fields start */
        char *f[TSV_FIELDS];
        size_t fl[TSV_FIELDS], nf = 0, st = 0;
        for (size_t i = 0; i < ll;) {
            unsigned char c = (unsigned char)ls[i];
            if (c == '\t') {
                if (nf < TSV_FIELDS) {
                    f[nf] = ls + st;
                    fl[nf] = i - st;
                }
                nf++;
                st = ++i;
                continue;
            }
            if (c < 0x80 && c) { /* ASCII: most of it */
                i++;
                continue;
            }
            size_t k = utf8_valid_len(ls + i, ll - i);
            if (!k || !c) {
                tsv_error(d, path, line, ls, ll, i, "not valid UTF-8 text");
                goto next;
            }
            i += k;
        }
        if (nf < TSV_FIELDS) {
            f[nf] = ls + st;
            fl[nf] = ll - st;
        }
        nf++;
        if (!header) {
            if (ll != strlen(TSV_HEADER) || memcmp(ls, TSV_HEADER, ll) != 0) {
                tsv_error(
                    d, path, line, ls, ll, 0,
                    "the first line of an entity list must be the header 'id<TAB>type<TAB>name<TAB>in<TAB>aliases'");
                return -1;
            }
            header = 1;
            continue;
        }
        {
            if (nf != TSV_FIELDS) {
                tsv_error(d, path, line, ls, ll,
                          nf > TSV_FIELDS ? (size_t)(f[TSV_FIELDS - 1] - ls) + fl[TSV_FIELDS - 1] : ll,
                          "expected %d tab-separated fields (id, type, name, in, aliases), found %zu", TSV_FIELDS, nf);
                continue;
            }
            if (!fl[0]) {
                tsv_error(d, path, line, ls, ll, 0, "empty id");
                continue;
            }
            char type[16];
            int t = -1;
            if (fl[1] < sizeof type) {
                memcpy(type, f[1], fl[1]);
                type[fl[1]] = '\0';
                t = entity_type_parse(type);
            }
            if (t < 0) {
                tsv_error(d, path, line, ls, ll, (size_t)(f[1] - ls),
                          "unknown entity type '%.*s' (expected person, country, city, region, place, org or body)",
                          (int)fl[1], f[1]);
                continue;
            }
            /* cut the fields in place: the line is not needed as text again */
            for (int k = 0; k < TSV_FIELDS; k++) f[k][fl[k]] = '\0';
            struct entity *e = &ents[nents++];
            e->in_block = 1;
            e->id = f[0];
            e->type = t;
            e->name = fl[2] ? f[2] : f[0];
            e->in_id = fl[3] ? f[3] : NULL;
            e->aliases = ptrs + nptrs;
            for (size_t i = 0, a = 0; i <= fl[4]; i++)
                if (i == fl[4] || f[4][i] == '|') {
                    f[4][i] = '\0';
                    if (i > a) e->aliases[e->naliases++] = f[4] + a;
                    a = i + 1;
                }
            nptrs += e->naliases;
            e->path = epath;
            e->line = line;
            e->col = 1;
            lexicon_add(rs->lex, e, d);
        }
    next:;
    }
    if (!header) {
        diag_add(d, DIAG_ERROR, path, line ? line : 1, 1,
                 "an entity list needs the header line 'id<TAB>type<TAB>name<TAB>in<TAB>aliases'");
        return -1;
    }
    rs->nfiles++;
    return d->errors > before ? -1 : 0;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcmp(s + n - k, suf) == 0;
}

int rules_load_text(struct ruleset *rs, const char *path, const char *text, size_t len, struct diag *d)
{
    if (has_suffix(path, ".tsv")) return load_tsv(rs, path, text, len, d);
    XGROW(rs->pending, rs->cappending, rs->npending + 1);
    struct pending *p = &rs->pending[rs->npending];
    p->text = xstrndup(text, len);
    size_t before = d->errors;
    if (yamldoc_load(&p->yd, path, p->text, len, d) < 0) {
        yamldoc_free(&p->yd);
        free(p->text);
        return -1;
    }
    rs->npending++;
    rs->nfiles++;
    yamldoc_check_duplicates(&p->yd, d);
    struct loader L = {rs, &p->yd, rs->npending - 1, d, 0};
    yaml_node_t *root = yamldoc_root(&p->yd);
    if (!root) return 0; /* an empty file */
    if (!yamldoc_is_map(root)) {
        err(&L, root,
            "a rule file is a mapping of sections (kinds, macros, extractors, checks, entities, "
            "titles, modality, attribution, boilerplate)");
        return -1;
    }
    static const char *const sections[] = {"kinds",   "macros",      "extractors",  "checks",      "entities",
                                           "titles",  "modality",    "attribution", "boilerplate", "details",
                                           "version", "description", NULL};
    check_keys(&L, root, sections);
    /* kinds first, so checks in the same file can use them */
    yaml_node_t *s;
    if ((s = yamldoc_get(&p->yd, root, "kinds"))) load_kinds(&L, s);
    if ((s = yamldoc_get(&p->yd, root, "macros"))) load_macros(&L, s);
    if ((s = yamldoc_get(&p->yd, root, "entities"))) load_entities(&L, s);
    if ((s = yamldoc_get(&p->yd, root, "titles"))) load_titles(&L, s);
    if ((s = yamldoc_get(&p->yd, root, "extractors"))) load_extractors(&L, s);
    if ((s = yamldoc_get(&p->yd, root, "checks"))) load_checks(&L, s);
    if ((s = yamldoc_get(&p->yd, root, "modality")))
        load_cues(&L, s, "modality", &rs->modality, &rs->nmodality, &rs->capmodality);
    if ((s = yamldoc_get(&p->yd, root, "attribution")))
        load_cues(&L, s, "attribution", &rs->attribution, &rs->nattribution, &rs->capattribution);
    if ((s = yamldoc_get(&p->yd, root, "boilerplate")))
        load_cues(&L, s, "boilerplate", &rs->boilerplate, &rs->nboilerplate, &rs->capboilerplate);
    if ((s = yamldoc_get(&p->yd, root, "details")))
        load_cues(&L, s, "details", &rs->details, &rs->ndetails, &rs->capdetails);
    return L.errors || d->errors > before ? -1 : 0;
}

/* ==== Loading files ==== */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect(const char *dir, char ***v, size_t *n, size_t *cap, int depth)
{
    if (depth > 16) return;
    DIR *dp = opendir(dir);
    if (!dp) return;
    struct dirent *de;
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.') continue;
        struct buf p = {0};
        buf_printf(&p, "%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(p.s, &st) == 0 && S_ISDIR(st.st_mode)) {
            collect(p.s, v, n, cap, depth + 1);
            buf_free(&p);
        } else if (has_suffix(de->d_name, ".yml") || has_suffix(de->d_name, ".yaml") ||
                   has_suffix(de->d_name, ".tsv")) {
            XGROW(*v, *cap, *n + 1);
            (*v)[(*n)++] = buf_steal(&p);
        } else {
            buf_free(&p);
        }
    }
    closedir(dp);
}

static int read_file(const char *path, struct buf *out, struct diag *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read rule file: %s", strerror(errno));
        return -1;
    }
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(out, chunk, k);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read rule file");
        return -1;
    }
    if (!out->s) buf_append(out, "", 0);
    return 0;
}

int rules_load_dir(struct ruleset *rs, const char *dir, struct diag *d)
{
    struct stat st;
    if (stat(dir, &st) < 0) {
        diag_add(d, DIAG_ERROR, dir, 0, 0, "cannot open rules: %s", strerror(errno));
        return -1;
    }
    char **files = NULL;
    size_t n = 0, cap = 0;
    if (S_ISDIR(st.st_mode)) {
        collect(dir, &files, &n, &cap, 0);
        qsort(files, n, sizeof *files, cmp_str);
    } else {
        files = xmalloc(sizeof *files);
        files[n++] = xstrdup(dir);
    }
    int rc = 0;
    if (n == 0) {
        diag_add(d, DIAG_ERROR, dir, 0, 0, "no rule files (*.yml, *.tsv) found");
        rc = -1;
    }
    for (size_t i = 0; i < n; i++) {
        struct buf b = {0};
        if (read_file(files[i], &b, d) < 0 || rules_load_text(rs, files[i], b.s, b.len, d) < 0) rc = -1;
        buf_free(&b);
        free(files[i]);
    }
    free(files);
    return rc;
}

int rules_load_embedded(struct ruleset *rs, struct diag *d)
{
    int rc = 0;
    for (const struct embedded_file *f = embedded_files; f->name; f++)
        if (rules_load_text(rs, f->name, f->data, f->len, d) < 0) rc = -1;
    return rc;
}

/* ==== Compiling ==== */

struct expansion {
    struct buf out;
    size_t *map; /* out byte -> source offset */
    size_t mapcap;
    struct macro_slot *slots;
    int *nslots;
    int maxslots;
    int depth;
};

static void emit(struct expansion *x, const char *s, size_t n, size_t src)
{
    XGROW(x->map, x->mapcap, x->out.len + n + 1);
    for (size_t i = 0; i < n; i++) x->map[x->out.len + i] = src;
    buf_append(&x->out, s, n);
}

/* Expand {MACRO} references in s; src_base is the source offset to blame for
 * text that came from a macro (-1: map byte by byte).  Returns 0, or -1 with
 * *bad_at (source offset) and *why set. */
static int expand(struct ruleset *rs, struct expansion *x, const char *s, long src_base, size_t *bad_at,
                  const char **why, char *whybuf, size_t whylen)
{
    if (x->depth > 16) {
        *why = "macros nest too deeply (a macro refers to itself?)";
        *bad_at = src_base < 0 ? 0 : (size_t)src_base;
        return -1;
    }
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t src = src_base < 0 ? i : (size_t)src_base;
        if (s[i] == '\\' && i + 1 < n) {
            emit(x, s + i, 2, src);
            i += 2;
            continue;
        }
        if (s[i] == '{' && i + 1 < n && s[i + 1] >= 'A' && s[i + 1] <= 'Z') {
            size_t j = i + 1;
            while (j < n && ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9') || s[j] == '_')) j++;
            if (j < n && s[j] == '}') {
                char name[64];
                size_t nl = j - i - 1;
                if (nl >= sizeof name) nl = sizeof name - 1;
                memcpy(name, s + i + 1, nl);
                name[nl] = '\0';
                unsigned classes = builtin_classes(name);
                if (classes) {
                    if (*x->nslots >= x->maxslots) {
                        *why = "too many macro uses in one pattern";
                        *bad_at = src;
                        return -1;
                    }
                    int slot = (*x->nslots)++;
                    x->slots[slot].classes = classes;
                    x->slots[slot].group = -1;
                    /* The callouts decide (extract.c); the lookarounds only
                     * spare them the positions inside a word, where no
                     * mention or expression starts or ends (the lexicon and
                     * the normalizer both cut at word boundaries).  Without
                     * them, PCRE2 calls out at every start position: five
                     * times as many callouts, 15% of the run's instructions. */
                    char tmp[112];
                    int k = snprintf(tmp, sizeof tmp, "(?<_m%d>(?<!\\w)(?C%d)(?s:.){1,300}?(?!(?<=\\w)\\w))(?C%d)",
                                     slot, 2 * slot + 1, 2 * slot + 2);
                    emit(x, tmp, (size_t)k, src);
                    i = j + 1;
                    continue;
                }
                struct macro_def *m = strmap_get(rs->macros, name);
                if (!m) {
                    snprintf(whybuf, whylen, "unknown macro {%s}", name);
                    *why = whybuf;
                    *bad_at = src;
                    return -1;
                }
                emit(x, "(?:", 3, src);
                x->depth++;
                int rc = expand(rs, x, m->text, (long)src, bad_at, why, whybuf, whylen);
                x->depth--;
                if (rc < 0) return rc;
                emit(x, ")", 1, src);
                i = j + 1;
                continue;
            }
        }
        emit(x, s + i, 1, src);
        i++;
    }
    return 0;
}

/* The capture group numbers of a name (several when it repeats under (?J)):
 * the first max in out; returns how many there are, which may be more. */
static int group_numbers(const pcre2_code *re, const char *name, int *out, int max)
{
    uint32_t count = 0, size = 0;
    PCRE2_SPTR table;
    pcre2_pattern_info(re, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(re, PCRE2_INFO_NAMEENTRYSIZE, &size);
    pcre2_pattern_info(re, PCRE2_INFO_NAMETABLE, &table);
    int n = 0;
    for (uint32_t i = 0; i < count; i++) {
        const unsigned char *e = table + (size_t)i * size;
        if (strcmp((const char *)e + 2, name) != 0) continue;
        if (n < max) out[n] = (e[0] << 8) | e[1];
        n++;
    }
    return n;
}

static uint32_t pattern_flags(void)
{
    return PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_NO_AUTO_CAPTURE | PCRE2_DUPNAMES | PCRE2_CASELESS;
}

/* Expand and compile one pattern; errors point into the YAML scalar. */
static pcre2_code *compile_one(struct ruleset *rs, const char *source, size_t pending, yaml_node_t *node,
                               struct macro_slot *slots, int *nslots, int maxslots, uint32_t flags, char **expanded,
                               struct diag *d)
{
    struct yamldoc *yd = &rs->pending[pending].yd;
    struct expansion x = {{0}, NULL, 0, slots, nslots, maxslots, 0};
    size_t bad_at = 0;
    const char *why = NULL;
    char whybuf[128];
    *nslots = 0;
    if (expand(rs, &x, source, -1, &bad_at, &why, whybuf, sizeof whybuf) < 0) {
        yamldoc_error_at(yd, d, node, bad_at, "%s", why);
        buf_free(&x.out);
        free(x.map);
        return NULL;
    }
    if (!x.out.s) buf_append(&x.out, "", 0);
    int ec;
    PCRE2_SIZE eo;
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    pcre2_set_max_pattern_length(cc, 1u << 20);
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)x.out.s, x.out.len, pattern_flags() | flags, &ec, &eo, cc);
    pcre2_compile_context_free(cc);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        size_t src = eo < x.out.len ? x.map[eo] : (x.out.len ? x.map[x.out.len - 1] + 1 : 0);
        if (eo >= x.out.len) src = strlen(source);
        yamldoc_error_at(yd, d, node, src, "bad pattern: %s (at offset %zu)", (const char *)msg, src);
        buf_free(&x.out);
        free(x.map);
        return NULL;
    }
    /* JIT when the platform allows; the interpreter is the fallback */
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    for (int s = 0; s < *nslots; s++) {
        char name[16];
        snprintf(name, sizeof name, "_m%d", s);
        int g;
        slots[s].group = group_numbers(re, name, &g, 1) ? g : -1;
    }
    free(x.map);
    *expanded = buf_steal(&x.out);
    return re;
}

/* Free what a field spec that is not kept holds (its slot is reused). */
static void spec_clear(struct field_spec *fs)
{
    for (int m = 0; m < fs->nmap; m++) {
        free(fs->map[m].value);
        pcre2_code_free(fs->map[m].re);
    }
    free(fs->map);
    free(fs->literal);
    fs->map = NULL;
    fs->literal = NULL;
    fs->nmap = 0;
}

/* Classes of a built-in entity macro by name, or 0. */
static unsigned macro_classes(const char *name)
{
    if (!name) return 0;
    for (size_t i = 0; i < sizeof builtin_macros / sizeof *builtin_macros; i++)
        if (strcmp(builtin_macros[i].name, name) == 0 && builtin_macros[i].classes < AC_DATE)
            return builtin_macros[i].classes;
    if (strcmp(name, "GROUP") == 0) return AC_GROUP;
    return 0;
}

/* map: {value: pattern, ...}: the first pattern that matches gives the value. */
static int compile_map(struct yamldoc *yd, struct field_spec *fs, yaml_node_t *map, struct diag *d)
{
    if (!yamldoc_is_map(map)) {
        yamldoc_error(yd, d, DIAG_ERROR, map, "'map' must map values to patterns");
        return -1;
    }
    int bad = 0;
    for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < map->data.mapping.pairs.top; q++) {
        yaml_node_t *kn = yaml_document_get_node(&yd->doc, q->key), *pn = yaml_document_get_node(&yd->doc, q->value);
        const char *val = yamldoc_str(kn), *pat = yamldoc_str(pn);
        if (!val || !pat) {
            yamldoc_error(yd, d, DIAG_ERROR, pn, "'map' entries are value: pattern");
            bad = 1;
            continue;
        }
        int ec;
        PCRE2_SIZE eo;
        pcre2_code *re =
            pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                          PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_CASELESS, &ec, &eo, NULL);
        if (!re) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(ec, msg, sizeof msg);
            yamldoc_error_at(yd, d, pn, eo, "bad pattern: %s (at offset %zu)", (const char *)msg, (size_t)eo);
            bad = 1;
            continue;
        }
        (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
        fs->map = xrealloc(fs->map, (size_t)(fs->nmap + 1) * sizeof *fs->map);
        fs->map[fs->nmap].value = xstrdup(val);
        fs->map[fs->nmap].re = re;
        fs->nmap++;
    }
    return bad ? -1 : 0;
}

static void compile_fields(struct ruleset *rs, struct extractor *x, struct diag *d)
{
    struct yamldoc *yd = &rs->pending[x->pending].yd;
    yaml_node_t *fn = x->fields_node;
    if (!fn) return;
    if (!yamldoc_is_map(fn)) {
        yamldoc_error(yd, d, DIAG_ERROR, fn, "'fields' must map field names to groups or {value: ...}");
        return;
    }
    for (yaml_node_pair_t *p = fn->data.mapping.pairs.start; p < fn->data.mapping.pairs.top; p++) {
        yaml_node_t *kn = yaml_document_get_node(&yd->doc, p->key);
        yaml_node_t *vn = yaml_document_get_node(&yd->doc, p->value);
        const char *fname = yamldoc_str(kn);
        int fi = fname ? kind_field(x->kind, fname) : -1;
        if (fi < 0) {
            yamldoc_error(yd, d, DIAG_ERROR, kn, "kind '%s' has no field '%s'", x->kind->name, fname ? fname : "?");
            continue;
        }
        if (x->nspecs == MAX_FIELDS) break;
        struct field_spec *fs = &x->specs[x->nspecs];
        memset(fs, 0, sizeof *fs);
        fs->field = fi;
        fs->how = FS_GROUPS;
        yaml_node_t *groups = vn;
        if (yamldoc_is_map(vn)) {
            static const char *const keys[] = {"value", "group",  "groups", "add", "add_if_other",
                                               "each",  "recent", "map",    NULL};
            for (yaml_node_pair_t *q = vn->data.mapping.pairs.start; q < vn->data.mapping.pairs.top; q++) {
                const char *ks = yamldoc_str(yaml_document_get_node(&yd->doc, q->key));
                int ok = 0;
                for (const char *const *a = keys; *a; a++)
                    if (ks && strcmp(*a, ks) == 0) ok = 1;
                if (!ok) {
                    yamldoc_error(
                        yd, d, DIAG_ERROR, yaml_document_get_node(&yd->doc, q->key),
                        "unknown key '%s' (expected value, group, groups, add, add_if_other, each, recent, map)",
                        ks ? ks : "?");
                }
            }
            yaml_node_t *lit = yamldoc_get(yd, vn, "value");
            if (lit) {
                if (!yamldoc_str(lit)) {
                    yamldoc_error(yd, d, DIAG_ERROR, lit, "'value' must be a string");
                    continue;
                }
                fs->how = FS_LITERAL;
                fs->literal = xstrdup(yamldoc_str(lit));
                x->nspecs++;
                continue;
            }
            groups = yamldoc_get(yd, vn, "group");
            if (!groups) groups = yamldoc_get(yd, vn, "groups");
            yaml_node_t *add = yamldoc_get(yd, vn, "add");
            if (add) {
                char *end;
                const char *as = yamldoc_str(add);
                fs->add = as ? strtod(as, &end) : 0;
                if (!as || *end) yamldoc_error(yd, d, DIAG_ERROR, add, "'add' must be a number");
            }
            yaml_node_t *aio = yamldoc_get(yd, vn, "add_if_other");
            if (aio) {
                const char *as = yamldoc_str(aio);
                fs->add_if_other = as && (strcmp(as, "true") == 0 || strcmp(as, "yes") == 0);
            }
            yaml_node_t *each = yamldoc_get(yd, vn, "each");
            if (each) {
                const char *es = yamldoc_str(each);
                fs->each = es && (strcmp(es, "true") == 0 || strcmp(es, "yes") == 0);
            }
            yaml_node_t *rec = yamldoc_get(yd, vn, "recent");
            if (rec && !(fs->recent = macro_classes(yamldoc_str(rec)))) {
                yamldoc_error(yd, d, DIAG_ERROR, rec,
                              "'recent' must name an entity macro (PERSON, COUNTRY, BODY, ...)");
                continue;
            }
            if (rec && !field_holds_ents(x->kind->fields[fi].type)) {
                yamldoc_error(yd, d, DIAG_ERROR, rec, "'recent' fills a field of entities; '%s' is a %s field", fname,
                              field_type_name(x->kind->fields[fi].type));
                fs->recent = 0;
                continue;
            }
            yaml_node_t *map = yamldoc_get(yd, vn, "map");
            if (map && compile_map(yd, fs, map, d) < 0) {
                spec_clear(fs);
                continue;
            }
            if (!groups && (fs->recent || fs->nmap)) {
                x->nspecs++;
                continue;
            }
            if (!groups) {
                yamldoc_error(yd, d, DIAG_ERROR, vn, "a field needs 'group', 'value', 'recent' or 'map'");
                continue;
            }
        }
        /* names of groups: a string or a list */
        size_t ng = yamldoc_str(groups) ? 1 : yamldoc_len(groups);
        if (!yamldoc_str(groups) && !yamldoc_is_seq(groups)) {
            yamldoc_error(yd, d, DIAG_ERROR, groups, "expected a group name or a list of group names");
            spec_clear(fs);
            continue;
        }
        int bad = 0;
        for (size_t g = 0; g < ng; g++) {
            yaml_node_t *gn = yamldoc_str(groups) ? groups : yamldoc_item(yd, groups, g);
            const char *gname = yamldoc_str(gn);
            int nums[4];
            int k = gname ? group_numbers(x->re, gname, nums, 4) : 0;
            if (!k) {
                yamldoc_error(yd, d, DIAG_ERROR, gn, "the pattern has no group named '%s' (write (?<%s>...))",
                              gname ? gname : "?", gname ? gname : "name");
                bad = 1;
                continue;
            }
            if (fs->ngroups + k > 4) {
                yamldoc_error(yd, d, DIAG_ERROR, gn,
                              "a field reads at most 4 groups; with '%s' this one reads %d (each use of a "
                              "repeated name counts)",
                              gname, fs->ngroups + k);
                bad = 1;
                continue;
            }
            for (int q = 0; q < k; q++) fs->groups[fs->ngroups++] = nums[q];
        }
        if (!bad)
            x->nspecs++;
        else
            spec_clear(fs);
    }
}

/* The trigger table: word -> list of (extractor << 3 | list of triggers). */
static void add_trigger(struct ruleset *rs, const char *word, uint32_t ex, unsigned group)
{
    uint32_t entry = ex << 3 | group;
    void **slot = strhash_slot(&rs->triggers, word);
    uint32_t *list = *slot; /* list[0] = count */
    uint32_t n = list ? list[0] : 0;
    for (uint32_t i = 1; i <= n; i++)
        if (list[i] == entry) return;
    list = xrealloc(list, (n + 2) * sizeof *list);
    list[0] = n + 1;
    list[n + 1] = entry;
    *slot = list;
}

/* Does PCRE2 know a first code unit or a set of first bytes for re, with
 * which a search skips the offsets where no match can start? */
static int start_optimized(const pcre2_code *re)
{
    uint32_t type = 0;
    const uint8_t *bitmap = NULL;
    pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &type);
    pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &bitmap);
    return type != 0 || bitmap != NULL;
}

/* How pattern_shape sees a macro: as expand() does. */
static int start_macro(void *ctx, const char *name, unsigned *classes, const char **text)
{
    struct ruleset *rs = ctx;
    if ((*classes = builtin_classes(name))) return 1;
    const struct macro_def *m = strmap_get(rs->macros, name);
    if (!m || !m->text) return 0;
    *text = m->text;
    return 2;
}

/* Compile a section's cues; want_source: attribution cues, which need a
 * group (?<source>...); early: boilerplate cues, which run before the
 * sentence's mentions and dates are found, so that a macro such as {PERSON}
 * could never match in them. */
static void compile_cues(struct ruleset *rs, struct cue *v, size_t n, int want_source, int early, struct diag *d)
{
    for (size_t i = 0; i < n; i++) {
        char *exp = NULL;
        v[i].re =
            compile_one(rs, v[i].source, v[i].pending, v[i].pattern_node, v[i].slots, &v[i].nslots, 16, 0, &exp, d);
        free(exp);
        if (v[i].re && early && v[i].nslots)
            yamldoc_error(&rs->pending[v[i].pending].yd, d, DIAG_ERROR, v[i].pattern_node,
                          "a boilerplate pattern cannot use {PERSON}, {DATE} and the like: it runs before "
                          "mentions and dates are found");
        if (v[i].re && want_source) {
            int g;
            v[i].source_group = group_numbers(v[i].re, "source", &g, 1) ? g : -1;
            if (v[i].source_group < 0)
                yamldoc_error(&rs->pending[v[i].pending].yd, d, DIAG_ERROR, v[i].pattern_node,
                              "an attribution pattern needs a group (?<source>...)");
        }
    }
}

int rules_compile(struct ruleset *rs, struct diag *d)
{
    size_t before = d->errors;
    if (lexicon_finish(rs->lex, d) < 0 && d->errors == before) diag_add(d, DIAG_ERROR, NULL, 0, 0, "lexicon errors");
    for (size_t i = 0; i < rs->nex; i++) {
        struct extractor *x = &rs->ex[i];
        char *kind = x->expanded;
        x->expanded = NULL;
        x->kind = rules_kind(rs, kind);
        if (!x->kind) {
            diag_add(d, DIAG_ERROR, x->path, x->line, x->col, "extractor '%s': unknown kind '%s'", x->id, kind);
            free(kind);
            continue;
        }
        free(kind);
        /* a pattern that must start at an annotation is compiled anchored
         * (PCRE2's JIT takes PCRE2_ANCHORED only at compile time) */
        struct pattern_shape shape;
        pattern_shape(x->source, start_macro, rs, &shape);
        x->start_classes = shape.start;
        memcpy(x->need, shape.need, sizeof x->need);
        x->nneed = shape.nneed;
        size_t glen = shape.guard;
        if (glen) {
            /* the guards run alone at offset 0; if they do not compile alone
             * (a reference to a later group), the pattern is searched with
             * them inside */
            size_t blen = 0;
            const char *body = pattern_guard_search(x->source, glen, start_macro, rs, &blen);
            char *gsrc = body ? xstrndup(body, blen) : xstrndup(x->source, glen), *gexp = NULL;
            struct macro_slot gslots[16];
            int ng = 0;
            struct diag scratch = {0};
            x->guard = compile_one(rs, gsrc, x->pending, x->pattern_node, gslots, &ng, 16, body ? 0 : PCRE2_ANCHORED,
                                   &gexp, &scratch);
            diag_free(&scratch);
            free(gsrc);
            free(gexp);
            if (!x->guard) x->start_classes = 0;
        }
        x->re = compile_one(rs, x->source, x->pending, x->pattern_node, x->slots, &x->nslots, 64,
                            x->start_classes ? PCRE2_ANCHORED : 0, &x->expanded, d);
        if (x->re && x->guard && start_optimized(x->re)) {
            /* PCRE2 would skip offset 0, where a guard acts, when the
             * sentence cannot start a match there: the guard stays inside
             * and the pattern is searched, as written */
            pcre2_code_free(x->guard);
            x->guard = NULL;
            if (x->start_classes) {
                x->start_classes = 0;
                pcre2_code_free(x->re);
                free(x->expanded);
                x->expanded = NULL;
                x->re = compile_one(rs, x->source, x->pending, x->pattern_node, x->slots, &x->nslots, 64, 0,
                                    &x->expanded, d);
            }
        }
        if (!x->re) continue;
        compile_fields(rs, x, d);
        for (size_t t = 0; t < x->ntriggers; t++) add_trigger(rs, x->triggers[t], x->index, x->trigger_group[t]);
    }
    rs->always = xcalloc((rs->nex + 63) / 64 + 1, sizeof *rs->always);
    for (size_t i = 0; i < rs->nex; i++)
        if (!rs->ex[i].ntriggers) rs->always[i / 64] |= 1ull << (i % 64);
    size_t kept = 0;
    for (size_t i = 0; i < rs->nchecks; i++) {
        struct check c = rs->checks[i];
        struct loader L = {rs, &rs->pending[c.pending].yd, c.pending, d, 0};
        if (parse_check(&L, &c, kept) == 0) {
            c.node = NULL;
            rs->checks[kept++] = c;
        } else {
            free(c.id);
            free(c.message);
            free(c.path);
        }
    }
    rs->nchecks = kept;
    compile_cues(rs, rs->modality, rs->nmodality, 0, 0, d);
    compile_cues(rs, rs->attribution, rs->nattribution, 1, 0, d);
    compile_cues(rs, rs->boilerplate, rs->nboilerplate, 0, 1, d);
    compile_cues(rs, rs->details, rs->ndetails, 0, 0, d);
    for (size_t i = 0; i < rs->ndetails; i++) {
        struct cue *c = &rs->details[i];
        if (c->re) {
            int g;
            c->value_group = group_numbers(c->re, "value", &g, 1) ? g : -1;
        }
        char *names = c->kind_names, *save = NULL;
        for (char *tok = strtok_r(names, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            const struct kind_def *k = rules_kind(rs, tok);
            if (!k)
                diag_add(d, DIAG_ERROR, c->path, c->line, c->col, "details cue '%s': unknown kind '%s'", c->id, tok);
            else if (k->details < 0)
                diag_add(d, DIAG_ERROR, c->path, c->line, c->col, "details cue '%s': kind '%s' has no details field",
                         c->id, tok);
            else if (c->nkinds < 8)
                c->kinds[c->nkinds++] = k;
        }
    }
    /* the YAML is no longer needed */
    for (size_t i = 0; i < rs->nex; i++) rs->ex[i].pattern_node = rs->ex[i].fields_node = NULL;
    struct cue *cues[4] = {rs->modality, rs->attribution, rs->boilerplate, rs->details};
    size_t ncues[4] = {rs->nmodality, rs->nattribution, rs->nboilerplate, rs->ndetails};
    /* cues share the trigger table: their bits follow the extractors' */
    rs->nwant = rs->nex;
    for (int k = 0; k < 4; k++)
        for (size_t i = 0; i < ncues[k]; i++) {
            struct cue *c = &cues[k][i];
            c->pattern_node = NULL;
            c->index = (uint32_t)rs->nwant++;
            for (size_t t = 0; t < c->ntriggers; t++) add_trigger(rs, c->triggers[t], c->index, 0);
        }
    free_pending(rs);
    return d->errors > before ? -1 : 0;
}

void rules_triggered(const struct ruleset *rs, const char *const *words, const size_t *lens, size_t n, uint64_t *want,
                     uint8_t *seen)
{
    if (rs->always)
        for (size_t i = 0; i < (rs->nex + 63) / 64; i++) want[i] |= rs->always[i];
    char key[128];
    uint32_t touched[256];
    size_t ntouched = 0;
    for (size_t w = 0; w < n; w++) {
        if (lens[w] >= sizeof key) continue;
        memcpy(key, words[w], lens[w]);
        key[lens[w]] = '\0';
        uint32_t *list = strhash_get(&rs->triggers, key);
        if (!list) continue;
        for (uint32_t k = 1; k <= list[0]; k++) {
            uint32_t ex = list[k] >> 3;
            if (ex >= rs->nex || rs->ex[ex].ntrigger_groups <= 1) { /* a cue, or one list */
                want[ex / 64] |= 1ull << (ex % 64);
                continue;
            }
            /* a word of every list: remember which lists this sentence has */
            if (!seen[ex]) {
                if (ntouched == sizeof touched / sizeof *touched) { /* no room to undo: just run it */
                    want[ex / 64] |= 1ull << (ex % 64);
                    continue;
                }
                touched[ntouched++] = ex;
            }
            seen[ex] |= (uint8_t)(1u << (list[k] & 7));
            if (seen[ex] == (uint8_t)((1u << rs->ex[ex].ntrigger_groups) - 1)) want[ex / 64] |= 1ull << (ex % 64);
        }
    }
    for (size_t i = 0; i < ntouched; i++) seen[touched[i]] = 0;
}
