// Who holds a stance: the subject of the cue's clause (with coordinated subjects), a passive agent, a possessor, or the quote's speaker.
import type { Cue } from './cues.js';
import type { StanceContext } from './context.js';
import { coordinatedLeft, governor, isGroup, isMemberModifier, possessedHead } from './subjects.js';
import { agentAfter, joinedIn, listAfter, nounTakenBySubject, possessiveReferent, possessor, pronounReferent } from './referents.js';

export interface Holders {
  actors: number[];
  /** The quote the stance is expressed in, when the holder is its speaker. */
  quote: number | null;
  via: 'subject' | 'agent' | 'possessor' | 'list' | 'speaker';
}

const CLAUSE_STOPS = new Set([';', 'but', 'however', 'although', 'though', 'whereas', 'yet']);
const SUBORDINATORS = new Set(['while', 'although', 'as', 'after', 'before', 'when', 'if', 'because', 'since', 'though', 'whereas', 'despite', 'unless', 'once']);
const BE = new Set(['is', 'are', 'was', 'were', 'been', 'be', 'being', 'get', 'got']);
/** Verbs whose subject is the holder of what follows them ("X said the plan was premature"). */
const SPEECH = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'insisted', 'stressed', 'warned', 'noted', 'argued', 'claimed', 'confirmed', 'explained', 'emphasized', 'emphasised', 'acknowledged', 'wrote', 'tweeted', 'believes', 'believe', 'thinks', 'think', 'hopes', 'expects', 'reiterated', 'declared', 'signalled', 'signaled', 'indicated', 'conceded', 'clarified', 'announced', 'reaffirmed', 'repeated', 'suggested', 'predicted', 'made', 'gave', 'give', 'expressed', 'voiced', 'stand', 'stands', 'remains', 'remained', 'seems', 'appears', 'agreed', 'decided', 'chose', 'chosen', 'continues', 'continued', 'plans', 'planned', 'wants', 'wanted', 'intends', 'intended', 'is', 'are', 'was', 'were',
  // "Austria called the embargo unacceptable": verbs that give the object an evaluation.
  'called', 'calls', 'described', 'describes', 'termed', 'terms', 'labelled', 'labeled', 'branded', 'brands', 'dubbed', 'deemed', 'deems', 'considers', 'considered']);
/** Subject pronouns that may stand for the speaker of the sentence's quote. */
const SPEAKER_PRONOUNS = new Set(['he', 'she', 'i', 'we']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'his', 'her', 'their', 'our']);

type Scan = { kind: 'found'; actors: number[] } | { kind: 'group' } | { kind: 'pronoun' } | { kind: 'none' };

export function findHolders(ctx: StanceContext, cueFirst: number, cueLast: number, cue: Cue, target: number | null, passive: boolean): Holders | null {
  const { words, quoteAt, doc } = ctx;
  const q = quoteAt[cueFirst];
  const quote = q >= 0 ? doc.quotes[q] : null;
  const sentence = ctx.sentences.get(words[cueFirst].sentence)!;
  const gerund = /ing$/.test(words[cueFirst].norm) && cue.type === 'verb';
  if (passive) {
    const agent = agentAfter(ctx, target !== null && target > cueLast ? target : cueLast, new Set(['by']))
      ?? agentAfter(ctx, cueLast, new Set(['by']));
    return agent ? { actors: agent, quote: null, via: 'agent' } : null;
  }
  if (quote && quote.kind !== 'indirect') {
    const inQuote = subjectLeft(ctx, cueFirst, sentence.first, q, cue.type === 'eval');
    if (inQuote.kind === 'found') return { actors: inQuote.actors, quote: null, via: 'subject' };
    if (inQuote.kind === 'group') return null;
    if (quote.kind === 'partial') {
      // "Bausch gave a “very clear no”": the subject outside the quote.
      const outside = subjectLeft(ctx, wordIndexAt(ctx, quote.start), sentence.first, -1);
      if (outside.kind === 'found') return { actors: outside.actors, quote: q, via: 'subject' };
    }
    if (quote.speaker !== null && !gerund) return { actors: [quote.speaker], quote: q, via: 'speaker' };
    // The quotes stage named no speaker: the one the attribution after the quote names ("…,” the Austrian minister said).
    const after = trailingSpeaker(ctx, cueLast, sentence.last);
    return after !== null && !gerund ? { actors: [after], quote: q, via: 'speaker' } : null;
  }
  if (cue.type === 'noun') {
    // "would need the backing of the Security Council": a condition, not the Council's position.
    for (let k = cueFirst - 1; k >= cueFirst - 3 && k >= 0; k--) if (/^(need|needs|needed|require|requires|required|without|seek|seeks|sought|want|wants|wanted)$/.test(words[k].norm)) return null;
    const pos = possessor(ctx, cueFirst);
    if (pos) return { actors: pos, quote: null, via: 'possessor' };
    if (POSSESSIVE_PRONOUNS.has(words[cueFirst - 1]?.norm ?? '')) {
      const ref = possessiveReferent(ctx, cueFirst - 1, sentence.first);
      return ref === null ? (quote?.speaker != null ? { actors: [quote.speaker], quote: q, via: 'speaker' } : null) : { actors: [ref], quote: null, via: 'possessor' };
    }
    // "a positive view of Finland's membership": an "of" that names the target is not the holder.
    const ofTarget = target !== null && target > cueLast && target - cueLast <= 4 && ctx.words.slice(cueLast + 1, target).some((w) => w.norm === 'of');
    const after = agentAfter(ctx, cueLast, new Set(ofTarget ? ['from', 'by', '('] : ['from', 'by', 'of', '(']));
    if (after) return { actors: after, quote: null, via: 'agent' };
    if (!nounTakenBySubject(ctx, cueFirst)) return null;
  }
  if (cue.type === 'eval' && words[cueLast + 1]?.norm === 'by') {
    // "was criticised as unworkable by Austria".
    const agent = agentAfter(ctx, cueLast, new Set(['by']));
    return agent ? { actors: agent, quote: null, via: 'agent' } : null;
  }
  const joined = joinedIn(ctx, cueFirst, sentence.first);
  if (joined) return { actors: joined, quote: null, via: 'subject' };
  const subj = subjectLeft(ctx, cueFirst, sentence.first, -1, cue.type === 'eval');
  if (subj.kind === 'found') return { actors: ownSpeaker(ctx, subj.actors, cueFirst, sentence.first), quote: null, via: 'subject' };
  if (subj.kind === 'group') return null;
  const list = listAfter(ctx, target ?? cueLast, sentence.last);
  if (list) return { actors: list, quote: null, via: 'list' };
  if (gerund && subj.kind !== 'pronoun') return null;
  if (quote && quote.speaker !== null) return { actors: [quote.speaker], quote: q, via: 'speaker' };
  if (subj.kind === 'pronoun') {
    // "We will never accept this embargo, minister Ana Soto said": the speaker named after the words.
    const speaker = trailingSpeaker(ctx, cueLast, sentence.last);
    if (speaker !== null) return { actors: [speaker], quote: null, via: 'speaker' };
  }
  return null;
}

/** The actor of a ", X said" / ", said X" at the end of the sentence, or null. */
function trailingSpeaker(ctx: StanceContext, from: number, last: number): number | null {
  const { words, ix } = ctx;
  for (let k = from + 1; k <= last; k++) {
    if (!/^(said|says|told|added|stressed|insisted)$/.test(words[k].norm) || words[k - 1].norm === ',' && !ix.at[k + 1]) continue;
    const after = ix.at[k + 1];
    if (after) return after.actor;
    for (let j = k - 1; j > from && k - j <= 6; j--) {
      const u = ix.at[j];
      if (u) return u.actor;
      if (words[j].norm === ',') break;
    }
  }
  return null;
}

function wordIndexAt(ctx: StanceContext, offset: number): number {
  let k = 0;
  while (k < ctx.words.length - 1 && ctx.words[k].end <= offset) k++;
  return k;
}

/** True when the cue is a passive participle ("was vetoed", "the draft submitted by Russia"). */
export function isPassive(ctx: StanceContext, cueFirst: number, cueLast: number): boolean {
  const { words } = ctx;
  const participle = /(ed|en|wn|put|sent|held|sunk)$/.test(words[cueFirst].norm);
  if (!participle) return false;
  if (words[cueLast + 1]?.norm === 'by') return true;
  for (let k = cueFirst - 1; k >= cueFirst - 3 && k >= 0; k--) {
    if (BE.has(words[k].norm)) return true;
    if (words[k].pos !== 'ADV' && words[k].pos !== 'PART') return false;
  }
  return false;
}

/** The nearest eligible actor mentions left of the cue in its clause, with those coordinated with them. */
function subjectLeft(ctx: StanceContext, cueFirst: number, first: number, insideQuote: number, evalCue = false): Scan {
  const scan = subjectScan(ctx, cueFirst, first, insideQuote, evalCue);
  if (scan.kind === 'none' && scan.fallback >= 0) return { kind: 'found', actors: [scan.fallback] };
  return scan;
}

/** `fallback` is an actor index, or -1 (a number either way: one object shape, never a field that changes kind). */
type FallbackScan = Exclude<Scan, { kind: 'none' }> | { kind: 'none'; fallback: number };

function subjectScan(ctx: StanceContext, cueFirst: number, first: number, insideQuote: number, evalCue: boolean): FallbackScan {
  const { words, ix, proposalAt, quoteAt, doc } = ctx;
  let fallback = -1; // "it" / "they" resolved by the actors stage: used when nothing surer is found
  // "… and did not come down …", "…, to pave the way for": the subject of the main verb phrase.
  let sharedSubject = words[cueFirst - 1]?.norm === 'to';
  let onlyAux = true;
  for (let k = cueFirst - 1; k >= first; k--) {
    const w = words[k];
    if (insideQuote >= 0 && quoteAt[k] !== insideQuote) break;
    if (insideQuote < 0 && quoteAt[k] >= 0 && doc.quotes[quoteAt[k]].kind !== 'indirect') continue;
    // ", however," sits inside the clause; "however" opening one ends it.
    // "has not yet taken": "yet" ends a clause only after a comma.
    if (CLAUSE_STOPS.has(w.norm) && !(words[k - 1]?.norm === ',' && words[k + 1]?.norm === ',')
      && !(w.norm === 'yet' && k > first && words[k - 1].norm !== ',' && words[k - 1].norm !== ';')) break;
    if (w.norm === 'and' && onlyAux) sharedSubject = true;
    if (w.pos !== 'AUX' && w.pos !== 'ADV' && w.pos !== 'PART' && w.norm !== 'and') onlyAux = false;
    // "described the embargo as unacceptable": an "as" after the object names the evaluation, not a clause.
    if (w.norm === 'as' && k > first && proposalAt[k - 1] >= 0) continue;
    if (SUBORDINATORS.has(w.norm)) {
      // "while also continuing to block": a reduced clause shares the main subject; "while Britain abstained" does not.
      if (/ing$/.test(words[k + 1]?.norm ?? '') || (words[k + 1]?.pos === 'ADV' && /ing$/.test(words[k + 2]?.norm ?? ''))) continue;
      break;
    }
    if (w.norm === ',') {
      let s = k - 1;
      while (s >= first && words[s].norm !== ',' && !CLAUSE_STOPS.has(words[s].norm)) s--;
      // ", which fear a cap could …,": a relative clause between the subject and its verb is skipped.
      if (s > first && words[s].norm === ',' && /^(which|who|whose|whom)$/.test(words[s + 1]?.norm ?? '')) {
        k = s;
        continue;
      }
      if (s + 1 <= k - 1 && SUBORDINATORS.has(words[s + 1].norm) && !/ing$/.test(words[s + 2]?.norm ?? '')) break;
      continue;
    }
    if (proposalAt[k] >= 0) {
      // The proposal itself is the subject ("the text condemns …", "the draft was vetoed").
      if (!evalCue && onlyAuxBetween(ctx, k, cueFirst)) return { kind: 'none', fallback };
      continue;
    }
    const u = ix.at[k];
    if (!u) {
      if ((w.norm === 'which' || w.norm === 'who') && k + 1 < cueFirst) {
        // "Hungary, which continues to block …": the relative pronoun's antecedent.
        const a = words[k - 1]?.norm === ',' ? k - 2 : k - 1;
        const v = a >= 0 ? ix.at[a] : null;
        if (v && !isGroup(ctx, v) && !ctx.doc.actors[v.actor].key.startsWith('group:')) return { kind: 'found', actors: coordinatedLeft(ctx, v, first) };
      }
      if ((w.norm === 'that' || w.norm === 'who') && copularAntecedent(ctx, k, first)) {
        // "The US was the only council member that voted against it": the subject of "was".
        k = copularAntecedent(ctx, k, first)!;
        continue;
      }
      if (w.pos === 'PRON' && SPEAKER_PRONOUNS.has(w.norm) && isSubjectPosition(ctx, k)) return { kind: 'pronoun' };
      if (w.pos === 'PRON' && w.norm === 'others' && isSubjectPosition(ctx, k)) return { kind: 'group' };
      // "sought to pressure", "continues to block": a verb before "to" shares its subject with the cue.
      const catenative = words[k + 1]?.norm === 'to' || (words[k + 1]?.pos === 'ADV' && words[k + 2]?.norm === 'to');
      if (w.pos === 'VERB' && !sharedSubject && !catenative && !SPEECH.has(w.norm) && !/ing$/.test(w.norm) && words[k - 1]?.norm !== 'to' && k !== cueFirst - 1) {
        // Another verb's clause: its subject is not this cue's.
        if (!/ed$/.test(w.norm) || words[k - 1]?.pos === 'AUX' || ix.at[k - 1]) return { kind: 'none', fallback };
      }
      continue;
    }
    k = u.first;
    if (proposalAt[u.last] >= 0) continue;
    if (bogusGroup(ctx, u)) continue;
    if (doc.actors[u.actor].key.startsWith('group:')) return { kind: 'group' };
    const surface = doc.text.slice(words[u.first].start, words[u.last].end).toLowerCase();
    // "We cannot support this" inside a quote: the speaker, whatever the actors stage made of "we".
    if (/^(we|i|us|our|my)$/.test(surface) && insideQuote >= 0) return { kind: 'pronoun' };
    if (u.via === 'pronoun' && /^(which|who|that)$/.test(surface)) {
      const a = words[u.first - 1]?.norm === ',' ? u.first - 2 : u.first - 1;
      const v = a >= first ? ix.at[a] : null;
      return { kind: 'found', actors: v && v.actor === u.actor ? coordinatedLeft(ctx, v, first) : [u.actor] };
    }
    if (u.via === 'pronoun' && /^(it|they|them|their|its)$/.test(surface)) {
      // "Germany … said it wanted": the sentence's own subject before the actors stage's guess.
      const ref = pronounReferent(ctx, u.first, first);
      if (ref !== null) return { kind: 'found', actors: [ref] };
      if (fallback < 0 && !isGroup(ctx, u)) fallback = u.actor;
      continue;
    }
    if (words[u.first - 1]?.norm === '(') continue; // "(NATO)" after a name already read
    if (isGroup(ctx, u)) return { kind: 'group' };
    if (isMemberModifier(ctx, u)) continue;
    const gov = governor(ctx, u);
    if (gov === 'prep' || gov === 'object') continue;
    if (!possessedHead(ctx, u)) continue;
    return { kind: 'found', actors: coordinatedLeft(ctx, u, first) };
  }
  return { kind: 'none', fallback };
}

function onlyAuxBetween(ctx: StanceContext, k: number, cueFirst: number): boolean {
  for (let j = k + 1; j < cueFirst; j++) {
    const w = ctx.words[j];
    if (ctx.proposalAt[j] >= 0) continue;
    if (w.pos !== 'AUX' && w.pos !== 'ADV' && w.pos !== 'PART' && !/^(is|was|were|are|has|have|had|would|will|be|been)$/.test(w.norm)) return false;
  }
  return true;
}

function isSubjectPosition(ctx: StanceContext, k: number): boolean {
  const next = ctx.words[k + 1];
  return !!next && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV' || next.pos === 'PART');
}








/**
 * For "X was the only member that …": the index of the "was" before the antecedent noun phrase, so the scan goes on to
 * X; null when the relative pronoun does not follow a copular predicate.
 */
function copularAntecedent(ctx: StanceContext, k: number, first: number): number | null {
  const { words } = ctx;
  let j = k - 1;
  while (j >= first && j >= k - 5 && words[j].pos !== 'AUX' && (words[j].pos === 'NOUN' || words[j].pos === 'ADJ' || words[j].pos === 'PROPN' || words[j].pos === 'DET' || ctx.ix.at[j])) j--;
  if (j >= first && j < k - 1 && /^(was|is|were|are|remains|remained|became)$/.test(words[j].norm)) return j;
  return null;
}

/** A group the actors stage made out of a clause ("was the only council member"): no actor at all. */
function bogusGroup(ctx: StanceContext, u: { actor: number; first: number; last: number }): boolean {
  if (!ctx.doc.actors[u.actor].key.startsWith('group:')) return false;
  for (let k = u.first; k <= u.last; k++) if (ctx.words[k].pos === 'AUX' || ctx.words[k].pos === 'VERB') return true;
  return false;
}

/**
 * "Minister Velde said the Netherlands would not take part": a country or organisation reported by someone who speaks
 * for it is held by that speaker, the more precise source.
 */
function ownSpeaker(ctx: StanceContext, actors: number[], cueFirst: number, first: number): number[] {
  if (actors.length !== 1) return actors;
  const { words, ix, doc } = ctx;
  const held = doc.actors[actors[0]];
  if (held.kind !== 'country' && held.kind !== 'organization') return actors;
  let afterSpeech = false;
  for (let k = cueFirst - 1; k >= first; k--) {
    if (/^(said|says|told|added|stressed|insisted|announced|confirmed)$/.test(words[k].norm)) { afterSpeech = true; continue; }
    const u = ix.at[k];
    if (!u || !afterSpeech) continue;
    const a = doc.actors[u.actor];
    if (a.kind === 'person' && a.represents === held.key) return [u.actor];
    k = u.first;
  }
  return actors;
}
