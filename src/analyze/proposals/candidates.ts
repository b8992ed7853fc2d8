// Finds proposal candidates in the word stream: trigger phrases, weapon models, generic heads ("proposal for …"), anaphors ("the idea").
import { objectList, type Doc } from '../doc.js';
import type { ActorIndex } from './actor-index.js';
import { nounPhrase, type NounPhrase } from './phrase.js';
import { WordSet, type PhraseMatch } from './phrase-index.js';
import {
  ANAPHORS, CLUBS, COMMODITIES, DISTINCT, GENERIC_HEADS, HEAD_EXTENSIONS, MISSION_MODIFIERS, NOT_BEFORE, NOT_PROPOSAL, TRIGGERS, WEAPON_MODELS, WEAPON_NOUNS,
  type AnaphorKind, type ProposalKind, type TriggerEntry, type WeaponModel,
} from './triggers.js';
import { lexiconNumbers, type Word } from './words.js';
import { joinCandidates } from './accession.js';
import { verbObjectCandidates } from './verb-objects.js';
import { repeatCandidates } from './repeats.js';

export type Strength = 'strong' | 'weak' | 'generic' | 'anaphor';

export interface Candidate {
  kind: ProposalKind | null;
  strength: Strength;
  /** For anaphors and unresolved generic heads: what they may refer to. */
  refers: AnaphorKind;
  np: NounPhrase;
  /** First word of the head (np.head is its last). */
  headFirst: number;
  /** Weapon model, accession candidates, or a plan's gist: what tells two proposals of one kind apart. */
  theme: string;
  /** "another draft", "an alternative plan": never the same as an earlier one. */
  distinct: boolean;
  /** The candidate this one's complement names (a generic head pointing at its trigger). */
  link: Candidate | null;
  /** Candidates inside this one's complement that only describe it ("resolution demanding a ceasefire"). */
  absorbed: boolean;
  /** The proposer read off the verb that names it ("Norway proposed a …", "… proposed by Norway"), when any. */
  proposerHint: number | undefined;
  /** "freezing Georgia's candidate status": the word that undoes what the phrase names; the proposal is the undoing. */
  undo: number | undefined;
}

const DEMONSTRATIVES = new Set(['the', 'this', 'that', 'these', 'those', 'such', 'its', 'their', 'his', 'her', 'our']);

/** The candidates of one document as they are found: its words, which of them are taken, and the list so far. */
interface Scan { words: Word[]; ix: ActorIndex; covered: Uint8Array; out: Candidate[] }

/**
 * A candidate with its head at hFirst..hLast (marked as taken). The scan's branches are functions of their own, not
 * one long loop with a closure: V8 compiled that loop early and threw it away at each branch it met later.
 */
function makeCandidate(
  scan: Scan, kind: ProposalKind | null, strength: Strength, hFirst: number, hLast: number, refers: AnaphorKind = 'any',
  np = nounPhrase(scan.words, hFirst, hLast),
): Candidate {
  const { words, covered } = scan;
  const distinct = np.determiner !== null && DISTINCT.has(np.determiner)
    || words.slice(np.first, hFirst).some((w) => DISTINCT.has(w.norm));
  for (let k = hFirst; k <= hLast; k++) covered[k] = 1;
  return { kind, strength, refers, np, headFirst: hFirst, theme: '', distinct, link: null, absorbed: false, proposerHint: undefined, undo: undefined };
}

export function findCandidates(doc: Doc, words: Word[], _ix: ActorIndex): Candidate[] {
  const scan: Scan = { words, ix: _ix, covered: new Uint8Array(words.length), out: objectList<Candidate>() };
  const { covered, out } = scan;
  const lex = lexiconNumbers(words);
  for (let i = 0; i < words.length; i++) {
    if (!CANDIDATE_STARTS.hasNumber(lex[i])) continue;
    const w = words[i];
    const model = WEAPON_MODELS.get(w.norm);
    if (model && (w.pos === 'PROPN' || w.pos === 'NOUN' || /^[A-Z]/.test(w.text)) && modelInContext(words, i, model.needs)) {
      i = addWeapon(scan, i, model);
      continue;
    }
    const m = TRIGGERS.matchAt(words, i);
    if (m && m.first > 0 && NOT_BEFORE.get(words[m.last].norm)?.has(words[m.first - 1].norm)) { i = m.last; continue; }
    // A capitalised weak trigger mid-sentence is a name ("Ban Ki-moon").
    if (m && m.entry.strength === 'weak' && w.pos === 'PROPN' && m.first > 0 && words[m.first - 1].sentence === w.sentence && /^[A-Z][a-z]/.test(w.text)) { i = m.last; continue; }
    if (m) {
      i = addTriggered(scan, m);
      continue;
    }
    const ofEnd = w.pos === 'NOUN' && !covered[i] ? ofObject(words, i, _ix) : -1;
    if (ofEnd >= 0) {
      // "the withdrawal of Russian troops", "recognition of a Palestinian state": a proposal by what it acts on.
      const c = makeCandidate(scan, 'plan', 'strong', i, i);
      c.theme = `${w.norm}-${words[ofEnd].norm}`;
      out.push(c);
      i = ofEnd; // what it acts on is part of it ("the reimposition of UN sanctions")
      continue;
    }
    if ((w.pos === 'NOUN' || w.pos === 'PROPN' || nounInContext(words, i)) && GENERIC_HEADS.has(w.norm) && !verbLike(words, i)) {
      // "a Security Council demand for a ceasefire" is a draft resolution (decided before the candidate is made: its kind
      // is never rewritten, which would make V8 drop the compiled code of every reader of candidates).
      const np = nounPhrase(words, i, i);
      const draft = bodyModified(words, np.first, i);
      out.push(makeCandidate(scan, draft ? 'resolution' : null, draft ? 'strong' : 'generic', i, i, ANAPHORS.get(w.norm) ?? 'any', np));
      continue;
    }
    const ana = ANAPHORS.get(w.norm);
    if (ana && w.pos === 'NOUN' && !covered[i]) {
      const np = nounPhrase(words, i, i);
      if ((np.determiner && DEMONSTRATIVES.has(np.determiner)) || np.possessive !== null) {
        out.push(makeCandidate(scan, null, 'anaphor', i, i, ana));
      }
    }
  }
  out.push(...joinCandidates(doc, words, covered));
  out.push(...verbObjectCandidates(words, _ix, covered));
  out.push(...repeatCandidates(words, out, covered));
  out.sort((a, b) => a.np.first - b.np.first);
  // Link generic heads to the trigger their complement names; absorb triggers that only describe a stronger head.
  for (const c of out) {
    if (!c.np.complement) continue;
    const [s, e] = c.np.complement;
    const inside = out.filter((o) => o !== c && o.np.first >= s && o.np.head <= e && (o.strength === 'strong' || o.strength === 'weak'));
    if (!inside.length) continue;
    if (c.strength === 'generic') {
      const strong = inside.find((o) => o.strength === 'strong') ?? null;
      if (strong) c.link = strong;
    } else if (c.strength === 'strong' && (c.kind === 'resolution' || c.kind === 'amendment' || c.kind === 'treaty')) {
      for (const o of inside) o.absorbed = true;
    }
  }
  return out;
}

/** A weapon model ("Leopard 2", "F-16 jets") at word i, with the numbers and designation after it; returns its last word. */
function addWeapon(scan: Scan, i: number, model: WeaponModel): number {
  const { words } = scan;
  let last = i;
  for (let k = i + 1; k <= i + 3 && k < words.length && words[k].sentence === words[i].sentence; k++) {
    const t = TRIGGERS.matchAt(words, k);
    if (t && t.entry.kind === 'weapons') { last = extendHead(words, t.last) ?? t.last; break; }
    if (words[k].pos === 'NUM' || (words[k].pos === 'PROPN' && /\d/.test(words[k].text)) || /^\d+s$/.test(words[k].norm)) last = k;
    else break;
  }
  const c = makeCandidate(scan, 'weapons', 'strong', i, last);
  c.theme = model.model;
  scan.out.push(c);
  return last;
}

/** The candidate a trigger phrase names, with its strength read from the words around it; returns the word to go on from. */
function addTriggered(scan: Scan, m: PhraseMatch<TriggerEntry>): number {
  const { words, ix } = scan;
  const last = extendHead(words, m.last);
  if (last === null) return m.last;
  // A weak trigger used as a verb ("to ban EU ships") names nothing.
  if (m.entry.strength === 'weak' && m.first > 0 && /^(to|will|would|can|could|should|must|may|might|not|n't)$/.test(words[m.first - 1].norm)) return m.last;
  const c = makeCandidate(scan, m.entry.kind, m.entry.strength, m.first, last);
  // "a ban on Russian diamonds", "a ban on oil imports": a ban on something is a measure of its own.
  if (c.kind === 'embargo' && m.entry.strength === 'weak' && words[m.first].norm === 'ban' && (complementHas(words, c.np, COMMODITIES) || words[c.np.head + 1]?.norm === 'on' || modifiedBy(words, c, COMMODITIES))) c.strength = 'strong';
  // "a multinational security mission": a mission of its own; "the force" alone only points back, and "forces" never.
  if (c.kind === 'mission' && c.strength === 'weak') {
    if (words[m.last].norm === 'forces') return m.last;
    if (words.slice(c.np.first, c.headFirst).some((x) => MISSION_MODIFIERS.has(x.norm))) c.strength = 'strong';
    // "a European reassurance force", "a NATO-led brigade": an actor's force with a name of its own.
    else if (hasActorModifier(c, ix) && c.headFirst - c.np.first >= 2 && c.np.possessive === null) c.strength = 'strong';
  }
  // "UN sanctions", "sanctions on Iran": a sanctions proposal of its own.
  if (c.kind === 'embargo' && c.strength === 'weak' && words[m.first].norm === 'sanctions' && sanctionsNamed(words, c, ix)) c.strength = 'strong';
  // "NATO membership", "membership in the alliance", "Sweden's membership": an accession, not just a word.
  if (c.kind === 'accession' && c.strength === 'weak' && (hasClub(words, c) || hasActorModifier(c, ix))) c.strength = 'strong';
  // Undoing a measure in force is a proposal of its own; withdrawing a draft only opposes it (read by the stances stage).
  const undo = c.kind === 'resolution' || c.kind === 'amendment' ? null : undoing(words, c.np.first);
  if (undo !== null) { c.undo = undo; c.strength = 'strong'; c.theme = words[undo].norm.replace(/ing$|ion$/, ''); }
  scan.out.push(c);
  return last;
}

/** "a Russian LNG ban": a modifier before the head from the set. */
function modifiedBy(words: Word[], c: Candidate, set: Set<string>): boolean {
  for (let k = c.np.first; k < c.headFirst; k++) if (set.has(words[k].norm)) return true;
  return false;
}

/** Nouns that name a proposal when their "of" object is one of these words (or, for "actor", any named actor). */
const OF_OBJECTS = new Map<string, Set<string>>([
  ['withdrawal', new Set(['troops', 'forces', 'soldiers', 'army', 'units'])],
  ['pullout', new Set(['troops', 'forces', 'soldiers'])],
  ['deployment', new Set(['troops', 'forces', 'soldiers', 'peacekeepers', 'brigade', 'battalion', 'battalions', 'warships', 'jets', 'missiles'])],
  ['recognition', new Set(['state', 'statehood', 'actor'])],
  ['exchange', new Set(['prisoners', 'captives', 'detainees'])],
  ['reimposition', new Set(['sanctions', 'embargo', 'tariffs', 'duties'])],
  ['return', new Set(['sanctions', 'embargo'])],
  ['swap', new Set(['prisoners', 'captives', 'detainees'])],
]);
const OF_REACH = 4;

/** The words a candidate can start at: a weapon model, a trigger's first word, a noun with an "of" object, a generic head, an anaphor. */
const CANDIDATE_STARTS = new WordSet([...WEAPON_MODELS.keys(), ...TRIGGERS.firstWords(), ...OF_OBJECTS.keys(), ...GENERIC_HEADS, ...ANAPHORS.keys()]);

/** The word that makes "withdrawal of … troops" or "recognition of Palestine" a proposal, or -1. */
function ofObject(words: Word[], i: number, ix: ActorIndex): number {
  const wants = OF_OBJECTS.get(words[i].norm);
  if (!wants || words[i + 1]?.norm !== 'of') return -1;
  for (let k = i + 2; k < words.length && k - i <= OF_REACH + 1 && words[k].sentence === words[i].sentence; k++) {
    if (wants.has(words[k].norm)) return k;
    if (wants.has('actor') && ix.at[k] && ix.at[k]!.via !== 'pronoun' && words[k].pos === 'PROPN') return k;
    if (!(words[k].pos === 'DET' || words[k].pos === 'ADJ' || words[k].pos === 'PROPN' || words[k].pos === 'NUM' || ix.at[k])) return -1;
  }
  return -1;
}

const UNDO_GERUNDS = new Set(['freezing', 'suspending', 'lifting', 'scrapping', 'revoking', 'withdrawing', 'ending', 'cancelling', 'canceling', 'easing', 'dropping', 'halting', 'removing', 'rescinding', 'repealing']);
const UNDO_NOUNS = new Set(['suspension', 'lifting', 'revocation', 'withdrawal', 'removal', 'freezing', 'easing', 'repeal', 'end', 'scrapping', 'cancellation']);

/** The word that undoes a phrase starting at `first`: "freezing Georgia's status", "the lifting of sanctions"; or null. */
function undoing(words: Word[], first: number): number | null {
  if (UNDO_GERUNDS.has(words[first].norm)) return first; // read as a modifier of the phrase
  const prev = words[first - 1];
  if (!prev || prev.sentence !== words[first].sentence) return null;
  if (UNDO_GERUNDS.has(prev.norm)) return first - 1;
  if (prev.norm === 'of' && UNDO_NOUNS.has(words[first - 2]?.norm ?? '')) return first - 2;
  return null;
}

function complementHas(words: Word[], np: NounPhrase, set: Set<string>): boolean {
  if (!np.complement) return false;
  for (let k = np.complement[0]; k <= np.complement[1]; k++) if (set.has(words[k].norm)) return true;
  return false;
}

/**
 * The last word of a trigger's head: a trigger followed by a noun is only a modifier ("tank battalions"), unless
 * that noun still names the proposal ("tank deliveries", "embargo proposal"); null then.
 */
function extendHead(words: Word[], last: number): number | null {
  const next = words[last + 1];
  if (!next || next.sentence !== words[last].sentence) return last;
  if (HEAD_EXTENSIONS.has(next.norm)) return last + 1;
  if (next.pos === 'NOUN' || (next.pos === 'PROPN' && /^[A-Z]/.test(next.text) && !/^[A-Z]+$/.test(next.text))) return null;
  return last;
}

/** "states call on", "phone call", "Clinton plans to visit": a generic head used as a verb or naming something else. */
function verbLike(words: Word[], i: number): boolean {
  const prev = words[i - 1];
  if (!prev || prev.sentence !== words[i].sentence) return false;
  if (NOT_PROPOSAL.has(prev.norm)) return true;
  const next = words[i + 1];
  if (prev.pos === 'PROPN' && next?.norm === 'to' && /s$/.test(words[i].norm) && words[i + 2]?.pos === 'VERB') return true;
  // "Court of Appeals": a capitalised head inside a name after "of".
  if (words[i].pos === 'PROPN' && /^[A-Z]/.test(words[i].text) && prev.norm === 'of') return true;
  return (prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'PRON') && /[^su']s$/.test(prev.norm) && prev.norm !== "'s";
}

function hasClub(words: Word[], c: Candidate): boolean {
  for (let k = c.np.first; k < c.headFirst; k++) if (CLUBS.has(words[k].norm)) return true;
  if (c.np.complement) {
    const [s, e] = c.np.complement;
    if (words[s].norm === 'in' || words[s].norm === 'of' || words[s].norm === 'to') {
      for (let k = s + 1; k <= Math.min(e, s + 3); k++) if (CLUBS.has(words[k].norm)) return true;
    }
  }
  return false;
}

function hasActorModifier(c: Candidate, ix: ActorIndex): boolean {
  for (let k = c.np.first; k < c.headFirst; k++) if (ix.at[k] && ix.at[k]!.via !== 'pronoun') return true;
  return false;
}

function bodyModified(words: Word[], first: number, headFirst: number): boolean {
  for (let k = first; k < headFirst; k++) {
    const n = words[k].norm;
    if ((n === 'council' && words[k - 1]?.norm === 'security') || n === 'unsc') return true;
  }
  return false;
}

/** A word tagged as a verb that the words before make a noun ("pushed against calls", "rejects calls for"). */
function nounInContext(words: Word[], i: number): boolean {
  const prev = words[i - 1];
  if (!prev || prev.sentence !== words[i].sentence) return false;
  if (prev.pos === 'ADP' || prev.pos === 'DET' || prev.pos === 'ADJ' || prev.norm === "'s") return true;
  return prev.pos === 'VERB' && /s$/.test(words[i].norm);
}

/** A model name counts only where it names a weapon ("Patriot missiles", "Leopard 2", "Leopards"). */
function modelInContext(words: Word[], i: number, needs: 'weapon' | 'designation' | undefined): boolean {
  if (!needs) return true;
  const next = words[i + 1];
  const sameSentence = next && next.sentence === words[i].sentence;
  if (sameSentence && WEAPON_NOUNS.has(next.norm)) return true;
  if (needs === 'weapon') return false;
  if (/s$/.test(words[i].norm)) return true; // "Leopards"
  return !!sameSentence && (next.pos === 'NUM' || /^\d/.test(next.text));
}

/** "United Nations sanctions", "EU sanctions", "sanctions on Iran", "sanctions against Moscow". */
function sanctionsNamed(words: Word[], c: Candidate, ix: ActorIndex): boolean {
  for (let k = c.np.first; k < c.headFirst; k++) if (ix.at[k] && ix.at[k]!.via !== 'pronoun') return true;
  const next = words[c.np.head + 1];
  return !!next && (next.norm === 'on' || next.norm === 'against') && !!ix.at[c.np.head + 2];
}
