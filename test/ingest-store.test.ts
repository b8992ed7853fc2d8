// End to end: `standpoint ingest` into SQLite is idempotent, and a process killed mid-batch leaves every stored article whole.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticJsonl } from './synthetic-news.js';

const CLI = path.resolve('dist/cli/main.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-ingest-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function articleCount(db: string): number {
  if (!fs.existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try { return (conn.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n; } finally { conn.close(); }
  } catch { return 0; }
}

describe('standpoint ingest (SQLite)', () => {
  it('stores a batch once: running it again changes nothing', () => {
    const batch = path.join(dir, 'small.jsonl');
    const db = path.join(dir, 'small.db');
    fs.writeFileSync(batch, syntheticJsonl(12));
    const first = run(['ingest', '--json', '--db', db, batch]);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ new: 12, known: 0, failed: 0 });
    const again = run(['ingest', '--json', '--db', db, batch]);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, known: 12, failed: 0 });
    const list = JSON.parse(run(['proposals', '--json', '--db', db]).stdout) as Array<{ id: string; articles: number }>;
    expect(list.length).toBeGreaterThan(0);
    expect(list.reduce((n, p) => n + p.articles, 0)).toBeGreaterThanOrEqual(12);
  });

  it('a bad line is reported with its file and line, and the rest is stored', () => {
    const batch = path.join(dir, 'mixed.jsonl');
    const db = path.join(dir, 'mixed.db');
    const lines = syntheticJsonl(3, 100).trim().split('\n');
    fs.writeFileSync(batch, [lines[0], '{"text": broken', lines[1], lines[2]].join('\n'));
    const out = run(['ingest', '--json', '--db', db, batch]);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(`${batch}:2`);
    expect(JSON.parse(out.stdout)).toMatchObject({ new: 3, failed: 1 });
  });

  it('a process killed mid-batch leaves every stored article whole, and a re-run completes the rest', async () => {
    const n = 300;
    const batch = path.join(dir, 'big.jsonl');
    const db = path.join(dir, 'big.db');
    fs.writeFileSync(batch, syntheticJsonl(n, 1000));
    const child = spawn(process.execPath, [CLI, 'ingest', '--db', db, batch], { stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    let stored = 0;
    for (let t = 0; t < 600 && stored < 20; t++) { await sleep(25); stored = articleCount(db); }
    child.kill('SIGKILL');
    await exited;
    const partial = articleCount(db);
    expect(partial).toBeGreaterThanOrEqual(20);
    expect(partial).toBeLessThan(n);

    const conn = new Database(db, { readonly: true });
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    // Whole articles: each stored article has all its quotes and proposal mentions, as its record says.
    const rows = conn.prepare(`SELECT id, record,
      (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
      (SELECT COUNT(*) FROM proposal_mentions m WHERE m.article_id = a.id) AS mentions FROM articles a`).all() as Array<{ record: string; quotes: number; mentions: number }>;
    for (const r of rows) {
      const rec = JSON.parse(r.record) as { quotes: unknown[]; proposals: Array<{ mentions: unknown[] }> };
      expect(r.quotes).toBe(rec.quotes.length);
      expect(r.mentions).toBe(rec.proposals.reduce((k, p) => k + p.mentions.length, 0));
    }
    conn.close();

    const rerun = run(['ingest', '--json', '--db', db, batch]);
    expect(rerun.status, rerun.stderr).toBe(0);
    const sum = JSON.parse(rerun.stdout);
    expect(sum.known).toBe(partial);
    expect(sum.new + sum.copies).toBe(n - partial);
    expect(articleCount(db)).toBe(n);
  });
});
