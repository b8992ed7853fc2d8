// Search results on the board (/?q=…): proposals, quotes and articles with the matched words marked, or a plain "nothing matches".
import { get } from '../api.js';
import { h, link, type Child } from '../dom.js';

export interface Highlighted { text: string; matches: Array<{ start: number; end: number }> }
export interface SearchView {
  query: string;
  filters: Record<string, string>;
  proposals: Array<{ id: string; summary: Highlighted; proposer: string | null; body: string | null; articles: number; firstSeen: string | null; lastSeen: string | null }>;
  quotes: Array<{ articleId: string; localId: string; speaker: string | null; text: Highlighted; date: string | null; title: string | null; source: string | null }>;
  articles: Array<{ id: string; title: Highlighted | null; snippet: Highlighted; date: string | null; source: string | null }>;
  more: { proposals: boolean; quotes: boolean; articles: boolean };
  names: Record<string, string>;
  message: string;
}

/** The filters the search form and /api/search share, in the order the form shows them. */
export const FILTERS = ['actor', 'body', 'stance', 'since', 'until', 'source'] as const;

/** A text with its matched words in <mark> elements (built as nodes: the text stays inert). */
export function markedText(t: Highlighted): Child[] {
  const out: Child[] = [];
  let at = 0;
  for (const m of t.matches) {
    out.push(t.text.slice(at, m.start), h('mark', { class: 'hl-match' }, t.text.slice(m.start, m.end)));
    at = m.end;
  }
  out.push(t.text.slice(at));
  return out;
}

const moreNote = (yes: boolean) => (yes ? h('p', { class: 'muted small' }, 'More match: add words or filters to narrow the search.') : null);

export async function searchResults(q: string, filters: Record<string, string>): Promise<HTMLElement> {
  const view = await get<SearchView>('/api/search', { q, ...filters });
  const name = (key: string | null) => (key ? view.names[key] ?? key : 'unknown');
  const meta = (...parts: Array<string | null>) => parts.filter(Boolean).join(' · ');
  const found = view.proposals.length + view.quotes.length + view.articles.length;
  return h('section', { class: 'search-results', 'aria-live': 'polite' },
    h('p', { class: found ? 'muted' : 'empty', 'data-found': found }, view.message),
    view.proposals.length ? [
      h('h2', {}, 'Proposals'),
      h('ul', { class: 'hits proposals' }, view.proposals.map((p) => h('li', { 'data-proposal': p.id },
        link(`/proposals/${encodeURIComponent(p.id)}`, markedText(p.summary)),
        h('div', { class: 'muted small' }, meta(`proposer ${name(p.proposer)}`, p.body ? p.body.replace(/^org:/, '') : null,
          `${p.articles} article${p.articles === 1 ? '' : 's'}`, `${p.firstSeen ?? '?'} → ${p.lastSeen ?? '?'}`))))),
      moreNote(view.more.proposals),
    ] : null,
    view.quotes.length ? [
      h('h2', {}, 'Quotes'),
      h('ul', { class: 'hits quotes' }, view.quotes.map((t) => h('li', { 'data-article': t.articleId },
        h('q', {}, markedText(t.text)),
        h('div', { class: 'muted small' }, t.speaker ? link(`/actors/${encodeURIComponent(t.speaker)}`, name(t.speaker)) : 'unknown speaker', ' · ',
          meta(t.date ?? 'date unknown', t.source), ' · ', link(`/articles/${encodeURIComponent(t.articleId)}`, t.title ?? 'article'))))),
      moreNote(view.more.quotes),
    ] : null,
    view.articles.length ? [
      h('h2', {}, 'Articles'),
      h('ul', { class: 'hits articles' }, view.articles.map((a) => h('li', { 'data-article': a.id },
        link(`/articles/${encodeURIComponent(a.id)}`, a.title ? markedText(a.title) : a.id),
        h('div', { class: 'muted small' }, meta(a.date ?? 'date unknown', a.source)),
        h('p', { class: 'snippet' }, markedText(a.snippet))))),
      moreNote(view.more.articles),
    ] : null);
}
