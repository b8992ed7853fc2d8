// A proposal's head noun named again with "the" ("a binding code of conduct … the code", "a push for a brigade … the brigade"): an anaphor of it.
import { objectList } from '../doc.js';
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

const ASKING_HEADS = new Set(['push', 'call', 'calls', 'proposal', 'plan', 'idea', 'bid', 'demand', 'request', 'offer', 'initiative', 'appeal', 'plea']);

/** "Romania's push for a permanent multinational brigade": the head noun of what a speech-act head asks for, or -1. */
function askedFor(words: Word[], c: Candidate): number {
  if (!ASKING_HEADS.has(words[c.np.head].norm) || words[c.np.head + 1]?.norm !== 'for') return -1;
  let k = c.np.head + 2;
  if (!/^(a|an|the)$/.test(words[k]?.norm ?? '')) return -1;
  k++;
  while (words[k] && (words[k].pos === 'ADJ' || (words[k].pos === 'NOUN' && words[k + 1]?.pos === 'NOUN'))) k++;
  return words[k]?.pos === 'NOUN' && words[k].sentence === words[c.np.head].sentence ? k : -1;
}

/** Anaphor candidates for the head nouns of strong multi-word triggers, where nothing else covers the word. */
export function repeatCandidates(words: Word[], found: Candidate[], covered: Uint8Array): Candidate[] {
  const kinds = new Map<string, Candidate['kind']>();
  const sources = new Map<string, Candidate>();
  for (const c of found) {
    const gist = c.strength === 'generic' ? askedFor(words, c) : -1;
    if (gist < 0 && (c.strength !== 'strong' || c.headFirst === c.np.head || !c.kind)) continue;
    const h = words[gist >= 0 ? gist : headOf(words, c)].norm;
    if (TOO_VAGUE.has(h) || ANAPHORS.has(h) || GENERIC_HEADS.has(h) || kinds.has(h)) continue;
    kinds.set(h, c.kind ?? 'plan');
    sources.set(h, c);
  }
  if (!kinds.size) return [];
  const out = objectList<Candidate>();
  for (let i = 0; i < words.length; i++) {
    const kind = kinds.get(words[i].norm);
    if (!kind || covered[i] || words[i].pos !== 'NOUN' || words[i + 1]?.pos === 'NOUN' || TRIGGERS.matchAt(words, i)) continue;
    let d = i - 1;
    while (d >= 0 && i - d <= MAX_MODIFIERS && words[d].pos === 'ADJ' && words[d].sentence === words[i].sentence) d--;
    if (d < 0 || !POINTING.has(words[d].norm) || words[d].sentence !== words[i].sentence) continue;
    const np = nounPhrase(words, i, i);
    out.push({ kind: null, strength: 'anaphor', refers: kind, np, headFirst: i, theme: '', distinct: false, link: sources.get(words[i].norm) ?? null, absorbed: false, proposerHint: undefined, undo: undefined });
    covered[i] = 1;
  }
  return out;
}
