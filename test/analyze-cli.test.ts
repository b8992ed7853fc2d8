// End to end: `standpoint analyze` on inputs of every format, good and bad, as a user runs it.
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, records, standpoint, tempDir } from './cli.js';
import { AnalysisRecordSchema, recordInconsistencies } from './record-schema.js';
import { firstLineTitle } from '../src/ingest/text-format.js';

// Texts written for these tests.
const STORY_A = 'Austria proposed on Monday a ceasefire monitoring mission along the border. “We are ready to send observers,” the Austrian foreign minister told reporters in Vienna.\n\nHungary rejected the plan, while Sweden said it had not yet decided.';
const STORY_B = 'The European Union is preparing a new sanctions package, officials said on Tuesday. Finland backed the proposal, but Greece said it wanted more details first.';
const FRENCH = 'Les ministres des Affaires étrangères se sont réunis lundi à Bruxelles pour examiner une proposition de mission de surveillance du cessez-le-feu. Selon des responsables, le plan présenté par l’Autriche devrait obtenir le soutien de tous les États membres avant de pouvoir être mis en œuvre.';
const EXAMPLE = 'examples/nato-peacekeeping-2022-03-16.txt';

const tmp = tempDir();
afterAll(() => tmp.remove());

function validRecords(stdout: string) {
  return records(stdout).map((r) => {
    const parsed = AnalysisRecordSchema.parse(r);
    expect(recordInconsistencies(parsed)).toEqual([]);
    return parsed;
  });
}

describe('standpoint analyze --json', () => {
  it('prints one record per article, exactly in the spec shape, for the example article', () => {
    const run = standpoint(['analyze', '--json', EXAMPLE]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [record, ...rest] = validRecords(run.stdout);
    expect(rest).toEqual([]);
    expect(record.article).toMatchObject({ date: '2022-03-16', file: EXAMPLE, language: 'en' });
    // A text article's title is its first line, cut at a word (150 characters at most).
    expect(record.article.title).toMatch(/^Nato countries reacted coolly on Wednesday to Poland’s proposal .*…$/);
    expect(record.article.title!.length).toBeLessThanOrEqual(150);
    expect(record.article.text.startsWith('Nato countries')).toBe(true); // the header is removed
  });

  let dir: string;
  beforeAll(() => {
    dir = tmp.dir;
    tmp.put('mixed/1-story.txt', ` date 2023-01-09 ${STORY_A}`);
    tmp.put('mixed/2-story.json', JSON.stringify({ id: 'b-1', date: '2023-01-10', title: 'Sanctions', url: 'https://example.org/b', source: 'Example', text: STORY_B }));
    tmp.put('mixed/3-batch.jsonl', [STORY_A, STORY_B].map((text, i) => JSON.stringify({ id: `l${i}`, text })).join('\n'));
    tmp.put('mixed/sub/4-page.html', `<!doctype html><html><head><meta property="og:title" content="Monitors"><meta property="article:published_time" content="2023-01-11T09:00:00Z"></head><body><nav>Home World</nav><article><p>${STORY_A.replace('\n\n', '</p><p>')}</p></article></body></html>`);
    tmp.put('mixed/5-plain', STORY_B);
    tmp.put('mixed/.hidden.txt', STORY_B);
    tmp.put('mixed/1-story.gold.json', '{}');
  });

  it('reads a folder recursively, in name order, every format, skipping hidden and gold files', () => {
    const run = standpoint(['analyze', '--json', `${dir}/mixed`]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const got = validRecords(run.stdout).map((r) => [r.article.file!.slice(dir.length + 1), r.article.id.length > 0, r.article.date, r.article.title]);
    expect(got).toEqual([
      ['mixed/1-story.txt', true, '2023-01-09', firstLineTitle(STORY_A)],
      ['mixed/2-story.json', true, '2023-01-10', 'Sanctions'],
      ['mixed/3-batch.jsonl:1', true, null, null],
      ['mixed/3-batch.jsonl:2', true, null, null],
      ['mixed/5-plain', true, null, firstLineTitle(STORY_B)],
      ['mixed/sub/4-page.html', true, '2023-01-11', 'Monitors'],
    ]);
    expect(records(run.stdout)[1].article.id).toBe('b-1');
  });

  it('streams: prints the record of a JSON line before standard input ends', async () => {
    const child = spawn(process.execPath, [CLI, 'analyze', '--json', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const first = new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    child.stdin.write(`${JSON.stringify({ id: 'first', text: STORY_A })}\n`);
    expect(JSON.parse((await first).split('\n')[0]).article.id).toBe('first'); // standard input still open
    child.stdin.end(`${JSON.stringify({ id: 'second', text: STORY_B })}\n`);
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });

  it('reads standard input as -', () => {
    const run = standpoint(['analyze', '--json', '-'], { input: ` date 2023-01-09 ${STORY_A}` });
    expect(run.status).toBe(0);
    const [record] = validRecords(run.stdout);
    expect(record.article).toMatchObject({ file: '-', date: '2023-01-09', text: STORY_A });
  });
});

describe('standpoint analyze (report)', () => {
  it('prints a readable report of the example article', () => {
    const run = standpoint(['analyze', EXAMPLE]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`== ${EXAMPLE}`);
    expect(run.stdout).toContain('date 2022-03-16 · language en');
    expect(run.stdout).toMatch(/Proposal p1: |No proposals found\./);
  });
  it('says when an article is not analysed because of its language', () => {
    const file = tmp.put('report/fr.txt', FRENCH);
    const run = standpoint(['analyze', file]);
    expect(run.stdout).toContain('not analysed: the text is in "fr"');
    expect(run.status).toBe(1);
  });
});

describe('bad input', () => {
  // Each case: the message names the file (and line), the good article beside it is still analysed, exit code 1.
  const cases: { name: string; file: string; content: string | Buffer; message: RegExp; record: boolean }[] = [
    { name: 'an empty file', file: 'empty.txt', content: '', message: /empty\.txt: error: empty file/, record: false },
    { name: 'a binary file', file: 'image.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), message: /image\.png: error: binary file/, record: false },
    { name: 'a broken JSON line', file: 'lines.jsonl', content: `${JSON.stringify({ text: STORY_B })}\n{"text": "no end\n`, message: /lines\.jsonl:2: error: broken JSON/, record: true },
    { name: 'a JSON object without text', file: 'no-text.json', content: '{"title": "x"}', message: /no-text\.json: error: not an article: missing "text"/, record: false },
    { name: 'an unknown date', file: 'dated.txt', content: ` date 2023-02-30 ${STORY_B}`, message: /dated\.txt: error: unknown date "2023-02-30"/, record: true },
    { name: 'text in another language', file: 'french.txt', content: FRENCH, message: /french\.txt: warning: .*language "fr"/, record: true },
  ];
  for (const c of cases) {
    it(`${c.name}: reported with its file, the rest still analysed, exit 1`, () => {
      const bad = tmp.put(`bad/${c.name.replace(/\W+/g, '-')}/${c.file}`, c.content);
      const good = tmp.put(`bad/${c.name.replace(/\W+/g, '-')}/zz-good.txt`, ` date 2023-01-09 ${STORY_A}`);
      const run = standpoint(['analyze', '--json', bad, good]);
      expect(run.stderr).toMatch(c.message);
      expect(run.stderr).toMatch(/inputs had problems/);
      expect(run.status).toBe(1);
      const files = validRecords(run.stdout).map((r) => r.article.file);
      expect(files).toContain(good);
      expect(files.some((f) => f?.startsWith(bad))).toBe(c.record);
    });
  }

  it('a missing path: reported, the others analysed, exit 1', () => {
    const good = tmp.put('missing/good.txt', STORY_A);
    const run = standpoint(['analyze', '--json', `${tmp.dir}/missing/nope.txt`, good]);
    expect(run.stderr).toMatch(/nope\.txt: error: no such file or folder/);
    expect(records(run.stdout)).toHaveLength(1);
    expect(run.status).toBe(1);
  });

  it('a folder with no articles: said so, exit 1', () => {
    tmp.put('nothing/.hidden.txt', STORY_A);
    const run = standpoint(['analyze', '--json', `${tmp.dir}/nothing`]);
    expect(run.stderr).toMatch(/no articles found in .*nothing/);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1);
  });

  it('an enormous article: analysed up to the cap with a warning, exit 1', () => {
    const paragraph = `${STORY_B}\n\n`;
    const big = tmp.put('huge/big.txt', paragraph.repeat(Math.ceil(1_050_000 / paragraph.length)));
    const run = standpoint(['analyze', '--json', big]);
    expect(run.stderr).toMatch(/big\.txt: warning: article is \d+ characters long; only the first \d+ were analysed/);
    expect(run.status).toBe(1);
    expect(records(run.stdout)).toHaveLength(1);
  });
});

describe('usage', () => {
  it('exits 2 on usage errors', () => {
    expect(standpoint(['analyze']).status).toBe(2);
    expect(standpoint(['analyze', '--no-such-option', 'x']).status).toBe(2);
    expect(standpoint(['no-such-command']).status).toBe(2);
    expect(standpoint([]).status).toBe(2);
  });
  it('has --help on the program and on analyze', () => {
    const top = standpoint(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toContain('analyze');
    const sub = standpoint(['analyze', '--help']);
    expect(sub.status).toBe(0);
    expect(sub.stdout).toMatch(/Usage: standpoint analyze \[options\] <paths\.\.\.>/);
    expect(sub.stdout).toContain('--json');
  });
  it('exits 0 when a reader closes the output early', () => {
    const batch = tmp.put('pipe/batch.jsonl', `${JSON.stringify({ text: STORY_A })}\n`.repeat(300));
    const run = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" analyze --json "${batch}" | head -c 100 >/dev/null`], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
