// Tells a quoted sentence (direct) from a fragment woven into the reporter's sentence (partial), and spots titles and scare quotes.
import type { Doc, Quote } from '../doc.js';
import type { MarkedSpan } from './marks.js';

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'to', 'for', 'with', 'at', 'by', 'from', 'is', 'as']);

/** `direct` when the quote opens its sentence or follows a colon or comma, `partial` when it is woven into the sentence. */
export function quoteKind(doc: Doc, q: MarkedSpan): Quote['kind'] {
  const text = doc.text;
  let b = q.open - 1;
  while (b >= q.para.start && /\s/.test(text[b])) b--;
  const before = b >= q.para.start ? text[b] : '';
  const body = text.slice(q.start, q.end);
  const capital = /^[\p{Lu}\p{N}]/u.test(body);
  if (capital && (before === '' || /[:,.!?—–]/.test(before))) return 'direct';
  if (capital && /[.!?,]$/.test(body) && body.split(/\s+/).length >= 6) return 'direct';
  return 'partial';
}

/** Text that is not somebody's words: markup attributes, stage directions, a transcript's "NAME:" lines. */
export function isNotSpeech(doc: Doc, q: MarkedSpan): boolean {
  const text = doc.text;
  if (text[q.open - 1] === '=') return true;
  const body = text.slice(q.start, q.end);
  if (/^\(.*\)\.?$/.test(body)) return true;
  if (/^[\p{Lu}][\p{Lu}.’' \-]{1,30}:\s/u.test(body)) return true;
  if (!/[\p{L}]/u.test(body)) return true;
  return false;
}

/**
 * The words of a quote (trailing punctuation dropped), or null when there are more than `max`: most quotes are
 * long, and telling titles and terms apart needs only short ones.
 */
function shortWords(doc: Doc, q: MarkedSpan, max: number): string[] | null {
  // Closing punctuation can take away at most the last word: with more than max + 1 words, the quote is long.
  const any = /\S+/g;
  any.lastIndex = q.start;
  for (let m = any.exec(doc.text), n = 0; m && m.index < q.end; m = any.exec(doc.text)) if (++n > max + 1) return null;
  const body = doc.text.slice(q.start, q.end).replace(/[.,!?;:]+$/, '');
  const words: string[] = [];
  const re = /\S+/g;
  for (let m = re.exec(body); m; m = re.exec(body)) if (words.push(m[0]) > max) return null;
  return words;
}

/** Whether some words are not small ones and all of those open with a capital or digit. */
function capitalised(words: string[]): boolean {
  const significant = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  return significant.length > 0 && significant.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

/** A short span in title case ("Morning Joe", "Fox News Sunday"). */
export function isTitleCase(doc: Doc, q: MarkedSpan): boolean {
  const words = shortWords(doc, q, 6);
  return words !== null && capitalised(words);
}

const TITLE_LEADS = new Set(['on', 'of', 'titled', 'entitled', 'dubbed', 'show', 'program', 'programme', 'book', 'film', 'documentary', 'song', 'album', 'column', 'series']);

/** A title by its place: title case right after "on", "of", "titled" or a possessive ("on “Face the Nation,”", "MSNBC’s “Morning Joe”"). */
export function isPlacedTitle(doc: Doc, q: MarkedSpan): boolean {
  if (!isTitleCase(doc, q)) return false;
  const before = doc.text.slice(Math.max(q.para.start, q.open - 24), q.open).trimEnd();
  const word = /([\p{L}’']+)$/u.exec(before)?.[1] ?? '';
  return TITLE_LEADS.has(word.toLowerCase()) || /[’']s$/.test(word);
}

/** A title ("Morning Joe", "Fox News Sunday") or a scare-quoted term: short, and no one is said to have said it. */
export function looksLikeTitleOrTerm(doc: Doc, q: MarkedSpan): boolean {
  const words = shortWords(doc, q, 6);
  if (!words) return false;
  return words.length <= 3 || capitalised(words);
}
