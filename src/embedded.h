/* embedded.h - the default rules, compiled into the binary (see tools/embed.c). */
#ifndef CC_EMBEDDED_H
#define CC_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
    const char *name; /* "rules/lexicon/people.yml" */
    const char *data; /* NUL-terminated */
    size_t len;
};

/* Terminated by an entry with name NULL. */
extern const struct embedded_file embedded_files[];

#endif
