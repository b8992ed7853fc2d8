import { describe, expect, it } from 'vitest';
import { BODIES } from './body-data.js';
import { outlook, type OutlookInput } from './outlook.js';
import { OutlookError } from './outlook-error.js';
import type { OutlookStance } from './holder-key.js';

const c = (iso: string) => `country:${iso}`;
/** Every member of a body on a date, keyed, with one stance; then the exceptions. */
function everyone(body: 'NATO' | 'EU' | 'UNSC', date: string, stance: OutlookStance, except: Record<string, OutlookStance> = {}) {
  const members = body === 'UNSC'
    ? [...BODIES.UNSC.permanent!, ...BODIES.UNSC.members.filter((m) => m.from! <= date && date <= m.to!)]
    : BODIES[body].members.filter((m) => (m.from === null || m.from <= date) && (m.to === null || date <= m.to));
  const out: Record<string, OutlookStance> = Object.fromEntries(members.map((m) => [m.key, stance]));
  for (const [iso, s] of Object.entries(except)) out[c(iso)] = s;
  return out;
}

describe('membership on a date', () => {
  it.each([
    ['NATO', '2022-06-01', 30], ['NATO', '2023-04-03', 30], ['NATO', '2023-04-04', 31], ['NATO', '2023-05-01', 31],
    ['NATO', '2024-03-06', 31], ['NATO', '2024-03-07', 32], ['NATO', '2024-03-08', 32], ['NATO', '1949-08-24', 12], ['NATO', '1990-01-01', 16],
    ['EU', '2020-01-31', 28], ['EU', '2020-02-01', 27], ['EU-QMV', '2025-06-01', 27],
    ['UNSC', '2023-12-08', 15], ['UNSC', '2028-06-01', 15], ['UNGA', '2024-01-01', 193], ['G7', '2024-06-13', 7],
  ])('%s on %s has %i members', (body, date, n) => {
    expect(outlook({ body, date }).members).toBe(n);
  });

  it('finds no UNGA membership before South Sudan (2011-07-14) and says so', () => {
    expect(() => outlook({ body: 'UNGA', date: '2011-07-13' })).toThrow(/encoded only from 2011-07-14/);
  });
});

describe('outlooks on history', () => {
  const cases: Array<[string, OutlookInput, Partial<ReturnType<typeof outlook>>]> = [
    ['NATO 2022-06-01: Türkiye objects to the Nordic accessions; its objection blocks',
      { body: 'NATO', date: '2022-06-01', stances: everyone('NATO', '2022-06-01', 'support', { TUR: 'oppose' }) },
      { members: 30, status: 'blocked', oppose: [c('TUR')], blockers: [c('TUR')], needs: ["Türkiye's consent"] }],
    ['UNSC 2023-12-08: the US veto of the Gaza ceasefire draft (13 for, UK abstaining) blocks',
      { body: 'UNSC', date: '2023-12-08', stances: everyone('UNSC', '2023-12-08', 'support', { USA: 'oppose', GBR: 'abstain' }) },
      { members: 15, status: 'blocked', blockers: [c('USA')], abstain: [c('GBR')], needs: ['no veto from the United States'] }],
    ['UNSC 2024-03-25: resolution 2728 with 14 for and a US abstention passes',
      { body: 'UNSC', date: '2024-03-25', stances: everyone('UNSC', '2024-03-25', 'support', { USA: 'abstain' }) },
      { members: 15, status: 'passes', blockers: [], needs: [], abstain: [c('USA')] }],
    ['EU-QMV 2025: Germany, France, Italy and Spain together form a blocking minority',
      { body: 'EU-QMV', date: '2025-06-01', stances: everyone('EU', '2025-06-01', 'support', { DEU: 'oppose', FRA: 'oppose', ITA: 'oppose', ESP: 'oppose' }) },
      { members: 27, status: 'blocked', blockers: [c('FRA'), c('DEU'), c('ITA'), c('ESP')], needs: ['members with 22.66% more of the EU population in favour'] }],
    ['EU-QMV 2025: Malta, Cyprus, Luxembourg and Estonia do not',
      { body: 'EU-QMV', date: '2025-06-01', stances: everyone('EU', '2025-06-01', 'support', { MLT: 'oppose', CYP: 'oppose', LUX: 'oppose', EST: 'oppose' }) },
      { status: 'passes', blockers: [] }],
    ['EU-QMV 2025: abstentions count against (the big four abstaining still block)',
      { body: 'EU-QMV', date: '2025-06-01', stances: everyone('EU', '2025-06-01', 'support', { DEU: 'abstain', FRA: 'abstain', ITA: 'abstain', ESP: 'abstain' }) },
      { status: 'blocked' }],
    ['EU sanctions (unanimity): Hungary alone blocks',
      { body: 'EU', date: '2025-06-01', stances: everyone('EU', '2025-06-01', 'support', { HUN: 'oppose' }) },
      { members: 27, rule: 'unanimity', status: 'blocked', blockers: [c('HUN')], needs: ["Hungary's consent"] }],
    ['EU sanctions (unanimity): Hungary abstaining does not block',
      { body: 'EU', date: '2025-06-01', stances: everyone('EU', '2025-06-01', 'support', { HUN: 'abstain' }) },
      { status: 'passes' }],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(outlook(input)).toMatchObject(expected);
  });

  it('names which year of EU population figures it used', () => {
    const o = outlook({ body: 'EU-QMV', date: '2025-06-01' });
    expect(o.population).toMatchObject({ year: 2025, sources: ['agence-europe-2024-12-12'] });
    expect(o.notes.join(' ')).toMatch(/figures for 2025\./);
    const old = outlook({ body: 'EU-QMV', date: '2023-03-01' });
    expect(old.population?.year).toBe(2025);
    expect(old.notes.join(' ')).toMatch(/figures for 2025, the nearest year encoded \(those for 2023 are not\)/);
    expect(outlook({ body: 'EU-QMV', date: '2019-06-01' }).population?.year).toBe(2016); // EU-28 figures before Brexit
  });
});

describe('sources', () => {
  it('carries every source behind an outlook', () => {
    const o = outlook({ body: 'NATO', date: '2024-03-08' });
    expect(Object.keys(o.sources)).toEqual(expect.arrayContaining(['nato-consensus', 'nato-members', 'sweden-gov-2024-03-07', 'trtworld-2024-01-23']));
    expect(o.sources['sweden-gov-2024-03-07']).toMatchObject({ verified: true, date: '2024-03-07' });
    expect(Object.keys(outlook({ body: 'NATO', date: '2022-06-01' }).sources)).not.toContain('sweden-gov-2024-03-07');
    expect(Object.keys(outlook({ body: 'EU-QMV', date: '2025-03-01' }).sources)).toContain('agence-europe-2024-12-12');
  });
});

describe('UNSC seats not known', () => {
  it('knows all ten elected members of 2027 (elected 2026-06-03)', () => {
    const o = outlook({ body: 'UNSC', date: '2027-02-01' });
    expect(o.unknownSeats).toBe(0);
    expect(o.unknown).toHaveLength(15);
    expect(o.unknown).toEqual(expect.arrayContaining([c('KGZ'), c('AUT'), c('PRT'), c('TTO'), c('ZWE'), c('LVA')]));
  });

  it('counts the five 2028 seats elected in June 2027 as unknown, never guessed', () => {
    const date = '2028-03-01';
    const o = outlook({ body: 'UNSC', date, stances: everyone('UNSC', date, 'support', { AUT: 'oppose', KGZ: 'oppose', PRT: 'oppose', TTO: 'oppose', ZWE: 'oppose' }) });
    expect(o).toMatchObject({ members: 15, unknownSeats: 5, status: 'open', needs: ['4 more votes in favour'] });
    expect(o.support).toHaveLength(5);
    expect(o.unknown).toEqual(['seat:unknown-1', 'seat:unknown-2', 'seat:unknown-3', 'seat:unknown-4', 'seat:unknown-5']);
    expect(o.support.length + o.oppose.length + o.undecided.length + o.abstain.length + o.unknown.length).toBe(o.members);
    expect(o.notes.join(' ')).toMatch(/5 of the 10 elected seats on 2028-03-01 are not known/);
  });

  it('counts the elected seats not encoded before 2020 as unknown too (2019: five of ten)', () => {
    expect(outlook({ body: 'UNSC', date: '2019-06-01' })).toMatchObject({ members: 15, unknownSeats: 5 });
  });

  it('passes in 2028 when the ten known members are enough whatever the unknown seats do', () => {
    const date = '2028-03-01';
    expect(outlook({ body: 'UNSC', date, stances: everyone('UNSC', date, 'support') }).status).toBe('passes');
  });

  it('an unknown permanent member may still veto: open, needing no veto from it', () => {
    const date = '2024-03-25';
    const stances = everyone('UNSC', date, 'support');
    delete stances[c('RUS')];
    expect(outlook({ body: 'UNSC', date, stances })).toMatchObject({ status: 'open', unknown: [c('RUS')], needs: ['no veto from Russia'] });
  });
});

describe('UNSC procedural votes', () => {
  it('a permanent member voting against a procedural matter is no veto', () => {
    const date = '2024-03-25';
    const stances = everyone('UNSC', date, 'support', { USA: 'oppose', RUS: 'oppose' });
    expect(outlook({ body: 'UNSC', date, stances }).status).toBe('blocked');
    expect(outlook({ body: 'UNSC-PROCEDURAL', date, stances })).toMatchObject({ rule: 'security-council-procedural', status: 'passes' });
  });
});

describe('what-if', () => {
  const date = '2022-06-01';
  const stored = everyone('NATO', date, 'support', { TUR: 'oppose' });

  it('"what if Turkey lifts its objection?" turns blocked into passes', () => {
    expect(outlook({ body: 'NATO', date, stances: stored, overrides: { 'country:TUR': 'support' } })).toMatchObject({ status: 'passes', oppose: [] });
    expect(outlook({ body: 'NATO', date, stances: stored, overrides: { TUR: 'undecided' } })).toMatchObject({ status: 'open', undecided: [c('TUR')], needs: ["Türkiye's consent"] });
  });

  it('with stances only by hand, the members not named are unknown', () => {
    const o = outlook({ body: 'NATO', date, overrides: { POL: 'support', 'country:NLD': 'oppose', LUX: 'oppose' } });
    expect(o).toMatchObject({ status: 'blocked', blockers: [c('LUX'), c('NLD')], needs: ["Luxembourg's consent", "the Netherlands' consent"] });
    expect(o.unknown).toHaveLength(27);
  });

  it('sums up a long list of consents still missing', () => {
    const o = outlook({ body: 'NATO', date, overrides: { POL: 'support' } });
    expect(o).toMatchObject({ status: 'open', needs: ['the consent of 29 more members (unknown or undecided so far)'] });
  });

  it('the DESIGN example: Poland proposes, the Netherlands and Luxembourg say no, Britain and Canada undecided', () => {
    const o = outlook({ body: 'NATO', date: '2022-03-16', proposer: c('POL'),
      stances: [{ holder: c('NLD'), stance: 'oppose' }, { holder: c('LUX'), stance: 'oppose' }, { holder: c('GBR'), stance: 'undecided' },
        { holder: c('CAN'), stance: 'undecided' }, { holder: c('EST'), stance: 'support' }] });
    expect(o).toMatchObject({ status: 'blocked', support: [c('POL'), c('EST')], undecided: [c('CAN'), c('GBR')] });
    expect(o.blockers.sort()).toEqual([c('LUX'), c('NLD')]);
    expect(o.notes.join(' ')).toMatch(/Poland \(country:POL\) is counted in favour/);
  });

  it('lists but does not count a non-member stance', () => {
    const o = outlook({ body: 'NATO', date, stances: { ...everyone('NATO', date, 'support'), [c('SWE')]: 'support', 'org:EU': 'oppose' } });
    expect(o).toMatchObject({ status: 'passes', nonMembers: [{ key: c('SWE'), stance: 'support' }, { key: 'org:EU', stance: 'oppose' }] });
    expect(o.support).not.toContain(c('SWE'));
  });

  it('the EU at the G7 is a participant whose objection counts, not a member', () => {
    const g7 = Object.fromEntries(BODIES.G7.members.map((m) => [m.key, 'support' as const]));
    const o = outlook({ body: 'G7', date: '2024-06-13', stances: { ...g7, 'org:EU': 'oppose' } });
    expect(o).toMatchObject({ members: 7, status: 'blocked', blockers: ['org:EU'], participants: ['org:EU'], needs: ["the European Union's consent"] });
  });

  it('UN General Assembly: simple and two-thirds majorities of those voting', () => {
    const all = Object.fromEntries(BODIES.UNGA.members.map((m, i) => [m.key, (i < 100 ? 'support' : i < 160 ? 'oppose' : 'abstain') as OutlookStance]));
    expect(outlook({ body: 'UNGA', date: '2024-01-01', stances: all }).status).toBe('passes');
    expect(outlook({ body: 'UNGA-2/3', date: '2024-01-01', stances: all })).toMatchObject({ status: 'blocked', needs: ['20 more votes in favour'] });
  });
});

describe('errors', () => {
  it.each([
    [{ body: 'OSCE', date: '2024-01-01' }, 'bad-body', /unknown body "OSCE": use one of NATO, EU, EU-QMV, EU-RQMV, UNSC, UNSC-PROCEDURAL/],
    [{ body: 'NATO', date: '2024-02-30' }, 'bad-date', /bad date "2024-02-30"/],
    [{ body: 'NATO', date: '1.3.2024' }, 'bad-date', /expected YYYY-MM-DD/],
    [{ body: 'NATO', date: '2024-01-01', overrides: { 'country:TURKEY': 'oppose' } }, 'bad-key', /bad holder key "country:TURKEY"/],
    [{ body: 'NATO', date: '2024-01-01', overrides: { TUR: 'veto' } }, 'bad-stance', /bad stance "veto"/],
    [{ body: 'NATO', date: '1949-01-01' }, 'membership-unknown', /encoded only from 1949-08-24/],
  ])('%o → %s', (input, code, message) => {
    let err: unknown;
    try { outlook(input as OutlookInput); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(OutlookError);
    expect((err as OutlookError).code).toBe(code);
    expect((err as OutlookError).message).toMatch(message);
  });
});
