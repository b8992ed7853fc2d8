import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { planArticle, recordArticle } from '../../aggregate/record-article.js';
import { openStore } from '../open.js';
import { storeContract } from '../store.contract.js';
import { makeRecord } from '../test-records.js';

// The real server (CI starts it); each test gets its own schema, dropped at the end.
const BASE = process.env.STANDPOINT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: BASE, connectionTimeoutMillis: 3000 });
const reachable = await admin.connect().then(() => true, (err: Error) => {
  console.warn(`PostgreSQL tests skipped: cannot reach ${BASE} (${err.message}); set STANDPOINT_TEST_PG or start the server`);
  return false;
});
const schemas: string[] = [];

afterAll(async () => {
  if (!reachable) return;
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
});

/** A store URL on a schema of its own. */
async function freshSchema(): Promise<string> {
  const schema = `sp_test_${process.pid}_${schemas.length}`;
  schemas.push(schema);
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  return `${BASE}${BASE.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** An article on the grain corridor whose text shares only one sentence with the others (so it is no near-duplicate). */
const report = (i: number) => makeRecord({
  date: `2025-04-${String(1 + (i % 28)).padStart(2, '0')}`,
  text: `${createHash('sha256').update(String(i)).digest('hex').match(/.{6}/g)!.join(' ')}. Norway backed the grain corridor through the Black Sea and Turkey was undecided.`,
  actors: ['country:NOR', 'country:TUR'],
  proposals: [{ key: 'grain-corridor', summary: 'grain corridor through the Black Sea' }],
  stances: [{ holder: 'country:NOR', stance: i % 3 ? 'support' : 'oppose', confidence: 0.5 + (i % 5) / 10 }, { holder: 'country:TUR', stance: 'undecided' }],
});

if (reachable) {
  storeContract('postgres', freshSchema);

  describe('postgres: several writers', () => {
    it('loses no observation when writers without the writer lock fold into the same positions at once', async () => {
      const where = await freshSchema();
      const [a, b] = [await openStore(where), await openStore(where)];
      try {
        expect(await recordArticle(a, report(0))).toBe('new');
        // Planned against the same store, so that all name the stored proposal, then written at once on two pools; without the
        // upserts of the proposal's and the actors' rows (known already), whose locks would queue the writers before the positions.
        const writes = await Promise.all(Array.from({ length: 40 }, (_, i) => planArticle(a, report(i + 1))));
        const statuses = await Promise.all(writes.map((w, i) => (i % 2 ? a : b).writeArticle({ ...w!, proposals: [], actors: [] })));
        expect(statuses.filter((s) => s === 'new')).toHaveLength(40);
        const [p] = await a.proposals();
        expect(p.articles).toBe(41);
        const obs = await a.observations({ proposalIds: [p.id] });
        const rows = await a.positions({ proposalIds: [p.id] });
        expect(rows.map((r) => [r.holder, r.current?.observations])).toEqual([['country:NOR', 41], ['country:TUR', 41]]);
        expect(obs).toHaveLength(82);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('a batch holds the writer lock until it commits: another writer waits, then plans from the whole group', async () => {
      const where = await freshSchema();
      const [a, b] = [await openStore(where), await openStore(where)];
      try {
        const order: string[] = [];
        let other: Promise<unknown> = Promise.resolve();
        await a.batch(async () => {
          expect(await recordArticle(a, report(0))).toBe('new');
          other = b.exclusive(async () => { order.push('other writer'); return recordArticle(b, report(1)); });
          await new Promise((r) => setTimeout(r, 300)); // time enough for b to take the lock, were it free
          expect(await recordArticle(a, report(2))).toBe('new');
          order.push('group done');
        });
        expect(await other).toBe('new');
        expect(order).toEqual(['group done', 'other writer']);
        const [p] = await b.proposals();
        expect(p.articles).toBe(3); // b's article joined the proposal the group stored
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('a batch whose transaction PostgreSQL aborted outside a savepoint stores nothing and says so', async () => {
      const where = await freshSchema();
      const store = await openStore(where);
      try {
        await expect(store.batch(async () => {
          expect(await recordArticle(store, report(0))).toBe('new');
          await store.proposals({ q: 'grain' });
          await (store as unknown as { db: { run(sql: string): Promise<number> } }).db.run('SELECT no_such_column FROM articles').catch(() => undefined);
        })).rejects.toThrow(/rolled back/);
        expect(await store.articles()).toEqual([]);
        expect(await recordArticle(store, report(0))).toBe('new');
      } finally {
        await store.close();
      }
    });
  });
} else {
  describe.skip('store contract: postgres (server not reachable)', () => { it('skipped', () => undefined); });
}
