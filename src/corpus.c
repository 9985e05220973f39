/* corpus.c - walk files, directories, JSONL corpora and stdin, one document at a time. */
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

#define READ_CHUNK ((size_t)64 << 10)
#define LINE_BUF_KEEP ((size_t)1 << 20) /* a bigger getline buffer is released after use */

/* A directory entry: its name, and its type from readdir (DT_UNKNOWN when
 * the file system does not say). */
struct dent {
    char *name;
    unsigned char type;
};

/* A directory being walked: its sorted entries and identity (for loops). */
struct frame {
    char *dir;
    struct dent *names;
    size_t n, i;
    dev_t dev;
    ino_t ino;
};

struct corpus {
    char **inputs;
    size_t n, next;
    struct doc_opts opts;
    struct frame *stack;
    size_t depth, cap;
    FILE *jf; /* the JSONL corpus being read, or NULL */
    char *jpath;
    unsigned jline;
    size_t jrecords; /* records yielded from it so far */
    char *lbuf;      /* getline buffer */
    size_t lcap;
    unsigned seq;
};

/* ==== Helpers ==== */

static size_t max_bytes(const struct corpus *c)
{
    return c->opts.max_bytes ? c->opts.max_bytes : DOC_MAX_BYTES;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static const char *extension(const char *path)
{
    return strrchr(base_name(path), '.');
}

static int is_jsonl(const char *path)
{
    const char *e = extension(path);
    return e && (strcasecmp(e, ".jsonl") == 0 || strcasecmp(e, ".ndjson") == 0);
}

/* Files a directory walk reads: these extensions, or none at all. */
static int is_document_name(const char *name)
{
    static const char *const exts[] = {".txt", ".md", ".markdown", ".text", ".jsonl", ".ndjson"};
    const char *e = extension(name);
    if (!e) return 1;
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (strcasecmp(e, exts[i]) == 0) return 1;
    return 0;
}

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    size_t slash = a && dir[a - 1] != '/' ? 1 : 0;
    char *p = xmalloc(a + slash + b + 1);
    memcpy(p, dir, a);
    if (slash) p[a] = '/';
    memcpy(p + a + slash, name, b + 1);
    return p;
}

/* A skipped document plus its warning. */
static struct document *skipped(struct diag *d, const char *path, unsigned line, const char *reason)
{
    if (d) diag_add(d, DIAG_WARNING, path, line, 0, "skipped: %s", reason);
    return document_skipped(path, NULL, line, reason);
}

static struct document *skipped_errno(struct diag *d, const char *path, const char *what, int err)
{
    char why[300];
    snprintf(why, sizeof why, "%s%s%s", what ? what : "", what ? ": " : "", strerror(err));
    return skipped(d, path, 0, why);
}

/* ==== Reading whole files ==== */

/* Read fd to the end (a pipe, a FIFO, stdin), giving up one byte past the
 * limit so memory stays bounded. */
static struct document *read_stream(struct corpus *c, int fd, const char *path, struct diag *d)
{
    size_t limit = max_bytes(c), stop = limit < SIZE_MAX - 1 ? limit + 1 : limit;
    size_t cap = READ_CHUNK < stop ? READ_CHUNK : stop, n = 0;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (n >= stop) {
                free(buf);
                char why[160];
                snprintf(why, sizeof why, "too large (more than %zu bytes, limit %zu)", limit, limit);
                return skipped(d, path, 0, why);
            }
            cap = cap < stop / 2 ? cap * 2 : stop;
            buf = xrealloc(buf, cap + 1);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            int err = errno;
            free(buf);
            return skipped_errno(d, path, "read error", err);
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    return document_adopt(path, buf, n, &c->opts, d);
}

/* Read a file, checking its size before reading it. */
static struct document *read_file(struct corpus *c, const char *path, struct diag *d)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return skipped_errno(d, path, NULL, errno);
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int err = errno;
        close(fd);
        return skipped_errno(d, path, NULL, err);
    }
    if (!S_ISREG(st.st_mode)) {
        struct document *doc = read_stream(c, fd, path, d);
        close(fd);
        return doc;
    }
    size_t size = (size_t)st.st_size, n = 0;
    if (size > max_bytes(c)) {
        close(fd);
        return document_adopt(path, NULL, size, &c->opts, d); /* skipped: too large */
    }
    char *buf = xmalloc(size + 1);
    while (n < size) { /* a file that shrank is read as it is now; growth is ignored */
        ssize_t r = read(fd, buf + n, size - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            int err = errno;
            free(buf);
            close(fd);
            return skipped_errno(d, path, "read error", err);
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    close(fd);
    return document_adopt(path, buf, n, &c->opts, d);
}

/* ==== JSONL corpora ==== */

/* Start reading a JSONL file; a document when it cannot be read. */
static struct document *open_jsonl(struct corpus *c, const char *path, struct diag *d)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return skipped_errno(d, path, NULL, errno);
    char head[4096];
    ssize_t h = pread(fd, head, sizeof head, 0);
    if (h > 0 && memchr(head, '\0', (size_t)h)) {
        close(fd);
        return skipped(d, path, 0, "binary file (NUL byte in a JSONL corpus)");
    }
    c->jf = fdopen(fd, "r");
    if (!c->jf) {
        int err = errno;
        close(fd);
        return skipped_errno(d, path, NULL, err);
    }
    c->jpath = xstrdup(path);
    c->jline = 0;
    c->jrecords = 0;
    return NULL;
}

static void close_jsonl(struct corpus *c)
{
    if (c->jf) fclose(c->jf);
    c->jf = NULL;
    free(c->jpath);
    c->jpath = NULL;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return 0;
    return 1;
}

/* Next record of the open JSONL file; NULL (and the file closed) at its end. */
static struct document *next_record(struct corpus *c, struct diag *d)
{
    if (c->lcap > LINE_BUF_KEEP) {
        free(c->lbuf);
        c->lbuf = NULL;
        c->lcap = 0;
    }
    for (;;) {
        errno = 0;
        ssize_t len = getline(&c->lbuf, &c->lcap, c->jf);
        if (len < 0) {
            struct document *doc = NULL;
            if (ferror(c->jf)) {
                char why[300];
                snprintf(why, sizeof why, "read error after line %u: %s", c->jline, strerror(errno));
                doc = skipped(d, c->jpath, c->jline + 1, why);
            } else if (!c->jrecords) { /* account for the file itself */
                doc = skipped(d, c->jpath, 0, "no records (empty JSONL corpus)");
            }
            close_jsonl(c);
            return doc;
        }
        c->jline++;
        size_t n = (size_t)len;
        int unterminated = n == 0 || c->lbuf[n - 1] != '\n';
        while (n && (c->lbuf[n - 1] == '\n' || c->lbuf[n - 1] == '\r')) n--;
        const char *rec = c->lbuf;
        if (c->jline == 1 && n >= 3 && memcmp(rec, "\xEF\xBB\xBF", 3) == 0) rec += 3, n -= 3;
        if (blank(rec, n)) continue;
        c->jrecords++;
        return document_from_record_ex(c->jpath, c->jline, rec, n, unterminated, &c->opts, d);
    }
}

/* ==== Directories ==== */

static int cmp_names(const void *a, const void *b)
{
    return strcmp(((const struct dent *)a)->name, ((const struct dent *)b)->name);
}

/* Push a directory: read and sort its visible entries. */
static struct document *push_dir(struct corpus *c, const char *path, const struct stat *st, struct diag *d)
{
    for (size_t i = 0; i < c->depth; i++)
        if (c->stack[i].dev == st->st_dev && c->stack[i].ino == st->st_ino) {
            char why[300];
            snprintf(why, sizeof why, "symlink loop (leads back to %s)", c->stack[i].dir);
            return skipped(d, path, 0, why);
        }
    DIR *dir = opendir(path);
    if (!dir) return skipped_errno(d, path, NULL, errno);
    struct frame f = {xstrdup(path), NULL, 0, 0, st->st_dev, st->st_ino};
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.') continue; /* hidden, "." and ".." */
        XGROW(f.names, cap, f.n + 1);
        f.names[f.n++] = (struct dent){xstrdup(e->d_name), e->d_type};
    }
    closedir(dir);
    if (f.n) qsort(f.names, f.n, sizeof *f.names, cmp_names);
    XGROW(c->stack, c->cap, c->depth + 1);
    c->stack[c->depth++] = f;
    return NULL;
}

static void pop_dir(struct corpus *c)
{
    struct frame *f = &c->stack[--c->depth];
    for (size_t i = 0; i < f->n; i++) free(f->names[i].name);
    free(f->names);
    free(f->dir);
}

/* ==== The walk ==== */

/* Visit one path: a document, or NULL when it opened a directory or a JSONL
 * file (or was ignored) and the walk should go on.  explicit: named by the
 * user, so read whatever its name.  type: the entry's type from readdir, or
 * DT_UNKNOWN. */
static struct document *visit(struct corpus *c, const char *path, int explicit, unsigned char type, struct diag *d)
{
    if (type == DT_REG && !explicit) {
        /* a regular file in a walked directory: no stat (read_file's fstat
         * sees the size), which is one system call in five per article */
        if (!is_document_name(base_name(path))) return NULL;
        if (is_jsonl(path)) return open_jsonl(c, path, d);
        return read_file(c, path, d);
    }
    if (explicit && strcmp(path, "-") == 0) {
        struct stat st;
        if (fstat(0, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > max_bytes(c))
            return document_adopt("<stdin>", NULL, (size_t)st.st_size, &c->opts, d);
        return read_stream(c, 0, "<stdin>", d);
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        int err = errno;
        struct stat lst;
        if (err == ENOENT && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            return skipped(d, path, 0, "broken symbolic link");
        return skipped_errno(d, path, NULL, err);
    }
    if (S_ISDIR(st.st_mode)) return push_dir(c, path, &st, d);
    if (!explicit && !is_document_name(base_name(path))) return NULL;
    if (!S_ISREG(st.st_mode) && !explicit) return skipped(d, path, 0, "not a regular file");
    if (is_jsonl(path)) return open_jsonl(c, path, d);
    return read_file(c, path, d);
}

struct corpus *corpus_open(char *const *inputs, size_t n, const struct doc_opts *opts)
{
    struct corpus *c = xcalloc(1, sizeof *c);
    c->inputs = xcalloc(n ? n : 1, sizeof *c->inputs);
    for (size_t i = 0; i < n; i++) c->inputs[i] = xstrdup(inputs[i]);
    c->n = n;
    if (opts) c->opts = *opts;
    return c;
}

struct document *corpus_next(struct corpus *c, struct diag *d)
{
    for (;;) {
        struct document *doc = NULL;
        if (c->jf) {
            doc = next_record(c, d);
        } else if (c->depth) {
            struct frame *f = &c->stack[c->depth - 1];
            if (f->i == f->n) {
                pop_dir(c);
                continue;
            }
            const struct dent *e = &f->names[f->i++];
            char *path = join(f->dir, e->name);
            doc = visit(c, path, 0, e->type, d);
            free(path);
        } else if (c->next < c->n) {
            doc = visit(c, c->inputs[c->next++], 1, DT_UNKNOWN, d);
        } else {
            return NULL;
        }
        if (doc) {
            doc->seq = c->seq++;
            return doc;
        }
    }
}

void corpus_close(struct corpus *c)
{
    if (!c) return;
    close_jsonl(c);
    while (c->depth) pop_dir(c);
    free(c->stack);
    for (size_t i = 0; i < c->n; i++) free(c->inputs[i]);
    free(c->inputs);
    free(c->lbuf);
    free(c);
}
