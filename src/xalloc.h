/* xalloc.h - allocation that never returns NULL: on exhaustion it prints and aborts. */
#ifndef CC_XALLOC_H
#define CC_XALLOC_H

#include <stddef.h>

/* Each returns owned memory (free with free()); out of memory prints a message
 * on stderr and aborts, so callers never test for NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grow *arr (of *cap elements of size elem) so that it holds at least need
 * elements; doubles the capacity. */
void xgrow(void **arr, size_t *cap, size_t need, size_t elem);
#define XGROW(arr, cap, need) xgrow((void **)&(arr), &(cap), (need), sizeof *(arr))

#endif
