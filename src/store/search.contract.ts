// The store contract's part on full-text search: the same hits, marks and filters on SQLite (FTS5) and PostgreSQL (tsvector).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { positionsOf } from '../aggregate/positions.js';
import { recordArticle } from '../aggregate/record-article.js';
import type { AnalysisRecord } from '../analyze/record.js';
import { openDb, openStore } from './open.js';
import { marked } from './search-query.js';
import type { SearchResult, Store } from './store.js';
import { makeRecord } from './test-records.js';
import { makeV2Store } from './test-v2-store.js';

const titled = (r: AnalysisRecord, title: string | null, source: string | null): AnalysisRecord => ({ ...r, article: { ...r.article, title, source } });

const patrol = titled(makeRecord({
  date: '2025-02-03',
  text: 'Denmark proposed joint naval patrols in the Baltic on Monday. Norway said it backed the patrol, while Jan Smit of the Dutch government said "the patrols are premature and costly".',
  actors: ['country:DNK', 'country:NOR', 'person:jan-smit=country:NLD'],
  proposals: [{ key: 'baltic-naval-patrol', summary: 'joint naval patrol in the Baltic', proposer: 'country:DNK', body: 'org:NATO' }],
  stances: [{ holder: 'country:DNK', stance: 'support' }, { holder: 'country:NOR', stance: 'support', evidence: 'Norway said it backed' },
    { holder: 'person:jan-smit', stance: 'oppose', evidence: 'the patrols are premature' }],
  quotes: [{ text: 'the patrols are premature and costly', speaker: 'person:jan-smit' }],
}), 'Denmark floats Baltic sea patrols', 'Nordic Wire');

const grain = titled(makeRecord({
  date: '2025-03-10',
  text: 'Turkey opposed the grain corridor through the Black Sea on Tuesday, and Austria said "the corridor must wait for inspections", officials said.',
  actors: ['country:TUR', 'person:eva-gruber=country:AUT'],
  proposals: [{ key: 'grain-corridor', summary: 'grain corridor through the Black Sea', body: 'org:UNSC' }],
  stances: [{ holder: 'country:TUR', stance: 'oppose', evidence: 'Turkey opposed' }, { holder: 'person:eva-gruber', stance: 'undecided', evidence: 'the corridor must wait' }],
  quotes: [{ text: 'the corridor must wait for inspections', speaker: 'person:eva-gruber' }],
}), null, 'Harbour Post');

const ids = (r: SearchResult) => ({
  proposals: r.proposals.map((h) => h.proposal.summary), quotes: r.quotes.map((h) => h.quote.text), articles: r.articles.map((h) => h.article.id),
});
const none = { proposals: [], quotes: [], articles: [] };

export function searchContract(name: string, location: () => Promise<string>): void {
  describe(`store contract: search (${name})`, () => {
    let store: Store;
    let where: string;
    beforeEach(async () => {
      where = await location();
      store = await openStore(where);
      for (const r of [patrol, grain]) expect(await recordArticle(store, r)).toBe('new');
    });
    afterEach(async () => { await store.close(); });

    it('finds proposals, quotes and articles by their words (plural or singular), the matched words marked', async () => {
      const r = await store.search({ q: 'Patrols' });
      expect(ids(r)).toEqual({ proposals: ['joint naval patrol in the Baltic'], quotes: ['the patrols are premature and costly'], articles: [patrol.article.id] });
      expect(marked(r.proposals[0].summary)).toBe('joint naval «patrol» in the Baltic');
      expect(marked(r.quotes[0].text)).toBe('the «patrols» are premature and costly');
      expect(r.quotes[0]).toMatchObject({ quote: { speaker: 'person:jan-smit' }, article: { id: patrol.article.id, source: 'Nordic Wire', date: '2025-02-03' } });
      const [a] = r.articles;
      expect(marked(a.title!)).toBe('Denmark floats Baltic sea «patrols»');
      expect(a.snippet.matches.length).toBeGreaterThan(0);
      for (const m of a.snippet.matches) expect(a.snippet.text.slice(m.start, m.end).toLowerCase()).toMatch(/^patrol/);
      expect(patrol.article.text).toContain(a.snippet.text.replace(/^…|…$/g, '').trim().slice(0, 30));
      expect(r.more).toEqual({ proposals: false, quotes: false, articles: false });
    });

    it('reads phrases, OR and exclusions the same way on both engines, and takes any punctuation as text', async () => {
      expect(ids(await store.search({ q: '"grain corridor"' })).proposals).toEqual(['grain corridor through the Black Sea']);
      expect(ids(await store.search({ q: '"corridor grain"' })).proposals).toEqual([]);
      expect(ids(await store.search({ q: 'corridor OR patrol' })).proposals.sort()).toEqual(['grain corridor through the Black Sea', 'joint naval patrol in the Baltic']);
      expect(ids(await store.search({ q: 'sea -grain' })).articles).toEqual([patrol.article.id]);
      expect(ids(await store.search({ q: 'naval) AND (patrol* "' })).proposals).toEqual(['joint naval patrol in the Baltic']);
      expect(ids(await store.search({ q: 'the Baltic' })).proposals).toEqual(['joint naval patrol in the Baltic']);
    });

    it('says nothing matched with empty lists, and refuses a search with no word to find', async () => {
      expect(ids(await store.search({ q: 'submarine' }))).toEqual(none);
      await expect(store.search({ q: '  the -patrol ' })).rejects.toMatchObject({ code: 'bad-input' });
      await expect(store.search({ q: '()' })).rejects.toMatchObject({ code: 'bad-input' });
    });

    it('filters by actor (a holder or speaker: its proposals, its people\'s quotes, the articles reporting it) and by body', async () => {
      expect(ids(await store.search({ q: 'patrol OR corridor', actor: 'country:NLD' }))).toEqual({
        proposals: ['joint naval patrol in the Baltic'], quotes: ['the patrols are premature and costly'], articles: [patrol.article.id],
      });
      expect(ids(await store.search({ q: 'patrol OR corridor', actor: 'person:eva-gruber' }))).toEqual({
        proposals: ['grain corridor through the Black Sea'], quotes: ['the corridor must wait for inspections'], articles: [grain.article.id],
      });
      expect(ids(await store.search({ q: 'patrol', actor: 'country:TUR' }))).toEqual(none);
      expect(ids(await store.search({ q: 'patrol OR corridor', body: 'org:UNSC' }))).toEqual({
        proposals: ['grain corridor through the Black Sea'], quotes: ['the corridor must wait for inspections'], articles: [grain.article.id],
      });
    });

    it('filters by stance, an analyst\'s correction over the machine\'s, and by date range and source', async () => {
      const both = 'patrol OR corridor';
      expect(ids(await store.search({ q: both, stance: 'oppose' })).proposals.sort()).toEqual(['grain corridor through the Black Sea', 'joint naval patrol in the Baltic']);
      expect(ids(await store.search({ q: both, stance: 'oppose', actor: 'country:TUR' })).proposals).toEqual(['grain corridor through the Black Sea']);
      expect(ids(await store.search({ q: both, stance: 'undecided' })).quotes).toEqual(['the corridor must wait for inspections']);
      const [p] = (await store.search({ q: 'patrol' })).proposals;
      const nor = (await positionsOf(store, [p.proposal.id])).find((s) => s.holder === 'country:NOR')!;
      expect(ids(await store.search({ q: 'patrol', actor: 'country:NOR', stance: 'oppose' })).proposals).toEqual([]);
      await store.addCorrection({ stanceId: nor.id, stance: 'oppose', note: null, author: 'analyst@example.org' });
      expect(ids(await store.search({ q: 'patrol', actor: 'country:NOR', stance: 'oppose' })).proposals).toEqual(['joint naval patrol in the Baltic']);
      expect(ids(await store.search({ q: 'patrol', actor: 'country:NOR', stance: 'support' })).proposals).toEqual([]);

      expect(ids(await store.search({ q: both, since: '2025-03-01' }))).toEqual({
        proposals: ['grain corridor through the Black Sea'], quotes: ['the corridor must wait for inspections'], articles: [grain.article.id],
      });
      expect(ids(await store.search({ q: both, until: '2025-02-03' })).articles).toEqual([patrol.article.id]);
      expect(ids(await store.search({ q: both, since: '2025-02-04', until: '2025-03-09' }))).toEqual(none);
      expect(ids(await store.search({ q: both, source: 'harbour post' }))).toEqual({
        proposals: ['grain corridor through the Black Sea'], quotes: ['the corridor must wait for inspections'], articles: [grain.article.id],
      });
      expect(ids(await store.search({ q: both, source: 'Harbour' }))).toEqual(none);
    });

    it('ranks and limits: at most `limit` hits of a kind, and says there were more', async () => {
      const r = await store.search({ q: 'patrol OR corridor', limit: 1 });
      expect([r.proposals.length, r.quotes.length, r.articles.length]).toEqual([1, 1, 1]);
      expect(r.more).toEqual({ proposals: true, quotes: true, articles: true });
    });

    it('keeps the index with the rows: a proposal renamed is found by its new name only', async () => {
      const [p] = (await store.search({ q: 'patrol' })).proposals;
      const db = await openDb(where);
      try {
        await db.run('UPDATE proposals SET summary = ? WHERE id = ?', ['Baltic maritime surveillance mission', p.proposal.id]);
      } finally {
        await db.close();
      }
      expect(ids(await store.search({ q: 'surveillance' })).proposals).toEqual(['Baltic maritime surveillance mission']);
      expect(ids(await store.search({ q: 'joint' })).proposals).toEqual([]);
    });

    it('indexes the articles and proposals of a store made before search existed, when it is opened', async () => {
      const target = await location();
      await makeV2Store(where, target);
      const migrated = await openStore(target);
      try {
        expect(ids(await migrated.search({ q: 'corridor' }))).toMatchObject({ proposals: ['grain corridor through the Black Sea'], articles: [grain.article.id] });
        expect(ids(await migrated.search({ q: 'Denmark floats' })).articles).toEqual([patrol.article.id]);
      } finally {
        await migrated.close();
      }
    });
  });
}
