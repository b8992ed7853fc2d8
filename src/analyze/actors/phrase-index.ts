// Finds lexicon phrases in a text by character comparison on a folded copy (no regex per entry): longest match wins.

/** Folds one character: lower case, accents dropped, curly quotes and dashes made plain; length is kept. */
const foldCache = new Map<string, string>();
function foldChar(c: string): string {
  let f = foldCache.get(c);
  if (f !== undefined) return f;
  f = c.toLowerCase();
  if (c === '’' || c === '‘' || c === '`' || c === 'ʼ') f = "'";
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

/** The text folded character by character (same length, same offsets). */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]);
  return out;
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();

/** The first run of letters and digits at a position of a folded string: the bucket key. */
export function leadKey(folded: string, pos: number): string {
  let end = pos;
  while (end < folded.length && isWordChar(folded[end])) end++;
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

/** A set of phrases, each with a value; case rules come from how each phrase is written. */
export class PhraseIndex<T> {
  private buckets = new Map<string, Entry<T>[]>();

  add(phrase: string, value: T): void {
    const folded = fold(phrase.trim().replace(/\s+/g, ' '));
    const key = leadKey(folded, 0);
    if (!key) return;
    const cases = phrase.trim().split(/\s+/).map(caseOf);
    const list = this.buckets.get(key) ?? [];
    list.push({ phrase, folded, cases, value });
    list.sort((a, b) => b.folded.length - a.folded.length);
    this.buckets.set(key, list);
  }

  /** All phrases starting at pos, longest first. `folded` is fold(text). */
  matchAll(text: string, folded: string, pos: number): PhraseMatch<T>[] {
    const list = this.buckets.get(leadKey(folded, pos));
    if (!list) return [];
    const out: PhraseMatch<T>[] = [];
    for (const e of list) {
      const end = compare(text, folded, pos, e);
      if (end > 0) out.push({ start: pos, end, value: e.value, phrase: e.phrase });
    }
    return out;
  }

  /** The longest phrase starting at pos, or null. */
  match(text: string, folded: string, pos: number): PhraseMatch<T> | null {
    return this.matchAll(text, folded, pos)[0] ?? null;
  }
}

/** End offset of entry e matched at pos (a space in the phrase matches any run of spaces), or -1. */
function compare<T>(text: string, folded: string, pos: number, e: Entry<T>): number {
  let i = pos;
  let word = 0;
  let wordStart = pos;
  const check = (from: number, to: number): boolean => {
    const rule = e.cases[word];
    if (rule === 'any' || rule === undefined) return true;
    const w = text.slice(from, to).replace(/[^\p{L}]/gu, '');
    if (!w) return true;
    if (rule === 'cap') return isUpper(w[0]);
    return w === w.toUpperCase();
  };
  for (let k = 0; k < e.folded.length; k++) {
    const c = e.folded[k];
    if (c === ' ') {
      if (i >= folded.length || !/\s/.test(folded[i])) return -1;
      if (!check(wordStart, i)) return -1;
      while (i < folded.length && /\s/.test(folded[i])) i++;
      word++;
      wordStart = i;
      continue;
    }
    if (folded[i] !== c) return -1;
    i++;
  }
  if (isWordChar(folded[i]) && isWordChar(folded[i - 1])) return -1; // must end at a word boundary
  if (!check(wordStart, i)) return -1;
  return i;
}
