// The board (/): proposals, newest activity first, with proposer, body, outlook badge and stance counts; search and filters.
import { ApiFailure, get, type ProposalSummary } from '../api.js';
import { add, h, link } from '../dom.js';
import { navigate } from '../main.js';
import { outlookBadge, stanceBadge } from '../stance.js';
import { FILTERS, searchResults } from './search.js';

/** Proposals a page shows; older ones are a link away. */
const PAGE = 100;

/** The deciding bodies the analyser names on proposals. */
const BODIES = ['org:NATO', 'org:EU', 'org:UNSC', 'org:UN', 'org:UNGA', 'org:G7'];

/** Stances of one of the three labels; an abstention counts as undecided (the badge's title says how many abstained). */
const count = (p: ProposalSummary, stance: string) => p.stances.filter((s) => (s.stance === 'abstain' ? 'undecided' : s.stance) === stance).length;

const proposerName = (p: ProposalSummary) => (p.proposer ? p.stances.find((s) => s.holder === p.proposer)?.name ?? p.proposer : 'unknown');

const pageHref = (body: string, offset: number) => {
  const params = new URLSearchParams();
  if (body) params.set('body', body);
  if (offset) params.set('offset', String(offset));
  return `/${params.size ? `?${params}` : ''}`;
};

/** The search form: words, then the filters (kept in the address, so a search can be bookmarked and shared). */
function searchForm(q: string, filters: Record<string, string>, bodies: string[]): HTMLFormElement {
  const input = h('input', { type: 'search', name: 'q', value: q, placeholder: 'peacekeeping, sanctions, "no-fly zone"…', 'aria-label': 'Search proposals, quotes and articles' });
  const body = h('select', { name: 'body', 'aria-label': 'Deciding body' },
    h('option', { value: '' }, 'any body'), bodies.map((b) => h('option', { value: b, selected: b === filters.body }, b.replace(/^org:/, ''))));
  const stance = h('select', { name: 'stance', 'aria-label': 'Stance' },
    h('option', { value: '' }, 'any stance'), ['support', 'oppose', 'undecided', 'abstain'].map((st) => h('option', { value: st, selected: st === filters.stance }, st)));
  const text = (name: string, label: string, placeholder: string) => h('input', { type: 'text', name, value: filters[name] ?? '', placeholder, 'aria-label': label, class: 'narrow' });
  const day = (name: string, label: string) => h('label', { class: 'small' }, `${label} `, h('input', { type: 'date', name, value: filters[name] ?? '', 'aria-label': `${label} (date)` }));
  const form = h('form', { class: 'filters', role: 'search' },
    input, body, text('actor', 'Actor', 'actor: NLD, org:EU'), stance, day('since', 'from'), day('until', 'to'), text('source', 'Source', 'source'),
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) params.set(k, v.trim());
    navigate(`/${params.size ? `?${params}` : ''}`);
  });
  body.addEventListener('change', () => form.requestSubmit());
  stance.addEventListener('change', () => { if (input.value.trim()) form.requestSubmit(); });
  return form;
}

export async function showBoard(root: HTMLElement, search: URLSearchParams): Promise<void> {
  const q = (search.get('q') ?? '').trim();
  const filters: Record<string, string> = {};
  for (const k of FILTERS) { const v = search.get(k)?.trim(); if (v) filters[k] = v; }
  const body = filters.body ?? '';
  const bodies = [...new Set([...BODIES, ...(body ? [body] : [])])];
  const form = searchForm(q, filters, bodies);
  if (q) {
    document.title = `Standpoint: search “${q}”`;
    let results: HTMLElement;
    try {
      results = await searchResults(q, filters);
    } catch (err) {
      if (!(err instanceof ApiFailure) || err.status !== 400) throw err;
      results = h('p', { class: 'error', role: 'alert' }, err.message);
    }
    add(root, h('h1', {}, 'Search'), form, results);
    return;
  }
  const offset = Math.max(0, Number(search.get('offset') ?? 0) || 0);
  const list = await get<ProposalSummary[]>('/api/proposals', { extra: 'outlook', limit: String(PAGE), offset: String(offset), body: body || undefined });
  document.title = 'Standpoint: proposals';
  const narrowing = Object.keys(filters).filter((k) => k !== 'body');

  const rows = list.map((p) => h('tr', { 'data-proposal': p.id },
    h('td', {}, link(`/proposals/${encodeURIComponent(p.id)}`, p.summary), h('div', { class: 'muted small' }, `${p.articles} article${p.articles === 1 ? '' : 's'} · ${p.firstSeen ?? '?'} → ${p.lastSeen ?? '?'}`,
      p.machineSummary ? ` · renamed (machine: ${p.machineSummary})` : '', p.mergedFrom?.length ? ` · ${p.mergedFrom.length + 1} entries merged` : '',
      p.stances.some((s) => s.corrected) ? ` · ${p.stances.filter((s) => s.corrected).length} edited by analysts` : '')),
    h('td', {}, p.proposer ? link(`/actors/${encodeURIComponent(p.proposer)}`, proposerName(p)) : 'unknown'),
    h('td', {}, p.body ? p.body.replace(/^org:/, '') : '—'),
    h('td', {}, p.outlook ? outlookBadge(p.outlook.body, p.outlook.status) : h('span', { class: 'muted' }, 'no body')),
    h('td', { class: 'counts' }, stanceBadge('support', ` ${count(p, 'support')}`), ' ', stanceBadge('oppose', ` ${count(p, 'oppose')}`), ' ', stanceBadge('undecided', ` ${count(p, 'undecided')}`)),
  ));
  add(root,
    h('h1', {}, 'Proposals'),
    form,
    narrowing.length ? h('p', { class: 'muted small', role: 'status' }, `Type words to search: the ${narrowing.join(', ')} filter${narrowing.length === 1 ? '' : 's'} narrow a search.`) : null,
    list.length
      ? h('div', { class: 'scroll' }, h('table', { class: 'board' },
        h('caption', { class: 'sr-only' }, 'Proposals, newest activity first'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Proposal'), h('th', { scope: 'col' }, 'Proposer'), h('th', { scope: 'col' }, 'Body'), h('th', { scope: 'col' }, 'Outlook'), h('th', { scope: 'col' }, 'Support / oppose / undecided'))),
        h('tbody', {}, rows)))
      : h('p', { class: 'empty' }, body ? `No proposal decided by ${body.replace(/^org:/, '')} is stored.`
        : offset ? 'No more proposals.' : 'No proposals stored yet: ingest articles with `standpoint ingest` or POST /api/articles.'),
    h('nav', { class: 'pages', 'aria-label': 'More proposals' },
      offset > 0 ? link(pageHref(body, Math.max(0, offset - PAGE)), '← Newer') : null, ' ',
      list.length === PAGE ? link(pageHref(body, offset + PAGE), 'Older →') : null),
  );
}
