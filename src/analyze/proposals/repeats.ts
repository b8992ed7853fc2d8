// A strong proposal's head noun named again with "the" ("a binding code of conduct … the code"): an anaphor of it.
import type { Candidate } from './candidates.js';
import { nounPhrase } from './phrase.js';
import { ANAPHORS, GENERIC_HEADS, TRIGGERS } from './triggers.js';
import type { Word } from './words.js';

const POINTING = new Set(['the', 'this', 'that', 'such', 'its', 'their', 'any']);
/** Heads too vague to point back on their own. */
const TOO_VAGUE = new Set(['zone', 'system', 'systems', 'status', 'package', 'deal', 'force', 'forces', 'troops', 'aid']);
const MAX_MODIFIERS = 3;

/** The head word of a multi-word trigger: the word before "of" ("code of conduct"), else the last. */
function headOf(words: Word[], c: Candidate): number {
  for (let k = c.headFirst; k < c.np.head; k++) if (words[k + 1].norm === 'of') return k;
  return c.np.head;
}

/** Anaphor candidates for the head nouns of strong multi-word triggers, where nothing else covers the word. */
export function repeatCandidates(words: Word[], found: Candidate[], covered: Uint8Array): Candidate[] {
  const kinds = new Map<string, Candidate['kind']>();
  for (const c of found) {
    if (c.strength !== 'strong' || c.headFirst === c.np.head || !c.kind) continue;
    const h = words[headOf(words, c)].norm;
    if (TOO_VAGUE.has(h) || ANAPHORS.has(h) || GENERIC_HEADS.has(h)) continue;
    if (!kinds.has(h)) kinds.set(h, c.kind);
  }
  if (!kinds.size) return [];
  const out: Candidate[] = [];
  for (let i = 0; i < words.length; i++) {
    const kind = kinds.get(words[i].norm);
    if (!kind || covered[i] || words[i].pos !== 'NOUN' || words[i + 1]?.pos === 'NOUN' || TRIGGERS.matchAt(words, i)) continue;
    let d = i - 1;
    while (d >= 0 && i - d <= MAX_MODIFIERS && words[d].pos === 'ADJ' && words[d].sentence === words[i].sentence) d--;
    if (d < 0 || !POINTING.has(words[d].norm) || words[d].sentence !== words[i].sentence) continue;
    const np = nounPhrase(words, i, i);
    out.push({ kind: null, strength: 'anaphor', refers: kind, np, headFirst: i, theme: '', distinct: false, link: null, absorbed: false });
    covered[i] = 1;
  }
  return out;
}
