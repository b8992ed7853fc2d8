// Reading a subject noun phrase around an actor mention: coordination, groups, possessors and what governs it.
import type { MentionUnit } from '../proposals/actor-index.js';
import type { StanceContext } from './context.js';

/** A plural noun after an actor name makes an unnamed group ("Nato ministers", "EU countries"): not a holder. */
const GROUP_NOUNS = new Set(['ministers', 'members', 'member', 'countries', 'allies', 'officials', 'diplomats', 'leaders', 'states', 'nations', 'forces', 'troops', 'lawmakers', 'governments', 'politicians', 'sources', 'critics', 'analysts', 'partners', 'envoys', 'parties', 'mps', 'legislators', 'senators', 'citizens', 'people', 'planes', 'media', 'colleagues', 'counterparts', 'neighbours', 'neighbors']);
const PREPOSITIONS = new Set(['of', 'to', 'for', 'from', 'with', 'on', 'in', 'at', 'against', 'into', 'over', 'about', 'than', 'between', 'among', 'by', 'toward', 'towards', 'like', 'including', 'per', 'via', 'behind', 'under', 'after', 'before', 'despite', 'amid', 'across', 'within', 'without', 'upon']);
/** Heads after "X's" that speak for X ("Hungary's parliament", "Poland's foreign minister"). */
const SPEAKING_HEADS = new Set(['leaders', 'ministers', 'officials', 'diplomats', 'envoys', 'representatives', 'sources', 'parliament', 'government', 'cabinet', 'president', 'prime', 'chancellor', 'foreign', 'defence', 'defense', 'minister', 'ministry', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'envoy', 'leader', 'leadership', 'chief', 'head', 'office', 'administration', 'delegation', 'representative', 'mission', 'army', 'military', 'deputy', 'secretary', 'king', 'queen', 'premier', 'national', 'grand', 'top', 'permanent', 'un', 'ruling', 'state', 'senate', 'congress', 'assembly', 'lawmakers', 'legislature']);
/** Words that open a clause and also work as prepositions ("after Hungary opposed …"). */
const CLAUSE_OPENERS = new Set(['after', 'before', 'as', 'since', 'until', 'till', 'because', 'while', 'when', 'once', 'although', 'if', 'unless', 'whereas']);
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'weekend', 'morning', 'evening', 'afternoon']);
const NP_INNER_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN']);

/** Nouns for people who speak for the actor they follow ("US officials", "EU leaders"). */
const SPEAKING_GROUPS = new Set(['officials', 'ministers', 'diplomats', 'leaders', 'envoys', 'negotiators', 'authorities', 'representatives', 'spokespeople']);
/** Nouns for the members of an organisation, who act each for themselves ("NATO allies", "EU countries"). */
const MEMBER_GROUPS = new Set(['members', 'member', 'countries', 'states', 'allies', 'nations', 'governments', 'partners']);
const QUANTIFIERS = new Set(['some', 'several', 'many', 'few', 'other', 'most', 'two', 'three', 'four', 'five', 'a', 'an', 'majority', 'number', 'both', 'all', 'various', 'certain', 'individual', 'fellow']);

/**
 * True when the mention only modifies an unnamed group ("some Nato ministers", "NATO allies", "Polish lawmakers"):
 * not a holder. "US officials" and "EU leaders" speak for their actor.
 */
export function isGroup(ctx: StanceContext, u: MentionUnit): boolean {
  const { words, doc } = ctx;
  const actor = doc.actors[u.actor];
  if (actor.kind === 'person' && !actor.name.includes(' ') && GROUP_NOUNS.has(actor.name.toLowerCase())) return true;
  let k = u.last + 1;
  while (k < words.length && (words[k].pos === 'ADJ' || (words[k].pos === 'PROPN' && /^(foreign|defence|defense|finance|interior|trade|economy|energy)$/.test(words[k].norm))) && k - u.last <= 2) k++;
  const w = words[k];
  if (!w || w.sentence !== words[u.last].sentence || !GROUP_NOUNS.has(w.norm)) return false;
  const before = words[u.first - 1]?.norm === 'the' ? words[u.first - 2] : words[u.first - 1];
  // "Turkey, a NATO member", "the only council member that voted": one member, not a group.
  if (w.norm === 'member') return false;
  if (before && QUANTIFIERS.has(before.norm)) return true;
  if (words[u.first - 1]?.norm === 'of' && before && QUANTIFIERS.has(words[u.first - 2]?.norm ?? '')) return true;
  if (SPEAKING_GROUPS.has(w.norm)) return false;
  if (MEMBER_GROUPS.has(w.norm)) return actor.kind === 'organization' || actor.kind === 'group';
  return true;
}

/** What governs the noun phrase holding the mention: a preposition ("from Hungary"), a verb ("fight Russia"), or nothing. */
export function governor(ctx: StanceContext, u: MentionUnit, depth = 0): 'prep' | 'object' | null {
  const { words, ix } = ctx;
  let k = u.first - 1;
  for (let n = 0; k >= 0 && n < 6; n++, k--) {
    const w = words[k];
    if (w.sentence !== words[u.first].sentence) return null;
    const other = ix.at[k];
    if (other && other !== u) {
      // "Poland's Prime Minister Morawiecki": a possessor ends the phrase; "exiled Turkish preacher Gulen" goes on.
      if (words[other.last + 1]?.norm === "'s" || words[other.last + 1]?.norm === "'" || other.last + 1 === u.first) break;
      k = other.first;
      continue;
    }
    // "On Friday Austria approved …": a time phrase ends before the subject.
    if (TIME_WORDS.has(w.norm)) return null;
    if (NP_INNER_POS.has(w.pos) || w.norm === "'s" || w.norm === "'") continue;
    break;
  }
  const g = words[k];
  if (!g || g.sentence !== words[u.first].sentence) return null;
  // "after Hungary opposed": a clause's subject, whatever word comes before it.
  let n = u.last + 1;
  while (words[n] && words[n].pos === 'ADV') n++;
  if (words[n] && (words[n].pos === 'VERB' || words[n].pos === 'AUX') && !/ing$/.test(words[n].norm) && CLAUSE_OPENERS.has(g.norm)) return null;
  // "with Norway backing it and Austria opposing it": the subject of an absolute clause.
  if (words[n] && /ing$/.test(words[n].norm) && words[n].pos === 'VERB' && (g.norm === 'with' || g.norm === 'and')) return null;
  if (ix.at[k] && ix.at[k] !== u) return null;
  // "thanking the Turkish, Finnish and Swedish leaders": a conjunct is governed like the first conjunct.
  if ((g.norm === ',' || g.norm === 'and' || g.norm === 'or') && depth < 6) {
    const sib = ix.at[k - 1];
    // A comma joins conjuncts only in a list ("the Turkish, Finnish and Swedish leaders"), not after "In a tweet,".
    const list = g.norm !== ',' || words[(sib?.first ?? 0) - 1]?.norm === ',' || words.slice(u.last + 1, u.last + 4).some((w) => w.norm === 'and' || w.norm === 'or');
    if (sib && sib !== u && list && !ctx.doc.actors[sib.actor].key.startsWith('group:')) return governor(ctx, sib, depth + 1);
  }
  // "the leadership of the alliance": the head speaks for the actor.
  // "according to Austria": the source of what follows.
  if (g.norm === 'to' && words[k - 1]?.norm === 'according') return null;
  // "officials from Slovakia": the speakers speak for it.
  if ((g.norm === 'of' || g.norm === 'from') && SPEAKING_HEADS.has(words[k - 1]?.norm ?? '')) return null;
  if (PREPOSITIONS.has(g.norm) && g.pos !== 'SCONJ') return 'prep';
  if (g.pos === 'VERB' && !/^(said|says|told|is|was|are|were)$/.test(g.norm)) return 'object';
  return null;
}

/** False for "the EU's biggest economy": a possessor of a head that does not speak for it. */
export function possessedHead(ctx: StanceContext, u: MentionUnit): boolean {
  const { words, ix } = ctx;
  if (words[u.last + 1]?.norm !== "'s") return true;
  const head = words[u.last + 2];
  if (!head) return true;
  if (ix.at[u.last + 2]) return true; // "Luxembourg's Francois Bausch"
  return SPEAKING_HEADS.has(head.norm) || head.pos === 'PROPN';
}

const isAsWellAs = (ctx: StanceContext, k: number) =>
  ctx.words[k]?.norm === 'as' && ctx.words[k + 1]?.norm === 'well' && ctx.words[k + 2]?.norm === 'as';

/** Actors coordinated to the left of a mention: "China, India and the UAE". */
export function coordinatedLeft(ctx: StanceContext, u: MentionUnit, first: number): number[] {
  const { words, ix } = ctx;
  const out = [u.actor];
  let k = u.first - 1;
  for (;;) {
    let j = k;
    if (j >= first && words[j].norm === 'the') j--;
    let saw = false;
    for (;;) {
      if (j >= first && (words[j].norm === ',' || words[j].norm === 'and' || words[j].norm === '&' || words[j].norm === 'or')) { saw = true; j--; continue; }
      if (j - 2 >= first && isAsWellAs(ctx, j - 2)) { saw = true; j -= 3; continue; }
      break;
    }
    if (!saw || j < first) break;
    if (words[j].norm === 'the') j--;
    const v = ix.at[j];
    if (!v || v === u || ctx.doc.actors[v.actor].key.startsWith('group:')) break;
    if (governor(ctx, v) === 'prep') break;
    if (!out.includes(v.actor)) out.unshift(v.actor);
    k = v.first - 1;
  }
  return out;
}

/** Actors coordinated from a position rightwards: "France, China, Russia as well as Albania". */
export function coordinatedRight(ctx: StanceContext, from: number, last: number): number[] {
  const { words, ix } = ctx;
  const out: number[] = [];
  let k = from;
  while (k <= last) {
    if (words[k].norm === 'the') k++;
    const v = ix.at[k];
    if (!v || ctx.doc.actors[v.actor].key.startsWith('group:')) break;
    if (!out.includes(v.actor)) out.push(v.actor);
    k = v.last + 1;
    let saw = false;
    for (;;) {
      if (k <= last && (words[k].norm === ',' || words[k].norm === 'and' || words[k].norm === '&' || words[k].norm === 'or')) { saw = true; k++; continue; }
      if (k + 2 <= last && isAsWellAs(ctx, k)) { saw = true; k += 3; continue; }
      break;
    }
    if (!saw) break;
  }
  return out;
}

/** True when the mention modifies a single member noun ("council member", "NATO member"): it is not the subject itself. */
export function isMemberModifier(ctx: StanceContext, u: MentionUnit): boolean {
  const next = ctx.words[u.last + 1];
  return !!next && next.norm === 'member' && ctx.doc.actors[u.actor].kind === 'organization';
}
