// Each holder's current stance on a proposal: the dated observations weighed by recency and confidence, then corrections.
import type { StanceLabel } from '../analyze/record.js';
import { currentOf, emptyState, foldObservation, type Evidence } from '../store/current-stance.js';
import type { ActorRow, Correction, ObservationRow, ProposalWithCount, Store } from '../store/store.js';
import { groupBy } from '../store/group-by.js';

export { HALF_LIFE_DAYS } from '../store/current-stance.js';

export interface Position {
  /** STANCE_ID: stable for the (proposal, holder) pair; `standpoint correct` takes it. */
  id: number;
  proposal: string;
  holder: string;
  name: string;
  stance: StanceLabel;
  /** The machine's label, kept when an analyst corrects it. */
  machineStance: StanceLabel;
  corrected: boolean;
  correction: Correction | null;
  date: string | null;
  confidence: number;
  condition: string | null;
  observations: number;
  evidence: string;
  quote: string | null;
  article: string;
}

/** Confidence as positions show it: three decimals. */
export const roundConfidence = (c: number) => Math.round(c * 1000) / 1000;

/**
 * The machine's current stance from a holder's observations on one proposal (at least one): the fold of
 * store/current-stance.ts over them, the one the store keeps up to date at write time (so the order does not matter).
 */
export function currentStance(obs: ObservationRow[]): { stance: StanceLabel; confidence: number; latest: Evidence } {
  const cur = currentOf(obs.reduce(foldObservation, emptyState()));
  if (!cur) throw new RangeError('currentStance: no observations');
  return { stance: cur.stance, confidence: roundConfidence(cur.confidence), latest: cur.latest };
}

/** Positions of holders on the given proposals, corrections applied, strongest evidence first within a proposal: read as kept, no observation scanned. */
export async function positionsOf(store: Store, proposalIds: string[]): Promise<Position[]> {
  if (!proposalIds.length) return [];
  const [rows, corrections] = await Promise.all([store.positions({ proposalIds }), store.corrections({ proposalIds })]);
  const observed = rows.filter((r) => r.current);
  const lastCorrection = new Map<string, Correction>();
  for (const c of corrections) lastCorrection.set(`${c.proposalId}|${c.holder}`, c);
  const names = new Map((await store.actors([...new Set(observed.map((r) => r.holder))])).map((a: ActorRow) => [a.key, a.name]));
  const out: Position[] = observed.map(({ id, proposalId: proposal, holder, current: cur }) => {
    const corr = lastCorrection.get(`${proposal}|${holder}`) ?? null;
    return {
      id, proposal, holder, name: names.get(holder) ?? holder, stance: corr?.stance ?? cur!.stance,
      machineStance: cur!.stance, corrected: !!corr, correction: corr, date: cur!.date,
      confidence: corr ? 1 : roundConfidence(cur!.confidence), condition: cur!.condition, observations: cur!.observations,
      evidence: cur!.evidence, quote: cur!.quote, article: cur!.articleId,
    };
  });
  return out.sort((a, b) => a.proposal.localeCompare(b.proposal) || b.confidence - a.confidence || a.holder.localeCompare(b.holder));
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
  stances: Array<{ id: number; holder: string; name: string; stance: StanceLabel; date: string | null; confidence: number; observations: number; evidence: string; corrected: boolean }>;
}

export async function proposalSummaries(store: Store, options: { limit?: number; offset?: number; q?: string } = {}): Promise<ProposalSummary[]> {
  const list = await store.proposals(options);
  return summarize(store, list);
}

export async function summarize(store: Store, list: ProposalWithCount[]): Promise<ProposalSummary[]> {
  const byProposal = groupBy(await positionsOf(store, list.map((p) => p.id)), (s) => s.proposal);
  return list.map((p) => ({
    id: p.id, summary: p.summary, proposer: p.proposer, body: p.body, articles: p.articles, firstSeen: p.firstSeen, lastSeen: p.lastSeen,
    stances: (byProposal.get(p.id) ?? []).map((s) => ({
      id: s.id, holder: s.holder, name: s.name, stance: s.stance, date: s.date, confidence: s.confidence,
      observations: s.observations, evidence: s.evidence, corrected: s.corrected,
    })),
  }));
}
