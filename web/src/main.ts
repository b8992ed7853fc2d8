// The page's entry: a small router over the views (board, proposal, actor, article, what changed, alerts) and the analyst-token field.
import './style.css';
import { TOKEN_KEY } from './api.js';
import { h, mount } from './dom.js';
import { showActor } from './pages/actor.js';
import { showAlerts } from './pages/alerts.js';
import { showArticle } from './pages/article.js';
import { showBoard } from './pages/board.js';
import { showChanges } from './pages/changes.js';
import { showProposal } from './pages/proposal.js';

const main = document.getElementById('main')!;

type View = (root: HTMLElement, arg: string, search: URLSearchParams) => Promise<void>;
const VIEWS: Array<[RegExp, View]> = [
  [/^\/$/, (root, _arg, search) => showBoard(root, search)],
  [/^\/proposals\/([^/]+)$/, showProposal],
  [/^\/actors\/([^/]+)$/, showActor],
  [/^\/articles\/([^/]+)$/, showArticle],
  [/^\/changes$/, (root, _arg, search) => showChanges(root, search)],
  [/^\/alerts$/, (root) => showAlerts(root)],
];

let current = 0;

async function render(): Promise<void> {
  const run = ++current;
  const { pathname, search } = window.location;
  const match = VIEWS.map(([re, view]) => [re.exec(pathname), view] as const).find(([m]) => m);
  main.setAttribute('aria-busy', 'true');
  mount(main, h('p', { class: 'loading' }, 'Loading…'));
  try {
    if (!match) throw new Error(`No page at ${pathname}`);
    const [m, view] = match;
    const root = h('div');
    await view(root, decodeURIComponent(m![1] ?? ''), new URLSearchParams(search));
    if (run === current) mount(main, root);
  } catch (err) {
    if (run === current) mount(main, h('div', { class: 'error', role: 'alert' }, h('h1', {}, 'Cannot show this page'), h('p', {}, (err as Error).message), h('p', {}, h('a', { href: '/', 'data-link': true }, 'Back to the board'))));
  } finally {
    if (run === current) main.removeAttribute('aria-busy');
  }
}

/** Follows in-page links without reloading; keeps the browser's back button working. */
export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  void render().then(() => { if (!replace) { window.scrollTo(0, 0); main.focus({ preventScroll: true }); } });
}

document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest?.('a[data-link]') as HTMLAnchorElement | null;
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.getAttribute('href')!);
});
window.addEventListener('popstate', () => void render());
window.addEventListener('standpoint:refresh', () => void render());

const tokenInput = document.getElementById('token') as HTMLInputElement;
tokenInput.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
document.getElementById('token-form')!.addEventListener('submit', (e) => e.preventDefault());
tokenInput.addEventListener('input', () => sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim()));

void render();
