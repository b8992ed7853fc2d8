// End to end: what reading does to an article's text before it is stored: Windows-1252 decoded (with a warning), control characters removed, the same text on every driver.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import { records, standpoint, tempDir } from './cli.js';
import { auth, fixture } from './server-fixture.js';

const t = tempDir('standpoint-text-');
const BASE = process.env.STANDPOINT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: BASE, connectionTimeoutMillis: 3000 });
const pgUp = await admin.connect().then(() => true, (err: Error) => {
  console.warn(`PostgreSQL cases skipped: cannot reach ${BASE} (${err.message}); set STANDPOINT_TEST_PG or start the server`);
  return false;
});
const schemas: string[] = [];
afterAll(async () => {
  t.remove();
  if (pgUp) {
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await admin.end();
  }
});

async function freshPostgres(): Promise<string> {
  const schema = `sp_text_${process.pid}_${schemas.length}`;
  schemas.push(schema);
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  return `${BASE}${BASE.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** The stored record's article (text and fields) of each id. */
async function storedArticles(db: string, ids: string[]) {
  const store = await openStore(db);
  try {
    return await Promise.all(ids.map(async (id) => (await store.record(id))?.article ?? null));
  } finally {
    await store.close();
  }
}

const SAID = 'said on Monday that Spain would support the proposed ceasefire in the region.';

describe('standpoint ingest: text as read', () => {
  it('stores a Windows-1252 JSON Lines file with the right characters, warning for each line read so', async () => {
    const latin1 = (o: object) => Buffer.from(`${JSON.stringify(o)}\n`, 'latin1');
    const file = t.put('legacy.jsonl', Buffer.concat([
      latin1({ id: 'w1', title: 'Martínez backs ceasefire', text: `Foreign minister José Martínez ${SAID}` }),
      latin1({ id: 'w2', title: 'Plain', text: `Foreign minister Ana Lopez ${SAID}` }),
      latin1({ id: 'w3', title: 'Müller', text: `Chancellor Jürgen Müller of Österreich ${SAID}` }),
    ]));
    const db = `${t.dir}/legacy.db`;
    const run = standpoint(['ingest', '--json', '--db', db, file]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ new: 3, failed: 0 });
    expect(run.stderr).toContain(`${file}:1: warning: not valid UTF-8: read as Windows-1252`);
    expect(run.stderr).toContain(`${file}:3: warning: not valid UTF-8: read as Windows-1252`);
    expect(run.stderr).not.toContain(':2: warning');
    const [w1, w2, w3] = await storedArticles(db, ['w1', 'w2', 'w3']);
    expect(w1).toMatchObject({ title: 'Martínez backs ceasefire', text: `Foreign minister José Martínez ${SAID}` });
    expect(w2?.text).toBe(`Foreign minister Ana Lopez ${SAID}`);
    expect(w3).toMatchObject({ title: 'Müller', text: `Chancellor Jürgen Müller of Österreich ${SAID}` });
  });

  const withControls = `${JSON.stringify({ id: 'nul-1', title: 'Cease\u0000fire', text: `Foreign minister Ana\u0000 Lopez\u0007 ${SAID}\f` })}\n`
    + `${JSON.stringify({ id: 'nul-2', text: `Foreign minister Jan Smit ${SAID}` })}\n`;
  const drivers: Array<[string, () => Promise<string>, boolean]> = [
    ['SQLite', async () => `${t.dir}/controls-${Math.random().toString(36).slice(2)}.db`, true],
    ['PostgreSQL', freshPostgres, pgUp],
  ];
  for (const [name, store, available] of drivers) {
    it.skipIf(!available)(`removes NUL and other control characters, with a warning, and stores the same text on ${name}`, async () => {
      const file = t.put('controls.jsonl', withControls);
      const db = await store();
      const run = standpoint(['ingest', '--json', '--db', db, file]);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ new: 2, failed: 0 });
      expect(run.stderr).toContain(`${file}:1: warning: 3 control characters (NUL and others that are not text) removed`);
      const [one, two] = await storedArticles(db, ['nul-1', 'nul-2']);
      expect(one).toMatchObject({ title: 'Ceasefire', text: `Foreign minister Ana Lopez ${SAID}\f` });
      expect(two?.text).toBe(`Foreign minister Jan Smit ${SAID}`);
    });
  }
  it('analyze prints the cleaned text, the warning, and exits 0', () => {
    const run = standpoint(['analyze', '--json', '-'], { input: withControls });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/<stdin>:1: warning: 3 control characters/);
    expect(records(run.stdout).map((r) => r.article.text)).toEqual([`Foreign minister Ana Lopez ${SAID}\f`, `Foreign minister Jan Smit ${SAID}`]);
  });
  it('POST /api/articles reads a Windows-1252 body the same way: the right characters, and the warning in the answer', async () => {
    const fx = await fixture({}, []);
    try {
      const body = Buffer.from(JSON.stringify({ id: 'post-1', title: 'Martínez', text: `Foreign minister José Martínez ${SAID}` }), 'latin1');
      const res = await fx.app.request('/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
      expect(res.status).toBe(201);
      const answer = await res.json() as { articles: Array<{ id: string; title: string; warnings: string[] }> };
      expect(answer.articles[0]).toMatchObject({ id: 'post-1', title: 'Martínez' });
      expect(answer.articles[0].warnings).toContain('not valid UTF-8: read as Windows-1252');
      expect((await fx.store.record('post-1'))?.article.text).toBe(`Foreign minister José Martínez ${SAID}`);
    } finally {
      await fx.close();
    }
  });
});
