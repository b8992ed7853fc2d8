// Processes opening the same new SQLite store at once: every one opens it, and each migration is applied once, by one of them.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/schema.js';
import { ROOT, tempDir } from '../cli.js';
import { rounds } from './rounds.js';

const OPENERS = rounds(8, 40);
const tmp = tempDir('standpoint-open-');
afterAll(() => tmp.remove());

/** One opener: waits for the common start, migrates the store as openStore does, opens it, reads it; prints what it applied. */
const OPENER = `
const [file, start] = process.argv.slice(1);
const { openDb, openStore } = await import(${JSON.stringify(path.join(ROOT, 'dist/store/open.js'))});
const { migrate } = await import(${JSON.stringify(path.join(ROOT, 'dist/store/db.js'))});
const { migrations } = await import(${JSON.stringify(path.join(ROOT, 'dist/store/schema.js'))});
while (Date.now() < Number(start)) await new Promise((r) => setTimeout(r, 1));
const db = await openDb(file);
const applied = await migrate(db, migrations(db.dialect));
await db.close();
const store = await openStore(file);
const counts = await store.counts();
await store.close();
process.stdout.write(JSON.stringify({ applied, counts }));
`;

function opener(file: string, start: number): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', OPENER, file, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe(`${OPENERS} processes open one new SQLite store at once`, () => {
  it('all open it; each migration is applied once; the store is in WAL mode and sound', async () => {
    const file = path.join(tmp.dir, 'new.db');
    const start = Date.now() + 1000 + 200 * OPENERS; // time for every process to start and load the driver
    const runs = await Promise.all(Array.from({ length: OPENERS }, () => opener(file, start)));
    const failed = runs.filter((r) => r.status !== 0).map((r) => r.stderr.split('\n').find((l) => /Error/.test(l)) ?? `exit ${r.status}`);
    expect(failed).toEqual([]);
    const results = runs.map((r) => JSON.parse(r.stdout) as { applied: number[]; counts: { articles: number } });
    const versions = migrations('sqlite').map((m) => m.version);
    expect(results.flatMap((r) => r.applied).sort((a, b) => a - b)).toEqual(versions);
    expect(results.every((r) => r.counts.articles === 0)).toBe(true);
    const db = new Database(file, { readonly: true });
    try {
      expect((db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map((r) => r.version)).toEqual(versions);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 120_000);
});
