#!/usr/bin/env node
// The evaluation ratchet: scores the analyser on ../shared/eval and fails when a layer's F1 drops below its floor.
//
//   node scripts/eval-check.mjs [--update] [--floors FILE]
//
// For each folder named in eval-floor.json it runs `node ../shared/eval/evaluate.mjs --json DIR`
// (which uses the built node_modules/.bin/standpoint) and compares each layer's F1 with its floor.
// Exits 1 when a layer is below its floor or the evaluation fails, 0 otherwise (and when
// ../shared/eval is missing, with a message). --update raises floors to the current scores
// (rounded down to 0.01); it never lowers one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const update = args.includes('--update');
const floorsAt = args.indexOf('--floors');
const floorsFile = path.resolve(floorsAt >= 0 ? args[floorsAt + 1] : 'eval-floor.json');
const evaluator = path.resolve('../shared/eval/evaluate.mjs');
const EPSILON = 1e-9;

if (!fs.existsSync(evaluator)) {
  console.log(`eval-check: SKIPPED: ${evaluator} not found (the shared evaluation sets live in ../shared/eval beside the project)`);
  process.exit(0);
}
if (!fs.existsSync('node_modules/.bin/standpoint')) {
  console.error('eval-check: node_modules/.bin/standpoint is missing: run `npm run build` first');
  process.exit(1);
}

const floors = JSON.parse(fs.readFileSync(floorsFile, 'utf8'));
const dirs = Object.keys(floors).filter((k) => !k.startsWith('_'));
const rows = [['set', 'layer', 'floor', 'f1', '']];
let failed = false;

for (const dir of dirs) {
  if (!fs.existsSync(dir)) {
    console.error(`eval-check: ${dir} not found`);
    failed = true;
    continue;
  }
  const run = spawnSync(process.execPath, [evaluator, '--json', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  let report;
  try {
    report = JSON.parse(run.stdout); // one JSON object per folder
  } catch {
    console.error(`eval-check: evaluating ${dir} failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    failed = true;
    continue;
  }
  const layers = report.layers ?? {};
  for (const [layer, floor] of Object.entries(floors[dir])) {
    const f1 = layers[layer]?.f1;
    let status = 'ok';
    if (typeof f1 !== 'number') status = 'MISSING';
    else if (f1 < floor - EPSILON) status = 'BELOW FLOOR';
    else if (f1 >= floor + 0.01) status = `ok (floor could rise to ${Math.floor(f1 * 100) / 100})`;
    if (status === 'MISSING' || status === 'BELOW FLOOR') failed = true;
    rows.push([path.basename(dir), layer, floor.toFixed(3), typeof f1 === 'number' ? f1.toFixed(3) : '-', status]);
    if (update && typeof f1 === 'number') floors[dir][layer] = Math.max(floor, Math.floor(f1 * 100 + EPSILON) / 100);
  }
  for (const layer of Object.keys(layers)) {
    if (!(layer in floors[dir])) rows.push([path.basename(dir), layer, '-', layers[layer].f1.toFixed(3), 'no floor']);
  }
}

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
if (update) {
  fs.writeFileSync(floorsFile, `${JSON.stringify(floors, null, 2)}\n`);
  console.log(`eval-check: floors in ${path.relative('.', floorsFile)} raised to the current scores where higher`);
}
console.log(failed ? 'eval-check: FAILED: a layer is below its floor (see above)' : 'eval-check: all layers at or above their floors');
process.exit(failed ? 1 : 0);
