// Proposals named by a verb phrase, not a noun: "urged Venezuela to hold elections", "agreed to keep the boycott",
// "a plan to phase out coal", "warned against cutting aid". Each is a candidate; the learned decisions keep it or not.
import { objectList, tokenAt, type Doc, type Proposal } from '../doc.js';
import type { StanceLabel } from '../record.js';
import type { Span } from '../record.js';
import type { Stage } from '../stage.js';
import { slugify } from '../slug.js';
import { actorIndex, type ActorIndex } from './actor-index.js';
import { setKind } from './proposals.js';
import { foundByPhrase } from '../phrases/phrases.js';
import { cosine, phraseVector } from '../vectors/vectors.js';
import { verbForms } from '../stances/inflect.js';
import { wordAt, wordsOf, type Word } from './words.js';

const CLAUSES = new WeakMap<Proposal, ClauseCandidate>();
/** The verb phrase a proposal was found as ("urged X to hold elections"); null for one named by a noun. */
export const clauseOf = (p: Proposal): ClauseCandidate | null => CLAUSES.get(p) ?? null;

/**
 * Stage: verb phrases naming nothing an earlier stage found, each a proposal of its own. It runs after the rules'
 * stances, so their cues keep linking to the proposals named by nouns; only the learned decisions give these stances,
 * and those given none are pruned with the rest.
 */
export const clauses: Stage = {
  name: 'clauses',
  reads: ['tokens', 'sentences', 'actors', 'proposals', 'stances'],
  adds: ['proposals'],
  run(doc: Doc) {
    const words = wordsOf(doc);
    const covered = new Uint8Array(words.length);
    // Only proposals a trigger word or the rules named block a verb phrase: a noun the phrase model took inside one
    // ("the world" of "called for the world to phase out coal") is often a piece of it, and an overlap costs nothing.
    for (const p of doc.proposals) {
      if (foundByPhrase(p)) continue;
      for (const m of p.mentions) for (let k = wordAt(words, m.start); k < words.length && words[k].start < m.end; k++) covered[k] = 1;
    }
    const keys = new Set(doc.proposals.map((p) => p.key));
    const named = doc.proposals.filter((p) => !foundByPhrase(p));
    const vectors = named.map((p) => phraseVector(wordsIn(p.summary)));
    for (const c of clauseCandidates(words, actorIndex(doc, words), covered)) {
      const span = { start: words[c.first].start, end: words[c.last].end };
      const summary = doc.text.slice(span.start, span.end).replace(/\s+/g, ' ').replace(/[“”"]/g, '');
      c.likeness = likeness(summary, named, vectors);

      let key = `plan-${slugify(summary).split('-').slice(0, 6).join('-')}`;
      for (let n = 2; keys.has(key); n++) key = `${key.replace(/-\d+$/, '')}-${n}`;
      keys.add(key);
      const mentions = objectList<Span>();
      mentions.push(span);
      const p: Proposal = { summary, key, proposer: null, body: null, mentions };
      setKind(p, 'plan');
      CLAUSES.set(p, c);
      doc.proposals.push(p);
      addReading(doc, c, doc.proposals.length - 1, span);
    }
  },
};

const wordsIn = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? [];

/**
 * How alike a verb phrase and the likeliest proposal named by a noun are (the best cosine of their phrase vectors; 0
 * with none). A feature of the decisions: in the labelled sets, phrases much like a named proposal ("send soldiers"
 * of a standby force) are seldom proposals of their own, and those like none are half the time.
 */
function likeness(summary: string, named: readonly Proposal[], vectors: readonly (Float32Array | null)[]): number {
  const v = phraseVector(wordsIn(summary));
  if (!v) return 0;
  let best = 0;
  vectors.forEach((pv) => { if (pv) best = Math.max(best, cosine(v, pv)); });
  return best;
}

/** The subject's position read off the governing word: a rule reading like the others, which the decisions weigh. */
function addReading(doc: Doc, c: ClauseCandidate, proposal: number, span: Span): void {
  const reading = subjectReading(c);
  // Not on a phrase like a proposal already named ("ready to send soldiers" of a standby force): the subject's position
  // there is on that proposal, left to the decisions.
  if (!reading || c.subject === null || c.likeness >= RESTATES_AT) return;
  const sentence = doc.sentences[doc.tokens[Math.min(tokenAt(doc, span.start), doc.tokens.length - 1)].sentence];
  const evidence = { start: sentence.start, end: sentence.end };
  doc.stances.push({ holder: c.subject, proposal, stance: reading, condition: null, confidence: SUBJECT_CONFIDENCE, date: null, evidence, quote: null, when: null });
}

/** A verb phrase that may name a proposal: words first..last, and the word that governs it. */
export interface ClauseCandidate {
  first: number;
  last: number;
  /** The governing word's base form ("urge", "plan", "against"), a feature of the decisions. */
  governor: string;
  /** How it is governed: an infinitive of a verb, noun or adjective ("to"), or a gerund after a word ("ing"). */
  shape: 'to' | 'ing';
  /** The actor named right before the governing verb (its subject), when any. */
  subject: number | null;
  /** The actor asked to act ("urged Venezuela to …"), when any. */
  addressee: number | null;
  /** How alike it is to the likeliest proposal named by a noun (0 to 1; set by the stage). */
  likeness: number;
}

/** The confidence of a subject's reading (as a proposer's own support, 0.8, a little less: the governor is read, not a cue). */
const SUBJECT_CONFIDENCE = 0.7;
/** Governing words whose subject puts the verb phrase forward or commits to it ("Chile urged …", "Peru's plan to …"). */
const SUBJECT_SUPPORTS = new Set(['urge', 'ask', 'press', 'push', 'pressure', 'encourage', 'invite', 'call on', 'call upon', 'appeal to', 'want',
  'agree', 'plan', 'decide', 'vote', 'pledge', 'vow', 'threaten', 'propose', 'offer', 'seek', 'intend', 'aim', 'prepare', 'promise', 'resolve',
  'commit', 'demand', 'proposal', 'decision', 'bid', 'call', 'threat', 'intention', 'request', 'commitment', 'initiative', 'readiness',
  'willingness', 'appeal', 'ready', 'willing', 'prepared', 'determined', 'eager', 'keen', 'support', 'back', 'suggest', 'recommend', 'favour',
  'favor', 'welcome', 'advocate', 'endorse', 'insist on']);
/** Governing words whose subject refuses the verb phrase ("Peru refused to …", "resisted handing over …"). */
const SUBJECT_OPPOSES = new Set(['refuse', 'decline', 'refusal', 'reluctant', 'unwilling', 'resist', 'oppose', 'reject', 'rule out', 'avoid']);

/** The position of a verb phrase's subject that its governing word says, or null when it says none ("need to", "tried to"). */
export function subjectReading(c: ClauseCandidate): StanceLabel | null {
  return SUBJECT_SUPPORTS.has(c.governor) ? 'support' : SUBJECT_OPPOSES.has(c.governor) ? 'oppose' : null;
}

/** Verbs that ask someone to act: an addressee may stand between them and the infinitive. */
const ASKING = ['urge', 'ask', 'press', 'push', 'pressure', 'encourage', 'invite', 'call on', 'call upon', 'appeal to', 'want'];
/** Verbs, nouns and adjectives whose infinitive is what is put forward, agreed, promised or refused. */
const INTENDING = ['agree', 'plan', 'decide', 'vote', 'pledge', 'vow', 'threaten', 'propose', 'offer', 'seek', 'refuse', 'intend', 'aim',
  'prepare', 'promise', 'move', 'decline', 'resolve', 'opt', 'commit', 'demand', 'hope', 'need', 'want'];
const NOUNS = ['plan', 'plans', 'proposal', 'proposals', 'decision', 'bid', 'move', 'call', 'calls', 'offer', 'agreement', 'deal', 'threat',
  'pledge', 'intention', 'push', 'demand', 'demands', 'request', 'refusal', 'commitment', 'initiative', 'idea',
  'readiness', 'willingness', 'vote', 'right', 'scheme', 'appeal', 'pressure', 'promise'];
const ADJECTIVES = ['ready', 'willing', 'prepared', 'determined', 'reluctant', 'unwilling', 'eager', 'keen', 'poised'];
/** Verbs and prepositions whose gerund object is what is backed or opposed ("resisted handing over power", "against cutting aid"). */
const GERUND_VERBS = ['resist', 'oppose', 'reject', 'support', 'back', 'consider', 'propose', 'suggest', 'recommend', 'favour', 'favor', 'welcome',
  'discuss', 'avoid', 'rule out', 'urge', 'advocate', 'endorse', 'delay', 'postpone', 'mull', 'weigh', 'contemplate', 'explore', 'demand', 'insist on'];
const GERUND_PREPOSITIONS = ['against', 'over', 'on', 'of', 'about', 'for', 'to', 'from'];

/** Each form of a verb (or phrase led by a verb) to its base form. */
function formsOf(bases: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of bases) {
    const [first, ...rest] = b.split(' ');
    for (const f of verbForms(first)) out.set([f, ...rest].join(' '), b);
  }
  return out;
}
const ASKING_FORMS = formsOf(ASKING);
const INTENDING_FORMS = formsOf(INTENDING);
const GERUND_VERB_FORMS = formsOf(GERUND_VERBS);
const NOUN_BASES = new Map(NOUNS.map((n) => [n, n.replace(/s$/, '').replace(/^(effort|demand|call|plan|proposal)s?$/, '$1')]));
const ADJECTIVE_SET = new Set(ADJECTIVES);
const PREPOSITIONS = new Set(GERUND_PREPOSITIONS);

/** Words that end a verb phrase. */
const ENDS = new Set([',', ';', '.', ':', '!', '?', '(', ')', '“', '”', '"', '‘', '’', "'", '—', '–', 'but', 'while', 'which', 'who', 'whom', 'because',
  'after', 'before', 'if', 'unless', 'as', 'amid', 'despite', 'saying', 'said', 'says', 'when', 'where', 'since', 'although', 'though', 'whereas', 'or']);
/** From this likeness to a proposal named by a noun, a verb phrase restates it (as the phrases stage joins a phrase to one). */
export const RESTATES_AT = 0.5;
/** The longest verb phrase kept, in words. */
export const MAX_CLAUSE_WORDS = 10;
/** Verbs that never name a proposal of their own ("agreed to say", "refused to comment"). */
const NOT_PROPOSAL_VERBS = new Set(['be', 'say', 'comment', 'speak', 'talk', 'see', 'know', 'have', 'do', 'get', 'go', 'come', 'answer', 'respond', 'reply',
  'confirm', 'deny', 'disclose', 'reveal', 'elaborate', 'discuss', 'meet', 'visit', 'attend', 'reach', 'become', 'remain', 'seem', 'appear', 'make',
  'take', 'thank', 'believe', 'focus', 'ensure', 'address']);

const isVerb = (w: Word | undefined): boolean => !!w && (w.pos === 'VERB' || w.pos === 'AUX');

/**
 * The verb phrases of a document that may name a proposal, outside the words already taken (`covered`: the
 * proposals' words). Marks their words as taken.
 */
export function clauseCandidates(words: Word[], ix: ActorIndex, covered: Uint8Array): ClauseCandidate[] {
  const out: ClauseCandidate[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const two = i + 1 < words.length ? `${w.norm} ${words[i + 1].norm}` : '';
    // "urged Venezuela to …", "called on the EU to …"
    const asking = ASKING_FORMS.get(two) ?? (w.pos === 'VERB' ? ASKING_FORMS.get(w.norm) : undefined);
    if (asking) {
      const after = asking.includes(' ') ? i + 2 : i + 1;
      const addressee = addresseeBefore(words, ix, after);
      if (addressee && words[addressee.to]?.norm === 'to') {
        const c = infinitive(words, ix, covered, addressee.to, asking, subjectOf(words, ix, i), addressee.actor);
        if (c) { out.push(c); i = c.last; continue; }
      }
    }
    // "agreed to …", "a plan to …", "ready to …"
    const governor = (isVerb(w) ? INTENDING_FORMS.get(w.norm) : undefined)
      ?? (w.pos === 'NOUN' ? NOUN_BASES.get(w.norm) : undefined)
      ?? (w.pos === 'ADJ' && ADJECTIVE_SET.has(w.norm) ? w.norm : undefined);
    if (governor) {
      let k = i + 1;
      while (words[k] && words[k].sentence === w.sentence && (words[k].pos === 'ADV' || words[k].norm === 'not') && k - i <= 3) k++;
      if (words[k]?.norm === 'to') {
        const c = infinitive(words, ix, covered, k, governor, subjectOf(words, ix, i), null);
        if (c) { out.push(c); i = c.last; continue; }
      }
    }
    // "resisted handing over power", "against cutting aid", "objection to linking funds to …"
    const gerundGovernor = ASKING_FORMS.has(two) ? undefined : GERUND_VERB_FORMS.get(two) ?? (w.pos === 'VERB' ? GERUND_VERB_FORMS.get(w.norm) : undefined)
      ?? (w.pos === 'ADP' || w.pos === 'PART' ? (PREPOSITIONS.has(w.norm) ? w.norm : undefined) : undefined);
    if (gerundGovernor) {
      const g = gerundGovernor.includes(' ') ? i + 2 : i + 1;
      const c = gerund(words, ix, covered, g, gerundGovernor, subjectOf(words, ix, i));
      if (c) { out.push(c); i = c.last; continue; }
    }
  }
  return out;
}

/** The addressee after an asking verb: an actor's mention with its modifiers, up to the word at `to` (returned). */
function addresseeBefore(words: Word[], ix: ActorIndex, from: number): { actor: number; to: number } | null {
  let actor: number | null = null;
  let k = from;
  for (; k < words.length && words[k].sentence === words[from]?.sentence && k - from <= 6; k++) {
    const u = ix.at[k];
    if (u) { actor ??= u.actor; k = u.last; continue; }
    const w = words[k];
    if (w.pos === 'DET' || w.pos === 'ADJ' || w.pos === 'PROPN' || w.pos === 'NUM' || w.norm === "'s" || w.norm === ',' || w.norm === 'and' || (w.pos === 'NOUN' && actor !== null)) continue;
    break;
  }
  return actor === null ? null : { actor, to: k };
}

/** The verb phrase of the infinitive whose "to" is at `to`. */
function infinitive(words: Word[], ix: ActorIndex, covered: Uint8Array, to: number, governor: string, subject: number | null, addressee: number | null): ClauseCandidate | null {
  let v = to + 1;
  while (words[v] && words[v].pos === 'ADV' && v - to <= 2) v++;
  const verb = words[v];
  if (!verb || verb.sentence !== words[to].sentence || verb.pos !== 'VERB' || NOT_PROPOSAL_VERBS.has(verb.norm)) return null;
  return phrase(words, ix, covered, v, governor, 'to', subject, addressee);
}

/** The gerund phrase starting at `g`. */
function gerund(words: Word[], ix: ActorIndex, covered: Uint8Array, g: number, governor: string, subject: number | null): ClauseCandidate | null {
  const verb = words[g];
  if (!verb || verb.pos !== 'VERB' || !/[a-z]ing$/.test(verb.norm) || NOT_PROPOSAL_VERBS.has(verb.norm.replace(/ing$/, ''))) return null;
  // "for refusing to spend …", "by urging Iran to …": the infinitive the gerund governs is the proposal, found next.
  if (INTENDING_FORMS.has(verb.norm) || ASKING_FORMS.has(verb.norm) || ASKING_FORMS.has(`${verb.norm} ${words[g + 1]?.norm}`)) return null;
  return phrase(words, ix, covered, g, governor, 'ing', subject, null);
}

/** The verb at `first` and its objects up to a clause end; null when it takes no object or runs into a proposal. */
function phrase(words: Word[], ix: ActorIndex, covered: Uint8Array, first: number, governor: string, shape: 'to' | 'ing', subject: number | null, addressee: number | null): ClauseCandidate | null {
  const sentence = words[first].sentence;
  let last = first;
  while (last + 1 < words.length && words[last + 1].sentence === sentence && last + 1 - first < MAX_CLAUSE_WORDS && !ENDS.has(words[last + 1].norm)) last++;
  // Not past a second verb's subject ("to hold talks and Russia said …") nor a dangling function word.
  while (last > first && ['ADP', 'DET', 'CCONJ', 'PART', 'SCONJ', 'PRON', 'AUX'].includes(words[last].pos)) last--;
  if (last === first) return null; // a bare verb ("agreed to withdraw"): nothing to tell it apart by
  for (let k = first; k <= last; k++) if (covered[k]) return null;
  for (let k = first; k <= last; k++) covered[k] = 1;
  void ix;
  return { first, last, governor, shape, subject, addressee, likeness: 0 };
}

/** The actor right before a governing word ("France urged", "Hungary has refused", "Turkey's plan"). */
function subjectOf(words: Word[], ix: ActorIndex, at: number): number | null {
  for (let k = at - 1; k >= 0 && at - k <= 5 && words[k].sentence === words[at].sentence; k--) {
    const u = ix.at[k];
    if (u) return words[u.first - 1] && /^(of|to|for|from|with|by|in|on|at|against)$/.test(words[u.first - 1].norm) ? null : u.actor;
    if (!(words[k].pos === 'AUX' || words[k].pos === 'ADV' || words[k].pos === 'DET' || words[k].pos === 'ADJ' || words[k].norm === "'s" || words[k].norm === 'not')) return null;
  }
  return null;
}
