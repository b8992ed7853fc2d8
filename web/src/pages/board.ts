// The board (/): proposals, newest activity first, with proposer, body, outlook badge and stance counts; search and filters.
import { get, type ProposalSummary } from '../api.js';
import { add, h, link } from '../dom.js';
import { navigate } from '../main.js';
import { outlookBadge, stanceBadge } from '../stance.js';

/** Proposals a page shows; older ones are a link away. */
const PAGE = 100;

/** The deciding bodies the analyser names on proposals. */
const BODIES = ['org:NATO', 'org:EU', 'org:UNSC', 'org:UN', 'org:UNGA', 'org:G7'];

/** Stances of one of the three labels; an abstention counts as undecided (the badge's title says how many abstained). */
const count = (p: ProposalSummary, stance: string) => p.stances.filter((s) => (s.stance === 'abstain' ? 'undecided' : s.stance) === stance).length;

const proposerName = (p: ProposalSummary) => (p.proposer ? p.stances.find((s) => s.holder === p.proposer)?.name ?? p.proposer : 'unknown');

const pageHref = (q: string, body: string, offset: number) => {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (body) params.set('body', body);
  if (offset) params.set('offset', String(offset));
  return `/${params.size ? `?${params}` : ''}`;
};

export async function showBoard(root: HTMLElement, search: URLSearchParams): Promise<void> {
  const q = search.get('q') ?? '';
  const body = search.get('body') ?? '';
  const offset = Math.max(0, Number(search.get('offset') ?? 0) || 0);
  const list = await get<ProposalSummary[]>('/api/proposals', { extra: 'outlook', limit: String(PAGE), offset: String(offset), q: q || undefined, body: body || undefined });
  const bodies = [...new Set([...BODIES, ...(body ? [body] : [])])];
  document.title = 'Standpoint: proposals';

  const input = h('input', { type: 'search', name: 'q', value: q, placeholder: 'peacekeeping, sanctions, accession…', 'aria-label': 'Search proposals' });
  const select = h('select', { name: 'body', 'aria-label': 'Deciding body' },
    h('option', { value: '' }, 'any body'), bodies.map((b) => h('option', { value: b, selected: b === body }, b.replace(/^org:/, ''))));
  const form = h('form', { class: 'filters', role: 'search' }, input, select, h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (select.value) params.set('body', select.value);
    navigate(`/${params.size ? `?${params}` : ''}`);
  });
  select.addEventListener('change', () => form.requestSubmit());

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
    list.length
      ? h('div', { class: 'scroll' }, h('table', { class: 'board' },
        h('caption', { class: 'sr-only' }, 'Proposals, newest activity first'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Proposal'), h('th', { scope: 'col' }, 'Proposer'), h('th', { scope: 'col' }, 'Body'), h('th', { scope: 'col' }, 'Outlook'), h('th', { scope: 'col' }, 'Support / oppose / undecided'))),
        h('tbody', {}, rows)))
      : h('p', { class: 'empty' }, q || body ? 'No proposal matches.' : 'No proposals stored yet: ingest articles with `standpoint ingest` or POST /api/articles.'),
    h('nav', { class: 'pages', 'aria-label': 'More proposals' },
      offset > 0 ? link(pageHref(q, body, Math.max(0, offset - PAGE)), '← Newer') : null, ' ',
      list.length === PAGE ? link(pageHref(q, body, offset + PAGE), 'Older →') : null),
  );
}
