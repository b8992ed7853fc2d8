// `standpoint check` on a store whose file was altered byte by byte, and every command on a 0-byte store file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standpoint, tempDir } from './cli.js';

const tmp = tempDir('standpoint-check-');
const db = path.join(tmp.dir, 'store.db');
// Each text has a sentence found nowhere else (no quote, mention or evidence is cut from it), to alter in the file.
const ARTICLES = [1, 2, 3].map((i) => ({
  id: `check-${i}`, date: `2025-05-0${i}`, title: `Baltic patrol report number ${i}`,
  text: `Norway on Tuesday proposed a joint naval patrol in the Baltic Sea. Denmark supports the naval patrol, Danish Defence Minister Lars Holm said. `
    + `Unaltered sentence ${i} about harbours, ferries and lighthouses along the coast.`,
}));
afterAll(() => tmp.remove());

beforeAll(() => {
  const out = standpoint(['ingest', '--db', db, '--json', tmp.put('articles.jsonl', ARTICLES.map((a) => JSON.stringify(a)).join('\n'))]);
  expect(out.status, out.stderr).toBe(0);
  expect(JSON.parse(out.stdout)).toMatchObject({ new: 3 });
  expect(fs.existsSync(`${db}-wal`)).toBe(false); // closed: everything in the database file
});

/** A copy of the store with `from` replaced by `to` (as long) in its bytes, wherever it is (free pages may hold old copies). */
function alteredCopy(name: string, from: string, to: string): string {
  const bytes = fs.readFileSync(db);
  expect(bytes.indexOf(Buffer.from(from)), `${from} in the store file`).toBeGreaterThan(0);
  for (let at = bytes.indexOf(Buffer.from(from)); at >= 0; at = bytes.indexOf(Buffer.from(from), at + 1)) Buffer.from(to).copy(bytes, at);
  return tmp.put(name, bytes);
}

describe('standpoint check', () => {
  it('says a store as ingested is sound (exit 0), also as JSON', () => {
    const out = standpoint(['check', '--db', db]);
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toBe('sound: 3 article(s) checked\n');
    expect(JSON.parse(standpoint(['check', '--db', db, '--json']).stdout)).toEqual({ sound: true, articles: 3, problems: [] });
  });

  it('reports the article whose text had a byte flipped, and only it (exit 1)', () => {
    const copy = alteredCopy('text.db', 'Unaltered sentence 2 about harbours', 'Unaltered sentence 2 about harbourz');
    const out = standpoint(['check', '--db', copy]);
    expect(out.status).toBe(1);
    expect(out.stdout.split('\n').filter((l) => l.startsWith('article'))).toEqual(['article check-2: its text does not match its content hash: the text was altered']);
    expect(out.stdout).toContain('1 problem(s) in 3 article(s) checked');
  });

  it('reports the article whose record had bytes altered (exit 1)', () => {
    const title = alteredCopy('title.db', '"title":"Baltic patrol report number 3"', '"title":"Baltic patrol report number 8"');
    const out = standpoint(['check', '--db', title, '--json']);
    expect(out.status).toBe(1);
    expect(JSON.parse(out.stdout)).toMatchObject({ sound: false, problems: ['article check-3: its record has title "Baltic patrol report number 8", its row "Baltic patrol report number 3"'] });
    const broken = alteredCopy('record.db', '"article":{"id":"check-1"', '"article":["id":"check-1"');
    const lines = standpoint(['check', '--db', broken]).stdout.split('\n');
    expect(lines[0]).toMatch(/^article check-1: its record does not parse/);
  });
});

describe('a 0-byte store file', () => {
  it('is refused by every command, naming the file and what to do, and left as it is', () => {
    const empty = tmp.put('empty.db', '');
    const input = tmp.put('one.txt', ARTICLES[0].text);
    for (const args of [['check'], ['proposals'], ['export', '--what', 'articles'], ['ingest', input], ['stances', 'P1'], ['actor', 'country:NOR']]) {
      const out = standpoint([...args, '--db', empty]);
      expect(out.status, args.join(' ')).toBe(1);
      expect(out.stdout + out.stderr, args.join(' ')).toContain(`${empty} is an empty file (0 bytes), not a Standpoint store: restore the store from a backup or an export, or delete the file to start a new store`);
      expect(fs.statSync(empty).size).toBe(0);
      expect(fs.readdirSync(tmp.dir).filter((f) => f.startsWith('empty.db'))).toEqual(['empty.db']);
    }
  });

  it('check does not create a missing store', () => {
    const missing = path.join(tmp.dir, 'missing.db');
    const out = standpoint(['check', '--db', missing]);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain(`${missing} does not exist`);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
