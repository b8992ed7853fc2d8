// The contract every store implementation passes: the same suite runs on SQLite and on PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStore } from '../aggregate/check-store.js';
import { currentStance, positionsOf, proposalSummaries, roundConfidence } from '../aggregate/positions.js';
import { planArticle, recordArticle } from '../aggregate/record-article.js';
import type { AnalysisRecord } from '../analyze/record.js';
import { openStore } from './open.js';
import type { ObservationRow, Store } from './store.js';
import { makeRecord } from './test-records.js';
import { makeV2Store } from './test-v2-store.js';
import { groupBy } from './group-by.js';
import { storeRowsContract } from './store-rows.contract.js';
import { editsContract } from './store-edits.contract.js';
import { searchContract } from './search.contract.js';
import { watchRowsContract } from './watch-rows.contract.js';
import { decisionsContract } from './decisions.contract.js';

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

// A timeline for the current positions: several observations per holder, dated and undated, written out of date order,
// a copy that must add nothing, two observations on one key (one is stored), and a second proposal.
const GRAIN = { key: 'grain-corridor', summary: 'grain corridor through the Black Sea' };
const EMBARGO = { key: 'arms-embargo', summary: 'arms embargo on the junta' };
const actors = ['country:NOR', 'country:TUR', 'country:AUT', 'person:ana-soto=country:CHL'];
const padding = ' Officials met in Geneva for a second day of talks on shipping, insurance and the inspections at the ports.'.repeat(3);
const article = (date: string | null, text: string, stances: Parameters<typeof makeRecord>[0]['stances']) =>
  makeRecord({ date, text: text + padding, actors, proposals: [GRAIN, EMBARGO], stances });

const timeline: AnalysisRecord[] = [
  article('2025-03-10', 'Norway backed the grain corridor through the Black Sea. Later Norway voiced doubts. Turkey was undecided. Austria rejected the arms embargo on the junta.', [
    { holder: 'country:NOR', stance: 'support', confidence: 0.7, evidence: 'Norway backed' },
    { holder: 'country:NOR', stance: 'oppose', confidence: 0.6, evidence: 'Norway voiced doubts' },
    { holder: 'country:NOR', stance: 'undecided', confidence: 0.9, evidence: 'Norway backed' }, // same key as the first: not stored
    { holder: 'country:TUR', stance: 'undecided', confidence: 0.5, evidence: 'Turkey was undecided' },
    { holder: 'country:AUT', stance: 'oppose', confidence: 0.9, on: 'arms-embargo', evidence: 'Austria rejected' },
  ]),
  article('2025-03-02', 'A week earlier Norway had opposed the grain corridor through the Black Sea, Turkey supported it and Austria welcomed the arms embargo on the junta.', [
    { holder: 'country:NOR', stance: 'oppose', confidence: 0.9, evidence: 'Norway had opposed' },
    { holder: 'country:TUR', stance: 'support', confidence: 0.8, evidence: 'Turkey supported' },
    { holder: 'country:AUT', stance: 'support', confidence: 0.6, on: 'arms-embargo', evidence: 'Austria welcomed' },
  ]),
  article(null, 'Undated: Norway was weighing the grain corridor through the Black Sea while Turkey backed it and Chile, said Ana Soto, opposed the arms embargo on the junta.', [
    { holder: 'country:NOR', stance: 'undecided', confidence: 0.4, evidence: 'Norway was weighing' },
    { holder: 'country:TUR', stance: 'support', confidence: 0.7, evidence: 'Turkey backed' },
    { holder: 'person:ana-soto', stance: 'oppose', confidence: 0.75, on: 'arms-embargo', evidence: 'Chile, said Ana Soto, opposed' },
  ]),
  article('2025-03-20', 'Norway endorsed the grain corridor through the Black Sea. Austria opposed the arms embargo on the junta unless it was reviewed in six months.', [
    { holder: 'country:NOR', stance: 'support', confidence: 0.3, evidence: 'Norway endorsed' },
    { holder: 'country:AUT', stance: 'oppose', confidence: 0.5, on: 'arms-embargo', evidence: 'Austria opposed', condition: 'unless it was reviewed in six months' },
  ]),
  article('2025-03-02', 'On the same day Norway again opposed the grain corridor through the Black Sea, and Turkey, too, was undecided on it.', [
    { holder: 'country:NOR', stance: 'oppose', confidence: 0.9, evidence: 'Norway again opposed' },
    { holder: 'country:TUR', stance: 'undecided', confidence: 0.8, evidence: 'Turkey, too, was undecided', date: null },
  ]),
];
// A near-duplicate of the fourth article whose observations, if they counted, would turn Norway and Austria around.
const copyOfFourth = makeRecord({
  date: '2025-03-21', actors, proposals: [GRAIN, EMBARGO],
  text: `${timeline[3].article.text.replace('Norway endorsed', 'Norway  endorsed').replace(' months.', ' months!')}`,
  stances: [
    { holder: 'country:NOR', stance: 'oppose', confidence: 0.99, evidence: 'Norway  endorsed' },
    { holder: 'country:AUT', stance: 'support', confidence: 0.99, on: 'arms-embargo', evidence: 'Austria opposed' },
  ],
});
const lastArticle = article('2025-03-25', 'Norway and Turkey now both opposed the grain corridor through the Black Sea, and Austria still opposed the arms embargo on the junta.', [
  { holder: 'country:NOR', stance: 'oppose', confidence: 0.8, evidence: 'Norway and Turkey' },
  { holder: 'country:TUR', stance: 'oppose', confidence: 0.6, evidence: 'Turkey now' },
  { holder: 'country:AUT', stance: 'oppose', confidence: 0.7, on: 'arms-embargo', evidence: 'Austria still' },
]);

async function recordTimeline(store: Store): Promise<void> {
  for (const r of timeline.slice(0, 4)) expect(await recordArticle(store, r)).toBe('new');
  expect(await recordArticle(store, copyOfFourth)).toBe('copy');
  expect(await recordArticle(store, timeline[4])).toBe('new');
}

/** Positions and summaries worked out from the full history, as they were before positions were kept: the reference. */
async function expectKeptEqualsRecomputed(store: Store): Promise<void> {
  const proposals = await store.proposals();
  const ids = proposals.map((p) => p.id);
  const groups = groupBy(await store.observations({ proposalIds: ids }), (o) => `${o.proposalId}|${o.holder}`);
  const rows = await store.positions({ proposalIds: ids });
  expect(rows.filter((r) => r.current).map((r) => `${r.proposalId}|${r.holder}`).sort()).toEqual([...groups.keys()].sort());
  for (const r of rows) {
    const list = groups.get(`${r.proposalId}|${r.holder}`);
    if (!list) { expect(r.current).toBeNull(); continue; }
    for (const order of [list, [...list].reverse()]) {
      const want = currentStance(order);
      expect({ ...r.current!, confidence: roundConfidence(r.current!.confidence) }, `${r.holder} on ${r.proposalId}`).toEqual({
        stance: want.stance, confidence: want.confidence, date: want.latest.date, condition: want.latest.condition, observations: list.length,
        evidence: want.latest.evidence, quote: want.latest.quote, articleId: want.latest.articleId,
      });
    }
  }
  const copies = new Set((await store.articles()).filter((a) => a.copyOf).map((a) => a.id));
  for (const p of proposals) {
    const sources = new Set((await store.mentions({ proposalId: p.id })).map((m) => m.articleId).filter((a) => !copies.has(a)));
    expect(p.articles, `articles of ${p.summary}`).toBe(sources.size);
  }
  const problems: string[] = [];
  for await (const line of checkStore(store)) problems.push(line);
  expect(problems, 'standpoint check').toEqual([]);
}

/** A store's place: a fresh SQLite file, or a fresh PostgreSQL schema. */
export function storeContract(name: string, location: () => Promise<string>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let where: string;
    beforeEach(async () => { where = await location(); store = await openStore(where); });
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
      const { people } = await store.peopleSince(-1);
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

    it('numbers stances (STANCE_IDs) by the articles stored alone: a group that was undone leaves no gap', async () => {
      await expect(store.batch(async () => {
        expect(await recordArticle(store, day1)).toBe('new');
        throw new Error('the group is undone');
      })).rejects.toThrow('the group is undone');
      expect(await recordArticle(store, day1)).toBe('new');
      const clean = await openStore(await location());
      try {
        expect(await recordArticle(clean, day1)).toBe('new');
        const ids = async (s: Store) => (await s.positions({ proposalIds: (await s.proposals()).map((p) => p.id) })).map((p) => [p.id, p.holder]);
        expect(await ids(store)).toEqual(await ids(clean));
        expect((await ids(store)).map(([id]) => id)).toEqual([1, 2, 3]);
      } finally {
        await clean.close();
      }
    });

    it('in a batch, an article whose write fails is undone alone and the others are stored', async () => {
      const bad = (await planArticle(store, day9))!;
      bad.observations.push({ ...bad.observations[0], proposalId: 'no-such-proposal' });
      const statuses = await store.batch(async () => [
        await recordArticle(store, day1),
        await store.writeArticle(bad).then(() => 'stored', () => 'failed'),
        await recordArticle(store, timeline[0]),
      ]);
      expect(statuses).toEqual(['new', 'failed', 'new']);
      expect((await store.articles()).map((a) => a.id).sort()).toEqual([day1.article.id, timeline[0].article.id].sort());
      expect(await store.proposal(bad.proposals[0].id)).toBeNull();
      expect(await store.mentions({ articleId: day9.article.id })).toEqual([]);
      expect(await recordArticle(store, day9)).toBe('new');
    });

    it('in a batch, planning reads the writes before it: a proposal of the second article joins the one the first stored', async () => {
      await store.batch(async () => {
        expect(await recordArticle(store, day1)).toBe('new');
        const [stored] = await store.proposals();
        const second = (await planArticle(store, day9))!;
        expect(second.proposals.map((p) => p.id)).toEqual([stored.id]);
        expect(await store.writeArticle(second)).toBe('new');
      });
      const list = await proposalSummaries(store);
      expect(list.map((p) => [p.summary, p.articles])).toEqual([[list[0].summary, 2]]);
      await expectKeptEqualsRecomputed(store);
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

    it('keeps each position\'s current stance and each proposal\'s article count as articles are written, as the full history gives them', async () => {
      await recordTimeline(store);
      const list = await proposalSummaries(store);
      expect(list.map((p) => [p.summary, p.articles])).toEqual(expect.arrayContaining([[GRAIN.summary, 5], [EMBARGO.summary, 5]]));
      const grain = list.find((p) => p.summary === GRAIN.summary)!;
      const nor = grain.stances.find((s) => s.holder === 'country:NOR')!;
      // 0.7 and 0.3 support, 0.6, 0.9 and 0.9 oppose, 0.4 undecided (undated); the copy's 0.99 and the repeated key do not count.
      expect(nor).toMatchObject({ stance: 'support', observations: 6, date: '2025-03-20' });
      const aut = (await positionsOf(store, [list.find((p) => p.summary === EMBARGO.summary)!.id])).find((s) => s.holder === 'country:AUT')!;
      expect(aut).toMatchObject({ stance: 'oppose', observations: 3, date: '2025-03-20', condition: 'unless it was reviewed in six months' });
      expect((await store.observations({ proposalIds: [grain.id] })).some((o) => o.date === null)).toBe(true);
      await expectKeptEqualsRecomputed(store);
      expect(await recordArticle(store, lastArticle)).toBe('new');
      await expectKeptEqualsRecomputed(store);
      expect((await positionsOf(store, [grain.id])).find((s) => s.holder === 'country:NOR')).toMatchObject({ stance: 'oppose', observations: 7 });
    });

    it('migrates a store of migrations 1–2 with data: the same positions and summaries, and writes go on from them', async () => {
      await recordTimeline(store);
      const [p] = await store.proposals({ q: 'grain' });
      const tur = (await positionsOf(store, [p.id])).find((s) => s.holder === 'country:TUR')!;
      await store.addCorrection({ stanceId: tur.id, stance: 'oppose', note: null, author: 'analyst@example.org' });
      const all = async (s: Store) => {
        const list = await proposalSummaries(s);
        return { list, positions: await positionsOf(s, list.map((x) => x.id)) };
      };
      const target = await location();
      await makeV2Store(where, target);
      const migrated = await openStore(target);
      try {
        const want = await all(store);
        expect(want.positions.map((s) => s.holder).sort()).toEqual(['country:AUT', 'country:CHL', 'country:NOR', 'country:TUR']);
        expect(await all(migrated)).toEqual(want);
        await expectKeptEqualsRecomputed(migrated);
        expect(await recordArticle(migrated, lastArticle)).toBe('new');
        expect(await recordArticle(store, lastArticle)).toBe('new');
        expect(await all(migrated)).toEqual(await all(store));
      } finally {
        await migrated.close();
      }
    });
  });
  storeRowsContract(name, location);
  editsContract(name, location);
  searchContract(name, location);
  watchRowsContract(name, location);
  decisionsContract(name, location);
}
