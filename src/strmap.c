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
