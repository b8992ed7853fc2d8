// The contract every store implementation passes: the same suite runs on SQLite and on PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { positionsOf, proposalSummaries } from '../aggregate/positions.js';
import { planArticle, recordArticle } from '../aggregate/record-article.js';
import type { Store } from './store.js';
import { makeRecord } from './test-records.js';

const PATROL = { key: 'naval-patrol-baltic', summary: 'joint naval patrol in the Baltic', proposer: 'country:DNK', body: 'org:NATO' };

const day1 = makeRecord({
  date: '2025-02-03',
  text: 'Denmark proposed a joint naval patrol in the Baltic on Monday. Norway said it backed the patrol, while Jan Smit of the Dutch government said it was premature.',
  actors: ['country:DNK', 'country:NOR', 'person:jan-smit=country:NLD'],
  proposals: [PATROL],
  stances: [{ holder: 'country:DNK', stance: 'support' }, { holder: 'country:NOR', stance: 'support' }, { holder: 'person:jan-smit', stance: 'oppose' }],
  quotes: [{ text: 'it was premature', speaker: 'person:jan-smit' }],
});

const day9 = makeRecord({
  date: '2025-02-11',
  text: 'A week later the Netherlands dropped its objection to the Baltic naval patrol that Denmark had put forward, and Sweden asked for details of the joint patrol.',
  actors: ['country:NLD', 'country:DNK', 'country:SWE'],
  proposals: [{ key: 'baltic-naval-patrol', summary: 'naval patrol in the Baltic', proposer: 'country:DNK' }],
  stances: [{ holder: 'country:NLD', stance: 'support' }, { holder: 'country:SWE', stance: 'undecided' }],
});

export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => { store = await open(); });
    afterEach(async () => { await store.close(); });

    it('stores an article once: the same content again changes nothing', async () => {
      expect(await recordArticle(store, day1)).toBe('new');
      const before = await store.counts();
      expect(await recordArticle(store, day1)).toBe('known');
      const reworded = { ...day1, article: { ...day1.article, id: 'other-id', text: day1.article.text.replace(/ +/g, '  ') } };
      expect(await recordArticle(store, reworded)).toBe('known');
      expect(await store.counts()).toEqual(before);
      expect(before).toMatchObject({ articles: 1, proposals: 1, observations: 3 });
    });

    it('records a near-duplicate as a copy that is not counted as a second source', async () => {
      const long = `${day1.article.text} ${'The ministers will meet again in Copenhagen next month to review the plan and its costs. '.repeat(3)}`;
      const original = { ...day1, article: { ...day1.article, id: 'orig', text: long } };
      const copy = { ...day1, article: { ...day1.article, id: 'copy', text: long.replace('on Monday', 'on Monday morning') } };
      expect(await recordArticle(store, original)).toBe('new');
      expect(await recordArticle(store, copy)).toBe('copy');
      const [p] = await proposalSummaries(store);
      expect(p.articles).toBe(1);
      expect((await store.articles()).find((a) => a.id === 'copy')?.copyOf).toBe('orig');
      expect(p.stances.find((s) => s.holder === 'country:NOR')?.observations).toBe(1);
    });

    it('gathers one proposal across articles and keeps a dated timeline per holder', async () => {
      await recordArticle(store, day1);
      await recordArticle(store, day9);
      const list = await proposalSummaries(store);
      expect(list).toHaveLength(1);
      const p = list[0];
      expect(p).toMatchObject({ proposer: 'country:DNK', body: 'org:NATO', articles: 2, firstSeen: '2025-02-03', lastSeen: '2025-02-11' });
      const nld = p.stances.find((s) => s.holder === 'country:NLD')!;
      expect(nld.stance).toBe('support'); // changed position: the later observation wins
      expect(nld.observations).toBe(2);
      const history = await store.observations({ proposalIds: [p.id], holder: 'country:NLD' });
      expect(history.map((o) => [o.date, o.stance, o.actor])).toEqual([['2025-02-03', 'oppose', 'person:jan-smit'], ['2025-02-11', 'support', 'country:NLD']]);
      expect(p.stances.map((s) => s.holder).sort()).toEqual(['country:DNK', 'country:NLD', 'country:NOR', 'country:SWE']);
    });

    it('learns people with aliases and roles for the next analysis', async () => {
      await recordArticle(store, day1);
      const people = await store.people();
      const smit = people.find((p) => p.key === 'person:jan-smit');
      expect(smit).toMatchObject({ name: 'Jan Smit', represents: 'country:NLD', country: 'NLD' });
      expect(smit?.aliases).toContain('smit');
      expect(await store.roles('person:jan-smit')).toEqual([{ role: 'minister', represents: 'country:NLD', date: '2025-02-03', articleId: day1.article.id }]);
      expect((await store.actor('country:NOR'))?.kind).toBe('country');
    });

    it('lets an analyst correct a stance; the machine label is kept and the correction survives re-ingest', async () => {
      await recordArticle(store, day1);
      const [p] = await proposalSummaries(store);
      const nor = p.stances.find((s) => s.holder === 'country:NOR')!;
      const c = await store.addCorrection({ stanceId: nor.id, stance: 'undecided', note: 'said backing depends on costs', author: 'analyst@example.org' });
      expect(c).toMatchObject({ stanceId: nor.id, proposalId: p.id, holder: 'country:NOR', stance: 'undecided', author: 'analyst@example.org' });
      await recordArticle(store, day1);
      await recordArticle(store, day9);
      const after = (await positionsOf(store, [p.id])).find((s) => s.holder === 'country:NOR')!;
      expect(after).toMatchObject({ id: nor.id, stance: 'undecided', machineStance: 'support', corrected: true });
      expect((await store.corrections({ proposalIds: [p.id] })).length).toBe(1);
      await expect(store.addCorrection({ stanceId: 999999, stance: 'oppose', note: null, author: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    });

    it('writes each article in one transaction: a failed write leaves nothing behind', async () => {
      await recordArticle(store, day1);
      const before = await store.counts();
      const write = (await planArticle(store, day9))!;
      write.observations.push({ ...write.observations[0], proposalId: 'no-such-proposal' });
      await expect(store.writeArticle(write)).rejects.toThrow();
      expect(await store.counts()).toEqual(before);
      expect(await recordArticle(store, day9)).toBe('new');
    });

    it('finds proposals by text and pages them', async () => {
      await recordArticle(store, day1);
      expect(await store.proposals({ q: 'baltic' })).toHaveLength(1);
      expect(await store.proposals({ q: 'embargo' })).toHaveLength(0);
      expect(await store.proposals({ limit: 1, offset: 1 })).toHaveLength(0);
      expect((await store.quotes({ speaker: 'person:jan-smit' }))[0]?.text).toBe('it was premature');
      const rec = await store.record(day1.article.id);
      expect(rec?.article.text).toBe(day1.article.text);
    });

    it('filters proposals by body and proposer, reads articles by id and where proposals are mentioned (for the API)', async () => {
      await recordArticle(store, day1);
      await recordArticle(store, day9);
      expect(await store.proposals({ body: 'org:NATO' })).toHaveLength(1);
      expect(await store.proposals({ body: 'org:EU' })).toHaveLength(0);
      expect(await store.proposals({ proposer: 'country:DNK', q: 'patrol' })).toHaveLength(1);
      expect(await store.proposals({ proposer: 'country:NOR' })).toHaveLength(0);
      expect((await store.articlesByIds([day1.article.id, 'missing'])).map((a) => a.id)).toEqual([day1.article.id]);
      const [p] = await store.proposals();
      const mentions = await store.mentions({ proposalId: p.id });
      expect(mentions.map((m) => m.articleId)).toEqual([day9.article.id, day1.article.id]); // newest article first
      expect((await store.mentions({ articleId: day1.article.id })).every((m) => m.proposalId === p.id && m.text.length > 0)).toBe(true);
      expect(await store.mentions({ proposalId: p.id, limit: 1 })).toHaveLength(1);
    });
  });
}
