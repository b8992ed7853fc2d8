// Accession phrased with a verb: "Finland and Sweden to join NATO", "block Sweden from joining the alliance".
import { objectList, type Doc } from '../doc.js';
import type { Candidate } from './candidates.js';
import { nounPhrase } from './phrase.js';
import { WordSet } from './phrase-index.js';
import { lexiconNumbers, type Word } from './words.js';

const JOIN = new WordSet(['join', 'joins', 'joined', 'joining']);
const CLUBS = new Set(['nato', 'alliance', 'eu', 'union', 'bloc', 'us', 'organization', 'organisation']);
/** Words that may sit between a candidate and "join" ("Sweden also joined", "Finland to join"). */
const BRIDGE = new Set(['to', 'also', 'from', 'in', 'eventually', 'finally', 'formally', 'soon', 'could', 'can', 'will', 'would', 'may', 'might', 'not', 'never', 'has', 'have', 'had']);

export function joinCandidates(_doc: Doc, words: Word[], covered: Uint8Array): Candidate[] {
  const out = objectList<Candidate>();
  const lex = lexiconNumbers(words);
  for (let i = 0; i < words.length; i++) {
    if (!JOIN.hasNumber(lex[i]) || covered[i]) continue;
    let club = -1;
    for (let k = i + 1; k <= i + 4 && k < words.length && words[k].sentence === words[i].sentence; k++) {
      if (CLUBS.has(words[k].norm)) { club = k; break; }
      if (words[k].pos === 'PUNCT') break;
    }
    if (club < 0) continue;
    // The candidate country sits just before "join", perhaps across "to", "also", "from".
    let first = i;
    for (let k = i - 1; k >= 0 && i - k <= 6 && words[k].sentence === words[i].sentence; k--) {
      const w = words[k];
      if (BRIDGE.has(w.norm) || w.pos === 'PROPN' || w.norm === 'and' || w.norm === ',' || w.norm === "'s" || w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'DET') {
        if (w.pos === 'PROPN' || w.pos === 'NOUN') first = k;
        continue;
      }
      break;
    }
    const np = nounPhrase(words, i, club);
    np.first = first;
    np.complement = null;
    out.push({ kind: 'accession', strength: 'strong', refers: 'accession', np, headFirst: i, theme: '', distinct: false, link: null, absorbed: false, proposerHint: undefined, undo: undefined });
    for (let k = i; k <= club; k++) covered[k] = 1;
    i = club;
  }
  return out;
}
