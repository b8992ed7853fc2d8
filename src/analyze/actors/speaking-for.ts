// "Speaking for the Alliance of Small Island States, X said", "X, speaking on behalf of the EU": whom a person speaks for,
// said outright beside the name; it outweighs the person's own title.
import type { Token } from '../doc.js';
import { claimedAt, type ActorsContext } from './context.js';

/** The country or organisation actor named right after "speaking for" / "on behalf of" at word j, or -1. */
function behalfAt(ctx: ActorsContext, j: number): { actor: number; end: number } | null {
  const { words, doc } = ctx;
  let k = j;
  if (/^(speaking|spoke|speaks|talking)$/.test(words[k]?.lower ?? '')) k++;
  if (words[k]?.lower === 'for') k++;
  else if (words[k]?.lower === 'on' && words[k + 1]?.lower === 'behalf' && words[k + 2]?.lower === 'of') k += 3;
  else return null;
  if (k === j + 1 && words[j].lower === 'for') return null; // a bare "for" is no "speaking for"
  if (words[k]?.lower === 'the') k++;
  const a = claimedAt(ctx, words[k]?.start ?? -1);
  if (a < 0) return null;
  const kind = doc.actors[a].kind;
  if (kind !== 'country' && kind !== 'organization') return null;
  while (k + 1 < words.length && claimedAt(ctx, words[k + 1].start) === a) k++;
  return { actor: a, end: k };
}

/** Whom a name (words from..to) speaks for, when "speaking for …" or "on behalf of …" stands beside it. */
export function speakingFor(ctx: ActorsContext, from: number, to: number): string | null {
  const { words, doc } = ctx;
  const sentence = words[from].sentence;
  // Before: "Speaking for X, NAME" / "On behalf of X, NAME".
  for (let j = from - 2; j >= 0 && from - j <= 14 && words[j].sentence === sentence; j--) {
    if (!/^(speaking|spoke|on|talking)$/.test(words[j].lower)) continue;
    const b = behalfAt(ctx, j);
    if (b && words[b.end + 1]?.text === ',' && b.end + 2 === from) return doc.actors[b.actor].key;
  }
  // After: "NAME, Palau's environment minister, speaking for X".
  const commas: Token[] = [];
  for (let j = to + 1; j < words.length && j - to <= 16 && words[j].sentence === sentence; j++) {
    const w = words[j];
    if (w.text === ',') { commas.push(w); continue; }
    if (/^[“”"]$/.test(w.text)) break;
    const a = claimedAt(ctx, w.start);
    if (a >= 0 && doc.actors[a].kind === 'person') break;
    if (commas.length && words[j - 1].text === ',' && /^(speaking|on)$/.test(w.lower)) {
      const b = behalfAt(ctx, j);
      if (b) return doc.actors[b.actor].key;
    }
  }
  return null;
}
