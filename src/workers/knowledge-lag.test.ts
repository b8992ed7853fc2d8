import { describe, expect, it } from 'vitest';
import type { KnownPerson } from '../analyze/knowledge.js';
import { KnowledgeLag } from './knowledge-lag.js';

const person = (name: string): KnownPerson => ({ key: `person:${name.toLowerCase()}`, name, role: 'envoy', country: null, organization: null, represents: null, aliases: [] });

/** Runs inputs through a lag as ingest does (analysed, then stored, in order); returns who was taught before each. */
function run(lag: number, teaches: string[][], ahead: number): string[][] {
  const taught: string[] = [];
  const seen: string[][] = [];
  const l = new KnowledgeLag<{ i: number }>(lag, (people) => taught.push(...people.map((p) => p.name)));
  const inputs = teaches.map((_, i) => ({ i }));
  let stored = 0;
  for (let i = 0; i < inputs.length; i++) {
    // The writer lets `ahead` inputs be analysed before the one it stores next.
    while (stored < i - ahead) { l.taught(inputs[stored], teaches[stored].map(person)); l.done(); stored++; }
    l.next(inputs[i]);
    seen.push([...taught]);
  }
  return seen;
}

describe('KnowledgeLag', () => {
  const teaches = [['Ann'], [], ['Bo', 'Cy'], ['Di'], ['Ed']];

  it('analyses input i with what the inputs before i − lag taught, however far ahead the writer lets analysis run', () => {
    const expected = [[], [], [], ['Ann'], ['Ann']];
    expect(run(2, teaches, 2)).toEqual(expected);
    expect(run(2, teaches, 0)).toEqual(expected); // the writer right behind: what it stored early is still held back
    expect(run(1, teaches, 1)).toEqual([[], [], ['Ann'], ['Ann'], ['Ann', 'Bo', 'Cy']]);
  });

  it('passes on at once without a lag', () => {
    expect(run(0, teaches, 0)).toEqual([[], ['Ann'], ['Ann'], ['Ann', 'Bo', 'Cy'], ['Ann', 'Bo', 'Cy', 'Di']]);
  });

  it('refuses to analyse an input before all it may know is stored', () => {
    expect(() => run(1, teaches, 2)).toThrow(/input 2 is analysed before input 0 is stored/);
  });

  it('takes only a whole number of at least 0', () => {
    expect(() => new KnowledgeLag(-1, () => undefined)).toThrow(RangeError);
    expect(() => new KnowledgeLag(1.5, () => undefined)).toThrow(RangeError);
  });
});
