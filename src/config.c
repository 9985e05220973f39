/* config.c - .crosscheck.yml: a project's defaults for check and extract. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "calendar.h"
#include "report.h"
#include "xalloc.h"
#include "yamldoc.h"

static const char *const KEYS[] = {"rules", "extra-rules", "reference", "fail-on", "format", "date"};
#define NKEYS (sizeof KEYS / sizeof KEYS[0])

/* ==== Life cycle ==== */

void config_init(struct config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->fail_on = -1;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
}

void config_free(struct config *cfg)
{
    if (!cfg) return;
    free(cfg->path);
    free_list(cfg->rules, cfg->nrules);
    free_list(cfg->extra, cfg->nextra);
    free_list(cfg->reference, cfg->nreference);
    free(cfg->format);
    config_init(cfg);
}

int config_fail_on(const char *s)
{
    if (strcmp(s, "error") == 0) return DIAG_ERROR;
    if (strcmp(s, "warning") == 0) return DIAG_WARNING;
    if (strcmp(s, "note") == 0) return DIAG_NOTE;
    if (strcmp(s, "never") == 0) return DIAG_ERROR + 1;
    return -1;
}

/* ==== Finding the file ==== */

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *config_find(const char *dir)
{
    char *abs = realpath(dir, NULL);
    if (!abs) return NULL;
    /* How many parents there are: "/" has none, "/a/b" two. */
    size_t levels = 0;
    for (const char *p = abs; *p; p++)
        if (*p == '/' && p[1]) levels++;
    struct buf b = {0};
    char *found = NULL;
    for (size_t k = 0; k <= levels && !found; k++) {
        buf_reset(&b);
        if (dir[0] == '/') {
            /* absolute: drop k components of the resolved path */
            size_t len = strlen(abs);
            for (size_t i = 0; i < k; i++) {
                while (len > 1 && abs[len - 1] != '/') len--;
                if (len > 1) len--; /* the slash, unless it is the root */
            }
            buf_append(&b, abs, len);
            if (b.len == 0 || b.s[b.len - 1] != '/') buf_putc(&b, '/');
        } else if (strcmp(dir, ".") != 0) {
            buf_printf(&b, "%s/", dir);
        }
        if (dir[0] != '/')
            for (size_t i = 0; i < k; i++) buf_puts(&b, "../");
        buf_puts(&b, CONFIG_NAME);
        if (is_file(b.s)) found = buf_steal(&b);
    }
    buf_free(&b);
    free(abs);
    return found;
}

/* ==== Values ==== */

/* The directory of path ("" for the working directory), owned. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return xstrdup("");
    if (slash == path) return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

/* Clean a path lexically, in place: no "." components, no empty ones, and
 * "x/.." removed (leading ".." kept), so that "desk/../../refs" reads
 * "../refs" in reports and SARIF consumers can map it to a file. */
static void clean(char *path)
{
    int abs = path[0] == '/';
    char *out = path + abs, *w = out;
    const char *r = out;
    while (*r) {
        const char *e = strchr(r, '/');
        size_t n = e ? (size_t)(e - r) : strlen(r);
        if (n == 0 || (n == 1 && r[0] == '.')) {
            /* skip */
        } else if (n == 2 && r[0] == '.' && r[1] == '.') {
            /* the previous component, unless there is none or it is ".." */
            char *prev = w > out ? w - 1 : out;
            while (prev > out && prev[-1] != '/') prev--;
            int can_drop = w > out && !(w - prev == 2 && prev[0] == '.' && prev[1] == '.');
            if (can_drop)
                w = prev > out ? prev - 1 : out;
            else if (!abs) {
                if (w > out) *w++ = '/';
                memcpy(w, "..", 2);
                w += 2;
            }
        } else {
            if (w > out) *w++ = '/';
            memmove(w, r, n);
            w += n;
        }
        r += n;
        while (*r == '/') r++;
    }
    *w = '\0';
    if (!abs && w == out) strcpy(path, ".");
}

/* p as seen from the working directory, when it was written relative to dir. */
static char *resolve(const char *dir, const char *p)
{
    struct buf b = {0};
    if (p[0] == '/' || !*dir)
        buf_puts(&b, p);
    else
        buf_printf(&b, "%s/%s", dir, p);
    char *s = buf_steal(&b);
    clean(s);
    return s;
}

/* A non-empty scalar's text, or NULL after an error at n. */
static const char *scalar(struct yamldoc *yd, yaml_node_t *n, const char *key, const char *what, struct diag *d)
{
    const char *s = yamldoc_str(n);
    if (!s || !*s) {
        yamldoc_error(yd, d, DIAG_ERROR, n, "%s: expected %s", key, what);
        return NULL;
    }
    return s;
}

/* A path or a list of paths, resolved against dir; each must exist. */
static int paths(struct yamldoc *yd, yaml_node_t *v, const char *key, const char *dir, char ***out, size_t *nout,
                 struct diag *d)
{
    static const char what[] = "a path or a list of paths";
    size_t n = yamldoc_is_seq(v) ? yamldoc_len(v) : 1;
    if (yamldoc_is_seq(v) && n == 0) {
        yamldoc_error(yd, d, DIAG_ERROR, v, "%s: expected %s, not an empty list", key, what);
        return -1;
    }
    int rc = 0;
    char **list = xcalloc(n, sizeof *list);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *item = yamldoc_is_seq(v) ? yamldoc_item(yd, v, i) : v;
        const char *s = scalar(yd, item, key, what, d);
        if (!s) {
            rc = -1;
            continue;
        }
        char *p = resolve(dir, s);
        struct stat st;
        if (stat(p, &st) < 0) {
            if (strcmp(p, s) == 0)
                yamldoc_error(yd, d, DIAG_ERROR, item, "%s: cannot open '%s': %s", key, s, strerror(errno));
            else
                yamldoc_error(yd, d, DIAG_ERROR, item, "%s: cannot open '%s' (%s): %s", key, s, p, strerror(errno));
            free(p);
            rc = -1;
            continue;
        }
        list[k++] = p;
    }
    if (rc < 0) {
        free_list(list, k);
        return -1;
    }
    *out = list;
    *nout = k;
    return 0;
}

static int known_key(const char *k)
{
    for (size_t i = 0; i < NKEYS; i++)
        if (strcmp(k, KEYS[i]) == 0) return 1;
    return 0;
}

/* ==== Loading ==== */

static int load_root(struct config *cfg, struct yamldoc *yd, const char *dir, struct diag *d)
{
    yaml_node_t *root = yamldoc_root(yd);
    if (!root) return 0; /* an empty file: no defaults */
    if (!yamldoc_is_map(root)) {
        yamldoc_error(yd, d, DIAG_ERROR, root, "the configuration must be a mapping of keys (%s, %s, %s, %s, %s, %s)",
                      KEYS[0], KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]);
        return -1;
    }
    int rc = 0;
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top; pr++) {
        yaml_node_t *kn = yaml_document_get_node(&yd->doc, pr->key);
        yaml_node_t *v = yaml_document_get_node(&yd->doc, pr->value);
        const char *k = yamldoc_str(kn);
        if (!k) {
            yamldoc_error(yd, d, DIAG_ERROR, kn, "expected a key (%s, %s, %s, %s, %s or %s)", KEYS[0], KEYS[1], KEYS[2],
                          KEYS[3], KEYS[4], KEYS[5]);
            rc = -1;
            continue;
        }
        if (!known_key(k)) {
            yamldoc_error(yd, d, DIAG_ERROR, kn, "unknown key '%s' (expected %s, %s, %s, %s, %s or %s)", k, KEYS[0],
                          KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]);
            rc = -1;
            continue;
        }
        int dup = 0;
        for (yaml_node_pair_t *q = root->data.mapping.pairs.start; q < pr && !dup; q++) {
            const char *qk = yamldoc_str(yaml_document_get_node(&yd->doc, q->key));
            dup = qk && strcmp(qk, k) == 0;
        }
        if (dup) {
            yamldoc_error(yd, d, DIAG_ERROR, kn, "duplicate key '%s'", k);
            rc = -1;
            continue;
        }
        if (strcmp(k, "rules") == 0) {
            rc |= paths(yd, v, k, dir, &cfg->rules, &cfg->nrules, d);
        } else if (strcmp(k, "extra-rules") == 0) {
            rc |= paths(yd, v, k, dir, &cfg->extra, &cfg->nextra, d);
        } else if (strcmp(k, "reference") == 0) {
            rc |= paths(yd, v, k, dir, &cfg->reference, &cfg->nreference, d);
        } else if (strcmp(k, "fail-on") == 0) {
            const char *s = scalar(yd, v, k, "error, warning, note or never", d);
            if (s && (cfg->fail_on = config_fail_on(s)) < 0) {
                yamldoc_error(yd, d, DIAG_ERROR, v, "fail-on: '%s' (expected error, warning, note or never)", s);
                s = NULL;
            }
            if (!s) rc = -1;
        } else if (strcmp(k, "format") == 0) {
            const char *s = scalar(yd, v, k, "an output format", d);
            if (s && report_format_parse(s) < 0) {
                yamldoc_error(yd, d, DIAG_ERROR, v, "format: unknown format '%s' (expected %s)", s,
                              report_format_names());
                s = NULL;
            }
            if (s)
                cfg->format = xstrdup(s);
            else
                rc = -1;
        } else { /* date */
            const char *s = scalar(yd, v, k, "a date (YYYY-MM-DD)", d);
            if (s && cal_parse_iso(s, strlen(s), &cfg->date) < 0) {
                yamldoc_error(yd, d, DIAG_ERROR, v, "date: '%s' is not a date (YYYY-MM-DD)", s);
                s = NULL;
            }
            if (s)
                cfg->has_date = 1;
            else
                rc = -1;
        }
    }
    return rc ? -1 : 0;
}

int config_load_text(struct config *cfg, const char *path, const char *text, size_t len, struct diag *d)
{
    config_free(cfg);
    struct yamldoc yd;
    if (yamldoc_load(&yd, path, text, len, d) < 0) {
        yamldoc_free(&yd);
        return -1;
    }
    char *dir = dir_of(path);
    int rc = load_root(cfg, &yd, dir, d);
    free(dir);
    yamldoc_free(&yd);
    if (rc < 0) {
        config_free(cfg);
        return -1;
    }
    cfg->path = xstrdup(path);
    return 0;
}

int config_load(struct config *cfg, const char *path, struct diag *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read the configuration: %s", strerror(errno));
        return -1;
    }
    struct buf b = {0};
    char chunk[16384];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(&b, chunk, k);
    int bad = ferror(f), err = errno;
    fclose(f);
    if (bad) {
        diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read the configuration: %s", strerror(err));
        buf_free(&b);
        return -1;
    }
    int rc = config_load_text(cfg, path, b.s ? b.s : "", b.len, d);
    buf_free(&b);
    return rc;
}

/* ==== Applying ==== */

void config_apply(const struct config *cfg, struct rule_opts *ro, size_t cap, struct doc_opts *dopt)
{
    if (ro && ro->nrules == 0)
        for (size_t i = 0; i < cfg->nrules && ro->nrules < cap; i++) ro->rules[ro->nrules++] = cfg->rules[i];
    if (ro && ro->nextra == 0)
        for (size_t i = 0; i < cfg->nextra && ro->nextra < cap; i++) ro->extra[ro->nextra++] = cfg->extra[i];
    if (dopt && !dopt->has_date && cfg->has_date) {
        dopt->has_date = 1;
        dopt->date = cfg->date;
    }
}
