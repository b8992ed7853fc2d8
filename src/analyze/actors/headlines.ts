// Headlines: sentences written in title case, where capitalised words are not names by that alone.
import { isCapitalised, isUpperCase, wordBefore, type ActorsContext } from './context.js';

const TITLE_CASE_POS = new Set(['VERB', 'AUX', 'ADP', 'CCONJ', 'SCONJ', 'PART']);

const TITLE_CASE_SMALL = new Set(['with', 'over', 'for', 'to', 'on', 'in', 'of', 'and', 'but', 'is', 'was', 'are', 'can', 'will', 'as', 'at', 'by', 'from', 'after', 'amid']);

/** True when a word opens with four letters. */
function fourLetters(s: string): boolean {
  for (let i = 0; i < 4; i++) {
    const n = s.charCodeAt(i) | 32;
    if (n >= 97 && n <= 122) continue;
    if (s.charCodeAt(i) < 128 || !/\p{L}/u.test(s[i])) return false;
  }
  return true;
}

/** Sentences written in title case (headlines): most longer words capitalised, and a capitalised verb or small word
 * inside ("Graham Says", "Breaks With"), which running prose never has. */
export function headlineSentences(ctx: ActorsContext): Set<number> {
  const out = new Set<number>();
  const n = ctx.doc.sentences.length + 1;
  // Per sentence: long words, capitalised long words, title-case marks.
  const longs = new Int32Array(n);
  const capsLong = new Int32Array(n);
  const marksIn = new Int32Array(n);
  for (let k = 0; k < ctx.words.length; k++) {
    const w = ctx.words[k];
    const caps = isCapitalised(w.text);
    const inside = wordBefore(ctx.words, k)?.sentence === w.sentence;
    const long = w.text.length >= 4 && fourLetters(w.text);
    if (!long && !(caps && inside && TITLE_CASE_SMALL.has(w.lower))) continue;
    const s = w.sentence;
    if (long) { longs[s]++; if (caps) capsLong[s]++; }
    if (caps && inside && (TITLE_CASE_SMALL.has(w.lower) || TITLE_CASE_POS.has(w.pos)) && !isUpperCase(w.text)) marksIn[s]++;
  }
  for (let s = 0; s < n; s++) {
    const count = longs[s];
    if (count >= 3 && capsLong[s] / count >= 0.8 && (marksIn[s] > 0 || capsLong[s] === count)) out.add(s);
  }
  return out;
}
