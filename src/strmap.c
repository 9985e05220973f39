/* strmap.c - string-keyed maps and an interning table over Judy arrays. */
#include "strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void judy_oom(void)
{
    fprintf(stderr, "crosscheck: out of memory (Judy)\n");
    abort();
}

void **strmap_slot(Pvoid_t *map, const char *key)
{
    PWord_t pv;
    JSLI(pv, *map, (const uint8_t *)key);
    if (pv == PJERR) judy_oom();
    return (void **)pv;
}

void *strmap_get(Pvoid_t map, const char *key)
{
    PWord_t pv;
    JSLG(pv, map, (const uint8_t *)key);
    return pv ? (void *)*pv : NULL;
}

void strmap_free(Pvoid_t *map)
{
    Word_t bytes;
    JSLFA(bytes, *map);
    (void)bytes;
}

void strmap_each(Pvoid_t map, char *keybuf, int (*fn)(const char *, void *, void *), void *arg)
{
    PWord_t pv;
    keybuf[0] = '\0';
    JSLF(pv, map, (uint8_t *)keybuf);
    while (pv) {
        if (fn(keybuf, (void *)*pv, arg)) return;
        JSLN(pv, map, (uint8_t *)keybuf);
    }
}

void **intmap_slot(Pvoid_t *map, uintptr_t key)
{
    PWord_t pv;
    JLI(pv, *map, (Word_t)key);
    if (pv == PJERR) judy_oom();
    return (void **)pv;
}

void *intmap_get(Pvoid_t map, uintptr_t key)
{
    PWord_t pv;
    JLG(pv, map, (Word_t)key);
    return pv ? (void *)*pv : NULL;
}

void intmap_free(Pvoid_t *map)
{
    Word_t bytes;
    JLFA(bytes, *map);
    (void)bytes;
}

uint32_t intern_id(struct intern *in, const char *s)
{
    void **slot = strmap_slot(&in->map, s);
    if (*slot) return (uint32_t)(uintptr_t)*slot;
    if (in->n == 0) in->n = 1;
    XGROW(in->strs, in->cap, in->n + 1);
    in->strs[in->n] = xstrdup(s);
    *slot = (void *)(uintptr_t)in->n;
    return (uint32_t)in->n++;
}

uint32_t intern_find(const struct intern *in, const char *s)
{
    return (uint32_t)(uintptr_t)strmap_get(in->map, s);
}

const char *intern_str(const struct intern *in, uint32_t id)
{
    return id && id < in->n ? in->strs[id] : NULL;
}

void intern_free(struct intern *in)
{
    for (size_t i = 1; i < in->n; i++) free(in->strs[i]);
    free(in->strs);
    strmap_free(&in->map);
    memset(in, 0, sizeof *in);
}

/* ==== Hash maps ==== */

#define STRHASH_CHUNK 65536

static uint32_t strhash_of(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h ? h : 1; /* 0 marks an empty entry */
}

static char *strhash_copy(struct strhash *m, const char *key)
{
    size_t n = strlen(key) + 1;
    if (n > STRHASH_CHUNK / 4) { /* a long key gets a chunk of its own, kept before the current one */
        char *c = xmalloc(n);
        memcpy(c, key, n);
        XGROW(m->chunks, m->capchunks, m->nchunks + 1);
        if (m->nchunks) {
            m->chunks[m->nchunks] = m->chunks[m->nchunks - 1];
            m->chunks[m->nchunks - 1] = c;
        } else {
            m->chunks[0] = c;
            m->used = STRHASH_CHUNK; /* the next key starts a chunk */
        }
        m->nchunks++;
        return c;
    }
    if (!m->nchunks || m->used + n > STRHASH_CHUNK) {
        XGROW(m->chunks, m->capchunks, m->nchunks + 1);
        m->chunks[m->nchunks++] = xmalloc(STRHASH_CHUNK);
        m->used = 0;
    }
    char *c = m->chunks[m->nchunks - 1] + m->used;
    memcpy(c, key, n);
    m->used += n;
    return c;
}

static void strhash_resize(struct strhash *m, size_t cap)
{
    struct strhash_entry *v = xcalloc(cap, sizeof *v);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->v[i].hash) continue;
        size_t j = m->v[i].hash & (cap - 1);
        while (v[j].hash) j = (j + 1) & (cap - 1);
        v[j] = m->v[i];
    }
    free(m->v);
    m->v = v;
    m->cap = cap;
}

void **strhash_slot(struct strhash *m, const char *key)
{
    if ((m->n + 1) * 10 > m->cap * 7) strhash_resize(m, m->cap ? m->cap * 2 : 1024);
    uint32_t h = strhash_of(key);
    size_t j = h & (m->cap - 1);
    for (; m->v[j].hash; j = (j + 1) & (m->cap - 1))
        if (m->v[j].hash == h && strcmp(m->v[j].key, key) == 0) return &m->v[j].val;
    m->v[j].hash = h;
    m->v[j].key = strhash_copy(m, key);
    m->v[j].val = NULL;
    m->n++;
    return &m->v[j].val;
}

void strhash_reserve(struct strhash *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 1024;
    while (n * 10 > cap * 7) cap *= 2;
    if (cap > m->cap) strhash_resize(m, cap);
}

void *strhash_get(const struct strhash *m, const char *key)
{
    if (!m->n) return NULL;
    uint32_t h = strhash_of(key);
    for (size_t j = h & (m->cap - 1); m->v[j].hash; j = (j + 1) & (m->cap - 1))
        if (m->v[j].hash == h && strcmp(m->v[j].key, key) == 0) return m->v[j].val;
    return NULL;
}

void strhash_free(struct strhash *m)
{
    for (size_t i = 0; i < m->nchunks; i++) free(m->chunks[i]);
    free(m->chunks);
    free(m->v);
    memset(m, 0, sizeof *m);
}
