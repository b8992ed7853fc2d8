// The edit log's rows: reading and writing them in SQL (both dialects), and migration 6's backfill of the old corrections.
import type { Db, Param } from './db.js';
import type { EditAction, EditRow, NewEdit } from './store.js';
import { StoreError } from './store.js';

type Row = Record<string, unknown>;

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = (v: unknown): unknown => (v === null || v === undefined ? null : JSON.parse(String(v)));

export const toEdit = (r: Row): EditRow => ({
  id: Number(r.id), action: String(r.action) as EditAction, target: String(r.target), before: parse(r.before_value), after: parse(r.after_value),
  author: String(r.author), note: r.note === null || r.note === undefined ? null : String(r.note), createdAt: String(r.created_at),
  undoneBy: r.undone_by === null || r.undone_by === undefined ? null : Number(r.undone_by),
});

/** Inserts one edit row and returns it. */
export async function insertEdit(tx: Db, e: { action: EditAction; target: string; before: unknown; after: unknown; author: string; note: string | null; createdAt?: string }): Promise<EditRow> {
  const rows = await tx.all(
    `INSERT INTO edits (action, target, before_value, after_value, author, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    [e.action, e.target, json(e.before), json(e.after), e.author, e.note, e.createdAt ?? new Date().toISOString()]);
  return toEdit(rows[0]);
}

/** Creates the positions (proposal, holder) not stored yet, numbered after the last one (as articles' positions are). */
export async function ensurePositions(tx: Db, pairs: Array<[string, string]>): Promise<void> {
  const overriding = tx.dialect === 'postgres' ? 'OVERRIDING SYSTEM VALUE' : '';
  for (const [proposalId, holder] of pairs) {
    const have = await tx.all('SELECT id FROM positions WHERE proposal_id = ? AND holder = ?', [proposalId, holder]);
    if (have.length) continue;
    const last = Number((await tx.all<{ m: number }>('SELECT COALESCE(MAX(id), 0) AS m FROM positions'))[0].m);
    await tx.run(`INSERT INTO positions (id, proposal_id, holder) ${overriding} VALUES (?, ?, ?)`, [last + 1, proposalId, holder]);
  }
}

/** Writes a new edit with the rows it needs (already in a transaction). */
export async function writeEdit(tx: Db, edit: NewEdit): Promise<EditRow> {
  if (edit.proposal) {
    const p = edit.proposal;
    const exists = await tx.all('SELECT id FROM proposals WHERE id = ?', [p.id]);
    if (exists.length) throw new StoreError('bad-input', `a proposal with id ${p.id} exists already`);
    await tx.run('INSERT INTO proposals (id, key, summary, proposer, body, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [p.id, p.key, p.summary, p.proposer, p.body, p.firstSeen, p.lastSeen]);
  }
  if (edit.positions?.length) await ensurePositions(tx, edit.positions);
  return insertEdit(tx, edit);
}

/** Reverts one edit: an `undo` row, and the edit marked undone by it. */
export async function undoEditRow(tx: Db, id: number, by: { author: string; note: string | null }): Promise<EditRow> {
  const [row] = await tx.all('SELECT * FROM edits WHERE id = ?', [id]);
  if (!row) throw new StoreError('not-found', `no edit with id ${id}`);
  const edit = toEdit(row);
  if (edit.action === 'undo') throw new StoreError('bad-input', `edit ${id} is an undo (of edit ${edit.target}): make that edit again instead`);
  if (edit.undoneBy !== null) throw new StoreError('bad-input', `edit ${id} was undone already (by edit ${edit.undoneBy})`);
  const undo = await insertEdit(tx, { action: 'undo', target: String(id), before: { action: edit.action, target: edit.target, after: edit.after }, after: null, ...by });
  await tx.run('UPDATE edits SET undone_by = ? WHERE id = ?', [undo.id, id]);
  return undo;
}

export async function readEdits(db: Db, filter: { ids?: number[]; since?: string } = {}): Promise<EditRow[]> {
  const conds: string[] = [];
  const params: Param[] = [];
  if (filter.ids) { conds.push(filter.ids.length ? `id IN (${filter.ids.map(() => '?').join(', ')})` : '1 = 0'); params.push(...filter.ids); }
  if (filter.since) { conds.push('created_at >= ?'); params.push(filter.since); }
  const rows = await db.all(`SELECT * FROM edits ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY id`, params);
  return rows.map(toEdit);
}

/** Migration 6: each correction kept before becomes a `set-stance` edit of its position, with its author, note and time. */
export async function backfillEdits(tx: Db): Promise<void> {
  const rows = await tx.all('SELECT * FROM corrections ORDER BY id');
  for (const r of rows) {
    await tx.run('INSERT INTO edits (action, target, before_value, after_value, author, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      'set-stance', String(r.position_id), null, JSON.stringify({ proposalId: String(r.proposal_id), holder: String(r.holder), stance: String(r.stance) }),
      String(r.author), r.note === null ? null : String(r.note), String(r.created_at)]);
  }
}
