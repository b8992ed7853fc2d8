// Words over the token stream: hyphenated pieces joined ("no-fly", "US-drafted"), normalised for lexicon look-ups.
import { firstEndingAfter, isBlankText, objectList, type Doc, type Token } from '../doc.js';
import { ByLexeme, lexemesOf } from '../tokenize/lexemes.js';

export interface Word {
  i: number;
  start: number;
  end: number;
  /** Lower case, curly apostrophes straightened, hyphens removed ("no-fly" → "nofly"). */
  norm: string;
  /** The hyphen-separated parts of a hyphenated word, lower case ("us-drafted" → ["us", "drafted"]); empty otherwise. */
  parts: string[];
  /** Surface text. */
  text: string;
  /** The lexicon number of `norm` (see `lexiconNumber`), or -1 when no look-up keys on it. */
  lex: number;
  /** Part of speech of the last token. */
  pos: string;
  sentence: number;
}

/** - ‑ – : a word ending in one is joined to the next. */
const isHyphenCode = (c: number): boolean => c === 0x2d || c === 0x2011 || c === 0x2013;

/** Whether a lower-case word holds a character normWord changes (’ ‘ ` - ‑); a loop over char codes, not a regex. */
function hasSpecial(lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x2d || c === 0x60 || c === 0x2011 || c === 0x2018 || c === 0x2019) return true;
  }
  return false;
}

/** `normWord` of a string already in lower case. */
const normLower = (lower: string): string => (hasSpecial(lower) ? lower.replace(/[’‘`]/g, "'").replace(/[-‑]/g, '') : lower);
export const normWord = (s: string): string => normLower(s.toLowerCase());

/**
 * The lexicon's words: every word a look-up over the word stream keys on (a word of a PhraseIndex phrase, a
 * member of a WordSet), numbered as they are registered. A word carries its number (`Word.lex`), so a look-up indexes
 * an array instead of hashing the word's text again.
 */
const LEXICON = new Map<string, number>();

/** The lexicon number of a normalised word, registering it when new. */
export function lexiconNumber(norm: string): number {
  let n = LEXICON.get(norm);
  if (n === undefined) {
    n = LEXICON.size;
    LEXICON.set(norm, n);
  }
  return n;
}

const lexOf = (norm: string): number => LEXICON.get(norm) ?? -1;

/** A word's normal form and lexicon number, kept per word (the number as of a lexicon size: words may be registered later). */
interface Normal { norm: string; lex: number; lexicon: number }
const NORMALS = new ByLexeme((text): Normal => {
  const norm = normWord(text);
  return { norm, lex: lexOf(norm), lexicon: LEXICON.size };
});
function normalOf(toks: readonly Token[], lexemes: readonly number[] | undefined, t: number): Normal {
  const n = NORMALS.of(toks, lexemes, t);
  if (n.lexicon !== LEXICON.size) {
    n.lex = lexOf(n.norm);
    n.lexicon = LEXICON.size;
  }
  return n;
}

const CACHE = new WeakMap<Doc['tokens'], { words: Word[]; lexicon: number }>();
const NUMBERS = new WeakMap<Word[], Int32Array>();

/** Builds (once per token list) the word list of a tokenised document: non-space tokens, with "a-b" joined. */
export function wordsOf(doc: Doc): Word[] {
  const cached = CACHE.get(doc.tokens);
  if (cached) {
    // Lexicon words registered since the words were built: number them too.
    if (cached.lexicon !== LEXICON.size) {
      for (const w of cached.words) w.lex = lexOf(w.norm);
      NUMBERS.set(cached.words, numbersOf(cached.words));
      cached.lexicon = LEXICON.size;
    }
    return cached.words;
  }
  const words = buildWords(doc);
  CACHE.set(doc.tokens, { words, lexicon: LEXICON.size });
  NUMBERS.set(words, numbersOf(words));
  return words;
}

/**
 * The words' lexicon numbers side by side (`Word.lex` of each): a pass over the whole word list that only looks words
 * up reads these and touches just the words it finds.
 */
export function lexiconNumbers(words: Word[]): Int32Array {
  let numbers = NUMBERS.get(words);
  if (!numbers) {
    numbers = numbersOf(words);
    NUMBERS.set(words, numbers);
  }
  return numbers;
}

function numbersOf(words: Word[]): Int32Array {
  const numbers = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) numbers[i] = words[i].lex;
  return numbers;
}

function buildWords(doc: Doc): Word[] {
  const out = objectList<Word>();
  const toks = doc.tokens;
  const lexemes = lexemesOf(toks);
  for (let t = 0; t < toks.length; t++) {
    const tok = toks[t];
    if (tok.pos === 'SPACE') continue;
    // The tests read the lower case (what the word is normalised from), so most tokens' surface text is never read.
    const lower = tok.lower;
    const c0 = lower.charCodeAt(0);
    if (isBlankText(lower)) continue;
    const prev = out[out.length - 1];
    const isHyphen = lower.length === 1 && (c0 === 0x2d || c0 === 0x2011); // - ‑
    // Join "x" "-" "y" when they touch.
    if (prev && prev.end === tok.start && (isHyphen || endsWithHyphen(prev.text)) && prev.sentence === tok.sentence && prev.pos !== 'PUNCT') {
      if (isHyphen) {
        const next = toks[t + 1];
        if (!next || next.start !== tok.end || next.pos === 'SPACE' || next.pos === 'PUNCT') {
          out.push(mk(out.length, tok.start, tok.end, tok.text, normLower(lower), tok.pos, tok.sentence));
          continue;
        }
      }
      prev.end = tok.end;
      prev.text = doc.text.slice(prev.start, prev.end);
      const joined = prev.text.toLowerCase();
      prev.norm = normLower(joined);
      prev.lex = lexOf(prev.norm);
      prev.parts = joined.split(/[-‑]/).filter(Boolean);
      if (!isHyphen) prev.pos = tok.pos;
      continue;
    }
    // "Poland's," can come as one token: split the possessive off ("'S" in capitals stays on).
    const surface = tok.text;
    if (isPossessive(lower) && isPossessive(surface) && tok.pos !== 'PUNCT') {
      const stem = surface.slice(0, -2);
      const cut = tok.start + stem.length;
      out.push(mk(out.length, tok.start, cut, stem, normWord(stem), tok.pos, tok.sentence));
      out.push(mk(out.length, cut, tok.end, surface.slice(-2), "'s", 'PART', tok.sentence));
      continue;
    }
    const normal = normalOf(toks, lexemes, t);
    out.push(mk(out.length, tok.start, tok.end, surface, normal.norm, tok.pos, tok.sentence, normal.lex));
  }
  return out;
}

const endsWithHyphen = (s: string): boolean => s.length > 0 && isHyphenCode(s.charCodeAt(s.length - 1));

/** "Poland's", "Poland’s": a word with a possessive ending still on it. */
function isPossessive(s: string): boolean {
  const n = s.length;
  if (n <= 2 || s.charCodeAt(n - 1) !== 115) return false; // 's'
  const c = s.charCodeAt(n - 2);
  return c === 39 || c === 0x2019; // ' or ’ (codes, not one-character strings: those differ in kind beyond ASCII)
}

const ONE_PART: string[] = [];

function mk(i: number, start: number, end: number, text: string, norm: string, pos: string, sentence: number, lex = lexOf(norm)): Word {
  // `parts` is filled only for hyphenated words; a single word has none listed.
  return { i, start, end, norm, parts: ONE_PART, text, lex, pos, sentence };
}

/** Index of the first word ending after a character offset (binary search). */
export const wordAt = (words: Word[], offset: number): number => firstEndingAfter(words, offset);

/** The first and last sentence word indices, computed once per document. */
export function sentenceRanges(words: Word[]): Map<number, { first: number; last: number }> {
  const m = new Map<number, { first: number; last: number }>();
  for (const w of words) {
    const r = m.get(w.sentence);
    if (r) r.last = w.i;
    else m.set(w.sentence, { first: w.i, last: w.i });
  }
  return m;
}
