// What changed since a time: new proposals, stances that new articles changed, and the analysts' edits (who changed what).
import { currentOf, emptyState, foldObservation, type StanceState } from '../store/current-stance.js';
import type { ArticleRow, EditRow, Store } from '../store/store.js';
import { StoreError } from '../store/store.js';
import { pairKey, type AddStanceAfter, type MergeAfter, type RenameAfter, type SplitAfter, type StanceKey } from './edit-state.js';
import { lexiconName } from './holder-names.js';
import { editedObservations, editState, positionsOf, viewProposals } from './positions.js';

export interface ChangedStance {
  proposalId: string;
  proposal: string;
  holder: string;
  name: string;
  /** The machine's stance from the articles stored before `since` (null: none), and from all of them now. */
  before: string | null;
  after: string | null;
  /** What the page shows now (the analyst's stance when one is set). */
  shown: string | null;
  /** The new articles that changed it. */
  articles: Array<Pick<ArticleRow, 'id' | 'title' | 'source' | 'url' | 'date'>>;
  at: string;
}

export interface ChangedEdit { edit: EditRow; text: string }

export interface Changes {
  since: string;
  newProposals: Array<{ id: string; summary: string; proposer: string | null; body: string | null; at: string }>;
  stances: ChangedStance[];
  edits: ChangedEdit[];
}

/** `YYYY-MM-DD` (midnight UTC) or an ISO time, as an ISO time; anything else is bad input. */
export function parseSince(text: string): string {
  const t = text.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00.000Z` : t;
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new StoreError('bad-input', `bad date "${text}": expected YYYY-MM-DD or an ISO time (2025-03-01T12:00:00Z)`);
  return new Date(ms).toISOString();
}

/** One line saying what an edit did, with names where known. */
export function describeEdit(e: EditRow, name: (key: string) => string = (k) => k): string {
  const a = e.after as Record<string, unknown> | null;
  const b = e.before as Record<string, unknown> | null;
  switch (e.action) {
    case 'set-stance': return `${e.author} set ${name(String(a!.holder))}'s stance on ${name(String(a!.proposalId))} to ${a!.stance}${b?.stance ? ` (was ${b.stance})` : ''}`;
    case 'add-stance': { const x = a as unknown as AddStanceAfter; return `${e.author} added ${name(x.holder)}'s stance on ${name(x.proposalId)}: ${x.stance} (“${x.evidence.slice(0, 80)}”)`; }
    case 'delete-stance': return `${e.author} deleted ${name(String(a!.holder))}'s stance on ${name(String(a!.proposalId))}${b?.stance ? ` (was ${b.stance})` : ''}`;
    case 'reassign-stance': { const f = b as unknown as StanceKey; const t = a as unknown as StanceKey; return `${e.author} reassigned ${name(f.holder)}'s stance on ${name(f.proposalId)} to ${name(t.holder)} on ${name(t.proposalId)}`; }
    case 'merge-proposals': { const m = a as unknown as MergeAfter; return `${e.author} merged ${name(m.from)} into ${name(m.into)}`; }
    case 'split-proposal': { const s = a as unknown as SplitAfter; return `${e.author} split ${s.observations.length} observation(s) off ${name(s.from)} into “${s.name}” (${s.proposal})`; }
    case 'rename-proposal': return `${e.author} renamed ${e.target} from “${String(b?.name ?? '')}” to “${(a as unknown as RenameAfter).name}”`;
    case 'undo': return `${e.author} undid edit ${e.target} (${String(b?.action ?? '')})`;
    default: return `${e.author}: ${e.action} ${e.target}`;
  }
}

const stanceOf = (s: StanceState | undefined) => (s ? currentOf(s)?.stance ?? null : null);

/** Everything that changed since `since` (an ISO time): the CLI's `changes`, the API's /api/changes, the page and the feed. */
export async function changesSince(store: Store, sinceText: string): Promise<Changes> {
  const since = parseSince(sinceText);
  const state = await editState(store);
  const stored = await store.articlesStoredSince(since);
  const fresh = stored.filter((a) => !a.copyOf);
  const freshIds = new Set(fresh.map((a) => a.id));

  // New proposals: those the store first heard of since then (and those a split made since).
  const mentioned = new Set<string>();
  for (const a of stored) for (const m of await store.mentions({ articleId: a.id })) mentioned.add(m.proposalId);
  const firstHeard = await store.proposalsStoredAt([...mentioned]);
  const newIds = [...firstHeard].filter(([, at]) => at >= since).map(([id]) => id);
  const splitNew = state.active.filter((e) => e.action === 'split-proposal' && e.createdAt >= since).map((e) => (e.after as SplitAfter).proposal);
  const rows = (await Promise.all([...new Set([...newIds, ...splitNew])].map((id) => store.proposal(id)))).filter((p) => p !== null);
  const viewed = await viewProposals(store, rows, state);
  const at = new Map([...firstHeard, ...state.active.filter((e) => e.action === 'split-proposal').map((e) => [(e.after as SplitAfter).proposal, e.createdAt] as const)]);
  const newProposals = viewed.map((p) => ({ id: p.id, summary: p.summary, proposer: p.proposer, body: p.body, at: at.get(p.id) ?? since }));

  // Stances new articles changed: the machine's stance from the older observations against that from all of them.
  const touched = await store.numberedObservations({ articleIds: [...freshIds] });
  const proposals = [...new Set(touched.map((o) => state.effective(o.proposalId, o.holder, o.id).proposalId))].filter((id) => !state.isHidden(id));
  const sources = [...new Set(proposals.flatMap((id) => [...state.sourcesOf(id)]))];
  const all = await editedObservations(store, state, sources);
  const before = new Map<string, StanceState>();
  const after = new Map<string, StanceState>();
  const by = new Map<string, Set<string>>();
  for (const o of all) {
    const k = pairKey(o.proposalId, o.holder);
    after.set(k, foldObservation(after.get(k) ?? emptyState(), o));
    if (freshIds.has(o.articleId)) by.set(k, (by.get(k) ?? new Set()).add(o.articleId));
    else before.set(k, foldObservation(before.get(k) ?? emptyState(), o));
  }
  const shown = new Map((await positionsOf(store, proposals, state)).map((p) => [pairKey(p.proposal, p.holder), p]));
  const names = new Map((await viewProposals(store, (await Promise.all(proposals.map((id) => store.proposal(id)))).filter((p) => p !== null), state)).map((p) => [p.id, p.summary]));
  const articleOf = new Map(fresh.map((a) => [a.id, a]));
  const stances: ChangedStance[] = [];
  for (const [k, ids] of by) {
    const [proposalId, holder] = k.split('\u0000');
    if (!names.has(proposalId)) continue;
    const was = stanceOf(before.get(k));
    const now = stanceOf(after.get(k));
    if (was === now) continue;
    const arts = [...ids].map((id) => articleOf.get(id)!).filter(Boolean);
    const p = shown.get(k);
    stances.push({
      proposalId, proposal: names.get(proposalId)!, holder, name: p?.name ?? holder, before: was, after: now, shown: p?.stance ?? null,
      articles: arts.map((a) => ({ id: a.id, title: a.title, source: a.source, url: a.url, date: a.date })),
      at: arts.map((a) => a.storedAt).sort().at(-1) ?? since,
    });
  }
  stances.sort((a, b) => b.at.localeCompare(a.at) || a.proposal.localeCompare(b.proposal) || a.holder.localeCompare(b.holder));

  // The analysts' edits since then, with names.
  const edits = await store.edits({ since });
  const proposalNames = new Map<string, string>();
  const ids = [...new Set(edits.flatMap((e) => [...JSON.stringify([e.target, e.after, e.before]).matchAll(/"(P[0-9a-f]{6,})"/g)].map((m) => m[1])))];
  const named = (await Promise.all(ids.map((id) => store.proposal(id)))).filter((x) => x !== null);
  for (const p of named) proposalNames.set(p.id, p.summary); // merged-away ones keep their own name here
  for (const p of await viewProposals(store, named, state)) proposalNames.set(p.id, p.summary);
  const actors = new Map((await store.actors([...new Set(edits.flatMap((e) => [(e.after as { holder?: string } | null)?.holder, (e.before as { holder?: string } | null)?.holder].filter((h): h is string => !!h)))])).map((a) => [a.key, a.name]));
  const name = (k: string) => proposalNames.get(k) ?? actors.get(k) ?? lexiconName(k);
  return { since, newProposals, stances, edits: edits.reverse().map((edit) => ({ edit, text: describeEdit(edit, name) })) };
}
