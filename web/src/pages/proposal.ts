// A proposal's page (/proposals/:id): the map, the outlook (with a what-if per member), the holders with evidence, the timeline.
import { get, type Outlook, type Position, type ProposalPage } from '../api.js';
import { add, h, link, mount } from '../dom.js';
import { worldMap } from '../map.js';
import { iso3Of, outlookBadge, stanceBadge } from '../stance.js';
import { navigate } from '../main.js';
import { proposalTools, stanceControls, whoBar } from './editing.js';
import { timeline } from './timeline.js';

const WHAT_IF = ['as reported', 'support', 'oppose', 'undecided', 'abstain'];

function outlookPanel(o: Outlook, whatIf: boolean): HTMLElement {
  const name = (k: string) => o.names[k] ?? k;
  const names = (keys: string[]) => (keys.length ? keys.map(name).join(', ') : '—');
  const row = (label: string, keys: string[]) => h('div', { class: 'row' }, h('dt', {}, `${label} (${keys.length})`), h('dd', {}, names(keys)));
  return h('section', { class: `outlook${whatIf ? ' what-if' : ''}`, 'aria-labelledby': 'outlook-h', 'data-status': o.status },
    h('h2', { id: 'outlook-h' }, whatIf ? 'Outlook (what-if)' : 'Outlook'),
    h('p', { class: 'status' }, outlookBadge(o.body, o.status), ` on ${o.date}`),
    h('dl', {},
      h('div', { class: 'row' }, h('dt', {}, 'rule'), h('dd', {}, o.rule)),
      h('div', { class: 'row' }, h('dt', {}, 'members'), h('dd', {}, String(o.members))),
      o.blockers.length ? h('div', { class: 'row blockers' }, h('dt', {}, 'blocked by'), h('dd', {}, names(o.blockers))) : null,
      o.needs.length ? h('div', { class: 'row' }, h('dt', {}, 'needs'), h('dd', {}, o.needs.join('; '))) : null,
      row('support', o.support), row('oppose', o.oppose), o.abstain.length ? row('abstain', o.abstain) : null, row('undecided', o.undecided),
      h('div', { class: 'row' }, h('dt', {}, `unknown (${o.unknown.length})`), h('dd', { class: 'small' }, o.unknown.length > 12 ? `${o.unknown.slice(0, 12).map(name).join(', ')} and ${o.unknown.length - 12} more` : names(o.unknown)))),
    o.notes.length ? h('ul', { class: 'notes small' }, o.notes.map((n) => h('li', {}, n))) : null);
}

/** What the analyst did to a stance, with the machine's label kept beside it. */
function analystNote(st: Position): HTMLElement | null {
  if (!st.corrected) return null;
  const by = st.analyst ? ` by ${st.analyst.author}${st.analyst.note ? `: ${st.analyst.note}` : ''}` : '';
  return st.machineStance === null
    ? h('div', { class: 'small analyst' }, `added by an analyst (machine: none)${by}`)
    : h('div', { class: 'small analyst' }, `corrected (machine: ${st.machineStance})`, h('span', { class: 'muted' }, by));
}

export async function showProposal(root: HTMLElement, id: string): Promise<void> {
  const page = await get<ProposalPage>(`/api/proposals/${encodeURIComponent(id)}`);
  const { proposal: p, stances, outlook } = page;
  document.title = `Standpoint: ${p.summary}`;
  const name = (k: string) => page.names[k] ?? k;
  const articles = new Map(page.articles.map((a) => [a.id, a]));
  const refresh = () => window.dispatchEvent(new Event('standpoint:refresh'));
  const bar = whoBar();

  const members = new Set<string>();
  if (outlook) for (const k of [...outlook.outlook.support, ...outlook.outlook.oppose, ...outlook.outlook.undecided, ...outlook.outlook.abstain, ...outlook.outlook.unknown]) {
    const iso = iso3Of(k);
    if (iso) members.add(iso);
  }
  const current = new Map<string, string>();
  for (const st of stances) { const iso = iso3Of(st.holder); if (iso) current.set(iso, st.stance); }
  const map = await worldMap(current, members, `World map: countries coloured by their stance on ${p.summary}`);

  const outlookSlot = h('div', { class: 'outlook-slot' });
  const d = page.decided;
  const decidedNote = d ? h('p', { class: 'decided', 'data-outcome': d.outcome },
    h('strong', {}, d.outcome === 'adopted' ? 'Adopted' : 'Failed'), d.date ? ` on ${d.date}` : '',
    [d.unanimous ? 'unanimously' : null, d.for !== null ? `${d.for} for` : null, d.against !== null ? `${d.against} against` : null, d.abstain !== null ? `${d.abstain} abstaining` : null]
      .filter(Boolean).map((x, i) => `${i ? ', ' : ': '}${x}`).join(''),
    ' — ', h('q', {}, d.evidence), ' ', h('span', { class: 'small' }, `(${d.title ?? d.articleId})`)) : null;
  if (outlook) mount(outlookSlot, outlookPanel(outlook.outlook, false));
  else mount(outlookSlot, h('section', { class: 'outlook' }, h('h2', {}, 'Outlook'), h('p', {}, page.outlookError?.message ?? 'no outlook')));

  // What-if: a stance per member, sent to /api/outlook; the map and the panel show the result.
  const overrides = new Map<string, string>();
  async function applyWhatIf(): Promise<void> {
    const stance = [...overrides].map(([k, v]) => `${k}=${v}`);
    const coloured = new Map(current);
    for (const [k, v] of overrides) { const iso = iso3Of(k); if (iso) coloured.set(iso, v); }
    map.colour(coloured);
    if (!stance.length) { mount(outlookSlot, outlookPanel(outlook!.outlook, false)); return; }
    const o = await get<Outlook>('/api/outlook', { proposal: p.id, stance });
    mount(outlookSlot, outlookPanel(o, true));
  }
  const whatIf = outlook ? h('details', { class: 'what-if-list' },
    h('summary', {}, `What if… (a stance per member of ${outlook.outlook.body})`),
    h('ul', {}, [...outlook.outlook.support, ...outlook.outlook.oppose, ...outlook.outlook.abstain, ...outlook.outlook.undecided, ...outlook.outlook.unknown]
      .filter((k) => !k.startsWith('seat:')).map((k) => {
        const sel = h('select', { 'aria-label': `What if ${outlook.outlook.names[k] ?? k}…`, 'data-holder': k }, WHAT_IF.map((w) => h('option', { value: w === 'as reported' ? '' : w }, w)));
        sel.addEventListener('change', () => { if (sel.value) overrides.set(k, sel.value); else overrides.delete(k); void applyWhatIf(); });
        return h('li', {}, h('label', {}, h('span', {}, outlook.outlook.names[k] ?? k), sel));
      }))) : null;

  const holders = h('table', { class: 'holders' },
    h('caption', {}, 'Who stands where: current stances, with the evidence behind each'),
    h('thead', {}, h('tr', {}, ['Holder', 'Stance', 'Evidence', 'Date', 'Article', 'Edit'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, stances.map((st) => {
      const art = st.article ? articles.get(st.article) : undefined;
      return h('tr', { 'data-holder': st.holder, 'data-stance': st.stance, 'data-stance-id': String(st.id) },
        h('th', { scope: 'row' }, link(`/actors/${encodeURIComponent(st.holder)}`, st.name), h('div', { class: 'muted small' }, st.holder)),
        h('td', { 'data-label': 'Stance' }, stanceBadge(st.stance), analystNote(st),
          st.condition ? h('div', { class: 'small' }, `if ${st.condition}`) : null, h('div', { class: 'muted small' }, `confidence ${st.confidence.toFixed(2)} · ${st.observations} obs.`)),
        h('td', { class: 'evidence', 'data-label': 'Evidence' }, st.quote ? h('q', {}, st.quote) : h('span', {}, st.evidence)),
        h('td', { 'data-label': 'Date' }, st.date ?? '?'),
        h('td', { 'data-label': 'Article' }, st.article ? link(`/articles/${encodeURIComponent(st.article)}`, art?.title ?? (art?.date ? `report of ${art.date}` : st.article)) : h('span', { class: 'muted' }, 'quoted by the analyst')),
        h('td', { 'data-label': 'Edit' }, stanceControls(st, bar.who, refresh)));
    })));

  add(root, 
    h('p', { class: 'crumbs' }, link('/', '← All proposals')),
    page.redirectedFrom ? h('p', { class: 'small muted', role: 'note' }, `${page.redirectedFrom} was merged into this proposal.`) : null,
    h('h1', {}, p.summary),
    p.machineSummary ? h('p', { class: 'small muted machine-name' }, `renamed by an analyst; the machine's name: ${p.machineSummary}`) : null,
    p.mergedFrom?.length ? h('p', { class: 'small muted' }, `merged from ${p.mergedFrom.join(', ')}`) : null,
    p.splitFrom ? h('p', { class: 'small muted' }, 'split off ', link(`/proposals/${encodeURIComponent(p.splitFrom)}`, p.splitFrom)) : null,
    h('p', { class: 'meta' }, 'Proposed by ', p.proposer ? link(`/actors/${encodeURIComponent(p.proposer)}`, name(p.proposer)) : 'unknown',
      ` · decided by ${p.body?.replace(/^org:/, '') ?? 'unknown'} · ${p.articles} article${p.articles === 1 ? '' : 's'} · ${p.firstSeen ?? '?'} → ${p.lastSeen ?? '?'} · `, h('code', {}, p.id)),
    h('div', { class: 'split' }, map.element, h('div', {}, decidedNote, outlookSlot, whatIf)),
    h('h2', {}, 'Holders'),
    bar.element,
    stances.length ? h('div', { class: 'scroll' }, holders) : h('p', {}, 'No stances recorded.'),
    h('h2', {}, 'Timeline'),
    timeline(page.history, name, articles, page.analyst, page.chart, page.historyTotal),
    proposalTools(page, bar.who, refresh, (href) => navigate(href)),
  );
}
