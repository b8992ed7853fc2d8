import { describe, expect, it } from 'vitest';
import { bestMatch, matchScore, proposalTerms, stem } from './proposal-match.js';

const known = (key: string, summary: string, extra: Partial<{ proposer: string | null; body: string | null; firstSeen: string; lastSeen: string }> = {}) => ({
  terms: proposalTerms(key, summary), proposer: null, body: null, firstSeen: '2024-05-01', lastSeen: '2024-05-03', ...extra,
});

describe('proposal matching', () => {
  it('extracts stemmed content words', () => {
    expect(proposalTerms('naval-patrols-red-sea', 'joint naval patrols in the Red Sea')).toEqual(['naval', 'patrol', 'red', 'sea', 'joint']);
    expect(stem('peacekeepers')).toBe(stem('peacekeeping'));
    expect(stem('sanctions')).toBe('sanction');
    expect(stem('countries')).toBe('country');
  });
  it('matches the same proposal told in other words', () => {
    const k = known('naval-patrol-red-sea', 'naval patrols in the Red Sea', { proposer: 'country:FRA' });
    const p = { terms: proposalTerms('red-sea-patrol', 'a joint Red Sea naval patrol'), proposer: 'country:FRA', body: null, date: '2024-05-10' };
    expect(matchScore(p, k)).toBeGreaterThanOrEqual(0.6);
    expect(bestMatch(p, [k])).toBe(k);
  });
  it('keeps apart proposals of different proposers, bodies or times', () => {
    const k = known('naval-patrol-red-sea', 'naval patrols in the Red Sea', { proposer: 'country:FRA', body: 'org:EU' });
    const base = { terms: proposalTerms('naval-patrol-red-sea', 'naval patrols in the Red Sea'), proposer: null, body: null, date: '2024-05-02' };
    expect(matchScore(base, k)).toBe(1);
    expect(matchScore({ ...base, proposer: 'country:ITA' }, k)).toBe(0);
    expect(matchScore({ ...base, body: 'org:NATO' }, k)).toBe(0);
    expect(matchScore({ ...base, date: '2025-06-01' }, k)).toBe(0);
    expect(matchScore({ ...base, date: '2025-03-01' }, k)).toBe(1);
  });
  it('does not match on generic words alone', () => {
    const k = known('unsc-resolution-sudan-ceasefire', 'Security Council draft resolution on a Sudan ceasefire');
    const p = { terms: proposalTerms('unsc-resolution-haiti-mission', 'Security Council resolution on a Haiti mission'), proposer: null, body: null, date: '2024-05-02' };
    expect(bestMatch(p, [k])).toBeNull();
  });
});

describe('canonical summary', () => {
  it('prefers a few telling words over one word or a long clause', async () => {
    const { betterSummary } = await import('./record-article.js');
    expect(betterSummary('Peacekeepers', 'armed peacekeeping mission in Ukraine')).toBe('armed peacekeeping mission in Ukraine');
    expect(betterSummary('armed peacekeeping mission in Ukraine', 'the plan that ministers discussed at length on Wednesday in Brussels with allies')).toBe('armed peacekeeping mission in Ukraine');
  });
});
