// The stance cue lexicon (cues.json) compiled into one phrase look-up over the word stream.
import data from './cues.json' with { type: 'json' };
import type { StanceLabel } from '../record.js';
import { PhraseIndex, plurals } from '../proposals/phrase-index.js';
import type { ProposalKind } from '../proposals/triggers.js';
import { phraseForms } from './inflect.js';

export type CueType = 'verb' | 'noun' | 'eval';

export interface Cue {
  phrase: string;
  type: CueType;
  label: StanceLabel;
  negated: StanceLabel;
  proposes: boolean;
  control: boolean;
  bare: boolean;
  negOnly: boolean;
  /** The proposal must be the cue's object ("in favour of X"). */
  objectOnly: boolean;
  /** Negated, it says nothing ("not calling for a mission that …"). */
  negatedSilent: boolean;
  /** Lifting one's own block ("lift its veto"). */
  reversal: boolean;
  /** Needs an addressee right after it ("pressed Germany to …"). */
  addressed: boolean;
  /** States no position and hides the cues inside it ("declined to comment"). */
  silent: boolean;
  /** The proposal counts only inside an "if" clause after the cue ("warned of a clash if peacekeepers are sent"). */
  ifObject: boolean;
  /** An organisation doing it takes no position (a council due to discuss a matter). */
  notBodies: boolean;
  kinds: ProposalKind[] | null;
  weight: number;
}

interface RawCue {
  phrase: string; label: string; negated?: string; proposes?: boolean; control?: boolean; bare?: boolean;
  negOnly?: boolean; objectOnly?: boolean; reversal?: boolean; addressed?: boolean; silent?: boolean; ifObject?: boolean; notBodies?: boolean; kinds?: string[]; weight?: number;
}

const DEFAULT_NEGATED: Record<StanceLabel, StanceLabel> = { support: 'oppose', oppose: 'undecided', undecided: 'oppose' };

function compile(raw: RawCue, type: CueType): Cue {
  const label = raw.label as StanceLabel;
  return {
    phrase: raw.phrase, type, label, negated: (raw.negated as StanceLabel | undefined) ?? (raw.negOnly ? label : DEFAULT_NEGATED[label]),
    proposes: !!raw.proposes, control: !!raw.control, bare: !!raw.bare, negOnly: !!raw.negOnly,
    objectOnly: !!raw.objectOnly, reversal: !!raw.reversal, addressed: !!raw.addressed, silent: !!raw.silent, ifObject: !!raw.ifObject, notBodies: !!raw.notBodies, negatedSilent: !!raw.proposes && !raw.negated,
    kinds: (raw.kinds as ProposalKind[] | undefined) ?? null, weight: raw.weight ?? 0.85,
  };
}

export const CUES = new PhraseIndex<Cue>();
/** Noun readings of words that are also verbs ("support", "veto"), used after a determiner. */
export const NOUN_CUES = new PhraseIndex<Cue>();
for (const raw of data.verbs as RawCue[]) {
  const cue = compile(raw, 'verb');
  for (const form of phraseForms(raw.phrase)) CUES.add(form, cue);
}
for (const raw of data.nouns as RawCue[]) {
  const cue = compile(raw, 'noun');
  const words = raw.phrase.split(' ');
  const forms = [raw.phrase, ...plurals(words[words.length - 1]).map((p) => [...words.slice(0, -1), p].join(' '))];
  for (const f of forms) { NOUN_CUES.add(f, cue); CUES.add(f, cue); }
}
for (const raw of data.evaluations as RawCue[]) CUES.add(raw.phrase, compile(raw, 'eval'));

export const NEGATORS = new Set(data.negators);
export const NEGATING_VERBS = new Set(data.negatingVerbs);
