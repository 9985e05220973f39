/* pipeline.c - load the rules, walk the corpus, extract claims on every core. */
#include "pipeline.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "corpus.h"
#include "extract.h"
#include "normalize.h"
#include "xalloc.h"

struct ruleset *pipeline_rules(const struct rule_opts *o, struct diag *d)
{
    struct ruleset *rs = rules_new();
    int rc = 0;
    if (o->nrules == 0) rc |= rules_load_embedded(rs, d);
    for (size_t i = 0; i < o->nrules; i++) rc |= rules_load_dir(rs, o->rules[i], d);
    for (size_t i = 0; i < o->nextra; i++) rc |= rules_load_dir(rs, o->extra[i], d);
    if (rc == 0) rc = rules_compile(rs, d);
    if (rc != 0 || d->errors) {
        rules_free(rs);
        return NULL;
    }
    if (normalize_init() < 0) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot initialize the normalizer");
        rules_free(rs);
        return NULL;
    }
    return rs;
}

/* ==== Jobs ==== */

/* A batch of documents on its way through the pipeline: read by the walker,
 * their claims extracted by a worker into a claim set of the job's own
 * (document index k for the k-th), merged into the caller's set in walk
 * order.  Batching keeps the hand-over between threads (a futex wake and a
 * wait, each a system call) off the per-document cost: most news articles
 * take well under a millisecond. */
#define JOB_DOCS 32
#define JOB_BYTES (256 * 1024) /* a batch closes at this much text */

struct job {
    struct document *doc[JOB_DOCS];
    struct diag d[JOB_DOCS]; /* the walk's diagnostics for each document, then the extractor's */
    unsigned seq[JOB_DOCS];
    int n;
    size_t bytes;
    struct claimset cs;
    int done;
};

static void job_clear(struct job *j)
{
    memset(j, 0, sizeof *j);
}

/* Add a document to the job (it takes doc and the walk's diagnostics). */
static void job_add(struct job *j, struct document *doc, struct diag *walk_diag, int is_draft)
{
    int k = j->n++;
    j->doc[k] = doc;
    j->seq[k] = doc->seq;
    j->d[k] = *walk_diag;
    memset(walk_diag, 0, sizeof *walk_diag);
    j->bytes += doc->len;
    doc->is_draft = is_draft;
    claimset_add_doc(&j->cs, doc->path, doc->id, doc->source, doc->has_date, doc->date, doc->date_from, doc->skip,
                     is_draft);
}

static int job_full(const struct job *j)
{
    return j->n == JOB_DOCS || j->bytes >= JOB_BYTES;
}

/* Extract, then drop the texts: only the claims (and their sentences) stay. */
static void job_run(struct job *j, struct extract_ctx *x)
{
    for (int k = 0; k < j->n; k++) {
        if (!j->doc[k]->skip) extract_document(x, j->doc[k], (uint32_t)k, &j->cs, &j->d[k]);
        document_free(j->doc[k]);
        j->doc[k] = NULL;
    }
    /* the claims are final: pack them here, on a worker, not in the merge */
    for (size_t i = 0; i < j->cs.n; i++) claim_pack(&j->cs.v[i]);
}

struct sink {
    struct claimset *cs;
    FILE *err;
    int color;
    doc_done_fn done;
    void *arg;
};

/* Move the job's documents into the sink one at a time, each followed by its
 * diagnostics and the done callback (which may drop the claims it saw). */
static void job_merge(struct job *j, const struct sink *s)
{
    size_t next = 0;
    for (int k = 0; k < j->n; k++) {
        uint32_t idx = claimset_move_doc(s->cs, &j->cs, (uint32_t)k, &next);
        claimset_doc_warnings(s->cs, idx, &j->d[k]); /* the JSON report lists them with the document */
        if (j->d[k].n) diag_print(&j->d[k], s->err, s->color);
        diag_free(&j->d[k]);
        if (s->done) s->done(s->cs, idx, j->seq[k], s->arg);
    }
    free(j->cs.v);
    free(j->cs.docs);
    job_clear(j);
}

static int in_slice(const struct extract_opts *xo, unsigned seq)
{
    return !xo || !xo->slice_n || seq % xo->slice_n == xo->slice_k;
}

/* ==== Workers ==== */

/* A ring of jobs: [head, taken) are with workers or done, [taken, tail)
 * wait for a worker; the walker fills at tail and merges at head, in order. */
struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work; /* a job to take, or quit */
    pthread_cond_t done; /* a job finished */
    struct job *ring;
    size_t cap, head, taken, tail;
    int quit;
    const struct ruleset *rs;
};

static void *worker(void *arg)
{
    struct pool *p = arg;
    struct extract_ctx *x = extract_ctx_new(p->rs);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->taken == p->tail && !p->quit) pthread_cond_wait(&p->work, &p->mu);
        if (p->taken == p->tail) break;
        struct job *j = &p->ring[p->taken++ % p->cap];
        pthread_mutex_unlock(&p->mu);
        job_run(j, x);
        pthread_mutex_lock(&p->mu);
        j->done = 1;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    extract_ctx_free(x);
    return NULL;
}

static size_t extract_parallel(const struct ruleset *rs, struct corpus *c, const struct extract_opts *xo, int is_draft,
                               const struct sink *s, struct diag *rest)
{
    struct pool p;
    memset(&p, 0, sizeof p);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    p.rs = rs;
    p.cap = (size_t)xo->jobs * 2 + 2; /* batches in flight: bounds memory */
    p.ring = xcalloc(p.cap, sizeof *p.ring);
    int nthreads = xo->jobs;
    pthread_t *tid = xcalloc((size_t)nthreads, sizeof *tid);
    for (int i = 0; i < nthreads; i++)
        if (pthread_create(&tid[i], NULL, worker, &p) != 0) {
            fprintf(stderr, "crosscheck: cannot start a thread\n");
            abort();
        }
    size_t count = 0;
    int eof = 0;
    struct diag wd = {0};
    for (;;) {
        /* read while there is room, a batch at a time */
        while (!eof && p.tail - p.head < p.cap) {
            struct job *j = &p.ring[p.tail % p.cap];
            while (!job_full(j)) {
                struct document *doc = corpus_next(c, &wd);
                if (!doc) {
                    eof = 1;
                    break;
                }
                if (!in_slice(xo, doc->seq)) {
                    diag_clear(&wd);
                    document_free(doc);
                    continue;
                }
                job_add(j, doc, &wd, is_draft);
                count++;
            }
            if (j->n == 0) break; /* the end, with nothing left to hand over */
            pthread_mutex_lock(&p.mu);
            p.tail++;
            pthread_cond_signal(&p.work);
            pthread_mutex_unlock(&p.mu);
        }
        /* merge what is done, in order */
        pthread_mutex_lock(&p.mu);
        while (p.head < p.tail && p.ring[p.head % p.cap].done) {
            struct job *j = &p.ring[p.head % p.cap];
            pthread_mutex_unlock(&p.mu);
            job_merge(j, s);
            pthread_mutex_lock(&p.mu);
            p.head++;
        }
        if (eof && p.head == p.tail) {
            pthread_mutex_unlock(&p.mu);
            break;
        }
        if ((eof || p.tail - p.head == p.cap) && !p.ring[p.head % p.cap].done) pthread_cond_wait(&p.done, &p.mu);
        pthread_mutex_unlock(&p.mu);
    }
    pthread_mutex_lock(&p.mu);
    p.quit = 1;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < nthreads; i++) pthread_join(tid[i], NULL);
    free(tid);
    free(p.ring);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    pthread_mutex_destroy(&p.mu);
    diag_move(rest, &wd);
    diag_free(&wd);
    return count;
}

static size_t extract_serial(const struct ruleset *rs, struct corpus *c, const struct extract_opts *xo, int is_draft,
                             const struct sink *s, struct diag *rest)
{
    struct extract_ctx *x = extract_ctx_new(rs);
    struct diag wd = {0};
    size_t count = 0;
    struct document *doc;
    struct job *j = xcalloc(1, sizeof *j); /* one document at a time */
    while ((doc = corpus_next(c, &wd))) {
        if (!in_slice(xo, doc->seq)) {
            diag_clear(&wd);
            document_free(doc);
            continue;
        }
        job_add(j, doc, &wd, is_draft);
        job_run(j, x);
        job_merge(j, s);
        count++;
    }
    free(j);
    diag_move(rest, &wd);
    diag_free(&wd);
    extract_ctx_free(x);
    return count;
}

size_t pipeline_extract(const struct ruleset *rs, char *const *inputs, size_t n, const struct doc_opts *dopt,
                        const struct extract_opts *xo, int is_draft, struct claimset *cs, FILE *err, int color,
                        doc_done_fn done, void *arg)
{
    struct corpus *c = corpus_open(inputs, n, dopt);
    struct sink s = {cs, err, color, done, arg};
    struct diag rest = {0};
    size_t count = xo && xo->jobs > 1 ? extract_parallel(rs, c, xo, is_draft, &s, &rest)
                                      : extract_serial(rs, c, xo, is_draft, &s, &rest);
    if (rest.n) diag_print(&rest, err, color);
    diag_free(&rest);
    corpus_close(c);
    return count;
}

/* ==== Options ==== */

int pipeline_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

int parse_jobs_opt(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < 1 || v > 1024) return -1;
    return (int)v;
}

int parse_slice_opt(const char *s, unsigned *k, unsigned *n)
{
    char *end;
    unsigned long a = strtoul(s, &end, 10);
    if (end == s || *end != '/' || *s == '-') return -1;
    const char *q = end + 1;
    unsigned long b = strtoul(q, &end, 10);
    if (end == q || *end || *q == '-' || b == 0 || b > 1000000 || a >= b) return -1;
    *k = (unsigned)a;
    *n = (unsigned)b;
    return 0;
}

int parse_date_opt(const char *s, int32_t *day)
{
    return cal_parse_iso(s, strlen(s), day);
}

int stderr_color(void)
{
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc) return 0;
    return isatty(2);
}

int push_opt(char **v, size_t *n, size_t max, const char *cmd, const char *opt, char *arg)
{
    if (*n >= max) {
        fprintf(stderr, "crosscheck: %s: too many %s options (at most %zu)\n", cmd, opt, max);
        return -1;
    }
    v[(*n)++] = arg;
    return 0;
}
