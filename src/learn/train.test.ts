// Tests of the training of the learned decisions on an invented labelled set: folds by story, determinism, and that
// the models learn what the labels say.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabelled, storyOf, type LabelledArticle } from './corpus.js';
import { trainPhrases } from './train-phrases.js';
import { trainStances } from './train-stances.js';

const COUNTRIES = ['Norway', 'Austria', 'Ireland', 'Portugal', 'Chile', 'Peru', 'Kenya', 'Ghana'];
const ISO: Record<string, string> = { Norway: 'NOR', Austria: 'AUT', Ireland: 'IRL', Portugal: 'PRT', Chile: 'CHL', Peru: 'PER', Kenya: 'KEN', Ghana: 'GHA' };
const THINGS = [['fishing levy', 'levy'], ['border tax', 'tax'], ['shipping tariff', 'tariff']];

let dir: string;
let items: LabelledArticle[];

/** Invented articles: one proposal each, put forward by one country, rejected by one and welcomed by another. */
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-train-'));
  THINGS.forEach(([name, head], story) => {
    for (let n = 0; n < 2; n++) {
      const [a, b, c] = [COUNTRIES[(story * 3 + n) % 8], COUNTRIES[(story * 3 + n + 1) % 8], COUNTRIES[(story * 3 + n + 2) % 8]];
      const text = ` date 2019-0${n + 1}-10 ${a} proposed a ${name} on Monday. ${b} rejected the ${head}, and ${c} welcomed the ${head}. The weather was mild.`;
      const file = `S${story}-article-${n}`;
      fs.writeFileSync(path.join(dir, `${file}.txt`), text);
      fs.writeFileSync(path.join(dir, `${file}.gold.json`), JSON.stringify({
        proposals: [{ key: head, anchors: [name, head] }],
        stances: [
          { holder: `country:${ISO[a]}`, proposal: head, stance: 'support' },
          { holder: `country:${ISO[b]}`, proposal: head, stance: 'oppose' },
          { holder: `country:${ISO[c]}`, proposal: head, stance: 'support' },
        ],
      }));
    }
  });
  items = await readLabelled([dir]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function train() {
  const phrases = trainPhrases(items, () => true, 1, () => {});
  return trainStances({ sets: [dir], items, phraseFolds: phrases.folds, shipped: () => true, seed: 1, epochs: 5, scorer: null, log: () => {} });
}

describe('training the decisions', () => {
  it('reads each labelled article once, its story from the file name', () => {
    expect(items).toHaveLength(6);
    expect(storyOf('S1-article-0')).toBe('S1');
    expect(new Set(items.map((i) => i.story)).size).toBe(3);
  });

  it('trains one fold per story and learns that a rejection is opposition', () => {
    const report = train();
    expect(report.folds).toBe(3);
    expect(report.examples.stances).toBeGreaterThanOrEqual(18);
    const w = report.stance.weights['hv:rejected'];
    expect(w).toBeDefined();
    const [, support, oppose] = w;
    expect(oppose).toBeGreaterThan(support);
    expect(report.stance.about.trainedOn).toEqual([path.basename(dir)]);
  });

  it('--check writes nothing and fails naming each shipped file that differs from what it trains', () => {
    const shipped = ['src/analyze/phrases/phrase-model.json', 'src/analyze/decide/stance-model.json', 'src/analyze/decide/proposal-model.json', 'src/analyze/decide/calibration.json'];
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const before = shipped.map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
    // Trained on the invented set alone, every model differs from the shipped one.
    const run = spawnSync(process.execPath, [path.join(root, 'dist/learn/train.js'), '--sets', dir, '--check'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    for (const f of shipped) expect(run.stderr).toContain(`train --check: ${f} differs`);
    expect(shipped.map((f) => fs.readFileSync(path.join(root, f), 'utf8'))).toEqual(before);
  }, 120_000);

  it('gives the same models on every run', () => {
    const a = train();
    const b = train();
    expect(JSON.stringify(a.stance)).toBe(JSON.stringify(b.stance));
    expect(JSON.stringify(a.proposal)).toBe(JSON.stringify(b.proposal));
  });
});
