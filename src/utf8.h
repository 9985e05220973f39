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
/* Bytes of the non-ASCII space or punctuation mark at s that PCRE2 (UCP)
 * does not take for a word character: the no-break space, guillemets and
 * the General Punctuation block (U+2000-U+206F: dashes, curly quotes, the
 * ellipsis, thin spaces); else 0.  The word splitters use it, so that
 * "talks\u2014the" is two words for them as for the patterns. */
static inline size_t utf8_nonword_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 2 && u[0] == 0xC2 && (u[1] == 0xA0 || u[1] == 0xAB || u[1] == 0xBB)) return 2;
    if (n >= 3 && u[0] == 0xE2 && (u[1] == 0x80 || u[1] == 0x81) && u[2] >= 0x80 && u[2] <= 0xBF) return 3;
    return 0;
}

#endif
