/* diag.h - diagnostics collected into a context and printed at the edge.
 *
 * Modules never print: they add entries here ("path:line:col: error: msg"),
 * and main decides where and when they go.  A context is not thread-safe;
 * give each worker its own and move entries with diag_move. */
#ifndef CC_DIAG_H
#define CC_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

struct diag_entry {
    enum diag_level level;
    char *path;    /* owned; NULL when the message is not about a file */
    unsigned line; /* 1-based; 0 when unknown */
    unsigned col;  /* 1-based, in code points; 0 when unknown */
    char *msg;     /* owned */
    char *excerpt; /* owned; the offending source line, printed with a caret; may be NULL */
};

struct diag {
    struct diag_entry *v;
    size_t n, cap;
    size_t errors, warnings;
};

/* Add an entry; path and excerpt are copied.  Never fails. */
void diag_add(struct diag *d, enum diag_level level, const char *path, unsigned line, unsigned col, const char *fmt,
              ...) __attribute__((format(printf, 6, 7)));
void diag_vadd(struct diag *d, enum diag_level level, const char *path, unsigned line, unsigned col, const char *fmt,
               va_list ap);
/* Attach the source line to the last entry (shown with a caret under col). */
void diag_excerpt(struct diag *d, const char *line, size_t len);
/* Move every entry of src to the end of dst, leaving src empty. */
void diag_move(struct diag *dst, struct diag *src);
/* Print every entry as "path:line:col: level: msg" (plus excerpt and caret). */
void diag_print(const struct diag *d, FILE *out, int color);
const char *diag_level_name(enum diag_level level);
void diag_clear(struct diag *d);
void diag_free(struct diag *d);

#endif
