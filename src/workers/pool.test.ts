import { afterEach, describe, expect, it } from 'vitest';
import type { KnownPerson } from '../analyze/knowledge.js';
import fs from 'node:fs';
import { ANALYSER_OLD_GENERATION_MB, ANALYSER_YOUNG_GENERATION_MB, AnalyzerPool } from './pool.js';

const article = (text: string) => ({ id: 'a1', text, date: '2025-03-01', title: null, url: null, source: null, file: null, language: 'en' });

const smit: KnownPerson = { key: 'person:jan-smit', name: 'Jan Smit', role: 'foreign minister', country: 'NLD', organization: null, represents: 'country:NLD', aliases: ['Smit'] };
const SMIT_SAID = 'Smit said on Monday that the Netherlands would back the naval patrol.';
/** n people nobody names, numbered from `from`. */
const crowd = (from: number, n: number): KnownPerson[] => Array.from({ length: n }, (_, i) => ({
  key: `person:p${from + i}`, name: `Person Number${from + i}`, role: null, country: null, organization: null, represents: null, aliases: [],
}));
/** What each result says Jan Smit represents (null: he was not known). */
const smitRepresents = (results: { record: { actors: { key: string; represents: string | null }[] } }[]) =>
  results.map((r) => r.record.actors.find((a) => a.key === 'person:jan-smit')?.represents ?? null);

describe('AnalyzerPool', () => {
  let pool: AnalyzerPool | null = null;
  afterEach(async () => { await pool?.close(); pool = null; });

  it('teaches a worker a whole store of people at once, then analyses with them', async () => {
    pool = new AnalyzerPool(1);
    // More people than one call's arguments can carry: a large store's knowledge, taught before the first article.
    const store = [...crowd(0, 150_000), smit];
    expect(() => pool!.learn(store)).not.toThrow();
    const { record, lookups } = await pool.analyze(article(SMIT_SAID));
    expect(lookups).toContain('smit');
    expect(record.actors.find((a) => a.key === 'person:jan-smit')?.represents).toBe('country:NLD');
  }, 30_000);
  it('gives a record as the JSON text JSON.stringify makes of it, with the warnings', async () => {
    pool = new AnalyzerPool(2);
    const texts = ['Chile proposed a regional water fund on Monday. Peru said it would back the fund.', 'Bolivia rejected the plan.', ''];
    const asJson = await Promise.all(texts.map((t) => pool!.analyzeJson(article(t))));
    const asRecords = await Promise.all(texts.map((t) => pool!.analyze(article(t))));
    expect(asJson.map((j) => j.json)).toEqual(asRecords.map((r) => JSON.stringify(r.record)));
    expect(asJson.map((j) => j.warnings)).toEqual(asRecords.map((r) => r.warnings));
    expect(JSON.parse(asJson[0].json).proposals.length).toBeGreaterThan(0);
  }, 30_000);

  it('sends no article to a worker that died, and fails what is left when none is alive', async () => {
    pool = new AnalyzerPool(2);
    const workers = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots.map((s) => s.worker);
    await workers[0].terminate();
    await new Promise((r) => setTimeout(r, 50)); // the exit event
    const results = await Promise.all(['Chile backed the fund.', 'Peru rejected the plan.', 'Bolivia said it would wait.'].map((t) => pool!.analyze(article(t))));
    expect(results.map((r) => r.record.actors.length > 0)).toEqual([true, true, true]);
    await workers[1].terminate();
    await new Promise((r) => setTimeout(r, 50));
    await expect(pool.analyze(article('Ecuador abstained.'))).rejects.toThrow(/no analyser worker left/);
  }, 30_000);

  it('tags each result with the knowledge its worker had when the article was sent, which for one kept waiting is the later', async () => {
    pool = new AnalyzerPool(1);
    pool.learn([], 1);
    // One worker takes two articles at a time: the first two are sent now, the other two wait in the pool…
    const asked = [1, 2, 3, 4].map(() => pool!.analyze(article(SMIT_SAID)));
    pool.learn([smit], 2); // …and are sent after this, with Smit
    const results = await Promise.all(asked);
    expect(results.map((r) => r.knowledge)).toEqual([1, 1, 2, 2]);
    expect(smitRepresents(results)).toEqual([null, null, 'country:NLD', 'country:NLD']);
  }, 30_000);

  it('analyses an article asked for with knownNow with what was taught by then, even if a worker takes it later', async () => {
    pool = new AnalyzerPool(1);
    pool.learn([], 1);
    // Two are sent at once, two wait in the pool and are sent only after Smit is taught, then one more is asked for.
    const asked = [1, 2, 3, 4].map(() => pool!.analyze(article(SMIT_SAID), { knownNow: true }));
    pool.learn([smit], 2);
    asked.push(pool.analyze(article(SMIT_SAID), { knownNow: true }));
    const results = await Promise.all(asked);
    expect(results.map((r) => r.knowledge)).toEqual([1, 1, 1, 1, 2]);
    expect(smitRepresents(results)).toEqual([null, null, null, null, 'country:NLD']);
  }, 30_000);

  it('lets go of what every worker has been sent, and still teaches a worker what it has not', async () => {
    pool = new AnalyzerPool(2);
    pool.learn(crowd(0, 5000));
    await Promise.all([pool.analyze(article(SMIT_SAID)), pool.analyze(article(SMIT_SAID))]); // one to each worker: both sent all
    const held = () => (pool as unknown as { taught: KnownPerson[] }).taught.length;
    expect(held()).toBe(0);
    pool.learn([...crowd(5000, 10), smit]);
    const results = await Promise.all([pool.analyze(article(SMIT_SAID)), pool.analyze(article(SMIT_SAID))]);
    expect(smitRepresents(results)).toEqual(['country:NLD', 'country:NLD']);
  }, 30_000);

  it('runs each analyser thread with a bounded young generation and old-generation limit (V8 then leaves less room past what is alive)', async () => {
    pool = new AnalyzerPool(2);
    await pool.analyze(article(SMIT_SAID));
    const limits = (pool as unknown as { slots: { worker: { resourceLimits?: { maxYoungGenerationSizeMb?: number; maxOldGenerationSizeMb?: number } } }[] }).slots.map((s) => s.worker.resourceLimits);
    expect(limits).toHaveLength(2);
    for (const l of limits) {
      expect(l?.maxYoungGenerationSizeMb).toBe(ANALYSER_YOUNG_GENERATION_MB);
      expect(l?.maxOldGenerationSizeMb).toBe(ANALYSER_OLD_GENERATION_MB);
    }
  }, 30_000);

  it('gives the analyser the same young generation in a worker as the executable gives its own thread', () => {
    const first = fs.readFileSync(new URL('../cli/main.ts', import.meta.url), 'utf8').split('\n', 1)[0];
    const semi = Number(/--max-semi-space-size=(\d+)/.exec(first)?.[1]);
    expect(first.startsWith('#!/usr/bin/env -S node ')).toBe(true);
    expect(3 * semi).toBe(ANALYSER_YOUNG_GENERATION_MB); // V8: young generation = three semi-spaces
  });
});
