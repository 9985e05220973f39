/* yamldoc.h - a YAML file loaded with libyaml, with positions for every node.
 *
 * Thin helpers over yaml_document_t: look up keys, read scalars, and turn a
 * node (or an offset inside a scalar) into file:line:col for diagnostics. */
#ifndef CC_YAMLDOC_H
#define CC_YAMLDOC_H

#include <stddef.h>
#include <yaml.h>

#include "diag.h"

struct yamldoc {
    char *path;       /* owned */
    const char *text; /* borrowed: the file's bytes, valid while the doc is used */
    size_t len;
    yaml_document_t doc;
    int loaded;
};

/* Parse text[0..len) (borrowed, must outlive yd).  Returns 0, or -1 with a
 * "path:line:col: error: ..." diagnostic in d. An empty file is a document
 * with no root (yamldoc_root returns NULL). */
int yamldoc_load(struct yamldoc *yd, const char *path, const char *text, size_t len, struct diag *d);
void yamldoc_free(struct yamldoc *yd);

yaml_node_t *yamldoc_root(struct yamldoc *yd);
/* Value node of key in a mapping, or NULL (also when n is not a mapping). */
yaml_node_t *yamldoc_get(struct yamldoc *yd, yaml_node_t *map, const char *key);
/* Scalar text (NUL-terminated, borrowed) or NULL when n is not a scalar. */
const char *yamldoc_str(yaml_node_t *n);
/* Number of items of a sequence and the i-th item; 0 / NULL for other nodes. */
size_t yamldoc_len(yaml_node_t *n);
yaml_node_t *yamldoc_item(struct yamldoc *yd, yaml_node_t *seq, size_t i);
int yamldoc_is_map(yaml_node_t *n);
int yamldoc_is_seq(yaml_node_t *n);

/* Report an error (or warning) at a node: path:line:col with the line quoted. */
void yamldoc_error(struct yamldoc *yd, struct diag *d, enum diag_level lv, yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Line and column (1-based, code points) of the k-th byte of a scalar's value,
 * found by walking the file text through its quoting (plain, '...', "...",
 * literal and folded blocks). */
void yamldoc_scalar_pos(struct yamldoc *yd, yaml_node_t *n, size_t k, unsigned *line, unsigned *col);
/* Report at the k-th byte of a scalar's value. */
void yamldoc_error_at(struct yamldoc *yd, struct diag *d, yaml_node_t *n, size_t k, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Report keys that occur twice in one mapping (libyaml keeps both; lookups
 * see the first).  Returns how many were reported. */
size_t yamldoc_check_duplicates(struct yamldoc *yd, struct diag *d);

#endif
