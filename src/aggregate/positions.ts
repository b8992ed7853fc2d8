// Each holder's current stance on a proposal: the dated observations weighed by recency and confidence, then the analyst's edits.
import type { StanceLabel } from '../analyze/record.js';
import { currentOf, emptyState, foldObservation, type Evidence, type StanceState } from '../store/current-stance.js';
import type { ActorRow, Correction, EditRow, MachineStance, NumberedObservation, PositionRow, ProposalWithCount, Store } from '../store/store.js';
import { groupBy } from '../store/group-by.js';
import { EditState, pairKey, type AnalystStance } from './edit-state.js';
import { lexiconName } from './holder-names.js';

export { HALF_LIFE_DAYS } from '../store/current-stance.js';

/** Who set a stance by hand, when and why: the edit behind an analyst's stance. */
export interface AnalystMark { editId: number; action: EditRow['action']; author: string; note: string | null; createdAt: string }

export interface Position {
  /** STANCE_ID: stable for the (proposal, holder) pair; `standpoint correct` takes it. */
  id: number;
  proposal: string;
  holder: string;
  name: string;
  /** The analyst's stance when one is set (abstain included), else the machine's. */
  stance: AnalystStance;
  /** The machine's label, kept when an analyst edits the stance; null for a stance only an analyst added. */
  machineStance: StanceLabel | null;
  corrected: boolean;
  /** The analyst's edit as a correction (id: the edit's id), or null. */
  correction: Correction | null;
  analyst: AnalystMark | null;
  date: string | null;
  confidence: number;
  condition: string | null;
  observations: number;
  evidence: string;
  quote: string | null;
  /** The article of the evidence; null for an analyst's stance whose evidence is quoted text only. */
  article: string | null;
}

/** Confidence as positions show it: three decimals. */
export const roundConfidence = (c: number) => Math.round(c * 1000) / 1000;

/**
 * The machine's current stance from a holder's observations on one proposal (at least one): the fold of
 * store/current-stance.ts over them, the one the store keeps up to date at write time (so the order does not matter).
 */
export function currentStance(obs: Array<Parameters<typeof foldObservation>[1]>): { stance: StanceLabel; confidence: number; latest: Evidence } {
  const cur = currentOf(obs.reduce(foldObservation, emptyState()));
  if (!cur) throw new RangeError('currentStance: no observations');
  return { stance: cur.stance, confidence: roundConfidence(cur.confidence), latest: cur.latest };
}

/** The analyst's edits as one state, read from the store. */
export async function editState(store: Store): Promise<EditState> {
  return new EditState(await store.edits());
}

/** A machine stance from a folded state (as the store keeps it). */
function machineOf(state: StanceState): MachineStance | null {
  const c = currentOf(state);
  return c && {
    stance: c.stance, confidence: c.confidence, date: c.latest.date, condition: c.latest.condition, observations: c.observations,
    evidence: c.latest.evidence, quote: c.latest.quote, articleId: c.latest.articleId,
  };
}

/** Observations of stored proposals, each with the position it counts for after the edits. */
export async function editedObservations(store: Store, state: EditState, sources: string[]): Promise<Array<NumberedObservation & { from: { proposalId: string; holder: string } }>> {
  if (!sources.length) return [];
  const obs = await store.numberedObservations({ proposalIds: sources });
  return obs.map((o) => {
    const to = state.effective(o.proposalId, o.holder, o.id);
    return { ...o, proposalId: to.proposalId, holder: to.holder, from: { proposalId: o.proposalId, holder: o.holder } };
  });
}

/** The machine's positions of proposals as shown (merges, splits and reassignments applied), keyed by pair. */
async function machinePositions(store: Store, state: EditState, ids: string[]): Promise<Map<string, PositionRow>> {
  const out = new Map<string, PositionRow>();
  const plain = ids.filter((id) => !state.touched.has(id));
  const touched = ids.filter((id) => state.touched.has(id));
  for (const r of await store.positions({ proposalIds: plain })) out.set(pairKey(r.proposalId, r.holder), r);
  if (touched.length) {
    const wanted = new Set(touched);
    const sources = [...new Set(touched.flatMap((id) => [...state.sourcesOf(id)]))];
    const [rows, obs] = await Promise.all([store.positions({ proposalIds: sources }), editedObservations(store, state, sources)]);
    const folded = new Map<string, StanceState>();
    for (const o of obs) {
      if (!wanted.has(o.proposalId)) continue;
      const k = pairKey(o.proposalId, o.holder);
      folded.set(k, foldObservation(folded.get(k) ?? emptyState(), o));
    }
    // A shown position's STANCE_ID: the stored row of its own pair, else the first stored row that counts for it.
    const ids = new Map<string, number>();
    const stored = new Set(rows.map((x) => pairKey(x.proposalId, x.holder)));
    for (const r of rows) {
      const own = pairKey(r.proposalId, r.holder);
      const to = state.effective(r.proposalId, r.holder);
      const k = pairKey(to.proposalId, to.holder);
      if (own === k) ids.set(k, r.id);
      else if (!ids.has(k) && !stored.has(k)) ids.set(k, r.id);
    }
    for (const [k, id] of ids) {
      const [proposalId, holder] = k.split('\u0000');
      if (!wanted.has(proposalId)) continue;
      out.set(k, { id, proposalId, holder, current: folded.has(k) ? machineOf(folded.get(k)!) : null });
    }
  }
  return out;
}

/** Positions of holders on the given proposals as the analyst sees them (edits applied), strongest evidence first within a proposal. */
export async function positionsOf(store: Store, proposalIds: string[], state?: EditState): Promise<Position[]> {
  if (!proposalIds.length) return [];
  const edits = state ?? await editState(store);
  // A merged-away proposal shows as the one it was merged into; one created by an undone split not at all.
  const ids = [...new Set(proposalIds.map((id) => edits.resolve(id)))].filter((id) => !edits.isHidden(id));
  const rows = await machinePositions(store, edits, ids);
  const shown = [...rows.entries()].filter(([k, r]) => !edits.deleted.has(k) && (r.current || edits.analyst.has(k)));
  const names = new Map((await store.actors([...new Set(shown.map(([, r]) => r.holder))])).map((a: ActorRow) => [a.key, a.name]));
  const out: Position[] = shown.map(([k, { id, proposalId: proposal, holder, current: cur }]) => {
    const a = edits.analyst.get(k) ?? null;
    const mark: AnalystMark | null = a && { editId: a.edit.id, action: a.edit.action, author: a.edit.author, note: a.edit.note, createdAt: a.edit.createdAt };
    const added = a?.added ?? null;
    const correction: Correction | null = a && {
      id: a.edit.id, stanceId: id, proposalId: proposal, holder, stance: a.stance as StanceLabel, note: a.edit.note, author: a.edit.author, createdAt: a.edit.createdAt,
    };
    return {
      id, proposal, holder, name: names.get(holder) ?? lexiconName(holder), stance: a?.stance ?? cur!.stance,
      machineStance: cur?.stance ?? null, corrected: !!a, correction, analyst: mark,
      date: added ? added.date : cur!.date,
      confidence: a ? 1 : roundConfidence(cur!.confidence), condition: added ? null : cur!.condition, observations: cur?.observations ?? 0,
      evidence: added ? added.evidence : cur!.evidence, quote: added ? null : cur!.quote, article: added ? added.articleId : cur!.articleId,
    };
  });
  return out.sort((a, b) => a.proposal.localeCompare(b.proposal) || b.confidence - a.confidence || a.holder.localeCompare(b.holder));
}

/** A proposal as the analyst sees it: renamed, merged (dates and articles of both), or split off. */
export interface ViewedProposal extends ProposalWithCount {
  /** The name the machine gave, when an analyst renamed the proposal. */
  machineSummary?: string;
  /** Proposals merged into this one. */
  mergedFrom?: string[];
  /** The proposal this one was split off from. */
  splitFrom?: string;
}

const minDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);
const maxDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);

/** Proposals as shown: merged-away ones left out, names and (for merged and split ones) dates and article counts as edited. */
export async function viewProposals(store: Store, list: ProposalWithCount[], state?: EditState): Promise<ViewedProposal[]> {
  const edits = state ?? await editState(store);
  const out: ViewedProposal[] = [];
  for (const p of list) {
    if (edits.isHidden(p.id)) continue;
    const v: ViewedProposal = { ...p };
    const rename = edits.renamed.get(p.id);
    if (rename) { v.machineSummary = p.summary; v.summary = rename.name; }
    const merged = [...edits.mergedInto.keys()].filter((m) => edits.resolve(m) === p.id);
    if (merged.length) v.mergedFrom = merged;
    const split = edits.created.get(p.id);
    if (split) v.splitFrom = (split.after as { from: string }).from;
    if (edits.touched.has(p.id)) {
      // Dates and distinct source articles over everything that counts for it now.
      const sources = [...edits.sourcesOf(p.id)];
      const obs = (await editedObservations(store, edits, sources)).filter((o) => o.proposalId === p.id);
      const articles = new Set(obs.map((o) => o.articleId));
      for (const m of merged) {
        for (const mention of await store.mentions({ proposalId: m })) articles.add(mention.articleId);
        const row = await store.proposal(m);
        if (row) { v.firstSeen = minDate(v.firstSeen, row.firstSeen); v.lastSeen = maxDate(v.lastSeen, row.lastSeen); }
      }
      if (!split) for (const mention of await store.mentions({ proposalId: p.id })) articles.add(mention.articleId);
      const copies = new Set((await store.articlesByIds([...articles])).filter((a) => a.copyOf).map((a) => a.id));
      v.articles = [...articles].filter((a) => !copies.has(a)).length;
      for (const o of obs) { v.firstSeen = minDate(v.firstSeen, o.date); v.lastSeen = maxDate(v.lastSeen, o.date); }
    }
    out.push(v);
  }
  return out;
}

/** One stored proposal as shown, or null when there is none; a merged-away id gives the proposal it was merged into. */
export async function viewProposal(store: Store, id: string, state?: EditState): Promise<ViewedProposal | null> {
  const edits = state ?? await editState(store);
  const row = await store.proposal(edits.resolve(id));
  if (!row) return null;
  const [v] = await viewProposals(store, [row], edits);
  return v ?? null;
}

/** The `standpoint proposals --json` / `GET /api/proposals` object. */
export interface ProposalSummary {
  id: string;
  summary: string;
  proposer: string | null;
  body: string | null;
  articles: number;
  firstSeen: string | null;
  lastSeen: string | null;
  machineSummary?: string;
  mergedFrom?: string[];
  splitFrom?: string;
  stances: Array<{
    id: number; holder: string; name: string; stance: AnalystStance; machineStance: StanceLabel | null; date: string | null; confidence: number;
    observations: number; evidence: string; corrected: boolean;
  }>;
}

export async function proposalSummaries(store: Store, options: { limit?: number; offset?: number; q?: string } = {}): Promise<ProposalSummary[]> {
  const list = await store.proposals(options);
  return summarize(store, list);
}

/** The board's rows for stored proposals: merged-away ones left out, the analyst's view of each. */
export async function summarize(store: Store, list: ProposalWithCount[], state?: EditState): Promise<ProposalSummary[]> {
  const edits = state ?? await editState(store);
  const viewed = await viewProposals(store, list, edits);
  const byProposal = groupBy(await positionsOf(store, viewed.map((p) => p.id), edits), (s) => s.proposal);
  return viewed.map((p) => ({
    id: p.id, summary: p.summary, proposer: p.proposer, body: p.body, articles: p.articles, firstSeen: p.firstSeen, lastSeen: p.lastSeen,
    ...(p.machineSummary !== undefined ? { machineSummary: p.machineSummary } : {}),
    ...(p.mergedFrom ? { mergedFrom: p.mergedFrom } : {}),
    ...(p.splitFrom ? { splitFrom: p.splitFrom } : {}),
    stances: (byProposal.get(p.id) ?? []).map((s) => ({
      id: s.id, holder: s.holder, name: s.name, stance: s.stance, machineStance: s.machineStance, date: s.date, confidence: s.confidence,
      observations: s.observations, evidence: s.evidence, corrected: s.corrected,
    })),
  }));
}
