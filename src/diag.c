/* diag.c - diagnostics collected into a context and printed at the edge. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

const char *diag_level_name(enum diag_level level)
{
    switch (level) {
    case DIAG_ERROR: return "error";
    case DIAG_WARNING: return "warning";
    default: return "note";
    }
}

void diag_vadd(struct diag *d, enum diag_level level, const char *path, unsigned line, unsigned col, const char *fmt,
               va_list ap)
{
    XGROW(d->v, d->cap, d->n + 1);
    struct diag_entry *e = &d->v[d->n++];
    struct buf b = {0};
    buf_vprintf(&b, fmt, ap);
    e->level = level;
    e->path = path ? xstrdup(path) : NULL;
    e->line = line;
    e->col = col;
    e->msg = buf_steal(&b);
    e->excerpt = NULL;
    if (level == DIAG_ERROR) d->errors++;
    if (level == DIAG_WARNING) d->warnings++;
}

void diag_add(struct diag *d, enum diag_level level, const char *path, unsigned line, unsigned col, const char *fmt,
              ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, level, path, line, col, fmt, ap);
    va_end(ap);
}

void diag_excerpt(struct diag *d, const char *line, size_t len)
{
    if (!d->n) return;
    struct diag_entry *e = &d->v[d->n - 1];
    free(e->excerpt);
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
    e->excerpt = xstrndup(line, len);
}

void diag_move(struct diag *dst, struct diag *src)
{
    if (!src->n) return;
    XGROW(dst->v, dst->cap, dst->n + src->n);
    memcpy(dst->v + dst->n, src->v, src->n * sizeof *src->v);
    dst->n += src->n;
    dst->errors += src->errors;
    dst->warnings += src->warnings;
    src->n = src->errors = src->warnings = 0;
}

/* Each entry is composed in memory and written at once: stderr is not
 * buffered, and a run with thousands of diagnostics (a shard of bad records,
 * a directory of binary files) would otherwise make a system call for every
 * piece of every line. */
void diag_print(const struct diag *d, FILE *out, int color)
{
    struct buf b = {0};
    for (size_t i = 0; i < d->n; i++) {
        const struct diag_entry *e = &d->v[i];
        const char *on = "", *off = "";
        if (color) {
            on = e->level == DIAG_ERROR ? "\033[1;31m" : e->level == DIAG_WARNING ? "\033[1;35m" : "\033[1;36m";
            off = "\033[0m";
        }
        buf_reset(&b);
        if (e->path) {
            buf_puts(&b, e->path);
            if (e->line) {
                buf_printf(&b, ":%u", e->line);
                if (e->col) buf_printf(&b, ":%u", e->col);
            }
            buf_puts(&b, ": ");
        } else {
            buf_puts(&b, "crosscheck: ");
        }
        buf_printf(&b, "%s%s:%s %s\n", on, diag_level_name(e->level), off, e->msg);
        if (e->excerpt) {
            buf_printf(&b, "  %s\n", e->excerpt);
            if (e->col) {
                buf_puts(&b, "  ");
                /* The caret counts code points; tabs are kept so it lines up. */
                unsigned cp = 1;
                for (const char *p = e->excerpt; *p && cp < e->col; p++) {
                    if (((unsigned char)*p & 0xC0) == 0x80) continue;
                    buf_putc(&b, *p == '\t' ? '\t' : ' ');
                    cp++;
                }
                buf_printf(&b, "%s^%s\n", on, off);
            }
        }
        fwrite(b.s, 1, b.len, out);
    }
    buf_free(&b);
}

void diag_clear(struct diag *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].path);
        free(d->v[i].msg);
        free(d->v[i].excerpt);
    }
    d->n = d->errors = d->warnings = 0;
}

void diag_free(struct diag *d)
{
    diag_clear(d);
    free(d->v);
    d->v = NULL;
    d->cap = 0;
}
