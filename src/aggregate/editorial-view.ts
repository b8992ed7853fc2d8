// What the proposal and actor views show of the analyst's edits: the history with each observation where it now counts, the edits that concern them.
import type { EditRow, NumberedObservation, ObservationPoint, Store } from '../store/store.js';
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
  const history = obs.map(({ from, ...o }) => entry(o, from.proposalId !== o.proposalId || from.holder !== o.holder ? from : null, edits.deleted.has(pairKey(o.proposalId, o.holder))));
  return { history, analyst: analystEvents(edits, id) };
}

/** The analyst's stances set or added on a proposal, oldest first. */
function analystEvents(edits: EditState, id: string): AnalystEvent[] {
  const analyst: AnalystEvent[] = [];
  for (const e of edits.active) {
    if (e.action !== 'set-stance' && e.action !== 'add-stance') continue;
    const a = e.after as SetStanceAfter & Partial<AddStanceAfter>;
    if (edits.resolve(a.proposalId) !== id) continue;
    analyst.push({ editId: e.id, action: e.action, holder: a.holder, stance: a.stance, date: a.date ?? e.createdAt.slice(0, 10), author: e.author, note: e.note, evidence: a.evidence ?? null });
  }
  return analyst;
}

/**
 * A holder's observations of a proposal on the chart: how many it has on each date (null: undated) with each stance, as
 * `[date, stance, observations]` (compact: a busy proposal has thousands), and whether an analyst deleted its stance.
 */
export interface ChartRow { holder: string; deleted: boolean; points: Array<[date: string | null, stance: ObservationPoint['stance'], observations: number]> }

/** Chart rows from points, holders in the order of their first point (oldest first, undated first). */
function chartRows(points: ObservationPoint[], deleted: (holder: string) => boolean): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  const sorted = [...points].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  for (const p of sorted) {
    let row = rows.get(p.holder);
    if (!row) rows.set(p.holder, row = { holder: p.holder, deleted: deleted(p.holder), points: [] });
    row.points.push([p.date, p.stance, p.observations]);
  }
  return [...rows.values()];
}

/** A proposal's history a page at a time: its newest observations, how many there are in all, and all of them on the chart. */
export interface HistoryPage {
  /** The newest `limit` observations (by date, undated last, then the last stored), listed oldest first. */
  history: HistoryEntry[];
  /** Observations in all (the history lists the newest `limit`). */
  total: number;
  /** Every observation on the chart, by holder: the whole timeline, without the evidence. */
  chart: ChartRow[];
  analyst: AnalystEvent[];
}

/** Newest first: by date (undated last), then by id, the last first. */
const newestFirst = (a: { date: string | null; id: number }, b: { date: string | null; id: number }) =>
  (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1) || b.id - a.id;

/**
 * A proposal's history as its page shows it: the newest `limit` observations, their count and the chart. A proposal
 * no edit touches (no merge, split or reassignment) reads only those rows and an index; an edited one is worked out from
 * all the observations that may count for it, as proposalHistory does.
 */
export async function proposalHistoryPage(store: Store, id: string, limit: number, state?: EditState): Promise<HistoryPage> {
  const edits = state ?? await editState(store);
  if (edits.touched.has(id) || edits.sourcesOf(id).size > 1) {
    const { history: all, analyst } = await proposalHistory(store, id, edits);
    const points = new Map<string, ObservationPoint>();
    for (const o of all) {
      const k = `${o.holder}\u0000${o.date ?? ''}\u0000${o.stance}`;
      const p = points.get(k);
      if (p) p.observations += 1;
      else points.set(k, { holder: o.holder, date: o.date, stance: o.stance as ObservationPoint['stance'], observations: 1 });
    }
    const deleted = (holder: string) => edits.deleted.has(pairKey(id, holder));
    return { history: [...all].sort(newestFirst).slice(0, limit).reverse(), total: all.length, chart: chartRows([...points.values()], deleted), analyst };
  }
  const [newest, points] = await Promise.all([store.newestObservations(id, limit), store.observationPoints(id)]);
  const gone = new Set<string>(); // holders whose stance on it an analyst deleted
  for (const k of edits.deleted.keys()) if (k.startsWith(`${id}\u0000`)) gone.add(k.slice(id.length + 1));
  return {
    history: newest.reverse().map((o) => entry(o, null, gone.has(o.holder))),
    total: points.reduce((n, p) => n + p.observations, 0),
    chart: chartRows(points, (holder) => gone.has(holder)),
    analyst: analystEvents(edits, id),
  };
}

const entry = (o: NumberedObservation, movedFrom: HistoryEntry['movedFrom'], deleted: boolean): HistoryEntry => ({
  id: o.id, proposalId: o.proposalId, holder: o.holder, actor: o.actor, stance: o.stance, condition: o.condition, confidence: o.confidence,
  date: o.date, articleId: o.articleId, evidence: o.evidence, quote: o.quote, movedFrom, deleted,
});

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
