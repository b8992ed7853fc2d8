// Who holds a stance: the subject of the cue's clause (with coordinated subjects), a passive agent, a possessor, or the quote's speaker.
import type { MentionUnit } from '../proposals/actor-index.js';
import type { Cue } from './cues.js';
import type { StanceContext } from './context.js';

export interface Holders {
  actors: number[];
  /** The quote the stance is expressed in, when the holder is its speaker. */
  quote: number | null;
  via: 'subject' | 'agent' | 'possessor' | 'list' | 'speaker';
}

const PREPOSITIONS = new Set(['of', 'to', 'for', 'from', 'with', 'on', 'in', 'at', 'against', 'into', 'over', 'about', 'than', 'between', 'among', 'by', 'toward', 'towards', 'like', 'including', 'per', 'via', 'behind', 'under', 'after', 'before', 'despite']);
/** A plural noun after an actor name makes an unnamed group ("Nato ministers", "EU countries"): not a holder. */
const GROUP_NOUNS = new Set(['ministers', 'members', 'countries', 'allies', 'officials', 'diplomats', 'leaders', 'states', 'nations', 'forces', 'troops', 'lawmakers', 'governments', 'politicians', 'sources', 'critics', 'analysts', 'partners', 'envoys', 'parties', 'mps', 'legislators', 'senators', 'citizens', 'people', 'planes', 'media']);
const CLAUSE_STOPS = new Set([';', 'but', 'however', 'although', 'though', 'whereas', 'yet']);
const SUBORDINATORS = new Set(['while', 'although', 'as', 'after', 'before', 'when', 'if', 'because', 'since', 'though', 'whereas', 'despite', 'unless', 'once']);
const CONNECTORS = new Set([',', 'and', '&', 'or', 'both', 'as', 'well']);
const BE = new Set(['is', 'are', 'was', 'were', 'been', 'be', 'being', "'s", 'get', 'got']);
const LIST_INTROS = new Set(['namely', 'including', 'notably', 'especially', ':']);

export function findHolders(ctx: StanceContext, cueFirst: number, cueLast: number, cue: Cue, target: number | null): Holders | null {
  const { words, quoteAt, doc } = ctx;
  const q = quoteAt[cueFirst];
  const quote = q >= 0 ? doc.quotes[q] : null;
  const sentence = ctx.sentences.get(words[cueFirst].sentence)!;
  if (quote && quote.kind !== 'indirect') {
    const inQuote = subjectLeft(ctx, cueFirst, sentence.first, q);
    if (inQuote && inQuote.length) return { actors: inQuote, quote: null, via: 'subject' };
    if (quote.speaker !== null) return { actors: [quote.speaker], quote: q, via: 'speaker' };
    return null;
  }
  if (cue.type === 'noun') {
    const pos = possessor(ctx, cueFirst);
    if (pos) return { actors: pos, quote: null, via: 'possessor' };
    const after = agentAfter(ctx, cueLast, new Set(['from', 'by', 'of', '(']));
    if (after) return { actors: after, quote: null, via: 'agent' };
  }
  if (cue.type === 'verb' && isPassive(ctx, cueFirst)) {
    const agent = agentAfter(ctx, target !== null ? Math.max(cueLast, target) : cueLast, new Set(['by']));
    if (agent) return { actors: agent, quote: null, via: 'agent' };
    const direct = agentAfter(ctx, cueLast, new Set(['by']));
    if (direct) return { actors: direct, quote: null, via: 'agent' };
  }
  const subj = subjectLeft(ctx, cueFirst, sentence.first, -1);
  if (subj === null) return null; // an unnamed group holds it
  if (subj.length) return { actors: subj, quote: null, via: 'subject' };
  const list = listAfter(ctx, target ?? cueLast, sentence.last);
  if (list) return { actors: list, quote: null, via: 'list' };
  if (quote && quote.speaker !== null) return { actors: [quote.speaker], quote: q, via: 'speaker' };
  return null;
}

/** True when the cue is a passive participle ("was vetoed", "were rejected by"). */
export function isPassive(ctx: StanceContext, cueFirst: number): boolean {
  const { words } = ctx;
  for (let k = cueFirst - 1; k >= cueFirst - 3 && k >= 0; k--) {
    const n = words[k].norm;
    if (BE.has(n)) return /(ed|en|wn)$/.test(words[cueFirst].norm) || words[cueFirst].norm === 'put';
    if (words[k].pos !== 'ADV' && words[k].pos !== 'PART') return false;
  }
  return false;
}

/**
 * The nearest eligible actor mentions left of the cue in its clause, with those coordinated with them.
 * [] when none, null when the subject is an unnamed group ("some Nato ministers").
 */
function subjectLeft(ctx: StanceContext, cueFirst: number, first: number, insideQuote: number): number[] | null | [] {
  const { words, ix, proposalAt, quoteAt, doc } = ctx;
  let segmentStart = cueFirst;
  for (let k = cueFirst - 1; k >= first; k--) {
    const w = words[k];
    if (insideQuote >= 0 && quoteAt[k] !== insideQuote) break;
    if (insideQuote < 0 && quoteAt[k] >= 0 && doc.quotes[quoteAt[k]].kind !== 'indirect') continue;
    if (CLAUSE_STOPS.has(w.norm)) break;
    if (SUBORDINATORS.has(w.norm) && k < segmentStart) {
      // The cue's own clause is subordinate ("while Britain abstained"): look no further left.
      break;
    }
    if (w.norm === ',') {
      // Crossing into a subordinate clause ("While the UK abstained, the rest … supported") ends the search.
      let s = k - 1;
      while (s >= first && words[s].norm !== ',' && !CLAUSE_STOPS.has(words[s].norm)) s--;
      if (s + 1 <= k - 1 && SUBORDINATORS.has(words[s + 1].norm)) break;
      segmentStart = k;
      continue;
    }
    const u = ix.at[k];
    if (!u) {
      if (w.pos === 'NOUN' && GROUP_NOUNS.has(w.norm) && !ix.at[k - 1]) {
        // "the rest of the members supported": a non-actor subject; keep looking only past prepositions.
      }
      continue;
    }
    k = u.first;
    if (proposalAt[u.first] >= 0 || proposalAt[u.last] >= 0) continue;
    const before = words[u.first - 1];
    const after = words[u.last + 1];
    if (after && GROUP_NOUNS.has(after.norm) && after.sentence === w.sentence) return null;
    if (before && PREPOSITIONS.has(before.norm) && before.sentence === w.sentence) continue;
    if (after && after.norm === "'s" && words[u.last + 2] && proposalAt[u.last + 2] >= 0) continue;
    return coordinatedLeft(ctx, u, first);
  }
  return [];
}

function coordinatedLeft(ctx: StanceContext, u: MentionUnit, first: number): number[] {
  const { words, ix } = ctx;
  const out = [u.actor];
  let k = u.first - 1;
  for (;;) {
    let j = k;
    let sawConnector = false;
    while (j >= first && CONNECTORS.has(words[j].norm)) { sawConnector = true; j--; }
    if (!sawConnector || j < first) break;
    if (words[j].norm === 'the') j--;
    const v = ix.at[j];
    if (!v) break;
    if (!out.includes(v.actor)) out.unshift(v.actor);
    k = v.first - 1;
  }
  return out;
}

function coordinatedRight(ctx: StanceContext, from: number, last: number): number[] {
  const { words, ix } = ctx;
  const out: number[] = [];
  let k = from;
  while (k <= last) {
    if (words[k].norm === 'the') k++;
    const v = ix.at[k];
    if (!v) break;
    if (!out.includes(v.actor)) out.push(v.actor);
    k = v.last + 1;
    let saw = false;
    while (k <= last && CONNECTORS.has(words[k].norm)) { saw = true; k++; }
    if (!saw) break;
  }
  return out;
}

/** "Hungary's veto", "the American veto", "its refusal". */
function possessor(ctx: StanceContext, cueFirst: number): number[] | null {
  const { words, ix } = ctx;
  let k = cueFirst - 1;
  while (k >= 0 && (words[k].pos === 'ADJ' || words[k].pos === 'ADV') && !ix.at[k]) k--;
  if (k >= 0 && words[k].norm === "'s") k--;
  const u = k >= 0 ? ix.at[k] : null;
  return u ? [u.actor] : null;
}

/** Actors right after one of the given words following position `from` ("opposition from Greece and Cyprus", "vetoed by the US"). */
function agentAfter(ctx: StanceContext, from: number, preps: Set<string>): number[] | null {
  const { words } = ctx;
  const sentence = words[from].sentence;
  for (let k = from + 1; k <= from + 3 && k < words.length && words[k].sentence === sentence; k++) {
    const n = words[k].norm;
    if (n === ',' || n === 'notably' || n === 'mainly' || n === 'chiefly' || n === 'especially') continue;
    if (preps.has(n)) {
      const list = coordinatedRight(ctx, k + 1, ctx.sentences.get(sentence)!.last);
      if (list.length) return list;
      // "by permanent member and Israel ally the United States": allow a short description first.
      for (let j = k + 1; j <= k + 8 && j < words.length && words[j].sentence === sentence; j++) {
        if (words[j].norm === ',' || words[j].norm === '.') break;
        if (ctx.ix.at[j] && (words[j - 1].norm === 'the' || words[j - 1].pos === 'NOUN')) {
          const l2 = coordinatedRight(ctx, j, ctx.sentences.get(sentence)!.last);
          if (l2.length) return l2;
        }
      }
      return null;
    }
    if (words[k].pos !== 'ADV') break;
  }
  return null;
}

/** "…supported the resolution, namely France, China, Russia as well as Albania". */
function listAfter(ctx: StanceContext, from: number, last: number): number[] | null {
  const { words } = ctx;
  for (let k = from + 1; k <= Math.min(last, from + 4); k++) {
    if (LIST_INTROS.has(words[k].norm)) {
      const list = coordinatedRight(ctx, k + 1, last);
      return list.length ? list : null;
    }
  }
  return null;
}
