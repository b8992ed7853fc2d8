// The store contract's part on what a proposal's page reads: reported votes (decisions) kept at write time, read back as
// the records give them (copies included), filled in for a store made before they were kept and checked by `standpoint
// check`; a proposal's newest observations and its chart points (copies left out).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStore } from '../aggregate/check-store.js';
import { decisionsOf, type StoredDecision } from '../aggregate/decisions.js';
import { recordArticle } from '../aggregate/record-article.js';
import type { AnalysisRecord } from '../analyze/record.js';
import { openDb, openStore } from './open.js';
import type { Store } from './store.js';
import { makeRecord, type DecisionSpec } from './test-records.js';
import { makeV2Store } from './test-v2-store.js';

const TRUCE = { key: 'strait-truce-resolution', summary: 'truce resolution for the strait', body: 'org:UN' };
const FUND = { key: 'reef-recovery-fund', summary: 'reef recovery fund' };
const actors = ['country:FRA', 'country:GBR', 'country:CHN', 'org:UN'];
const padding = ' Delegates then turned to the budget of the mission and the schedule of the next sessions of the council.'.repeat(2);

const vote = (date: string | null, text: string, decision: DecisionSpec | undefined, extra: { title?: string; fund?: DecisionSpec & { mentions?: number } } = {}): AnalysisRecord => {
  const { mentions, ...fund } = extra.fund ?? {};
  const r = makeRecord({
    date, text: text + padding, actors,
    proposals: [{ ...TRUCE, decision }, ...(extra.fund ? [{ ...FUND, decision: fund, mentions }] : [])],
    stances: [{ holder: 'country:FRA', stance: 'support', evidence: 'France' }],
  });
  r.article.title = extra.title ?? null;
  return r;
};

const adopted = vote('2025-04-01', 'The council adopted the truce resolution for the strait by 13 votes to 0, with Britain and China abstaining; France voted for it.', {
  outcome: 'adopted', for: 13, against: 0, abstain: 2, abstaining: ['country:GBR', 'country:CHN'],
  inferred: [{ holder: 'country:USA', name: 'United States', stance: 'support' }], evidence: 'The council adopted the truce resolution for the strait by 13 votes to 0',
}, { title: 'Council adopts truce' });
const failed = vote('2025-04-09', 'A second truce resolution for the strait failed when China voted against it; France voted for the text. The reef recovery fund passed unanimously.', {
  outcome: 'rejected', against: 1, evidence: 'A second truce resolution for the strait failed when China voted against it',
}, { fund: { unanimous: true, evidence: 'The reef recovery fund passed unanimously' } });
const undated = vote(null, 'Undated: the truce resolution for the strait was approved without a vote, France said, and the reef recovery fund was adopted too.', {
  outcome: 'adopted', unanimous: true, evidence: 'the truce resolution for the strait was approved without a vote',
}, { fund: { evidence: 'the reef recovery fund was adopted too', mentions: 0 } });
const none = vote('2025-04-05', 'France pressed for the truce resolution for the strait ahead of a vote that has not been called.', undefined);
/** A near-duplicate of `adopted`: kept as a copy, and (as before decisions were kept) its vote is read too. */
const copy: AnalysisRecord = { ...adopted, article: { ...adopted.article, id: 'copy-of-adopted', text: adopted.article.text.replace('abstaining;', 'abstaining,') } };

/** The decisions as read before they were kept: from the record of every article that mentions the proposal. */
async function fromRecords(store: Store, proposalId: string): Promise<StoredDecision[]> {
  const local = new Map<string, Set<string>>();
  for (const m of await store.mentions({ proposalId })) local.set(m.articleId, (local.get(m.articleId) ?? new Set()).add(m.localId.split('.')[0]));
  const out: StoredDecision[] = [];
  for (const [articleId, ids] of local) {
    const record = (await store.record(articleId))!;
    for (const p of record.proposals) {
      if (!ids.has(p.id) || !p.decision) continue;
      const { evidence, ...rest } = p.decision;
      out.push({ ...rest, articleId, title: record.article.title, evidence: record.article.text.slice(evidence.start, evidence.end) });
    }
  }
  return out.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.articleId.localeCompare(b.articleId));
}

async function problems(store: Store): Promise<string[]> {
  const out: string[] = [];
  for await (const line of checkStore(store)) out.push(line);
  return out;
}

export function decisionsContract(name: string, location: () => Promise<string>): void {
  describe(`store contract, reported votes kept at write time: ${name}`, () => {
    let where: string;
    let store: Store;
    let truce: string;
    let fund: string;

    beforeEach(async () => {
      where = await location();
      store = await openStore(where);
      for (const r of [adopted, none, failed, undated]) expect(await recordArticle(store, r)).toBe('new');
      expect(await recordArticle(store, copy)).toBe('copy');
      const list = await store.proposals();
      expect(list).toHaveLength(2);
      truce = list.find((p) => p.key === TRUCE.key)!.id;
      fund = list.find((p) => p.key === FUND.key)!.id;
    });
    afterEach(async () => { await store.close(); });

    it('reads each proposal\'s votes back, latest first, undated last, copies included, without reading a record', async () => {
      const decided = await decisionsOf(store, truce);
      expect(decided.map((d) => [d.date, d.outcome, d.articleId])).toEqual([
        ['2025-04-09', 'rejected', failed.article.id],
        ...[adopted.article.id, copy.article.id].sort().map((id) => ['2025-04-01', 'adopted', id]),
        [null, 'adopted', undated.article.id],
      ]);
      expect(decided.find((d) => d.articleId === adopted.article.id)).toEqual({
        outcome: 'adopted', date: '2025-04-01', for: 13, against: 0, abstain: 2, unanimous: false,
        inferred: [{ holder: 'country:USA', name: 'United States', stance: 'support' }], abstaining: ['country:GBR', 'country:CHN'],
        articleId: adopted.article.id, title: 'Council adopts truce', evidence: 'The council adopted the truce resolution for the strait by 13 votes to 0',
      });
      expect(decided).toEqual(await fromRecords(store, truce));
      // The fund's vote in the undated article names no mention of it: it is found through none, then and now.
      expect((await decisionsOf(store, fund)).map((d) => [d.unanimous, d.articleId])).toEqual([[true, failed.article.id]]);
      expect(await decisionsOf(store, fund)).toEqual(await fromRecords(store, fund));
      expect(await decisionsOf(store, 'P-none')).toEqual([]);
      const rows = await store.decisions({ proposalIds: [truce, fund] });
      expect(rows).toHaveLength(5);
      expect(rows.find((d) => d.articleId === failed.article.id && d.proposalId === fund)).toMatchObject({ localId: 'p2', ordinal: 1, evidenceStart: failed.article.text.indexOf('The reef') });
    });

    it('reads a proposal\'s newest observations (undated last) and how they fall by holder, date and stance, copies left out', async () => {
      const all = await store.numberedObservations({ proposalIds: [truce] });
      expect(all.map((o) => o.articleId).sort()).toEqual([adopted, none, failed, undated].map((r) => r.article.id).sort()); // not the copy's
      const newest = await store.newestObservations(truce, 3);
      expect(newest.map((o) => o.date)).toEqual(['2025-04-09', '2025-04-05', '2025-04-01']);
      expect(newest[0]).toEqual(all.find((o) => o.articleId === failed.article.id));
      expect((await store.newestObservations(truce, 10)).map((o) => o.date)).toEqual(['2025-04-09', '2025-04-05', '2025-04-01', null]);
      expect(await store.newestObservations('P-none', 10)).toEqual([]);
      const points = await store.observationPoints(truce);
      expect(points.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))).toEqual([null, '2025-04-01', '2025-04-05', '2025-04-09']
        .map((date) => ({ holder: 'country:FRA', date, stance: 'support', observations: 1 })));
      // A second observation on the same day and stance counts on the same point.
      expect(await recordArticle(store, vote('2025-04-09', 'Later on the day France again voted for the truce resolution for the strait in a procedural vote.', undefined))).toBe('new');
      expect((await store.observationPoints(truce)).find((p) => p.date === '2025-04-09')?.observations).toBe(2);
    });

    it('fills the votes in for a store made before they were kept, as the records give them', async () => {
      const target = await location();
      await makeV2Store(where, target);
      const migrated = await openStore(target);
      try {
        for (const id of [truce, fund]) expect(await decisionsOf(migrated, id)).toEqual(await decisionsOf(store, id));
        expect(await problems(migrated)).toEqual([]);
      } finally {
        await migrated.close();
      }
    });

    it('checks the kept votes against the records: a changed or missing row is reported', async () => {
      expect(await problems(store)).toEqual([]);
      const db = await openDb(where);
      try {
        await db.run('UPDATE decisions SET votes_for = 12 WHERE article_id = ?', [adopted.article.id]);
        await db.run('DELETE FROM decisions WHERE article_id = ? AND local_id = ?', [failed.article.id, 'p2']);
      } finally {
        await db.close();
      }
      expect((await problems(store)).sort()).toEqual([
        `article ${adopted.article.id}: its decision p1 differs from its record in for (12, record 13)`,
        `article ${failed.article.id}: its record's decision p2 has no row`,
      ].sort());
    });
  });
}
