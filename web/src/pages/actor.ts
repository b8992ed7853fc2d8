// An actor's page (/actors/:key): who they are, their positions across proposals and their quotes.
import { get, type ArticleRow, type Observation, type Position } from '../api.js';
import { add, h, link } from '../dom.js';
import { stanceBadge } from '../stance.js';

interface ActorPage {
  actor: { key: string; kind: string; name: string; role: string | null; represents: string | null; aliases: string[] };
  roles: Array<{ role: string | null; represents: string | null; date: string | null; articleId: string }>;
  stances: Position[];
  observations: Observation[];
  quotes: Array<{ articleId: string; kind: string; text: string }>;
  proposals: Array<{ id: string; summary: string }>;
  articles: ArticleRow[];
}

export async function showActor(root: HTMLElement, key: string): Promise<void> {
  const page = await get<ActorPage>(`/api/actors/${encodeURIComponent(key)}`);
  const { actor } = page;
  document.title = `Standpoint: ${actor.name}`;
  const proposals = new Map(page.proposals.map((p) => [p.id, p.summary]));
  const articles = new Map(page.articles.map((a) => [a.id, a]));
  const artLink = (id: string) => link(`/articles/${encodeURIComponent(id)}`, articles.get(id)?.title ?? id);
  add(root, 
    h('p', { class: 'crumbs' }, link('/', '← All proposals')),
    h('h1', {}, actor.name),
    h('p', { class: 'meta' }, h('code', {}, actor.key), ` · ${actor.kind}`, actor.role ? ` · ${actor.role}` : '',
      actor.represents && actor.represents !== actor.key ? [' · speaks for ', link(`/actors/${encodeURIComponent(actor.represents)}`, actor.represents)] : ''),
    actor.aliases.length ? h('p', { class: 'muted' }, `Also called: ${actor.aliases.join(', ')}`) : null,
    page.roles.length ? [h('h2', {}, 'Roles as reported'), h('ul', {}, page.roles.map((r) => h('li', {}, `${r.date ?? '?'}: ${r.role ?? ''}${r.represents ? ` for ${r.represents}` : ''} · `, artLink(r.articleId))))] : null,
    h('h2', {}, 'Current stances'),
    page.stances.length
      ? h('div', { class: 'scroll' }, h('table', { class: 'stances' },
        h('caption', { class: 'sr-only' }, "Current stances as the analysts see them, the machine's label beside each"),
        h('thead', {}, h('tr', {}, ['Proposal', 'Stance', 'Machine', 'Evidence', 'Date'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, page.stances.map((st) => h('tr', { 'data-proposal': st.proposal, 'data-stance': st.stance },
          h('td', {}, link(`/proposals/${encodeURIComponent(st.proposal)}`, proposals.get(st.proposal) ?? st.proposal)),
          h('td', {}, stanceBadge(st.stance), st.analyst ? h('div', { class: 'small analyst' }, `set by ${st.analyst.author}`) : null),
          h('td', { class: 'machine' }, st.machineStance ?? 'none'),
          h('td', { class: 'evidence' }, st.quote ?? st.evidence), h('td', {}, st.date ?? '?'))))))
      : h('p', {}, 'No current stances.'),
    h('h2', {}, 'Observations (as the machine read them)'),
    page.observations.length
      ? h('div', { class: 'scroll' }, h('table', { class: 'positions' },
        h('thead', {}, h('tr', {}, ['Date', 'Proposal', 'Stance', 'Evidence', 'Article'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, page.observations.map((o) => h('tr', {},
          h('td', {}, o.date ?? '?'), h('td', {}, link(`/proposals/${encodeURIComponent(o.proposalId)}`, proposals.get(o.proposalId) ?? o.proposalId)),
          h('td', {}, stanceBadge(o.stance), h('span', { class: 'muted small' }, ' machine'), o.condition ? h('div', { class: 'small' }, `if ${o.condition}`) : null),
          h('td', { class: 'evidence' }, o.evidence), h('td', {}, artLink(o.articleId)))))))
      : h('p', {}, 'No positions recorded.'),
    h('h2', {}, 'Quotes'),
    page.quotes.length ? h('ul', { class: 'quotes' }, page.quotes.map((q) => h('li', {}, q.kind === 'indirect' ? h('span', {}, q.text) : h('q', {}, q.text), ' · ', artLink(q.articleId)))) : h('p', {}, 'No quotes recorded.'),
  );
}
