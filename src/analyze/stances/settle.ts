// Final touches on the rule stances: the proposer's own support, one stance per holder, proposal and label.
import { objectList, type Doc, type Stance } from '../doc.js';
import { wordAt } from '../proposals/words.js';
import type { StanceContext } from './context.js';

const PROPOSER_CONFIDENCE = 0.8;
/** How much surer one reading must be to overrule the opposite one in the same sentence. */
const SURER_BY = 0.2;

/** A proposer supports its own proposal. */
export function proposerStances(ctx: StanceContext): Stance[] {
  const { doc, words } = ctx;
  const out = objectList<Stance>();
  doc.proposals.forEach((p, pi) => {
    if (p.proposer === null) return;
    const m = p.mentions[0];
    const range = ctx.sentences.get(words[Math.min(wordAt(words, m.start), words.length - 1)].sentence);
    const evidence = range ? { start: words[range.first].start, end: words[range.last].end } : { start: m.start, end: m.end };
    out.push({ holder: p.proposer, proposal: pi, stance: 'support', condition: null, confidence: PROPOSER_CONFIDENCE, date: null, evidence, quote: null, when: null });
  });
  return out;
}

/**
 * Where one party is read both ways on a proposal, keeps the reading with more evidence (a proposer's own support
 * wins); an even split stays, since positions change within a story ("opposed the ban … but agreed to it").
 */
/** Stances read off an abstention ("abstained", "with two abstentions"). */
export const ABSTENTIONS = new WeakSet<Stance>();

/** Stances told in the pluperfect ("Bratislava had blocked the measures"): a position held before the story's present. */
export const EARLIER = new WeakSet<Stance>();

function resolveConflicts(doc: Doc, found: Stance[]): Stance[] {
  if (!found.length) return found;
  // The party a stance belongs to: whom its holder speaks for, on which proposal (built once per stance).
  const parties = new Map(found.map((s) => [s, `${doc.actors[s.holder].represents ?? doc.actors[s.holder].key}|${s.proposal}`]));
  const partyOf = (s: Stance): string => parties.get(s)!;
  // A position that "had" been held gives way to a different one held now ("had blocked …, lifted its veto").
  const now = new Set(found.filter((s) => !EARLIER.has(s)).map((s) => `${partyOf(s)}|${s.stance}`));
  const nowParty = new Set(found.filter((s) => !EARLIER.has(s)).map(partyOf));
  found = found.filter((s) => !EARLIER.has(s) || !nowParty.has(partyOf(s)) || now.has(`${partyOf(s)}|${s.stance}`));
  // One who abstains takes neither side in that sentence ("Brazil abstained; its envoy said it cannot endorse the text").
  const abstained = new Set(found.filter((s) => ABSTENTIONS.has(s)).map((s) => `${partyOf(s)}|${s.evidence.start}`));
  if (abstained.size) found = found.filter((s) => s.stance === 'undecided' || !abstained.has(`${partyOf(s)}|${s.evidence.start}`));
  // For and against in one sentence: a much surer reading wins ("would veto any such decision" over a stray "push").
  const surest = new Map<string, number>();
  for (const s of found) {
    const k = `${partyOf(s)}|${s.evidence.start}|${s.stance}`;
    surest.set(k, Math.max(surest.get(k) ?? 0, s.confidence));
  }
  const opposite = { support: 'oppose', oppose: 'support', undecided: null } as const;
  found = found.filter((s) => {
    const other = opposite[s.stance];
    const rival = other === null ? undefined : surest.get(`${partyOf(s)}|${s.evidence.start}|${other}`);
    return rival === undefined || rival - s.confidence < SURER_BY;
  });
  const counts = new Map<string, Map<string, number>>();
  for (const s of found) {
    const k = partyOf(s);
    const c = counts.get(k) ?? new Map<string, number>();
    c.set(s.stance, (c.get(s.stance) ?? 0) + 1);
    counts.set(k, c);
  }
  const proposerParty = new Set(doc.proposals.flatMap((p, i) => (p.proposer === null ? [] : [`${doc.actors[p.proposer].represents ?? doc.actors[p.proposer].key}|${i}`])));
  return found.filter((s) => {
    const k = partyOf(s);
    const c = counts.get(k)!;
    if (c.size < 2) return true;
    if (proposerParty.has(k)) return s.stance === 'support';
    const top = Math.max(...c.values());
    const leaders = [...c.entries()].filter(([, n]) => n === top);
    return leaders.length > 1 || leaders[0][0] === s.stance;
  });
}

/** Keeps the surest stance per (holder, proposal, label); the proposals stay as found (the decide stage prunes them). */
export function settle(doc: Doc, found: Stance[]): void {
  const best = new Map<string, Stance>();
  for (const s of resolveConflicts(doc, found)) {
    const key = `${s.holder}|${s.proposal}|${s.stance}`;
    const cur = best.get(key);
    if (!cur || s.confidence > cur.confidence || (s.confidence === cur.confidence && s.evidence.start < cur.evidence.start)) {
      best.set(key, { ...s, condition: s.condition ?? cur?.condition ?? null });
    } else if (!cur.condition && s.condition) cur.condition = s.condition;
  }
  // A loop, not spread into sort: compiled array builtins can return another array kind for every reader of the layer.
  const stances = objectList<Stance>();
  for (const s of best.values()) stances.push(s);
  doc.stances = stances.sort((a, b) => a.proposal - b.proposal || a.evidence.start - b.evidence.start);
}
