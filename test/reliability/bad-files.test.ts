// The bad-file corpus: every kind of broken input beside good ones, through `standpoint analyze` and `standpoint ingest` into a fresh
// store. Each bad input is reported with its file (and line), the good ones are analysed and stored, the exit code is 1, and nothing crashes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { records, standpoint, tempDir } from '../cli.js';
import { syntheticArticle } from '../synthetic-news.js';

const t = tempDir('standpoint-bad-files-');
afterAll(() => {
  for (const p of unreadable) if (fs.existsSync(p)) fs.chmodSync(p, 0o644);
  t.remove();
});
const unreadable: string[] = [];

/** What reading an input must give: an error (no record), a warning (record, stored), or nothing to say (record, stored). */
type Outcome = { error: RegExp } | { warning: RegExp } | 'ok';

interface Case {
  /** The kind of bad input. */
  kind: string;
  /** Its name in the corpus folder (a JSON Lines file's line as name:LINE, for a file whose lines differ). */
  name: string;
  /** Writes it; returns false when this machine cannot make it bad (root reads a file of mode 000). */
  make(file: string): boolean | void;
  /** What each of its inputs gives, by line for JSON Lines ('' for the whole file). */
  outcomes: Record<string, Outcome>;
}

/** The text of good article number i (no two near-duplicates). */
const good = (i: number) => syntheticArticle(100 + i).text;
const json = (i: number, extra: object = {}) => JSON.stringify({ id: `good-${i}`, text: good(i), ...extra });
const write = (content: string | Buffer) => (file: string) => { fs.writeFileSync(file, content); };

const CASES: Case[] = [
  { kind: 'a good text file', name: 'good.txt', make: write(` date 2024-03-01 ${good(1)}`), outcomes: { '': 'ok' } },
  { kind: 'a good JSON file', name: 'good.json', make: write(json(2)), outcomes: { '': 'ok' } },
  { kind: 'an empty file', name: 'empty.txt', make: write(''), outcomes: { '': { error: /empty file/ } } },
  { kind: 'white space only', name: 'blank.txt', make: write(' \n\t\r\n  '), outcomes: { '': { error: /empty file: only white space/ } } },
  { kind: 'a binary file (PNG header)', name: 'image.txt', make: write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), outcomes: { '': { error: /binary file/ } } },
  { kind: 'control-character noise without NUL', name: 'noise.txt', make: write(Buffer.from(Array.from({ length: 4000 }, (_, i) => 1 + ((i * 37) % 30)))), outcomes: { '': { error: /binary file/ } } },
  { kind: 'UTF-8 cut in its last character', name: 'cut.txt', make: write(Buffer.from(`${good(3)} Kraków Ż`).subarray(0, -1)), outcomes: { '': { warning: /ends in the middle of a UTF-8 character/ } } },
  { kind: 'UTF-16 with a byte-order mark (good)', name: 'utf16-bom.txt', make: write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good(4), 'utf16le')])), outcomes: { '': 'ok' } },
  { kind: 'UTF-16 without a byte-order mark', name: 'utf16-nobom.txt', make: write(Buffer.from(good(5), 'utf16le')), outcomes: { '': { error: /binary file/ } } },
  { kind: 'Windows-1252', name: 'legacy.txt', make: write(Buffer.from(`Der österreichische Außenminister sagte: ${good(6)}`, 'latin1')), outcomes: { '': { warning: /not valid UTF-8: read as Windows-1252/ } } },
  { kind: 'NUL bytes past the sniffed start', name: 'late-nul.txt', make: write(Buffer.concat([Buffer.from(`${good(7)}\n\n${'Filler words for the reader. '.repeat(400)}`), Buffer.from([0, 0, 0x41, 0]), Buffer.from(' end.')])), outcomes: { '': { warning: /3 control characters/ } } },
  { kind: 'NUL escapes in JSON fields', name: 'nul.json', make: write(JSON.stringify({ id: 'nul\u0000id', title: 'A\u0000B', text: `${good(8)}\u0000` })), outcomes: { '': { warning: /3 control characters/ } } },
  { kind: 'broken JSON', name: 'broken.json', make: write('{"text": "The minister said'), outcomes: { '': { error: /broken JSON/ } } },
  { kind: 'JSON with trailing garbage', name: 'trailing.json', make: write(`${json(9)} and more`), outcomes: { '': { error: /broken JSON/ } } },
  { kind: 'a JSON array', name: 'array.json', make: write(`[${json(10)}]`), outcomes: { '': { error: /found an array/ } } },
  { kind: 'JSON null', name: 'null.json', make: write('null'), outcomes: { '': { error: /found null/ } } },
  { kind: 'a JSON string', name: 'string.json', make: write('"The minister said yes."'), outcomes: { '': { error: /found a string/ } } },
  { kind: 'JSON without text', name: 'no-text.json', make: write('{"title": "Headline only"}'), outcomes: { '': { error: /missing "text"/ } } },
  { kind: 'JSON with text of the wrong type', name: 'number-text.json', make: write('{"text": 42}'), outcomes: { '': { error: /"text" must be a string/ } } },
  { kind: 'deeply nested JSON', name: 'deep.json', make: write(`${'['.repeat(200_000)}${']'.repeat(200_000)}`), outcomes: { '': { error: /broken JSON|found an array/ } } },
  { kind: 'deeply nested fields beside the text', name: 'deep-field.json', make: write(`{"text": ${JSON.stringify(good(11))}, "extra": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`), outcomes: { '': 'ok' } },
  {
    kind: 'JSON Lines with bad lines among good ones', name: 'mixed.jsonl',
    make: write([json(12), '{"text": broken', '', '[1, 2]', json(13, { date: 'yesterday' }), '{"id": "no-text"}', json(14)].join('\r\n')),
    outcomes: { 1: 'ok', 2: { error: /broken JSON/ }, 4: { error: /found an array/ }, 5: { warning: /unknown date "yesterday"/ }, 6: { error: /missing "text"/ }, 7: 'ok' },
  },
  {
    kind: 'a JSON line larger than 16 MiB', name: 'huge-line.jsonl',
    make: write(`${json(15)}\n${JSON.stringify({ text: 'Words of a very long article. '.repeat(600_000) })}\n${json(16)}\n`),
    outcomes: { 1: 'ok', 2: { error: /a line of 18,000,011 bytes, more than 16 MiB/ }, 3: 'ok' },
  },
  { kind: 'UTF-16 JSON Lines with a byte-order mark', name: 'utf16.jsonl', make: write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${json(17)}\n${json(18)}\n`, 'utf16le')])), outcomes: { 1: 'ok', 2: 'ok' } },
  { kind: 'a JSON Lines file with no lines', name: 'no-lines.jsonl', make: write('\n\n\n'), outcomes: { '': { error: /no JSON lines/ } } },
  { kind: 'a very long line of text (past the analyser cap)', name: 'long-line.txt', make: write(`${good(19)} ${'The talks went on and on without a pause. '.repeat(30_000)}`), outcomes: { '': { warning: /only the first [\d,]+ were analysed/ } } },
  { kind: 'HTML with no body', name: 'no-body.html', make: write('<!doctype html><html><head><title>Nothing here</title></head></html>'), outcomes: { '': { error: /no readable text in this HTML page/ } } },
  { kind: 'HTML with only a script', name: 'script.html', make: write('<html><body><script>document.write("hi")</script></body></html>'), outcomes: { '': { error: /no readable text/ } } },
  { kind: 'a date that is not a date', name: 'bad-date.txt', make: write(` date 2022-02-30 ${good(20)}`), outcomes: { '': { warning: /unknown date "2022-02-30"/ } } },
  { kind: 'a symbolic link loop', name: 'loop-link', make: (file) => fs.symlinkSync(path.basename(file), file), outcomes: { '': { error: /cannot read: ELOOP/ } } },
  { kind: 'a file that is gone when read (a dangling link)', name: 'gone.txt', make: (file) => fs.symlinkSync(path.join(t.dir, 'no-such-file.txt'), file), outcomes: { '': { error: /no such file or folder/ } } },
  {
    kind: 'a named pipe (FIFO)', name: 'pipe',
    make: (file) => spawnSync('mkfifo', [file]).status === 0,
    outcomes: { '': { error: /not a file or folder/ } },
  },
  {
    kind: 'an unreadable file (mode 000)', name: 'secret.txt',
    make: (file) => {
      fs.writeFileSync(file, good(21));
      fs.chmodSync(file, 0);
      unreadable.push(file);
      try { fs.readFileSync(file); return false; } catch { return true; } // root reads it anyway: not a bad file then
    },
    outcomes: { '': { error: /cannot read: EACCES/ } },
  },
  {
    kind: 'a folder loop (a link to a folder above) and deep folders', name: 'deep',
    make: (file) => {
      const bottom = path.join(file, ...Array.from({ length: 40 }, (_, i) => `d${i}`));
      fs.mkdirSync(bottom, { recursive: true });
      fs.writeFileSync(path.join(bottom, 'bottom.txt'), good(22));
      fs.symlinkSync('../..', path.join(bottom, 'up'));
    },
    outcomes: { [`/${Array.from({ length: 40 }, (_, i) => `d${i}`).join('/')}/bottom.txt`]: 'ok' },
  },
];

const corpus = path.join(t.dir, 'corpus');
const made: Case[] = [];
const skipped: string[] = [];

beforeAll(() => {
  fs.mkdirSync(corpus);
  for (const c of CASES) {
    const file = path.join(corpus, c.name);
    if (c.make(file) === false) {
      skipped.push(c.kind);
      fs.rmSync(file, { force: true, recursive: true });
    } else made.push(c);
  }
  if (skipped.length) console.warn(`bad-file kinds this machine cannot make, left out: ${skipped.join('; ')}`);
});

/** Each input's path as reported: FILE, FILE:LINE, or a file under a folder case. */
function inputsOf(c: Case): Array<[string, Outcome]> {
  return Object.entries(c.outcomes).map(([key, outcome]) => {
    const file = path.join(corpus, c.name);
    if (key === '') return [file, outcome];
    return [key.startsWith('/') ? `${file}${key}` : `${file}:${key}`, outcome];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const noCrash = (stderr: string) => {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/^standpoint: /m);
};

function expectReports(stderr: string, read: Set<string>) {
  expect(made.length).toBeGreaterThanOrEqual(25);
  for (const c of made) {
    for (const [where, outcome] of inputsOf(c)) {
      if (outcome === 'ok') {
        expect(read.has(where), `${c.kind}: ${where} read`).toBe(true);
        expect(stderr, `${c.kind}: nothing said about ${where}`).not.toMatch(new RegExp(`^${escape(where)}: `, 'm'));
      } else if ('error' in outcome) {
        expect(read.has(where), `${c.kind}: no record of ${where}`).toBe(false);
        expect(stderr, c.kind).toMatch(new RegExp(`^${escape(where)}: error: .*${outcome.error.source}`, 'm'));
      } else {
        expect(read.has(where), `${c.kind}: ${where} read`).toBe(true);
        expect(stderr, c.kind).toMatch(new RegExp(`^${escape(where)}: (warning|error): .*${outcome.warning.source}`, 'm'));
      }
    }
  }
}

/** Every input the corpus should leave read (analysed, stored). */
const readable = () => made.flatMap(inputsOf).filter(([, o]) => o === 'ok' || 'warning' in o).map(([w]) => w);

describe('the bad-file corpus', () => {
  it('analyze: each bad input reported with its file and line, every good one analysed, exit 1, no crash', () => {
    const run = standpoint(['analyze', '--json', corpus]);
    expect(run.status, run.stderr).toBe(1);
    noCrash(run.stderr);
    const files = new Set(records(run.stdout).map((r) => r.article.file as string));
    expectReports(run.stderr, files);
    expect([...files].sort()).toEqual(readable().sort());
  });

  it('ingest into a fresh store: the same reports, every good input stored once, exit 1, no crash', async () => {
    const db = path.join(t.dir, 'fresh.db');
    const run = standpoint(['ingest', '--json', '--db', db, corpus]);
    expect(run.status, run.stderr).toBe(1);
    noCrash(run.stderr);
    const store = await openStore(db);
    const stored = await store.articles({ limit: 1000 }).finally(() => store.close());
    const files = new Set(stored.map((a) => a.file!));
    expectReports(run.stderr, files);
    expect([...files].sort()).toEqual(readable().sort());
    expect(JSON.parse(run.stdout)).toMatchObject({ new: readable().length });
    // Run again: all of it known, nothing new, the same reports.
    const again = standpoint(['ingest', '--json', '--db', db, corpus]);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, known: readable().length });
  });
});
