// Tests of the lexicon data files: countries, organisations, titles and known people.
import { describe, expect, it } from 'vitest';
import { COUNTRIES, ORGANIZATIONS, TITLES } from './lexicon.js';

describe('lexicon data', () => {
  it('has every country once, keyed by ISO 3166-1 alpha-3, with its name among its names', () => {
    const isos = COUNTRIES.map((c) => c.iso3);
    expect(new Set(isos).size).toBe(isos.length);
    expect(isos.length).toBeGreaterThanOrEqual(249);
    for (const c of COUNTRIES) {
      expect(c.iso3).toMatch(/^[A-Z]{3}$/);
      expect(c.names).toContain(c.name);
    }
  });

  it('gives no phrase to two countries', () => {
    const seen = new Map<string, string>();
    for (const c of COUNTRIES) for (const p of [...c.names, ...c.demonyms, ...c.seats]) {
      const owner = seen.get(p);
      if (owner && owner !== c.iso3) throw new Error(`"${p}" names both ${owner} and ${c.iso3}`);
      seen.set(p, c.iso3);
    }
  });

  it('knows the short forms news uses', () => {
    const of = (iso: string) => COUNTRIES.find((c) => c.iso3 === iso)!;
    expect(of('GBR').names).toEqual(expect.arrayContaining(['UK', 'U.K.', 'Britain', 'United Kingdom']));
    expect(of('USA').names).toEqual(expect.arrayContaining(['US', 'U.S.', 'America', 'United States']));
    expect(of('TUR').names).toEqual(expect.arrayContaining(['Turkey', 'Türkiye']));
    expect(of('KOR').names).toEqual(expect.arrayContaining(['South Korea', 'Republic of Korea']));
    expect(of('RUS').seats).toEqual(expect.arrayContaining(['Kremlin', 'Moscow']));
    expect(of('UKR').seats).toEqual(expect.arrayContaining(['Kyiv', 'Kiev']));
  });

  it('has the organisation keys of the evaluation guide, each once and upper-case', () => {
    const keys = ORGANIZATIONS.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[A-Z0-9-]+$/);
    for (const k of ['NATO', 'EU', 'EC', 'EP', 'UN', 'UNSC', 'UNGA', 'G7', 'G20', 'OSCE', 'AU', 'ASEAN', 'IAEA', 'IMF', 'WHO']) expect(keys).toContain(k);
  });

  it('says for every title whether its holder speaks for an office or for themselves', () => {
    for (const t of TITLES) expect(['office', 'self']).toContain(t.speaks);
    const speaks = (p: string) => TITLES.find((t) => t.phrase === p)?.speaks;
    expect(speaks('foreign minister')).toBe('office');
    expect(speaks('senator')).toBe('self');
    expect(speaks('opposition leader')).toBe('self');
  });
});

describe('people data', () => {
  it('gives every known person dated spells of office with a country or an organisation and a known title', async () => {
    const { default: people } = await import('./data/people.json', { with: { type: 'json' } });
    const { titleSpeaks } = await import('./titles.js');
    const names = new Set<string>();
    for (const p of people as { name: string; roles: { role: string; country?: string; organization?: string; from: string | null; to: string | null }[] }[]) {
      expect(names.has(p.name)).toBe(false);
      names.add(p.name);
      for (const r of p.roles) {
        expect(r.country ?? r.organization).toBeTruthy();
        expect(titleSpeaks(r.role), `${p.name}: ${r.role}`).not.toBeNull();
        if (r.from && r.to) expect(r.from < r.to).toBe(true);
      }
    }
  });
});
