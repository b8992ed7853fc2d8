// The reported votes kept at write time (the `decisions` table, migration 8): what a record gives, writing and reading the
// rows in SQL (both dialects), and the migration's backfill from the records already stored.
import type { AnalysisRecord } from '../analyze/record.js';
import type { Db, Param } from './db.js';
import { groupBy } from './group-by.js';
import { wholeRecord } from './record-column.js';
import type { DecisionRow } from './store.js';

/** The record's decisions as rows: one per proposal with a decision that `proposalOf` places (it has a mention), in record order. */
export function decisionRows(record: AnalysisRecord, proposalOf: (localId: string) => string | undefined): DecisionRow[] {
  const out: DecisionRow[] = [];
  record.proposals.forEach((p, ordinal) => {
    const proposalId = proposalOf(p.id);
    if (!p.decision || proposalId === undefined) return;
    const { evidence, ...rest } = p.decision;
    out.push({
      ...rest, inferred: rest.inferred.map((v) => ({ holder: v.holder, name: v.name, stance: v.stance })), abstaining: [...rest.abstaining],
      proposalId, articleId: record.article.id, localId: p.id, ordinal,
      evidence: record.article.text.slice(evidence.start, evidence.end), evidenceStart: evidence.start, evidenceEnd: evidence.end,
    });
  });
  return out;
}

/** The stored proposal each local proposal of an article joined, from its mention rows ("p2.0" → p2); the first when several. */
export function proposalsOfMentions(mentions: Array<{ localId: string; proposalId: string }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of mentions) {
    const local = m.localId.split('.')[0];
    if (!out.has(local)) out.set(local, m.proposalId);
  }
  return out;
}

const COLUMNS = ['article_id', 'local_id', 'ordinal', 'proposal_id', 'outcome', 'date', 'votes_for', 'votes_against', 'votes_abstain',
  'unanimous', 'inferred', 'abstaining', 'evidence', 'evidence_start', 'evidence_end'];

/** A row's values in COLUMNS order. */
export const decisionValues = (d: DecisionRow): Param[] => [
  d.articleId, d.localId, d.ordinal, d.proposalId, d.outcome, d.date, d.for, d.against, d.abstain, d.unanimous ? 1 : 0,
  JSON.stringify(d.inferred), JSON.stringify(d.abstaining), d.evidence, d.evidenceStart, d.evidenceEnd,
];

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function toDecision(r: Record<string, unknown>): DecisionRow {
  return {
    proposalId: String(r.proposal_id), articleId: String(r.article_id), localId: String(r.local_id), ordinal: Number(r.ordinal),
    outcome: r.outcome as DecisionRow['outcome'], date: r.date === null ? null : String(r.date),
    for: num(r.votes_for), against: num(r.votes_against), abstain: num(r.votes_abstain), unanimous: Number(r.unanimous) === 1,
    inferred: JSON.parse(String(r.inferred)) as DecisionRow['inferred'], abstaining: JSON.parse(String(r.abstaining)) as string[],
    evidence: String(r.evidence), evidenceStart: Number(r.evidence_start), evidenceEnd: Number(r.evidence_end),
  };
}

/** Articles read at a time by the backfill (each with its record and text). */
const CHUNK = 200;

/**
 * Migration 8: the decisions of the records already stored. Only records that hold one are read whole (a record without
 * a decision has no `"decision":{` in its column); each decision goes to the stored proposal its mentions joined.
 */
export async function backfillDecisions(tx: Db): Promise<void> {
  const ids = (await tx.all<{ id: string }>('SELECT id FROM articles WHERE record LIKE ? ORDER BY id', ['%"decision":{%'])).map((r) => String(r.id));
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const marks = chunk.map(() => '?').join(', ');
    const articles = await tx.all<{ id: string; record: string; text: string }>(`SELECT id, record, text FROM articles WHERE id IN (${marks})`, chunk);
    const mentions = groupBy(await tx.all<{ article_id: string; local_id: string; proposal_id: string }>(
      `SELECT article_id, local_id, proposal_id FROM proposal_mentions WHERE article_id IN (${marks}) ORDER BY article_id, local_id`, chunk), (m) => String(m.article_id));
    const rows: DecisionRow[] = [];
    for (const a of articles) {
      let record: AnalysisRecord;
      try { record = wholeRecord(String(a.record), String(a.text)); } catch { continue; } // `standpoint check` reports it
      const of = proposalsOfMentions((mentions.get(String(a.id)) ?? []).map((m) => ({ localId: String(m.local_id), proposalId: String(m.proposal_id) })));
      rows.push(...decisionRows(record, (local) => of.get(local)));
    }
    await insertDecisions(tx, rows);
  }
}

/** Inserts decision rows, many to a statement. */
export async function insertDecisions(db: Db, rows: DecisionRow[]): Promise<void> {
  const per = Math.floor(900 / COLUMNS.length);
  const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await db.run(`INSERT INTO decisions (${COLUMNS.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ON CONFLICT DO NOTHING`, chunk.flatMap(decisionValues));
  }
}
