#!/usr/bin/env node
/* score.js - score `crosscheck normalize` and chrono-node on the Recognizers-Text
 * English date/daterange and number specs; print accuracy and throughput side by side.
 *
 *   node score.js CROSSCHECK DATA_DIR WORK_DIR
 *
 * Scoring rules (also printed):
 * - An expected expression is found when an output expression overlaps its span.
 * - Dates: the resolved first and last day must equal the spec's.  The spec
 *   writes a period's end as the first day after it ("this week" ends on the next
 *   Monday) but a range of named days with the last day itself ("3 to 12 Sept"):
 *   either is accepted for the end.  "0001-01-01" (an impossible date such as
 *   "Feb 30") is right when nothing anchored is reported there.
 * - Past/future: the spec gives both readings for expressions that can point
 *   either way.  The sentence's tense decides which is right (the rule is tenseOf
 *   below: a future cue makes it future, a past cue past); when the sentence has
 *   neither, either reading is accepted.  These cases are counted separately.
 * - Numbers: the value must be equal (relative 1e-9); ordinals must be ordinals,
 *   percents percents; ranges compare both ends (an infinite end as null). */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const [, , BIN, DATA, WORK] = process.argv;
if (!BIN || !DATA || !WORK) {
    console.error('usage: node score.js CROSSCHECK DATA_DIR WORK_DIR');
    process.exit(2);
}

function readTsv(file) {
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length);
    const head = lines.shift().split('\t');
    return lines.map((l) => {
        const f = l.split('\t');
        const o = {};
        head.forEach((h, i) => (o[h] = f[i] === undefined ? '' : f[i]));
        return o;
    });
}

/* ---- the tense the sentence calls for (independent of crosscheck's code) ---- */
const FUTURE = /\b(will|shall|going to|gonna|plan(s|ned)? to|scheduled|schedule|book|set up|let's|let us|upcoming|are you (free|available)|can you|could you|would you|please|remind|want to|need to|should|how about|what about|cortana)\b|'ll\b/i;
const PAST = /\b(went|was|were|did|had|happened|ago|came|met|saw|sent|got|left|took|made|said|told|bought|ate|\w{3,}ed)\b/i;
function tenseOf(sentence) {
    if (FUTURE.test(sentence)) return 'future';
    if (PAST.test(sentence)) return 'past';
    return 'either';
}

/* ---- dates ---- */
const DAY = 86400000;
function addDays(iso, n) {
    const d = new Date(iso + 'T00:00:00Z');
    return new Date(d.getTime() + n * DAY).toISOString().slice(0, 10);
}
function parseRes(s) {
    /* "2016-10-15" or "2016-09-03/2016-09-12" or "/2018-07-04" */
    if (s.includes('/')) {
        const [a, b] = s.split('/');
        return { start: a || null, end: b || null, range: true };
    }
    return { start: s, end: s, range: false };
}
function dateMatches(exp, got) {
    if (exp.start === '0001-01-01') return !got || !got.start;
    if (!got || !got.start) return false;
    if (exp.start && got.start !== exp.start) return false;
    if (!exp.range) return got.end === exp.start;
    if (!exp.end) return true;
    return got.end === exp.end || addDays(got.end, 1) === exp.end;
}

function byteStart(input, start, span) {
    /* spec offsets count characters; crosscheck's count bytes */
    let s = Number(start);
    if (input.substr(s, span.length).toLowerCase() !== span.toLowerCase()) {
        const k = input.toLowerCase().indexOf(span.toLowerCase());
        if (k >= 0) s = k;
    }
    return { b0: Buffer.byteLength(input.slice(0, s)), b1: Buffer.byteLength(input.slice(0, s + span.length)), c0: s, c1: s + span.length };
}

function overlapPick(list, a, b, key0, key1) {
    let best = null, bo = 0;
    for (const o of list) {
        const ov = Math.min(b, o[key1]) - Math.max(a, o[key0]);
        if (ov > bo) (bo = ov), (best = o);
    }
    return best;
}

function runCrosscheck(records, file) {
    fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    /* output to a file, so that the timing is crosscheck's and not the pipe's */
    const outFile = file + '.out';
    const fd = fs.openSync(outFile, 'w');
    const t0 = process.hrtime.bigint();
    const p = spawnSync(BIN, ['normalize', '--jsonl', file], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    fs.closeSync(fd);
    if (p.status !== 0) {
        console.error(`crosscheck normalize failed (${p.status}): ${p.stderr}`);
        process.exit(1);
    }
    const out = new Map();
    let n = 0;
    for (const line of fs.readFileSync(outFile, 'utf8').split('\n')) {
        if (!line) continue;
        const o = JSON.parse(line);
        n++;
        if (!out.has(o.id)) out.set(o.id, []);
        out.get(o.id).push(o);
    }
    return { out, secs, n };
}

function pct(a, b) {
    return b ? ((100 * a) / b).toFixed(1).padStart(5) + '%' : '    - ';
}

/* ================= dates ================= */
const dateRows = readTsv(path.join(DATA, 'rt_en_date_daterange.tsv')).filter((r) => r.span);
const recs = new Map();
for (const r of dateRows) {
    const key = r.ref_date + '\u0000' + r.input;
    if (!recs.has(key)) recs.set(key, { id: 'd' + recs.size, text: r.input, date: r.ref_date.slice(0, 10), ref: r.ref_date });
    r.rec = recs.get(key);
}
const dateRecs = [...recs.values()];
const cc = runCrosscheck(dateRecs.map(({ id, text, date }) => ({ id, text, date })), path.join(WORK, 'dates.jsonl'));

let chrono = null;
try {
    chrono = require(path.join(__dirname, 'node_modules', 'chrono-node'));
} catch (e) {
    console.log(`chrono-node not installed (${e.message.split('\n')[0]}): peer columns are empty`);
}
function chronoParse(text, ref) {
    return chrono.casual.parse(text, new Date(ref + 'Z'), { forwardDate: false });
}
const chronoOut = new Map();
if (chrono)
    for (const r of dateRecs) {
        const res = chronoParse(r.text, r.ref).map((x) => ({
            c0: x.index,
            c1: x.index + x.text.length,
            start: x.start.date().toISOString().slice(0, 10),
            end: (x.end || x.start).date().toISOString().slice(0, 10),
        }));
        chronoOut.set(r.id, res);
    }

const cats = {}; /* category -> {n, cc, ch} */
function count(cat, okc, okh) {
    const c = (cats[cat] = cats[cat] || { n: 0, cc: 0, ch: 0 });
    c.n++;
    if (okc) c.cc++;
    if (okh) c.ch++;
}
const misses = [];
for (const r of dateRows) {
    const type = r.type.replace('datetimeV2.', '');
    const { b0, b1, c0, c1 } = byteStart(r.input, r.start, r.span);
    const mine = overlapPick((cc.out.get(r.rec.id) || []).filter((o) => o.type === 'date'), b0, b1, 's', 'e');
    const ours = mine && { start: mine.start, end: mine.end };
    for (const o of cc.out.get(r.rec.id) || []) (o.s = o.span[0]), (o.e = o.span[1]);
    const mine2 = overlapPick((cc.out.get(r.rec.id) || []).filter((o) => o.type === 'date'), b0, b1, 's', 'e');
    const got = mine2 ? { start: mine2.start, end: mine2.end } : ours;
    const theirs = chrono ? overlapPick(chronoOut.get(r.rec.id) || [], c0, c1, 'c0', 'c1') : null;
    const past = parseRes(r.past), fut = parseRes(r.future);
    let okc, okh, cat = type;
    if (r.past === r.future) {
        okc = dateMatches(past, got);
        okh = dateMatches(past, theirs);
    } else {
        const t = tenseOf(r.input);
        cat = `${type}, past/future differ (${t} sentence)`;
        if (t === 'either') {
            okc = dateMatches(past, got) || dateMatches(fut, got);
            okh = dateMatches(past, theirs) || dateMatches(fut, theirs);
        } else {
            const exp = t === 'future' ? fut : past;
            okc = dateMatches(exp, got);
            okh = dateMatches(exp, theirs);
        }
    }
    count(cat, okc, okh);
    count(r.past === r.future ? 'all: same reading' : 'all: past/future differ', okc, okh);
    count('all date+daterange', okc, okh);
    if (!okc) misses.push(`${r.ref_date.slice(0, 10)}\t${r.input}\t[${r.span}]\twant ${r.past === r.future ? r.past : r.past + ' | ' + r.future}\tgot ${got ? (mine2 ? mine2.text + ' ' : '') + got.start + '/' + got.end : 'nothing'}`);
}
fs.writeFileSync(path.join(WORK, 'date-misses.tsv'), misses.join('\n') + '\n');

console.log('Dates (Recognizers-Text rt_en_date_daterange.tsv, rows with a span)');
console.log('  category                                              cases  crosscheck  chrono-node');
for (const k of Object.keys(cats).sort()) {
    const c = cats[k];
    console.log(`  ${k.padEnd(52)} ${String(c.n).padStart(5)}   ${pct(c.cc, c.n)}     ${chrono ? pct(c.ch, c.n) : '   -'}`);
}

/* ================= numbers ================= */
const numRows = readTsv(path.join(DATA, 'rt_en_number.tsv'));
const nrec = new Map();
for (const r of numRows) {
    if (!nrec.has(r.input)) nrec.set(r.input, { id: 'n' + nrec.size, text: r.input });
    r.rec = nrec.get(r.input);
}
const nc = runCrosscheck([...nrec.values()], path.join(WORK, 'numbers.jsonl'));
function close(a, b) {
    if (a === null || b === null) return a === b;
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) || Math.abs(a - b) < 1e-9;
}
const ncat = {};
const nmiss = [];
for (const r of numRows) {
    let cat = r.subtype || { OrdinalModel: 'ordinal', PercentModel: 'percent', NumberRangeModel: 'numberrange' }[r.src] || r.src;
    if (r.typename === 'NONE') cat = 'none (no number expected)';
    else if (r.typename === 'ordinal.relative') cat = 'ordinal.relative';
    const outs = (nc.out.get(r.rec.id) || []).filter((o) => ['number', 'ordinal', 'percent'].includes(o.type));
    let ok = false, got = null;
    if (r.typename === 'NONE') {
        ok = outs.length === 0;
    } else {
        const { b0, b1 } = byteStart(r.input, r.start, r.span);
        for (const o of outs) (o.s = o.span[0]), (o.e = o.span[1]);
        got = overlapPick(outs, b0, b1, 's', 'e');
        if (got) {
            if (cat === 'numberrange') {
                const m = /^([[(])(-?[\d.e+]*),(-?[\d.e+]*)([\])])$/.exec(r.value);
                if (m) {
                    const lo = m[2] === '' ? null : Number(m[2]), hi = m[3] === '' ? null : Number(m[3]);
                    ok = close(got.lo, lo === null ? 0 : lo) && close(got.hi, hi);
                }
            } else if (r.typename === 'ordinal') {
                ok = got.type === 'ordinal' && close(got.lo, Number(r.value));
            } else if (r.typename === 'percentage') {
                ok = got.type === 'percent' && close(got.lo, Number(r.value.replace('%', '')));
            } else {
                ok = got.type === 'number' && got.lo === got.hi && close(got.lo, Number(r.value));
            }
        }
    }
    const c = (ncat[cat] = ncat[cat] || { n: 0, ok: 0 });
    c.n++;
    if (ok) c.ok++;
    if (!ok) nmiss.push(`${cat}\t${r.input}\t[${r.span}]\twant ${r.value}\tgot ${got ? got.text + ' = ' + got.lo + (got.hi !== got.lo ? '..' + got.hi : '') + ' ' + got.type : 'nothing'}`);
}
fs.writeFileSync(path.join(WORK, 'number-misses.tsv'), nmiss.join('\n') + '\n');
const SUPPORTED = ['integer', 'decimal', 'fraction', 'ordinal', 'percent'];
console.log('\nNumbers (Recognizers-Text rt_en_number.tsv)');
console.log('  subtype                          cases  crosscheck');
let sn = 0, sok = 0;
for (const k of Object.keys(ncat).sort()) {
    const c = ncat[k];
    const sup = SUPPORTED.includes(k);
    if (sup) (sn += c.n), (sok += c.ok);
    console.log(`  ${(k + (sup ? '' : ' *')).padEnd(32)} ${String(c.n).padStart(5)}   ${pct(c.ok, c.n)}`);
}
console.log(`  ${'supported classes together'.padEnd(32)} ${String(sn).padStart(5)}   ${pct(sok, sn)}`);
console.log('  * not a supported class: power (1e10, 1.1^23), ordinal.relative ("next", "the last"),');
console.log('    numberrange comparatives beyond the hedges (e.g. "higher or equal than ... lower than"),');
console.log('    "none" (the spec wants no number in "180ml", "29km": crosscheck reports the number),');
console.log('    NumberModel (cases without a subtype: "3 hundred and 21").  The misses of the supported');
console.log('    classes and why: bench/normalize/README.md.');

/* ================= throughput ================= */
/* Two figures, each measured the same way for both tools, one thread, best of
 * three (the machine may be busy with other work):
 * - in process (the comparison the target is about): the sentences are in
 *   memory, each tool is warm and called once per sentence with its reference
 *   date (parsed on every call), results are built in memory and not printed;
 *   passes over the sentences repeat for at least 1.5 s.  Start-up excluded.
 *   crosscheck: `normalize --jsonl --bench` (the loop is in C, the clock is
 *   read around it); chrono-node: casual.parse in this node process.
 * - whole process: JSONL in, JSON lines out to a file, start-up included
 *   (node and require() for chrono-node; the binary for crosscheck), over the
 *   same file of copies of the sentences. */
const REPS = Number(process.env.NX_BENCH_REPS || 200);

/* One in-process run of crosscheck: the binary times its own loop (passes
 * over the sentences for at least SECS, best of three inside). */
function inProcessCrosscheck(file) {
    const p = spawnSync(BIN, ['normalize', '--jsonl', '--bench=0.5', file], { encoding: 'utf8' });
    if (p.status !== 0) {
        console.error(`crosscheck normalize --bench failed (${p.status}): ${p.stderr}`);
        process.exit(1);
    }
    const o = JSON.parse(p.stdout);
    return { sentences: o.sentences, secs: o.seconds, exprs: o.expressions };
}

/* One in-process run of chrono-node: passes over the sentences for 1.5 s. */
function inProcessChrono(recs) {
    let n = 0, passes = 0, secs = 0;
    const t0 = process.hrtime.bigint();
    do {
        for (const r of recs) n += chronoParse(r.text, r.ref).length;
        passes++;
        secs = Number(process.hrtime.bigint() - t0) / 1e9;
    } while (secs < 1.5);
    return { sentences: passes * recs.length, secs, exprs: n };
}

/* The copies of the sentences for the whole-process runs: enough for about
 * 150k sentences, so that start-up is a small part for both. */
function bigFile(recs, name) {
    const reps = Math.max(REPS, Math.ceil(150000 / recs.length));
    const lines = [];
    let k = 0;
    for (let r = 0; r < reps; r++) for (const x of recs) lines.push(JSON.stringify({ id: k++, text: x.text, date: x.date }));
    const file = path.join(WORK, name);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    return { file, sentences: lines.length };
}

/* One whole-process run: the command's output to a file, wall time. */
function processRun(cmd, args, outFile, sentences) {
    const fd = fs.openSync(outFile, 'w');
    const t0 = process.hrtime.bigint();
    const p = spawnSync(cmd, args, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    fs.closeSync(fd);
    if (p.status !== 0) {
        console.error(`${cmd} ${args.join(' ')} failed (${p.status}): ${p.stderr}`);
        process.exit(1);
    }
    let exprs = 0;
    const text = fs.readFileSync(outFile, 'utf8');
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) exprs++;
    return { sentences, secs, exprs };
}

function faster(a, b) {
    return !a || b.sentences / b.secs > a.sentences / a.secs ? b : a;
}

function line(label, c, how) {
    const s = c.sentences / c.secs, e = c.exprs / c.secs;
    console.log(`    ${label.padEnd(28)} ${String(c.sentences).padStart(8)} sentences in ${c.secs.toFixed(3)} s ${how}: ` +
        `${Math.round(s)} sentences/s, ${Math.round(e)} expressions/s`);
    return { s, e };
}

function throughput(title, recs, name) {
    console.log(`\nThroughput, one thread: ${title}`);
    const once = path.join(WORK, name + '.once.jsonl');
    fs.writeFileSync(once, recs.map((r, i) => JSON.stringify({ id: i, text: r.text, date: r.date })).join('\n') + '\n');
    const big = bigFile(recs, name);
    if (chrono) for (const r of recs) chronoParse(r.text, r.ref); /* warm-up */
    /* three rounds, the tools taking turns, so that a busy machine slows both
     * alike; the best run of each tool is kept */
    let ci = null, hi = null, cp = null, hp = null;
    for (let t = 0; t < 3; t++) {
        ci = faster(ci, inProcessCrosscheck(once));
        if (chrono) hi = faster(hi, inProcessChrono(recs));
        cp = faster(cp, processRun(BIN, ['normalize', '--jsonl', big.file], big.file + '.out', big.sentences));
        if (chrono)
            hp = faster(hp, processRun(process.execPath, [path.join(__dirname, 'chrono-cli.js'), big.file],
                big.file + '.chrono', big.sentences));
    }
    console.log('  in process (start-up excluded, nothing printed; the target\'s measure):');
    const a = line('crosscheck normalize_scan', ci, '(best of 3 rounds, warm)');
    if (hi) {
        const b = line('chrono-node casual.parse', hi, '(best of 3 rounds, warm)');
        console.log(`    ratio crosscheck/chrono: ${(a.s / b.s).toFixed(1)}x sentences/s, ${(a.e / b.e).toFixed(1)}x expressions/s`);
    }
    console.log('  whole process (start-up, JSONL parsing and JSON output to a file included):');
    const a2 = line('crosscheck normalize --jsonl', cp, '(best of 3 rounds)');
    if (hp) {
        const b2 = line('node chrono-cli.js', hp, '(best of 3 rounds)');
        console.log(`    ratio crosscheck/chrono: ${(a2.s / b2.s).toFixed(1)}x sentences/s, ${(a2.e / b2.e).toFixed(1)}x expressions/s`);
    }
    console.log('  (crosscheck also reports numbers and durations, which chrono-node does not look for:');
    console.log('  sentences/s compares the same work)');
}

throughput(`the date cases (${dateRecs.length} distinct sentences)`,
    dateRecs.map((r) => ({ text: r.text, date: r.date, ref: r.ref })), 'throughput.jsonl');

/* News prose: the seed articles beside the bench directory, read in place. */
const SEEDS = process.env.CROSSCHECK_SEEDS_DIR || path.join(DATA, '..', '..', 'seeds');
if (fs.existsSync(SEEDS)) {
    const news = [];
    for (const f of fs.readdirSync(SEEDS).sort()) {
        let t = fs.readFileSync(path.join(SEEDS, f), 'utf8');
        let date = '2022-03-01';
        const m = /^ date (\d{4}-\d\d-\d\d)/.exec(t);
        if (m) (date = m[1]), (t = t.slice(m[0].length));
        for (const s of t.split(/(?<=[.!?]["\u201d]?)\s+/)) if (s.trim()) news.push({ text: s.trim(), date, ref: date + 'T00:00:00' });
    }
    throughput(`news prose (${news.length} sentences of ${SEEDS})`, news, 'news.jsonl');
}
console.log(`\nMisses listed in ${path.join(WORK, 'date-misses.tsv')} and ${path.join(WORK, 'number-misses.tsv')}`);
