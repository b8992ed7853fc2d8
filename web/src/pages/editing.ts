// The analyst's editing controls on a proposal's page: per stance (set incl. abstain, delete, reassign) and per proposal (add, rename, merge, split, undo), each with author and note.
import { ApiFailure, post, token, type Edit, type Position, type ProposalPage } from '../api.js';
import { h } from '../dom.js';

export const EDIT_STANCES = ['support', 'oppose', 'undecided', 'abstain'];
const AUTHOR_KEY = 'standpoint-author';

/** Who edits and why: one bar for the page; the author is remembered for the session. */
export function whoBar(): { element: HTMLElement; who: () => { author?: string; note?: string } } {
  const author = h('input', { name: 'author', value: sessionStorage.getItem(AUTHOR_KEY) ?? '', placeholder: 'your name', 'aria-label': 'Author of edits', size: 14 });
  author.addEventListener('input', () => sessionStorage.setItem(AUTHOR_KEY, author.value.trim()));
  const note = h('input', { name: 'note', placeholder: 'why (kept with each edit)', 'aria-label': 'Note for edits', size: 30 });
  const element = h('div', { class: 'who-bar' }, h('label', {}, 'Edit as ', author), h('label', {}, 'Note ', note));
  return { element, who: () => ({ ...(author.value.trim() ? { author: author.value.trim() } : {}), ...(note.value.trim() ? { note: note.value.trim() } : {}) }) };
}

type Who = () => { author?: string; note?: string };

/** Runs one edit: checks the token, posts, shows the API's message on failure, refreshes the page on success. */
function action(label: string, attrs: Record<string, string>, send: () => Promise<unknown> | null, message: HTMLElement, onDone: () => void): HTMLButtonElement {
  const button = h('button', { type: 'button', ...attrs }, label);
  button.addEventListener('click', async () => {
    if (!token()) { message.textContent = 'enter the analyst token at the top first'; return; }
    const sending = send();
    if (!sending) return;
    button.disabled = true;
    try {
      await sending;
      onDone();
    } catch (err) {
      message.textContent = err instanceof ApiFailure ? err.message : String(err);
      button.disabled = false;
    }
  });
  return button;
}

/** A holder's row: set the stance (abstain included), delete it, or reassign it to another holder or proposal. */
export function stanceControls(p: Position, who: Who, onDone: () => void): HTMLElement {
  const select = h('select', { 'aria-label': `Stance of ${p.name}` }, EDIT_STANCES.map((st) => h('option', { value: st, selected: st === p.stance }, st)));
  const message = h('span', { class: 'small', role: 'status' });
  const holder = h('input', { name: 'to-holder', placeholder: 'holder (ESP, org:EU…)', 'aria-label': `Reassign ${p.name}'s stance to holder`, size: 12 });
  const proposal = h('input', { name: 'to-proposal', placeholder: 'proposal id', 'aria-label': `Reassign ${p.name}'s stance to proposal`, size: 12 });
  // Every request names the holder the row shows: a stance id that is not this holder's is refused, never edited.
  const expect = p.holder;
  return h('div', { class: 'correct' },
    select,
    action('Correct', { 'data-action': 'set' }, () => post(`/api/stances/${p.id}/corrections`, { stance: select.value, expect, ...withDefault(who()) }), message, onDone),
    action('Delete', { 'data-action': 'delete', class: 'danger' }, () => post(`/api/stances/${p.id}/delete`, { expect, ...withDefault(who()) }), message, onDone),
    h('details', { class: 'reassign' }, h('summary', {}, 'Reassign…'), holder, proposal,
      action('Reassign', { 'data-action': 'reassign' }, () => {
        if (!holder.value.trim() && !proposal.value.trim()) { message.textContent = 'give a holder, a proposal or both'; return null; }
        return post(`/api/stances/${p.id}/reassign`, { ...(holder.value.trim() ? { holder: holder.value.trim() } : {}), ...(proposal.value.trim() ? { proposal: proposal.value.trim() } : {}), expect, ...withDefault(who()) });
      }, message, onDone)),
    message);
}

const withDefault = (w: { author?: string; note?: string }) => ({ author: w.author ?? 'web', ...(w.note ? { note: w.note } : {}) });

const field = (label: string, input: HTMLElement) => h('label', { class: 'field' }, h('span', {}, label), input);

/** The proposal's own edits: add a stance, rename, merge another into it, split observations off, and the edits to undo. */
export function proposalTools(page: ProposalPage, who: Who, onDone: () => void, navigateTo: (href: string) => void): HTMLElement {
  const p = page.proposal;
  const message = h('p', { class: 'small edit-message', role: 'status' });

  // Add a stance the machine missed.
  const addHolder = h('input', { name: 'add-holder', placeholder: 'ESP, org:EU, person:…', size: 14 });
  const addStance = h('select', { name: 'add-stance' }, EDIT_STANCES.map((st) => h('option', { value: st }, st)));
  const addArticle = h('select', { name: 'add-article' }, h('option', { value: '' }, '(no article: quoted text only)'),
    page.articles.map((a) => h('option', { value: a.id }, a.title ?? a.id)));
  const addText = h('input', { name: 'add-text', placeholder: 'the evidence, quoted exactly', size: 40 });
  const addDate = h('input', { name: 'add-date', type: 'date' });
  const add = h('fieldset', { class: 'tool add-stance' }, h('legend', {}, 'Add a stance the machine missed'),
    field('Holder', addHolder), field('Stance', addStance), field('Article', addArticle), field('Evidence', addText), field('Date', addDate),
    action('Add stance', { 'data-action': 'add' }, () => post('/api/stances', {
      proposal: p.id, holder: addHolder.value.trim(), stance: addStance.value, ...(addArticle.value ? { article: addArticle.value } : {}),
      text: addText.value, ...(addDate.value ? { date: addDate.value } : {}), ...withDefault(who()),
    }), message, onDone));

  const name = h('input', { name: 'rename', value: p.summary, size: 40 });
  const rename = h('fieldset', { class: 'tool rename' }, h('legend', {}, 'Rename'),
    p.machineSummary ? h('p', { class: 'small muted' }, `machine name: ${p.machineSummary}`) : null,
    field('Name', name), action('Rename', { 'data-action': 'rename' }, () => post(`/api/proposals/${p.id}/rename`, { name: name.value, ...withDefault(who()) }), message, onDone));

  const other = h('input', { name: 'merge-other', placeholder: 'the other proposal\'s id', size: 16 });
  const merge = h('fieldset', { class: 'tool merge' }, h('legend', {}, 'Merge another proposal into this one'),
    field('Proposal id', other), action('Merge', { 'data-action': 'merge' }, () => post(`/api/proposals/${p.id}/merge`, { other: other.value.trim(), ...withDefault(who()) }), message, onDone));

  // Split: tick the observations that belong to another proposal.
  const boxes = page.history.filter((o) => o.id !== undefined).map((o) => ({
    id: o.id!, box: h('input', { type: 'checkbox', name: 'split-observation', value: String(o.id), 'data-holder': o.holder }),
    label: `${o.date ?? '?'} · ${page.names[o.holder] ?? o.holder} · ${o.stance} · ${o.evidence.slice(0, 90)}`,
  }));
  const splitName = h('input', { name: 'split-name', placeholder: 'the new proposal\'s name', size: 30 });
  const split = h('fieldset', { class: 'tool split-tool' }, h('legend', {}, 'Split observations off into a new proposal'),
    h('ul', { class: 'split-list' }, boxes.map((b) => h('li', {}, h('label', {}, b.box, ` #${b.id} ${b.label}`)))),
    field('New name', splitName),
    action('Split', { 'data-action': 'split' }, () => {
      const ids = boxes.filter((b) => b.box.checked).map((b) => b.id);
      if (!ids.length) { message.textContent = 'tick the observations to split off'; return null; }
      return post<{ proposal: { id: string } }>(`/api/proposals/${p.id}/split`, { observations: ids, ...(splitName.value.trim() ? { name: splitName.value.trim() } : {}), ...withDefault(who()) })
        .then((r) => navigateTo(`/proposals/${encodeURIComponent(r.proposal.id)}`));
    }, message, onDone));

  return h('section', { class: 'editing', 'aria-labelledby': 'editing-h' },
    h('h2', { id: 'editing-h' }, 'Edit this proposal'),
    message, add, rename, merge, split, editLog(page.edits, who, onDone, message));
}

/** The edits that concern the proposal, newest first, each undoable once. */
function editLog(edits: Edit[], who: Who, onDone: () => void, message: HTMLElement): HTMLElement {
  return h('fieldset', { class: 'tool edit-log' }, h('legend', {}, 'Edits (audited; undo reverts one)'),
    edits.length ? h('ol', { class: 'edits' }, edits.map((e) => h('li', { 'data-edit': String(e.id), 'data-action': e.action },
      h('span', { class: 'muted small' }, `#${e.id} ${e.createdAt.slice(0, 16).replace('T', ' ')} · ${e.author} · `), h('strong', {}, e.action), ' ',
      e.text ? h('span', {}, e.text) : h('code', { class: 'small' }, JSON.stringify(e.after ?? e.before)), e.note ? h('span', { class: 'small' }, ` — ${e.note}`) : null, ' ',
      e.undoneBy !== null ? h('span', { class: 'badge undone' }, `undone by #${e.undoneBy}`)
        : e.action === 'undo' ? null
          : action('Undo', { 'data-action': 'undo', 'data-edit': String(e.id) }, () => post(`/api/edits/${e.id}/undo`, withDefault(who())), message, onDone))))
      : h('p', { class: 'small muted' }, 'No edits yet.'));
}
