// Majorities of members present and voting (UN General Assembly): simple, or two-thirds for important questions.
import { casting, type Decision, type Votes } from './vote.js';

/** Abstainers are not "voting" (Charter Art. 18, Rules of Procedure r. 86): only yes and no count. */
function tally(votes: Votes) {
  return { yes: casting(votes, 'yes').length, against: casting(votes, 'no') };
}

/** More votes in favour than against. */
export function simpleMajority(votes: Votes): Decision {
  const { yes, against } = tally(votes);
  const passes = yes > against.length;
  return { passes, blockers: passes ? [] : against, needs: passes ? [] : [{ kind: 'votes', count: against.length - yes + 1 }] };
}

/** At least two thirds of those voting in favour (and at least one vote in favour). */
export function twoThirdsMajority(votes: Votes): Decision {
  const { yes, against } = tally(votes);
  const passes = yes > 0 && yes >= 2 * against.length;
  return { passes, blockers: passes ? [] : against, needs: passes ? [] : [{ kind: 'votes', count: Math.max(1, 2 * against.length - yes) }] };
}
