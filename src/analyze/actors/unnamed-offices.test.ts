// Tests for ministries named without their country.
import { describe, expect, it } from 'vitest';
import { mentionTexts, run } from './test-helpers.js';

describe('unnamed offices', () => {
  it('gives "the foreign ministry" to the country of the dateline', () => {
    const doc = run('ISTANBUL (Reuters) - Talks ended on Monday without a deal. The foreign ministry said the request was premature.');
    expect(mentionTexts(doc, 'country:TUR')).toContain('The foreign ministry');
  });
  it('gives it to the subject of the sentence before', () => {
    const doc = run('Hungary will veto the package. In a statement, the foreign ministry said the sanctions hurt Europe.');
    expect(mentionTexts(doc, 'country:HUN')).toContain('the foreign ministry');
  });
  it('leaves "the ministry of X" to what follows', () => {
    const doc = run('Hungary objected. The ministry of defence of Slovakia said nothing.');
    expect(mentionTexts(doc, 'country:HUN')).not.toContain('The ministry');
  });
  it('gives "X, the country\'s finance minister" the country of the passage', () => {
    const doc = run('Chile will host the summit. Rosa Pinto, the country’s finance minister, said the tax was fair.');
    expect(doc.actors.find((a) => a.key === 'person:rosa-pinto')?.represents).toBe('country:CHL');
  });
});
