// Tests of the tokens' lexeme numbers and of values kept by them.
import { describe, expect, it } from 'vitest';
import { newDoc } from '../doc.js';
import { EMPTY_KNOWLEDGE } from '../knowledge.js';
import { tokenize } from './tokenize.js';
import { ByLexeme, lexemesOf } from './lexemes.js';

const tokenized = (text: string) => {
  const doc = newDoc({ id: 't', date: null, title: null, url: null, source: null, file: null, language: 'en', text }, text, EMPTY_KNOWLEDGE);
  tokenize.run(doc);
  return doc;
};

describe('lexemesOf', () => {
  it('numbers tokens of the same text alike, across documents, and others apart', () => {
    const a = tokenized('The levy rose. The Levy fell.');
    const b = tokenized('A levy, the levy.');
    const ids = (doc: ReturnType<typeof tokenized>, text: string) => doc.tokens.filter((t) => t.text === text).map((t) => lexemesOf(doc.tokens)![t.i]);
    const levy = ids(a, 'levy')[0];
    expect(ids(b, 'levy')).toEqual([levy, levy]);
    expect(ids(a, 'Levy')[0]).not.toBe(levy);
    expect(lexemesOf([...a.tokens])).toBeUndefined();
  });
});

describe('ByLexeme', () => {
  it('derives a value once per word, and from the text alone for tokens without numbers', () => {
    let derived = 0;
    const upper = new ByLexeme((text) => { derived++; return text.toUpperCase(); });
    const doc = tokenized('the levy and the levy and the levy');
    const lexemes = lexemesOf(doc.tokens);
    const out = doc.tokens.map((t) => upper.of(doc.tokens, lexemes, t.i));
    expect(out.filter((x) => x.trim()).join(' ')).toBe('THE LEVY AND THE LEVY AND THE LEVY');
    expect(derived).toBe(new Set(doc.tokens.map((t) => t.text)).size);
    expect(upper.of(doc.tokens, undefined, 1)).toBe(doc.tokens[1].text.toUpperCase());
  });

  it('forgets its values past its limit', () => {
    let derived = 0;
    const kept = new ByLexeme((text) => { derived++; return text; }, 2);
    const doc = tokenized('one two three one');
    const lexemes = lexemesOf(doc.tokens);
    const words = doc.tokens.filter((t) => t.pos !== 'SPACE');
    for (const t of words) kept.of(doc.tokens, lexemes, t.i);
    // one, two; three passes the limit and empties the store; the second "one" is derived again.
    expect(derived).toBe(4);
  });
});
