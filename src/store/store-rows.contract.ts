// The store contract's part on reading every row back and keeping bad input out: exports, searches, NULs, the record column.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStore } from '../aggregate/check-store.js';
import { exportRows, PAGE, type ExportWhat } from '../aggregate/export-rows.js';
import { recordArticle } from '../aggregate/record-article.js';
import type { AnalysisRecord } from '../analyze/record.js';
import { openDb, openStore } from './open.js';
import type { ArticleWrite, Store } from './store.js';
import { makeRecord } from './test-records.js';

const TOPICS = ['grain corridor', 'arms embargo', 'naval patrol', 'peace mission', 'gas pipeline', 'trade deal', 'visa waiver', 'border fence', 'fishing quota', 'climate fund'];

/** Report i: on a proposal of its own for i < 10, a later report on the same for i ≥ 10 (unless `extra` says otherwise). */
const report = (i: number, extra: Partial<Parameters<typeof makeRecord>[0]> = {}): AnalysisRecord => makeRecord({
  date: `2025-06-${String(1 + (i % 28)).padStart(2, '0')}`,
  text: `Report ${i} ${'abcdefghij'.slice(0, 1 + (i % 10))}${i * 7919}: Norway backed the ${TOPICS[i % 10]}, and Jan Smit said it was wise, on day ${i}.`,
  actors: ['country:NOR', 'person:jan-smit=country:NLD', `org:council-${i}`],
  proposals: [{ key: TOPICS[i % 10].replace(' ', '-'), summary: TOPICS[i % 10] }],
  stances: [{ holder: 'country:NOR', stance: 'support' }, { holder: 'person:jan-smit', stance: i % 2 ? 'support' : 'oppose' }],
  quotes: [{ text: 'it was wise', speaker: 'person:jan-smit' }],
  ...extra,
});

/**
 * One article adding `n` of every kind of row at once (proposals with a position each, observations, quotes, actors): a
 * store larger than a page, written fast. Its id and text depend on `tag`.
 */
function wide(tag: string, n: number): ArticleWrite {
  const text = `Wide report ${tag}: ${'Ministers met and talked. '.repeat(8)}`;
  const record = makeRecord({ date: '2025-07-01', text, actors: [], proposals: [], stances: [] });
  record.article.id = `wide-${tag}`;
  const ids = Array.from({ length: n }, (_, i) => `${tag}-${String(i).padStart(5, '0')}`);
  return {
    record, contentHash: `hash-${tag}`, signature: '0'.repeat(512), bands: [`band-${tag}`], copyOf: null,
    proposals: ids.map((id) => ({ id: `P-${id}`, key: id, summary: `proposal ${id}`, proposer: null, body: null, firstSeen: '2025-07-01', lastSeen: '2025-07-01', terms: [id] })),
    mentions: ids.map((id) => ({ proposalId: `P-${id}`, articleId: record.article.id, localId: `${id}.0`, summary: `proposal ${id}`, text: 'Ministers', start: 0, end: 9 })),
    observations: ids.map((id, i) => ({
      proposalId: `P-${id}`, holder: `country:C${i}`, actor: `country:C${i}`, stance: 'support', condition: null, confidence: 0.5, date: '2025-07-01',
      articleId: record.article.id, evidence: 'Ministers met', evidenceStart: 0, evidenceEnd: 13, quote: null,
    })),
    actors: ids.map((id, i) => ({ key: `country:C${i}`, kind: 'country', name: `Country ${id}`, role: null, country: null, organization: null, represents: null, aliases: [`country ${id}`] })),
    quotes: ids.map((id) => ({ articleId: record.article.id, localId: id, kind: 'direct', text: `we agree (${id})`, speaker: null, start: 0, end: 9 })),
    decisions: [],
  };
}

/** What identifies an exported row of each kind. */
const keyOf: Record<ExportWhat, (r: Record<string, unknown>) => string> = {
  proposals: (r) => String(r.id),
  stances: (r) => String(r.id),
  observations: (r) => `${String(r.articleId)}|${String(r.proposalId)}|${String(r.holder)}|${String(r.evidenceStart)}`,
  quotes: (r) => `${String(r.articleId)}|${String(r.localId)}`,
  mentions: (r) => `${String(r.articleId)}|${String(r.proposalId)}|${String(r.start)}|${String(r.end)}`,
  actors: (r) => String(r.key),
  articles: (r) => String(r.id),
};

async function exported(store: Store, what: ExportWhat, pageSize?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const row of exportRows(store, what, { pageSize })) out.push(keyOf[what](row));
  return out;
}

/** The keys every kind should export, read without paging. */
async function everything(store: Store): Promise<Record<ExportWhat, string[]>> {
  const proposals = await store.proposals();
  const ids = proposals.map((p) => p.id);
  return {
    proposals: ids,
    stances: (await store.positions({ proposalIds: ids })).filter((p) => p.current).map((p) => String(p.id)),
    observations: (await store.observations({ proposalIds: ids })).map((o) => keyOf.observations({ ...o })),
    quotes: (await store.quotes()).map((q) => keyOf.quotes({ ...q })),
    mentions: (await store.mentions({})).map((m) => keyOf.mentions({ ...m })),
    actors: (await store.actors()).map((a) => a.key),
    articles: (await store.articles()).map((a) => a.id),
  };
}

const sorted = (list: string[]) => [...list].sort();

async function problems(store: Store, pageSize?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const line of checkStore(store, { pageSize })) out.push(line);
  return out;
}

export function storeRowsContract(name: string, location: () => Promise<string>): void {
  describe(`store contract: ${name}: every row out, bad input kept out`, () => {
    let store: Store;
    let where: string;
    beforeEach(async () => { where = await location(); store = await openStore(where); });
    afterEach(async () => { await store.close(); });

    it('exports every row of every kind exactly once, over pages smaller than the store', async () => {
      await store.batch(async () => { for (let i = 0; i < 7; i++) expect(await recordArticle(store, report(i))).toBe('new'); });
      const want = await everything(store);
      expect(want.proposals.length).toBe(7);
      for (const what of Object.keys(want) as ExportWhat[]) {
        expect(want[what].length, what).toBeGreaterThan(2);
        for (const size of [1, 2, 3, 1000]) {
          const got = await exported(store, what, size);
          expect(sorted(got), `${what}, pages of ${size}`).toEqual(sorted(want[what]));
        }
      }
    });

    it('exports every proposal once while another writer moves proposals in the order of last seen (keyset, not OFFSET)', async () => {
      await store.batch(async () => { for (let i = 0; i < 6; i++) expect(await recordArticle(store, report(i))).toBe('new'); });
      const before = sorted((await store.proposals()).map((p) => p.id));
      const got: string[] = [];
      let late = 100;
      for await (const row of exportRows(store, 'proposals', { pageSize: 2 })) {
        got.push(String(row.id));
        // After each page, a later report on one of the proposals read already: it becomes the most recently seen.
        if (got.length % 2 === 0) {
          const seen = (await store.proposal(String(row.id)))!;
          const again = report(late++, { date: '2025-12-31', proposals: [{ key: seen.key, summary: seen.summary }] });
          expect(await recordArticle(store, again)).toBe('new');
          expect((await store.proposal(seen.id))?.lastSeen).toBe('2025-12-31');
        }
      }
      expect(new Set(got).size).toBe(got.length);
      expect(sorted(got.filter((id) => before.includes(id)))).toEqual(before);
    });

    it('exports more rows than a page of the real size, with a writer between pages: each once', async () => {
      const n = PAGE + 17;
      await store.batch(async () => {
        expect(await store.writeArticle(wide('w', n))).toBe('new');
        for (let i = 0; i < n; i++) expect(await store.writeArticle({ ...wide(`a${i}`, 0) })).toBe('new');
      });
      for (const what of Object.keys(keyOf) as ExportWhat[]) {
        const want = await everything(store);
        expect(want[what].length, what).toBeGreaterThan(PAGE);
        const got: string[] = [];
        for await (const row of exportRows(store, what)) {
          got.push(keyOf[what](row));
          if (got.length === PAGE - 3 && what === 'proposals') {
            // A report on a proposal of the second page makes it the most recently seen.
            const late = wide('late', 0);
            late.proposals = [{ ...wide('w', n).proposals[n - 1], lastSeen: '2025-12-31' }];
            expect(await store.writeArticle(late)).toBe('new');
          }
        }
        expect(got.length, what).toBe(new Set(got).size);
        expect(sorted(got), what).toEqual(sorted(want[what]));
      }
    });

    it('exports 100,005 quotes: more than any default limit', async () => {
      expect(await store.writeArticle(wide('q', 1))).toBe('new');
      const db = await openDb(where);
      try {
        await db.run(`INSERT INTO quotes (article_id, local_id, kind, text, speaker, start_offset, end_offset)
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100005)
          SELECT 'wide-q', 'bulk-' || i, 'direct', 'words', NULL, 0, 5 FROM n`);
      } finally {
        await db.close();
      }
      let n = 0;
      for await (const row of exportRows(store, 'quotes')) if (row.articleId === 'wide-q') n++;
      expect(n).toBe(100_006);
      expect(await store.quotes()).toHaveLength(100_006);
    });

    it('finds the text searched for as it is: % and _ are no wildcards', async () => {
      const rate = report(21, {
        proposals: [{ key: 'tariff-50pct', summary: 'tariff of 50% on steel_imports' }],
        quotes: [{ text: 'it was wise', speaker: 'person:jan-smit' }],
      });
      rate.quotes[0].text = 'a 50% tariff_rate is wise \\ fair';
      await recordArticle(store, rate);
      await recordArticle(store, report(2));
      expect(await store.proposals()).toHaveLength(2);
      for (const q of ['%', '_', '50%', 'steel_imp']) expect((await store.proposals({ q })).map((p) => p.key), q).toEqual(['tariff-50pct']);
      for (const q of ['%%', 'tariff%steel', 'steel%', 'of_50', '\\']) expect(await store.proposals({ q }), q).toHaveLength(0);
      expect(await store.quotes({ q: '%' })).toHaveLength(1);
      expect(await store.quotes({ q: '_' })).toHaveLength(1);
      expect(await store.quotes({ q: '\\ f' })).toHaveLength(1);
      expect(await store.quotes({ q: 'w_se' })).toHaveLength(0);
      expect(await store.quotes({ q: '%wise' })).toHaveLength(0);
    });

    it('refuses a NUL character in any text of an article, naming the article, and stores nothing of it', async () => {
      await recordArticle(store, report(1));
      const before = await store.counts();
      const inText = report(2);
      inText.article.text = inText.article.text.replace('Norway', 'Nor\u0000way');
      await expect(recordArticle(store, inText)).rejects.toMatchObject({ name: 'StoreError', code: 'bad-input', message: expect.stringContaining(inText.article.id) });
      const inQuote = report(3);
      inQuote.quotes[0].text = 'it was\u0000wise';
      await expect(recordArticle(store, inQuote)).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/quotes\[0\]\.text.*NUL/) });
      const inTitle = report(4);
      inTitle.article.title = 'A\u0000title';
      await expect(store.batch(() => recordArticle(store, inTitle))).rejects.toMatchObject({ code: 'bad-input', message: expect.stringContaining('title') });
      expect(await store.counts()).toEqual(before);
      expect(await recordArticle(store, report(2))).toBe('new');
      const [p] = await store.positions({ proposalIds: [(await store.proposals())[0].id] });
      await expect(store.addCorrection({ stanceId: p.id, stance: 'oppose', note: 'a\u0000b', author: 'x' })).rejects.toMatchObject({ code: 'bad-input' });
      expect(await store.corrections({})).toEqual([]);
      // Reads: nothing stored holds a NUL, and PostgreSQL cannot take one; bad input on both drivers, said plainly.
      await expect(store.proposals({ q: 'grain\u0000' })).rejects.toMatchObject({ name: 'StoreError', code: 'bad-input' });
      await expect(store.findArticle('\u0000')).rejects.toMatchObject({ name: 'StoreError', code: 'bad-input' });
      await expect(store.quotes({ speaker: 'person:\u0000' })).rejects.toMatchObject({ name: 'StoreError', code: 'bad-input' });
    });

    it('keeps an article\'s text once: not in the stored record, which record() gives back whole; old rows read too', async () => {
      const r = report(1);
      r.article.title = 'Grain corridor';
      await recordArticle(store, r);
      const db = await openDb(where);
      try {
        const [row] = await db.all<{ record: string; text: string }>('SELECT record, text FROM articles WHERE id = ?', [r.article.id]);
        expect(row.text).toBe(r.article.text);
        expect(row.record).not.toContain('ab7919');
        expect(row.record.length).toBeLessThan(JSON.stringify(r).length - r.article.text.length + 10);
        expect(await store.record(r.article.id)).toEqual(r);
        expect(JSON.stringify(await store.record(r.article.id))).toBe(JSON.stringify(r)); // the text where it was
        // A row written before: the text inside the record too.
        await db.run('UPDATE articles SET record = ? WHERE id = ?', [JSON.stringify(r), r.article.id]);
      } finally {
        await db.close();
      }
      expect(await store.record(r.article.id)).toEqual(r);
    });

    it('checks the store: sound as written; each altered article, position and count reported on a line of its own', async () => {
      const reports = Array.from({ length: 12 }, (_, i) => report(i));
      await store.batch(async () => { for (const r of reports) expect(await recordArticle(store, r)).toBe('new'); });
      const copy = { ...reports[3], article: { ...reports[3].article, id: 'copy-of-3', text: reports[3].article.text.replace('wise,', 'wise;') } };
      expect(await recordArticle(store, copy)).toBe('copy');
      const [p] = await store.proposals({ q: 'naval patrol' });
      const [pos] = await store.positions({ proposalIds: [p.id] });
      await store.addCorrection({ stanceId: pos.id, stance: 'oppose', note: null, author: 'analyst@example.org' });
      expect(await problems(store)).toEqual([]);
      expect(await problems(store, 1)).toEqual([]);

      const [text, record, quote, mention, observation] = reports.map((r) => r.article.id);
      const db = await openDb(where);
      try {
        await db.run("UPDATE articles SET text = REPLACE(text, 'Norway', 'Norwey') WHERE id = ?", [text]);
        await db.run("UPDATE articles SET record = REPLACE(record, '\"stances\":[', '\"stances\":{') WHERE id = ?", [record]);
        await db.run("UPDATE quotes SET text = 'it was unwise' WHERE article_id = ?", [quote]);
        await db.run('UPDATE proposal_mentions SET start_offset = start_offset + 1 WHERE article_id = ?', [mention]);
        await db.run("UPDATE observations SET stance = 'undecided' WHERE article_id = ? AND holder = 'country:NOR'", [observation]);
        await db.run('UPDATE proposals SET articles = articles + 1 WHERE id = ?', [p.id]);
      } finally {
        await db.close();
      }
      const found = await problems(store, 5);
      const [nor] = await store.positions({ proposalIds: [(await store.proposals({ q: TOPICS[4] }))[0].id] });
      expect(found.map((l) => l.replace(/: .*/, '')).sort()).toEqual([
        `article ${mention}`, `article ${observation}`, `article ${quote}`, `article ${record}`, `article ${text}`,
        `position ${nor.id} (country:NOR on ${nor.proposalId})`, `proposal ${p.id}`,
      ].sort());
      expect(found).toEqual(expect.arrayContaining([
        `article ${text}: its text does not match its content hash: the text was altered`,
        expect.stringMatching(new RegExp(`^article ${record}: its record does not parse`)),
        expect.stringMatching(new RegExp(`^article ${quote}: its quote q1 differs from its record in text`)),
        expect.stringMatching(new RegExp(`^article ${mention}: its mention p1.0 differs from its record in start`)),
        expect.stringMatching(new RegExp(`^article ${observation}: its observation of country:NOR on \\S+ \\(evidence at 0\\) is not what its record says`)),
        expect.stringMatching(/^position .*: its kept stance differs from what its observations give: stance "support" kept, "undecided" worked out/),
        `proposal ${p.id}: counts 2 source article(s), its mentions name 1`,
      ]));
    });
  });
}
