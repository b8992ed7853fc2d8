// EU Council qualified majority: 55% of members with 65% of the population; a blocking minority needs four members.
import { casting, type Decision, type Need, type Votes } from './vote.js';

export interface QualifiedMajorityOptions {
  /** Reinforced qualified majority (72% of members), when the act does not come from the Commission or the High Representative. */
  reinforced?: boolean;
}

export interface QualifiedMajorityDecision extends Decision {
  /** Members in favour needed: 15 of 27 (ordinary), 20 of 27 (reinforced). */
  memberQuota: number;
  /** Share (%) of the voting members' population in favour. */
  populationInFavour: number;
}

const POPULATION_QUOTA = 65;
const MIN_BLOCKING_MEMBERS = 4;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * TEU Art. 16(4) and TFEU Art. 238(2): at least 55% (reinforced: 72%) of the members, representing at least 65%
 * of their population, in favour. An abstention counts against. Under the ordinary rule a blocking minority needs
 * at least four members, so with fewer than four not in favour the majority is deemed reached. `shares` gives each
 * member's population (any unit: shares are renormalised over the members voting); every member must have one.
 */
export function qualifiedMajority(votes: Votes, shares: ReadonlyMap<string, number>, options: QualifiedMajorityOptions = {}): QualifiedMajorityDecision {
  const missing = [...votes.keys()].filter((k) => !shares.has(k));
  if (missing.length) throw new Error(`no population figure for ${missing.join(', ')}`);
  const total = [...votes.keys()].reduce((n, k) => n + shares.get(k)!, 0);
  const yes = casting(votes, 'yes');
  const notInFavour = [...votes.keys()].filter((k) => votes.get(k) !== 'yes');
  const memberQuota = Math.ceil(votes.size * (options.reinforced ? 0.72 : 0.55) - 1e-9);
  const populationInFavour = total ? (yes.reduce((n, k) => n + shares.get(k)!, 0) / total) * 100 : 0;
  const membersOk = yes.length >= memberQuota;
  const populationOk = populationInFavour >= POPULATION_QUOTA - 1e-9;
  const deemed = !options.reinforced && notInFavour.length < MIN_BLOCKING_MEMBERS;
  const passes = membersOk && (populationOk || deemed);
  const needs: Need[] = [];
  if (!membersOk) needs.push({ kind: 'members', count: memberQuota - yes.length });
  if (!populationOk && !deemed) needs.push({ kind: 'population', percent: round2(POPULATION_QUOTA - populationInFavour) });
  return { passes, blockers: passes ? [] : notInFavour, needs: passes ? [] : needs, memberQuota, populationInFavour: round2(populationInFavour) };
}
