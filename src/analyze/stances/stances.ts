// Stage: the position of each holder on each proposal (support, oppose, undecided), with condition and evidence.
import { objectList, type Doc, type Stance } from '../doc.js';
import type { Stage } from '../stage.js';
import { CUES, NOUN_CUES, type Cue } from './cues.js';
import { stanceContext, type StanceContext } from './context.js';
import { findHolders, isPassive } from './holders.js';
import { former, hypothetical, polarity } from './negation.js';
import { composeLabel, findTarget, type Target } from './targets.js';
import { conditionNear, isConditionCue } from './conditions.js';
import { ABSTENTIONS, EARLIER, proposerStances, settle } from './settle.js';
import { describesProposal, nounReading, reportedClaim } from './readings.js';
import { askedClause, clauseProposal, namedObject } from './demands.js';
import { invertedVoters } from './votes.js';
import { lexiconNumbers } from '../proposals/words.js';

export const stances: Stage = {
  name: 'stances',
  reads: ['tokens', 'sentences', 'actors', 'quotes', 'proposals'],
  adds: ['stances', 'proposals'],
  run(doc: Doc) {
    const ctx = stanceContext(doc);
    const found = [...cueStances(ctx), ...proposerStances(ctx)];
    settle(doc, found);
  },
};

const ARTICLES = new Set(['a', 'an']);

/** Stances read off cue words: "X rejected the plan", "the plan, which X called premature", "X abstained". */
function cueStances(ctx: StanceContext): Stance[] {
  const { doc, words, proposalAt } = ctx;
  const out = objectList<Stance>();
  const suppressed = new Uint8Array(words.length);
  const lex = lexiconNumbers(words);
  for (let i = 0; i < words.length; i++) {
    if (suppressed[i] || !CUES.begins(lex[i])) continue;
    let m = CUES.matchAt(words, i);
    if (!m) continue;
    let cue: Cue = m.entry;
    if (cue.type === 'verb' && nounReading(ctx, m.first, m.last)) {
      const n = NOUN_CUES.matchAt(words, i);
      if (!n) { i = m.last; continue; }
      m = n;
      cue = n.entry;
    }
    const { first, last } = m;
    i = last;
    if (cue.silent) continue;
    if (cue.type === 'noun' && first > 0 && ARTICLES.has(words[first - 1].norm) && first === last) continue; // "has a veto"
    if (cue.type !== 'eval' && proposalAt[first] >= 0) continue; // a modifier inside a proposal's name ("the proposed embargo")
    const voters = invertedVoters(ctx, first, last);
    if (!voters && describesProposal(ctx, first)) continue; // "a resolution demanding a ceasefire", "a proposal to send troops"
    const range = ctx.sentences.get(words[first].sentence)!;
    if (words[range.last].norm === '?') continue;
    if (hypothetical(ctx, first) || former(ctx, first)) continue;
    const passive = cue.type === 'verb' && isPassive(ctx, first, last);
    if (passive && isConditionCue(ctx, first)) continue;
    if (cue.addressed && addresseeOf(ctx, last) === null) continue;
    if (reportedClaim(ctx, first)) continue;
    const target = targetOf(ctx, cue, first, last, passive);
    if (!target) continue;
    if (target.via === 'object') for (let k = last + 1; k <= target.word; k++) suppressed[k] = 1;
    addCueStances(ctx, out, cue, first, last, range, target, voters, passive);
  }
  return out;
}

/** The proposal a cue is about: the one it names as object or nearby, else one its clause, request or object makes. */
function targetOf(ctx: StanceContext, cue: Cue, first: number, last: number, passive: boolean): Target | null {
  const target = findTarget(ctx, first, last, cue, passive);
  if (target) return target;
  let made: number | null = null;
  if (cue.proposes && !passive) made = clauseProposal(ctx, cue.phrase, last);
  if (made === null && cue.control && !passive) made = askedClause(ctx, cue.phrase, last);
  if (made === null && cue.type === 'verb' && !passive && !cue.control && cue.weight >= 0.8 && !cue.kinds) made = namedObject(ctx, last);
  return made === null ? null : { proposal: made, word: last + 1, via: 'object', inner: objectList() };
}

/**
 * Adds the stances a cue takes on its target: one per holder, with polarity, confidence, condition and evidence.
 * Kept apart from the cue scan, which passes most cues by: with this inside it, the scan was a large function that V8
 * compiled again for each branch here first met late.
 */
function addCueStances(
  ctx: StanceContext, out: Stance[], cue: Cue, first: number, last: number, range: { first: number; last: number },
  target: Target, voters: number[] | null, passive: boolean,
): void {
  const { doc, words } = ctx;
  const pol = polarity(ctx, first, cue);
  if (cue.negOnly && !pol.negated) return;
  if (pol.negated && cue.negatedSilent) return;
  let label = composeLabel(pol.negated ? cue.negated : cue.label, target.inner);
  if (target.via === 'object' && (undoneAfter(ctx, target.word) || undoneBefore(ctx, last, target.word))) label = label === 'support' ? 'oppose' : label === 'oppose' ? 'support' : label;
  const holders = voters ? { actors: voters, quote: null, via: 'list' as const } : findHolders(ctx, first, last, cue, target.word, passive);
  if (!holders) return;
  const proposal = doc.proposals[target.proposal];
  // A loop, not map(): V8's compiled map() returns another array kind (holey) than the interpreter's, and the filter
  // below was compiled for one of them.
  const speakers: number[] = [];
  for (const a of holders.actors) speakers.push(groupSpeaker(ctx, a) ?? a);
  holders.actors = speakers;
  // A body that fails or is unable to agree takes no position: its members disagree ("the EU has been unable to agree").
  const inability = pol.negated && /^(unable|fail|fails|failed|failing)$/.test(pol.by ?? '');
  const actors = holders.actors.filter((a) => keep(doc, a, proposal.body) && !(inability && isBody(doc, a, proposal.body))
    && !(cue.notBodies && doc.actors[a].kind === 'organization'));
  if (!actors.length) return;
  if (cue.proposes && label === 'support' && proposal.proposer === null && actors.length === 1) proposal.proposer = actors[0];
  const confidence = cue.weight
    * (target.via === 'object' ? 1 : target.via === 'before' ? 0.85 : 0.7)
    * (holders.via === 'list' || holders.via === 'possessor' ? 0.9 : 1)
    * (pol.hedged ? 0.8 : 1) * (pol.negated ? 0.9 : 1);
  const evidence = { start: words[range.first].start, end: words[range.last].end };
  if (cue.control && target.inner.some((c) => c.reversal)) {
    // "pressed Hungary to lift its veto": the one urged still blocks.
    const addressee = addresseeOf(ctx, last);
    if (addressee !== null) out.push({ holder: addressee, proposal: target.proposal, stance: 'oppose', condition: null, confidence: 0.6, date: null, evidence: { start: words[range.first].start, end: words[range.last].end }, quote: null, when: null });
  }
  let condition: string | null | undefined;
  const abstention = label === 'undecided' && /^abstain|^abstention/.test(cue.phrase);
  const pluperfect = hadBefore(ctx, first);
  for (const holder of actors) {
    const stance: Stance = {
      holder, proposal: target.proposal, stance: label, condition: cue.ifObject ? null : (condition ??= conditionNear(ctx, first)), confidence,
      date: null, evidence, quote: holders.quote, when: { start: words[first].start, end: words[last].end },
    };
    if (abstention) ABSTENTIONS.add(stance);
    if (pluperfect) EARLIER.add(stance);
    out.push(stance);
  }
}

/** Participles that undo what they follow: "called for the embargo to be lifted". */
const UNDOING = new Set(['lifted', 'scrapped', 'dropped', 'ended', 'suspended', 'withdrawn', 'revoked', 'cancelled', 'canceled', 'abandoned', 'repealed', 'frozen', 'halted', 'shelved', 'reversed', 'eased', 'removed']);

/** True when the proposal named at `word` is followed by "(to) be lifted", "to be scrapped": the object is its undoing. */
function undoneAfter(ctx: StanceContext, word: number): boolean {
  const { words, proposalAt } = ctx;
  const p = proposalAt[word];
  let k = word;
  while (k + 1 < words.length && proposalAt[k + 1] === p) k++;
  k++;
  if (words[k]?.norm === 'to') k++;
  if (words[k]?.norm !== 'be') return false;
  k++;
  while (words[k]?.pos === 'ADV') k++;
  return UNDOING.has(words[k]?.norm ?? '');
}

/** "had blocked", "had also voiced reservations": a cue in the pluperfect. */
function hadBefore(ctx: StanceContext, cueFirst: number): boolean {
  const { words } = ctx;
  for (let k = cueFirst - 1; k >= 0 && cueFirst - k <= 4 && words[k].sentence === words[cueFirst].sentence; k--) {
    if (words[k].norm === 'had') return true;
    // "had also voiced strong reservations": a verb giving a stance noun, with its modifiers.
    if (!['ADV', 'PART', 'VERB', 'ADJ', 'DET'].includes(words[k].pos)) return false;
  }
  return false;
}

const UNDOING_NOUNS = new Set(['withdrawal', 'scrapping', 'repeal', 'cancellation', 'abandonment', 'shelving', 'lifting', 'suspension']);

/** True when the cue's object is the undoing of the proposal named at `word`: "demanded the withdrawal of the draft". */
function undoneBefore(ctx: StanceContext, cueLast: number, word: number): boolean {
  const { words, proposalAt } = ctx;
  let k = word;
  while (k - 1 > cueLast && proposalAt[k - 1] === proposalAt[word]) k--;
  k--;
  while (k > cueLast && (words[k].pos === 'DET' || words[k].pos === 'PRON' || words[k].norm === "'s")) k--;
  return k - 1 > cueLast && words[k].norm === 'of' && UNDOING_NOUNS.has(words[k - 1].norm);
}

/** Unnamed groups hold no stance, and a body does not take a position on what is put to it ("the Council failed to adopt"). */
function keep(doc: Doc, actor: number, body: string | null): boolean {
  const a = doc.actors[actor];
  if (a.key.startsWith('group:')) return false;
  const key = a.represents ?? a.key;
  return !(body && key === body && (body === 'org:UNSC' || body === 'org:UNGA'));
}

function isBody(doc: Doc, actor: number, body: string | null): boolean {
  const a = doc.actors[actor];
  const key = a.represents ?? a.key;
  return body !== null && key === body;
}

/** The actor a control verb addresses ("urged Hungary to …"). */
function addresseeOf(ctx: StanceContext, cueLast: number): number | null {
  for (let k = cueLast + 1; k <= cueLast + 3 && k < ctx.words.length; k++) {
    const u = ctx.ix.at[k];
    if (u) return ctx.doc.actors[u.actor].key.startsWith('group:') ? null : u.actor;
    if (ctx.words[k].pos !== 'DET' && ctx.words[k].pos !== 'ADV') return null;
  }
  return null;
}

const SPEAKING_GROUP_WORDS = /\b(minister|ministry|government|spokesman|spokeswoman|spokesperson|envoy|ambassador|officials?|diplomats?|delegation|president|premier|chancellor|leader)\b/i;

/** "the Austrian foreign minister" made a group by the actors stage: the country it names speaks through it. */
function groupSpeaker(ctx: StanceContext, actor: number): number | null {
  const a = ctx.doc.actors[actor];
  if (!a.key.startsWith('group:') || !SPEAKING_GROUP_WORDS.test(a.name)) return null;
  for (const m of a.mentions) {
    for (const u of ctx.ix.units) {
      if (u.actor === actor) continue;
      const w = ctx.words[u.first];
      if (w.start >= m.start && w.end <= m.end) {
        const kind = ctx.doc.actors[u.actor].kind;
        if (kind === 'country' || kind === 'organization') return u.actor;
      }
    }
  }
  return null;
}
