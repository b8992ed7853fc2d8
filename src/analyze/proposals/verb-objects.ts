// Proposals named only as the object of a proposing verb: "Norway proposed a joint naval patrol", "the patrol proposed by Norway".
import { objectList } from '../doc.js';
import type { ActorIndex } from './actor-index.js';
import type { Candidate } from './candidates.js';
import { nounPhrase } from './phrase.js';
import { PhraseIndex } from './phrase-index.js';
import { NOT_PLAN_HEADS } from './triggers.js';
import { lexiconNumbers, type Word } from './words.js';

/** Verbs that put something forward; their noun-phrase object is the proposal. */
const PROPOSING = new PhraseIndex<true>();
for (const v of ['propose', 'proposes', 'proposed', 'proposing', 'unveil', 'unveils', 'unveiled', 'float', 'floats', 'floated', 'put forward', 'puts forward', 'tabled', 'tables'])
  PROPOSING.add(v, true);
// "called for a joint investigation", "pushed for a regional summit": asking for something puts it forward too.
for (const v of ['call', 'calls', 'called', 'calling', 'push', 'pushes', 'pushed', 'pushing', 'press', 'presses', 'pressed', 'pressing', 'lobby', 'lobbies', 'lobbied', 'lobbying', 'appeal', 'appealed', 'appealing'])
  PROPOSING.add(`${v} for`, true);
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'new']);
const MAX_NP = 6;

/**
 * Plan candidates for noun phrases that a proposing verb takes as object (active: "proposed a joint naval patrol";
 * passive: "the joint naval patrol … proposed by Norway"), and for the same head noun repeated with "the" later.
 * Only where no other candidate already names the phrase.
 */
export function verbObjectCandidates(words: Word[], ix: ActorIndex, covered: Uint8Array): Candidate[] {
  const out = objectList<Candidate>();
  const heads = new Set<string>();
  const lex = lexiconNumbers(words);
  for (let i = 0; i < words.length; i++) {
    if (!PROPOSING.begins(lex[i])) continue;
    const m = PROPOSING.matchAt(words, i);
    if (!m) continue;
    const passive = words[m.last + 1]?.norm === 'by';
    const np = passive ? npBefore(words, ix, m.first) : npAfter(words, ix, m.last + 1);
    i = m.last;
    if (!np) continue;
    const [first, head] = np;
    if (NOT_PLAN_HEADS.has(words[head].norm)) continue;
    let free = true;
    for (let k = first; k <= head; k++) if (covered[k]) free = false;
    if (!free) continue;
    const c = candidate(words, first, head);
    const by = passive ? ix.at[m.last + 2] ?? (words[m.last + 2]?.norm === 'the' ? ix.at[m.last + 3] : null) : subjectBefore(words, ix, m.first);
    if (by) c.proposerHint = by.actor;
    out.push(c);
    for (let k = first; k <= head; k++) covered[k] = 1;
    heads.add(words[head].norm);
  }
  // "the naval patrol", "the patrol": the same head noun named again.
  if (heads.size) {
    for (let i = 0; i < words.length; i++) {
      if (!heads.has(words[i].norm) || covered[i] || words[i].pos !== 'NOUN' || words[i + 1]?.pos === 'NOUN') continue;
      let first = i;
      while (first - 1 >= 0 && i - first < MAX_NP && (words[first - 1].pos === 'ADJ' || words[first - 1].pos === 'NOUN') && !ix.at[first - 1]) first--;
      if (!/^(the|this|that|such|its)$/.test(words[first - 1]?.norm ?? '')) continue;
      out.push(candidate(words, first, i));
      for (let k = first; k <= i; k++) covered[k] = 1;
    }
  }
  return out;
}

function candidate(words: Word[], first: number, head: number): Candidate {
  const np = nounPhrase(words, head, head);
  np.first = first;
  return { kind: 'plan', strength: 'strong', refers: 'plan', np, headFirst: head, theme: '', distinct: false, link: null, absorbed: false, proposerHint: undefined, undo: undefined };
}

/** "a joint naval patrol in the Barents Sea": determiner, modifiers and the head noun after a verb. */
function npAfter(words: Word[], ix: ActorIndex, k: number): [number, number] | null {
  while (words[k]?.pos === 'ADV') k++;
  if (!words[k] || !DETERMINERS.has(words[k].norm)) return null;
  const first = k + 1;
  let head = -1;
  for (let j = first; j < words.length && j - first < MAX_NP && words[j].sentence === words[first].sentence; j++) {
    if (ix.at[j]) return null;
    if (words[j].pos === 'NOUN') { head = j; continue; }
    if (words[j].pos === 'ADJ' || words[j].pos === 'NUM') { if (head >= 0) break; continue; }
    break;
  }
  return head >= 0 ? [first, head] : null;
}

/** "the joint naval patrol in the Barents Sea proposed by Norway": the nearest determined common noun before. */
function npBefore(words: Word[], ix: ActorIndex, k: number): [number, number] | null {
  for (let j = k - 1; j >= 0 && k - j <= 8 && words[j].sentence === words[k].sentence; j--) {
    if (words[j].pos !== 'NOUN' || ix.at[j] || words[j + 1]?.pos === 'NOUN') continue;
    let first = j;
    while (first - 1 >= 0 && j - first < MAX_NP && (words[first - 1].pos === 'ADJ' || words[first - 1].pos === 'NOUN') && !ix.at[first - 1]) first--;
    if (words[first - 1] && DETERMINERS.has(words[first - 1].norm)) return [first, j];
    return null;
  }
  return null;
}

/** "Norway proposed", "Norway has formally proposed", "Norway on Monday proposed": the subject right before the verb. */
function subjectBefore(words: Word[], ix: ActorIndex, verb: number) {
  for (let k = verb - 1; k >= 0 && verb - k <= 4 && words[k].sentence === words[verb].sentence; k--) {
    const u = ix.at[k];
    if (u) return words[u.first - 1] && /^(of|to|for|from|with|by|in|on|at)$/.test(words[u.first - 1].norm) ? null : u;
    if (!(words[k].pos === 'AUX' || words[k].pos === 'ADV' || /^(on|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(words[k].norm))) return null;
  }
  return null;
}
