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
  it('takes a person given again as a whole, in place of what was known under their key', () => {
    const k = knowledgeFrom([person('Anna Berg', null, ['Berg']), { ...person('Anna Berg', 'country:SWE', ['Berg', 'Ms Berg']) }]);
    expect(k.people.get('ms berg')?.represents).toBe('country:SWE');
    expect(k.people.get('berg')?.represents).toBe('country:SWE');
    const renamed = knowledgeFrom([person('Anna Berg', 'country:SWE', ['Berg', 'Ms Berg']), { ...person('Anna Berg', 'country:SWE', ['Berg']) }]);
    expect(renamed.people.has('ms berg')).toBe(false);
  });
  it('means the same whatever order the people come in', () => {
    const people = [
      person('Anna Berg', 'country:SWE', ['Berg']), person('Tomas Berg', 'country:NOR', ['Berg', 'Anna Berg']),
      person('Lena Holm', 'country:FIN', ['Holm']), { ...person('Lena Holm', 'country:DNK', ['Holm', 'Minister Holm']) },
      person('Holm', null, ['Holm']),
    ];
    const entries = (list: typeof people) => JSON.stringify([...knowledgeFrom(list).people].sort(([a], [b]) => a.localeCompare(b)));
    const first = entries(people);
    // Every rotation and the reverse: the last given of a key wins, so keep each key's order.
    expect(entries([people[4], people[0], people[2], people[1], people[3]])).toBe(first);
    expect(entries([people[1], people[2], people[3], people[4], people[0]])).toBe(first);
    const k = knowledgeFrom(people);
    expect(k.people.get('anna berg')?.key).toBe('person:anna-berg'); // her full name, though Tomas Berg was called so too
    expect(k.people.has('berg')).toBe(false);
    expect(k.people.get('holm')?.key).toBe('person:holm'); // the one whose full name it is
    expect(k.people.get('minister holm')?.represents).toBe('country:DNK');
  });
});
