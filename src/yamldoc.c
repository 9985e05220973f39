/* yamldoc.c - a YAML file loaded with libyaml, with positions for every node. */
#include "yamldoc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xalloc.h"

/* ==== Loading ==== */

static void excerpt_line(struct yamldoc *yd, struct diag *d, unsigned line)
{
    if (!line) return;
    const char *p = yd->text, *end = yd->text + yd->len;
    for (unsigned l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return;
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    diag_excerpt(d, p, (size_t)((nl ? nl : end) - p));
}

/* libyaml marks count characters (code points) for column; we keep them. */
int yamldoc_load(struct yamldoc *yd, const char *path, const char *text, size_t len, struct diag *d)
{
    memset(yd, 0, sizeof *yd);
    yd->path = xstrdup(path);
    yd->text = text;
    yd->len = len;
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "cannot initialize the YAML parser");
        return -1;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    if (!yaml_parser_load(&p, &yd->doc)) {
        yaml_mark_t m = p.problem_mark;
        const char *prob = p.problem ? p.problem : "malformed YAML";
        yaml_mark_t cm = p.context_mark;
        if (p.context && (cm.line != m.line || cm.column != m.column))
            diag_add(d, DIAG_ERROR, path, (unsigned)m.line + 1, (unsigned)m.column + 1,
                     "%s %s (the construct began at line %u, column %u)", p.context, prob, (unsigned)cm.line + 1,
                     (unsigned)cm.column + 1);
        else if (p.context)
            diag_add(d, DIAG_ERROR, path, (unsigned)m.line + 1, (unsigned)m.column + 1, "%s %s", p.context, prob);
        else
            diag_add(d, DIAG_ERROR, path, (unsigned)m.line + 1, (unsigned)m.column + 1, "%s", prob);
        excerpt_line(yd, d, (unsigned)m.line + 1);
        yaml_parser_delete(&p);
        return -1;
    }
    yaml_parser_delete(&p);
    yd->loaded = 1;
    return 0;
}

void yamldoc_free(struct yamldoc *yd)
{
    if (yd->loaded) yaml_document_delete(&yd->doc);
    free(yd->path);
    memset(yd, 0, sizeof *yd);
}

/* ==== Access ==== */

yaml_node_t *yamldoc_root(struct yamldoc *yd)
{
    return yd->loaded ? yaml_document_get_root_node(&yd->doc) : NULL;
}

int yamldoc_is_map(yaml_node_t *n)
{
    return n && n->type == YAML_MAPPING_NODE;
}
int yamldoc_is_seq(yaml_node_t *n)
{
    return n && n->type == YAML_SEQUENCE_NODE;
}

yaml_node_t *yamldoc_get(struct yamldoc *yd, yaml_node_t *map, const char *key)
{
    if (!yamldoc_is_map(map)) return NULL;
    for (yaml_node_pair_t *pr = map->data.mapping.pairs.start; pr < map->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = yaml_document_get_node(&yd->doc, pr->key);
        if (k && k->type == YAML_SCALAR_NODE && strcmp((const char *)k->data.scalar.value, key) == 0)
            return yaml_document_get_node(&yd->doc, pr->value);
    }
    return NULL;
}

const char *yamldoc_str(yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

size_t yamldoc_len(yaml_node_t *n)
{
    return yamldoc_is_seq(n) ? (size_t)(n->data.sequence.items.top - n->data.sequence.items.start) : 0;
}

yaml_node_t *yamldoc_item(struct yamldoc *yd, yaml_node_t *seq, size_t i)
{
    if (i >= yamldoc_len(seq)) return NULL;
    return yaml_document_get_node(&yd->doc, seq->data.sequence.items.start[i]);
}

/* ==== Positions ==== */

static void pos_of_index(struct yamldoc *yd, size_t idx, unsigned *line, unsigned *col)
{
    unsigned l = 1;
    size_t ls = 0;
    if (idx > yd->len) idx = yd->len;
    for (size_t i = 0; i < idx; i++)
        if (yd->text[i] == '\n') {
            l++;
            ls = i + 1;
        }
    *line = l;
    *col = (unsigned)utf8_count(yd->text + ls, idx - ls) + 1;
}

/* libyaml's mark.index counts characters; find the byte offset. */
static size_t byte_of_char(struct yamldoc *yd, size_t chars)
{
    size_t i = 0;
    while (i < yd->len && chars) {
        size_t k = utf8_valid_len(yd->text + i, yd->len - i);
        i += k ? k : 1;
        chars--;
    }
    return i;
}

/* Walk the source of a scalar to the byte that holds the k-th byte of its value. */
static size_t source_index(struct yamldoc *yd, yaml_node_t *n, size_t k)
{
    size_t i = byte_of_char(yd, n->start_mark.index), end = byte_of_char(yd, n->end_mark.index);
    const char *t = yd->text;
    if (end > yd->len) end = yd->len;
    if (i >= end) return i;
    yaml_scalar_style_t st = n->data.scalar.style;
    if (st == YAML_SINGLE_QUOTED_SCALAR_STYLE || st == YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
        char q = t[i++];
        size_t v = 0;
        while (i < end && v < k) {
            if (q == '\'' && t[i] == '\'' && i + 1 < end && t[i + 1] == '\'') {
                i += 2;
                v++;
            } else if (q == '"' && t[i] == '\\' && i + 1 < end) {
                i += 2;
                v++;
            } else if (t[i] == '\n') {
                /* line folding: the newline and indentation become one space */
                i++;
                while (i < end && (t[i] == ' ' || t[i] == '\t')) i++;
                v++;
            } else {
                i++;
                v++;
            }
        }
        return i;
    }
    if (st == YAML_LITERAL_SCALAR_STYLE || st == YAML_FOLDED_SCALAR_STYLE) {
        /* skip the header line ("|", "|-", ">2"...), find the indentation */
        while (i < end && t[i] != '\n') i++;
        if (i < end) i++;
        size_t indent = 0;
        while (i + indent < end && t[i + indent] == ' ') indent++;
        size_t v = 0;
        i += indent;
        while (i < end && v < k) {
            if (t[i] == '\n') {
                i++;
                size_t s = 0;
                while (s < indent && i < end && t[i] == ' ') {
                    i++;
                    s++;
                }
            } else {
                i++;
            }
            v++;
        }
        return i;
    }
    return i + k; /* plain scalars are one line here */
}

void yamldoc_scalar_pos(struct yamldoc *yd, yaml_node_t *n, size_t k, unsigned *line, unsigned *col)
{
    if (!n) {
        *line = *col = 0;
        return;
    }
    if (n->type != YAML_SCALAR_NODE) {
        *line = (unsigned)n->start_mark.line + 1;
        *col = (unsigned)n->start_mark.column + 1;
        return;
    }
    pos_of_index(yd, source_index(yd, n, k), line, col);
}

static void report(struct yamldoc *yd, struct diag *d, enum diag_level lv, unsigned line, unsigned col, const char *fmt,
                   va_list ap)
{
    diag_vadd(d, lv, yd->path, line, col, fmt, ap);
    excerpt_line(yd, d, line);
}

void yamldoc_error(struct yamldoc *yd, struct diag *d, enum diag_level lv, yaml_node_t *n, const char *fmt, ...)
{
    unsigned line = 0, col = 0;
    if (n) {
        line = (unsigned)n->start_mark.line + 1;
        col = (unsigned)n->start_mark.column + 1;
    }
    va_list ap;
    va_start(ap, fmt);
    report(yd, d, lv, line, col, fmt, ap);
    va_end(ap);
}

void yamldoc_error_at(struct yamldoc *yd, struct diag *d, yaml_node_t *n, size_t k, const char *fmt, ...)
{
    unsigned line, col;
    yamldoc_scalar_pos(yd, n, k, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    report(yd, d, DIAG_ERROR, line, col, fmt, ap);
    va_end(ap);
}

/* Report every key that occurs twice in one mapping, anywhere in the
 * document: YAML parsers keep one of them silently.  Returns how many. */
static size_t dups_in(struct yamldoc *yd, struct diag *d, yaml_node_t *n, int depth, uint8_t *seen)
{
    if (!n || depth > 64) return 0;
    /* aliases share nodes: visit each once, or a few levels of them fan out */
    size_t at = (size_t)(n - yd->doc.nodes.start);
    if (seen[at]) return 0;
    seen[at] = 1;
    size_t found = 0;
    if (n->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
            found += dups_in(yd, d, yaml_document_get_node(&yd->doc, *it), depth + 1, seen);
    } else if (n->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
            yaml_node_t *k = yaml_document_get_node(&yd->doc, p->key);
            const char *ks = yamldoc_str(k);
            for (yaml_node_pair_t *q = n->data.mapping.pairs.start; ks && q < p; q++) {
                const char *qs = yamldoc_str(yaml_document_get_node(&yd->doc, q->key));
                if (qs && strcmp(qs, ks) == 0) {
                    yamldoc_error(yd, d, DIAG_ERROR, k, "duplicate key '%s'", ks);
                    found++;
                    break;
                }
            }
            found += dups_in(yd, d, yaml_document_get_node(&yd->doc, p->value), depth + 1, seen);
        }
    }
    return found;
}

size_t yamldoc_check_duplicates(struct yamldoc *yd, struct diag *d)
{
    size_t nn = (size_t)(yd->doc.nodes.top - yd->doc.nodes.start);
    uint8_t *seen = xcalloc(nn + 1, 1);
    size_t found = dups_in(yd, d, yamldoc_root(yd), 0, seen);
    free(seen);
    return found;
}
