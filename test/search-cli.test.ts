// End to end: `standpoint search` over an ingested store: hits marked «…», filters, the empty result said plainly, bad input refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standpoint, tempDir } from './cli.js';

const tmp = tempDir('standpoint-search-cli-');
const db = path.join(tmp.dir, 'store.db');
const run = (...args: string[]) => standpoint(args, { env: { STANDPOINT_DB: db } });
afterAll(() => tmp.remove());

// Invented reports: a naval patrol and a fishing quota, weeks apart.
beforeAll(() => {
  tmp.put('in/patrol.txt', ' date 2025-04-01 Norway proposed a joint naval patrol in the Barents Sea on Tuesday.\n\n'
    + 'Dutch defence minister Marit Velde said the naval patrol was premature and that the Netherlands would not take part.\n\nDenmark welcomed the naval patrol.');
  tmp.put('in/quota.txt', ' date 2025-05-20 Iceland proposed a shared fishing quota for the North Atlantic on Monday.\n\n'
    + 'Norway rejected the fishing quota, Norwegian fisheries minister Ola Brekke said.');
  const out = run('ingest', '--json', path.join(tmp.dir, 'in'));
  expect(out.status, out.stderr).toBe(0);
});

describe('standpoint search', () => {
  it('finds proposals and articles, the matched words marked on the terminal and listed in --json', () => {
    const text = run('search', 'patrols');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Proposals\n {2}\S+ {2}.*«patrol»/);
    expect(text.stdout).toMatch(/Articles\n[\s\S]*«patrol»/);
    expect(text.stdout).toMatch(/match “patrols”\.\n$/);
    const json = JSON.parse(run('search', 'patrols', '--json').stdout);
    expect(json.proposals.length).toBeGreaterThan(0);
    const s = json.proposals[0].summary;
    expect(s.text.slice(s.matches[0].start, s.matches[0].end).toLowerCase()).toBe('patrol');
    expect(json.articles.map((a: { title: { text: string } }) => a.title.text)).toEqual(['Norway proposed a joint naval patrol in the Barents Sea on Tuesday.']);
  });

  it('narrows by actor, date and source, and says plainly when nothing matches', () => {
    const either = ['patrol OR quota', '--json'];
    const ids = (args: string[]) => JSON.parse(run('search', ...either, ...args).stdout).articles.map((a: { id: string }) => a.id).length;
    expect(ids([])).toBe(2);
    expect(ids(['--since', '2025-05-01'])).toBe(1);
    expect(ids(['--until', '2025-04-01'])).toBe(1);
    expect(ids(['--actor', 'ISL'])).toBe(1);
    const none = run('search', 'submarine', '--since', '2025-01-01');
    expect(none.status).toBe(0);
    expect(none.stdout).toMatch(/^No proposal, quote or article matches “submarine” with since 2025-01-01 \(searched 2 stored articles\)\.\n$/);
    expect(none.stdout).not.toMatch(/stored yet/);
    const json = JSON.parse(run('search', 'submarine', '--json').stdout);
    expect(json).toMatchObject({ proposals: [], quotes: [], articles: [], message: expect.stringMatching(/^No proposal, quote or article matches/) });
    expect(run('proposals', '--search', 'submarine').stdout).toMatch(/^No proposal matches "submarine" \(\d+ stored/);
  });

  it('refuses a bad date, stance or key as a usage error, and a query with no word to find', () => {
    for (const args of [['--since', '2025-13-01'], ['--stance', 'maybe'], ['--actor', 'not a key'], ['--since', '2025-05-02', '--until', '2025-05-01']]) {
      const r = run('search', 'patrol', ...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/bad date|bad stance|bad holder key|is after --until/);
    }
    const empty = run('search', 'the');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/no word to find/);
  });

  it('export --what mentions gives each proposal mention with its article and span, as JSON Lines and CSV', () => {
    const jsonl = run('export', '--what', 'mentions', '--format', 'jsonl');
    expect(jsonl.status, jsonl.stderr).toBe(0);
    const rows = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(['proposalId', 'articleId', 'start', 'end', 'text', 'proposalName', 'articleTitle']);
      expect(r.end).toBeGreaterThan(r.start);
      expect(r.articleTitle).toMatch(/^(Norway|Iceland) proposed/);
    }
    const csv = run('export', '--what', 'mentions', '--format', 'csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('proposalId,articleId,start,end,text,proposalName,articleTitle');
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(rows.length + 1);
  });
});
