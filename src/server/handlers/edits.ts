// The analyst's editing endpoints (set, add, delete, reassign a stance; merge, split, rename a proposal; undo) and the audit log.
import { z } from 'zod';
import { addStance, deleteStance, mergeProposals, reassignStance, renameProposal, setStance, splitProposal, undoEdit, type Who } from '../../aggregate/edit-actions.js';
import { editsConcerning } from '../../aggregate/editorial-view.js';
import { ANALYST_STANCES } from '../../aggregate/edit-state.js';
import { editState } from '../../aggregate/positions.js';
import { ApiError } from '../api-error.js';
import type { RouteContext } from '../route.js';

/** Text a store can hold: PostgreSQL refuses U+0000. */
const noNul = (s: string) => !s.includes('\0');
const text = (max: number) => z.string().max(max).refine(noNul, 'no NUL characters');

/** Who and why, in every editing body: `author` defaults to "api". */
const who = {
  note: text(2000).nullish().describe('why: kept with the edit'),
  author: text(200).min(1).optional().describe('who edits (default: api)'),
};
const stanceLabel = z.enum(ANALYST_STANCES as [string, ...string[]]);
/** `expect`: the holder the client believes the stance is of; a stance of another holder is refused (a mistyped id changes nothing). */
const expect = text(200).optional().describe("the holder key the stance should be of: another holder's stance is refused");

export const CorrectionBody = z.strictObject({ stance: stanceLabel.describe(ANALYST_STANCES.join(', ')), expect, ...who });
export const DeleteBody = z.strictObject({ expect, ...who });
export const ReassignBody = z.strictObject({ holder: text(200).optional(), proposal: text(200).optional(), expect, ...who });
export const AddStanceBody = z.strictObject({
  proposal: text(200), holder: text(200), stance: stanceLabel,
  article: text(200).nullish().describe('the article the evidence is in'),
  start: z.number().int().min(0).nullish(), end: z.number().int().min(0).nullish(),
  text: text(5000).nullish().describe('the evidence as quoted text (found in the article when one is given)'),
  date: text(10).nullish(), ...who,
});
export const MergeBody = z.strictObject({ other: text(200).describe('the proposal merged into this one'), ...who });
export const SplitBody = z.strictObject({ observations: z.array(z.number().int().min(1)).min(1).max(10000), name: text(200).nullish(), ...who });
export const RenameBody = z.strictObject({ name: text(200).min(1), ...who });
export const UndoBody = z.strictObject({ ...who });

/** A numeric id in the path: a positive whole number a double holds exactly. */
const numericId = (what: string) => z.object({
  id: z.string().regex(/^[1-9]\d{0,15}$/, `${what} is a positive whole number`).refine((v) => Number.isSafeInteger(Number(v)), `${what} is at most 2^53 - 1`),
});
export const StanceParams = numericId('a stance id');
export const EditParams = numericId('an edit id');

/** The JSON body, checked against its schema; one error shape for what does not parse or validate. */
async function body<T extends z.ZodType>(c: RouteContext<unknown>['c'], schema: T, example: string): Promise<z.infer<T>> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new ApiError('bad-request', `the body must be JSON: ${example}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError('bad-request', z.prettifyError(parsed.error).replace(/\n\s*/g, ' '));
  return parsed.data;
}

const whoOf = (b: { author?: string; note?: string | null }): Who => ({ author: b.author ?? 'api', note: b.note ?? null });

export async function postCorrection({ c, store, params }: RouteContext<unknown>) {
  const b = await body(c, CorrectionBody, '{"stance": "support" | "oppose" | "undecided" | "abstain", "note"?, "author"?, "expect"?}');
  const r = await setStance(store, { stanceId: Number(params.id), stance: b.stance, expectHolder: b.expect }, whoOf(b));
  const s = r.stance!;
  return c.json({
    id: r.edit.id, stanceId: s.id, proposalId: s.proposal, holder: s.holder, stance: s.stance, note: r.edit.note, author: r.edit.author, createdAt: r.edit.createdAt,
    edit: r.edit, position: s,
  }, 201);
}

export async function postDelete({ c, store, params }: RouteContext<unknown>) {
  const b = await body(c, DeleteBody, '{"note"?, "author"?, "expect"?}');
  return c.json(await deleteStance(store, { stanceId: Number(params.id), expectHolder: b.expect }, whoOf(b)), 201);
}

export async function postReassign({ c, store, params }: RouteContext<unknown>) {
  const b = await body(c, ReassignBody, '{"holder"?, "proposal"?, "note"?, "author"?, "expect"?}');
  return c.json(await reassignStance(store, { stanceId: Number(params.id), holder: b.holder, proposalId: b.proposal, expectHolder: b.expect }, whoOf(b)), 201);
}

export async function postStance({ c, store }: RouteContext<unknown>) {
  const b = await body(c, AddStanceBody, '{"proposal", "holder", "stance", "article"?, "start"?, "end"?, "text"?, "date"?, "note"?, "author"?}');
  return c.json(await addStance(store, { proposalId: b.proposal, holder: b.holder, stance: b.stance, articleId: b.article, start: b.start, end: b.end, text: b.text, date: b.date }, whoOf(b)), 201);
}

export async function postMerge({ c, store, params }: RouteContext<unknown>) {
  const b = await body(c, MergeBody, '{"other": PROPOSAL_ID, "note"?, "author"?}');
  return c.json(await mergeProposals(store, { into: params.id, from: b.other }, whoOf(b)), 201);
}

export async function postSplit({ c, store, params }: RouteContext<unknown>) {
  const b = await body(c, SplitBody, '{"observations": [ids], "name"?, "note"?, "author"?}');
  return c.json(await splitProposal(store, { proposalId: params.id, observations: b.observations, name: b.name }, whoOf(b)), 201);
}

export async function postRename({ c, store, params }: RouteContext<unknown>) {
  const b = await body(c, RenameBody, '{"name", "note"?, "author"?}');
  return c.json(await renameProposal(store, { proposalId: params.id, name: b.name }, whoOf(b)), 201);
}

export async function postUndo({ c, store, params }: RouteContext<unknown>) {
  const b = await body(c, UndoBody, '{"note"?, "author"?}');
  return c.json(await undoEdit(store, { editId: Number(params.id) }, whoOf(b)), 201);
}

export const EditListQuery = z.strictObject({
  since: z.string().optional().describe('only edits made at or after this ISO time or date'),
  proposal: z.string().optional().describe('only edits that concern this proposal'),
});

export async function listEdits({ store, query }: RouteContext<z.infer<typeof EditListQuery>>) {
  if (query.proposal) {
    const state = await editState(store);
    const id = state.resolve(query.proposal);
    if (!await store.proposal(id)) throw new ApiError('not-found', `no proposal with id ${query.proposal}`);
    return editsConcerning(state, [id, ...[...state.mergedInto.keys()].filter((m) => state.resolve(m) === id)]).filter((e) => !query.since || e.createdAt >= query.since);
  }
  return store.edits(query.since ? { since: query.since } : {});
}
