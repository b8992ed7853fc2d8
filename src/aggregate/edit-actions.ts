// The analyst's actions on the store (set, add, delete, reassign a stance; merge, split, rename a proposal; undo): each checks every id it names, then writes one audited edit.
import { createHash } from 'node:crypto';
import { parseHolderKey } from '../institutions/index.js';
import { isKnownHolder } from './holder-names.js';
import type { EditRow, Store } from '../store/store.js';
import { StoreError } from '../store/store.js';
import { ANALYST_STANCES, pairKey, type AddStanceAfter, type AnalystStance, type StanceKey } from './edit-state.js';
import { editState, positionsOf, viewProposal, type Position, type ViewedProposal } from './positions.js';
import type { EditState } from './edit-state.js';

/** Who acts and why: kept with every edit. */
export interface Who { author: string; note: string | null }

/** An edit and, for stance actions, the stance as it now shows (null once deleted or moved away). */
export interface EditResult { edit: EditRow; stance: Position | null }


const notFound = (what: string) => new StoreError('not-found', what);
const bad = (what: string) => new StoreError('bad-input', what);

/** The stance an analyst may set: one of the four (abstain included), or a clear error. */
export function parseAnalystStance(text: string): AnalystStance {
  const t = text.trim().toLowerCase();
  if ((ANALYST_STANCES as readonly string[]).includes(t)) return t as AnalystStance;
  throw bad(`bad stance "${text}": use one of ${ANALYST_STANCES.join(', ')}`);
}

function checkWho(who: Who): void {
  if (!who.author.trim()) throw bad('an edit needs an author');
  if (who.author.length > 200) throw bad('an author is at most 200 characters');
  if (who.note && who.note.length > 2000) throw bad('a note is at most 2000 characters');
}

/** A shown proposal by id (a merged-away id gives the one it was merged into), or a not-found error. */
async function proposalOrFail(store: Store, state: EditState, id: string): Promise<ViewedProposal> {
  const p = await viewProposal(store, id, state);
  if (!p) throw notFound(`no proposal with id ${id}`);
  return p;
}

/** A holder key (TUR, country:tur, org:nato…) of a stored actor or a known country, or an error. */
async function holderOrFail(store: Store, text: string): Promise<string> {
  let key: string;
  try {
    key = parseHolderKey(text);
  } catch (err) {
    throw bad((err as Error).message);
  }
  if (isKnownHolder(key) || await store.actor(key)) return key;
  throw notFound(`no actor with key ${key}: a holder is an actor the store knows, a country (country:ISO3) or an organisation the analyser knows (org:KEY)`);
}

/**
 * The stance a STANCE_ID shows now, or an error: unknown id (not-found), a stance deleted or moved away, or one of
 * another holder than `expectHolder` (bad-input: a mistyped id never edits another holder's stance).
 */
async function stanceOrFail(store: Store, state: EditState, id: number, expectHolder?: string): Promise<{ key: StanceKey; position: Position }> {
  if (!Number.isSafeInteger(id) || id < 1) throw bad(`a STANCE_ID is a positive whole number, not ${id}`);
  const [row] = await store.positions({ id });
  if (!row) throw notFound(`no stance with id ${id}`);
  const key = state.effective(row.proposalId, row.holder);
  const deleted = state.deleted.get(pairKey(key.proposalId, key.holder));
  if (deleted) throw bad(`stance ${id} (${key.holder} on ${key.proposalId}) was deleted by edit ${deleted.id}: undo that edit to bring it back`);
  const position = (await positionsOf(store, [key.proposalId], state)).find((p) => p.holder === key.holder);
  if (!position) throw notFound(`no stance with id ${id} is shown (${row.holder} on ${row.proposalId} has no observation left)`);
  if (expectHolder !== undefined) {
    const want = await holderOrFail(store, expectHolder).catch(() => expectHolder);
    if (want !== position.holder) throw bad(`stance ${id} is ${position.holder}'s stance on ${position.proposal}, not ${want}'s: check the STANCE_ID`);
  }
  return { key, position };
}

async function shownStance(store: Store, key: StanceKey): Promise<Position | null> {
  return (await positionsOf(store, [key.proposalId])).find((p) => p.holder === key.holder) ?? null;
}

/** Sets a holder's stance on a proposal (support, oppose, undecided or abstain); the machine's label is kept beside it. */
export async function setStance(store: Store, input: { stanceId: number; stance: string; expectHolder?: string }, who: Who): Promise<EditResult> {
  checkWho(who);
  const stance = parseAnalystStance(input.stance);
  const state = await editState(store);
  const { key, position } = await stanceOrFail(store, state, input.stanceId, input.expectHolder);
  const edit = await store.addEdit({
    action: 'set-stance', target: String(position.id), before: { stance: position.stance, machineStance: position.machineStance },
    after: { proposalId: key.proposalId, holder: key.holder, stance }, ...who,
  });
  return { edit, stance: await shownStance(store, key) };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Adds a stance the machine missed: holder, proposal, stance, and evidence (an article and a span or quoted text, or quoted text alone). */
export async function addStance(store: Store, input: {
  proposalId: string; holder: string; stance: string; articleId?: string | null; start?: number | null; end?: number | null; text?: string | null; date?: string | null;
}, who: Who): Promise<EditResult> {
  checkWho(who);
  const stance = parseAnalystStance(input.stance);
  const state = await editState(store);
  const proposal = await proposalOrFail(store, state, input.proposalId);
  const holder = await holderOrFail(store, input.holder);
  if (input.date && (!ISO_DATE.test(input.date) || Number.isNaN(Date.parse(input.date)))) throw bad(`bad date "${input.date}": expected YYYY-MM-DD`);
  let evidence: string;
  let start: number | null = null;
  let end: number | null = null;
  let date = input.date ?? null;
  const articleId = input.articleId ?? null;
  if (articleId) {
    const record = await store.record(articleId);
    if (!record) throw notFound(`no article with id ${articleId}`);
    const text = record.article.text;
    if (input.start !== undefined && input.start !== null && input.end !== undefined && input.end !== null) {
      if (!Number.isInteger(input.start) || !Number.isInteger(input.end) || input.start < 0 || input.end <= input.start || input.end > text.length) {
        throw bad(`bad evidence span ${input.start}–${input.end}: article ${articleId} has ${text.length} characters (start < end ≤ length)`);
      }
      start = input.start;
      end = input.end;
    } else if (input.text) {
      const at = text.indexOf(input.text);
      if (at < 0) throw bad(`the quoted text is not in article ${articleId}: quote it exactly, or give --start and --end`);
      start = at;
      end = at + input.text.length;
    } else {
      throw bad(`give the evidence in article ${articleId}: a span (start and end) or the quoted text`);
    }
    evidence = text.slice(start, end);
    date ??= record.article.date;
  } else {
    if (!input.text?.trim()) throw bad('a stance needs evidence: an article (with a span or quoted text) or the quoted text');
    evidence = input.text.trim();
  }
  const after: AddStanceAfter = { proposalId: proposal.id, holder, stance, articleId, start, end, evidence, date };
  const current = state.deleted.has(pairKey(proposal.id, holder)) ? null : (await positionsOf(store, [proposal.id], state)).find((p) => p.holder === holder) ?? null;
  const edit = await store.addEdit({
    action: 'add-stance', target: `${proposal.id} ${holder}`, before: current ? { stance: current.stance, machineStance: current.machineStance } : null, after, ...who,
    positions: [[proposal.id, holder]],
  });
  return { edit, stance: await shownStance(store, { proposalId: proposal.id, holder }) };
}

/** Deletes a wrong stance: it no longer shows or counts; its observations stay in the store (and the history). */
export async function deleteStance(store: Store, input: { stanceId: number; expectHolder?: string }, who: Who): Promise<EditResult> {
  checkWho(who);
  const state = await editState(store);
  const { key, position } = await stanceOrFail(store, state, input.stanceId, input.expectHolder);
  const edit = await store.addEdit({
    action: 'delete-stance', target: String(position.id), before: { stance: position.stance, machineStance: position.machineStance, evidence: position.evidence },
    after: key, ...who,
  });
  return { edit, stance: null };
}

/** Moves a stance (its observations, new ones included) to another holder, another proposal, or both. */
export async function reassignStance(store: Store, input: { stanceId: number; holder?: string | null; proposalId?: string | null; expectHolder?: string }, who: Who): Promise<EditResult> {
  checkWho(who);
  if (!input.holder && !input.proposalId) throw bad('reassign to what? give a holder, a proposal or both');
  const state = await editState(store);
  const { key, position } = await stanceOrFail(store, state, input.stanceId, input.expectHolder);
  const proposalId = input.proposalId ? (await proposalOrFail(store, state, input.proposalId)).id : key.proposalId;
  const holder = input.holder ? await holderOrFail(store, input.holder) : key.holder;
  if (proposalId === key.proposalId && holder === key.holder) throw bad(`stance ${input.stanceId} is ${holder}'s on ${proposalId} already`);
  const to = { proposalId, holder };
  const edit = await store.addEdit({
    action: 'reassign-stance', target: String(position.id), before: key, after: to, ...who, positions: [[proposalId, holder]],
  });
  return { edit, stance: await shownStance(store, to) };
}

/** Merges proposal `from` into `into`: one entry, their stances together; kept for the articles that come later. */
export async function mergeProposals(store: Store, input: { into: string; from: string }, who: Who): Promise<{ edit: EditRow; proposal: ViewedProposal }> {
  checkWho(who);
  const state = await editState(store);
  const into = await proposalOrFail(store, state, input.into);
  const from = await proposalOrFail(store, state, input.from);
  if (into.id === from.id) throw bad(input.into === input.from ? `cannot merge proposal ${into.id} with itself` : `${input.from} is merged into ${into.id} already`);
  const edit = await store.addEdit({
    action: 'merge-proposals', target: into.id, before: { into: into.summary, from: from.summary }, after: { into: into.id, from: from.id }, ...who,
  });
  return { edit, proposal: (await viewProposal(store, into.id))! };
}

/** Splits observations off a proposal into a new one (named `name`, else the old name marked as split). */
export async function splitProposal(store: Store, input: { proposalId: string; observations: number[]; name?: string | null }, who: Who): Promise<{ edit: EditRow; proposal: ViewedProposal }> {
  checkWho(who);
  const state = await editState(store);
  const source = await proposalOrFail(store, state, input.proposalId);
  const ids = [...new Set(input.observations)];
  if (!ids.length) throw bad('give the observations to split off (their ids, from the proposal\'s history)');
  for (const id of ids) if (!Number.isSafeInteger(id) || id < 1) throw bad(`an observation id is a positive whole number, not ${id}`);
  const found = new Map((await store.numberedObservations({ ids })).map((o) => [o.id, o]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw notFound(`no observation with id ${missing.join(', ')}`);
  for (const o of found.values()) {
    const at = state.effective(o.proposalId, o.holder, o.id).proposalId;
    if (at !== source.id) throw bad(`observation ${o.id} is on proposal ${at}, not ${source.id}`);
  }
  const name = (input.name ?? '').trim() || `${source.summary} (split)`;
  if (name.length > 200) throw bad('a proposal name is at most 200 characters');
  const obs = [...found.values()];
  const dates = obs.map((o) => o.date).filter((d): d is string => !!d).sort();
  const id = `P${createHash('sha256').update(`split/${source.id}/${ids.join(',')}/${Date.now()}/${Math.random()}`).digest('hex').slice(0, 10)}`;
  const edit = await store.addEdit({
    action: 'split-proposal', target: source.id, before: { summary: source.summary }, after: { from: source.id, proposal: id, name, observations: ids }, ...who,
    proposal: { id, key: `split-${source.key}`.slice(0, 200), summary: name, proposer: source.proposer, body: source.body, firstSeen: dates[0] ?? null, lastSeen: dates[dates.length - 1] ?? null, terms: [] },
    positions: [...new Map(obs.map((o) => [o.holder, [id, o.holder] as [string, string]])).values()],
  });
  return { edit, proposal: (await viewProposal(store, id))! };
}

/** Renames a proposal (the machine's name is kept beside it). */
export async function renameProposal(store: Store, input: { proposalId: string; name: string }, who: Who): Promise<{ edit: EditRow; proposal: ViewedProposal }> {
  checkWho(who);
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw bad('a proposal name cannot be empty');
  if (name.length > 200) throw bad('a proposal name is at most 200 characters');
  const state = await editState(store);
  const p = await proposalOrFail(store, state, input.proposalId);
  const edit = await store.addEdit({ action: 'rename-proposal', target: p.id, before: { name: p.summary }, after: { name }, ...who });
  return { edit, proposal: (await viewProposal(store, p.id))! };
}

/** Reverts one edit (audited as an `undo` edit). */
export async function undoEdit(store: Store, input: { editId: number }, who: Who): Promise<EditRow> {
  checkWho(who);
  if (!Number.isSafeInteger(input.editId) || input.editId < 1) throw bad(`an EDIT_ID is a positive whole number, not ${input.editId}`);
  return store.undoEdit(input.editId, who);
}
