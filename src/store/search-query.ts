// A search as a person types it (words, "quoted phrases", OR, -exclusions), read once and written for FTS5 and for PostgreSQL.
import { StoreError } from './store.js';

/** One part of a query: a word or a phrase (its words in order); `not` for an exclusion; `or` when joined to the part before by OR. */
export interface QueryPart { words: string[]; not: boolean; or: boolean }

/** Words too common to search for on their own (PostgreSQL's English configuration drops them; FTS5 is told to as well). */
const STOP = new Set(('a an and are as at be but by for from has have he her his i in is it its of on or our she so that the their them '
  + 'they this to was we were will with').split(' '));

/** The marks the store puts around a matched word in a snippet: private-use characters, never in stored text. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/** The words of a text as both engines split them: letters and digits, apostrophes and hyphens cut. */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Reads a query: words are all required; "a phrase" in quotes; `OR` between two parts means either; `-word` or
 * `-"a phrase"` leaves out what holds it. Common words (the, of, …) outside phrases are left out. A query with nothing
 * left to find is bad input.
 */
export function parseQuery(text: string): QueryPart[] {
  const parts: QueryPart[] = [];
  let or = false;
  for (const m of text.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    const [, minus, phrase, bare] = m;
    if (bare !== undefined && bare === 'OR') { or = parts.length > 0; continue; }
    const not = minus === '-' || (bare?.startsWith('-') ?? false);
    let words = wordsOf(phrase ?? bare!);
    if (phrase === undefined && words.length === 1 && STOP.has(words[0]) && !not) words = [];
    if (!words.length) continue;
    parts.push({ words, not, or: or && !not });
    or = false;
  }
  if (!parts.some((p) => !p.not)) {
    throw new StoreError('bad-input', `the search "${text.trim().slice(0, 100)}" has no word to find: give at least one word that is not only excluded (-word) or common (the, of)`);
  }
  return parts;
}

/** Groups of alternatives (parts joined by OR), all groups required, then the exclusions. */
function groups(parts: QueryPart[]): { all: QueryPart[][]; none: QueryPart[] } {
  const all: QueryPart[][] = [];
  for (const p of parts.filter((x) => !x.not)) {
    if (p.or && all.length) all[all.length - 1].push(p);
    else all.push([p]);
  }
  return { all, none: parts.filter((x) => x.not) };
}

/** The query in FTS5's syntax: every word or phrase quoted (so nothing in it is read as an operator). */
export function toFts5(parts: QueryPart[]): string {
  const quoted = (p: QueryPart) => `"${p.words.join(' ')}"`;
  const { all, none } = groups(parts);
  const must = all.map((g) => (g.length > 1 ? `(${g.map(quoted).join(' OR ')})` : quoted(g[0]))).join(' AND ');
  return none.length ? `${must} NOT (${none.map(quoted).join(' OR ')})` : must;
}

/** The query for PostgreSQL's websearch_to_tsquery, written back from the parts (the same reading as FTS5's). */
export function toWebsearch(parts: QueryPart[]): string {
  const shown = (p: QueryPart) => (p.words.length > 1 ? `"${p.words.join(' ')}"` : p.words[0]);
  const { all, none } = groups(parts);
  return [...all.map((g) => g.map(shown).join(' OR ')), ...none.map((p) => `-${shown(p)}`)].join(' ');
}

/** A text with the stretches that matched the search: UTF-16 offsets into `text`. */
export interface Highlighted { text: string; matches: Array<{ start: number; end: number }> }

/** Reads a text the database marked (MATCH_START … MATCH_END around each matched word) into the text and its matches. */
export function unmark(marked: string): Highlighted {
  let text = '';
  const matches: Array<{ start: number; end: number }> = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MATCH_START) { open = text.length; continue; }
    if (ch === MATCH_END) {
      if (open >= 0 && text.length > open) {
        const last = matches[matches.length - 1];
        // Two matched words with only a space between read as one match ("naval patrol").
        if (last && /^\s*$/.test(text.slice(last.end, open))) last.end = text.length;
        else matches.push({ start: open, end: text.length });
      }
      open = -1;
      continue;
    }
    text += ch;
  }
  return { text, matches };
}

/** The text with its matches between the given marks (« » on a terminal). */
export const marked = (h: Highlighted, open = '«', close = '»'): string => {
  let out = '';
  let at = 0;
  for (const m of h.matches) { out += h.text.slice(at, m.start) + open + h.text.slice(m.start, m.end) + close; at = m.end; }
  return out + h.text.slice(at);
};
