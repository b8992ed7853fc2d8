// The board (/): proposals, newest activity first, with proposer, body, outlook badge and stance counts; search and filters.
import { get, type ProposalSummary } from '../api.js';
import { add, h, link } from '../dom.js';
import { navigate } from '../main.js';
import { outlookBadge, stanceBadge } from '../stance.js';

const count = (p: ProposalSummary, stance: string) => p.stances.filter((s) => s.stance === stance).length;

const proposerName = (p: ProposalSummary) => (p.proposer ? p.stances.find((s) => s.holder === p.proposer)?.name ?? p.proposer : 'unknown');

export async function showBoard(root: HTMLElement, search: URLSearchParams): Promise<void> {
  const q = search.get('q') ?? '';
  const body = search.get('body') ?? '';
  const list = await get<ProposalSummary[]>('/api/proposals', { extra: 'outlook', limit: '300', q: q || undefined, body: body || undefined });
  const all = body || q ? await get<ProposalSummary[]>('/api/proposals', { limit: '1000' }) : list;
  const bodies = [...new Set(all.map((p) => p.body).filter((b): b is string => !!b))].sort();
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
    h('td', {}, link(`/proposals/${encodeURIComponent(p.id)}`, p.summary), h('div', { class: 'muted small' }, `${p.articles} article${p.articles === 1 ? '' : 's'} · ${p.firstSeen ?? '?'} → ${p.lastSeen ?? '?'}`)),
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
  );
}
