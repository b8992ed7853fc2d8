import { describe, expect, it } from 'vitest';
import { BODIES, holdsOn, type BodyData, type MemberEntry } from './body-data.js';
import { isIsoDate } from './outlook.js';

const bodies = Object.values(BODIES) as BodyData[];
const entries = (b: BodyData): MemberEntry[] => [...(b.permanent ?? []), ...b.members];

describe.each(bodies.map((b) => [b.id, b] as const))('%s data', (_id, body) => {
  it('cites a known source for every member, the rule and each population table', () => {
    const cited = [...body.ruleSources, ...entries(body).flatMap((m) => m.sources), ...(body.participants ?? []).flatMap((p) => p.sources),
      ...(body.population ?? []).flatMap((p) => p.sources)];
    for (const m of entries(body)) expect(m.sources.length, m.key).toBeGreaterThan(0);
    expect(cited.filter((id) => !body.sources[id])).toEqual([]);
    for (const s of Object.values(body.sources)) expect(typeof s.verified).toBe('boolean');
  });

  it('has well-formed keys, names and date spans', () => {
    for (const m of entries(body)) {
      expect(m.key).toMatch(/^country:[A-Z]{3}$/);
      expect(m.name.length).toBeGreaterThan(1);
      for (const d of [m.from, m.to]) if (d !== null) expect(isIsoDate(d), `${m.key} ${d}`).toBe(true);
      if (m.from && m.to) expect(m.from <= m.to).toBe(true);
    }
    expect(isIsoDate(body.knownFrom)).toBe(true);
  });

  it('never holds the same member twice on one day', () => {
    const list = entries(body);
    for (const [i, a] of list.entries()) {
      for (const b of list.slice(i + 1)) {
        if (a.key !== b.key) continue;
        const overlap = (a.from ?? '') <= (b.to ?? '9999') && (b.from ?? '') <= (a.to ?? '9999');
        expect(overlap, `${a.key} ${a.from}–${a.to} / ${b.from}–${b.to}`).toBe(false);
      }
    }
  });
});

describe('membership facts', () => {
  it('NATO has 32 members, the UNGA 193, the EU 27 after Brexit', () => {
    expect(BODIES.NATO.members.filter((m) => holdsOn(m, '2026-01-01'))).toHaveLength(32);
    expect(new Set(BODIES.UNGA.members.map((m) => m.key)).size).toBe(193);
    expect(BODIES.EU.members.filter((m) => holdsOn(m, '2026-01-01'))).toHaveLength(27);
  });

  it('the UNSC has ten elected members in every year from 2020 to 2027, and five known for 2028', () => {
    const elected = (y: number) => BODIES.UNSC.members.filter((m) => holdsOn(m, `${y}-06-01`)).length;
    for (let y = 2020; y <= 2027; y++) expect(elected(y), String(y)).toBe(10);
    expect(elected(2028)).toBe(5);
    expect(elected(2019)).toBe(5);
  });

  it("EU population tables cover exactly the members of their year and sum to 100%", () => {
    for (const f of BODIES.EU.population!) {
      const members = BODIES.EU.members.filter((m) => holdsOn(m, f.from)).map((m) => m.key.slice(8)).sort();
      expect(Object.keys(f.shares).sort(), String(f.year)).toEqual(members);
      expect(Math.abs(Object.values(f.shares).reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.05);
    }
  });
});
