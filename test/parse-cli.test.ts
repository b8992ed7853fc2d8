// End to end: `standpoint parse` on a text file and on a CoNLL-U file, as a user runs it.
import { afterAll, describe, expect, it } from 'vitest';
import { readConllu } from '../src/analyze/parse/conllu.js';
import { standpoint, tempDir } from './cli.js';

// Texts written for these tests.
const TEXT = 'Norway backed the plan.\nThe talks were postponed by the hosts until March.';
const CONLLU = [
  '# sent_id = x1',
  '1\tSweden\t_\t_\t_\t_\t2\tnsubj\t_\t_',
  '2\tsigned\t_\t_\t_\t_\t0\troot\t_\t_',
  '3\tthe\t_\t_\t_\t_\t4\tdet\t_\t_',
  '4\ttreaty\t_\t_\t_\t_\t2\tobj\t_\t_',
  '5\t.\t_\t_\t_\t_\t2\tpunct\t_\t_',
  '',
  '',
].join('\n');

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('standpoint parse', () => {
  it('prints a text file\'s sentences as CoNLL-U trees', () => {
    const run = standpoint(['parse', tmp.put('news.txt', TEXT)]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const sentences = readConllu(run.stdout);
    expect(sentences.map((s) => s.words.map((w) => w.form).join(' '))).toEqual(['Norway backed the plan .', 'The talks were postponed by the hosts until March .']);
    const [first] = sentences;
    expect(first.comments).toContain('# text = Norway backed the plan.');
    expect(first.words.map((w) => [w.form, w.upos, w.head, w.deprel])).toEqual([
      ['Norway', 'PROPN', 2, 'nsubj'], ['backed', 'VERB', 0, 'root'], ['the', 'DET', 4, 'det'], ['plan', 'NOUN', 2, 'obj'], ['.', 'PUNCT', 2, 'punct'],
    ]);
    expect(first.words[3].misc).toBe('SpaceAfter=No');
    expect(first.words[1].lemma).toBe('back');
    const second = sentences[1].words;
    expect(second.find((w) => w.form === 'talks')).toMatchObject({ head: 4, deprel: 'nsubj:pass' });
  });

  it('parses a CoNLL-U file\'s own words, keeping its comments, and prints JSON with --json', () => {
    const file = tmp.put('gold.conllu', CONLLU);
    const run = standpoint(['parse', '--conllu', file]);
    expect(run.status).toBe(0);
    const [s] = readConllu(run.stdout);
    expect(s.comments).toEqual(['# sent_id = x1']);
    expect(s.words.map((w) => [w.form, w.lemma, w.head, w.deprel])).toEqual([['Sweden', '_', 2, 'nsubj'], ['signed', '_', 0, 'root'], ['the', '_', 4, 'det'], ['treaty', '_', 2, 'obj'], ['.', '_', 2, 'punct']]);
    const json = standpoint(['parse', '--conllu', '--json', file]);
    expect(json.status).toBe(0);
    const lines = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0].words[0]).toEqual({ id: 1, form: 'Sweden', upos: 'PROPN', head: 2, deprel: 'nsubj' });
  });

  it('reads standard input for -', () => {
    const run = standpoint(['parse', '-'], { input: 'Chile voted against it.' });
    expect(run.status).toBe(0);
    expect(readConllu(run.stdout)[0].words.map((w) => w.deprel)).toContain('root');
  });

  it('names the file it cannot read, and the line of a broken CoNLL-U file', () => {
    const missing = standpoint(['parse', `${tmp.dir}/nothing.txt`]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/standpoint: cannot read .*nothing\.txt: no such file/);
    const broken = standpoint(['parse', '--conllu', tmp.put('broken.conllu', '1\tSweden\t_\n')]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/broken\.conllu: line 1: 3 columns, not 10/);
  });
});
