// Plain-text input: an optional ` date YYYY-MM-DD ` header line (the seed's line format), then the article body.
import { buildArticle, type ReadArticle } from './article.js';
import type { Where } from './ingest-error.js';

/**
 * ` date VALUE ` at the very start, VALUE followed by a space or a line break. VALUE must look like
 * an attempt at a date (a digit first, or a word such as "unknown") so that a plain article that
 * happens to open with "date" is not cut.
 */
const HEADER = /^ ?date ([0-9][^\s]*|unknown|none|null|n\/a|\?+)(?: |\r?\n)/i;

/** The header's date value and the body after it; no header: date undefined, the whole text. */
export function splitHeader(raw: string): { date: string | undefined; text: string } {
  const m = HEADER.exec(raw);
  return m ? { date: m[1], text: raw.slice(m[0].length) } : { date: undefined, text: raw };
}

/** A title longer than this is cut at a word, with an ellipsis. */
export const TITLE_CHARS = 150;

/**
 * A plain text's title: its first line that holds anything, white space collapsed, cut to TITLE_CHARS at a word (a text
 * whose first line is a whole paragraph still gets a title a list can show). The text itself keeps the line.
 */
export function firstLineTitle(text: string): string | null {
  const line = text.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).find((l) => l);
  if (!line) return null;
  if (line.length <= TITLE_CHARS) return line;
  const cut = line.slice(0, TITLE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Reads one article in the line format; without a header the date is unknown (null), without a problem. Its first line is its title. */
export function parseTextArticle(raw: string, where: Where): ReadArticle {
  const { date, text } = splitHeader(raw);
  return buildArticle({ text, date, title: firstLineTitle(text) }, where);
}
