import { describe, expect, it } from 'vitest';
import { ConlluError, readConllu, writeConllu } from './conllu.js';

// Sentences written for this test.
const TEXT = [
  '# sent_id = a1',
  '# text = Norway backs the plan.',
  '1\tNorway\tNorway\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t2:nsubj\t_',
  '2\tbacks\tback\tVERB\tVBZ\t_\t0\troot\t0:root\t_',
  '3\tthe\tthe\tDET\tDT\t_\t4\tdet\t4:det\t_',
  '4\tplan\tplan\tNOUN\tNN\t_\t2\tobj\t2:obj\tSpaceAfter=No',
  '5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_',
  '',
  '# sent_id = a2',
  '1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_',
  '2\tpassed\tpass\tVERB\tVBD\t_\t0\troot\t_\t_',
  '',
  '',
].join('\n');

describe('readConllu and writeConllu', () => {
  it('give back the same text for a file without multiword tokens or empty nodes', () => {
    const sentences = readConllu(TEXT);
    expect(sentences).toHaveLength(2);
    expect(sentences[0].words.map((w) => [w.form, w.head, w.deprel])).toEqual([
      ['Norway', 2, 'nsubj'], ['backs', 0, 'root'], ['the', 4, 'det'], ['plan', 2, 'obj'], ['.', 2, 'punct'],
    ]);
    expect(sentences[0].comments).toEqual(['# sent_id = a1', '# text = Norway backs the plan.']);
    expect(writeConllu(sentences)).toBe(TEXT);
  });

  it('skip multiword-token ranges and empty nodes, keeping the words', () => {
    const text = [
      '1-2\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_',
      '1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_',
      '2\tn\'t\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_',
      '3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_',
      '3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t3:conj\t_',
      '',
    ].join('\r\n');
    const [s] = readConllu(text);
    expect(s.words.map((w) => w.form)).toEqual(['do', "n't", 'go']);
  });

  it('name the line of a malformed word', () => {
    expect(() => readConllu('1\tNorway\tNorway\tPROPN\n')).toThrow(ConlluError);
    expect(() => readConllu('1\tNorway\tNorway\tPROPN\tNNP\t_\t0\troot\t_\t_\n3\tbacks\tback\tVERB\tVBZ\t_\t1\tdep\t_\t_\n')).toThrow(/line 2: word id 3 out of order/);
    expect(() => readConllu('1\tNorway\tNorway\tPROPN\tNNP\t_\tx\troot\t_\t_\n')).toThrow(/line 1: head "x"/);
  });
});
