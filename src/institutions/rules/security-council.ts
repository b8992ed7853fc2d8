// UN Security Council substantive votes: nine in favour and no permanent member against (Charter Art. 27(3)).
import { casting, type Decision, type Need, type Votes } from './vote.js';

export const AFFIRMATIVE_VOTES = 9;

/**
 * Passes with at least nine votes in favour and no "no" from a permanent member (a veto).
 * A permanent member's abstention is not a veto. Blockers: the vetoing members, each alone;
 * without a veto but short of nine, everyone not voting in favour, together.
 */
export function securityCouncil(votes: Votes, permanent: ReadonlySet<string>): Decision {
  const yes = casting(votes, 'yes').length;
  const vetoes = casting(votes, 'no').filter((k) => permanent.has(k));
  const short = Math.max(0, AFFIRMATIVE_VOTES - yes);
  const passes = vetoes.length === 0 && short === 0;
  const needs: Need[] = vetoes.map((key) => ({ kind: 'no-veto', key }));
  if (short) needs.push({ kind: 'votes', count: short });
  const blockers = passes ? [] : vetoes.length ? vetoes : [...votes].filter(([, v]) => v !== 'yes').map(([k]) => k);
  return { passes, blockers, needs };
}
