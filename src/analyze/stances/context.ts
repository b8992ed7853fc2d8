// What the stances stage looks things up in: words, actor mentions, proposal mentions and quotes by word.
import type { Doc } from '../doc.js';
import { actorIndex, type ActorIndex } from '../proposals/actor-index.js';
import { sentenceRanges, wordAt, wordsOf, type Word } from '../proposals/words.js';

export interface StanceContext {
  doc: Doc;
  words: Word[];
  ix: ActorIndex;
  /** Per word, the proposal whose mention covers it, or -1. */
  proposalAt: Int32Array;
  /** Per word, the quote covering it, or -1. */
  quoteAt: Int32Array;
  sentences: Map<number, { first: number; last: number }>;
}

export function stanceContext(doc: Doc): StanceContext {
  const words = wordsOf(doc);
  const proposalAt = new Int32Array(words.length).fill(-1);
  doc.proposals.forEach((p, pi) => {
    for (const m of p.mentions) for (let k = wordAt(words, m.start); k < words.length && words[k].start < m.end; k++) proposalAt[k] = pi;
  });
  const quoteAt = new Int32Array(words.length).fill(-1);
  doc.quotes.forEach((q, qi) => {
    for (let k = wordAt(words, q.start); k < words.length && words[k].start < q.end; k++) {
      // A direct quote inside an indirect one wins.
      if (quoteAt[k] < 0 || doc.quotes[quoteAt[k]].kind === 'indirect') quoteAt[k] = qi;
    }
  });
  return { doc, words, ix: actorIndex(doc, words), proposalAt, quoteAt, sentences: sentenceRanges(words) };
}
