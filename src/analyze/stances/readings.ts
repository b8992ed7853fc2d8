// How a cue word is used: as a noun ("the veto", "a 13-1 vote") or as a verb describing a proposal ("a resolution demanding …").
import type { StanceContext } from './context.js';

const NOUN_BEFORE = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', "'s", 'this', 'that', 'any', 'no', 'little', 'much', 'more', 'full', 'strong', 'broad', 'clear', 'firm', 'unanimous', 'wide', 'whose']);

const MODALS = new Set(['will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'did', 'does', 'do', "n't", 'not', 'never']);
/** Nouns whose "that" clause reports someone else's claim ("criticism that Germany was blocking …"). */
const CLAIM_NOUNS = new Set(['criticism', 'claims', 'claim', 'reports', 'report', 'accusations', 'accusation', 'allegations', 'allegation', 'suggestions', 'suggestion', 'speculation', 'fears', 'fear', 'rumours', 'rumors', 'impression', 'perception', 'charges', 'charge', 'idea', 'notion', 'concerns', 'worries']);

/** True when the cue sits in a "that" clause reporting a claim ("dismissed criticism that Germany was blocking deliveries"). */
export function reportedClaim(ctx: StanceContext, first: number): boolean {
  const { words } = ctx;
  // "accused Belgrade of stalling", "blamed Berlin for blocking": someone else's charge.
  if (/ing$/.test(words[first].norm) && (words[first - 1]?.norm === 'of' || words[first - 1]?.norm === 'for')) {
    for (let k = first - 2; k >= 0 && first - k <= 5; k--) if (/^(accus|blam|criticis|criticiz|condemn|fault)/.test(words[k].norm)) return true;
  }
  for (let k = first - 1, n = 0; k >= 1 && n < 6; k--, n++) {
    if (words[k].sentence !== words[first].sentence || words[k].norm === ',' || words[k].norm === ';') return false;
    if (words[k].norm === 'that') return CLAIM_NOUNS.has(words[k - 1].norm);
  }
  return false;
}

/** True when a verb cue is used as a noun here. */
export function nounReading(ctx: StanceContext, first: number, last: number): boolean {
  const { words } = ctx;
  const prev = words[first - 1];
  const w = words[first];
  // "the member that voted against": a relative clause's verb.
  if (prev && /^(that|which|who)$/.test(prev.norm) && /(ed|es)$/.test(w.norm)) return false;
  if (prev && prev.sentence === w.sentence && (NOUN_BEFORE.has(prev.norm) || prev.pos === 'NUM' || (prev.pos === 'ADJ' && !/ly$/.test(prev.norm)))) return true;
  // A base form tagged as a noun ("the negotiating table", "press secretary"), unless "to" or a modal comes first.
  const verbal = prev && (prev.norm === 'to' || MODALS.has(prev.norm) || (prev.pos === 'ADV' && (words[first - 2]?.norm === 'to' || MODALS.has(words[first - 2]?.norm ?? ''))));
  if (first === last && (w.pos === 'NOUN' || w.pos === 'ADJ') && !/(s|ed|ing)$/.test(w.norm) && !verbal) return true;
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
  if (/ing$/.test(w.norm) && (prev.pos === 'NOUN' || prev.pos === 'PROPN' || proposalAt[first - 1] >= 0)) {
    // "with Norway backing it": an absolute clause, whose subject holds the stance.
    const u = ix.at[first - 1];
    return !(u && /^(with|and)$/.test(words[u.first - 1]?.norm ?? ''));
  }
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
