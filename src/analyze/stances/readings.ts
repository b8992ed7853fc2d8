// How a cue word is used: as a noun ("the veto", "a 13-1 vote") or as a verb describing a proposal ("a resolution demanding …").
import type { StanceContext } from './context.js';

const NOUN_BEFORE = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', "'s", 'this', 'that', 'any', 'no', 'little', 'much', 'more', 'full', 'strong', 'broad', 'clear', 'firm', 'unanimous', 'wide', 'whose']);

/** True when a verb cue is used as a noun here. */
export function nounReading(ctx: StanceContext, first: number, last: number): boolean {
  const { words } = ctx;
  const prev = words[first - 1];
  const w = words[first];
  if (prev && prev.sentence === w.sentence && (NOUN_BEFORE.has(prev.norm) || prev.pos === 'NUM' || (prev.pos === 'ADJ' && !/ly$/.test(prev.norm)))) return true;
  // A base form tagged as a noun ("the negotiating table", "press secretary").
  if (first === last && (w.pos === 'NOUN' || w.pos === 'ADJ') && !/(s|ed|ing)$/.test(w.norm)) return true;
  // "rejects calls for", "faced calls for": a plural noun right after a verb.
  if (/^(calls|demands|requests|appeals|pleas)$/.test(w.norm) && prev && (prev.pos === 'VERB' || prev.pos === 'ADJ' || /s$/.test(prev.norm) && prev.pos === 'NOUN')) return true;
  return false;
}

/** True when the cue describes a proposal rather than reports a stance on it. */
export function describesProposal(ctx: StanceContext, first: number): boolean {
  const { words, proposalAt, ix } = ctx;
  const w = words[first];
  const prev = words[first - 1];
  if (!prev || prev.sentence !== w.sentence) return /ing$/.test(w.norm) && !ix.at[first];
  // "a proposal to send", "demands to establish", "pleas to enforce".
  if (prev.norm === 'to') {
    const p2 = words[first - 2];
    if (p2 && (proposalAt[first - 2] >= 0 || p2.pos === 'NOUN') && !ix.at[first - 2]) return true;
  }
  // "a resolution demanding", "the Council calling for", "the draft submitted" (without "by").
  if (/ing$/.test(w.norm) && (prev.pos === 'NOUN' || prev.pos === 'PROPN' || proposalAt[first - 1] >= 0)) return true;
  if (/ed$/.test(w.norm) && proposalAt[first - 1] >= 0 && words[first + 1]?.norm !== 'by') return true;
  // "a resolution that calls for", "the draft, which would have demanded".
  for (let k = first - 1, n = 0; k >= 0 && n < 4; k--, n++) {
    const x = words[k];
    if (x.norm === 'that' || x.norm === 'which') {
      const before = words[k - 1]?.norm === ',' ? k - 2 : k - 1;
      return before >= 0 && proposalAt[before] >= 0;
    }
    if (x.pos !== 'AUX' && x.pos !== 'ADV' && x.pos !== 'PART') break;
  }
  return false;
}
