// Words over the token stream: hyphenated pieces joined ("no-fly", "US-drafted"), normalised for lexicon look-ups.
import { firstEndingAfter, type Doc } from '../doc.js';

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
  /** Part of speech of the last token. */
  pos: string;
  sentence: number;
}

const HYPHENS = new Set(['-', '‑', '–']);

const SPECIAL = /[’‘`\-‑]/;
export const normWord = (s: string): string => {
  const lower = s.toLowerCase();
  return SPECIAL.test(lower) ? lower.replace(/[’‘`]/g, "'").replace(/[-‑]/g, '') : lower;
};

const CACHE = new WeakMap<Doc['tokens'], Word[]>();

/** Builds (once per token list) the word list of a tokenised document: non-space tokens, with "a-b" joined. */
export function wordsOf(doc: Doc): Word[] {
  const cached = CACHE.get(doc.tokens);
  if (cached) return cached;
  const out = buildWords(doc);
  CACHE.set(doc.tokens, out);
  return out;
}

function buildWords(doc: Doc): Word[] {
  const out: Word[] = [];
  const toks = doc.tokens;
  for (let t = 0; t < toks.length; t++) {
    const tok = toks[t];
    if (tok.pos === 'SPACE') continue;
    const c0 = tok.text.charCodeAt(0);
    if ((c0 === 32 || c0 === 10 || c0 === 9 || c0 === 13 || c0 === 160) && tok.text.trim() === '') continue;
    const prev = out[out.length - 1];
    const isHyphen = tok.text === '-' || tok.text === '‑';
    // Join "x" "-" "y" when they touch.
    if (prev && prev.end === tok.start && (isHyphen || HYPHENS.has(prev.text.slice(-1))) && prev.sentence === tok.sentence && prev.pos !== 'PUNCT') {
      if (isHyphen) {
        const next = toks[t + 1];
        if (!next || next.start !== tok.end || next.pos === 'SPACE' || next.pos === 'PUNCT') {
          out.push(mk(out.length, tok.start, tok.end, tok.text, tok.pos, tok.sentence));
          continue;
        }
      }
      prev.end = tok.end;
      prev.text = doc.text.slice(prev.start, prev.end);
      prev.norm = normWord(prev.text);
      prev.parts = prev.text.toLowerCase().split(/[-‑]/).filter(Boolean);
      if (!isHyphen) prev.pos = tok.pos;
      continue;
    }
    // "Poland's," can come as one token: split the possessive off.
    const surface = tok.text;
    const poss = surface.length > 2 && (surface.endsWith("'s") || surface.endsWith('’s')) ? /^(.+?)(['’]s)$/.exec(surface) : null;
    if (poss && tok.pos !== 'PUNCT') {
      const cut = tok.start + poss[1].length;
      out.push(mk(out.length, tok.start, cut, poss[1], tok.pos, tok.sentence));
      out.push(mk(out.length, cut, tok.end, poss[2], 'PART', tok.sentence));
      continue;
    }
    out.push(mk(out.length, tok.start, tok.end, tok.text, tok.pos, tok.sentence));
  }
  return out;
}

const ONE_PART: string[] = [];

function mk(i: number, start: number, end: number, text: string, pos: string, sentence: number): Word {
  // `parts` is filled only for hyphenated words; a single word has none listed.
  return { i, start, end, norm: normWord(text), parts: ONE_PART, text, pos, sentence };
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
