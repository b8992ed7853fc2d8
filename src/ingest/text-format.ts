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

/** Reads one article in the line format; without a header the date is unknown (null), without a problem. */
export function parseTextArticle(raw: string, where: Where): ReadArticle {
  const { date, text } = splitHeader(raw);
  return buildArticle({ text, date }, where);
}
