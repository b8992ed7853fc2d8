// Chooses the words kept in vectors.bin: every word of the analyser's lexicons, then the most frequent plain words.
import fs from 'node:fs';
import path from 'node:path';
import { plainForm } from '../../analyze/vectors/vectors.js';

/** A plain word: lower-case letters, with inner hyphens or apostrophes ("no-fly", "o'neill"). */
export const PLAIN_WORD = /^\p{Ll}+(?:['-]\p{Ll}+)*$/u;

/** Keys whose values are prose about a lexicon, not part of it. */
const PROSE_KEYS = new Set(['$comment', 'about', 'note']);

/**
 * The lower-case words of a lexicon phrase, each also without its accents when it has some, as the vocabulary
 * writes words ("Orbán’s *", "no-fly zone" → "orbán's", "orban's", "no-fly", "zone").
 */
export function phraseWords(phrase: string): string[] {
  const words = phrase.toLowerCase().replace(/’/g, "'").split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length > 0);
  return words.flatMap((w) => { const p = plainForm(w); return p === w ? [w] : [w, p]; });
}

/** Every word of a parsed JSON lexicon: its strings and its object keys, prose fields left out. */
export function jsonWords(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const w of phraseWords(value)) into.add(w);
  else if (Array.isArray(value)) for (const v of value) jsonWords(v, into);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (PROSE_KEYS.has(key)) continue;
      for (const w of phraseWords(key)) into.add(w);
      jsonWords(v, into);
    }
  }
  return into;
}

/** The JSON files under `dir` (sorted, recursively), leaving out `skip` folders. */
/** Learned models (feature names and weights, written by `npm run train`): not lexicons. */
const LEARNED = /-model\.json$/;

export function jsonFiles(dir: string, skip: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (!skip.includes(path.resolve(file))) out.push(...jsonFiles(file, skip)); }
    else if (entry.name.endsWith('.json') && !LEARNED.test(entry.name)) out.push(file);
  }
  return out;
}

/** The words of every lexicon under src/analyze (the vectors' and the parser's folders and the learned models left out). */
export function lexiconWords(analyzeDir: string): { words: Set<string>; files: string[] } {
  const files = jsonFiles(analyzeDir, [path.resolve(analyzeDir, 'vectors'), path.resolve(analyzeDir, 'parse')]);
  const words = new Set<string>();
  for (const f of files) jsonWords(JSON.parse(fs.readFileSync(f, 'utf8')), words);
  return { words, files };
}

/**
 * The vocabulary: `frequencyOrder` filtered to the lexicon's words (whatever their characters: "g7"; a hyphenated
 * word also when the lexicon writes it without hyphens, as the analyser matches it: "no-fly" for "nofly") and the
 * most frequent plain words, `size` in all (fewer when the source runs out; never fewer than the lexicon's words),
 * kept in frequency order. `usable` rules out words that cannot be stored (a zero vector).
 */
export function selectVocabulary(
  frequencyOrder: readonly string[], lexicon: ReadonlySet<string>, size: number, usable: (word: string) => boolean,
): { words: string[]; fromLexicon: number } {
  const named = (w: string) => lexicon.has(w) || (w.includes('-') && lexicon.has(w.replace(/-/g, '')));
  let fromLexicon = 0;
  for (const w of frequencyOrder) if (named(w) && usable(w)) fromLexicon++;
  const plainQuota = Math.max(0, size - fromLexicon);
  let plain = 0;
  const words: string[] = [];
  for (const w of frequencyOrder) {
    if (named(w)) { if (usable(w)) words.push(w); continue; }
    if (plain < plainQuota && PLAIN_WORD.test(w) && usable(w)) { words.push(w); plain++; }
  }
  return { words, fromLexicon };
}
