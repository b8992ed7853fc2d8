// HTML input: the main text as a reader view extracts it (@mozilla/readability on linkedom), title and date from the page's metadata.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { buildArticle, type ReadArticle } from './article.js';
import { pageMetadata } from './html-metadata.js';
import { IngestError, type Where } from './ingest-error.js';

/** Elements whose start and end break the text into paragraphs. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD']);
const PARAGRAPH = '\u0000';

interface TextNode { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<TextNode> }

/** The text of an element as paragraphs separated by blank lines, whitespace inside them collapsed. */
export function blockText(root: TextNode): string {
  const parts: string[] = [];
  const walk = (node: TextNode): void => {
    if (node.nodeType === 3) parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
    else if (node.nodeType === 1 || node.nodeType === 9 || node.nodeType === 11) {
      const name = node.nodeName.toUpperCase();
      if (SKIPPED.has(name)) return;
      if (name === 'BR') return void parts.push('\n');
      const block = BLOCKS.has(name);
      if (block) parts.push(PARAGRAPH);
      for (const child of Array.from(node.childNodes)) walk(child);
      if (block) parts.push(PARAGRAPH);
    }
  };
  walk(root);
  return parts.join('').split(PARAGRAPH)
    .map((p) => p.replace(/ *\n */g, '\n').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Reads a news page: the reader-view main text, or the whole body's text when no main text stands out. */
export function parseHtmlArticle(raw: string, where: Where): ReadArticle {
  const { document } = parseHTML(raw);
  const meta = pageMetadata(document); // before Readability, which rewrites the document
  let text = '';
  let readerTitle: string | null = null;
  let readerSite: string | null = null;
  try {
    const reader = new Readability(parseHTML(raw).document as unknown as Document).parse();
    if (reader?.content) {
      text = blockText(parseHTML(`<!doctype html><html><body>${reader.content}</body></html>`).document as unknown as TextNode);
      readerTitle = reader.title ?? null;
      readerSite = reader.siteName ?? null;
    }
  } catch {
    // Readability gives up on some pages; the body's text below still serves.
  }
  if (!text && document.body) text = blockText(document.body as unknown as TextNode);
  if (!text) throw new IngestError('bad-html', 'no readable text in this HTML page', where);
  return buildArticle(
    { text, date: meta.date, title: meta.title ?? readerTitle, url: meta.url, source: meta.source ?? readerSite },
    where,
    { looseDate: true },
  );
}
