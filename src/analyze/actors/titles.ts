// Titles and offices: whether a role speaks for a government or organisation, and reading a title phrase into a role.
import { SELF_MODIFIERS, TITLE_MODIFIERS, TITLE_PHRASES, type Speaks } from './lexicon.js';
import { fold } from './phrase-index.js';

/** Whom the holder of a role speaks for: their office, or only themselves ("former", "opposition" make it personal). */
const speaksCache = new Map<string, Speaks | null>();
export function titleSpeaks(role: string): Speaks | null {
  let v = speaksCache.get(role);
  if (v === undefined) {
    v = readSpeaks(role);
    if (speaksCache.size < 50_000) speaksCache.set(role, v);
  }
  return v;
}

function readSpeaks(role: string): Speaks | null {
  const f = fold(role);
  // The head of a role is the title ending last; among those, the longest ("campaign spokesman" over "spokesman").
  let best: { start: number; end: number; speaks: Speaks } | null = null;
  for (let i = 0; i < f.length; i++) {
    if (i > 0 && /[a-z0-9]/.test(f[i - 1])) continue;
    const m = TITLE_PHRASES.match(f, f, i);
    if (m && (!best || m.end > best.end || (m.end === best.end && m.start < best.start))) best = { start: m.start, end: m.end, speaks: m.value.speaks };
  }
  if (!best) return null;
  if (f.split(/[\s-]+/).some((w) => SELF_MODIFIERS.has(w))) return 'self';
  return best.speaks;
}

/** True for a word that can stand inside a title: a title word itself or a modifier ("deputy", "foreign"). */
const titleWordCache = new Map<string, boolean>();
export function isTitleWord(word: string): boolean {
  let v = titleWordCache.get(word);
  if (v === undefined) {
    const f = fold(word);
    v = TITLE_MODIFIERS.has(f) || TITLE_PHRASES.match(f, f, 0)?.end === f.length;
    if (titleWordCache.size < 50_000) titleWordCache.set(word, v);
  }
  return v;
}
