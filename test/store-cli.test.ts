// End to end: what `ingest` stores reads back through proposals, stances, actor, export and correct.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/cli/main.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-store-cli-'));
const db = path.join(dir, 'store.db');
const articles = path.join(dir, 'articles');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, STANDPOINT_DB: db } });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Invented reports, days apart: a person named in full in the first is named by surname only in the third.
const ARTICLES = [
  { file: '1.txt', text: ' date 2025-04-01 Norway proposed a joint naval patrol in the Barents Sea on Tuesday.\n\nDutch defence minister Marit Velde said the naval patrol was premature and that the Netherlands would not take part.\n\nDenmark welcomed the naval patrol.' },
  { file: '2.txt', text: ' date 2025-04-08 Talks on the joint naval patrol in the Barents Sea proposed by Norway continued in Oslo, where Denmark again backed the plan.' },
  { file: '3.txt', text: ' date 2025-04-20 Velde said on Sunday that the Netherlands now supported the joint naval patrol in the Barents Sea proposed by Norway, after Oslo offered to share the costs.' },
];

beforeAll(() => {
  fs.mkdirSync(articles);
  for (const a of ARTICLES) fs.writeFileSync(path.join(articles, a.file), a.text);
  const out = run('ingest', '--json', articles);
  expect(out.status, out.stderr).toBe(0);
  expect(JSON.parse(out.stdout)).toMatchObject({ new: 3, failed: 0 });
});

type Listed = { id: string; summary: string; proposer: string | null; articles: number; stances: Array<{ id: number; holder: string; stance: string; observations: number }> };
const listed = () => JSON.parse(run('proposals', '--json').stdout) as Listed[];
const patrol = () => listed().find((p) => /patrol/i.test(p.summary))!;

describe('reading the store back', () => {
  it('gathers the reports of one proposal into one, with its proposer and articles', () => {
    const p = patrol();
    expect(p).toBeDefined();
    expect(p.proposer).toBe('country:NOR');
    expect(p.articles).toBe(3);
  });

  it('resolves a surname from an earlier article and shows the change of position as a timeline', () => {
    const nld = patrol().stances.find((s) => s.holder === 'country:NLD');
    expect(nld?.stance).toBe('support');
    const history = JSON.parse(run('stances', patrol().id, '--history', '--json').stdout) as { observations: Array<{ holder: string; actor: string; stance: string; date: string }> };
    const dutch = history.observations.filter((o) => o.holder === 'country:NLD');
    expect(dutch.map((o) => [o.date, o.stance])).toEqual([['2025-04-01', 'oppose'], ['2025-04-20', 'support']]);
    expect(dutch.every((o) => o.actor === 'person:marit-velde')).toBe(true);
  });

  it('shows an actor with aliases and positions', () => {
    const out = run('actor', 'person:marit-velde', '--json');
    expect(out.status, out.stderr).toBe(0);
    const a = JSON.parse(out.stdout) as { actor: { represents: string; aliases: string[] }; observations: unknown[] };
    expect(a.actor.represents).toBe('country:NLD');
    expect(a.actor.aliases).toContain('velde');
    expect(a.observations.length).toBe(2);
    expect(run('actor', 'person:nobody-here').status).toBe(1);
  });

  it('records a correction that overrides the machine and survives re-ingest', () => {
    const dnk = patrol().stances.find((s) => s.holder === 'country:DNK')!;
    const c = run('correct', String(dnk.id), '--stance', 'undecided', '--note', 'backing was conditional', '--author', 'tester');
    expect(c.status, c.stderr).toBe(0);
    expect(JSON.parse(run('ingest', '--json', articles).stdout)).toMatchObject({ new: 0, known: 3 });
    const after = patrol().stances.find((s) => s.holder === 'country:DNK')!;
    expect(after).toMatchObject({ id: dnk.id, stance: 'undecided' });
    const table = run('stances', patrol().id).stdout;
    expect(table).toContain('corrected; machine: support');
    expect(run('correct', '99999', '--stance', 'oppose').status).toBe(1);
    expect(run('correct', String(dnk.id), '--stance', 'maybe').status).toBe(2);
  });

  it('exports every kind as JSON Lines and CSV', () => {
    for (const what of ['proposals', 'stances', 'observations', 'quotes', 'actors', 'articles']) {
      const jsonl = run('export', '--what', what, '--format', 'jsonl');
      expect(jsonl.status, jsonl.stderr).toBe(0);
      const lines = jsonl.stdout.trim().split('\n').filter(Boolean);
      for (const l of lines) JSON.parse(l);
      if (what !== 'quotes') expect(lines.length).toBeGreaterThan(0);
    }
    const csv = run('export', '--what', 'stances', '--format', 'csv').stdout.trim().split('\n');
    expect(csv[0].split(',')).toContain('holder');
    expect(csv.length).toBeGreaterThan(1);
  });
});
