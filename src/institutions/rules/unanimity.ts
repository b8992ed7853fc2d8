// Unanimity (EU Council on foreign policy, sanctions, enlargement, tax, finances): every vote cast against blocks.
import { casting, type Decision, type Votes } from './vote.js';

/** Passes when nobody votes against: an abstention does not block (TEU Art. 31(1), TFEU Art. 238(4)). */
export function unanimity(votes: Votes): Decision {
  const against = casting(votes, 'no');
  return { passes: against.length === 0, blockers: against, needs: against.map((key) => ({ kind: 'consent', key })) };
}
