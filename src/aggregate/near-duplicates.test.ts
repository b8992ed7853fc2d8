import { describe, expect, it } from 'vitest';
import { bands, contentHash, minhash, parseSignature, signatureHex, similarity } from './near-duplicates.js';

const story = `The foreign ministers of the Nordic states met in Reykjavik on Monday to discuss a joint
air-policing plan. Iceland's minister said the plan deserved support, while Norway asked for more details
before any decision. Denmark said it would present a costed version of the proposal next month, and Finland
welcomed the idea as a sensible step for the region. Sweden did not comment on the talks.`;

describe('near duplicates', () => {
  it('gives the same hash to texts differing only in whitespace, case and quote style', () => {
    expect(contentHash('He said “yes”  today.')).toBe(contentHash('he said "yes" today.'));
    expect(contentHash('He said yes today.')).not.toBe(contentHash('He said no today.'));
  });
  it('finds a lightly edited copy similar and an unrelated text dissimilar', () => {
    const edited = story.replace('on Monday', 'on Monday, officials said,').replace('next month', 'in March');
    const other = 'Parliament in Lisbon approved the budget after a long night of votes on pensions, schools and roads.';
    const s = minhash(story);
    expect(similarity(s, minhash(edited))).toBeGreaterThanOrEqual(0.6);
    expect(similarity(s, minhash(other))).toBeLessThan(0.1);
    expect(similarity(s, minhash(story))).toBe(1);
  });
  it('round-trips signatures and shares bands between copies', () => {
    const s = minhash(story);
    expect(Array.from(parseSignature(signatureHex(s)))).toEqual(Array.from(s));
    const copy = minhash(story.replace('Sweden did not comment on the talks.', 'Sweden did not comment.'));
    const shared = bands(s).filter((b) => bands(copy).includes(b));
    expect(shared.length).toBeGreaterThan(0);
    expect(bands(s)).toHaveLength(16);
  });
});
