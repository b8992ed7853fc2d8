import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { recordArticle } from '../../aggregate/record-article.js';
import { migrate, type Db, type Param } from '../db.js';
import { openDb } from '../open.js';
import { migrations } from '../schema.js';
import { SqlStore } from '../sql-store.js';
import { storeContract } from '../store.contract.js';
import { makeRecord } from '../test-records.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-sqlite-'));
let n = 0;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite', async () => path.join(dir, `store-${++n}.db`));

const report = (i: number) => makeRecord({
  date: '2025-05-02', text: `Report ${i}: Norway backed the grain corridor through the Black Sea on day ${i} of the talks, in ${'x'.repeat(i)}.`,
  actors: ['country:NOR'], proposals: [{ key: 'grain-corridor', summary: 'grain corridor through the Black Sea' }], stances: [{ holder: 'country:NOR', stance: 'support' }],
});

async function open() {
  const file = path.join(dir, `batch-${++n}.db`);
  const db = await openDb(file);
  await migrate(db, migrations(db.dialect));
  const articles = () => {
    const reader = new Database(file, { readonly: true });
    try { return (reader.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n; } finally { reader.close(); }
  };
  return { db, store: new SqlStore(db), articles };
}

/** Runs a test on a freshly opened, migrated store, closed afterwards whatever happens. */
async function withOpen(test: (opened: Awaited<ReturnType<typeof open>>) => Promise<void>): Promise<void> {
  const opened = await open();
  try {
    await test(opened);
  } finally {
    await opened.store.close();
  }
}

describe('sqlite: query plans', () => {
  it('plans and writes an article without reading any whole table (each read and update is answered by an index)', async () => {
    await withOpen(async ({ db }) => {
      const seen = new Map<string, Param[]>();
      const recording = (inner: Db): Db => ({
        ...inner,
        all: (sql, params = []) => { seen.set(sql, params); return inner.all(sql, params); },
        run: (sql, params = []) => { seen.set(sql, params); return inner.run(sql, params); },
        transaction: (fn) => inner.transaction((tx) => fn(recording(tx))),
      });
      const store = new SqlStore(recording(db));
      for (let i = 1; i <= 12; i++) expect(await recordArticle(store, report(i))).toMatch(/^(new|copy)$/);
      const plans = await Promise.all([...seen].filter(([sql]) => /^\s*(SELECT|UPDATE|DELETE)/i.test(sql))
        .map(async ([sql, params]) => ({ sql, plan: (await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r) => r.detail).join(' | ') })));
      expect(plans.length).toBeGreaterThan(5);
      expect(plans.filter((p) => /\bSCAN (?!.*\bUSING\b)/.test(p.plan))).toEqual([]);
    });
  });
});

describe('sqlite: batch', () => {
  it('commits the articles of a batch together: another connection sees none of them before the end, all after', async () => {
    await withOpen(async ({ store, articles }) => {
    await store.batch(async () => {
      for (let i = 1; i <= 3; i++) expect(await recordArticle(store, report(i))).toBe('new');
      expect(articles()).toBe(0);
    });
    expect(articles()).toBe(3);
    });
  });

  it('stores nothing of a batch whose COMMIT fails, and writes on after it', async () => {
    await withOpen(async ({ db, store, articles }) => {
    const failed = store.batch(async () => {
      await recordArticle(store, report(1));
      // A foreign key checked only at COMMIT, left broken: SQLite refuses the commit.
      await db.run('PRAGMA defer_foreign_keys = ON');
      await db.run("INSERT INTO article_bands (band, article_id) VALUES ('band', 'no-such-article')");
    });
    await expect(failed).rejects.toThrow(/FOREIGN KEY/);
    expect(articles()).toBe(0);
    expect(await store.counts()).toMatchObject({ articles: 0, proposals: 0, observations: 0 });
    expect(await recordArticle(store, report(1))).toBe('new');
    expect(articles()).toBe(1);
    });
  });

  it('fails the writes after, and the batch, once SQLite has rolled the whole group back', async () => {
    await withOpen(async ({ db, store, articles }) => {
    const seen: string[] = [];
    const failed = store.batch(async () => {
      seen.push(await recordArticle(store, report(1)));
      await db.run('ROLLBACK'); // as SQLite does itself on a full disk or an I/O error
      seen.push(await recordArticle(store, report(2)).catch((err: Error) => err.message));
    });
    await expect(failed).rejects.toThrow(/rolled back/);
    expect(seen).toEqual(['new', expect.stringMatching(/rolled back/)]);
    expect(articles()).toBe(0);
    });
  });
});
