/* test_corpus.c - walking inputs: order, hidden entries, JSONL records, loops, unreadable paths. */
#include <criterion/criterion.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"

#define DATA "../data"

/* ==== Helpers ==== */

/* Everything one walk yields, in order, freed by walk_free. */
struct walk {
    struct document **v;
    size_t n;
    struct diag d;
};

static struct walk walk_inputs(char *const *inputs, size_t n, const struct doc_opts *opts)
{
    struct walk w = {0};
    struct corpus *c = corpus_open(inputs, n, opts);
    struct document *doc;
    while ((doc = corpus_next(c, &w.d))) {
        w.v = realloc(w.v, (w.n + 1) * sizeof *w.v);
        w.v[w.n++] = doc;
    }
    corpus_close(c);
    return w;
}

static struct walk walk1(const char *input)
{
    char *in[1] = {(char *)input};
    return walk_inputs(in, 1, NULL);
}

static void walk_free(struct walk *w)
{
    for (size_t i = 0; i < w->n; i++) document_free(w->v[i]);
    free(w->v);
    diag_free(&w->d);
}

static void expect_labels(const struct walk *w, const char *const *want, size_t nwant)
{
    for (size_t i = 0; i < nwant && i < w->n; i++) {
        cr_assert_str_eq(document_label(w->v[i]), want[i], "document %zu", i);
        cr_assert_eq(w->v[i]->seq, i, "seq of document %zu", i);
    }
    cr_assert_eq(w->n, nwant, "walk yielded %zu documents, expected %zu", w->n, nwant);
}

#define EXPECT_LABELS(w, ...)                                                                                          \
    do {                                                                                                               \
        const char *const want_[] = {__VA_ARGS__};                                                                     \
        expect_labels(w, want_, sizeof want_ / sizeof *want_);                                                         \
    } while (0)

/* A fresh private directory (tests run in parallel). */
static char *temp_dir(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/cc-corpus-XXXXXX", base && *base ? base : "/tmp");
    char *dir = mkdtemp(tmpl);
    cr_assert_not_null(dir, "mkdtemp: %s", strerror(errno));
    return strdup(dir);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
    (void)st, (void)flag, (void)f;
    return remove(path);
}

static void temp_remove(char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(dir);
}

static char *join(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

static void put_file(const char *dir, const char *name, const char *bytes, size_t n)
{
    char *p = join(dir, name);
    FILE *f = fopen(p, "wb");
    cr_assert_not_null(f, "%s: %s", p, strerror(errno));
    cr_assert_eq(fwrite(bytes, 1, n, f), n);
    fclose(f);
    free(p);
}

static void put_text(const char *dir, const char *name, const char *text)
{
    put_file(dir, name, text, strlen(text));
}

static void put_dir(const char *dir, const char *name)
{
    char *p = join(dir, name);
    cr_assert_eq(mkdir(p, 0755), 0);
    free(p);
}

static void put_link(const char *dir, const char *name, const char *target)
{
    char *p = join(dir, name);
    cr_assert_eq(symlink(target, p), 0, "symlink %s: %s", p, strerror(errno));
    free(p);
}

/* ==== Directory walks ==== */

Test(corpus, directory_walk_is_sorted_recursive_and_skips_hidden_and_other_extensions)
{
    struct walk w = walk1(DATA "/walk");
    EXPECT_LABELS(&w, DATA "/walk/README", DATA "/walk/a.txt", DATA "/walk/b/c.md", DATA "/walk/b/d.text",
                  DATA "/walk/records.jsonl#w1", DATA "/walk/records.jsonl#w2", DATA "/walk/z.markdown");
    cr_assert_eq(w.d.n, 0);
    cr_assert(w.v[1]->has_date);
    cr_assert_str_eq(w.v[2]->source, "Coastal Wire");
    cr_assert_eq(w.v[4]->format, DOC_RECORD);
    walk_free(&w);
}

Test(corpus, trailing_slash_on_a_directory_gives_clean_paths)
{
    struct walk w = walk1(DATA "/walk/b/");
    EXPECT_LABELS(&w, DATA "/walk/b/c.md", DATA "/walk/b/d.text");
    walk_free(&w);
}

Test(corpus, several_inputs_are_walked_in_the_given_order)
{
    char *in[] = {DATA "/walk/z.markdown", DATA "/walk/b", DATA "/walk/a.txt"};
    struct walk w = walk_inputs(in, 3, NULL);
    EXPECT_LABELS(&w, DATA "/walk/z.markdown", DATA "/walk/b/c.md", DATA "/walk/b/d.text", DATA "/walk/a.txt");
    walk_free(&w);
}

Test(corpus, explicitly_named_file_is_read_whatever_its_extension)
{
    struct walk w = walk1(DATA "/walk/notes.csv");
    EXPECT_LABELS(&w, DATA "/walk/notes.csv");
    cr_assert_null(w.v[0]->skip);
    walk_free(&w);
}

Test(corpus, explicitly_named_hidden_file_is_read)
{
    struct walk w = walk1(DATA "/walk/b/.draft.txt");
    EXPECT_LABELS(&w, DATA "/walk/b/.draft.txt");
    cr_assert_null(w.v[0]->skip);
    walk_free(&w);
}

Test(corpus, empty_directory_yields_nothing)
{
    char *dir = temp_dir();
    struct walk w = walk1(dir);
    cr_assert_eq(w.n, 0);
    cr_assert_eq(w.d.n, 0);
    walk_free(&w);
    temp_remove(dir);
}

Test(corpus, missing_input_is_a_skipped_document_with_the_system_reason)
{
    char *in[] = {DATA "/no-such-file.txt", DATA "/walk/a.txt"};
    struct walk w = walk_inputs(in, 2, NULL);
    EXPECT_LABELS(&w, DATA "/no-such-file.txt", DATA "/walk/a.txt");
    cr_assert_str_eq(w.v[0]->skip, strerror(ENOENT));
    cr_assert_null(w.v[1]->skip);
    cr_assert_eq(w.d.n, 1);
    cr_assert_str_eq(w.d.v[0].path, DATA "/no-such-file.txt");
    walk_free(&w);
}

Test(corpus, symlink_loop_is_reported_once_and_the_walk_goes_on)
{
    char *dir = temp_dir();
    put_dir(dir, "sub");
    put_text(dir, "sub/one.txt", "One report.\n");
    put_link(dir, "sub/back", "..");
    put_text(dir, "two.txt", "Two reports.\n");
    struct walk w = walk1(dir);
    cr_assert_eq(w.n, 3);
    char *back = join(dir, "sub/back");
    cr_assert_str_eq(w.v[0]->path, back);
    cr_assert(w.v[0]->skip && strstr(w.v[0]->skip, "symlink loop"), "%s", w.v[0]->skip);
    cr_assert(strstr(w.v[1]->path, "sub/one.txt"));
    cr_assert(strstr(w.v[2]->path, "two.txt"));
    cr_assert_eq(w.d.n, 1);
    free(back);
    walk_free(&w);
    temp_remove(dir);
}

Test(corpus, symlinks_to_files_and_directories_are_followed)
{
    char *dir = temp_dir();
    put_dir(dir, "real");
    put_text(dir, "real/story.txt", "A story.\n");
    put_dir(dir, "walk");
    put_link(dir, "walk/linked.txt", "../real/story.txt");
    put_link(dir, "walk/linkdir", "../real");
    char *root = join(dir, "walk");
    struct walk w = walk1(root);
    cr_assert_eq(w.n, 2);
    cr_assert(strstr(w.v[0]->path, "walk/linkdir/story.txt"), "%s", w.v[0]->path);
    cr_assert(strstr(w.v[1]->path, "walk/linked.txt"), "%s", w.v[1]->path);
    cr_assert_null(w.v[0]->skip);
    cr_assert_null(w.v[1]->skip);
    free(root);
    walk_free(&w);
    temp_remove(dir);
}

Test(corpus, broken_symlink_is_a_skipped_document)
{
    char *dir = temp_dir();
    put_link(dir, "gone.txt", "nowhere.txt");
    struct walk w = walk1(dir);
    cr_assert_eq(w.n, 1);
    cr_assert_str_eq(w.v[0]->skip, "broken symbolic link");
    walk_free(&w);
    temp_remove(dir);
}

Test(corpus, binary_file_in_a_walk_is_skipped_and_the_others_are_read)
{
    char *dir = temp_dir();
    put_file(dir, "a.txt", "GIF89a\0\0\x01\x02", 10);
    put_text(dir, "b.txt", "A normal report.\n");
    struct walk w = walk1(dir);
    cr_assert_eq(w.n, 2);
    cr_assert(w.v[0]->skip && strstr(w.v[0]->skip, "binary file"));
    cr_assert_null(w.v[1]->skip);
    cr_assert_eq(w.v[1]->seq, 1);
    cr_assert_eq(w.d.n, 1);
    walk_free(&w);
    temp_remove(dir);
}

Test(corpus, file_over_the_limit_is_skipped_before_reading)
{
    char *dir = temp_dir();
    put_text(dir, "big.txt", "This file is longer than the limit of the walk.\n");
    struct doc_opts o = {.max_bytes = 16};
    char *in[] = {dir};
    struct walk w = walk_inputs(in, 1, &o);
    cr_assert_eq(w.n, 1);
    cr_assert_str_eq(w.v[0]->skip, "too large (48 bytes, limit 16)");
    walk_free(&w);
    temp_remove(dir);
}

Test(corpus, unreadable_file_is_a_skipped_document)
{
    if (geteuid() == 0) cr_skip_test("root reads every file");
    char *dir = temp_dir();
    put_text(dir, "locked.txt", "Secret.\n");
    char *p = join(dir, "locked.txt");
    chmod(p, 0);
    struct walk w = walk1(dir);
    cr_assert_eq(w.n, 1);
    cr_assert_str_eq(w.v[0]->skip, strerror(EACCES));
    free(p);
    walk_free(&w);
    temp_remove(dir);
}

Test(corpus, empty_file_is_a_document_with_no_text)
{
    char *dir = temp_dir();
    put_text(dir, "empty.txt", "");
    struct walk w = walk1(dir);
    cr_assert_eq(w.n, 1);
    cr_assert_null(w.v[0]->skip);
    cr_assert_eq(w.v[0]->len, 0);
    walk_free(&w);
    temp_remove(dir);
}

/* ==== JSONL corpora ==== */

Test(corpus, jsonl_records_good_bad_and_truncated_keep_their_line_numbers)
{
    struct walk w = walk1(DATA "/records.jsonl");
    cr_assert_eq(w.n, 5);
    static const unsigned lines[] = {1, 3, 4, 6, 7};
    for (size_t i = 0; i < w.n; i++) {
        cr_assert_eq(w.v[i]->line0, lines[i], "record %zu on line %u", i, w.v[i]->line0);
        cr_assert_eq(w.v[i]->seq, i);
        cr_assert_str_eq(w.v[i]->path, DATA "/records.jsonl");
    }
    cr_assert_null(w.v[0]->skip);
    cr_assert_str_eq(w.v[0]->text, "The envoys met on Thursday.");
    cr_assert_str_eq(w.v[0]->source, "Ledger");
    cr_assert(w.v[1]->skip && strstr(w.v[1]->skip, "not valid JSON"), "%s", w.v[1]->skip);
    cr_assert(w.v[2]->skip && strstr(w.v[2]->skip, "no text"), "%s", w.v[2]->skip);
    cr_assert_str_eq(document_label(w.v[2]), DATA "/records.jsonl#r3");
    cr_assert_null(w.v[3]->skip);
    cr_assert_str_eq(w.v[3]->text, "The talks went on.");
    cr_assert(w.v[4]->skip && strstr(w.v[4]->skip, "truncated record"), "%s", w.v[4]->skip);
    cr_assert_eq(w.d.n, 3);
    cr_assert_eq(w.d.v[0].line, 3);
    cr_assert_eq(w.d.v[1].line, 4);
    cr_assert_eq(w.d.v[2].line, 7);
    walk_free(&w);
}

Test(corpus, jsonl_with_bom_crlf_and_no_final_newline_is_read)
{
    char *dir = temp_dir();
    put_text(dir, "c.ndjson", "\xEF\xBB\xBF{\"text\": \"One.\"}\r\n{\"text\": \"Two.\"}");
    char *p = join(dir, "c.ndjson");
    struct walk w = walk1(p);
    cr_assert_eq(w.n, 2);
    cr_assert_str_eq(w.v[0]->text, "One.");
    cr_assert_str_eq(w.v[1]->text, "Two.");
    cr_assert_eq(w.v[1]->line0, 2);
    cr_assert_eq(w.d.n, 0);
    free(p);
    walk_free(&w);
    temp_remove(dir);
}

Test(corpus, binary_jsonl_file_is_skipped_as_a_whole)
{
    char *dir = temp_dir();
    put_file(dir, "c.jsonl", "\x1f\x8b\x08\0\0\0\0\0", 8);
    char *p = join(dir, "c.jsonl");
    struct walk w = walk1(p);
    cr_assert_eq(w.n, 1);
    cr_assert(w.v[0]->skip && strstr(w.v[0]->skip, "binary"));
    free(p);
    walk_free(&w);
    temp_remove(dir);
}

Test(corpus, walk_with_no_inputs_yields_nothing)
{
    struct walk w = walk_inputs(NULL, 0, NULL);
    cr_assert_eq(w.n, 0);
    walk_free(&w);
}

/* ==== Streams and special files ==== */

Test(corpus, explicitly_named_device_is_read_as_a_stream)
{
    struct walk w = walk1("/dev/null");
    cr_assert_eq(w.n, 1);
    cr_assert_null(w.v[0]->skip);
    cr_assert_eq(w.v[0]->len, 0);
    walk_free(&w);
}

Test(corpus, special_file_in_a_walk_is_skipped_not_opened)
{
    char *dir = temp_dir();
    char *fifo = join(dir, "pipe.txt");
    cr_assert_eq(mkfifo(fifo, 0600), 0, "mkfifo: %s", strerror(errno));
    put_text(dir, "story.txt", "A story.\n");
    struct walk w = walk1(dir); /* would block forever if the FIFO were opened */
    cr_assert_eq(w.n, 2);
    cr_assert_str_eq(w.v[0]->skip, "not a regular file");
    cr_assert_null(w.v[1]->skip);
    free(fifo);
    walk_free(&w);
    temp_remove(dir);
}

Test(corpus, directory_entries_are_sorted_bytewise)
{
    char *dir = temp_dir();
    put_text(dir, "b.txt", "B.\n");
    put_text(dir, "B.txt", "Upper B.\n");
    put_text(dir, "a10.txt", "A10.\n");
    put_text(dir, "a9.txt", "A9.\n");
    put_text(dir, "NOTES", "No extension.\n");
    struct walk w = walk1(dir);
    cr_assert_eq(w.n, 5);
    static const char *const order[] = {"B.txt", "NOTES", "a10.txt", "a9.txt", "b.txt"};
    for (size_t i = 0; i < 5; i++) {
        const char *base = strrchr(w.v[i]->path, '/') + 1;
        cr_assert_str_eq(base, order[i]);
    }
    walk_free(&w);
    temp_remove(dir);
}

Test(corpus, jsonl_file_without_records_is_reported_as_skipped)
{
    char *dir = temp_dir();
    put_text(dir, "empty.jsonl", "\n   \n");
    char *p = join(dir, "empty.jsonl");
    struct walk w = walk1(p);
    cr_assert_eq(w.n, 1);
    cr_assert(w.v[0]->skip && strstr(w.v[0]->skip, "no records"), "%s", w.v[0]->skip);
    cr_assert_eq(w.d.n, 1);
    free(p);
    walk_free(&w);
    temp_remove(dir);
}
