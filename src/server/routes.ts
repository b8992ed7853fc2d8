// Every API route in one place: method, path, summary, inputs and handler (the OpenAPI document is built from this list).
import { oneActor, QuoteQuery, searchQuotes } from './handlers/actors.js';
import { AlertQuery, alertsAtom, listAlerts } from './handlers/alerts.js';
import { ArticleListQuery, listArticles, oneArticle, postArticles } from './handlers/articles.js';
import { ExportQuery, getExport } from './handlers/export.js';
import { getOutlook, OutlookQuery } from './handlers/outlook.js';
import { listProposals, oneProposal, ProposalListQuery } from './handlers/proposals.js';
import { CorrectionBody, postCorrection, StanceParams } from './handlers/writes.js';
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
  route({ method: 'GET', path: '/api/proposals/:id', summary: 'one proposal: current stances, every observation, quotes, outlook and articles',
    response: json('{proposal, stances, history, quotes, outlook, outlookError, articles, names}'), handler: oneProposal }),
  route({ method: 'GET', path: '/api/actors/:key', summary: 'one actor (person:…, country:ISO3, org:…): roles, positions and quotes',
    response: json('{actor, roles, observations, quotes, proposals, articles}'), handler: oneActor }),
  route({ method: 'GET', path: '/api/articles', summary: 'stored articles, newest first', query: ArticleListQuery, response: json('[{id, date, title, url, source, file, language, copyOf}]'), handler: listArticles }),
  route({ method: 'GET', path: '/api/articles/:id', summary: 'one article with its analysis record (text, actors, quotes, proposals, stances)',
    response: json('{article, record, proposals: {localId: proposalId}}'), handler: oneArticle }),
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
  route({ method: 'POST', path: '/api/stances/:id/corrections', summary: "correct a holder's stance (the STANCE_ID of a proposal's stances)", auth: true, params: StanceParams,
    body: { 'application/json': CorrectionBody }, response: json('the correction {id, stanceId, proposalId, holder, stance, note, author, createdAt}', 201), handler: postCorrection }),
];
