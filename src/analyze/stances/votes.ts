// Vote tallies told with the voters after the verb: "Voting in favour were France, Chile and Kenya", "Abstaining were …".
import type { StanceContext } from './context.js';
import { coordinatedRight } from './subjects.js';

const VOTE_WORDS = new Set(['voting', 'abstaining', 'opposing', 'supporting', 'backing']);
const COPULAS = new Set(['were', 'was']);
/** Words that may sit between the copula and the list ("were, among others, …"). */
const FILLERS = new Set([',', 'among', 'others', 'including', 'notably', ':']);
const REACH = 8;

/**
 * The voters of a sentence-opening vote gerund ("Voting for it were the US, Britain and France"): the actors listed
 * after its copula, or null when the cue does not open such a sentence.
 */
export function invertedVoters(ctx: StanceContext, cueFirst: number, cueLast: number): number[] | null {
  const { words } = ctx;
  const { first, last } = ctx.sentences.get(words[cueFirst].sentence)!;
  let start = first;
  if (words[start].norm === 'those' || words[start].norm === 'the') start++;
  if (cueFirst !== start || !VOTE_WORDS.has(words[cueFirst].norm)) return null;
  for (let k = cueLast + 1; k <= Math.min(last, cueLast + REACH); k++) {
    if (!COPULAS.has(words[k].norm)) continue;
    let j = k + 1;
    while (j <= last && FILLERS.has(words[j].norm)) j++;
    const list = coordinatedRight(ctx, j, last);
    return list.length ? list : null;
  }
  return null;
}
