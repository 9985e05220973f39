/* utf8.h - UTF-8 validation and code point counting. */
#ifndef CC_UTF8_H
#define CC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length (1-4) of the well-formed UTF-8 sequence at s[0..n), or 0 when the
 * bytes there are not well-formed (overlong, surrogate, truncated, > U+10FFFF). */
size_t utf8_valid_len(const char *s, size_t n);
/* Decode the sequence at s (which utf8_valid_len accepted); *cp gets the code point. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Number of code points in s[0..n), counting each invalid byte as one. */
size_t utf8_count(const char *s, size_t n);

#endif
