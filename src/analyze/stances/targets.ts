// Which proposal a cue is about: the proposal its object names, or, for bare cues and pronouns, the one named before it.
import { kindOf } from '../proposals/proposals.js';
import { CUES, NOUN_CUES, type Cue } from './cues.js';
import { objectList } from '../doc.js';
import type { StanceContext } from './context.js';
import type { StanceLabel } from '../record.js';

export interface Target {
  proposal: number;
  /** Word index of the mention that names it. */
  word: number;
  /** How it was found: in the cue's object, before it in the sentence, or in an earlier sentence. */
  via: 'object' | 'before' | 'earlier';
  /** Cues met inside the object ("ruled out imposing", "criticised NATO's rejection"), outermost first. */
  inner: Cue[];
}

const PRONOUN_OBJECTS = new Set(['it', 'this', 'that', 'them', 'these', 'those']);
/** Words that may come between a cue and the proposal its object names. */
const OBJECT_PASS_POS = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'PART', 'NOUN', 'PROPN', 'ADP', 'PRON', 'CCONJ']);
const OBJECT_STOPS = new Set([';', '.', ',', ':', 'but', 'while', 'whereas', 'although', 'because', 'since', 'who', 'which', 'whether', 'if', 'unless', 'saying', 'said', 'says', 'after', 'before', 'amid', 'despite', 'as']);
/** "what it called a reckless proposal": words of a naming clause inside an object. */
const NAMING = new Set(['what', 'called', 'described', 'termed', 'dubbed', 'as', 'it', 'they', 'he', 'she']);
const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’', '#']);
const OBJECT_WINDOW = 14;
const CONTROL_WINDOW = 20;
/** How many sentences back a bare cue or a pronoun may look. */
const EARLIER_REACH = 3;
const VOTE_CUE = /^(vote|abstain)/;

export function findTarget(ctx: StanceContext, cueFirst: number, cueLast: number, cue: Cue, passive: boolean): Target | null {
  const { words, proposalAt } = ctx;
  const sentence = words[cueFirst].sentence;
  const { first, last } = ctx.sentences.get(sentence)!;
  const fits = (p: number) => !cue.kinds || cue.kinds.includes(kindOf(ctx.doc.proposals[p]) ?? 'plan');
  const hit = (j: number, via: Target['via'], inner: Cue[] = objectList()): Target | null =>
    fits(proposalAt[j]) ? { proposal: proposalAt[j], word: j, via, inner } : null;
  let k = cueLast + 1;
  while (k <= last && (words[k].pos === 'ADV' || words[k].pos === 'PART') && !PRONOUN_OBJECTS.has(words[k].norm)) k++;
  const pronounObject = k <= last && PRONOUN_OBJECTS.has(words[k].norm) && proposalAt[k] < 0 && cue.type === 'verb' && words[k].pos !== 'SCONJ'
    && !(words[k + 1] && (words[k + 1].pos === 'NOUN' || words[k + 1].pos === 'ADJ' || proposalAt[k + 1] >= 0)); // "this proposal" is no pronoun
  if (cue.ifObject) return ifTarget(ctx, cueLast, last, fits);
  // "did not rule the plan out": the object sits inside the cue's gap.
  if (cue.phrase.includes('*')) for (let j = cueFirst + 1; j < cueLast; j++) if (proposalAt[j] >= 0) return hit(j, 'object');
  if (!pronounObject && !passive) {
    const window = cue.control ? CONTROL_WINDOW : OBJECT_WINDOW;
    const inner = objectList<Cue>(); // empty or not, one array kind for the readers of `inner`
    // "recommended that Ukraine be granted candidate status", "not said whether they will join": the clause's verbs pass.
    let inThat = /(whether|that|if)$/.test(cue.phrase);
    for (let j = cueLast + 1; j <= Math.min(last, cueLast + window); j++) {
      if (proposalAt[j] >= 0) return hit(j, 'object', inner);
      const w = words[j];
      if (cue.control) {
        if (w.norm === ';' || w.norm === '.') break;
        const m = CUES.matchAt(words, j);
        if (m && m.entry.type === 'verb') { inner.push(m.entry); j = m.last; continue; }
        // "urged Washington to cancel it": the pronoun stands for the proposal named before.
        if (PRONOUN_OBJECTS.has(w.norm) && w.pos === 'PRON' && words[j - 1]?.pos === 'VERB' && (words[j + 1]?.pos !== 'NOUN')) {
          for (let b = cueFirst - 1; b >= 0 && sentence - words[b].sentence <= EARLIER_REACH; b--) if (proposalAt[b] >= 0) return hit(b, 'earlier', inner);
          break;
        }
        continue;
      }
      const thatClause = w.norm === 'that' && j === cueLast + 1 && (cue.proposes || cue.control);
      if (thatClause) { inThat = true; continue; }
      if (OBJECT_STOPS.has(w.norm) && !(NAMING.has(w.norm) && j === cueLast + 1) && !(w.norm === 'whether' && words[j + 1]?.norm === 'to') && !thatClause) break;
      const m = CUES.matchAt(words, j) ?? NOUN_CUES.matchAt(words, j);
      if (m && m.entry.type !== 'eval') { inner.push(m.entry); j = m.last; continue; }
      if (w.pos === 'VERB' || w.pos === 'AUX') {
        // Verbs pass only as gerunds or infinitives ("ruled out imposing", "refused to back") or in "what it called".
        if (!(inThat || /ing$/.test(w.norm) || words[j - 1].norm === 'to' || NAMING.has(w.norm))) break;
        continue;
      }
      if (!OBJECT_PASS_POS.has(w.pos) && !NAMING.has(w.norm) && !QUOTE_MARKS.has(w.norm)) break;
    }
    if (cue.type === 'verb' && !cue.bare) {
      // A verb with some other object ("backs Ukraine") says nothing about a proposal.
      const next = words[cueLast + 1];
      if (next && next.sentence === sentence && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'DET')) return null;
    }
  }
  if (cue.objectOnly) return null;
  // “It would be a disaster,” the minister said of the embargo: the attribution names what the quote is about.
  const q = ctx.quoteAt[cueFirst];
  if (q >= 0 && ctx.doc.quotes[q].kind !== 'indirect') {
    let j = cueLast + 1;
    while (j <= last && ctx.quoteAt[j] === q) j++;
    for (let n = 0; j <= last && n < 10; j++, n++) {
      if (proposalAt[j] >= 0 && /^(of|about|on|regarding|to)$/.test(words[j - 1]?.norm ?? '') ) return hit(j, 'object');
      if (proposalAt[j] >= 0 && /^(the|this|that)$/.test(words[j - 1]?.norm ?? '') && /^(of|about|on|regarding)$/.test(words[j - 2]?.norm ?? '')) return hit(j, 'object');
    }
  }
  // Before the cue in the same sentence, nearest first; a transitive verb only from a relative clause ("the plan, which X rejected").
  for (let j = cueFirst - 1; j >= first; j--) {
    if (proposalAt[j] < 0) continue;
    if (cue.type === 'verb' && !cue.bare && !passive && !pronounObject && !relativeClause(ctx, j, cueFirst)) return null;
    return hit(j, 'before');
  }
  if (cue.type === 'verb' && !cue.bare && !pronounObject && !passive) return null;
  if (cue.type !== 'verb' && !pronounSubject(ctx, cueFirst)) return null;
  // An earlier sentence: the most recent mention; a bare vote ("Belgium abstained") is on whatever was put to the vote last.
  const reach = cue.bare && VOTE_CUE.test(cue.phrase) ? Infinity : EARLIER_REACH;
  for (let j = first - 1; j >= 0 && sentence - words[j].sentence <= reach; j--) if (proposalAt[j] >= 0) return hit(j, 'earlier');
  return null;
}

/** "It would be a reckless decision", "this proposal … amounts to": the cue's clause is about something named before. */
function pronounSubject(ctx: StanceContext, cueFirst: number): boolean {
  const { words } = ctx;
  for (let k = cueFirst - 1; k >= 0 && cueFirst - k <= 7 && words[k].sentence === words[cueFirst].sentence; k--) {
    if (words[k].norm === ',' || words[k].norm === ';') break;
    if (['it', 'this', 'that', "that's", "it's", 'which', 'we'].includes(words[k].norm)) return true;
  }
  return false;
}

/** The label a cue gives once the cues inside its object are taken into account ("ruled out imposing" → oppose). */
export function composeLabel(outer: StanceLabel, inner: Cue[]): StanceLabel {
  let label = outer;
  for (const c of inner) {
    // "open to discussing", "agreed to consider": willing to talk is not yet a yes.
    if (c.label === 'undecided') { if (label === 'support') label = 'undecided'; continue; }
    if (label === 'support') label = c.label;
    else if (label === 'oppose') label = c.label === 'oppose' ? 'support' : 'oppose';
  }
  return label;
}

/** "the idea, which X rejected", "a transfer the US described as": the cue's clause is about the mention before it. */
function relativeClause(ctx: StanceContext, mention: number, cueFirst: number): boolean {
  const { words, proposalAt, ix } = ctx;
  let k = mention + 1;
  while (k < cueFirst && proposalAt[k] >= 0) k++;
  // "drones to Taiwan on Tuesday, a move Beijing said it opposes": a short phrase and an apposition first.
  for (let j = k; j < Math.min(cueFirst, k + 7); j++) {
    if (words[j].norm === ',' && (words[j + 1]?.norm === 'a' || words[j + 1]?.norm === 'the') && words[j + 2]?.pos === 'NOUN') { k = j; break; }
    if (words[j].pos === 'VERB' || words[j].pos === 'AUX') break;
  }
  if (words[k]?.norm === ',') k++;
  if ((words[k]?.norm === 'a' || words[k]?.norm === 'the') && words[k + 1]?.pos === 'NOUN') k += 2;
  const sawRelative = words[k]?.norm === 'which' || words[k]?.norm === 'that';
  if (sawRelative) k++;
  for (; k < cueFirst; k++) {
    const w = words[k];
    if (ix.at[k] || w.pos === 'DET' || w.pos === 'PRON' || w.pos === 'AUX' || w.pos === 'ADV' || w.pos === 'PART' || QUOTE_MARKS.has(w.norm)) continue;
    // "a scheme that Germany and the Nordic states have championed": the relative clause's subject phrase.
    if (sawRelative && (w.pos === 'CCONJ' || w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'PROPN')) continue;
    if (/^(said|says|say|believes|thinks)$/.test(w.norm)) continue; // "a move Beijing said it opposes"
    return false;
  }
  return true;
}

/** "warned of a direct clash if peacekeepers are deployed": the first proposal named in an "if" clause after the cue. */
function ifTarget(ctx: StanceContext, cueLast: number, last: number, fits: (p: number) => boolean): Target | null {
  const { words, proposalAt } = ctx;
  let inIf = false;
  for (let j = cueLast + 1; j <= Math.min(last, cueLast + 20); j++) {
    if (words[j].norm === 'if' || words[j].norm === 'should') inIf = true;
    else if (inIf && proposalAt[j] >= 0) return fits(proposalAt[j]) ? { proposal: proposalAt[j], word: j, via: 'object', inner: objectList() } : null;
    if (words[j].norm === ';' || words[j].norm === '.') break;
  }
  return null;
}
