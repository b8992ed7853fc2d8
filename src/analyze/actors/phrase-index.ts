// Finds lexicon phrases in a text by character comparison on a folded copy (no regex per entry): longest match wins.

/** Folds one character: lower case, accents dropped, curly quotes and dashes made plain; length is kept. */
const foldCache = new Map<string, string>();
function foldChar(c: string): string {
  let f = foldCache.get(c);
  if (f !== undefined) return f;
  f = c.toLowerCase();
  if (c === '’' || c === '‘' || c === '`' || c === 'ʼ') f = "'";
  else if (c === '\u00a0' || c === '\u2009' || c === '\u202f') f = ' ';
  else if (c === '‐' || c === '‑' || c === '–') f = '-';
  else if (c === 'ł' || c === 'Ł') f = 'l';
  else if (c === 'ø' || c === 'Ø') f = 'o';
  else if (c === 'ı' || c === 'İ') f = 'i';
  else if (c === 'đ' || c === 'Đ') f = 'd';
  else {
    const base = f.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (base.length === 1) f = base;
  }
  if (f.length !== 1) f = c; // keep offsets aligned
  foldCache.set(c, f);
  return f;
}

/** A tab or line break folds to a space; any other character as foldChar says. */
const foldBreakOrChar = (c: string): string => (c === '\t' || c === '\r' || c === '\n' ? ' ' : foldChar(c));

/** True when folding leaves a string as it is: ASCII with no capital letter, tab or line break (most words). */
function isFolded(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const n = s.charCodeAt(i);
    if (n >= 128 || (n >= 65 && n <= 90) || n === 9 || n === 10 || n === 13) return false;
  }
  return true;
}

/** The text folded character by character (same length, same offsets). */
export function fold(text: string): string {
  if (isFolded(text)) return text;
  const lower = text.toLowerCase();
  // One pass over the line breaks and non-ASCII characters only; lower-casing that changes the length falls back
  // to char by char.
  if (lower.length === text.length) return lower.replace(/[\t\r\n]|[^\x00-\x7f]/g, foldBreakOrChar);
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]);
  return out;
}

export const isWordChar = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const n = c.charCodeAt(0);
  if (n < 128) return (n >= 97 && n <= 122) || (n >= 65 && n <= 90) || (n >= 48 && n <= 57);
  return /[\p{L}\p{N}]/u.test(c);
};
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();

/** The first run of letters and digits at a position of a folded string: the bucket key. */
export function leadKey(folded: string, pos: number): string {
  let end = pos;
  while (end < folded.length) {
    const n = folded.charCodeAt(end);
    if ((n >= 97 && n <= 122) || (n >= 48 && n <= 57)) { end++; continue; }
    if (n < 128 || !isWordChar(folded[end])) break;
    end++;
  }
  return folded.slice(pos, end);
}

interface Entry<T> {
  phrase: string;
  folded: string;
  /** For each word of the phrase: 'any' case, 'cap' (first letter upper) or 'caps' (all upper). */
  cases: ('any' | 'cap' | 'caps')[];
  value: T;
}

export interface PhraseMatch<T> { start: number; end: number; value: T; phrase: string }

function caseOf(word: string): 'any' | 'cap' | 'caps' {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (!letters) return 'any';
  if (letters.length >= 2 && isUpper(letters) && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'caps';
  if (isUpper(letters[0])) return 'cap';
  return 'any';
}

/** The entries of one lead word: those whose next word is known (after a space), by that word, and the rest.
 * A frequent lead ("the") would otherwise compare every phrase it opens at each occurrence. */
interface Bucket<T> { bySecond: Map<string, Entry<T>[]>; rest: Entry<T>[] }

const byLength = <T>(a: Entry<T>, b: Entry<T>) => b.folded.length - a.folded.length;

/** A set of phrases, each with a value; case rules come from how each phrase is written. */
export class PhraseIndex<T> {
  private buckets = new Map<string, Bucket<T>>();

  add(phrase: string, value: T): void {
    const folded = fold(phrase.trim().replace(/\s+/g, ' '));
    const key = leadKey(folded, 0);
    if (!key) return;
    const cases = phrase.trim().split(/\s+/).map(caseOf);
    let bucket = this.buckets.get(key);
    if (!bucket) { bucket = { bySecond: new Map(), rest: [] }; this.buckets.set(key, bucket); }
    const second = folded[key.length] === ' ' ? leadKey(folded, key.length + 1) : '';
    const list = second ? bucket.bySecond.get(second) ?? [] : bucket.rest;
    list.push({ phrase, folded, cases, value });
    list.sort(byLength);
    if (second) bucket.bySecond.set(second, list);
  }

  /** False when no phrase can start with a word: a cheap test before match(). A word that is not plain ASCII
   * lower case is let through, as its lead key may differ from it. */
  hasLead(word: string): boolean {
    for (let i = 0; i < word.length; i++) {
      const n = word.charCodeAt(i);
      if (!((n >= 97 && n <= 122) || (n >= 48 && n <= 57))) return true;
    }
    return this.buckets.has(word);
  }

  /** The longest phrase starting at pos, or null; `key` may give leadKey(folded, pos) when the caller has it. */
  match(text: string, folded: string, pos: number, key?: string): PhraseMatch<T> | null {
    const lead = key ?? leadKey(folded, pos);
    const bucket = this.buckets.get(lead);
    if (!bucket) return null;
    let best: PhraseMatch<T> | null = null;
    const after = pos + lead.length;
    if (bucket.bySecond.size && folded[after] === ' ') {
      const list = bucket.bySecond.get(leadKey(folded, after + 1));
      if (list) best = firstMatch(text, folded, pos, list);
    }
    const other = firstMatch(text, folded, pos, bucket.rest);
    if (other && (!best || other.end > best.end)) best = other;
    return best;
  }
}

/** The first (longest) entry of a list matched at pos, or null. */
function firstMatch<T>(text: string, folded: string, pos: number, list: Entry<T>[]): PhraseMatch<T> | null {
  for (const e of list) {
    const end = compare(text, folded, pos, e);
    if (end > 0) return { start: pos, end, value: e.value, phrase: e.phrase };
  }
  return null;
}

/** End offset of entry e matched at pos, or -1: the folded text must hold the phrase there (white space folded to
 * single spaces), end at a word boundary, and keep the case the phrase asks for. */
function compare<T>(text: string, folded: string, pos: number, e: Entry<T>): number {
  if (!folded.startsWith(e.folded, pos)) return -1;
  const end = pos + e.folded.length;
  if (isWordChar(folded[end]) && isWordChar(folded[end - 1])) return -1;
  let wordStart = pos;
  let word = 0;
  for (let i = pos; i <= end; i++) {
    if (i < end && folded[i] !== ' ') continue;
    const rule = e.cases[word];
    if ((rule === 'cap' || rule === 'caps') && !caseFits(text, wordStart, i, rule)) return -1;
    word++;
    wordStart = i + 1;
  }
  return end;
}

/** True when the letters of text[from, to) keep a case rule: the first one upper case ('cap') or all of them ('caps').
 * A word of no letters keeps any rule. */
function caseFits(text: string, from: number, to: number, rule: 'cap' | 'caps'): boolean {
  let ascii = true;
  for (let i = from; i < to && ascii; i++) ascii = text.charCodeAt(i) < 128;
  if (!ascii) {
    const w = text.slice(from, to).replace(/[^\p{L}]/gu, '');
    return !w || (rule === 'cap' ? isUpper(w[0]) : w === w.toUpperCase());
  }
  for (let i = from; i < to; i++) {
    const n = text.charCodeAt(i);
    const lower = n >= 97 && n <= 122;
    if (!lower && !(n >= 65 && n <= 90)) continue; // not a letter
    if (rule === 'cap') return !lower;
    if (lower) return false;
  }
  return true;
}
