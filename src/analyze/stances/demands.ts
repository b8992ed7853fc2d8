// Proposals put as a clause rather than a noun: "Hungary demanded that Kristersson first visit Budapest", "X proposed giving Y more time".
import type { Proposal } from '../doc.js';
import { slugify } from '../slug.js';
import { setKind } from '../proposals/proposals.js';
import { NOT_PLAN_HEADS } from '../proposals/triggers.js';
import type { StanceContext } from './context.js';

/** Cues whose clause object is itself a proposal. */
const DEMANDING = new Set(['propose', 'demand', 'recommend', 'call for', 'push for', 'press for', 'ask for', 'appeal for', 'lobby for']);
/** Cues that ask someone to do something ("asked allies to pool money"): the infinitive clause is the proposal. */
const CONTROLLING = new Set(['urge', 'call on', 'call upon', 'press', 'pressure', 'ask', 'push']);
const ENDS = new Set([',', ';', '.', ':', 'but', 'while', 'before', 'after', 'because', 'so', 'which', '“', '”', '"']);
const MAX_WORDS = 16;

/**
 * When a demanding cue's object is a "that" clause or a gerund phrase naming no known proposal, adds that clause as
 * a new proposal and returns its index; otherwise null.
 */
export function clauseProposal(ctx: StanceContext, cuePhrase: string, cueLast: number): number | null {
  if (!DEMANDING.has(cuePhrase)) return null;
  const { words, doc, proposalAt } = ctx;
  if (/ing$/.test(words[cueLast].norm)) return null; // "a resolution … demanding the withdrawal": a description
  let k = cueLast + 1;
  const sentence = words[cueLast].sentence;
  while (words[k] && words[k].sentence === sentence && (words[k].pos === 'ADV' || /^(today|yesterday|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(words[k].norm))) k++;
  const w = words[k];
  if (!w || w.sentence !== sentence) return null;
  const gerund = /ing$/.test(w.norm) && w.pos === 'VERB';
  if (w.norm !== 'that' && !gerund) return nounObject(ctx, k, sentence) ?? subjectInfinitive(ctx, k, sentence);
  const from = w.norm === 'that' ? k + 1 : k;
  let to = from;
  const listComma = (j: number) => words[j].norm === ',' && (!!ctx.ix.at[j + 1] || words[j + 1]?.pos === 'PROPN');
  while (to + 1 < words.length && words[to + 1].sentence === sentence && (!ENDS.has(words[to + 1].norm) || listComma(to + 1)) && to + 1 - from < MAX_WORDS) to++;
  for (let j = from; j <= to; j++) if (proposalAt[j] >= 0) return null;
  if (to - from < 2) return null;
  return addClause(ctx, from, to);
}

/** Adds the words [from, to] as a new plan and returns its index. */
function addClause(ctx: StanceContext, from: number, to: number): number {
  const { words, doc, proposalAt } = ctx;
  const span = { start: words[from].start, end: words[to].end };
  const summary = doc.text.slice(span.start, span.end).replace(/\s+/g, ' ');
  const p: Proposal = { summary, key: `plan-${slugify(summary).split('-').slice(0, 6).join('-')}`, proposer: null, body: null, mentions: [span] };
  doc.proposals.push(p);
  setKind(p, 'plan');
  for (let j = from; j <= to; j++) proposalAt[j] = doc.proposals.length - 1;
  return doc.proposals.length - 1;
}

/** The end of a clause from `from`: the word before a clause end, at most MAX_WORDS on. */
function clauseEnd(ctx: StanceContext, from: number, sentence: number): number {
  const { words } = ctx;
  let to = from;
  while (to + 1 < words.length && words[to + 1].sentence === sentence && !ENDS.has(words[to + 1].norm) && to + 1 - from < MAX_WORDS) to++;
  return to;
}

/** "called for the UN fund to be replenished with $100 billion": a noun phrase and its infinitive, both the proposal. */
function subjectInfinitive(ctx: StanceContext, k: number, sentence: number): number | null {
  const { words, proposalAt } = ctx;
  if (!/^(a|an|the)$/.test(words[k].norm)) return null;
  const to = clauseEnd(ctx, k, sentence);
  for (let j = k + 1; j < to; j++) {
    if (proposalAt[j] >= 0) return null;
    if (words[j].norm === 'to' && (words[j + 1].pos === 'VERB' || words[j + 1].norm === 'be') && j + 2 <= to) return addClause(ctx, k + 1, to);
    if (words[j].pos === 'VERB' || words[j].pos === 'AUX') return null;
  }
  return null;
}

/**
 * "asked European allies to pool money for air-defence systems": when a controlling cue's addressee is followed by an
 * infinitive naming no known proposal, adds the infinitive clause as a new proposal and returns its index.
 */
export function askedClause(ctx: StanceContext, cuePhrase: string, cueLast: number): number | null {
  if (!CONTROLLING.has(cuePhrase)) return null;
  const { words, ix, proposalAt } = ctx;
  const sentence = words[cueLast].sentence;
  let k = cueLast + 1;
  // The addressee: an actor with its modifiers ("European allies", "the NATO alliance").
  let named = false;
  for (; k < words.length && words[k].sentence === sentence && k - cueLast <= 5; k++) {
    if (ix.at[k]) { named = true; k = ix.at[k]!.last; continue; }
    if (words[k].pos === 'DET' || words[k].pos === 'ADJ' || words[k].pos === 'PROPN' || (words[k].pos === 'NOUN' && named)) continue;
    break;
  }
  if (!named || words[k]?.norm !== 'to' || words[k + 1]?.pos !== 'VERB') return null;
  const to = clauseEnd(ctx, k + 1, sentence);
  if (to - (k + 1) < 2) return null;
  for (let j = k + 1; j <= to; j++) if (proposalAt[j] >= 0) return null;
  return addClause(ctx, k + 1, to);
}

/** "proposed a six-month delay", "demanded a referendum": a short noun phrase object is the proposal. */
function nounObject(ctx: StanceContext, k: number, sentence: number): number | null {
  const { words, doc, ix, proposalAt } = ctx;
  if (!/^(a|an|the)$/.test(words[k].norm)) return null;
  let last = -1;
  for (let j = k + 1; j <= k + 5 && words[j] && words[j].sentence === sentence; j++) {
    const w = words[j];
    if (ix.at[j] || proposalAt[j] >= 0) return null;
    if (w.pos === 'NOUN') { last = j; continue; }
    if (w.pos === 'ADJ' || w.pos === 'NUM') continue;
    break;
  }
  if (last < 0 || words[last + 1]?.pos === 'NOUN') return null;
  const span = { start: words[k + 1].start, end: words[last].end };
  const summary = doc.text.slice(span.start, span.end).replace(/\s+/g, ' ');
  const p: Proposal = { summary, key: `plan-${slugify(summary)}`, proposer: null, body: null, mentions: [span] };
  doc.proposals.push(p);
  setKind(p, 'plan');
  for (let j = k + 1; j <= last; j++) proposalAt[j] = doc.proposals.length - 1;
  return doc.proposals.length - 1;
}


/**
 * "the Netherlands now supported the joint naval patrol": a determined noun phrase with two or more modifiers after
 * a strong stance verb names a proposal even where nothing else does. Adds it and returns its index, or null.
 */
export function namedObject(ctx: StanceContext, cueLast: number): number | null {
  const { words, doc, ix, proposalAt } = ctx;
  let k = cueLast + 1;
  if (!words[k] || !/^(the|a|an|this)$/.test(words[k].norm)) return null;
  const sentence = words[k].sentence;
  let head = -1;
  let mods = 0;
  for (let j = k + 1; j < words.length && j - k <= 6 && words[j].sentence === sentence; j++) {
    if (ix.at[j] || proposalAt[j] >= 0) return null;
    if (words[j].pos === 'NOUN' && words[j + 1]?.pos !== 'NOUN') { head = j; break; }
    if (words[j].pos === 'ADJ' || words[j].pos === 'NOUN') { mods++; continue; }
    return null;
  }
  if (head < 0 || mods < 2 || NOT_PLAN_HEADS.has(words[head].norm)) return null;
  const span = { start: words[k + 1].start, end: words[head].end };
  const summary = doc.text.slice(span.start, span.end).replace(/\s+/g, ' ');
  const p: Proposal = { summary, key: `plan-${slugify(summary)}`, proposer: null, body: null, mentions: [span] };
  doc.proposals.push(p);
  setKind(p, 'plan');
  for (let j = k + 1; j <= head; j++) proposalAt[j] = doc.proposals.length - 1;
  return doc.proposals.length - 1;
}
