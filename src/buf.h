/* buf.h - a growable byte string, always NUL-terminated. */
#ifndef CC_BUF_H
#define CC_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* A zeroed struct buf is an empty buffer.  s is owned by the buf; buf_free
 * releases it, buf_steal hands it to the caller. */
struct buf {
    char *s;
    size_t len, cap;
};

void buf_append(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Append s[0..n) as a JSON string literal, quotes included.  Invalid UTF-8
 * bytes become U+FFFD so the output is always valid JSON. */
void buf_json_str(struct buf *b, const char *s, size_t n);
/* Append a double as JSON: integers without a fraction, infinities as null. */
void buf_json_num(struct buf *b, double v);
/* Append s[0..n) with &, <, >, " and ' escaped for HTML/XML. */
void buf_html(struct buf *b, const char *s, size_t n);
void buf_reset(struct buf *b);
/* Returns the owned string (never NULL) and leaves b empty. */
char *buf_steal(struct buf *b);
void buf_free(struct buf *b);

#endif
