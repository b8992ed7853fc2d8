// Every API route in one place: method, path, summary, inputs and handler (the OpenAPI document is built from this list).
import { oneActor, QuoteQuery, searchQuotes } from './handlers/actors.js';
import { AlertQuery, alertsAtom, listAlerts } from './handlers/alerts.js';
import { ArticleListQuery, listArticles, oneArticle, postArticles } from './handlers/articles.js';
import { ExportQuery, getExport } from './handlers/export.js';
import { getOutlook, OutlookQuery } from './handlers/outlook.js';
import { listProposals, oneProposal, ProposalListQuery, ProposalPageQuery } from './handlers/proposals.js';
import { ChangesQuery, FeedQuery, getChanges, getChangesAtom } from './handlers/changes.js';
import {
  AddStanceBody, CorrectionBody, DeleteBody, EditListQuery, EditParams, listEdits, MergeBody, postCorrection, postDelete, postMerge, postReassign, postRename,
  postSplit, postStance, postUndo, ReassignBody, RenameBody, SplitBody, StanceParams, UndoBody,
} from './handlers/edits.js';
import { getSearch, SearchQuery } from './handlers/search.js';
import { openApiDocument } from './openapi.js';
import { route, type Route } from './route.js';

const json = (description: string, status = 200) => ({ status, description });

export const ROUTES: Route<any>[] = [
  route({ method: 'GET', path: '/api', summary: 'what this server holds: counts and where the OpenAPI document is', response: json('{name, counts, openapi}'),
    handler: async ({ store }) => ({ name: 'standpoint', counts: await store.counts(), openapi: '/api/openapi.json' }) }),
  route({ method: 'GET', path: '/api/openapi.json', summary: 'this API, described in OpenAPI 3.1', response: json('the OpenAPI document'),
    handler: async () => openApiDocument(ROUTES) }),
  route({ method: 'GET', path: '/api/proposals', summary: 'proposals, newest activity first, as `standpoint proposals --json` prints them', query: ProposalListQuery,
    response: json('[{id, summary, proposer, body, articles, firstSeen, lastSeen, stances: [...]}] (with extra=outlook, each with `outlook`)'), handler: listProposals }),
  route({ method: 'GET', path: '/api/proposals/:id', summary: 'one proposal: current stances, its newest observations and all of them on a chart, quotes, outlook and articles',
    query: ProposalPageQuery,
    response: json('{proposal, stances, history, historyTotal, chart: [{holder, deleted, points: [[date, stance, observations]]}], analyst, quotes, outlook, outlookError, decided, edits, articles, names}'),
    handler: oneProposal }),
  route({ method: 'GET', path: '/api/actors/:key', summary: 'one actor (person:…, country:ISO3, org:…): roles, positions and quotes',
    response: json('{actor, roles, observations, quotes, proposals, articles}'), handler: oneActor }),
  route({ method: 'GET', path: '/api/articles', summary: 'stored articles, newest first', query: ArticleListQuery, response: json('[{id, date, title, url, source, file, language, copyOf}]'), handler: listArticles }),
  route({ method: 'GET', path: '/api/articles/:id', summary: 'one article with its analysis record (text, actors, quotes, proposals, stances)',
    response: json('{article, record, proposals: {localId: proposalId}}'), handler: oneArticle }),
  route({ method: 'GET', path: '/api/search', summary: 'full-text search over proposals, quotes and articles, with filters, as `standpoint search --json`', query: SearchQuery,
    response: json('{query, filters, proposals, quotes, articles, more, names, message}: each text as {text, matches: [{start, end}]}; empty lists and a message when nothing matches'),
    handler: getSearch }),
  route({ method: 'GET', path: '/api/quotes', summary: 'search quotes by text, speaker or article', query: QuoteQuery, response: json('[{articleId, localId, kind, text, speaker, start, end}]'), handler: searchQuotes }),
  route({ method: 'GET', path: '/api/outlook', summary: "a proposal's outlook, or a what-if (body, date, stances), as `standpoint outlook --json`", query: OutlookQuery,
    response: json('{body, date, rule, members, status, support, oppose, undecided, unknown, blockers, needs, ...}'), handler: getOutlook }),
  route({ method: 'GET', path: '/api/export', summary: 'the store as JSON Lines or CSV, as `standpoint export`', query: ExportQuery,
    response: { status: 200, description: 'rows, one per line', mediaType: 'application/x-ndjson' }, handler: getExport }),
  route({ method: 'GET', path: '/api/alerts', summary: 'what changed on followed proposals (new stances, changed stances and outlooks), as `standpoint watch` raised it, newest first', query: AlertQuery,
    response: json('[{id, kind, proposalId, holder, oldValue, newValue, articleId, detail, createdAt}]'), handler: listAlerts }),
  route({ method: 'GET', path: '/api/alerts.atom', summary: 'the same changes as an Atom feed ("what changed"), to follow in a feed reader', query: AlertQuery,
    response: { status: 200, description: 'an Atom feed, one entry per change', mediaType: 'application/atom+xml' }, handler: alertsAtom }),
  route({ method: 'POST', path: '/api/articles', summary: 'analyse and store articles: text, HTML, JSON article(s), or {"url": …} to fetch', auth: true,
    body: { 'text/plain': 'an article as text (a leading " date YYYY-MM-DD " line is read as its date)', 'text/html': 'a web page',
      'application/json': 'one article {text, id?, date?, title?, url?, source?}, or {url} to fetch over http(s)', 'application/x-ndjson': 'articles, one JSON object a line' },
    response: json('{articles: [{id, status, title, date, proposals, warnings}], failed: [{code, message}]}', 201), handler: postArticles }),
  route({ method: 'POST', path: '/api/stances/:id/corrections', summary: "set a holder's stance (support, oppose, undecided, abstain): an audited edit", auth: true, params: StanceParams,
    body: { 'application/json': CorrectionBody }, response: json('{id, stanceId, proposalId, holder, stance, note, author, createdAt, edit, position}', 201), handler: postCorrection }),
  route({ method: 'POST', path: '/api/stances/:id/delete', summary: 'delete a wrong stance (undo brings it back)', auth: true, params: StanceParams,
    body: { 'application/json': DeleteBody }, response: json('{edit, stance: null}', 201), handler: postDelete }),
  route({ method: 'POST', path: '/api/stances/:id/reassign', summary: 'reassign a stance to another holder, another proposal, or both', auth: true, params: StanceParams,
    body: { 'application/json': ReassignBody }, response: json('{edit, stance}', 201), handler: postReassign }),
  route({ method: 'POST', path: '/api/stances', summary: 'add a stance the machine missed, with its evidence', auth: true,
    body: { 'application/json': AddStanceBody }, response: json('{edit, stance}', 201), handler: postStance }),
  route({ method: 'POST', path: '/api/proposals/:id/merge', summary: 'merge another proposal into this one (kept for later articles)', auth: true,
    body: { 'application/json': MergeBody }, response: json('{edit, proposal}', 201), handler: postMerge }),
  route({ method: 'POST', path: '/api/proposals/:id/split', summary: 'split observations off this proposal into a new one', auth: true,
    body: { 'application/json': SplitBody }, response: json('{edit, proposal}', 201), handler: postSplit }),
  route({ method: 'POST', path: '/api/proposals/:id/rename', summary: 'rename this proposal (the machine name is kept beside it)', auth: true,
    body: { 'application/json': RenameBody }, response: json('{edit, proposal}', 201), handler: postRename }),
  route({ method: 'POST', path: '/api/edits/:id/undo', summary: 'revert one edit (the undo is an audited edit too)', auth: true, params: EditParams,
    body: { 'application/json': UndoBody }, response: json('the undo edit {id, action: "undo", target, before, after, author, note, createdAt, undoneBy}', 201), handler: postUndo }),
  route({ method: 'GET', path: '/api/edits', summary: 'the audit log: every edit, oldest first (or those of one proposal, newest first)', query: EditListQuery,
    response: json('[{id, action, target, before, after, author, note, createdAt, undoneBy}]'), handler: listEdits }),
  route({ method: 'GET', path: '/api/changes', summary: 'what changed since a time: new proposals, stances changed by new articles, analysts\' edits', query: ChangesQuery,
    response: json('{since, newProposals: [...], stances: [...], edits: [{edit, text}]}'), handler: getChanges }),
  route({ method: 'GET', path: '/api/changes.atom', summary: 'what changed, as an Atom feed (default: the last seven days)', query: FeedQuery,
    response: { status: 200, description: 'an Atom 1.0 feed', mediaType: 'application/atom+xml' }, handler: getChangesAtom }),
];
