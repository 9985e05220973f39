/* sentence.h - split article text into sentences with byte spans.
 *
 * A sentence ends at . ! ? (with closing quotes and brackets) followed by
 * space and a plausible sentence start, and always at a blank line.  A single
 * newline ends a sentence after terminal punctuation, and after a short line
 * without it (a heading, byline or list item: under 60 bytes, next line
 * starting with a capital); a hard-wrapped line of prose does not.  Periods in
 * abbreviations ("Mr.", "Feb.", "U.S.", "St."), initials, decimals and
 * "reportedly.asked" (no space) do not end a sentence.
 *
 * Details: a terminator followed by a lowercase word never ends a sentence
 * ("Why?" asked one; etc. and), nor does an ellipsis ("..." or U+2026) inside
 * a line.  "U.S.", "a.m.", "Inc.", "etc." and single initials end one only
 * before a usual opener ("The", "He", "In"...).  A quote ending in a period
 * followed by a short attribution stays one sentence ("...worse." Bennett
 * added.).  Markdown headings and list items end at their line.  Spans are
 * 32-bit: text past 4 GiB is not split.
 *
 * No sentence is longer than SENTENCE_MAX bytes: a longer stretch without a
 * sentence end (a 100 MB line, a table dump) is cut into pieces of at most
 * that size, at the last space before the limit, or at a character boundary
 * when there is none, so that every byte of it is still read and no pattern
 * sees more than SENTENCE_MAX bytes at once. */
#ifndef CC_SENTENCE_H
#define CC_SENTENCE_H

#include <stddef.h>
#include <stdint.h>

#define SENTENCE_MAX ((size_t)64 << 10)

struct sentence {
    uint32_t start, end; /* byte span in the text, trimmed of surrounding space */
    uint32_t para;       /* 0-based paragraph (blank-line or line separated block) */
};

/* Split text[start..end) and return the number of sentences; *out (owned,
 * free()) gets them in order.  Empty stretches produce no sentence. */
size_t sentence_split(const char *text, size_t start, size_t end, struct sentence **out);

#endif
