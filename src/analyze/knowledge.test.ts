import { describe, expect, it } from 'vitest';
import { knowledgeFrom } from './knowledge.js';

const person = (name: string, represents: string | null, aliases: string[]) => ({
  key: `person:${name.toLowerCase().replace(/ /g, '-')}`, name, role: 'minister', country: represents?.slice(8) ?? null, organization: null, represents, aliases,
});

describe('knowledge', () => {
  it('finds people by full name and surname', () => {
    const k = knowledgeFrom([person('Anna Berg', 'country:SWE', ['Berg'])]);
    expect(k.people.get('anna berg')?.represents).toBe('country:SWE');
    expect(k.people.get('berg')?.key).toBe('person:anna-berg');
  });
  it('drops a surname two people share, keeping their full names', () => {
    const k = knowledgeFrom([person('Anna Berg', 'country:SWE', ['Berg']), person('Tomas Berg', 'country:NOR', ['Berg'])]);
    expect(k.people.has('berg')).toBe(false);
    expect(k.people.get('tomas berg')?.represents).toBe('country:NOR');
    expect(k.people.get('anna berg')?.represents).toBe('country:SWE');
  });
  it('merges what later articles add about the same person', () => {
    const k = knowledgeFrom([person('Anna Berg', null, ['Berg']), { ...person('Anna Berg', 'country:SWE', ['Berg', 'Ms Berg']) }]);
    expect(k.people.get('ms berg')?.represents).toBe('country:SWE');
  });
});
