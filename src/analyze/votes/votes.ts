// Stage: votes as evidence. A reported vote ("adopted 13–0 with the United Kingdom and Russia abstaining", "vetoed by
// the US", "approved unanimously") gives each named member its stance; it tells whether the proposal was adopted or
// failed, and by what vote, with the members the count leaves no doubt about (from the body's roster on the article's
// date) kept beside it, not as stances: the article does not name them. A sentence that only states how the body
// decides ("needs nine votes and no veto by China, France …") reports no vote (tally.ts).
import { sentenceAt, type Doc, type Proposal, type Stance } from '../doc.js';
import type { StanceLabel } from '../record.js';
import type { Stage } from '../stage.js';
import { BODY_NAMES, bodyOfProposal } from '../../institutions/body-name.js';
import { rosterOn, type Roster } from '../../institutions/roster.js';
import { tallyOf, type Tally } from './tally.js';

/** The confidence of a stance read off a reported vote: a vote is as plain as evidence gets. */
export const VOTE_CONFIDENCE = 0.9;

/** Words of voting after (or before) a list of members, and the stance each gives. */
const AFTER_LIST: ReadonlyArray<[RegExp, StanceLabel]> = [
  [/^\s*(?:both\s+|also\s+|all\s+)?(?:abstained|abstaining|abstain|abstains)\b/i, 'undecided'],
  [/^\s*(?:both\s+|also\s+|all\s+)?(?:vetoed|vetoing|vetoes|cast\s+(?:a\s+|their\s+)?vetoe?s?)\b/i, 'oppose'],
  [/^\s*(?:both\s+|also\s+|all\s+)?(?:voted|voting|vote)\s+(?:against|no\b|["“]no)/i, 'oppose'],
  [/^\s*(?:both\s+|also\s+|all\s+)?(?:voted|voting|vote)\s+(?:in\s+favou?r|for\b|yes\b|["“]yes)/i, 'support'],
];
const BEFORE_LIST: ReadonlyArray<[RegExp, StanceLabel]> = [
  [/(?:abstentions?|abstaining|abstained)\s*(?:\(|by|from|:|were|—|–)\s*$/i, 'undecided'],
  [/(?:vetoed|vetoes|veto)\s+(?:by|from)\s*$/i, 'oppose'],
  [/(?:voting|voted|votes?)\s+(?:against|no)\s*(?:\(|were|:|—|–|by|from)\s*$/i, 'oppose'],
  [/(?:voting|voted|votes?)\s+(?:in\s+favou?r|for|yes)\s*(?:\(|were|:|—|–|by|from)\s*$/i, 'support'],
];
/** What may stand between two members of one list. */
const LIST_GAP = /^(?:\s*(?:,|and|or|as\s+well\s+as|along\s+with|together\s+with|the|both)\s*)*$/i;

interface Vote { holder: number; stance: StanceLabel }

/** The members a sentence names as voting one way: lists of actor mentions next to a word of voting. */
function namedVotes(doc: Doc, first: number, last: number): Vote[] {
  const { text } = doc;
  const start = doc.sentences[first].start;
  const end = doc.sentences[last].end;
  const mentions = doc.actors.flatMap((a, i) => a.kind === 'country' || a.kind === 'organization'
    ? a.mentions.filter((m) => m.start >= start && m.end <= end).map((m) => ({ ...m, holder: i }))
    : []).sort((a, b) => a.start - b.start);
  // Runs of mentions that form one list ("Algeria, Guyana and the United Kingdom").
  const lists: Array<typeof mentions> = [];
  for (const m of mentions) {
    const cur = lists[lists.length - 1];
    const prev = cur?.[cur.length - 1];
    if (prev && LIST_GAP.test(text.slice(prev.end, m.start))) cur.push(m); else lists.push([m]);
  }
  const votes: Vote[] = [];
  for (const list of lists) {
    const after = text.slice(list[list.length - 1].end, Math.min(end, list[list.length - 1].end + 40));
    const before = text.slice(Math.max(start, list[0].start - 40), list[0].start);
    const label = AFTER_LIST.find(([re]) => re.test(after))?.[1] ?? BEFORE_LIST.find(([re]) => re.test(before))?.[1];
    if (label) for (const m of list) votes.push({ holder: m.holder, stance: label });
  }
  return votes;
}

/** The proposal a vote sentence is about: the one its stances point to, else one it mentions, else none. */
function proposalOf(doc: Doc, start: number, end: number): number | null {
  const counts = new Map<number, number>();
  for (const s of doc.stances) if (s.evidence.start >= start && s.evidence.start < end) counts.set(s.proposal, (counts.get(s.proposal) ?? 0) + 1);
  let best: number | null = null;
  let most = 0;
  for (const [p, n] of counts) if (n > most) { best = p; most = n; }
  if (best !== null) return best;
  const mentioned = doc.proposals.findIndex((p) => p.mentions.some((m) => m.start >= start && m.end <= end));
  return mentioned >= 0 ? mentioned : null;
}

/** The roster of the body a proposal is put to, on a date, when every seat is known; else null. */
function rosterFor(p: Proposal, date: string | null): Roster | null {
  const name = bodyOfProposal(p.body);
  if (!name || !date) return null;
  try {
    const roster = rosterOn(BODY_NAMES[name].body, date);
    return roster.unknownSeats === 0 ? roster : null;
  } catch {
    return null; // membership not encoded for that date
  }
}

/**
 * The members the count leaves no doubt about: when the members not named as voting are exactly as many as the votes
 * of one side not accounted for by named members (and the other counts agree), each of them voted that way.
 */
export function unnamedVotes(t: Tally, roster: readonly string[], named: ReadonlyMap<string, StanceLabel>): Map<string, StanceLabel> {
  const out = new Map<string, StanceLabel>();
  const unnamed = roster.filter((k) => !named.has(k));
  if (!unnamed.length) return out;
  const count = (label: StanceLabel) => [...named.values()].filter((s) => s === label).length;
  const agrees = (n: number | null, label: StanceLabel) => n === null || n === count(label);
  let label: StanceLabel | null = null;
  if (t.unanimous && [...named.values()].every((s) => s === 'support')) label = 'support';
  else if (t.for !== null && t.for - count('support') === unnamed.length && agrees(t.against, 'oppose') && agrees(t.abstain, 'undecided')) label = 'support';
  else if (t.against !== null && t.against - count('oppose') === unnamed.length && agrees(t.for, 'support') && agrees(t.abstain, 'undecided')) label = 'oppose';
  else if (t.abstain !== null && t.abstain - count('undecided') === unnamed.length && agrees(t.for, 'support') && agrees(t.against, 'oppose')) label = 'undecided';
  if (label) for (const k of unnamed) out.set(k, label);
  return out;
}

export const votes: Stage = {
  name: 'votes',
  reads: ['tokens', 'sentences', 'actors', 'proposals', 'stances'],
  adds: ['stances', 'proposals'],
  run(doc: Doc) {
    for (let i = 0; i < doc.sentences.length; i++) {
      const s = doc.sentences[i];
      const sentence = doc.text.slice(s.start, s.end);
      const t = tallyOf(sentence);
      if (!t) continue;
      const p = proposalOf(doc, s.start, s.end);
      if (p === null) continue;
      const evidence = { start: s.start, end: s.end };
      const byHolder = new Map<number, Stance>();
      for (const st of doc.stances) if (st.proposal === p) byHolder.set(st.holder, st);
      const put = (holder: number, stance: StanceLabel, confidence: number) => {
        const had = byHolder.get(holder);
        if (had && sentenceAt(doc, had.evidence.start) === i) { had.stance = stance; return; } // the vote is the plainer reading
        if (had) return; // a stance from elsewhere in the article stays; the store keeps both readings over time
        const st: Stance = { holder, proposal: p, stance, condition: null, confidence, date: null, evidence, quote: null, when: null };
        doc.stances.push(st);
        byHolder.set(holder, st);
      };
      const named = new Map<string, StanceLabel>();
      const abstaining = new Set<string>();
      for (const v of namedVotes(doc, i, i)) {
        put(v.holder, v.stance, VOTE_CONFIDENCE);
        const key = doc.actors[v.holder].represents ?? doc.actors[v.holder].key;
        named.set(key, v.stance);
        if (v.stance === 'undecided') abstaining.add(key);
      }
      // Stances the stages before read in this sentence count as named too ("Russia vetoed it").
      for (const st of doc.stances) {
        if (st.proposal !== p || sentenceAt(doc, st.evidence.start) !== i) continue;
        const a = doc.actors[st.holder];
        named.set(a.represents ?? a.key, st.stance);
      }
      const proposal = doc.proposals[p];
      if (!t.outcome) continue;
      const roster = rosterFor(proposal, doc.article.date);
      const inferred: Array<{ holder: string; name: string; stance: StanceLabel }> = [];
      if (roster) {
        const members = roster.members.map((m) => m.key);
        for (const [key, stance] of unnamedVotes(t, members, new Map([...named].filter(([k]) => members.includes(k))))) {
          // A member with a stance on the proposal elsewhere in the article is named, if not in this sentence.
          if (doc.stances.some((st) => st.proposal === p && (doc.actors[st.holder].represents ?? doc.actors[st.holder].key) === key)) continue;
          inferred.push({ holder: key, name: roster.members.find((x) => x.key === key)!.name.replace(/^the /, ''), stance });
        }
      }
      proposal.decision = {
        outcome: t.outcome, date: doc.article.date, for: t.for, against: t.against, abstain: t.abstain, unanimous: t.unanimous, inferred, abstaining: [...abstaining], evidence,
      };
    }
  },
};
