// The evaluation ratchet: the analyser's F1 on ../shared/eval must not drop below eval-floor.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

const evaluator = path.resolve(ROOT, '../shared/eval/evaluate.mjs');
const present = fs.existsSync(evaluator);
if (!present) console.warn(`eval floor test SKIPPED: ${evaluator} not found (../shared/eval is not beside the project)`);

describe('evaluation floors', () => {
  it.skipIf(!present)('every layer scores at least its floor in eval-floor.json', () => {
    const run = spawnSync(process.execPath, ['scripts/eval-check.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) console.error(run.stdout + run.stderr);
    expect(run.stdout).toContain('all layers at or above their floors');
    expect(run.status).toBe(0);
  }, 600_000);

  it.skipIf(!present)('fails below a floor, and --update raises floors without lowering any', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-floor-'));
    const floors = path.join(dir, 'floors.json');
    const check = (...args: string[]) => spawnSync(process.execPath, ['scripts/eval-check.mjs', '--floors', floors, ...args], { cwd: ROOT, encoding: 'utf8' });
    try {
      fs.writeFileSync(floors, JSON.stringify({ '../shared/eval/dev': { quotes: 1.5, 'no-such-layer': 0 } }));
      const below = check();
      expect(below.stdout).toMatch(/quotes +1\.500 +\d\.\d{3} +BELOW FLOOR/);
      expect(below.stdout).toMatch(/no-such-layer .* MISSING/);
      expect(below.status).toBe(1);
      fs.writeFileSync(floors, JSON.stringify({ '../shared/eval/dev': { quotes: 0, people: 1.5 } }));
      check('--update');
      const raised = JSON.parse(fs.readFileSync(floors, 'utf8'))['../shared/eval/dev'];
      expect(raised.people).toBe(1.5);
      expect(raised.quotes).toBeGreaterThanOrEqual(0);
      expect(Math.round(raised.quotes * 100)).toBeCloseTo(raised.quotes * 100, 6);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
