// Whether a cue is negated ("did not reject", "refused to back", "no longer blocks") or hedged ("may back").
import { NEGATING_VERBS, NEGATORS, type Cue } from './cues.js';
import type { StanceContext } from './context.js';

const STOPS = new Set([',', ';', ':', '.', 'and', 'or', 'but', 'while', 'that', 'which', 'who', '“', '”', '"']);
const NOT_NEGATING_AFTER = new Set(['only', 'just', 'least']); // "not only", "not just", "at least"
const HEDGES = new Set(['may', 'might', 'could', 'possibly', 'perhaps', 'likely', 'reportedly', 'expected', 'set', 'poised']);

export interface Polarity { negated: boolean; hedged: boolean; /** The word that negates, lower case. */ by: string | null }

export function polarity(ctx: StanceContext, cueFirst: number, cue: Cue): Polarity {
  const { words } = ctx;
  const reach = cue.type === 'verb' ? 4 : 8;
  let negated = false;
  let hedged = false;
  let by: string | null = null;
  const sentence = words[cueFirst].sentence;
  for (let k = cueFirst - 1, n = 0; k >= 0 && n < reach; k--, n++) {
    const w = words[k];
    if (w.sentence !== sentence || STOPS.has(w.norm)) break;
    // A noun's negation sits in its own clause: stop at another noun ("not surprised by Russia's veto").
    if (cue.type !== 'verb' && k < cueFirst - 1 && (w.pos === 'NOUN' || w.pos === 'PROPN') && !NEGATORS.has(w.norm)) break;
    if (NEGATORS.has(w.norm) && !NOT_NEGATING_AFTER.has(words[k + 1]?.norm ?? '')) {
      // "no longer" negates; "a clear no" is the cue itself.
      negated = !negated;
      by = w.norm;
      continue;
    }
    if (NEGATING_VERBS.has(w.norm) && (words[k + 1]?.norm === 'to' || k + 1 === cueFirst || words[cueFirst - 1]?.norm === 'to')) { negated = !negated; by = w.norm; continue; }
    if (HEDGES.has(w.norm)) hedged = true;
  }
  return { negated, hedged, by };
}

const CONDITIONALS = new Set(['if', 'unless', 'whether']);

/** True when the cue sits in an "if" / "unless" / "whether" clause: a hypothetical, not a position. */
export function hypothetical(ctx: StanceContext, cueFirst: number): boolean {
  const { words } = ctx;
  const sentence = words[cueFirst].sentence;
  for (let k = cueFirst - 1, n = 0; k >= 0 && n < 10; k--, n++) {
    const w = words[k];
    if (w.sentence !== sentence || w.norm === ';' || w.norm === '.' || w.norm === ',') break;
    if (CONDITIONALS.has(w.norm)) return true;
  }
  return false;
}

/** True for a position held until some time and dropped since ("had resisted the idea until last week"). */
export function former(ctx: StanceContext, cueFirst: number): boolean {
  const { words } = ctx;
  let had = false;
  for (let k = cueFirst - 1; k >= 0 && cueFirst - k <= 3; k--) if (words[k].norm === 'had') had = true;
  if (!had) return false;
  for (let k = cueFirst + 1; k < words.length && k - cueFirst <= 8 && words[k].sentence === words[cueFirst].sentence; k++) {
    if (words[k].norm === 'until') return true;
    if (words[k].norm === ',' || words[k].norm === ';') break;
  }
  return false;
}
