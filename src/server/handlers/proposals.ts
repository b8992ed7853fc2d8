// GET /api/proposals (the board's list: exactly `standpoint proposals --json`) and GET /api/proposals/:id (one proposal's page).
import { z } from 'zod';
import { describeEdit } from '../../aggregate/changes.js';
import { lexiconName } from '../../aggregate/holder-names.js';
import { editsConcerning, proposalHistoryPage } from '../../aggregate/editorial-view.js';
import { editState, positionsOf, summarize, viewProposal, type ProposalSummary } from '../../aggregate/positions.js';
import { OutlookError } from '../../institutions/index.js';
import { bodyOfProposal } from '../../institutions/body-name.js';
import { decisionsOf } from '../../aggregate/decisions.js';
import { outlookOfPositions, withDecision } from '../../institutions/proposal-outlook.js';
import { ApiError } from '../api-error.js';
import type { RouteContext } from '../route.js';
import { bodyKey, holderKey, paging, wholeNumber } from './query.js';

export const ProposalListQuery = z.strictObject({
  q: z.string().optional().describe('only proposals whose summary or key contains this text'),
  body: bodyKey.optional().describe('only proposals decided by this body (org:NATO, or NATO)'),
  proposer: holderKey.optional().describe('only proposals put forward by this holder (country:POL, or POL)'),
  ...paging(100, 1000),
  extra: z.literal('outlook').optional().describe('outlook: add each proposal\'s outlook (body, date, status, blockers) as `outlook`'),
});

/** The board's badge: what the body's rule makes of the proposal today, or null when it names no body. */
export function outlookBadge(p: ProposalSummary) {
  if (!bodyOfProposal(p.body)) return null; // no body to decide it: said without raising an error per proposal
  try {
    const { outlook: o } = outlookOfPositions(p, p.stances.map((s) => ({ holder: s.holder, stance: s.stance, condition: null })));
    return { body: o.body, date: o.date, status: o.status, members: o.members, blockers: o.blockers.map((k) => ({ key: k, name: o.names[k] ?? k })) };
  } catch (err) {
    if (err instanceof OutlookError) return null;
    throw err;
  }
}

export async function listProposals({ store, query }: RouteContext<z.infer<typeof ProposalListQuery>>) {
  const { extra, ...filter } = query;
  const list = await summarize(store, await store.proposals(filter));
  return extra === 'outlook' ? list.map((p) => ({ ...p, outlook: outlookBadge(p) })) : list;
}

/** The observations a proposal's page lists unless asked for more: as many as the page shows. */
export const HISTORY_LISTED = 200;

export const ProposalPageQuery = z.strictObject({
  history: wholeNumber(0, 1_000_000).default(HISTORY_LISTED)
    .describe(`list the newest this many observations (default ${HISTORY_LISTED}); \`historyTotal\` counts them all and \`chart\` has every one`),
});

/**
 * Everything a proposal's page shows, as the analyst sees it: the proposal, current stances, its newest observations (where
 * they count now) and how many there are, every observation on the chart (by holder: [date, stance, count]), the analyst's
 * stances, the edits that concern it, the quotes of the listed observations, the outlook and the articles of what is listed.
 */
export async function oneProposal({ store, params, query }: RouteContext<z.infer<typeof ProposalPageQuery>>) {
  const state = await editState(store);
  const proposal = await viewProposal(store, params.id, state);
  if (!proposal) throw new ApiError('not-found', `no proposal with id ${params.id}`);
  const [stances, { history, total, chart, analyst }, decisions] = await Promise.all([
    positionsOf(store, [proposal.id], state), proposalHistoryPage(store, proposal.id, query.history ?? HISTORY_LISTED, state), decisionsOf(store, proposal.id)]);
  const decided = decisions[0] ?? null;
  let outlook = null;
  let outlookError = null;
  try {
    outlook = outlookOfPositions(proposal, withDecision(stances, decided));
  } catch (err) {
    if (!(err instanceof OutlookError)) throw err;
    outlookError = { code: err.code, message: err.message };
  }
  const quotes = history.filter((o) => o.quote && !o.deleted).map((o) => ({ holder: o.holder, actor: o.actor, text: o.quote!, date: o.date, articleId: o.articleId }));
  const articleIds = [...history.map((o) => o.articleId), ...stances.map((s) => s.article).filter((a): a is string => !!a)];
  // The holders' names came with their stances: only the other keys the page names are read (at the same time as the articles).
  const named = new Set(stances.map((s) => s.holder));
  const unnamed = [...new Set([...history.flatMap((o) => [o.actor, o.holder]), ...(proposal.proposer ? [proposal.proposer] : [])])].filter((k) => !named.has(k));
  const [articles, actors] = await Promise.all([store.articlesByIds([...new Set(articleIds)]), unnamed.length ? store.actors(unnamed) : []]);
  const names: Record<string, string> = { ...Object.fromEntries(stances.map((s) => [s.holder, s.name])), ...Object.fromEntries(actors.map((a) => [a.key, a.name])), [proposal.id]: proposal.summary };
  return {
    proposal, stances, history, historyTotal: total, chart, analyst, quotes, outlook, outlookError, decided,
    edits: editsConcerning(state, [proposal.id, ...(proposal.mergedFrom ?? [])]).map((e) => ({ ...e, text: describeEdit(e, (k) => names[k] ?? lexiconName(k)) })),
    articles: articles.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')),
    names,
    ...(proposal.id !== params.id ? { redirectedFrom: params.id } : {}),
  };
}
