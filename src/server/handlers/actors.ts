// GET /api/actors/:key (one actor with roles, positions and quotes) and GET /api/quotes (quote search).
import { z } from 'zod';
import { holderStances } from '../../aggregate/editorial-view.js';
import { editState, viewProposals } from '../../aggregate/positions.js';
import { ApiError } from '../api-error.js';
import type { RouteContext } from '../route.js';
import { paging } from './query.js';

/** The actor as `standpoint actor --json` shows it, with the summaries of the proposals it took positions on. */
export async function oneActor({ store, params }: RouteContext<unknown>) {
  const actor = await store.actor(params.key);
  if (!actor) throw new ApiError('not-found', `no actor with key ${params.key}`);
  // A country's or organisation's positions include those its people took for it.
  const observations = await store.observations(actor.kind === 'person' ? { actor: actor.key } : { holder: actor.key });
  const [quotes, roles] = await Promise.all([
    store.quotes({ speaker: actor.key, limit: 200 }), actor.kind === 'person' ? store.roles(actor.key) : Promise.resolve([]),
  ]);
  // The analyst's view: the holder's current stances (edits applied), and each observation under the proposal it counts for now.
  const state = await editState(store);
  const stances = await holderStances(store, actor.key, state);
  const shown = observations.map((o) => ({ ...o, proposalId: state.resolve(o.proposalId) }));
  const ids = [...new Set([...shown.map((o) => o.proposalId), ...stances.map((s) => s.proposal)])];
  const proposals = (await viewProposals(store, (await Promise.all(ids.map((id) => store.proposal(id)))).filter((p) => p !== null), state));
  const articles = await store.articlesByIds([...new Set([...observations.map((o) => o.articleId), ...quotes.map((q) => q.articleId), ...stances.flatMap((s) => (s.article ? [s.article] : []))])]);
  return { actor, roles, stances, observations: shown, quotes, proposals, articles };
}

export const QuoteQuery = z.strictObject({
  q: z.string().optional().describe('only quotes containing this text'),
  speaker: z.string().optional().describe('only quotes of this actor key'),
  article: z.string().optional().describe('only quotes from this article'),
  limit: paging(50, 500).limit,
});

export async function searchQuotes({ store, query }: RouteContext<z.infer<typeof QuoteQuery>>) {
  return store.quotes({ q: query.q, speaker: query.speaker, articleId: query.article, limit: query.limit });
}
