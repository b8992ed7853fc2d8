// The materialised current positions: a new article's observations folded into their rows, and migration 3's backfill.
import { currentOf, emptyState, foldObservation, type Observed, type StanceState } from './current-stance.js';
import type { Db, Param } from './db.js';
import type { MachineStance, ObservationRow } from './store.js';
import { groupBy } from './group-by.js';

/** Positions (or proposals) per statement: a few hundred parameters. */
const CHUNK = 200;

const pairKey = (proposalId: string, holder: string) => `${proposalId}\u0000${holder}`;

/** The state a row holds: the JSON of a StanceState, or nothing before the row's first (non-copy) observation. */
const parseState = (v: unknown): StanceState => (v === null || v === undefined ? emptyState() : (JSON.parse(String(v)) as StanceState));

/** The machine's current stance a row shows, from the state it holds. */
export function machineStance(state: StanceState): MachineStance | null {
  const c = currentOf(state);
  return c && {
    stance: c.stance, confidence: c.confidence, date: c.latest.date, condition: c.latest.condition, observations: c.observations,
    evidence: c.latest.evidence, quote: c.latest.quote, articleId: c.latest.articleId,
  };
}

const UPDATE = `UPDATE positions SET stance = ?, confidence = ?, date = ?, condition = ?, observations = ?, evidence = ?, quote = ?,
  article_id = ?, state = ? WHERE id = ?`;

function updateRow(tx: Db, id: unknown, state: StanceState): Promise<number> {
  const m = machineStance(state);
  return tx.run(UPDATE, [m?.stance ?? null, m?.confidence ?? null, m?.date ?? null, m?.condition ?? null, m?.observations ?? 0,
    m?.evidence ?? null, m?.quote ?? null, m?.articleId ?? null, JSON.stringify(state), Number(id)]);
}

/**
 * Folds the observations of one new article (not a copy) into their positions, whose rows exist: each row is read once,
 * locked on PostgreSQL (SELECT … FOR UPDATE, in a fixed order) until the transaction ends, and written back. O(1) per observation.
 */
export async function foldIntoPositions(tx: Db, observations: ObservationRow[]): Promise<void> {
  const groups = groupBy(observations, (o) => pairKey(o.proposalId, o.holder));
  const pairs = [...groups.values()].map((g) => [g[0].proposalId, g[0].holder]).sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : ''; // SQLite: BEGIN IMMEDIATE already holds the file's one write lock
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const chunk = pairs.slice(i, i + CHUNK);
    const rows = await tx.all(
      `SELECT id, proposal_id, holder, state FROM positions WHERE ${chunk.map(() => '(proposal_id = ? AND holder = ?)').join(' OR ')}
       ORDER BY proposal_id, holder${lock}`, chunk.flat());
    for (const r of rows) {
      const list = groups.get(pairKey(String(r.proposal_id), String(r.holder)))!;
      await updateRow(tx, r.id, list.reduce(foldObservation, parseState(r.state)));
    }
  }
}

/** Migration 3: every position's state and current stance folded from its stored observations (copies left out), proposal by proposal. */
export async function backfillPositions(tx: Db): Promise<void> {
  await tx.run('INSERT INTO positions (proposal_id, holder) SELECT DISTINCT proposal_id, holder FROM observations WHERE 1 = 1 ON CONFLICT DO NOTHING');
  const ids = (await tx.all<{ proposal_id: string }>('SELECT DISTINCT proposal_id FROM positions ORDER BY proposal_id')).map((r) => r.proposal_id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk: Param[] = ids.slice(i, i + CHUNK);
    const marks = chunk.map(() => '?').join(', ');
    const positions = await tx.all(`SELECT id, proposal_id, holder FROM positions WHERE proposal_id IN (${marks})`, chunk);
    const obs = await tx.all(
      `SELECT o.proposal_id, o.holder, o.stance, o.confidence, o.date, o.condition, o.article_id, o.evidence, o.evidence_start, o.quote
       FROM observations o JOIN articles a ON a.id = o.article_id WHERE a.copy_of IS NULL AND o.proposal_id IN (${marks}) ORDER BY o.id`, chunk);
    const states = new Map<string, StanceState>();
    for (const r of obs) {
      const k = pairKey(String(r.proposal_id), String(r.holder));
      const o: Observed = {
        stance: r.stance as Observed['stance'], confidence: Number(r.confidence), date: r.date === null ? null : String(r.date),
        condition: r.condition === null ? null : String(r.condition), articleId: String(r.article_id), evidence: String(r.evidence),
        evidenceStart: Number(r.evidence_start), quote: r.quote === null ? null : String(r.quote),
      };
      states.set(k, foldObservation(states.get(k) ?? emptyState(), o));
    }
    for (const p of positions) await updateRow(tx, p.id, states.get(pairKey(String(p.proposal_id), String(p.holder))) ?? emptyState());
  }
}
