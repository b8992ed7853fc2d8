import { describe, expect, it } from 'vitest';
import { MATCH_END as E, MATCH_START as S, marked, parseQuery, toFts5, toWebsearch, unmark } from './search-query.js';

describe('search queries', () => {
  it('reads words, phrases, OR and exclusions, leaving out common words outside phrases', () => {
    const parts = parseQuery('the naval "no-fly zone" OR blockade -"peace talks" -Russia');
    expect(parts).toEqual([
      { words: ['naval'], not: false, or: false }, { words: ['no', 'fly', 'zone'], not: false, or: false },
      { words: ['blockade'], not: false, or: true }, { words: ['peace', 'talks'], not: true, or: false }, { words: ['russia'], not: true, or: false },
    ]);
    expect(toFts5(parts)).toBe('"naval" AND ("no fly zone" OR "blockade") NOT ("peace talks" OR "russia")');
    expect(toWebsearch(parts)).toBe('naval "no fly zone" OR blockade -"peace talks" -russia');
  });

  it('quotes what FTS5 would read as syntax, and refuses a query with nothing to find', () => {
    expect(toFts5(parseQuery('NEAR(a b) c* "x'))).toBe('"near a" AND "b" AND "c" AND "x"');
    for (const q of ['', '   ', 'the of', '-sanctions', '"" ()', 'OR']) expect(() => parseQuery(q), q).toThrow(/no word to find/);
  });

  it('reads the marks a database put around matched words, joining neighbours', () => {
    const h = unmark(`a ${S}naval${E} ${S}patrol${E} in the ${S}Baltic${E}`);
    expect(h).toEqual({ text: 'a naval patrol in the Baltic', matches: [{ start: 2, end: 14 }, { start: 22, end: 28 }] });
    expect(marked(h)).toBe('a «naval patrol» in the «Baltic»');
    expect(marked(h, '<mark>', '</mark>')).toBe('a <mark>naval patrol</mark> in the <mark>Baltic</mark>');
    expect(unmark(`${E}stray ${S}${E}x`)).toEqual({ text: 'stray x', matches: [] });
  });
});
