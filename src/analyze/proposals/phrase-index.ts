// A look-up of multi-word lexicon phrases over the word stream: candidates by first word, longest match first.
import { objectList } from '../doc.js';
import { lexiconNumber, lexiconNumbers, normWord, type Word } from './words.js';

export interface PhraseMatch<T> {
  first: number; // word index
  last: number;  // word index, inclusive
  entry: T;
}

/** A phrase as the text it was given in (normalised words) and as the lexicon numbers its matching compares. */
interface Compiled<T> { words: string[]; pattern: number[]; entry: T }

/** Up to this many words may fill a "*" gap in a phrase ("rule * out"). */
const GAP = 3;
/** A "*" gap in a compiled pattern (no word has this lexicon number). */
const GAP_MARK = -2;

export class PhraseIndex<T> {
  /** The phrases by the lexicon number of their first word (`Word.lex`); every word of a phrase is numbered. */
  private byFirst: Compiled<T>[][] = [];
  private firsts: string[] = [];

  /** The first words of its phrases, normalised. */
  firstWords(): readonly string[] {
    return this.firsts;
  }

  /** Adds a phrase (space-separated words, "*" for a short gap) with its entry. */
  add(phrase: string, entry: T): void {
    const words = phrase.split(/\s+/).filter(Boolean).map((w) => (w === '*' ? w : normWord(w)));
    if (!words.length || words[0] === '*') return;
    const n = lexiconNumber(words[0]);
    if (!this.byFirst[n]) { this.byFirst[n] = []; this.firsts.push(words[0]); }
    const list = this.byFirst[n];
    if (list.some((c) => c.words.join(' ') === words.join(' '))) return;
    list.push({ words, pattern: words.map((w) => (w === '*' ? GAP_MARK : lexiconNumber(w))), entry });
    list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Whether some phrase begins with the word of this lexicon number (`Word.lex`, see lexiconNumbers). */
  begins(lex: number): boolean {
    return lex >= 0 && this.byFirst[lex] !== undefined;
  }

  /** The longest phrase starting at word i, or null. Matches stay inside one sentence. */
  matchAt(words: Word[], i: number): PhraseMatch<T> | null {
    const lex = words[i].lex;
    const list = lex < 0 ? undefined : this.byFirst[lex];
    if (!list) return null;
    // The first of the longest: phrases are listed longest first, and a later one wins only with a longer span.
    let last = -1;
    let entry: T | undefined;
    for (const c of list) {
      const end = matchFrom(words, i, c.pattern, 0, words[i].sentence);
      if (end > last) { last = end; entry = c.entry; }
    }
    return last < 0 ? null : { first: i, last, entry: entry as T };
  }

  /** All non-overlapping longest matches, left to right, between word indices [from, to]. */
  scan(words: Word[], from = 0, to = words.length - 1): PhraseMatch<T>[] {
    const out = objectList<PhraseMatch<T>>();
    const lex = lexiconNumbers(words);
    for (let i = from; i <= to; i++) {
      if (!this.begins(lex[i])) continue;
      const m = this.matchAt(words, i);
      if (m && m.last <= to) {
        out.push(m);
        i = m.last;
      }
    }
    return out;
  }
}

/** The last word of pattern[p…] matched from word i inside the sentence, or -1. */
function matchFrom(words: Word[], i: number, pattern: number[], p: number, sentence: number): number {
  let w = i;
  for (; p < pattern.length; p++) {
    if (pattern[p] === GAP_MARK) {
      // Try the shortest gap that lets the rest match.
      for (let g = 0; g <= GAP; g++) {
        const rest = restFrom(words, w + g, pattern, p + 1, sentence);
        if (rest >= 0) return rest;
        if (w + g >= words.length) break;
        const gw = words[w + g];
        if (gw.sentence !== sentence || gw.pos === 'PUNCT') break;
      }
      return -1;
    }
    // The index is checked, not read past the end: an out-of-bounds read makes V8 drop the compiled caller.
    if (w >= words.length) return -1;
    const cur = words[w];
    if (cur.sentence !== sentence || cur.lex !== pattern[p]) return -1;
    w++;
  }
  return w - 1;
}

/** The rest of a pattern after a gap, from word i: its first word must be there. */
function restFrom(words: Word[], i: number, pattern: number[], p: number, sentence: number): number {
  if (p === pattern.length) return i - 1;
  if (i >= words.length) return -1;
  const cur = words[i];
  if (cur.sentence !== sentence || cur.lex !== pattern[p]) return -1;
  return matchFrom(words, i, pattern, p, sentence);
}

/** A set of single lexicon words, tested by a word's lexicon number. */
export class WordSet {
  private members: boolean[] = [];

  /** Normalised words (as `Word.norm`). */
  constructor(norms: Iterable<string>) {
    for (const n of norms) this.members[lexiconNumber(n)] = true;
  }

  /** Whether the word of this lexicon number (`Word.lex`, see lexiconNumbers) is in the set. */
  hasNumber(lex: number): boolean {
    return lex >= 0 && this.members[lex] === true;
  }
}

/** Plural forms of a noun: tank → tanks, embargo → embargoes, policy → policies. */
export function plurals(noun: string): string[] {
  if (/[^aeiou]y$/.test(noun)) return [noun.slice(0, -1) + 'ies'];
  if (/(s|sh|ch|x|z)$/.test(noun)) return [noun + 'es'];
  if (/o$/.test(noun)) return [noun + 'es', noun + 's'];
  return [noun + 's'];
}
