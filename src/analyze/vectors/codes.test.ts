// Tests of the meaning codes: near words share codes, far words few, and the codes never change between runs.
import { describe, expect, it } from 'vitest';
import { meaningCodes } from './codes.js';

const shared = (a: string, b: string) => meaningCodes(a).filter((c) => meaningCodes(b).includes(c)).length;

describe('meaningCodes', () => {
  it('gives a word one code per table, and none to a word without a vector', () => {
    expect(meaningCodes('rejected')).toHaveLength(4);
    expect(meaningCodes('qwzxkvj')).toHaveLength(0);
  });

  it('gives words of near meaning more shared codes than words of far meaning', () => {
    const near = shared('rejected', 'rejects') + shared('embargo', 'sanctions') + shared('welcomed', 'praised');
    const far = shared('rejected', 'banana') + shared('embargo', 'guitar') + shared('welcomed', 'kilometre');
    expect(near).toBeGreaterThan(far);
  });

  it('is the same on every call (a fixed seed, cached per word)', () => {
    expect([...meaningCodes('ceasefire')]).toEqual([...meaningCodes('ceasefire')]);
    expect(meaningCodes('Ceasefire')).toEqual(meaningCodes('ceasefire'));
  });
});
