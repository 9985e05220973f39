#!/usr/bin/env node
/* chrono-cli.js - chrono-node as a command, for the whole-process throughput
 * figure: read JSONL records {"id","text","date"} from FILE and write one JSON
 * line per date found ({id, text, index, start, end}) to standard output, the
 * counterpart of `crosscheck normalize --jsonl FILE`.
 *
 *   node chrono-cli.js FILE */
'use strict';
const fs = require('fs');
const path = require('path');
const chrono = require(path.join(__dirname, 'node_modules', 'chrono-node'));

const fd = fs.openSync(process.argv[2], 'r');
const out = [];
let outLen = 0;
function flush() {
    if (out.length) fs.writeSync(1, out.join(''));
    out.length = 0;
    outLen = 0;
}
let rest = '';
const buf = Buffer.alloc(1 << 20);
for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    const chunk = rest + buf.toString('utf8', 0, n);
    const lines = chunk.split('\n');
    rest = n ? lines.pop() : '';
    for (const line of lines) {
        if (!line) continue;
        const r = JSON.parse(line);
        const ref = new Date((r.date || '1970-01-01') + 'T00:00:00Z');
        for (const x of chrono.casual.parse(r.text, ref, { forwardDate: false })) {
            const s = JSON.stringify({ id: r.id, text: x.text, index: x.index,
                start: x.start.date().toISOString().slice(0, 10),
                end: (x.end || x.start).date().toISOString().slice(0, 10) }) + '\n';
            out.push(s);
            outLen += s.length;
            if (outLen > 1 << 16) flush();
        }
    }
    if (!n) break;
}
flush();
