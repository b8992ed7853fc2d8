// Ingest writes articles in groups, one SQLite transaction each: failures inside a group, a failed commit, a stalled input.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runIngest } from '../src/cli/ingest.js';
import { Progress } from '../src/cli/progress.js';
import { migrate, type Db } from '../src/store/db.js';
import { openDb, openStore } from '../src/store/open.js';
import { migrations } from '../src/store/schema.js';
import { SqlStore } from '../src/store/sql-store.js';
import type { ArticleWrite, Store } from '../src/store/store.js';
import { tempDir } from './cli.js';
import { syntheticArticle, syntheticJsonl } from './synthetic-news.js';

const t = tempDir('standpoint-groups-');
afterAll(() => t.remove());
let n = 0;
const fresh = () => `${t.dir}/store-${++n}.db`;

/** Runs ingest in this process, groups cut by size only (unless `ms` is given); returns the summary and what it printed. */
async function ingest(store: Store, paths: string[], group: { size: number; ms?: number }, stdin?: AsyncIterable<string>) {
  const printed: string[] = [];
  const stream = { write: (s: string) => { printed.push(s); return true; } } as unknown as NodeJS.WriteStream;
  const sum = await runIngest(store, paths, { progress: new Progress({ stream, enabled: false }), stdin }, { group: { ms: 60_000, ...group } });
  return { sum, printed: printed.join('') };
}

/** The store's article ids, read through a connection of its own (what is committed). */
function committed(file: string): string[] {
  const conn = new Database(file, { readonly: true });
  try { return (conn.prepare('SELECT id FROM articles ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id); } finally { conn.close(); }
}

/** The store, with the write of article `id` made to fail halfway (a mention of a proposal that does not exist). */
const failingWrite = (store: Store, id: string): Store => Object.assign(Object.create(store) as Store, {
  writeArticle: (w: ArticleWrite) => store.writeArticle(w.record.article.id !== id ? w : {
    ...w, mentions: [...w.mentions, { proposalId: 'no-such-proposal', articleId: id, localId: 'x', summary: 'x', text: 'x', start: 0, end: 1 }],
  }),
});

/** A SQLite store whose `nth` group is refused at COMMIT: a foreign key checked at commit is left broken in it. */
async function failingCommit(file: string, nth: number): Promise<Store> {
  const db = await openDb(file);
  await migrate(db, migrations(db.dialect));
  let groups = 0;
  const batch: Db['batch'] = (fn) => db.batch(async () => {
    const out = await fn();
    if (++groups === nth) {
      await db.run('PRAGMA defer_foreign_keys = ON');
      await db.run("INSERT INTO article_bands (band, article_id) VALUES ('band', 'no-such-article')");
    }
    return out;
  });
  return new SqlStore({ ...db, batch });
}

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => syntheticArticle(from + k).id);

describe('ingest in groups (SQLite)', () => {
  it('stores the rest of a group around a broken line and an article whose write fails, and counts right', async () => {
    const lines = syntheticJsonl(6, 200).trim().split('\n');
    const batch = t.put('mixed.jsonl', [lines[0], lines[1], '{"text": broken', ...lines.slice(2)].join('\n'));
    const file = fresh();
    const store = await openStore(file);
    const bad = syntheticArticle(203).id;
    try {
      const { sum, printed } = await ingest(failingWrite(store, bad), [batch], { size: 3 });
      expect(sum).toMatchObject({ new: 5, known: 0, copies: 0, failed: 2 });
      expect(printed).toContain(`${batch}:3`);
      expect(printed).toMatch(/:5: error: not stored: .*FOREIGN KEY/);
      expect(committed(file)).toEqual(ids(200, 206).filter((id) => id !== bad).sort());
      expect(await store.quotes({ articleId: bad })).toEqual([]);
      expect(await store.mentions({ articleId: bad })).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('reports every article of a group whose commit fails as not stored, keeps the other groups, and a re-run stores it', async () => {
    const batch = t.put('seven.jsonl', syntheticJsonl(7, 300));
    const file = fresh();
    const store = await failingCommit(file, 2);
    try {
      const { sum, printed } = await ingest(store, [batch], { size: 2 });
      expect(sum).toMatchObject({ new: 5, known: 0, failed: 2 });
      expect(printed.match(/error: not stored: its group's commit failed: FOREIGN KEY/g)).toHaveLength(2);
      expect(printed).toContain(`${batch}:3:`);
      expect(printed).toContain(`${batch}:4:`);
      expect(committed(file)).toEqual([...ids(300, 302), ...ids(304, 307)].sort());
    } finally {
      await store.close();
    }
    const again = await openStore(file);
    try {
      expect((await ingest(again, [batch], { size: 2 })).sum).toMatchObject({ new: 2, known: 5, failed: 0 });
      expect(committed(file)).toEqual(ids(300, 307).sort());
    } finally {
      await again.close();
    }
  });

  it('commits what a stalled input brought within the group time, before the input goes on', async () => {
    const lines = syntheticJsonl(3, 400).split('\n');
    let resume: () => void = () => undefined;
    const stalled = new Promise<void>((r) => { resume = r; });
    async function* stdin() { yield `${lines[0]}\n${lines[1]}\n`; await stalled; yield `${lines[2]}\n`; }
    const file = fresh();
    const store = await openStore(file);
    try {
      const running = ingest(store, ['-'], { size: 32, ms: 100 }, stdin());
      let seen: string[] = [];
      for (let tries = 0; tries < 200 && seen.length < 2; tries++) {
        await new Promise((r) => setTimeout(r, 25));
        seen = committed(file);
      }
      expect(seen).toEqual(ids(400, 402).sort());
      resume();
      expect((await running).sum).toMatchObject({ new: 3, failed: 0 });
      expect(committed(file)).toEqual(ids(400, 403).sort());
    } finally {
      resume();
      await store.close();
    }
  });
});
