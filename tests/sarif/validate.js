// validate.js - checks SARIF files against the SARIF 2.1.0 JSON schema and
// the structure crosscheck promises (fingerprints, related locations, levels).
//
//   node validate.js FILE...    prints one line per file, exits 1 on any failure
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const schemaFile = path.join(__dirname, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's language pattern is not valid with the u flag;
addFormats(ajv);
const validate = ajv.compile(schema);

// Structural promises beyond the schema; returns a list of problems.
function structure(log) {
  const bad = [];
  const need = (cond, what) => { if (!cond) bad.push(what); };
  need(log.version === '2.1.0', 'version is not 2.1.0');
  need(typeof log.$schema === 'string' && /sarif-2\.1\.0/.test(log.$schema), '$schema missing');
  need(Array.isArray(log.runs) && log.runs.length === 1, 'not exactly one run');
  const run = (log.runs || [])[0] || {};
  const driver = (run.tool || {}).driver || {};
  need(driver.name === 'crosscheck', 'tool.driver.name is not crosscheck');
  need(typeof driver.version === 'string' && driver.version.length > 0, 'tool.driver.version missing');
  need(run.columnKind === 'unicodeCodePoints', 'columnKind is not unicodeCodePoints');
  need(Array.isArray(run.invocations) && run.invocations[0] && run.invocations[0].executionSuccessful === true,
       'invocations[0].executionSuccessful is not true');
  const rules = driver.rules || [];
  const ruleIds = new Set(rules.map(r => r.id));
  need(ruleIds.size === rules.length, 'duplicate rule ids');
  for (const r of rules) {
    need(r.shortDescription && r.shortDescription.text, `rule ${r.id}: no shortDescription`);
    need(r.defaultConfiguration && ['error', 'warning', 'note'].includes(r.defaultConfiguration.level),
         `rule ${r.id}: bad defaultConfiguration.level`);
  }
  const fps = new Set();
  (run.results || []).forEach((res, n) => {
    const at = `results[${n}]`;
    need(res.message && typeof res.message.text === 'string' && res.message.text.length, `${at}: no message.text`);
    need(ruleIds.has(res.ruleId), `${at}: ruleId ${res.ruleId} not among the rules`);
    need(rules[res.ruleIndex] && rules[res.ruleIndex].id === res.ruleId, `${at}: ruleIndex does not match ruleId`);
    need(['error', 'warning', 'note'].includes(res.level), `${at}: bad level ${res.level}`);
    const fp = (res.partialFingerprints || {})['crosscheck/v1'];
    need(typeof fp === 'string' && /^[0-9a-f]{16}$/.test(fp), `${at}: no partialFingerprints crosscheck/v1`);
    need(!fps.has(fp), `${at}: duplicate fingerprint ${fp}`);
    fps.add(fp);
    need(Array.isArray(res.locations) && res.locations.length === 1, `${at}: not exactly one location`);
    const all = (res.locations || []).concat(res.relatedLocations || []);
    const ids = new Set();
    for (const loc of all) {
      need(!ids.has(loc.id), `${at}: location id ${loc.id} repeated`);
      ids.add(loc.id);
      const pl = loc.physicalLocation || {};
      const al = pl.artifactLocation || {};
      need(typeof al.uri === 'string' && al.uri.length, `${at}: location without uri`);
      if (al.uri && !/^file:/.test(al.uri)) need(al.uriBaseId === 'SRCROOT', `${at}: relative uri without SRCROOT`);
      const rg = pl.region || {};
      need(Number.isInteger(rg.startLine) && rg.startLine >= 1, `${at}: region.startLine < 1`);
      need(Number.isInteger(rg.startColumn) && rg.startColumn >= 1, `${at}: region.startColumn < 1`);
      if (rg.endColumn !== undefined && (rg.endLine === undefined || rg.endLine === rg.startLine))
        need(rg.endColumn >= rg.startColumn, `${at}: endColumn before startColumn`);
      need(pl.contextRegion && pl.contextRegion.snippet && pl.contextRegion.snippet.text, `${at}: no sentence`);
    }
    for (const loc of res.relatedLocations || [])
      need(loc.message && loc.message.text && /^side [A-Z]: /.test(loc.message.text),
           `${at}: related location without "side X: ..." message`);
  });
  return bad;
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`FAIL ${file}: not JSON: ${e.message}`);
    failed++;
    continue;
  }
  const problems = [];
  if (!validate(log)) for (const e of validate.errors) problems.push(`schema: ${e.instancePath || '/'} ${e.message}`);
  problems.push(...structure(log));
  if (problems.length) {
    failed++;
    console.log(`FAIL ${file}`);
    for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
  } else {
    console.log(`ok   ${file} (${(log.runs[0].results || []).length} results)`);
  }
}
process.exit(failed ? 1 : 0);
