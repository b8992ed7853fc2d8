import { describe, expect, it } from 'vitest';
import { isSpaceToken, type Doc } from '../doc.js';
import { parseText } from './sentences.js';
import { subjects } from './tree.js';

// Sentences written for these tests.
const TEXT = `The committee approved the proposal on Monday.
The proposal was rejected by Hungary.

France, Germany and Italy signed the agreement, but Poland did not sign it.
Officials in Brussels said that the sanctions would remain in place until the end of the year, while several governments, including those of Spain and Portugal, asked for a review.`;

/** The word of `doc` whose text is `text` (the first, or the n-th). */
function word(doc: Doc, text: string, n = 0): number {
  const found = doc.tokens.filter((t) => t.text === text);
  if (found.length <= n) throw new Error(`no "${text}" in the text`);
  return found[n].i;
}

describe('parse stage', () => {
  const doc = parseText(TEXT);

  it('gives every word a head inside its sentence and a relation, one root per sentence, no cycle', () => {
    expect(doc.sentences.length).toBeGreaterThanOrEqual(4);
    for (const s of doc.sentences) {
      const words = doc.tokens.slice(s.first, s.last + 1).filter((t) => !isSpaceToken(t));
      expect(words.filter((t) => t.head === -1).map((t) => t.rel)).toEqual(['root']);
      for (const t of words) {
        expect(t.rel).not.toBe('');
        if (t.head >= 0) {
          expect(t.head).toBeGreaterThanOrEqual(s.first);
          expect(t.head).toBeLessThanOrEqual(s.last);
          expect(isSpaceToken(doc.tokens[t.head])).toBe(false);
        }
        // Following heads from any word reaches the root within the sentence's length.
        let h = t.i;
        for (let steps = 0; h !== -1; steps++) {
          expect(steps).toBeLessThanOrEqual(words.length);
          h = doc.tokens[h].head;
        }
      }
    }
  });

  it('leaves white space out of the tree', () => {
    const spaces = doc.tokens.filter((t) => t.pos === 'SPACE');
    expect(spaces.length).toBeGreaterThan(0);
    for (const t of spaces) expect([t.head, t.rel]).toEqual([-1, '']);
  });

  it('finds the subject and the object of a simple clause', () => {
    const approved = word(doc, 'approved');
    expect(doc.tokens[word(doc, 'committee')]).toMatchObject({ head: approved, rel: 'nsubj' });
    expect(doc.tokens[word(doc, 'proposal')]).toMatchObject({ head: approved, rel: 'obj' });
    expect(doc.tokens[approved].rel).toBe('root');
  });

  it('finds the passive subject and the agent', () => {
    const rejected = word(doc, 'rejected');
    expect(doc.tokens[word(doc, 'proposal', 1)]).toMatchObject({ head: rejected, rel: 'nsubj:pass' });
    expect(doc.tokens[word(doc, 'Hungary')]).toMatchObject({ head: rejected, rel: 'obl:agent' });
  });

  it('joins a list of countries by conj, and all are the subjects of their verb', () => {
    const france = word(doc, 'France');
    expect(doc.tokens[word(doc, 'Germany')]).toMatchObject({ head: france, rel: 'conj' });
    expect(doc.tokens[word(doc, 'Italy')]).toMatchObject({ head: france, rel: 'conj' });
    expect(subjects(doc, word(doc, 'signed')).map((i) => doc.tokens[i].text)).toEqual(['France', 'Germany', 'Italy']);
    expect(subjects(doc, word(doc, 'sign')).map((i) => doc.tokens[i].text)).toEqual(['Poland']);
  });

  it('parses a very long sentence without trouble', () => {
    const long = parseText(`${Array.from({ length: 400 }, (_, k) => `country ${k} agreed`).join(', ')}.`);
    const words = long.tokens.filter((t) => !isSpaceToken(t));
    expect(words.length).toBeGreaterThan(1000);
    expect(words.filter((t) => t.head === -1)).toHaveLength(long.sentences.length);
  });
});
