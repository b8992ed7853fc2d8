// Worker threads: `analyze` and `ingest` give the same output and store with --workers 1 and 2.
import { afterAll, describe, expect, it } from 'vitest';
import { standpoint, tempDir } from './cli.js';
import { syntheticJsonl } from './synthetic-news.js';

const t = tempDir('standpoint-workers-');
afterAll(() => t.remove());
const batch = t.put('batch.jsonl', syntheticJsonl(24));
const bad = t.put('mixed/b-broken.json', '{ not json');
t.put('mixed/a.txt', ' date 2025-03-01 Norway proposed a fisheries treaty on Monday, and Chile said it supported the treaty.');
t.put('mixed/c.jsonl', syntheticJsonl(3, 100));
const PATROL = [
  'Dutch defence minister Kajsa Ollongren proposed a joint air patrol over the North Sea on Monday. Belgium said it supported the patrol.',
  'The plan would put Dutch, Belgian and Danish aircraft on shared rotations from the spring, with a common command post in Den Helder.',
  'Officials in The Hague said the costs would be split by the size of each air force, and that the patrol would not replace national duties.',
  'Norway, which is not part of the plan, said it would watch how the first months went before deciding whether to take part.',
].join(' ');
// A person introduced in full, then named by surname alone in the very next article (analysed ahead by a worker).
const surnameArticles = [
  { id: 'intro', date: '2025-04-01', text: PATROL },
  { id: 'later', date: '2025-04-02', text: 'Ollongren said the patrol could start in May. “We are ready,” Ollongren told reporters, while Denmark said it opposed the air patrol.' },
  // The first story republished with one word changed: a near-duplicate (the worker fingerprints it, this thread compares).
  { id: 'wire', date: '2025-04-02', text: PATROL.replace('on Monday', 'on Tuesday') },
];
const surnames = t.put('surnames.jsonl', surnameArticles.map((a) => JSON.stringify(a)).join('\n'));

describe('--workers', () => {
  it('analyze prints the same records, in input order, with one worker and with two', () => {
    const one = standpoint(['analyze', '--json', '--workers', '1', batch, `${t.dir}/mixed`]);
    const two = standpoint(['analyze', '--json', '--workers', '2', batch, `${t.dir}/mixed`]);
    expect(one.status).toBe(1); // the broken file
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout.split('\n').filter(Boolean)).toHaveLength(28);
    expect(two.stderr).toContain(bad);
  });

  it('ingest stores the same with one worker and with two: each article sees what every earlier one taught', () => {
    const exports = ['1', '2'].map((w) => {
      const db = `${t.dir}/w${w}.db`;
      const run = standpoint(['ingest', '--json', '--db', db, '--workers', w, batch, surnames]);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ new: 26, copies: 1, failed: 0 });
      return ['proposals', 'stances', 'observations', 'quotes', 'actors', 'articles'].map((what) => {
        const out = standpoint(['export', '--db', db, '--what', what]);
        expect(out.status, out.stderr).toBe(0);
        return out.stdout;
      }).join('');
    });
    expect(exports[0].length).toBeGreaterThan(100);
    expect(exports[1]).toBe(exports[0]);
  });

  it('ingest with a knowledge lag stores the same with one worker and with two; an article does not learn from the n just before it', () => {
    const filler = { id: 'filler', date: '2025-04-01', text: 'Chile proposed a regional water fund on Monday. Peru said it would back the fund.' };
    const lines = (...ids: string[]) => ids.map((id) => JSON.stringify(id === 'filler' ? filler : surnameArticles.find((a) => a.id === id))).join('\n');
    const adjacent = t.put('lag/adjacent.jsonl', lines('intro', 'later'));
    const apart = t.put('lag/apart.jsonl', lines('intro', 'filler', 'later'));
    /** Who says "We are ready" in the later article, and the store's exports, after ingesting a file with a lag. */
    const ingest = (file: string, lag: string, workers: string) => {
      const db = `${t.dir}/lag-${lag}-${workers}-${file.split('/').pop()}.db`;
      const run = standpoint(['ingest', '--json', '--db', db, '--workers', workers, '--knowledge-lag', lag, file]);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ failed: 0, reanalysed: 0 });
      const exports = ['proposals', 'stances', 'observations', 'quotes', 'actors', 'articles'].map((what) => standpoint(['export', '--db', db, '--what', what]).stdout);
      const quotes = exports[3].split('\n').filter(Boolean).map((l) => JSON.parse(l) as { articleId: string; text: string; speaker: string | null });
      return { speaker: quotes.find((q) => q.articleId === 'later' && q.text.includes('We are ready'))?.speaker, exports: exports.join('') };
    };
    const kajsa = ingest(adjacent, '0', '1').speaker;
    expect(kajsa).toBe('person:kajsa-ollongren'); // learnt from the article before
    expect(ingest(adjacent, '1', '1').speaker).not.toBe(kajsa);
    const one = ingest(apart, '1', '1');
    const two = ingest(apart, '1', '2');
    expect(one.speaker).toBe(kajsa); // two articles before: known
    expect(two.exports).toBe(one.exports);
  });

  it('rejects a --workers that is not a positive whole number', () => {
    const run = standpoint(['analyze', '--workers', '0', batch]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--workers');
  });

  it('rejects a --knowledge-lag that is not a whole number, and one given with --queue', () => {
    for (const bad of ['-1', '1.5', 'two', '']) {
      const run = standpoint(['ingest', '--db', `${t.dir}/never.db`, '--knowledge-lag', bad, batch]);
      expect(run.status, bad).toBe(2);
      expect(run.stderr).toContain('--knowledge-lag must be a whole number of at least 0');
    }
    const queued = standpoint(['ingest', '--queue', 'nats://127.0.0.1:1', '--knowledge-lag', '8', batch]);
    expect(queued.status).toBe(2);
    expect(queued.stderr).toContain('--knowledge-lag is for ingesting into a store');
  });
});
