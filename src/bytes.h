/* bytes.h - classes of bytes, for the loops that read every byte of the
 * corpus (the prefilter, the lexicon's tokenizer, the binary sniff). */
#ifndef CROSSCHECK_BYTES_H
#define CROSSCHECK_BYTES_H

enum {
    BYTE_CTRL = 1,  /* a control character but tab, newline, VT, FF, CR; and DEL */
    BYTE_ALNUM = 2, /* an ASCII letter or digit */
    BYTE_HIGH = 4,  /* a byte of a non-ASCII character */
};

/* Each byte's BYTE_* classes. */
extern const unsigned char byte_class[256];

/* ASCII upper case folded to lower case, every other byte as it is (what
 * tolower does in the C locale). */
extern const unsigned char ascii_lower[256];

/* The trigger prefilter's word bytes: ASCII letters and digits lower-cased,
 * '-' (inside a word only), 1 for a byte of a non-ASCII character (a word
 * byte unless utf8_nonword_len says otherwise), 0 for the rest. */
extern const unsigned char word_byte[256];

#endif
