// The alerts page (/alerts): what changed on followed proposals, newest first, as `standpoint watch` raised it, and its Atom feed.
import { get } from '../api.js';
import { add, h, link, outLink } from '../dom.js';
import { stanceBadge } from '../stance.js';

interface Alert {
  id: number; kind: 'new-stance' | 'stance-changed' | 'outlook-changed'; proposalId: string; holder: string | null;
  oldValue: string | null; newValue: string; articleId: string | null; createdAt: string;
  detail: { proposal?: { summary?: string }; holderName?: string; evidence?: string; quote?: string | null; article?: { id?: string; title?: string | null; url?: string | null } };
}

const KIND: Record<Alert['kind'], string> = { 'new-stance': 'new stance', 'stance-changed': 'stance changed', 'outlook-changed': 'outlook changed' };

/** The value of a change: a stance as its badge, an outlook as its word. */
const value = (a: Alert, v: string | null) => (v === null ? h('span', { class: 'muted' }, 'none') : a.kind === 'outlook-changed' ? h('strong', {}, v) : stanceBadge(v));

export async function showAlerts(root: HTMLElement): Promise<void> {
  const alerts = await get<Alert[]>('/api/alerts', { limit: '200' });
  document.title = 'Standpoint: what changed';
  add(root, h('p', { class: 'crumbs' }, link('/', '← All proposals')), h('h1', {}, 'What changed'),
    h('p', { class: 'meta' }, 'New and changed stances and outlooks on the proposals a watch list follows, as ', h('code', {}, 'standpoint watch'),
      ' found them, newest first. Follow them in a feed reader: ', h('a', { href: '/api/alerts.atom' }, 'Atom feed'), '.'));
  if (!alerts.length) {
    add(root, h('p', {}, 'No alerts yet: they come once ', h('code', {}, 'standpoint watch'), ' (or ', h('code', {}, 'serve --watch'), ') stores news on a followed proposal.'));
    return;
  }
  add(root, h('ul', { class: 'alerts' }, alerts.map((a) => {
    const d = a.detail;
    const article = d.article?.id ? link(`/articles/${encodeURIComponent(d.article.id)}`, d.article.title ?? d.article.id) : null;
    return h('li', { 'data-kind': a.kind },
      h('span', { class: 'muted small' }, `${a.createdAt.slice(0, 16).replace('T', ' ')} · ${KIND[a.kind]} · `),
      link(`/proposals/${encodeURIComponent(a.proposalId)}`, d.proposal?.summary ?? a.proposalId), ': ',
      a.holder ? [a.holder.startsWith('person:') || a.holder.startsWith('country:') || a.holder.startsWith('org:') ? link(`/actors/${encodeURIComponent(a.holder)}`, d.holderName ?? a.holder) : d.holderName ?? a.holder, ' '] : 'outlook ',
      a.kind === 'new-stance' ? value(a, a.newValue) : [value(a, a.oldValue), ' → ', value(a, a.newValue)],
      d.quote ? h('div', { class: 'small' }, h('q', {}, d.quote)) : d.evidence ? h('div', { class: 'small' }, d.evidence) : null,
      article || d.article?.url ? h('div', { class: 'small muted' }, article, article && d.article?.url ? ' · ' : '', outLink(d.article?.url ?? null, 'original')) : null);
  })));
}
