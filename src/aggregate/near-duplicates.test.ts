import { describe, expect, it } from 'vitest';
import { bands, contentHash, fingerprint, minhash, normalizeText, parseSignature, signatureHex, similarity } from './near-duplicates.js';

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
  it('keeps the signatures stores hold: FNV-1a of each 5-shingle joined by spaces, 64 affine hashes', () => {
    // The definition written out plainly; stores compare new signatures with those written by earlier versions.
    const fnv = (t: string) => { let h = 0x811c9dc5; for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193); return h >>> 0; };
    const plain = (text: string) => {
      const words = normalizeText(text).replace(/[^\p{L}\p{N}' ]+/gu, ' ').split(' ').filter(Boolean);
      const sig = new Uint32Array(64).fill(0xffffffff);
      const k = Math.min(5, Math.max(1, words.length));
      for (let i = 0; i + k <= words.length; i++) {
        const h = fnv(words.slice(i, i + k).join(' '));
        for (let j = 0; j < 64; j++) sig[j] = Math.min(sig[j], (Math.imul(h, (fnv(`m${j}`) | 1) >>> 0) + fnv(`a${j}`)) >>> 0);
      }
      return sig;
    };
    for (const text of [story, '', 'Peace', 'Two words', 'Ünïcode “quoted” ‘x’ ﬁnal — 12,5 …']) {
      expect(Array.from(minhash(text))).toEqual(Array.from(plain(text)));
      expect(fingerprint(text)).toEqual({ contentHash: contentHash(text), signature: minhash(text) });
    }
  });
});
