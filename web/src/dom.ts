// Building the page from data: elements with text nodes only (never innerHTML), so article text and quotes stay inert.

export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** `h('a', {href: '/x', class: 'y'}, 'text', child)`: attributes set one by one, strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'href' && typeof v === 'string' && !/^(\/|#|https?:)/i.test(v)) continue; // no javascript: links from data
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** Appends children (text, nodes, lists; null and false skipped) to an element. */
export const add = (el: Node, ...children: Child[]) => append(el, children);

/** Replaces what an element holds. */
export function mount(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A link inside the page, followed without reloading. */
export const link = (href: string, ...children: Child[]) => h('a', { href, 'data-link': true }, ...children);

/** An external link (an article's URL): only http(s), never a script. */
export const outLink = (href: string | null, text: string) =>
  href && /^https?:\/\//i.test(href) ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, text) : null;
