// A proposal's timeline: each holder's dated observations as coloured dots on one time axis, then the same as a list.
import type { ArticleRow, Observation } from '../api.js';
import { h, link, s } from '../dom.js';
import { stanceBadge } from '../stance.js';

const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** At most this many observations are listed (newest first); the chart shows them all. */
const LISTED = 200;

export function timeline(history: Observation[], name: (k: string) => string, articles: Map<string, ArticleRow>): HTMLElement {
  if (!history.length) return h('p', {}, 'No observations.');
  const dated = history.filter((o) => o.date);
  const holders = [...new Set(history.map((o) => o.holder))];
  const out = h('div', { class: 'timeline' });
  if (dated.length) {
    const days = dated.map((o) => day(o.date!));
    const [lo, hi] = [Math.min(...days), Math.max(...days)];
    const rowH = 22;
    const left = 160;
    const width = 800;
    const x = (d: string) => left + (hi === lo ? (width - left - 20) / 2 : ((day(d) - lo) / (hi - lo)) * (width - left - 20));
    const rows = holders.slice(0, 40);
    const svg = s('svg', { viewBox: `0 0 ${width} ${rows.length * rowH + 30}`, class: 'timeline-chart', role: 'img', 'aria-label': 'Stance observations over time, one row per holder' },
      rows.map((holder, i) => s('g', {},
        s('text', { x: 0, y: i * rowH + 15, class: 'label' }, name(holder).slice(0, 24)),
        s('line', { x1: left, x2: width - 10, y1: i * rowH + 11, y2: i * rowH + 11, class: 'axis' }),
        dated.filter((o) => o.holder === holder).map((o) => s('circle', { cx: x(o.date!), cy: i * rowH + 11, r: 6, class: `dot stance-${o.stance}` },
          s('title', {}, `${o.date}: ${name(holder)} ${o.stance}`))))),
      s('text', { x: left, y: rows.length * rowH + 24, class: 'label' }, new Date(lo * 86_400_000).toISOString().slice(0, 10)),
      s('text', { x: width - 10, y: rows.length * rowH + 24, class: 'label end' }, new Date(hi * 86_400_000).toISOString().slice(0, 10)));
    out.append(svg);
  }
  const newest = [...history].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).slice(0, LISTED);
  out.append(h('ol', { class: 'observations' }, newest.map((o) => h('li', {},
    h('span', { class: 'date' }, o.date ?? '?'), ' ', link(`/actors/${encodeURIComponent(o.holder)}`, name(o.holder)),
    o.actor !== o.holder ? h('span', { class: 'muted' }, ` (said by ${name(o.actor)})`) : null, ' ', stanceBadge(o.stance), ' ',
    h('span', { class: 'evidence' }, o.evidence), ' ', link(`/articles/${encodeURIComponent(o.articleId)}`, articles.get(o.articleId)?.title ?? 'article')))));
  if (history.length > LISTED) out.append(h('p', { class: 'muted' }, `${history.length - LISTED} older observations not listed.`));
  return out;
}
