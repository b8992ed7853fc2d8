// An article's page (/articles/:id): its text with actors, quotes, proposals and stance evidence highlighted, and what it adds.
import { get, type AnalysisRecord, type ArticleRow, type Span } from '../api.js';
import { add, h, link, outLink } from '../dom.js';
import { stanceBadge } from '../stance.js';

interface ArticlePage { article: ArticleRow; record: AnalysisRecord | null; proposals: Record<string, string> }

type Layer = 'actor' | 'quote' | 'proposal' | 'evidence';
interface Mark extends Span { layer: Layer; label: string }

/** The text cut at every span boundary; each piece carries the layers that cover it (spans may overlap). */
function highlighted(text: string, marks: Mark[]): HTMLElement {
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const out = h('div', { class: 'article-text' });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(a, b);
    const over = marks.filter((m) => m.start <= a && m.end >= b);
    if (!over.length) { out.append(piece); continue; }
    const layers = [...new Set(over.map((m) => m.layer))];
    out.append(h('mark', { class: layers.map((l) => `hl-${l}`).join(' '), title: over.map((m) => m.label).join('\n') }, piece));
  }
  return out;
}

export async function showArticle(root: HTMLElement, id: string): Promise<void> {
  const { article, record, proposals } = await get<ArticlePage>(`/api/articles/${encodeURIComponent(id)}`);
  // An article stored without a title (a .txt before titles were taken from the first line) shows its first line.
  const title = article.title ?? record?.article.text.split('\n').map((l) => l.trim()).find((l) => l)?.slice(0, 150) ?? `Article ${article.id}`;
  document.title = `Standpoint: ${title}`;
  add(root, h('p', { class: 'crumbs' }, link('/', '← All proposals')), h('h1', {}, title),
    h('p', { class: 'meta' }, `${article.date ?? 'date unknown'}`, article.source ? ` · ${article.source}` : '', article.url ? [' · ', outLink(article.url, 'original')] : '', ' · ', h('code', {}, article.id),
      article.copyOf ? [' · a near-duplicate of ', link(`/articles/${encodeURIComponent(article.copyOf)}`, article.copyOf)] : ''));
  if (!record) { add(root, h('p', {}, 'No analysis stored for this article.')); return; }
  const actors = new Map(record.actors.map((a) => [a.id, a]));
  const who = (aid: string | null) => (aid ? actors.get(aid)?.name ?? aid : 'unknown');
  const marks: Mark[] = [
    ...record.actors.flatMap((a) => a.mentions.map((m) => ({ ...m, layer: 'actor' as const, label: `actor: ${a.name} (${a.key})` }))),
    ...record.quotes.map((q) => ({ start: q.start, end: q.end, layer: 'quote' as const, label: `quote (${q.kind}) by ${who(q.speaker)}` })),
    ...record.proposals.flatMap((p) => p.mentions.map((m) => ({ ...m, layer: 'proposal' as const, label: `proposal: ${p.summary}` }))),
    ...record.stances.map((st) => ({ ...st.evidence, layer: 'evidence' as const, label: `stance: ${who(st.holder)} ${st.stance}` })),
  ];
  const proposalLink = (local: string) => {
    const p = record.proposals.find((x) => x.id === local);
    const canonical = proposals[local];
    return canonical ? link(`/proposals/${encodeURIComponent(canonical)}`, p?.summary ?? local) : h('span', {}, p?.summary ?? local);
  };
  add(root, 
    h('ul', { class: 'legend' }, (['actor', 'quote', 'proposal', 'evidence'] as const).map((l) => h('li', {}, h('mark', { class: `hl-${l}` }, l === 'evidence' ? 'stance evidence' : l)))),
    h('div', { class: 'split article' },
      highlighted(record.article.text, marks),
      h('aside', {},
        h('h2', {}, 'Proposals'), record.proposals.length ? h('ul', {}, record.proposals.map((p) => h('li', {}, proposalLink(p.id), p.body ? h('span', { class: 'muted' }, ` · ${p.body}`) : null))) : h('p', {}, 'None found.'),
        h('h2', {}, 'Stances'), record.stances.length ? h('ul', { class: 'stances' }, record.stances.map((st) => h('li', {}, who(st.holder), ' ', stanceBadge(st.stance), ' on ', proposalLink(st.proposal), st.condition ? h('span', { class: 'small' }, ` if ${st.condition}`) : null))) : h('p', {}, 'None found.'),
        h('h2', {}, 'Actors'), h('ul', {}, record.actors.map((a) => h('li', {}, a.kind === 'group' ? a.name : link(`/actors/${encodeURIComponent(a.key)}`, a.name), h('span', { class: 'muted small' }, ` ${a.key}${a.role ? `, ${a.role}` : ''}`)))),
        h('h2', {}, 'Quotes'), record.quotes.length ? h('ul', { class: 'quotes' }, record.quotes.map((q) => h('li', {}, q.kind === 'indirect' ? h('span', {}, q.text) : h('q', {}, q.text), h('span', { class: 'muted small' }, ` — ${who(q.speaker)}, ${q.kind}`)))) : h('p', {}, 'None found.'))),
  );
}
