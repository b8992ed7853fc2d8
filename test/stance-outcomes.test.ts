// Tests of the calibration table's matching of stances to gold (scripts/stance-outcomes.mjs), on an invented record:
// what it counts right, wrong or neither, and that it counts as the official scorer does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// A plain ES module of the scripts folder (no types; test/ is not type-checked).
import { holderKey, proposalKeys, stanceOutcomes } from '../scripts/stance-outcomes.mjs';
import { ROOT } from './cli.js';

const TEXT = 'Norway rejected the proposed arms embargo. Austria welcomed the embargo. Jo Smith backed a fishing levy, and Peru a border tax.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const stance = (holder: string, proposal: string, label: string, confidence: number) =>
  ({ holder, proposal, stance: label, condition: null, confidence, date: null, evidence: at('Norway'), quote: null });

const RECORD = {
  article: { text: TEXT, file: 'invented.txt' },
  actors: [
    { id: 'a1', key: 'country:NOR', kind: 'country', name: 'Norway', mentions: [at('Norway')] },
    { id: 'a2', key: 'country:AUT', kind: 'country', name: 'Austria', mentions: [at('Austria')] },
    { id: 'a3', key: 'person:jo-smith', kind: 'person', name: 'Jo Smith', represents: 'country:IRL', mentions: [at('Jo Smith')] },
    { id: 'a4', key: 'country:PER', kind: 'country', name: 'Peru', mentions: [at('Peru')] },
  ],
  proposals: [
    // Overlaps "arms embargo" by 12 characters and "proposed arms" by 13: the larger overlap wins.
    { id: 'p1', summary: 'arms embargo', mentions: [at('proposed arms embargo')] },
    { id: 'p2', summary: 'fishing levy', mentions: [at('fishing levy')] },
    { id: 'p3', summary: 'border tax', mentions: [at('border tax')] },
    { id: 'p4', summary: 'nothing gold', mentions: [at('rejected')] },
  ],
  stances: [
    stance('a1', 'p1', 'oppose', 0.9), // right
    stance('a1', 'p1', 'oppose', 0.7), // right again: the scorer counts the triple once
    stance('a2', 'p1', 'oppose', 0.6), // wrong label
    stance('a3', 'p2', 'support', 0.8), // right: Jo Smith speaks for Ireland
    stance('a4', 'p2', 'support', 0.5), // optional stance: neither
    stance('a4', 'p3', 'oppose', 0.5), // on an optional proposal: neither
    stance('a1', 'p4', 'oppose', 0.4), // on no gold proposal: wrong
  ],
};
const GOLD = {
  proposals: [
    { key: 'arms-embargo', anchors: ['arms embargo', 'embargo'] },
    { key: 'arms-proposal', anchors: ['proposed arms'] },
    { key: 'fishing-levy', anchors: ['fishing levy'] },
    { key: 'border-tax', anchors: ['border tax'], optional: true },
  ],
  stances: [
    { holder: 'country:NOR', proposal: 'arms-embargo', stance: 'oppose' },
    { holder: 'country:AUT', proposal: 'arms-embargo', stance: 'support' },
    { holder: 'country:IRL', proposal: 'fishing-levy', stance: 'support' },
    { holder: 'country:PER', proposal: 'fishing-levy', stance: 'support', optional: true },
    { holder: 'country:PER', proposal: 'border-tax', stance: 'oppose' },
  ],
};

describe('stance outcomes', () => {
  it('matches each proposal to the gold key its mentions overlap most, and holders to whom they speak for', () => {
    const keys = proposalKeys(RECORD, GOLD);
    expect(Object.fromEntries(keys)).toEqual({ p1: 'arms-proposal', p2: 'fishing-levy', p3: 'border-tax' });
    expect(holderKey(RECORD.actors[2])).toBe('country:IRL');
    expect(holderKey({ kind: 'person', key: 'person:x', country: 'CHL' })).toBe('country:CHL');
    expect(holderKey(undefined)).toBeNull();
  });

  it('counts right, wrong and neither as the scorer does, each stance listed', () => {
    // p1 stands for arms-proposal (the larger overlap), so Norway's opposition counts for a key with no gold stance.
    const gold = { ...GOLD, proposals: GOLD.proposals.filter((p) => p.key !== 'arms-proposal') };
    const outcomes = stanceOutcomes(RECORD, gold).map((o: { outcome: string }) => o.outcome);
    expect(outcomes).toEqual(['right', 'right', 'wrong', 'right', 'neither', 'neither', 'wrong']);
    expect(stanceOutcomes(RECORD, GOLD)[0]).toMatchObject({ outcome: 'wrong', triple: 'country:NOR|arms-proposal|oppose' });
    expect(stanceOutcomes(RECORD, { quotes: [] })).toBeNull();
  });

  const scorer = path.resolve(ROOT, '../shared/eval/score.mjs');
  it.skipIf(!fs.existsSync(scorer))('agrees with the official scorer\'s true and false positives', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-outcomes-'));
    try {
      const gold = { ...GOLD, proposals: GOLD.proposals.filter((p) => p.key !== 'arms-proposal') };
      fs.mkdirSync(path.join(dir, 'gold'));
      fs.mkdirSync(path.join(dir, 'pred'));
      fs.writeFileSync(path.join(dir, 'gold', 'invented.gold.json'), JSON.stringify(gold));
      fs.writeFileSync(path.join(dir, 'pred', 'invented.json'), JSON.stringify(RECORD));
      const run = spawnSync(process.execPath, [scorer, '--gold', path.join(dir, 'gold'), '--pred', path.join(dir, 'pred'), '--json'], { encoding: 'utf8' });
      const { tp, fp } = JSON.parse(run.stdout).layers.stances;
      const outcomes: { outcome: string; triple: string }[] = stanceOutcomes(RECORD, gold);
      const distinct = (outcome: string) => new Set(outcomes.filter((o) => o.outcome === outcome).map((o) => o.triple)).size;
      expect([tp, fp]).toEqual([distinct('right'), distinct('wrong')]);
      expect([tp, fp]).toEqual([2, 2]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!fs.existsSync(scorer))('prints the reliability table of the analyser on the project\'s gold set, its counts the scorer\'s', () => {
    const run = spawnSync(process.execPath, ['scripts/calibration.mjs', 'test/gold'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/confidence +n +mean +accuracy\n(\d\.\d-\d\.\d +\d+ +0\.\d{3} +[01]\.\d{3}\n)+expected calibration error 0\.\d{3}/);
    expect(run.stdout).toContain('the scorer agrees');
  }, 120_000);
});
