/* gen.c - deterministic news-like corpus generator for the scale benchmark.
 *
 * usage: gen [--seed S] [--mb N] [--jsonl-share PCT] OUTDIR
 *
 * Writes OUTDIR/corpus/ (Markdown articles with front matter, plain-text
 * articles with a " date YYYY-MM-DD" line, and JSONL wire feeds), and
 * OUTDIR/planted.tsv: one line per planted disagreement,
 *
 *   check <TAB> path:line <TAB> key <TAB> majority value <TAB> outlier value
 *
 * where path:line is where the outlier claim is (the line of its sentence;
 * for a JSONL record the record's line), path relative to OUTDIR.
 *
 * Facts are calls, meetings, UN votes, casualty reports and invasion dates
 * between entities of the default lexicon; each is reported by 3 to 6
 * outlets, in different words and with dates relative to each article's
 * publication date ("on Tuesday", "yesterday", "on March 4", "on 4 March
 * 2021").  One fact in five gets one outlet that disagrees: a different vote
 * count, casualty count, meeting place, call duration or invasion date.  The
 * rest of each article is filler prose, quotes, links and reader appeals.
 *
 * The same seed and size give the same bytes (own PRNG, no locale, no clock). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ==== Random numbers (splitmix64) ==== */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static unsigned rn(unsigned n) { return n ? (unsigned)(rnd() % n) : 0; }
static int chance(unsigned pct) { return rn(100) < pct; }
#define COUNT(a) (sizeof a / sizeof *a)
#define PICK(a) (a[rn(COUNT(a))])

/* ==== Calendar ==== */

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

static const char *const WDAY[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
static const char *const MONTH[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};

static int weekday(long day) { return (int)(((day % 7) + 7 + 3) % 7); } /* 1970-01-01 was a Thursday */

static void iso(long day, char *out)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    snprintf(out, 11, "%04d-%02d-%02d", (y % 10000 + 10000) % 10000, m % 13, d % 32);
}

/* ==== Output buffer ==== */

struct sb {
    char *s;
    size_t len, cap;
};

static void sb_grow(struct sb *b, size_t n)
{
    if (b->len + n + 1 <= b->cap) return;
    while (b->len + n + 1 > b->cap) b->cap = b->cap ? b->cap * 2 : 4096;
    b->s = realloc(b->s, b->cap);
    if (!b->s) abort();
}

static void sb_put(struct sb *b, const char *s)
{
    size_t n = strlen(s);
    sb_grow(b, n);
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

static void sb_printf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(struct sb *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    sb_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static unsigned sb_lines(const struct sb *b)
{
    unsigned n = 0;
    for (size_t i = 0; i < b->len; i++) n += b->s[i] == '\n';
    return n;
}

/* ==== Vocabulary (entities the default lexicon knows) ==== */

struct person {
    const char *full, *last, *title;
};
static const struct person PEOPLE[] = {
    {"Naftali Bennett", "Bennett", "Prime Minister"},
    {"Yair Lapid", "Lapid", "Foreign Minister"},
    {"Isaac Herzog", "Herzog", "President"},
    {"Vladimir Putin", "Putin", "President"},
    {"Sergey Lavrov", "Lavrov", "Foreign Minister"},
    {"Volodymyr Zelensky", "Zelensky", "President"},
    {"Dmytro Kuleba", "Kuleba", "Foreign Minister"},
    {"Olaf Scholz", "Scholz", "Chancellor"},
    {"Joe Biden", "Biden", "President"},
    {"Emmanuel Macron", "Macron", "President"},
    {"Recep Tayyip Erdogan", "Erdogan", "President"},
    {"Alexander Lukashenko", "Lukashenko", "President"},
    {"Antonio Guterres", "Guterres", "Secretary-General"},
};
#define NPEOPLE ((int)COUNT(PEOPLE))

static const char *const CITIES[] = {
    "Moscow",   "Kyiv",     "Minsk",     "Berlin",    "Paris",     "Ankara",   "Warsaw",    "Vienna",
    "Rome",     "Madrid",   "Lisbon",    "Prague",    "Budapest",  "Oslo",     "Stockholm", "Helsinki",
    "Copenhagen", "Athens", "Cairo",     "Amman",     "Beirut",    "Baghdad",  "Riyadh",    "Doha",
    "Tokyo",    "Seoul",    "Beijing",   "Nairobi",   "Accra",     "Dakar",    "Lima",      "Santiago",
    "Ottawa",   "Canberra", "Tbilisi",   "Yerevan",   "Baku",      "Vilnius",  "Riga",      "Tallinn",
    "Dublin",   "Brussels", "Bern",      "Bucharest", "Sofia",     "Belgrade", "Zagreb",    "Tunis",
    "Algiers",  "Rabat",    "Khartoum",  "Kabul",     "Islamabad", "Hanoi",    "Manila",    "Jakarta",
    "Bangkok",  "Sochi",    "Istanbul",  "Gomel",     "Beersheba", "Tel Aviv",
};
#define NCITIES ((int)COUNT(CITIES))
/* Cities inside another city's country are never an outlier's place: the
 * place check compares by containment, and only distinct countries are
 * certain to disagree. */
static int same_country_risk(const char *c)
{
    static const char *const r[] = {"Moscow", "Sochi", "Istanbul", "Ankara", "Gomel",
                                    "Minsk",  "Beersheba", "Tel Aviv"};
    for (size_t i = 0; i < COUNT(r); i++)
        if (strcmp(c, r[i]) == 0) return 1;
    return 0;
}

static const char *const COUNTRIES[] = {
    "Israel",    "Germany",  "France",      "Turkey",    "Poland",    "Austria",  "Italy",    "Spain",
    "Portugal",  "Norway",   "Sweden",      "Finland",   "Denmark",   "Greece",   "Egypt",    "Jordan",
    "Lebanon",   "Japan",    "Kenya",       "Ghana",     "Senegal",   "Peru",     "Chile",    "Canada",
    "Australia", "Georgia",  "Armenia",     "Lithuania", "Latvia",    "Estonia",  "Ireland",  "Belgium",
    "Switzerland", "Romania", "Bulgaria",   "Serbia",    "Croatia",   "Tunisia",  "Morocco",  "Mexico",
    "Brazil",    "Argentina", "India",      "Indonesia", "Thailand",  "Vietnam",  "Philippines", "Nigeria",
    "Ethiopia",  "Colombia", "Ecuador",     "Iceland",   "Malta",     "Cyprus",   "Slovakia", "Slovenia",
    "Hungary",   "Moldova",  "Mongolia",    "Nepal",     "Uruguay",   "Paraguay",
};
#define NCOUNTRIES ((int)COUNT(COUNTRIES))

static const char *const BODIES[] = {"UN General Assembly", "UN Security Council", "UN Human Rights Council"};
static const char *const BODY_SHORT[] = {"General Assembly", "Security Council", "Human Rights Council"};
static const char *const BODY_ID[] = {"un-general-assembly", "un-security-council", "un-human-rights-council"};
#define NBODIES 3

struct outlet {
    const char *name, *slug;
    int form; /* 0 Markdown with front matter, 1 text with date line, 2 JSONL feed */
};
static const struct outlet OUTLETS[] = {
    {"The Morning Ledger", "ledger", 0},       {"Harbour City Tribune", "tribune", 0},
    {"Eastern Wire Service", "eastwire", 2},   {"The Continental Post", "post", 1},
    {"Global Dispatch", "dispatch", 0},        {"Riverside Herald", "herald", 1},
    {"Northern Correspondent", "northern", 2}, {"The Weekly Review", "review", 0},
    {"Capital Briefing", "briefing", 1},       {"The Observer Desk", "desk", 0},
};
#define NOUTLETS ((int)COUNT(OUTLETS))

/* ==== Numbers and durations in words ==== */

static const char *const SMALL[] = {"zero",     "one",     "two",     "three",     "four",     "five",    "six",
                                    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
                                    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const TENS[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

static void words_of(int n, char *out, size_t cap)
{
    if (n < 20)
        snprintf(out, cap, "%s", SMALL[n]);
    else if (n % 10 == 0)
        snprintf(out, cap, "%s", TENS[n / 10]);
    else
        snprintf(out, cap, "%s-%s", TENS[n / 10], SMALL[n % 10]);
}

/* A count as written: digits, or words for small ones. */
static void count_text(int n, char *out, size_t cap)
{
    if (n < 100 && chance(30))
        words_of(n, out, cap);
    else
        snprintf(out, cap, "%d", n);
}

static void cap_first(char *s)
{
    if (*s >= 'a' && *s <= 'z') *s = (char)(*s - 'a' + 'A');
}

/* "two hours", "about three hours", "90 minutes"; adjective: "two-hour", "90-minute". */
static void duration_text(int minutes, int adjective, char *out, size_t cap)
{
    char w[32];
    if (minutes % 60 == 0) {
        int h = minutes / 60;
        words_of(h, w, sizeof w);
        if (adjective)
            snprintf(out, cap, "%s-hour", w);
        else if (h == 1)
            snprintf(out, cap, "%s", chance(50) ? "an hour" : "one hour");
        else if (chance(40))
            snprintf(out, cap, "about %s hours", w);
        else
            snprintf(out, cap, "%s hours", w);
    } else {
        snprintf(out, cap, adjective ? "%d-minute" : "%d minutes", minutes);
    }
}

/* ==== Facts ==== */

enum fact_kind { F_CALL, F_MEETING, F_VOTE, F_CASUALTY, F_INVASION };
enum outlier_field { O_NONE, O_COUNT, O_AGAINST, O_PLACE, O_DURATION, O_WOUNDED, O_DATE };

struct fact {
    int kind;
    long day;              /* when it happened */
    int a, b;              /* people (call, meeting); countries (vote: a voter; invasion: a invaded b) */
    int place, place2;     /* city; the outlier's city */
    int minutes, minutes2; /* duration; the outlier's */
    int n, n2;             /* votes for, or killed; the outlier's */
    int against, abstain, wounded, against2, wounded2;
    int body;
    long day2;             /* the outlier's date (invasion) */
    int reports, written;  /* reports planned, written so far */
    int outlier;           /* which report disagrees (-1: none) */
    int field;             /* enum outlier_field */
    unsigned used_outlets; /* bit per outlet that reported it */
    char plant[512];       /* its planted.tsv line, written when the fact is done */
};

/* Used (kind, key, day) slots, so that two facts never share an event. */
#define SLOT_BITS 24
static uint8_t *slots;

static int slot_take(unsigned kind, unsigned key, long day)
{
    uint64_t h = ((uint64_t)kind * 1000003u + key) * 2654435761u + (uint64_t)(day & 0xFFFFF) * 40503u;
    h ^= h >> 29;
    h *= 0x9E3779B97F4A7C15ull;
    uint32_t bit = (uint32_t)(h >> (64 - SLOT_BITS));
    if (slots[bit >> 3] & (1u << (bit & 7))) return 0;
    slots[bit >> 3] |= (uint8_t)(1u << (bit & 7));
    return 1;
}

#define DAY0 7305  /* 1990-01-01 */
#define SPAN 14600 /* forty years */

static unsigned fact_seq;
static uint8_t invaded[COUNT(COUNTRIES)];
static int ninvasions;

static void new_fact(struct fact *f)
{
    memset(f, 0, sizeof *f);
    fact_seq++;
    f->outlier = -1;
    for (;;) {
        unsigned k = rn(100);
        f->kind = k < 30 ? F_CALL : k < 50 ? F_MEETING : k < 70 ? F_VOTE : k < 98 ? F_CASUALTY : F_INVASION;
        if (f->kind == F_INVASION && ninvasions >= NCOUNTRIES / 2) continue;
        f->day = DAY0 + rn(SPAN);
        unsigned key;
        switch (f->kind) {
        case F_CALL:
        case F_MEETING:
            f->a = (int)rn(NPEOPLE);
            do f->b = (int)rn(NPEOPLE);
            while (f->b == f->a);
            key = (unsigned)(f->a < f->b ? f->a * 64 + f->b : f->b * 64 + f->a);
            if (!slot_take(1, key, f->day)) continue;
            f->place = (int)rn(NCITIES);
            f->minutes = f->kind == F_CALL ? 30 * (2 + (int)rn(5)) : 60 * (1 + (int)rn(4));
            break;
        case F_VOTE:
            f->body = (int)rn(NBODIES);
            /* one vote of a body per eight days: a vote is told apart by its date */
            if (!slot_take(2, (unsigned)f->body, f->day / 8)) continue;
            f->n = 90 + (int)rn(60);
            f->against = 2 + (int)rn(20);
            f->abstain = 10 + (int)rn(40);
            f->a = (int)rn(NCOUNTRIES);
            break;
        case F_CASUALTY:
            f->place = (int)rn(NCITIES);
            if (!slot_take(3, (unsigned)f->place, f->day / 8)) continue;
            f->n = 3 + (int)rn(60);
            f->wounded = f->n + 5 + (int)rn(80);
            break;
        case F_INVASION:
            f->a = (int)rn(NCOUNTRIES);
            do f->b = (int)rn(NCOUNTRIES);
            while (f->b == f->a);
            if (invaded[f->b]) continue;
            invaded[f->b] = 1;
            ninvasions++;
            break;
        }
        break;
    }
    f->reports = 3 + (int)rn(4);
    if (!chance(20)) return;
    f->outlier = (int)rn((unsigned)f->reports);
    switch (f->kind) {
    case F_CALL:
        f->field = O_DURATION;
        f->minutes2 = f->minutes + 60 * (1 + (int)rn(2));
        break;
    case F_MEETING:
        if (chance(50) && !same_country_risk(CITIES[f->place])) {
            f->field = O_PLACE;
            do f->place2 = (int)rn(NCITIES);
            while (f->place2 == f->place || same_country_risk(CITIES[f->place2]));
        } else {
            f->field = O_DURATION;
            f->minutes2 = f->minutes + 60 * (1 + (int)rn(2));
        }
        break;
    case F_VOTE:
        if (chance(70)) {
            f->field = O_COUNT;
            f->n2 = f->n + (chance(50) ? -1 : 1) * (1 + (int)rn(3));
        } else {
            f->field = O_AGAINST;
            f->against2 = f->against + 3 + (int)rn(5);
        }
        break;
    case F_CASUALTY:
        if (chance(60)) {
            f->field = O_COUNT;
            f->n2 = f->n * 6 / 10 - 1;
            if (f->n2 < 1) f->n2 = f->n + 4;
        } else {
            f->field = O_WOUNDED;
            f->wounded2 = f->wounded * 6 / 10 - 1;
        }
        break;
    case F_INVASION:
        f->field = O_DATE;
        f->day2 = f->day + 20 + rn(300);
        break;
    }
}

/* ==== Date expressions ==== */

/* How an article published on pub refers to day: relative when it can. */
static void when_text(long day, long pub, int explicit_only, char *out, size_t cap)
{
    int y, m, d, py, pm, pd;
    civil_from_days(day, &y, &m, &d);
    civil_from_days(pub, &py, &pm, &pd);
    long k = pub - day;
    unsigned r = rn(100);
    if (!explicit_only && k == 1 && r < 30)
        snprintf(out, cap, "yesterday");
    else if (!explicit_only && k >= 1 && k <= 6 && r < 75)
        snprintf(out, cap, "on %s", WDAY[weekday(day)]);
    else if (!explicit_only && y == py && k >= 1 && r < 90)
        snprintf(out, cap, "on %s %d", MONTH[m - 1], d);
    else if (chance(50))
        snprintf(out, cap, "on %d %s %d", d, MONTH[m - 1], y);
    else
        snprintf(out, cap, "on %s %d, %d", MONTH[m - 1], d, y);
}

/* ==== Filler ==== */

static const char *const NOUNS[] = {"ministry",   "committee", "council",  "agency",     "delegation", "coalition",
                                    "parliament", "cabinet",   "commission", "opposition", "embassy",  "mission",
                                    "regulator",  "court",     "union",    "alliance",   "secretariat", "board"};
static const char *const TOPICS[] = {"grain exports",       "energy prices",      "the humanitarian corridor",
                                     "prisoner exchanges",  "sanctions relief",   "the nuclear plant",
                                     "refugee flows",       "the ceasefire line", "border crossings",
                                     "frozen assets",       "fuel supplies",      "shipping lanes",
                                     "election monitoring", "water rights",       "debt restructuring"};
static const char *const ADJ[] = {"cautious", "lengthy",   "tense",   "frank",    "cordial", "difficult",
                                  "detailed", "technical", "unusual", "familiar", "renewed", "careful",
                                  "public",   "private",   "sweeping", "modest",  "fragile", "steady"};
static const char *const GROUPS[] = {"analysts",  "diplomats", "economists", "aid workers", "residents",
                                     "lawmakers", "officials", "observers",  "traders",     "commentators"};

/* Generic sentences: {N} noun, {T} topic, {A} adjective, {G} group, {Y} year,
 * {K} number, {C} city.  Written for this benchmark. */
static const char *const FILLER[] = {
    "The {N} said it would publish a {A} assessment of {T} before the end of the quarter.",
    "{G} in {C} described the mood as {A}, noting that little had changed since {Y}.",
    "Talks on {T} have stalled repeatedly, and several {G} doubt that a deal is close.",
    "The {N} has said little in public, but people familiar with its thinking describe a {A} approach.",
    "Prices for {T} rose by {K} percent over the month, the steepest increase since {Y}.",
    "Officials from the {N} declined to comment on the record.",
    "A spokesperson for the {N} called the proposal {A} but declined to say whether it would be adopted.",
    "The question of {T} has hung over every round of negotiations since {Y}.",
    "In {C}, {G} queued outside government offices for hours, some carrying folders of documents.",
    "The report runs to {K} pages and was drafted over several months by a {A} team of {G}.",
    "Critics argue that the {N} has moved too slowly, while supporters say caution was unavoidable.",
    "There was no immediate reaction from the {N}, which has previously dismissed similar claims.",
    "Several {G} said the meeting of the {N} had been {A} and that a second session was planned.",
    "The figures could not be independently verified.",
    "Earlier drafts of the text, seen by {G}, contained stronger language on {T}.",
    "The {N} first raised concerns about {T} in {Y}, according to documents reviewed for this article.",
    "Markets in {C} reacted calmly, with the main index closing {K} points higher.",
    "Between {K} and {K} people attended a vigil in the centre of {C} on the same evening.",
    "{G} have warned that any agreement on {T} would be fragile without outside guarantees.",
    "The {N} has held {K} sessions on the issue, none of which produced a binding decision.",
    "A second {N} source, who asked not to be named because the talks are confidential, gave a similar account.",
    "The decision had been expected for weeks, and {G} had already priced it in.",
    "Some {G} from the region travelled for two days to reach {C}.",
    "It was not clear whether the new rules on {T} would apply retroactively.",
    "The {N} had asked for a delay, citing the need for a {A} review of {T}.",
    "Photographs published by local media showed damaged buildings and streets covered in glass.",
    "The numbers have been disputed, and the {N} said it would issue revised estimates against the original figures.",
    "Against that backdrop, {G} expect a {A} winter.",
    "The first shipments under the arrangement left port within days, according to {G} who track {T}.",
    "Neither side has published the full text of the understanding.",
};

static const char *const QUOTES[] = {
    "\"We are not going to negotiate through the newspapers,\" a senior {N} official said.",
    "\"This is a {A} moment, and everyone in the room knows it,\" one of the {G} told reporters.",
    "\"Nobody expected a breakthrough this week,\" said a diplomat who has followed the talks on {T}.",
    "\"The door remains open,\" the {N} said in a brief statement, without elaborating.",
    "\"We will judge them by what they do, not by what they say,\" a spokesperson said.",
    "\"It is too early to talk about results,\" one of the {G} in {C} said.",
};

static const char *const APPEALS[] = {
    "Support our journalism today: readers like you keep this newsroom independent.",
    "Help support our independent journalism by becoming a member; it takes less than a minute.",
    "We invite readers who value this reporting to support it with a monthly contribution.",
};

static const char *const RELATED[] = {"Read more: {T} and what comes next", "Also read: inside the {N}",
                                      "Related: a timeline of {T}", "See also: how {G} view the crisis"};

static void expand(struct sb *b, const char *t)
{
    for (; *t; t++) {
        if (*t != '{' || !t[1] || t[2] != '}') {
            sb_grow(b, 1);
            b->s[b->len++] = *t;
            b->s[b->len] = '\0';
            continue;
        }
        switch (t[1]) {
        case 'N': sb_put(b, PICK(NOUNS)); break;
        case 'T': sb_put(b, PICK(TOPICS)); break;
        case 'A': sb_put(b, PICK(ADJ)); break;
        case 'G': sb_put(b, PICK(GROUPS)); break;
        case 'Y': sb_printf(b, "%d", 1985 + (int)rn(40)); break;
        case 'K': sb_printf(b, "%d", 2 + (int)rn(400)); break;
        case 'C': sb_put(b, CITIES[rn(NCITIES)]); break;
        }
        t += 2;
    }
}

/* One long paragraph: one line, as scraped web text usually is. */
static void filler_paragraph(struct sb *b, int sentences)
{
    for (int i = 0; i < sentences; i++) {
        if (i) sb_put(b, " ");
        expand(b, chance(12) ? PICK(QUOTES) : PICK(FILLER));
    }
    sb_put(b, "\n\n");
}

/* ==== Fact sentences ==== */

struct writer {
    FILE *planted;
    const char *path; /* of the article being written, relative to OUTDIR */
    unsigned line0;   /* line of the article's first byte in its file */
    int jsonl;
};

/* Remember where the outlier is: the line its sentence starts on. */
static void plant(struct writer *w, const struct sb *b, struct fact *f, const char *check, const char *key,
                  const char *right, const char *wrong)
{
    unsigned line = w->jsonl ? w->line0 : w->line0 + sb_lines(b);
    snprintf(f->plant, sizeof f->plant, "%s\t%s:%u\t%s\t%s\t%s\n", check, w->path, line, key, right, wrong);
}

/* A fact is done (or the corpus is): its disagreement counts when the
 * outlier and at least one other report were written. */
static void retire(struct writer *w, const struct fact *f)
{
    if (f->plant[0] && f->written >= 2) fputs(f->plant, w->planted);
}

static const char *pname(int i) { return PEOPLE[i].full; }

/* Append one report of fact f, in an article published on pub, as a paragraph. */
static void report_fact(struct writer *w, struct sb *b, struct fact *f, long pub, int explicit_only)
{
    int is_out = f->written == f->outlier;
    char when[64], When[64], dur[64], num[32], num2[32], key[128], r[64], x[64];
    when_text(f->day, pub, explicit_only, when, sizeof when);
    snprintf(When, sizeof When, "%s", when);
    cap_first(When);
    f->written++;
    int A = f->a, B = f->b;
    if (chance(50)) A = f->b, B = f->a;
    if (f->kind == F_CALL || f->kind == F_MEETING)
        snprintf(key, sizeof key, "%s+%s", PEOPLE[f->a].last, PEOPLE[f->b].last);
    switch (f->kind) {
    case F_CALL: {
        int minutes = is_out ? f->minutes2 : f->minutes;
        if (is_out) {
            snprintf(r, sizeof r, "%d min", f->minutes);
            snprintf(x, sizeof x, "%d min", minutes);
            plant(w, b, f, "communication-duration", key, r, x);
        }
        switch (rn(5)) {
        case 0:
            duration_text(minutes, 1, dur, sizeof dur);
            sb_printf(b, "%s held a %s phone call with %s %s, discussing %s.", pname(A), dur, pname(B), when,
                      PICK(TOPICS));
            break;
        case 1:
            duration_text(minutes, 0, dur, sizeof dur);
            sb_printf(b, "%s, %s spoke with %s %s for %s, according to a readout from %s's office.", When, pname(A),
                      pname(B), chance(50) ? "by phone" : "by telephone", dur, PEOPLE[A].last);
            break;
        case 2:
            duration_text(minutes, 0, dur, sizeof dur);
            sb_printf(b, "The phone call between %s and %s %s lasted %s, officials said.", pname(A), pname(B), when,
                      dur);
            break;
        case 3:
            duration_text(minutes, 0, dur, sizeof dur);
            sb_printf(b, "%s %s talked with %s for %s %s about %s.", PEOPLE[A].title, pname(A), pname(B), dur, when,
                      PICK(TOPICS));
            break;
        default:
            duration_text(minutes, 1, dur, sizeof dur);
            sb_printf(b, "%s and %s spoke %s in a %s call that aides described as %s.", pname(A), pname(B), when, dur,
                      PICK(ADJ));
        }
        sb_printf(b, " It was the latest in a series of contacts on %s.", PICK(TOPICS));
        break;
    }
    case F_MEETING: {
        int minutes = is_out && f->field == O_DURATION ? f->minutes2 : f->minutes;
        int place = is_out && f->field == O_PLACE ? f->place2 : f->place;
        const char *city = CITIES[place];
        char at[64];
        if (strcmp(city, "Moscow") == 0 && chance(40))
            snprintf(at, sizeof at, "at the Kremlin");
        else
            snprintf(at, sizeof at, "in %s", city);
        if (is_out && f->field == O_PLACE) plant(w, b, f, "communication-place", key, CITIES[f->place], city);
        if (is_out && f->field == O_DURATION) {
            snprintf(r, sizeof r, "%d min", f->minutes);
            snprintf(x, sizeof x, "%d min", minutes);
            plant(w, b, f, "communication-duration", key, r, x);
        }
        switch (rn(4)) {
        case 0:
            duration_text(minutes, 0, dur, sizeof dur);
            sb_printf(b, "%s met %s %s %s for %s.", pname(A), pname(B), at, when, dur);
            break;
        case 1:
            duration_text(minutes, 1, dur, sizeof dur);
            sb_printf(b, "%s and %s met %s %s, in a %s meeting focused on %s.", pname(A), pname(B), at, when, dur,
                      PICK(TOPICS));
            break;
        case 2:
            duration_text(minutes, 0, dur, sizeof dur);
            sb_printf(b, "%s held talks with %s %s %s lasting %s, %s said.", pname(A), pname(B), at, when, dur,
                      chance(50) ? "a government spokesperson" : "state media");
            break;
        default:
            duration_text(minutes, 0, dur, sizeof dur);
            sb_printf(b, "%s, %s, a %s visitor, met with %s %s for %s.", When, pname(A), PICK(ADJ), pname(B), at,
                      dur);
        }
        sb_printf(b, " Neither side took questions afterwards, and %s did not say when they would meet again.",
                  PEOPLE[B].last);
        break;
    }
    case F_VOTE: {
        int n = is_out && f->field == O_COUNT ? f->n2 : f->n;
        int against = is_out && f->field == O_AGAINST ? f->against2 : f->against;
        const char *body = chance(50) ? BODIES[f->body] : BODY_SHORT[f->body];
        const char *ctry = COUNTRIES[f->a];
        int form = (int)rn(5);
        if (f->field == O_AGAINST) form = 3; /* the only form with the count against */
        if (is_out) {
            snprintf(r, sizeof r, "%d", f->field == O_COUNT ? f->n : f->against);
            snprintf(x, sizeof x, "%d", f->field == O_COUNT ? n : against);
            plant(w, b, f, "vote-count", BODY_ID[f->body], r, x);
        }
        switch (form) {
        case 0:
            sb_printf(b, "%s joined %d other nations in voting in favour of a %s resolution %s that called for %s.",
                      ctry, n - 1, body, when, PICK(TOPICS));
            break;
        case 1:
            sb_printf(b, "%s, %d countries voted in favour of the %s resolution on %s.", When, n, body, PICK(TOPICS));
            break;
        case 2:
            sb_printf(b, "%s was among the %d countries that voted in favour of the %s resolution %s.", ctry, n, body,
                      when);
            break;
        case 3:
            count_text(against, num, sizeof num);
            count_text(f->abstain, num2, sizeof num2);
            sb_printf(b, "The %s adopted the resolution %s with %d votes in favour. The %s vote %s ended with %s votes against. Another %s members abstained.",
                      body, when, n, BODY_SHORT[f->body], when, num, num2);
            break;
        default:
            sb_printf(b, "%s voted in favour of the %s resolution %s alongside %d other states.", ctry, body, when,
                      n - 1);
        }
        sb_printf(b, " Diplomats said the text had been softened during %s days of negotiations.", SMALL[2 + rn(8)]);
        break;
    }
    case F_CASUALTY: {
        int n = is_out && f->field == O_COUNT ? f->n2 : f->n;
        int wounded = is_out && f->field == O_WOUNDED ? f->wounded2 : f->wounded;
        const char *city = CITIES[f->place];
        int form = (int)rn(4);
        if (f->field == O_WOUNDED) form = 1; /* the only form with the wounded */
        if (is_out) {
            snprintf(r, sizeof r, "%d", f->field == O_COUNT ? f->n : f->wounded);
            snprintf(x, sizeof x, "%d", f->field == O_COUNT ? n : wounded);
            snprintf(key, sizeof key, "%s %s", city, f->field == O_COUNT ? "killed" : "wounded");
            plant(w, b, f, "casualty-count", key, r, x);
        }
        count_text(n, num, sizeof num);
        switch (form) {
        case 0:
            cap_first(num);
            sb_printf(b, "%s people were killed in %s %s when a fuel depot exploded near a residential block.", num,
                      city, when);
            break;
        case 1:
            count_text(wounded, num2, sizeof num2);
            sb_printf(b, "An explosion in %s %s killed %s people, emergency services said. The blast in %s %s also wounded %s others.",
                      city, when, num, city, when, num2);
            break;
        case 2:
            sb_printf(b, "Shelling in %s %s pushed the death toll to %s, the regional governor said.", city, when, num);
            break;
        default:
            sb_printf(b, "Rescue teams in %s searched the rubble after a strike %s that killed %s civilians.", city,
                      when, num);
        }
        sb_printf(b, " Local hospitals asked for blood donations.");
        break;
    }
    case F_INVASION: {
        long day = is_out ? f->day2 : f->day;
        int y, m, d;
        civil_from_days(day, &y, &m, &d);
        if (is_out) {
            iso(f->day, r);
            iso(f->day2, x);
            plant(w, b, f, "event-date", COUNTRIES[f->b], r, x);
        }
        if (chance(50))
            sb_printf(b, "Relations have been frozen since %s invaded %s on %s %d, %d.", COUNTRIES[f->a],
                      COUNTRIES[f->b], MONTH[m - 1], d, y);
        else
            sb_printf(b, "%s's invasion of %s began on %d %s %d, and the front line has barely moved since.",
                      COUNTRIES[f->a], COUNTRIES[f->b], d, MONTH[m - 1], y);
        break;
    }
    }
    sb_put(b, "\n\n");
}

/* ==== Articles ==== */

#define ACTIVE 48

struct gen {
    struct fact active[ACTIVE];
    struct writer w;
    const char *out;
    unsigned long long bytes, target;
    unsigned docs;
    FILE *jf[NOUTLETS];
    unsigned jlines[NOUTLETS], jfiles[NOUTLETS];
    unsigned long long jbytes[NOUTLETS];
    char jpath[NOUTLETS][64];
    int jsonl_share;
    unsigned dir_made; /* 1 + the last directory of articles created */
};

static void mkdirs(const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(tmp, 0777);
            *p = '/';
        }
    mkdir(tmp, 0777);
}

static void json_str(struct sb *o, const char *s, size_t n)
{
    sb_grow(o, n * 2 + 2);
    o->s[o->len++] = '"';
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"' || c == '\\') {
            o->s[o->len++] = '\\';
            o->s[o->len++] = c;
        } else if (c == '\n') {
            o->s[o->len++] = '\\';
            o->s[o->len++] = 'n';
        } else {
            o->s[o->len++] = c;
        }
    }
    o->s[o->len++] = '"';
    o->s[o->len] = '\0';
}

/* An active fact with a report still to write (a new one replaces a done
 * one), and an outlet that has not reported it yet. */
static struct fact *pick_fact(struct gen *g, int *outlet)
{
    struct fact *f = &g->active[rn(ACTIVE)];
    if (f->written >= f->reports) {
        retire(&g->w, f);
        new_fact(f);
    }
    int o;
    do o = (int)rn(NOUTLETS);
    while (f->used_outlets & (1u << o));
    f->used_outlets |= 1u << o;
    *outlet = o;
    return f;
}

static FILE *open_out(const char *path)
{
    FILE *fp = fopen(path, "w");
    if (!fp) {
        perror(path);
        exit(2);
    }
    return fp;
}

static void write_article(struct gen *g)
{
    int o;
    struct fact *f = pick_fact(g, &o);
    const struct outlet *ol = &OUTLETS[o];
    int form = ol->form;
    if (form == 2 && (int)rn(100) >= g->jsonl_share * 5) form = 0; /* wire copy mostly lands as files too */
    long pub = f->kind == F_INVASION ? f->day + 30 + rn(3000) : f->day + 1 + rn(6);
    char date[11], path[4096], rel[4096], title[256];
    iso(pub, date);
    unsigned seq = g->docs++;
    snprintf(title, sizeof title, "The %s and %s", PICK(NOUNS), PICK(TOPICS));
    cap_first(title);
    struct sb body = {0};
    g->w.jsonl = form == 2;
    if (form == 2) {
        if (!g->jf[o] || g->jbytes[o] > (4u << 20)) {
            if (g->jf[o]) fclose(g->jf[o]);
            snprintf(g->jpath[o], sizeof g->jpath[o], "corpus/wire/%s-%04u.jsonl", ol->slug, g->jfiles[o]++);
            snprintf(path, sizeof path, "%s/corpus/wire", g->out);
            mkdirs(path);
            snprintf(path, sizeof path, "%s/%s", g->out, g->jpath[o]);
            g->jf[o] = open_out(path);
            g->jlines[o] = 0;
            g->jbytes[o] = 0;
        }
        snprintf(rel, sizeof rel, "%s", g->jpath[o]);
        g->w.line0 = g->jlines[o] + 1;
    } else {
        snprintf(rel, sizeof rel, "corpus/%03u/%06u-%s.%s", seq / 1000, seq, ol->slug, form == 0 ? "md" : "txt");
        if (seq / 1000 + 1 != g->dir_made) { /* the first file of its directory */
            snprintf(path, sizeof path, "%s/corpus/%03u", g->out, seq / 1000);
            mkdirs(path);
            g->dir_made = seq / 1000 + 1;
        }
        if (form == 0)
            sb_printf(&body, "---\ntitle: %s\ndate: %s\nsource: %s\n---\n", title, date, ol->name);
        else
            sb_printf(&body, " date %s\n%s\n\n", date, title);
        g->w.line0 = 1;
    }
    g->w.path = rel;

    if (form != 2 && chance(50)) sb_printf(&body, "By %s staff\n\n", ol->name);
    if (chance(40)) filler_paragraph(&body, 2 + (int)rn(3));
    char city[64];
    snprintf(city, sizeof city, "%s", CITIES[rn(NCITIES)]);
    for (char *p = city; *p; p++)
        if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 'a' + 'A');
    sb_printf(&body, "%s - ", city);
    report_fact(&g->w, &body, f, pub, 0);
    filler_paragraph(&body, 3 + (int)rn(6));
    /* a second fact, by its full date when it is not within the week */
    if (chance(45)) {
        struct fact *f2 = &g->active[rn(ACTIVE)];
        if (f2 != f && f2->written < f2->reports && f2->day < pub && f2->kind != F_INVASION &&
            !(f2->used_outlets & (1u << o))) {
            f2->used_outlets |= 1u << o;
            report_fact(&g->w, &body, f2, pub, pub - f2->day > 6);
        }
    }
    int paras = 2 + (int)rn(6);
    for (int i = 0; i < paras; i++) filler_paragraph(&body, 3 + (int)rn(7));
    if (chance(25)) {
        expand(&body, PICK(RELATED));
        sb_put(&body, "\n\n");
    }
    if (chance(30)) {
        sb_put(&body, PICK(APPEALS));
        sb_put(&body, " Every contribution counts.\n");
    }

    if (form == 2) {
        struct sb rec = {0};
        sb_printf(&rec, "{\"id\":\"%s-%u\",\"source\":\"%s\",\"date\":\"%s\",\"title\":", ol->slug, seq, ol->name,
                  date);
        json_str(&rec, title, strlen(title));
        sb_put(&rec, ",\"text\":");
        json_str(&rec, body.s, body.len);
        sb_put(&rec, "}\n");
        fwrite(rec.s, 1, rec.len, g->jf[o]);
        g->jlines[o]++;
        g->jbytes[o] += rec.len;
        g->bytes += rec.len;
        free(rec.s);
    } else {
        snprintf(path, sizeof path, "%s/%s", g->out, rel);
        FILE *fp = open_out(path);
        fwrite(body.s, 1, body.len, fp);
        if (fclose(fp) != 0) {
            perror(path);
            exit(2);
        }
        g->bytes += body.len;
    }
    free(body.s);
}

static int usage(void)
{
    fprintf(stderr, "usage: gen [--seed S] [--mb N] [--jsonl-share PCT] OUTDIR\n");
    return 2;
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    double mb = 10;
    int share = 10;
    const char *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc)
            mb = strtod(argv[++i], NULL);
        else if (strcmp(argv[i], "--jsonl-share") == 0 && i + 1 < argc)
            share = atoi(argv[++i]);
        else if (argv[i][0] != '-' && !out)
            out = argv[i];
        else
            return usage();
    }
    if (!out) return usage();
    rng_state = seed * 0x2545F4914F6CDD1Dull + 12345;
    slots = calloc((size_t)1 << (SLOT_BITS - 3), 1);
    static struct gen g;
    g.out = out;
    g.target = (unsigned long long)(mb * 1024 * 1024);
    g.jsonl_share = share;
    char p[4096];
    snprintf(p, sizeof p, "%s/corpus", out);
    mkdirs(p);
    snprintf(p, sizeof p, "%s/planted.tsv", out);
    g.w.planted = open_out(p);
    for (int i = 0; i < ACTIVE; i++) new_fact(&g.active[i]);
    while (g.bytes < g.target) write_article(&g);
    for (int i = 0; i < ACTIVE; i++) retire(&g.w, &g.active[i]);
    for (int i = 0; i < NOUTLETS; i++)
        if (g.jf[i]) fclose(g.jf[i]);
    if (fclose(g.w.planted) != 0) return 2;
    printf("%u articles, %llu bytes, %u facts\n", g.docs, g.bytes, fact_seq);
    return 0;
}
