// Consensus (NATO, the G7): no vote is taken; the proposal stands unless some member objects.
import { casting, type Decision, type Votes } from './vote.js';

/** Passes when no member objects; silence and abstention are not objections. Each objector blocks alone. */
export function consensus(votes: Votes): Decision {
  const objectors = casting(votes, 'no');
  return { passes: objectors.length === 0, blockers: objectors, needs: objectors.map((key) => ({ kind: 'consent', key })) };
}
