// What the proposal and actor views show of the analyst's edits: the history with each observation where it now counts, the edits that concern them.
import type { EditRow, Store } from '../store/store.js';
import { pairKey, type AddStanceAfter, type AnalystStance, type EditState, type SetStanceAfter } from './edit-state.js';
import { editedObservations, editState, positionsOf, type Position } from './positions.js';

/** An observation as a proposal's history shows it: where it counts now, and where the machine put it when that differs. */
export interface HistoryEntry {
  /** The observation's id (what `proposal split --observations` takes). */
  id: number;
  proposalId: string;
  holder: string;
  actor: string;
  stance: string;
  condition: string | null;
  confidence: number;
  date: string | null;
  articleId: string;
  evidence: string;
  quote: string | null;
  /** The (proposal, holder) the machine gave it, when an edit moved it. */
  movedFrom: { proposalId: string; holder: string } | null;
  /** True when its stance was deleted by an analyst: kept in the history, not counted. */
  deleted: boolean;
}

/** An analyst's stance in a timeline: set or added, dated by the edit (or the evidence an added stance gives). */
export interface AnalystEvent { editId: number; action: EditRow['action']; holder: string; stance: AnalystStance; date: string; author: string; note: string | null; evidence: string | null }

/** A proposal's history (machine observations where they count now) and the analyst's stances on it, oldest first. */
export async function proposalHistory(store: Store, id: string, state?: EditState): Promise<{ history: HistoryEntry[]; analyst: AnalystEvent[] }> {
  const edits = state ?? await editState(store);
  const obs = (await editedObservations(store, edits, [...edits.sourcesOf(id)])).filter((o) => o.proposalId === id);
  const history = obs.map(({ from, ...o }) => ({
    id: o.id, proposalId: o.proposalId, holder: o.holder, actor: o.actor, stance: o.stance, condition: o.condition, confidence: o.confidence,
    date: o.date, articleId: o.articleId, evidence: o.evidence, quote: o.quote,
    movedFrom: from.proposalId !== o.proposalId || from.holder !== o.holder ? from : null,
    deleted: edits.deleted.has(pairKey(o.proposalId, o.holder)),
  }));
  const analyst: AnalystEvent[] = [];
  for (const e of edits.active) {
    if (e.action !== 'set-stance' && e.action !== 'add-stance') continue;
    const a = e.after as SetStanceAfter & Partial<AddStanceAfter>;
    if (edits.resolve(a.proposalId) !== id) continue;
    analyst.push({ editId: e.id, action: e.action, holder: a.holder, stance: a.stance, date: a.date ?? e.createdAt.slice(0, 10), author: e.author, note: e.note, evidence: a.evidence ?? null });
  }
  return { history, analyst };
}

/** The edits that name any of these proposals (undone ones and undos included), newest first: what a proposal's page lists to undo. */
export function editsConcerning(edits: EditState, ids: string[]): EditRow[] {
  const wanted = new Set(ids);
  const names = (e: EditRow): string[] => {
    const text = JSON.stringify([e.target, e.before, e.after]);
    return [...text.matchAll(/"(P[0-9a-f]{6,})"/g)].map((m) => m[1]).concat(/^P[0-9a-f]{6,}/.test(e.target) ? [e.target.split(' ')[0]] : []);
  };
  const hit = new Set<number>();
  for (const e of edits.edits) if (names(e).some((p) => wanted.has(p) || wanted.has(edits.resolve(p)))) hit.add(e.id);
  // A set or delete names its STANCE_ID as target: the key in `after` names the proposal (found above).
  for (const e of edits.edits) if (e.action === 'undo' && hit.has(Number(e.target))) hit.add(e.id);
  return edits.edits.filter((e) => hit.has(e.id)).sort((a, b) => b.id - a.id);
}

/** A holder's current stances across proposals as the analyst sees them (reassigned ones followed). */
export async function holderStances(store: Store, holder: string, state?: EditState): Promise<Position[]> {
  const edits = state ?? await editState(store);
  const proposals = new Set((await store.positionsOfHolder(holder)).map((r) => edits.resolve(r.proposalId)));
  for (const e of edits.active) {
    const a = e.after as { proposalId?: string; holder?: string } | null;
    if (a?.holder === holder && a.proposalId) proposals.add(edits.resolve(a.proposalId));
  }
  return (await positionsOf(store, [...proposals], edits)).filter((p) => p.holder === holder);
}
