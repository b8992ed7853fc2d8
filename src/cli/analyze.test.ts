import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze/index.js';
import type { Article } from '../analyze/record.js';
import { runAnalyze } from './analyze.js';
import { Progress } from './progress.js';

// Texts written for this test.
const lines = ['Austria proposed a ceasefire monitoring mission on Monday.', 'Hungary rejected the plan on Tuesday.', 'Sweden said it had not decided.']
  .map((text, i) => JSON.stringify({ id: `n${i}`, text })).join('\n');

function io(analyzer?: (a: Article) => ReturnType<typeof analyze>) {
  const out: string[] = [];
  const messages: string[] = [];
  const progress = new Progress({ enabled: false });
  progress.message = (line: string) => void messages.push(line);
  return { out, messages, io: { write: (t: string) => void out.push(t), progress, stdin: Readable.from([Buffer.from(lines)]), analyze: analyzer } };
}

describe('runAnalyze', () => {
  it('prints one JSON record per article and exits 0', async () => {
    const t = io();
    expect(await runAnalyze(['-'], { json: true }, t.io)).toBe(0);
    expect(t.out.map((l) => JSON.parse(l).article.id)).toEqual(['n0', 'n1', 'n2']);
    expect(t.messages).toEqual([]);
  });
  it('goes on past an article the analyser fails on, says which, and exits 1', async () => {
    const t = io((a) => {
      if (a.id === 'n1') throw new Error('boom');
      return analyze(a);
    });
    expect(await runAnalyze(['-'], { json: true }, t.io)).toBe(1);
    expect(t.out.map((l) => JSON.parse(l).article.id)).toEqual(['n0', 'n2']);
    expect(t.messages[0]).toBe('<stdin>:2: error: analysis failed: boom');
    expect(t.messages.at(-1)).toBe('standpoint analyze: 1 of 3 inputs had problems (see above)');
  });
});
