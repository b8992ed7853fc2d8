import { describe, expect, it } from 'vitest';
import { GROUP_NOUNS, TITLES, isPronoun, reportingVerb, verbForms } from './lexicon.js';

describe('speech-verb lexicon', () => {
  it('maps inflected forms to their lemma and class', () => {
    expect(reportingVerb('said')).toEqual({ lemma: 'say', cls: 'speech' });
    expect(reportingVerb('warned')?.cls).toBe('speech');
    expect(reportingVerb('believes')?.cls).toBe('thought');
    expect(reportingVerb('cited')?.cls).toBe('object');
    expect(reportingVerb('table')).toBeUndefined();
  });

  it('holds only lower-case single words', () => {
    for (const f of verbForms()) expect(f).toMatch(/^[a-z]+$/);
  });

  it('covers the verbs reporters use most', () => {
    for (const f of ['says', 'told', 'added', 'argued', 'insisted', 'announced', 'claimed', 'noted', 'stressed', 'denied', 'confirmed']) {
      expect(reportingVerb(f), f).toBeDefined();
    }
  });
});

describe('speaker words', () => {
  it('knows pronouns, groups and titles', () => {
    expect(isPronoun('she')).toBe(true);
    expect(isPronoun('table')).toBe(false);
    expect(GROUP_NOUNS.has('officials')).toBe(true);
    expect(TITLES.has('minister')).toBe(true);
  });
});

describe('speech nouns', () => {
  it('know which words open their content', async () => {
    const { nounTakes } = await import('./nominal.js');
    expect(nounTakes('claim', 'that')).toBe(true);
    expect(nounTakes('call', 'for')).toBe(true);
    expect(nounTakes('call', 'that')).toBe(false);
    expect(nounTakes('table', 'that')).toBe(false);
  });
});
