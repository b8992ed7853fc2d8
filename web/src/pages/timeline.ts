// A proposal's timeline: each holder's dated observations as coloured dots on one time axis, then the same as a list.
import type { AnalystEvent, ArticleRow, ChartRow, Observation } from '../api.js';
import { h, link, s } from '../dom.js';
import { stanceBadge } from '../stance.js';

const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** At most this many observations are listed (newest first); the chart shows them all. */
const LISTED = 200;

/** A chart point: one holder's observations on a date with a stance. */
interface Point { holder: string; date: string | null; stance: string; observations: number; deleted: boolean }

/** The observations as chart rows, when the page gave none: one point per observation. */
const rowsOf = (history: Observation[]): ChartRow[] => {
  const rows = new Map<string, ChartRow>();
  for (const o of history) {
    if (!rows.has(o.holder)) rows.set(o.holder, { holder: o.holder, deleted: !!o.deleted, points: [] });
    rows.get(o.holder)!.points.push([o.date, o.stance, 1]);
  }
  return [...rows.values()];
};

/**
 * The machine's observations (a deleted stance's shown struck through) and the analyst's stances (diamonds, marked as such),
 * each holder on a row of its own. The chart shows every observation (`chart`: the page's rows, the listed ones by default);
 * the list, the newest of `history`, of `total` in all.
 */
export function timeline(history: Observation[], name: (k: string) => string, articles: Map<string, ArticleRow>, analyst: AnalystEvent[] = [],
  chart: ChartRow[] = rowsOf(history), total = history.length): HTMLElement {
  if (!history.length && !chart.length && !analyst.length) return h('p', {}, 'No observations.');
  const points: Point[] = chart.flatMap((r) => r.points.map(([date, stance, observations]) => ({ holder: r.holder, date, stance, observations, deleted: r.deleted })));
  const dated = points.filter((o) => o.date && !o.deleted);
  const holders = [...new Set([...chart.map((r) => r.holder), ...history.map((o) => o.holder), ...analyst.map((a) => a.holder)])];
  const out = h('div', { class: 'timeline' });
  if (dated.length || analyst.length) {
    // The axis spans the reports; an analyst's stance set later than the last report sits at its end (its date is in its title).
    const days = dated.length ? dated.map((o) => day(o.date!)) : analyst.map((a) => day(a.date));
    const [lo, hi] = [Math.min(...days), Math.max(...days)];
    const at = (d: string) => new Date(Math.min(Math.max(day(d), lo), hi) * 86_400_000).toISOString().slice(0, 10);
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
          s('title', {}, `${o.date}: ${name(holder)} ${o.stance} (machine${o.observations > 1 ? `, ${o.observations} observations` : ''})`))),
        analyst.filter((a) => a.holder === holder).map((a) => s('rect', { x: x(at(a.date)) - 5, y: i * rowH + 6, width: 10, height: 10, transform: `rotate(45 ${x(at(a.date))} ${i * rowH + 11})`, class: `dot analyst stance-${a.stance}` },
          s('title', {}, `${a.date}: ${name(holder)} ${a.stance} (analyst ${a.author})`))))),
      s('text', { x: left, y: rows.length * rowH + 24, class: 'label' }, new Date(lo * 86_400_000).toISOString().slice(0, 10)),
      s('text', { x: width - 10, y: rows.length * rowH + 24, class: 'label end' }, new Date(hi * 86_400_000).toISOString().slice(0, 10)));
    out.append(svg);
  }
  const newest = [...history].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).slice(0, LISTED);
  if (analyst.length) {
    out.append(h('ol', { class: 'observations analyst-events' }, [...analyst].reverse().map((a) => h('li', { 'data-edit': String(a.editId) },
      h('span', { class: 'date' }, a.date), ' ', link(`/actors/${encodeURIComponent(a.holder)}`, name(a.holder)), ' ', stanceBadge(a.stance),
      h('span', { class: 'small' }, ` set by analyst ${a.author}${a.note ? `: ${a.note}` : ''}`), a.evidence ? [' ', h('span', { class: 'evidence' }, a.evidence)] : null))));
  }
  out.append(h('ol', { class: 'observations' }, newest.map((o) => h('li', { class: o.deleted ? 'deleted' : null, title: o.deleted ? 'deleted by an analyst: not counted' : null },
    h('span', { class: 'date' }, o.date ?? '?'), ' ', link(`/actors/${encodeURIComponent(o.holder)}`, name(o.holder)),
    o.actor !== o.holder ? h('span', { class: 'muted' }, ` (said by ${name(o.actor)})`) : null, ' ', stanceBadge(o.stance), h('span', { class: 'muted small' }, ' machine'),
    o.movedFrom ? h('span', { class: 'muted small' }, ` (moved from ${name(o.movedFrom.holder)} on ${o.movedFrom.proposalId})`) : null, ' ',
    h('span', { class: 'evidence' }, o.evidence), ' ', link(`/articles/${encodeURIComponent(o.articleId)}`, articles.get(o.articleId)?.title ?? 'article')))));
  if (total > newest.length) out.append(h('p', { class: 'muted' }, `${total - newest.length} older observations not listed.`));
  return out;
}
