// Which proposal a cue is about: the proposal mention after it in its clause, or, for bare cues and pronouns, the one before.
import { kindOf } from '../proposals/proposals.js';
import type { Cue } from './cues.js';
import type { StanceContext } from './context.js';

export interface Target {
  proposal: number;
  /** Word index of the mention that names it. */
  word: number;
  /** How it was found: after the cue, before it in the sentence, or in an earlier sentence. */
  via: 'object' | 'before' | 'earlier';
}

const OBJECT_STOPS = new Set([';', '.', ',', 'but', 'while', 'whereas', 'although', 'because', 'since', 'saying', 'said', 'says', '“', '”', '"', ':', 'that', 'whether']);
const PRONOUN_OBJECTS = new Set(['it', 'this', 'that', 'them', 'these', 'those']);
const OBJECT_WINDOW = 10;
const CONTROL_WINDOW = 16;
/** How many sentences back a bare cue or a pronoun may look. */
const EARLIER_REACH = 3;

export function findTarget(ctx: StanceContext, cueFirst: number, cueLast: number, cue: Cue, passive: boolean): Target | null {
  const { words, proposalAt } = ctx;
  const sentence = words[cueFirst].sentence;
  const { first, last } = ctx.sentences.get(sentence)!;
  const fits = (p: number) => !cue.kinds || cue.kinds.includes(kindOf(ctx.doc.proposals[p]) ?? 'plan');
  // A pronoun object: "voted against it", "could not support it".
  let k = cueLast + 1;
  while (k <= last && (words[k].pos === 'ADV' || words[k].pos === 'PART') && !PRONOUN_OBJECTS.has(words[k].norm)) k++;
  const pronounObject = k <= last && PRONOUN_OBJECTS.has(words[k].norm) && proposalAt[k] < 0 && cue.type === 'verb';
  if (!pronounObject && !passive) {
    const window = cue.control ? CONTROL_WINDOW : OBJECT_WINDOW;
    for (let j = cueLast + 1; j <= Math.min(last, cueLast + window); j++) {
      if (proposalAt[j] >= 0) return fits(proposalAt[j]) ? { proposal: proposalAt[j], word: j, via: 'object' } : null;
      if (OBJECT_STOPS.has(words[j].norm) && !(cue.control && words[j].norm === ',')) break;
    }
    if (cue.type === 'verb' && !cue.bare) {
      // A verb with some other object ("backs Ukraine") says nothing about a proposal.
      const next = words[cueLast + 1];
      if (next && next.sentence === sentence && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'DET') ) return null;
    }
  }
  // Before the cue in the same sentence, nearest first.
  for (let j = cueFirst - 1; j >= first; j--) {
    if (proposalAt[j] >= 0) return fits(proposalAt[j]) ? { proposal: proposalAt[j], word: j, via: 'before' } : null;
  }
  if (cue.type === 'verb' && !cue.bare && !pronounObject && !passive) return null;
  // An earlier sentence: the most recent mention.
  for (let j = first - 1; j >= 0 && sentence - words[j].sentence <= EARLIER_REACH; j--) {
    if (proposalAt[j] >= 0) return fits(proposalAt[j]) ? { proposal: proposalAt[j], word: j, via: 'earlier' } : null;
  }
  return null;
}
