// Head-noun examples from an invented gold article: anchors' heads are positives, the nouns outside anchors negatives.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDoc } from '../../analyze/doc.js';
import { EMPTY_KNOWLEDGE } from '../../analyze/knowledge.js';
import { tokenize } from '../../analyze/tokenize/tokenize.js';
import { wordVectors } from '../../analyze/vectors/vectors.js';
import { headExamples, headOf, readGold, type GoldArticle } from './examples.js';

const TEXT = 'Norway proposed a fisheries treaty with Chile on Monday. The treaty would cover the southern waters, officials said. '
  + 'A Chilean minister rejected sanctions on Norway and praised the harbour festival.';

function tokens(text: string) {
  const doc = newDoc({ id: 'x', date: null, title: null, url: null, source: null, file: null, language: 'en', text }, text, EMPTY_KNOWLEDGE);
  tokenize.run(doc);
  return doc.tokens.filter((t) => t.pos !== 'SPACE');
}

describe('headOf', () => {
  it('takes the last noun before the first preposition', () => {
    expect(headOf(tokens('new sanctions on the Russian oil industry'))?.text).toBe('sanctions');
    expect(headOf(tokens('the joint naval patrol'))?.text).toBe('patrol');
    expect(headOf(tokens('a ban of cluster munitions'))?.text).toBe('ban');
    expect(headOf(tokens('of the'))).toBeNull();
  });
});

describe('headExamples', () => {
  const article: GoldArticle = {
    name: 'X1-invented', story: 'X1', text: TEXT,
    anchors: [{ text: 'fisheries treaty', optional: false }, { text: 'The treaty', optional: false }, { text: 'sanctions on Norway', optional: true }],
  };

  it('labels anchors\' heads 1 and the nouns outside anchors 0, once per word', () => {
    const examples = headExamples(article, wordVectors());
    const positives = examples.filter((e) => e.label === 1).map((e) => e.word);
    const negatives = examples.filter((e) => e.label === 0).map((e) => e.word);
    expect(positives).toEqual(['treaty']);
    expect(negatives).toEqual(expect.arrayContaining(['officials', 'waters', 'minister', 'festival']));
    // Inside an anchor (an optional proposal's included): neither.
    for (const w of ['fisheries', 'sanctions', 'treaty']) expect(negatives).not.toContain(w);
    expect(new Set(negatives).size).toBe(negatives.length);
    expect(examples.every((e) => e.story === 'X1' && e.article === 'X1-invented')).toBe(true);
  });

  it('reads gold files beside their texts, the story from the name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-gold-'));
    try {
      fs.writeFileSync(path.join(dir, 'X7-one.txt'), TEXT);
      fs.writeFileSync(path.join(dir, 'X7-one.gold.json'), JSON.stringify({ proposals: [{ key: 'k', anchors: ['The treaty'] }, { key: 'o', optional: true, anchors: ['sanctions'] }] }));
      fs.writeFileSync(path.join(dir, 'X8-no-text.gold.json'), '{}');
      expect(readGold([dir])).toEqual([{ name: 'X7-one', story: 'X7', text: TEXT, anchors: [{ text: 'The treaty', optional: false }, { text: 'sanctions', optional: true }] }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
