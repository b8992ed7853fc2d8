// A proposal's outlook: what a body's decision rule makes, on a date, of the stances its members hold.
import { BODIES, type Source } from './body-data.js';
import { BODY_NAMES, parseBodyName, type BodyName, type RuleName } from './body-name.js';
import { parseHolderKey, parseStance, type OutlookStance } from './holder-key.js';
import { describeNeeds } from './needs.js';
import { OutlookError } from './outlook-error.js';
import { populationFor } from './population.js';
import { rosterOn, type Roster } from './roster.js';
import { consensus } from './rules/consensus.js';
import { simpleMajority, twoThirdsMajority } from './rules/majority.js';
import { qualifiedMajority } from './rules/qualified-majority.js';
import { securityCouncil } from './rules/security-council.js';
import { unanimity } from './rules/unanimity.js';
import type { Decision, Vote } from './rules/vote.js';

export type OutlookStatus = 'passes' | 'blocked' | 'open';

export interface OutlookInput {
  /** NATO, EU (unanimity), EU-QMV, EU-RQMV, UNSC, UNSC-PROCEDURAL, G7, UNGA, UNGA-2/3; `org:NATO` and lower case are read too. */
  body: BodyName | string;
  /** YYYY-MM-DD: the membership (and EU population figures) of that day. */
  date: string;
  /** Current stances by holder key (from the store); holders that are not members are listed, not counted. */
  stances?: Record<string, OutlookStance> | Iterable<{ holder: string; stance: OutlookStance }>;
  /** Stances set by hand; they replace the stored ones. Keys and stances are checked. */
  overrides?: Record<string, string>;
  /** Who put the proposal forward: a member with no stance of its own is counted in favour. */
  proposer?: string | null;
}

export interface Outlook {
  body: BodyName;
  date: string;
  rule: RuleName;
  /** Members on the date (UNSC: all 15 seats, known or not; G7: the seven, without the EU). */
  members: number;
  status: OutlookStatus;
  support: string[];
  oppose: string[];
  undecided: string[];
  /** Members with no stance at all, then one `seat:unknown-N` per seat whose holder is not known (UNSC). */
  unknown: string[];
  /** Who alone (a veto, an objection) or together (a blocking minority) stop it; empty unless blocked. */
  blockers: string[];
  /** What it still needs, in words; empty when it passes. */
  needs: string[];
  abstain: string[];
  /** UNSC seats whose holder on the date is not known: counted as unknown votes (and listed under `unknown`). */
  unknownSeats: number;
  /** Non-members whose objection counts too (the EU at the G7). */
  participants: string[];
  /** Stances of holders that are not members: shown, not counted. */
  nonMembers: Array<{ key: string; stance: OutlookStance }>;
  /** Display names of the keys above. */
  names: Record<string, string>;
  /** EU qualified majority: the year of the population figures used, their sources, and the share (%) in favour now. */
  population?: { year: number; sources: string[]; inFavour: number };
  /** Ids of the sources of the rule. */
  ruleSources: string[];
  /** Every source behind this outlook (the rule, the members on the date, population figures), by id. */
  sources: Record<string, Source>;
  notes: string[];
}

/** Placeholder keys for seats whose holder is not known; listed under `unknown`, never as blockers. */
export const UNKNOWN_SEAT = 'seat:unknown-';
const isSeat = (k: string) => k.startsWith(UNKNOWN_SEAT);

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function stanceMap(input: OutlookInput): Map<string, OutlookStance> {
  const map = new Map<string, OutlookStance>();
  const given = input.stances ?? {};
  const entries: Iterable<{ holder: string; stance: OutlookStance }> = Symbol.iterator in given
    ? (given as Iterable<{ holder: string; stance: OutlookStance }>)
    : Object.entries(given).map(([holder, stance]) => ({ holder, stance }));
  for (const { holder, stance } of entries) map.set(holder, stance);
  for (const [key, stance] of Object.entries(input.overrides ?? {})) map.set(parseHolderKey(key), parseStance(stance));
  return map;
}

/** The vote a stance casts; undecided and unknown members are open (null). */
const voteOf = (s: OutlookStance | undefined): Vote | null => (s === 'support' ? 'yes' : s === 'oppose' ? 'no' : s === 'abstain' ? 'abstain' : null);

function decide(rule: RuleName, votes: Map<string, Vote>, roster: Roster, shares?: Map<string, number>): Decision {
  switch (rule) {
    case 'consensus': return consensus(votes);
    case 'unanimity': return unanimity(votes);
    case 'security-council': return securityCouncil(votes, roster.permanent);
    case 'security-council-procedural': return securityCouncil(votes, new Set());
    case 'qualified-majority': return qualifiedMajority(votes, shares!);
    case 'reinforced-qualified-majority': return qualifiedMajority(votes, shares!, { reinforced: true });
    case 'simple-majority': return simpleMajority(votes);
    case 'two-thirds-majority': return twoThirdsMajority(votes);
  }
}

/**
 * The outlook of a proposal before a body on a date. Undecided and unknown members (and unknown seats) may still go
 * either way: it `passes` when it would pass even if they all voted against, is `blocked` when it would fail even if
 * they all voted in favour, and is `open` otherwise.
 */
export function outlook(input: OutlookInput): Outlook {
  const body = parseBodyName(input.body);
  if (!isIsoDate(input.date)) throw new OutlookError('bad-date', `bad date "${input.date}": expected YYYY-MM-DD`);
  const { body: bodyId, rule } = BODY_NAMES[body];
  const data = BODIES[bodyId];
  const stances = stanceMap(input);
  const roster = rosterOn(bodyId, input.date);
  const notes = [...roster.notes];
  const names: Record<string, string> = {};
  for (const m of [...roster.members, ...roster.participants]) names[m.key] = m.name;
  const circle = [...roster.members.map((m) => m.key), ...roster.participants.map((p) => p.key)];
  const inCircle = new Set(circle);

  if (input.proposer && inCircle.has(input.proposer) && !stances.has(input.proposer)) {
    stances.set(input.proposer, 'support');
    notes.push(`${names[input.proposer]} (${input.proposer}) is counted in favour: it put the proposal forward.`);
  }
  if (roster.participants.length) notes.push(`${roster.participants.map((p) => p.name).join(', ')} take part as well: an objection from them also counts.`);
  if (rule === 'simple-majority' || rule === 'two-thirds-majority') notes.push('Majorities count the members present and voting: abstentions are left out; unknown members may vote either way.');

  const lists = { support: [] as string[], oppose: [] as string[], undecided: [] as string[], abstain: [] as string[], unknown: [] as string[] };
  const best = new Map<string, Vote>();
  const worst = new Map<string, Vote>();
  for (const key of circle) {
    const stance = stances.get(key);
    (stance ? lists[stance] : lists.unknown).push(key);
    const vote = voteOf(stance);
    best.set(key, vote ?? 'yes');
    worst.set(key, vote ?? 'no');
  }
  for (let i = 1; i <= roster.unknownSeats; i++) {
    const seat = `${UNKNOWN_SEAT}${i}`;
    lists.unknown.push(seat);
    names[seat] = 'a seat not known yet';
    best.set(seat, 'yes');
    worst.set(seat, 'no');
  }

  let population: Outlook['population'];
  let shares: Map<string, number> | undefined;
  if (rule === 'qualified-majority' || rule === 'reinforced-qualified-majority') {
    const choice = populationFor(input.date, circle);
    shares = choice.shares;
    notes.push(choice.note);
    const now = qualifiedMajority(worst, shares, { reinforced: rule === 'reinforced-qualified-majority' });
    population = { year: choice.figures.year, sources: choice.figures.sources, inFavour: now.populationInFavour };
    if (rule === 'qualified-majority') notes.push('Assumes the act comes from the Commission or the High Representative (else use EU-RQMV) and that all members take part.');
  }

  const ifAllFor = decide(rule, best, roster, shares);
  const ifAllAgainst = decide(rule, worst, roster, shares);
  const status: OutlookStatus = ifAllAgainst.passes ? 'passes' : ifAllFor.passes ? 'open' : 'blocked';
  const nameOf = (k: string) => names[k] ?? k;
  const needs = status === 'passes' ? [] : describeNeeds((status === 'blocked' ? ifAllFor : ifAllAgainst).needs, nameOf);

  const nonMembers = [...stances].filter(([k]) => !inCircle.has(k)).map(([key, stance]) => ({ key, stance }));
  if (nonMembers.length) notes.push(`Not members of ${data.name} on ${input.date}, so not counted: ${nonMembers.map((n) => n.key).join(', ')}.`);

  const sourceIds = new Set([...data.ruleSources, ...roster.members.flatMap((m) => m.sources), ...(population?.sources ?? []),
    ...(data.participants ?? []).flatMap((p) => p.sources)]);
  const sources = Object.fromEntries([...sourceIds].map((id) => [id, data.sources[id]]));

  return {
    body, date: input.date, rule, members: roster.members.length + roster.unknownSeats, status,
    support: lists.support, oppose: lists.oppose, undecided: lists.undecided, unknown: lists.unknown,
    blockers: status === 'blocked' ? ifAllFor.blockers.filter((k) => !isSeat(k)) : [],
    needs, abstain: lists.abstain, unknownSeats: roster.unknownSeats,
    participants: roster.participants.map((p) => p.key), nonMembers, names,
    ...(population ? { population } : {}), ruleSources: data.ruleSources, sources, notes,
  };
}
