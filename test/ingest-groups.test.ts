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

/**
 * A SQLite store whose groups are refused at COMMIT when `refuse(n, ids)` says so (n counts groups from 1; ids are the
 * articles written in it): a foreign key checked at commit is left broken in it.
 */
async function failingCommit(file: string, refuse: (n: number, ids: string[]) => boolean): Promise<Store> {
  const db = await openDb(file);
  await migrate(db, migrations(db.dialect));
  let groups = 0;
  let written: string[] = [];
  let open = false;
  const batch: Db['batch'] = (fn) => (open ? db.batch(fn) : db.batch(async () => {
    open = true;
    written = [];
    try {
      const out = await fn();
      if (refuse(++groups, written)) {
        await db.run('PRAGMA defer_foreign_keys = ON');
        await db.run("INSERT INTO article_bands (band, article_id) VALUES ('band', 'no-such-article')");
      }
      return out;
    } finally {
      open = false;
    }
  }));
  const store = new SqlStore({ ...db, batch });
  const write = store.writeArticle.bind(store);
  return Object.assign(store, { writeArticle: (w: ArticleWrite) => { written.push(w.record.article.id); return write(w); } });
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

  it('writes a group whose commit fails again article by article: nothing lost, and nothing stored reported as not stored', async () => {
    const batch = t.put('seven.jsonl', syntheticJsonl(7, 300));
    const file = fresh();
    const store = await failingCommit(file, (n) => n === 2);
    try {
      const { sum, printed } = await ingest(store, [batch], { size: 2 });
      expect(sum).toMatchObject({ new: 7, known: 0, failed: 0 });
      expect(printed).toMatch(/warning: a group of 2 inputs was not stored \(FOREIGN KEY.*\); writing them one by one/);
      expect(printed).not.toContain('not stored:');
      expect(committed(file)).toEqual(ids(300, 307).sort());
    } finally {
      await store.close();
    }
  });

  it('reports as not stored only the article whose commit fails alone too; a re-run stores it', async () => {
    const batch = t.put('seven-again.jsonl', syntheticJsonl(7, 300));
    const bad = syntheticArticle(303).id;
    const file = fresh();
    const store = await failingCommit(file, (_, written) => written.includes(bad));
    try {
      const { sum, printed } = await ingest(store, [batch], { size: 2 });
      expect(sum).toMatchObject({ new: 6, known: 0, failed: 1 });
      expect(printed.match(/error: not stored:/g)).toHaveLength(1);
      expect(printed).toMatch(new RegExp(`${batch}:4: error: not stored: .*FOREIGN KEY`));
      expect(committed(file)).toEqual(ids(300, 307).filter((id) => id !== bad).sort());
    } finally {
      await store.close();
    }
    const again = await openStore(file);
    try {
      expect((await ingest(again, [batch], { size: 2 })).sum).toMatchObject({ new: 1, known: 6, failed: 0 });
      expect(committed(file)).toEqual(ids(300, 307).sort());
    } finally {
      await again.close();
    }
  });

  it('forgets what an undone write taught: the store is the one a run without that article makes', async () => {
    // The second article introduces a person the third names by surname alone; the second cannot be committed.
    const people = [
      { id: 'g-1', date: '2025-03-01', text: 'Norway proposed a joint naval patrol on Monday. Officials said talks would continue.' },
      { id: 'g-2', date: '2025-03-02', text: 'Chile backed the joint naval patrol. Chilean foreign minister Rosa Alvear said the patrol was overdue.' },
      { id: 'g-3', date: '2025-03-03', text: 'Alvear said on Wednesday that the joint naval patrol was premature and that talks should go on.' },
    ].map((p) => JSON.stringify(p));
    const batch = t.put('taught.jsonl', people.join('\n'));
    const without = t.put('taught-without.jsonl', [people[0], people[2]].join('\n'));
    const clean = await openStore(fresh());
    const failing = await failingCommit(fresh(), (_, written) => written.includes('g-2'));
    try {
      await ingest(clean, [without], { size: 3 });
      expect((await ingest(failing, [batch], { size: 3 })).sum).toMatchObject({ new: 2, failed: 1 });
      const speaker = async (s: Store) => (await s.quotes({ articleId: 'g-3' }))[0]?.speaker;
      expect(await speaker(failing)).toBe(await speaker(clean));
      expect(await speaker(clean)).not.toBe('person:rosa-alvear');
      expect((await failing.actors()).map((a) => a.key)).toEqual((await clean.actors()).map((a) => a.key));
    } finally {
      await Promise.all([clean.close(), failing.close()]);
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
