/* strmap.h - string-keyed maps and an interning table over Judy arrays.
 *
 * Judy's own error handling is off (JUDYERROR_NOTEST); these wrappers check
 * PJERR and treat it as out of memory.  Not thread-safe: a writer needs
 * exclusive access; concurrent readers are fine once writing has stopped. */
#ifndef CC_STRMAP_H
#define CC_STRMAP_H

#include <Judy.h>
#include <stddef.h>
#include <stdint.h>

/* A map from NUL-terminated strings to pointers; a NULL Pvoid_t is empty. */
/* Slot for key, created (holding NULL) when missing.  Never fails. */
void **strmap_slot(Pvoid_t *map, const char *key);
/* Value for key, or NULL. */
void *strmap_get(Pvoid_t map, const char *key);
/* Free the map itself (not the values). */
void strmap_free(Pvoid_t *map);
/* Visit entries in key order; stops when fn returns nonzero. keybuf must hold
 * the longest key stored. */
void strmap_each(Pvoid_t map, char *keybuf, int (*fn)(const char *key, void *val, void *arg), void *arg);

/* A map from word-sized integers to pointers (JudyL). */
void **intmap_slot(Pvoid_t *map, uintptr_t key);
void *intmap_get(Pvoid_t map, uintptr_t key);
void intmap_free(Pvoid_t *map);

/* Interning: each distinct string gets a small id (1, 2, ...), and a stable
 * copy that lives until intern_free. */
struct intern {
    Pvoid_t map; /* string -> id */
    char **strs; /* id -> owned string; strs[0] unused */
    size_t n, cap;
};

uint32_t intern_id(struct intern *in, const char *s);
/* Id of s when interned, else 0. */
uint32_t intern_find(const struct intern *in, const char *s);
const char *intern_str(const struct intern *in, uint32_t id);
void intern_free(struct intern *in);

/* A hash map from strings to pointers, for large dictionaries built once and
 * read many times (the lexicon's names and ids: thousands of generated
 * places).  Cheaper than JudySL to fill, to search and to free: one
 * allocation per 64 KiB of keys.  Zero it to start.  Keys are copied. */
struct strhash {
    struct strhash_entry {
        uint32_t hash; /* 0: empty */
        const char *key;
        void *val;
    } * v;
    size_t cap, n;
    char **chunks; /* key storage */
    size_t nchunks, capchunks, used;
};

/* Slot for key, created (holding NULL) when missing.  Never fails.  Valid
 * until the next strhash_slot or strhash_reserve. */
void **strhash_slot(struct strhash *m, const char *key);
/* Make room for n keys in all. */
void strhash_reserve(struct strhash *m, size_t n);
/* Value for key, or NULL. */
void *strhash_get(const struct strhash *m, const char *key);
/* Free the map (not the values) and zero it. */
void strhash_free(struct strhash *m);

#endif
