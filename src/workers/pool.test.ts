import { afterEach, describe, expect, it } from 'vitest';
import type { KnownPerson } from '../analyze/knowledge.js';
import { AnalyzerPool } from './pool.js';

const article = (text: string) => ({ id: 'a1', text, date: '2025-03-01', title: null, url: null, source: null, file: null, language: 'en' });

describe('AnalyzerPool', () => {
  let pool: AnalyzerPool | null = null;
  afterEach(async () => { await pool?.close(); pool = null; });

  it('teaches a worker a whole store of people at once, then analyses with them', async () => {
    pool = new AnalyzerPool(1);
    // More people than one call's arguments can carry: a large store's knowledge, taught before the first article.
    const crowd: KnownPerson[] = Array.from({ length: 150_000 }, (_, i) => ({
      key: `person:p${i}`, name: `Person Number${i}`, role: null, country: null, organization: null, represents: null, aliases: [],
    }));
    crowd.push({ key: 'person:jan-smit', name: 'Jan Smit', role: 'foreign minister', country: 'NLD', organization: null, represents: 'country:NLD', aliases: ['Smit'] });
    expect(() => pool!.learn(crowd)).not.toThrow();
    const { record, lookups } = await pool.analyze(article('Smit said on Monday that the Netherlands would back the naval patrol.'));
    expect(lookups).toContain('smit');
    expect(record.actors.find((a) => a.key === 'person:jan-smit')?.represents).toBe('country:NLD');
  }, 30_000);
});
