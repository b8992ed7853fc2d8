// The checkpointer thread: it copies committed pages into the database file, so that the writer does not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Checkpointer, WAL_BACKSTOP_PAGES } from './checkpointer.js';
import { openSqlite } from './connection.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-checkpointer-'));
let n = 0;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A WAL database whose writer never checkpoints, with `rows` rows committed in the log. */
function logOnly(rows: number): { file: string; writer: Database.Database } {
  const file = path.join(dir, `log-${++n}.db`);
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = writer.prepare('INSERT INTO t (body) VALUES (?)');
  writer.transaction(() => { for (let i = 0; i < rows; i++) insert.run(`row ${i} ${'x'.repeat(500)}`); })();
  return { file, writer };
}

describe('sqlite checkpointer', () => {
  it('copies every committed page of the log into the database file, from its own thread', async () => {
    const { file, writer } = logOnly(2000);
    const before = fs.statSync(file).size;
    const c = new Checkpointer(file, 0);
    try {
      const done = c.next();
      c.committed();
      const r = await done;
      expect(r.kind).toBe('done');
      if (r.kind !== 'done') return;
      expect(r.log).toBeGreaterThan(100);
      expect(r.checkpointed).toBe(r.log); // nothing left for the writer
      expect(fs.statSync(file).size).toBeGreaterThan(before + 500 * 1000);
    } finally {
      await c.close();
      writer.close();
    }
  });

  it('runs one checkpoint for commits that come within its interval', async () => {
    const { file, writer } = logOnly(10);
    const c = new Checkpointer(file, 300);
    let replies = 0;
    try {
      const first = c.next();
      c.committed();
      await first;
      const started = Date.now();
      const second = c.next().then(() => { replies++; });
      for (let i = 0; i < 20; i++) c.committed(); // all within the interval after the first
      await second;
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      await new Promise((r) => setTimeout(r, 400));
      expect(replies).toBe(1);
      expect(c.last?.kind).toBe('done');
    } finally {
      await c.close();
      writer.close();
    }
  });

  it('takes over from the writer of a store: the writer checkpoints only at the backstop, and the log is copied all the same', async () => {
    const file = path.join(dir, `store-${++n}.db`);
    const db = openSqlite(file);
    try {
      await db.transaction(async (tx) => { await tx.run('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)'); });
      expect((await db.all<{ wal_autocheckpoint: number }>('PRAGMA wal_autocheckpoint'))[0].wal_autocheckpoint).toBe(WAL_BACKSTOP_PAGES);
      for (let g = 0; g < 5; g++) {
        await db.batch(async () => {
          for (let i = 0; i < 50; i++) await db.transaction((tx) => tx.run('INSERT INTO t (body) VALUES (?)', [`${g}.${i} ${'y'.repeat(400)}`]));
        });
      }
      // The writer, with 250 rows in the log, is far below its backstop: only the thread copies pages into the file.
      const rowsBytes = 250 * 400;
      for (let waited = 0; fs.statSync(file).size < rowsBytes && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      expect(fs.statSync(file).size).toBeGreaterThan(rowsBytes);
    } finally {
      await db.close();
    }
    expect(fs.existsSync(`${file}-wal`)).toBe(false); // the writer closed last: the rest checkpointed and the log removed
    const check = new Database(file, { readonly: true });
    try { expect((check.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(250); } finally { check.close(); }
  });

  it('lets a command end: closing the store waits for the thread, and the process then exits by itself', () => {
    // Run from the build, as the `standpoint` command is: a thread that did not keep the process alive while it was
    // being closed would end the process with the close still pending (exit code 13) and nothing printed.
    const built = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/store/sqlite/connection.js');
    const file = path.join(dir, `exit-${++n}.db`);
    const script = `
      const { openSqlite } = await import(${JSON.stringify(built)});
      const db = openSqlite(${JSON.stringify(file)});
      await db.transaction((tx) => tx.run('CREATE TABLE t (x TEXT)'));
      await db.batch(async () => { for (let i = 0; i < 20; i++) await db.transaction((tx) => tx.run('INSERT INTO t VALUES (?)', ['row ' + i])); });
      await db.close();
      console.log('closed');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('closed');
  });

  it('is not started for a store in memory, nor when turned off', async () => {
    for (const db of [openSqlite(':memory:'), openSqlite(path.join(dir, `off-${++n}.db`), { checkpointer: false })]) {
      try {
        await db.transaction((tx) => tx.run('CREATE TABLE t (x TEXT)'));
        const [row] = await db.all<{ wal_autocheckpoint: number }>('PRAGMA wal_autocheckpoint');
        expect(row.wal_autocheckpoint).toBe(1000); // SQLite's own: the writer checkpoints
      } finally {
        await db.close();
      }
    }
  });
});
