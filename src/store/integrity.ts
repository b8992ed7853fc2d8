// The store's own invariants, checked against their sources: each position's kept stance, and each proposal's article count.
import { emptyState, foldObservation, type Observed, type StanceState } from './current-stance.js';
import type { Db } from './db.js';
import { machineStance } from './position-rows.js';
import type { MachineStance } from './store.js';
import { groupBy } from './group-by.js';

/** Proposals per step: their positions and observations are read together. */
const STEP = 200;

/** Confidences are sums in another order: equal within this. */
const CLOSE = 1e-9;

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** What differs between two current stances ('' when none), as `field kept → field worked out`. */
function difference(kept: MachineStance | null, want: MachineStance | null): string {
  if (!kept || !want) return kept === want ? '' : `${kept ? kept.stance : 'no stance'} kept, ${want ? want.stance : 'no stance'} worked out`;
  const fields = (['stance', 'observations', 'date', 'condition', 'evidence', 'quote', 'articleId'] as const).filter((f) => kept[f] !== want[f]);
  const out = fields.map((f) => `${f} ${JSON.stringify(kept[f])} kept, ${JSON.stringify(want[f])} worked out`);
  if (Math.abs(kept.confidence - want.confidence) > CLOSE) out.push(`confidence ${kept.confidence} kept, ${want.confidence} worked out`);
  return out.join('; ');
}

const keptStance = (r: Record<string, unknown>): MachineStance | null => (Number(r.observations) > 0 ? {
  stance: r.stance as MachineStance['stance'], confidence: Number(r.confidence), date: text(r.date), condition: text(r.condition),
  observations: Number(r.observations), evidence: String(r.evidence), quote: text(r.quote), articleId: String(r.article_id),
} : null);

/**
 * Each position's columns against the state it keeps, and that state against the fold of its observations (copies left
 * out): proposal by proposal (keyset on the id), so no table is read whole.
 */
export async function checkPositions(db: Db): Promise<string[]> {
  const problems: string[] = [];
  for (let after: string | null = null; ;) {
    const ids: string[] = (await db.all<{ id: string }>(`SELECT id FROM proposals ${after === null ? '' : 'WHERE id > ?'} ORDER BY id LIMIT ?`,
      after === null ? [STEP] : [after, STEP])).map((r) => String(r.id));
    if (!ids.length) return problems;
    after = ids[ids.length - 1];
    const marks = ids.map(() => '?').join(', ');
    const positions = await db.all(`SELECT * FROM positions WHERE proposal_id IN (${marks}) ORDER BY id`, ids);
    const obs = groupBy(await db.all(
      `SELECT o.* FROM observations o JOIN articles a ON a.id = o.article_id WHERE a.copy_of IS NULL AND o.proposal_id IN (${marks}) ORDER BY o.id`, ids),
    (r) => `${String(r.proposal_id)}\u0000${String(r.holder)}`);
    const seen = new Set<string>();
    for (const p of positions) {
      const pair = `${String(p.proposal_id)}\u0000${String(p.holder)}`;
      seen.add(pair);
      const name = `position ${String(p.id)} (${String(p.holder)} on ${String(p.proposal_id)})`;
      let state: StanceState = emptyState();
      try {
        if (p.state !== null && p.state !== undefined) state = JSON.parse(String(p.state)) as StanceState;
      } catch (err) {
        problems.push(`${name}: its kept state does not parse (${(err as Error).message})`);
        continue;
      }
      const fromState = machineStance(state);
      const columns = difference(keptStance(p), fromState);
      if (columns) problems.push(`${name}: its columns differ from its kept state: ${columns}`);
      const folded = machineStance((obs.get(pair) ?? []).map(observed).reduce(foldObservation, emptyState()));
      const fold = difference(fromState, folded);
      if (fold) problems.push(`${name}: its kept stance differs from what its observations give: ${fold}`);
    }
    for (const [pair, list] of obs) {
      if (!seen.has(pair)) problems.push(`proposal ${String(list[0].proposal_id)}: ${list.length} observation(s) of ${String(list[0].holder)} have no position`);
    }
  }
}

const observed = (r: Record<string, unknown>): Observed => ({
  stance: r.stance as Observed['stance'], confidence: Number(r.confidence), date: text(r.date), condition: text(r.condition),
  articleId: String(r.article_id), evidence: String(r.evidence), evidenceStart: Number(r.evidence_start), quote: text(r.quote),
});

/** Each proposal's kept article count against the distinct source articles (copies left out) its mentions name. */
export async function checkProposalCounts(db: Db): Promise<string[]> {
  const rows = await db.all(`SELECT id, articles, counted FROM (SELECT p.id, p.articles,
      (SELECT COUNT(DISTINCT m.article_id) FROM proposal_mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.proposal_id = p.id AND a.copy_of IS NULL) AS counted FROM proposals p) c
    WHERE articles <> counted ORDER BY id`);
  return rows.map((r) => `proposal ${String(r.id)}: counts ${Number(r.articles)} source article(s), its mentions name ${Number(r.counted)}`);
}
