// What changed (/changes?since=DATE): new proposals, stances that new articles changed, and the analysts' edits with who made them; the Atom feed's link.
import { get } from '../api.js';
import { add, h, link, outLink } from '../dom.js';
import { navigate } from '../main.js';
import { stanceBadge } from '../stance.js';

interface Changes {
  since: string;
  newProposals: Array<{ id: string; summary: string; proposer: string | null; body: string | null; at: string }>;
  stances: Array<{ proposalId: string; proposal: string; holder: string; name: string; before: string | null; after: string | null; shown: string | null;
    articles: Array<{ id: string; title: string | null; source: string | null; url: string | null; date: string | null }>; at: string }>;
  edits: Array<{ edit: { id: number; action: string; author: string; note: string | null; createdAt: string; undoneBy: number | null }; text: string }>;
}

const LAST_VISIT = 'standpoint-last-visit';
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function showChanges(root: HTMLElement, search: URLSearchParams): Promise<void> {
  // Default: since the last visit to this page (kept in this browser), else a week.
  const last = localStorage.getItem(LAST_VISIT);
  const since = search.get('since') ?? (last ? last.slice(0, 10) : day(Date.now() - 7 * 86_400_000));
  const c = await get<Changes>('/api/changes', { since });
  localStorage.setItem(LAST_VISIT, new Date().toISOString());
  document.title = 'Standpoint: what changed';

  const input = h('input', { type: 'date', name: 'since', value: since.slice(0, 10), 'aria-label': 'Changes since' });
  const form = h('form', { class: 'filters' }, h('label', {}, 'Since ', input), h('button', { type: 'submit' }, 'Show'),
    h('a', { href: `/api/changes.atom?since=${encodeURIComponent(since)}`, class: 'feed' }, 'Atom feed'));
  form.addEventListener('submit', (e) => { e.preventDefault(); navigate(`/changes?since=${encodeURIComponent(input.value)}`); });
  const none = (what: string) => h('p', { class: 'muted empty' }, `No ${what} since ${since}.`);

  add(root,
    h('h1', {}, 'What changed'),
    form,
    h('div', { class: 'changes' },
      h('section', { class: 'new-proposals' }, h('h2', {}, `New proposals (${c.newProposals.length})`),
        c.newProposals.length ? h('ul', {}, c.newProposals.map((p) => h('li', { 'data-proposal': p.id },
          link(`/proposals/${encodeURIComponent(p.id)}`, p.summary), h('span', { class: 'muted small' }, ` · ${p.proposer ?? 'proposer unknown'} · ${p.body ?? 'no body'} · ${p.at.slice(0, 16).replace('T', ' ')}`))))
          : none('new proposals')),
      h('section', { class: 'changed-stances' }, h('h2', {}, `Stances changed by new articles (${c.stances.length})`),
        c.stances.length ? h('div', { class: 'scroll' }, h('table', {},
          h('thead', {}, h('tr', {}, ['Proposal', 'Holder', 'Was', 'Now', 'Shown', 'By'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, c.stances.map((s) => h('tr', { 'data-holder': s.holder },
            h('td', {}, link(`/proposals/${encodeURIComponent(s.proposalId)}`, s.proposal)), h('td', {}, link(`/actors/${encodeURIComponent(s.holder)}`, s.name)),
            h('td', {}, s.before ? stanceBadge(s.before) : 'none'), h('td', {}, s.after ? stanceBadge(s.after) : 'none'), h('td', {}, s.shown ? stanceBadge(s.shown) : 'hidden'),
            h('td', { class: 'small' }, s.articles.map((a, i) => [i ? '; ' : '', a.source ? `${a.source}: ` : '', link(`/articles/${encodeURIComponent(a.id)}`, a.title ?? a.id), a.url ? [' ', outLink(a.url, '↗')] : null])))))))
          : none('stance changes')),
      h('section', { class: 'edits-made' }, h('h2', {}, `Analysts' edits (${c.edits.length})`),
        c.edits.length ? h('ol', { class: 'edits' }, c.edits.map((e) => h('li', { 'data-edit': String(e.edit.id), 'data-action': e.edit.action },
          h('span', { class: 'muted small' }, `${e.edit.createdAt.slice(0, 16).replace('T', ' ')} · #${e.edit.id} · `), e.text,
          e.edit.note ? h('span', { class: 'small' }, ` — ${e.edit.note}`) : null, e.edit.undoneBy ? h('span', { class: 'badge undone' }, ` undone by #${e.edit.undoneBy}`) : null)))
          : none('edits'))));
}
